import SQLite from "better-sqlite3";
import pg from "pg";
import type { Dialect } from "./client";

/**
 * A number that changes whenever data a page shows may have changed, for a cache to compare:
 * a commit through this handle (counted at once, by `writeTransaction`), and on SQLite a commit
 * by any connection of any process (`PRAGMA data_version` of a connection of its own, a few
 * microseconds to read), on PostgreSQL a `data_changed` notification (sent on commit by the
 * triggers of the migration `change-notifications`, from any instance, the worker or a script).
 *
 * The count of local commits belongs to the handle, not to a module: whichever copy of the
 * code writes through the process's one handle moves the number its page cache reads.
 */
export interface ChangeWatch {
  version(): number;
  /** Write transactions committed through this handle. */
  readonly commits: number;
  /** A write transaction through this handle committed. */
  noteCommit(): void;
  close(): Promise<void>;
}

export function watchChanges(dialect: Dialect, location: string): ChangeWatch {
  const others = dialect === "postgres" ? watchPostgres(location) : watchSqlite(location);
  let commits = 0;
  return {
    version: () => commits + others.count(),
    get commits() {
      return commits;
    },
    noteCommit() {
      commits++;
    },
    close: () => others.close(),
  };
}

/** What other connections and processes committed: a count, and how to stop watching. */
interface OtherCommits {
  count(): number;
  close(): Promise<void>;
}

function watchSqlite(filename: string): OtherCommits {
  if (filename === ":memory:") return { count: () => 0, close: async () => {} };
  let connection: SQLite.Database | undefined;
  // Prepared once: `pragma()` prepares its statement at every call, a fifth of a kept page's cost.
  let dataVersion: SQLite.Statement<[], number> | undefined;
  return {
    count() {
      if (!dataVersion) {
        connection = new SQLite(filename, { readonly: true, fileMustExist: true });
        dataVersion = connection.prepare<[], number>("PRAGMA data_version").pluck();
      }
      return dataVersion.get() as number;
    },
    async close() {
      connection?.close();
      connection = undefined;
      dataVersion = undefined;
    },
  };
}

const RECONNECT_MS = 1000;

function watchPostgres(url: string): OtherCommits {
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
    count() {
      if (!started) {
        started = true;
        connect().catch(() => {
          notifications++;
        });
      }
      return notifications;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
