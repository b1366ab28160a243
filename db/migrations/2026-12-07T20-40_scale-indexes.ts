import { type Kysely, sql } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * Indexes that keep the cost of a read page or of the daily retention run with what it shows or
 * changes, not with everything stored (docs/performance.md, "Scale", has the query plans):
 *
 * - registrations that still hold their person, by session: retention finds the sessions whose
 *   registrations are due without walking every anonymised one, which grow by a day's sign-ups
 *   every day;
 * - mail that still holds its body, by the moment it was sent: retention empties the mail of a
 *   day without walking all mail ever sent;
 * - a partner's sessions: a partner's page, feed and API filter start from its sessions instead
 *   of testing every upcoming session (or every link) for the partner;
 * - registrations by the moment they were made: an admin's dashboard counts the sign-ups of the
 *   last eight weeks without reading every registration ever made.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("registrations_not_anonymised_idx")
    .on("registrations")
    .columns(["session_id", "anonymised_at"])
    .where(sql.ref("anonymised_at"), "is", null)
    .execute();
  await db.schema
    .createIndex("outbox_unpurged_idx")
    .on("outbox")
    .columns(["status", "sent_at"])
    .where(sql.ref("body_purged_at"), "is", null)
    .execute();
  await db.schema
    .createIndex("session_partners_partner_idx")
    .on("session_partners")
    .columns(["partner_id", "session_id"])
    .execute();
  await db.schema
    .createIndex("registrations_created_at_idx")
    .on("registrations")
    .column("created_at")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("registrations_created_at_idx").execute();
  await db.schema.dropIndex("session_partners_partner_idx").execute();
  await db.schema.dropIndex("outbox_unpurged_idx").execute();
  await db.schema.dropIndex("registrations_not_anonymised_idx").execute();
}
