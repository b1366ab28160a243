import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type LogEvent,
  PostgresAdapter,
  PostgresDialect,
  type QueryCompiler,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import Cursor from "pg-cursor";
import { databaseSettings } from "../app/lib/config.server";
import { DatabaseBusy } from "./busy";
import { type ChangeWatch, watchChanges } from "./changes";
import type { Database } from "./schema";
import { ReadWriteSqliteDialect } from "./sqlite-driver";

export type Dialect = "sqlite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Tells a cache when data may have changed (see db/changes.ts); not every handle has one. */
  changes?: ChangeWatch;
  /**
   * Who hears each statement the handle runs (its SQL, in order), for a test that counts what
   * one request did; empty, and so free, in the app. Kept on the handle, which the test and
   * the bundle share.
   */
  queryListeners?: Set<QueryListener>;
}

/** A statement the handle ran: its SQL, its parameters, and how long it took to answer. */
type QueryListener = (query: {
  sql: string;
  parameters: readonly unknown[];
  durationMs: number;
}) => void;

/** kysely's log hook, passing each statement to the handle's listeners. */
function queryLog(listeners: Set<QueryListener>) {
  return (event: LogEvent) => {
    const { sql, parameters } = event.query;
    for (const listener of listeners) {
      listener({ sql, parameters, durationMs: event.queryDurationMillis });
    }
  };
}

// PostgreSQL returns bigint (count(*), sum) as text; every such number here fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (/^(file:|sqlite:)/i.test(url) || !url.includes("://")) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql:// or file: (got "${url}")`,
  );
}

function sqliteFilename(url: string): string {
  const path = url.replace(/^(file:|sqlite:)(\/\/)?/i, "");
  return path === ":memory:" ? path : resolve(path);
}

/**
 * How long a query may wait for a lock (a row, the SQLite write lock, a pooled connection)
 * before it gives up with DatabaseBusy (503 "busy", Retry-After) instead of hanging.
 */
function lockTimeoutMs(): number {
  return databaseSettings().DATABASE_LOCK_TIMEOUT_MS;
}

/** The dialect a Kysely instance (or a transaction of it) speaks, whichever handle made it. */
export function dialectOfDb(db: Kysely<Database>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export function createDatabase(url = databaseSettings().DATABASE_URL): DatabaseHandle {
  const dialect = dialectOf(url);
  const timeout = lockTimeoutMs();
  const queryListeners = new Set<QueryListener>();
  if (dialect === "postgres") {
    const pool = new pg.Pool({
      connectionString: url,
      max: databaseSettings().DATABASE_POOL_MAX,
      // Waiting for a row lock or for a free connection is bounded; nothing waits forever. The
      // wait for a connection is longer: under a rush the process itself answers late, and a
      // pooled connection is handed on as soon as a transaction ends.
      lock_timeout: timeout,
      connectionTimeoutMillis: Math.max(10_000, 3 * timeout),
    });
    // A pooled connection the server closed while idle is dropped from the pool; not a crash.
    pool.on("error", (error) => console.error("database connection lost:", error.message));
    // The cursor lets `.stream()` read large exports in batches instead of all at once.
    return {
      dialect,
      db: new Kysely<Database>({
        dialect: new BoundedPostgresDialect({ pool, cursor: Cursor }),
        log: queryLog(queryListeners),
      }),
      changes: watchChanges(dialect, url),
      queryListeners,
    };
  }
  const filename = sqliteFilename(url);
  const open = (role: "writer" | "reader") => {
    if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
    const sqlite = new SQLite(filename);
    // WAL lets the readers run beside the one writer; the busy timeout makes a second process
    // (the separate mail worker) wait for the write lock for a bounded time, then "busy".
    if (role === "writer") sqlite.pragma("journal_mode = WAL");
    sqlite.pragma(`busy_timeout = ${timeout}`);
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    // Erased and anonymised data is overwritten where it stood, not left in free pages.
    sqlite.pragma("secure_delete = ON");
    if (role === "reader") sqlite.pragma("query_only = ON");
    return sqlite;
  };
  return {
    dialect,
    changes: watchChanges(dialect, filename),
    queryListeners,
    db: new Kysely<Database>({
      log: queryLog(queryListeners),
      dialect: new ReadWriteSqliteDialect({
        open,
        // Each connection to ":memory:" is a database of its own: one connection does all.
        separateReaders: filename !== ":memory:",
        maxReaders: 4,
        lockTimeoutMs: timeout,
      }),
    }),
  };
}

/** PostgreSQL's "could not obtain lock" (lock_timeout) and the pool's wait for a connection. */
function postgresBusyOrSame(error: unknown): unknown {
  if ((error as { code?: string }).code === "55P03") {
    return new DatabaseBusy("waited too long for a lock");
  }
  if (
    error instanceof Error &&
    /timeout exceeded when trying to connect|terminated due to connection timeout/.test(
      error.message,
    )
  ) {
    return new DatabaseBusy("no free database connection");
  }
  return error;
}

class BoundedPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new BoundedDriver(super.createDriver());
  }
}

/** kysely's PostgreSQL driver, with a lock or pool timeout turned into DatabaseBusy. */
class BoundedDriver implements Driver {
  constructor(private readonly inner: Driver) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    try {
      return new BoundedConnection(await this.inner.acquireConnection());
    } catch (error) {
      throw postgresBusyOrSame(error);
    }
  }
  // BEGIN, COMMIT and savepoints are statements on the wrapped connection, like any other: a
  // lock timeout in them is "busy" too, and the log hears them.
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  async savepoint(c: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    await this.inner.savepoint?.(c, name, compile);
  }
  async rollbackToSavepoint(
    c: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ) {
    await this.inner.rollbackToSavepoint?.(c, name, compile);
  }
  async releaseSavepoint(
    c: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ) {
    await this.inner.releaseSavepoint?.(c, name, compile);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(innerOf(connection));
  }
  destroy() {
    return this.inner.destroy();
  }
}

const innerOf = (connection: DatabaseConnection) =>
  connection instanceof BoundedConnection ? connection.inner : connection;

class BoundedConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}
  async executeQuery<R>(query: CompiledQuery) {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      throw postgresBusyOrSame(error);
    }
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number) {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const globalForDb = globalThis as typeof globalThis & { __ondernemersagendaDb?: DatabaseHandle };

/**
 * The one database handle of this process. The server runs from one bundle (server/index.ts),
 * so it holds one copy of this module; the handle is still kept on globalThis so that a test,
 * which loads the sources beside that bundle, shares the bundle's pool and change counter.
 */
export function database(): DatabaseHandle {
  globalForDb.__ondernemersagendaDb ??= createDatabase();
  return globalForDb.__ondernemersagendaDb;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.__ondernemersagendaDb;
  globalForDb.__ondernemersagendaDb = undefined;
  await handle?.changes?.close();
  await handle?.db.destroy();
}
