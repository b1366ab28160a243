import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * The outbox stores what a mail is made of instead of the mail itself: a transaction that
 * decides a sign-up or a cancellation queues the kind of message and a JSON snapshot of its
 * data (`data`), and the worker renders it just before sending (`rendered_at` once it has, with
 * the result in subject/html/text/ics, so a retry sends the same bytes). Every row gets a
 * Message-ID of its own, kept across retries, so a resend is recognisably the same message.
 * A message overtaken by a later one about the same registration is `superseded` (never sent);
 * one the mail server refused for good is `failed`, since `failed_at`.
 *
 * Rows queued before this migration were rendered when queued: they count as rendered.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await db.schema.alterTable("outbox").dropConstraint("outbox_status_check").execute();
    await db.schema
      .alterTable("outbox")
      .addCheckConstraint(
        "outbox_status_check",
        sql`status in ('pending', 'sent', 'failed', 'superseded')`,
      )
      .execute();
  } else {
    await widenSqliteStatusCheck(db);
  }
  for (const column of ["data", "rendered_at", "message_id", "failed_at"]) {
    await db.schema.alterTable("outbox").addColumn(column, "text").execute();
  }
  await db
    .updateTable("outbox")
    .set({ rendered_at: sql.ref("created_at") })
    .where("rendered_at", "is", null)
    .execute();
  // Mail still waiting gets its Message-ID now, so that every attempt at it carries the same.
  const random = postgres ? sql`md5(random()::text || id::text)` : sql`lower(hex(randomblob(16)))`;
  await db
    .updateTable("outbox")
    .set({ message_id: sql`'<' || ${random} || '@ondernemersagenda.outbox>'` })
    .where("status", "=", "pending")
    .where("message_id", "is", null)
    .execute();
  // The claim takes the due messages in (next_attempt_at, id) order: with id in the index it
  // reads them in that order and stops at its limit, instead of sorting every waiting message
  // (a whole cancelled session's mail is due at the same moment).
  await db.schema.dropIndex("outbox_due_idx").execute();
  await db.schema
    .createIndex("outbox_due_idx")
    .on("outbox")
    .columns(["status", "next_attempt_at", "id"])
    .execute();
  // "Is an earlier message about this registration still waiting?", asked by every claim.
  await db.schema
    .createIndex("outbox_registration_idx")
    .on("outbox")
    .columns(["registration_id", "status", "id"])
    .execute();
}

/** SQLite cannot change a CHECK in place: the table is made again with the wider one. */
async function widenSqliteStatusCheck(db: Kysely<any>) {
  const holding = "outbox_holding";
  await sql`savepoint widen_outbox_status`.execute(db);
  try {
    await sql`pragma defer_foreign_keys = on`.execute(db);
    const create = await sql<{ sql: string }>`
      select sql from sqlite_master where type = 'table' and name = 'outbox'`.execute(db);
    const indexes = await sql<{ sql: string }>`
      select sql from sqlite_master
      where type = 'index' and tbl_name = 'outbox' and sql is not null`.execute(db);
    const sequence = await sql<{ seq: number }>`
      select seq from sqlite_sequence where name = 'outbox'`.execute(db);
    const original = create.rows[0]?.sql ?? "";
    const statusCheck = /'pending',\s*'sent',\s*'failed'\s*\)/;
    if (!statusCheck.test(original)) throw new Error("outbox.status check not found");

    await sql`create table ${sql.table(holding)} as select * from outbox`.execute(db);
    await sql`drop table outbox`.execute(db);
    await sql
      .raw(original.replace(statusCheck, "'pending', 'sent', 'failed', 'superseded')"))
      .execute(db);
    const columns = (
      await sql<{ name: string }>`select name from pragma_table_info('outbox')`.execute(db)
    ).rows.map(({ name }) => sql.ref(name));
    await sql`insert into outbox (${sql.join(columns)})
      select ${sql.join(columns)} from ${sql.table(holding)}`.execute(db);
    await sql`drop table ${sql.table(holding)}`.execute(db);
    for (const { sql: index } of indexes.rows) await sql.raw(index).execute(db);
    if (sequence.rows[0]) {
      await sql`delete from sqlite_sequence where name = 'outbox'`.execute(db);
      await sql`insert into sqlite_sequence (name, seq) values ('outbox', ${sequence.rows[0].seq})`.execute(
        db,
      );
    }
    await sql`release widen_outbox_status`.execute(db);
  } catch (error) {
    await sql`rollback to widen_outbox_status`.execute(db);
    await sql`release widen_outbox_status`.execute(db);
    throw error;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("outbox_registration_idx").execute();
  await db.schema.dropIndex("outbox_due_idx").execute();
  await db.schema
    .createIndex("outbox_due_idx")
    .on("outbox")
    .columns(["status", "next_attempt_at"])
    .execute();
  // A superseded message was never sent and never will be: as far as older code knows, it failed.
  await db
    .updateTable("outbox")
    .set({ status: "failed" })
    .where("status", "=", "superseded")
    .execute();
  for (const column of ["failed_at", "message_id", "rendered_at", "data"]) {
    await db.schema.alterTable("outbox").dropColumn(column).execute();
  }
}
