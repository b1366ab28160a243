import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * Who may come to a session:
 * - sessions: `requires_approval` (1: a sign-up is a request an organiser approves or declines),
 *   `unlisted` (1: on no list, feed or API, reachable only by its address) and `email_domains`
 *   (the domains a sign-up's address must be of, lower-cased and separated by spaces; empty:
 *   any address);
 * - registrations: three more statuses, `requested` (waiting for a decision, holding no seat),
 *   `declined` (an organiser said no) and `expired` (still undecided when the session began),
 *   with when a request was closed so and the organiser's optional reason for a decline;
 * - one live registration per address and session: a declined or expired request no longer
 *   counts as live, so the person may ask again;
 * - the open requests by session, for the worker that closes them once a session begins.
 */
const STATUSES = ["confirmed", "waitlisted", "cancelled", "requested", "declined", "expired"];
const OLD_STATUSES = /status in \('confirmed',\s*'waitlisted',\s*'cancelled'\)/;
const NOT_LIVE = sql<boolean>`status not in ('cancelled', 'declined', 'expired')`;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const statuses = `status in (${STATUSES.map((status) => `'${status}'`).join(", ")})`;
  if (postgres) {
    await db.schema
      .alterTable("registrations")
      .dropConstraint("registrations_status_check")
      .execute();
    await db.schema
      .alterTable("registrations")
      .addCheckConstraint("registrations_status_check", sql.raw(statuses))
      .execute();
  } else {
    await widenSqliteRegistrationStatus(db, statuses);
  }

  await db.schema
    .alterTable("sessions")
    .addColumn("requires_approval", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("sessions")
    .addColumn("unlisted", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("sessions")
    .addColumn("email_domains", "text", (col) => col.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("registrations").addColumn("declined_at", "text").execute();
  await db.schema.alterTable("registrations").addColumn("decline_reason", "text").execute();

  await db.schema.dropIndex("registrations_one_live_per_email").execute();
  await db.schema
    .createIndex("registrations_one_live_per_email")
    .on("registrations")
    .columns(["session_id", "email_normalized"])
    .unique()
    .where(NOT_LIVE)
    .execute();
  await db.schema
    .createIndex("registrations_open_requests_idx")
    .on("registrations")
    .column("session_id")
    .where(sql.ref("status"), "=", "requested")
    .execute();
}

/**
 * SQLite changes no CHECK in place: the table is made again from its own SQL with the wider
 * check, as 2026-11-26T12-30 did (see there why foreign keys are deferred). Dropping the table
 * deletes its rows first, and that delete cascades to every table whose rows go with a
 * registration (`session_reminders`, `registration_answers`): those rows wait in a copy of their
 * own and come back once the registrations are back.
 */
async function widenSqliteRegistrationStatus(db: Kysely<any>, wider: string) {
  await sql`savepoint widen_registration_status`.execute(db);
  try {
    await sql`pragma defer_foreign_keys = on`.execute(db);
    const create = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'table' and name = 'registrations'`.execute(db);
    const indexes = await sql<{ sql: string }>`
      select sql from sqlite_master
      where type = 'index' and tbl_name = 'registrations' and sql is not null`.execute(db);
    const sequence = await sql<{ seq: number }>`
      select seq from sqlite_sequence where name = 'registrations'`.execute(db);
    const original = create.rows[0]?.sql ?? "";
    if (!OLD_STATUSES.test(original)) throw new Error("registrations.status check not found");

    // The tables whose rows a deleted registration takes with it (or changes).
    const dependents = (
      await sql<{ name: string }>`
        select distinct m.name from sqlite_master m, pragma_foreign_key_list(m.name) f
        where m.type = 'table' and f."table" = 'registrations'
          and upper(f.on_delete) in ('CASCADE', 'SET NULL', 'SET DEFAULT')`.execute(db)
    ).rows.map(({ name }) => name);
    const held = ["registrations", ...dependents];
    for (const table of held) {
      await sql`create table ${sql.id(`${table}_holding`)} as select * from ${sql.id(table)}`.execute(
        db,
      );
    }
    await sql`drop table registrations`.execute(db);
    await sql.raw(original.replace(OLD_STATUSES, wider)).execute(db);
    for (const table of held) {
      const columns = (
        await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
      ).rows.map(({ name }) => sql.ref(name));
      await sql`delete from ${sql.id(table)}`.execute(db);
      await sql`insert into ${sql.id(table)} (${sql.join(columns)})
        select ${sql.join(columns)} from ${sql.id(`${table}_holding`)}`.execute(db);
      await sql`drop table ${sql.id(`${table}_holding`)}`.execute(db);
    }
    for (const { sql: index } of indexes.rows) await sql.raw(index).execute(db);
    if (sequence.rows[0]) {
      await sql`delete from sqlite_sequence where name = 'registrations'`.execute(db);
      await sql`insert into sqlite_sequence (name, seq) values ('registrations', ${sequence.rows[0].seq})`.execute(
        db,
      );
    }
    const broken = await sql`select * from pragma_foreign_key_check`.execute(db);
    if (broken.rows.length > 0)
      throw new Error(`foreign keys broken: ${JSON.stringify(broken.rows)}`);
    await sql`release widen_registration_status`.execute(db);
  } catch (error) {
    await sql`rollback to widen_registration_status`.execute(db);
    await sql`release widen_registration_status`.execute(db);
    throw error;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Requests hold no seat and have no place in the older statuses: they end as cancelled.
  await db
    .updateTable("registrations")
    .set({ status: "cancelled" })
    .where("status", "in", ["requested", "declined", "expired"])
    .execute();
  await db.schema.dropIndex("registrations_open_requests_idx").execute();
  await db.schema.dropIndex("registrations_one_live_per_email").execute();
  await db.schema
    .createIndex("registrations_one_live_per_email")
    .on("registrations")
    .columns(["session_id", "email_normalized"])
    .unique()
    .where(sql.ref("status"), "<>", "cancelled")
    .execute();
  await db.schema.alterTable("registrations").dropColumn("decline_reason").execute();
  await db.schema.alterTable("registrations").dropColumn("declined_at").execute();
  for (const column of ["email_domains", "unlisted", "requires_approval"]) {
    await db.schema.alterTable("sessions").dropColumn(column).execute();
  }
}
