import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import Cursor from "pg-cursor";
import type { Database } from "./schema";

export type Dialect = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "file:data/ondernemersagenda.sqlite";

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
}

// PostgreSQL returns bigint (count(*), sum) as text; every such number here fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function dialectOf(url: string): Dialect {
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

export function createDatabase(
  url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
): DatabaseHandle {
  const dialect = dialectOf(url);
  if (dialect === "postgres") {
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    });
    // The cursor lets `.stream()` read large exports in batches instead of all at once.
    return {
      dialect,
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) }),
    };
  }
  const filename = sqliteFilename(url);
  return {
    dialect,
    db: new Kysely<Database>({
      dialect: new SqliteDialect({
        database: async () => {
          if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
          const sqlite = new SQLite(filename);
          // WAL lets readers run beside the one writer; the busy timeout makes a second
          // process (the separate mail worker) wait for the write lock instead of failing.
          sqlite.pragma("journal_mode = WAL");
          sqlite.pragma("busy_timeout = 5000");
          sqlite.pragma("synchronous = NORMAL");
          sqlite.pragma("foreign_keys = ON");
          return sqlite;
        },
      }),
    }),
  };
}

const globalForDb = globalThis as typeof globalThis & { __ondernemersagendaDb?: DatabaseHandle };

/**
 * The one database handle of this process. Kept on globalThis so that the server, the
 * Remix build it loads and dev rebuilds all share one pool instead of opening new ones.
 */
export function database(): DatabaseHandle {
  globalForDb.__ondernemersagendaDb ??= createDatabase();
  return globalForDb.__ondernemersagendaDb;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.__ondernemersagendaDb;
  globalForDb.__ondernemersagendaDb = undefined;
  await handle?.db.destroy();
}
