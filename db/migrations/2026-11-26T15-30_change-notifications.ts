import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen once released: later changes get a migration of their own.

/** Everything a public page shows: a write to any of these makes cached pages stale. */
const TABLES = ["cities", "partners", "sessions", "session_partners", "registrations"];

/**
 * PostgreSQL: every statement that changes what public pages show sends a notification on
 * channel `data_changed` when its transaction commits (PostgreSQL delivers NOTIFY at commit,
 * once per transaction, and never for a rollback), so each app instance drops its cached pages
 * whoever wrote: another instance, the worker, a script. SQLite needs nothing: a process sees
 * any commit by any connection in `PRAGMA data_version`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create or replace function notify_data_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('data_changed', '');
      return null;
    end
    $$`.execute(db);
  for (const table of TABLES) {
    await sql`
      create trigger ${sql.id(`${table}_data_changed`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function notify_data_changed()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of TABLES) {
    await sql`drop trigger if exists ${sql.id(`${table}_data_changed`)} on ${sql.table(table)}`.execute(
      db,
    );
  }
  await sql`drop function if exists notify_data_changed()`.execute(db);
}
