import { type Kysely, type Migration, Migrator, sql } from "kysely";
import { DatabaseBusy } from "./busy";
import { closeDatabase, type DatabaseHandle, database } from "./client";
import { migrations } from "./migrations";
import type { Database } from "./schema";

/**
 * Brings the schema up to the last migration. With `inTransaction`, `db` is a connection in a
 * transaction the caller holds (see `withSetupLock`) and the migrations run in it; a migration
 * must then not rely on running outside one (`PRAGMA foreign_keys` is ignored inside one on
 * SQLite; `CREATE INDEX CONCURRENTLY` refuses to run in one on PostgreSQL).
 */
export async function migrateToLatest(
  db: Kysely<any>,
  { inTransaction = false } = {},
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => reportingFailures(migrations) },
    disableTransactions: inTransaction,
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === "Success") console.log(`migration ${result.migrationName} applied`);
  }
  if (error) throw error;
}

/**
 * Logs a failing migration's own error. On PostgreSQL the failed statement aborts the
 * transaction, and kysely's lock release after it fails too and takes the original's place.
 */
function reportingFailures(all: Record<string, Migration>): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(all).map(([name, migration]) => [
      name,
      {
        ...migration,
        async up(db: Kysely<any>) {
          try {
            await migration.up(db);
          } catch (error) {
            console.error(`migration ${name} failed:`, error);
            throw error;
          }
        },
      },
    ]),
  );
}

// Any number will do that nothing else in the database takes an advisory lock on.
const SETUP_LOCK_KEY = 7_140_020_261;
// SQLite's busy timeout (5 s) is per attempt; an instance loading the demo data on a slow disk
// may hold the lock longer, and the others should wait for it rather than crash.
const SETUP_LOCK_WAIT_MS = 120_000;

// The driver reports SQLite's SQLITE_BUSY as DatabaseBusy (a 503 for pages); either means
// another instance holds the lock, and this one tries again.
const isBusy = (error: unknown) =>
  error instanceof DatabaseBusy ||
  (error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_BUSY"));

/**
 * Runs `work` in one transaction that holds a lock on the whole database, so that instances
 * starting together set it up one after the other: the first migrates and loads what is
 * missing, the others find it done. PostgreSQL: an advisory lock held until the transaction
 * ends; SQLite: `BEGIN IMMEDIATE`, its one write lock. `work` gets a connection rather than a
 * kysely Transaction, because kysely's Migrator needs one it can call `.connection()` on.
 */
export async function withSetupLock<T>(
  work: (db: Kysely<Database>) => Promise<T>,
  handle: DatabaseHandle = database(),
): Promise<T> {
  return handle.db.connection().execute(async (connection) => {
    if (handle.dialect === "postgres") {
      await sql`begin`.execute(connection);
    } else {
      for (const started = Date.now(); ; ) {
        try {
          await sql`begin immediate`.execute(connection);
          break;
        } catch (error) {
          if (!isBusy(error) || Date.now() - started > SETUP_LOCK_WAIT_MS) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
    try {
      if (handle.dialect === "postgres") {
        // The pool bounds every lock wait (DATABASE_LOCK_TIMEOUT_MS, 5 s); loading the demo
        // data on a busy machine takes longer, and the instances waiting for it must wait for
        // it, as they do on SQLite, rather than crash.
        await sql`set local lock_timeout = ${sql.lit(`${SETUP_LOCK_WAIT_MS}ms`)}`.execute(
          connection,
        );
        await sql`select pg_advisory_xact_lock(${sql.lit(SETUP_LOCK_KEY)})`.execute(connection);
      }
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      // kysely's own migration lock is held by the session, and a rollback keeps it: let it go,
      // or the next migration on this pooled connection's database would wait for an hour.
      if (handle.dialect === "postgres")
        await sql`select pg_advisory_unlock_all()`.execute(connection);
      throw error;
    }
  });
}

// `npm run db:migrate`: safe beside starting instances, which take the same lock.
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await withSetupLock((db) => migrateToLatest(db, { inTransaction: true }));
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}
