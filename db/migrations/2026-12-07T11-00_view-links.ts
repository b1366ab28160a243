import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * A third kind of link to a registration: the view link that invites carry in their
 * DESCRIPTION ("view"), which shows the registration and can do no more than mail its owner
 * the manage link again. Calendars are shared and invites forwarded, so the manage link (which
 * also downloads and erases the person's data) stays in the mail itself. Only the CHECK on
 * `registration_tokens.purpose` changes: PostgreSQL swaps the constraint, SQLite (which alters
 * no constraint) gets the table again under the new one, rows and index included.
 */
const PURPOSES = ["manage", "checkin", "view"];
const BEFORE = ["manage", "checkin"];

export async function up(db: Kysely<any>): Promise<void> {
  await allowPurposes(db, PURPOSES);
}

export async function down(db: Kysely<any>): Promise<void> {
  // A view link of an older version's making leads nowhere there: its row goes.
  await db.deleteFrom("registration_tokens").where("purpose", "=", "view").execute();
  await allowPurposes(db, BEFORE);
}

async function allowPurposes(db: Kysely<any>, purposes: string[]): Promise<void> {
  const allowed = sql`purpose in (${sql.join(purposes.map((purpose) => sql.lit(purpose)))})`;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table registration_tokens
      drop constraint registration_tokens_purpose_check`.execute(db);
    await sql`alter table registration_tokens
      add constraint registration_tokens_purpose_check check (${allowed})`.execute(db);
    return;
  }
  // Nothing refers to registration_tokens, so it can be dropped and made again as it was.
  await db.schema
    .createTable("registration_tokens_next")
    .addColumn("token_hash", "text", (col) => col.primaryKey())
    .addColumn("registration_id", "integer", (col) => col.references("registrations.id"))
    .addColumn("purpose", "text", (col) => col.notNull().check(allowed))
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await sql`insert into registration_tokens_next (token_hash, registration_id, purpose, created_at)
    select token_hash, registration_id, purpose, created_at from registration_tokens`.execute(db);
  await db.schema.dropTable("registration_tokens").execute();
  await sql`alter table registration_tokens_next rename to registration_tokens`.execute(db);
  await db.schema
    .createIndex("registration_tokens_registration_idx")
    .on("registration_tokens")
    .column("registration_id")
    .execute();
}
