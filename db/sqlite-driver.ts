import type BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  SqliteDialect,
} from "kysely";
import { DatabaseBusy } from "./busy";

type SqliteDatabase = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

export interface ReadWriteSqliteOptions {
  /** Opens a connection to the database file; called once for the writer, then per reader. */
  open: (role: "writer" | "reader") => SqliteDatabase;
  /** Whether readers get connections of their own (not for `:memory:`, which is per connection). */
  separateReaders: boolean;
  /** Readers open at most; a stream (an export) holds one until it ends. */
  maxReaders: number;
  /** How long a write may wait for the writer connection of this process before "busy". */
  lockTimeoutMs: number;
  /** Rows a stream reads before it lets the event loop answer other requests. */
  streamBatch?: number;
}

/**
 * SQLite with one writer and a few readers, behind kysely's ordinary API. A SELECT outside a
 * transaction runs on a reader connection (WAL: it sees every committed write and never waits
 * for the writer); everything else (writes, raw SQL, transactions) on the one writer, taken in
 * turn. So a long export or a sign-up's write transaction never holds up a page, and models
 * need not know. better-sqlite3 is synchronous: a stream gives the event loop a turn between
 * batches, so a 100,000-row export cannot hold the process either.
 */
export class ReadWriteSqliteDialect extends SqliteDialect {
  readonly #options: ReadWriteSqliteOptions;

  constructor(options: ReadWriteSqliteOptions) {
    // The parent's driver is never made; its adapter, compiler and introspector are used.
    super({ database: async () => options.open("writer") });
    this.#options = options;
  }

  override createDriver(): Driver {
    return new ReadWriteSqliteDriver(this.#options);
  }
}

const STATEMENTS_KEPT = 256;

/** One better-sqlite3 connection with its prepared statements kept (preparing costs ~20 µs). */
class SqliteSession {
  readonly #statements = new Map<string, Statement>();
  constructor(readonly db: SqliteDatabase) {}

  prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.#statements.size >= STATEMENTS_KEPT) this.#statements.clear();
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  run<R>({ sql, parameters }: CompiledQuery): QueryResult<R> {
    try {
      const statement = this.prepare(sql);
      if (statement.reader) return { rows: statement.all(parameters) as R[] };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return {
        numAffectedRows: BigInt(changes),
        insertId: lastInsertRowid === undefined ? undefined : BigInt(lastInsertRowid),
        rows: [],
      };
    } catch (error) {
      throw busyOrSame(error);
    }
  }
}

function busyOrSame(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED"
    ? new DatabaseBusy("the database is locked by another process")
    : error;
}

class ReadWriteSqliteDriver implements Driver {
  readonly #options: ReadWriteSqliteOptions;
  #writer: SqliteSession | undefined;
  readonly #idleReaders: SqliteSession[] = [];
  #readers = 0;
  readonly #readerWaiters: ((reader: SqliteSession) => void)[] = [];
  // The writer is handed to one connection at a time, in order of asking.
  #writerBusy = false;
  readonly #writerWaiters: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(options: ReadWriteSqliteOptions) {
    this.#options = options;
  }

  async init(): Promise<void> {
    this.#writer = new SqliteSession(this.#options.open("writer"));
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).release();
  }

  async destroy(): Promise<void> {
    for (const waiter of this.#writerWaiters) clearTimeout(waiter.timer);
    this.#writer?.db.close();
    for (const reader of this.#idleReaders) reader.db.close();
    this.#idleReaders.length = 0;
  }

  get separateReaders(): boolean {
    return this.#options.separateReaders;
  }

  get streamBatch(): number {
    return this.#options.streamBatch ?? 500;
  }

  /** The writer, once every connection that asked before has released it; "busy" after a while. */
  takeWriter(): Promise<SqliteSession> | SqliteSession {
    const writer = this.#writer;
    if (!writer) throw new Error("database closed");
    if (!this.#writerBusy) {
      this.#writerBusy = true;
      return writer;
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(writer);
        },
        timer: setTimeout(() => {
          const index = this.#writerWaiters.indexOf(waiter);
          if (index >= 0) this.#writerWaiters.splice(index, 1);
          reject(new DatabaseBusy("waited too long for the write lock"));
        }, this.#options.lockTimeoutMs),
      };
      this.#writerWaiters.push(waiter);
    });
  }

  giveBackWriter(): void {
    const next = this.#writerWaiters.shift();
    if (next) next.grant();
    else this.#writerBusy = false;
  }

  takeReader(): Promise<SqliteSession> | SqliteSession {
    const idle = this.#idleReaders.pop();
    if (idle) return idle;
    if (this.#readers < this.#options.maxReaders) {
      this.#readers++;
      return new SqliteSession(this.#options.open("reader"));
    }
    return new Promise((resolve) => this.#readerWaiters.push(resolve));
  }

  giveBackReader(reader: SqliteSession): void {
    const next = this.#readerWaiters.shift();
    if (next) next(reader);
    else this.#idleReaders.push(reader);
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What kysely holds while it runs queries: a SELECT goes to a reader until this connection
 * writes or begins a transaction; from then on, until it is released, it holds the writer.
 */
class RoutedConnection implements DatabaseConnection {
  readonly #driver: ReadWriteSqliteDriver;
  #writer: SqliteSession | undefined;

  constructor(driver: ReadWriteSqliteDriver) {
    this.#driver = driver;
  }

  #readsOnReader(query: CompiledQuery): boolean {
    return !this.#writer && this.#driver.separateReaders && SelectQueryNode.is(query.query);
  }

  async #holdWriter(): Promise<SqliteSession> {
    this.#writer ??= await this.#driver.takeWriter();
    return this.#writer;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#readsOnReader(query)) {
      const reader = await this.#driver.takeReader();
      try {
        return reader.run<R>(query);
      } finally {
        this.#driver.giveBackReader(reader);
      }
    }
    return (await this.#holdWriter()).run<R>(query);
  }

  async *streamQuery<R>(
    query: CompiledQuery,
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error("only SELECT queries can be streamed");
    const onReader = this.#readsOnReader(query);
    const session = onReader ? await this.#driver.takeReader() : await this.#holdWriter();
    const batch = Math.max(1, chunkSize ?? this.#driver.streamBatch);
    let rows: R[] = [];
    try {
      // A statement being iterated keeps its connection busy: this reader is the stream's alone.
      const iterator = session.db
        .prepare(query.sql)
        .iterate(query.parameters) as IterableIterator<R>;
      try {
        for (const row of iterator) {
          rows.push(row);
          if (rows.length >= batch) {
            yield { rows };
            rows = [];
            if (onReader) await nextTurn();
          }
        }
      } finally {
        iterator.return?.();
      }
      if (rows.length) yield { rows };
    } catch (error) {
      throw busyOrSame(error);
    } finally {
      if (onReader) this.#driver.giveBackReader(session);
    }
  }

  release(): void {
    if (!this.#writer) return;
    this.#writer = undefined;
    this.#driver.giveBackWriter();
  }
}
