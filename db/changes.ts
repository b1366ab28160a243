import SQLite from "better-sqlite3";
import pg from "pg";
import type { Dialect } from "./client";

/**
 * A number that changes whenever data a page shows may have changed, for a cache to compare:
 * a commit by this process (counted at once), and on SQLite a commit by any connection of any
 * process (`PRAGMA data_version` of a connection of its own, a few microseconds to read), on
 * PostgreSQL a `data_changed` notification (sent on commit by the triggers of the migration
 * `change-notifications`, from any instance, the worker or a script).
 */
export interface ChangeWatch {
  version(): number;
  close(): Promise<void>;
}

let localCommits = 0;

/** A write transaction of this process committed. */
export function noteCommit(): void {
  localCommits++;
}

export function watchChanges(dialect: Dialect, location: string): ChangeWatch {
  return dialect === "postgres" ? watchPostgres(location) : watchSqlite(location);
}

function watchSqlite(filename: string): ChangeWatch {
  if (filename === ":memory:") return { version: () => localCommits, close: async () => {} };
  let connection: SQLite.Database | undefined;
  return {
    version() {
      connection ??= new SQLite(filename, { readonly: true, fileMustExist: true });
      return localCommits + (connection.pragma("data_version", { simple: true }) as number);
    },
    async close() {
      connection?.close();
      connection = undefined;
    },
  };
}

const RECONNECT_MS = 1000;

function watchPostgres(url: string): ChangeWatch {
  let notifications = 0;
  let client: pg.Client | undefined;
  let closed = false;
  let started = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const listener = new pg.Client({ connectionString: url });
    client = listener;
    listener.on("notification", () => notifications++);
    // A lost connection may have missed notifications: count one, then listen again. Until
    // then the cache's one-second lifetime bounds what a reader sees.
    listener.on("error", () => undefined);
    listener.on("end", () => {
      notifications++;
      if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS);
    });
    await listener.connect();
    await listener.query("listen data_changed");
  };

  return {
    version() {
      if (!started) {
        started = true;
        connect().catch(() => {
          notifications++;
        });
      }
      return localCommits + notifications;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
