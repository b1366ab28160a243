import { type Kysely, sql } from "kysely";
import { type DatabaseHandle, database, dialectOfDb } from "./client";
import type { Database } from "./schema";

/**
 * Runs `work` in a transaction that is about to write, on either database.
 *
 * SQLite: `BEGIN IMMEDIATE` takes the write lock up front, so a read-then-write
 * transaction in the server and one in a separate worker process queue up behind
 * the busy timeout instead of failing with SQLITE_BUSY halfway through.
 * PostgreSQL: an ordinary transaction; `work` takes row locks with `lockForUpdate`.
 */
export async function writeTransaction<T>(
  work: (trx: Kysely<Database>) => Promise<T>,
  handle: DatabaseHandle = database(),
): Promise<T> {
  if (handle.dialect === "postgres") {
    const result = await handle.db.transaction().execute(work);
    handle.changes?.noteCommit();
    return result;
  }
  return handle.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      handle.changes?.noteCommit();
      return result;
    } catch (error) {
      // A failed BEGIN (busy) left no transaction to roll back.
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Locks one session row until the transaction ends: every change to a session's seats
 * goes through here, so two sign-ups for the last seat are decided one after the other.
 * On SQLite the whole database is already locked by `BEGIN IMMEDIATE`. The dialect is the
 * transaction's own, whichever handle it came from (not the process's default one).
 */
export async function lockSession(trx: Kysely<Database>, sessionId: number): Promise<void> {
  if (dialectOfDb(trx) !== "postgres") return;
  await trx.selectFrom("sessions").select("id").where("id", "=", sessionId).forUpdate().execute();
}

/**
 * Runs one large read, an aggregation over a year of registrations (the city's report), on
 * either database. PostgreSQL: in a read-only transaction without JIT compilation. The planner
 * cannot know how many rows a join of two CTEs gives, so it takes such a query for a far bigger
 * one and compiles it: 0.8 s of JIT in a 1.2 s query, for a query that then runs in 0.3 s.
 * SQLite: the read itself, on a reader connection as any read.
 */
export async function largeRead<T>(
  work: (db: Kysely<Database>) => Promise<T>,
  handle: DatabaseHandle = database(),
): Promise<T> {
  if (handle.dialect !== "postgres") return work(handle.db);
  return handle.db
    .transaction()
    .setAccessMode("read only")
    .execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      return work(trx);
    });
}
