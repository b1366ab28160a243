import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * The seats a session has given and the people waiting, kept on the session row itself:
 * - sessions: `seats_taken` (confirmed registrations that hold a seat, walk-ins left out, as
 *   the pages count them) and `waiting_count` (registrations on the waiting list).
 * - registrations: triggers keep both exact for every insert, delete and change of status,
 *   source or session, whichever code (or hand-written SQL) makes it; an index on the waiting
 *   list in its order (session, status, queue position).
 *
 * A sign-up decides its seat in one statement that locks the session row. On PostgreSQL a
 * statement reads every other table as it was when the statement began, before it waited for
 * that lock, so a count of registrations taken in the same statement would miss the sign-ups
 * committed while it waited; the locked row itself is read as the last commit left it. Hence
 * the counts live on the row.
 *
 * On SQLite, a later migration that rebuilds the registrations table must create the triggers
 * again.
 */

/** A registration that holds one of the session's seats; 1 or 0 on both databases. */
const holdsSeat = (row: "new" | "old") =>
  sql.raw(`(case when ${row}.status = 'confirmed' and ${row}.source <> 'door' then 1 else 0 end)`);
const waits = (row: "new" | "old") =>
  sql.raw(`(case when ${row}.status = 'waitlisted' then 1 else 0 end)`);
const counted = (row: "new" | "old") =>
  sql.raw(
    `(${row}.status = 'waitlisted' or (${row}.status = 'confirmed' and ${row}.source <> 'door'))`,
  );

const change = (row: "new" | "old", sign: "+" | "-") => sql`update sessions set
  seats_taken = seats_taken ${sql.raw(sign)} ${holdsSeat(row)},
  waiting_count = waiting_count ${sql.raw(sign)} ${waits(row)}
  where id = ${sql.raw(row)}.session_id and ${counted(row)}`;

const UNCHANGED = sql.raw(
  "old.status = new.status and old.source = new.source and old.session_id = new.session_id",
);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("sessions")
    .addColumn("seats_taken", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("sessions")
    .addColumn("waiting_count", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await sql`update sessions set
    seats_taken = (select count(*) from registrations r where r.session_id = sessions.id
      and r.status = 'confirmed' and r.source <> 'door'),
    waiting_count = (select count(*) from registrations r where r.session_id = sessions.id
      and r.status = 'waitlisted')`.execute(db);

  // The waiting list in its order: a new sign-up's place, and who is promoted next.
  await db.schema
    .createIndex("registrations_waiting_idx")
    .on("registrations")
    .columns(["session_id", "status", "queue_position"])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function registrations_session_counts() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and ${UNCHANGED} then return null; end if;
        if tg_op in ('UPDATE', 'DELETE') then ${change("old", "-")}; end if;
        if tg_op in ('UPDATE', 'INSERT') then ${change("new", "+")}; end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger registrations_session_counts
      after insert or delete or update of status, source, session_id on registrations
      for each row execute function registrations_session_counts()`.execute(db);
    return;
  }
  await sql`create trigger registrations_session_counts_insert after insert on registrations
    begin ${change("new", "+")}; end`.execute(db);
  await sql`create trigger registrations_session_counts_delete after delete on registrations
    begin ${change("old", "-")}; end`.execute(db);
  await sql`create trigger registrations_session_counts_update
    after update of status, source, session_id on registrations
    when not (${UNCHANGED})
    begin ${change("old", "-")}; ${change("new", "+")}; end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger registrations_session_counts on registrations`.execute(db);
    await sql`drop function registrations_session_counts()`.execute(db);
  } else {
    for (const name of ["insert", "delete", "update"]) {
      await sql`drop trigger ${sql.raw(`registrations_session_counts_${name}`)}`.execute(db);
    }
  }
  await db.schema.dropIndex("registrations_waiting_idx").execute();
  await db.schema.alterTable("sessions").dropColumn("waiting_count").execute();
  await db.schema.alterTable("sessions").dropColumn("seats_taken").execute();
}
