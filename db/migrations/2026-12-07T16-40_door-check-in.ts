import { type Kysely, sql } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * Checking in at the door without a network, and people who walk in:
 * - check_in_operations: each check-in, undo or walk-in a phone queued, by the id the phone gave
 *   it, once it was applied. A phone sends its queue again until it hears back, and two phones
 *   may hold the same person: the primary key makes sure an operation counts once, whoever
 *   sends it how often. `registration_id` is the person it concerned (for a walk-in, the one it
 *   made); it keeps no name, address or time of the phone's.
 * - registrations: a walk-in is a registration with source `door`, confirmed and checked in; it
 *   may come without an address, stored as "". Such registrations are not one person per
 *   address, so the unique index on session and address leaves empty addresses out.
 */
const NOT_LIVE = sql<boolean>`status not in ('cancelled', 'declined', 'expired')`;
const WITH_ADDRESS = sql<boolean>`email_normalized <> ''`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("check_in_operations")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("session_id", "integer", (col) =>
      col.notNull().references("sessions.id").onDelete("cascade"),
    )
    .addColumn("registration_id", "integer", (col) =>
      col.references("registrations.id").onDelete("set null"),
    )
    .addColumn("kind", "text", (col) =>
      col.notNull().check(sql`kind in ('checkIn', 'undo', 'walkIn')`),
    )
    .addColumn("applied_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("check_in_operations_session_idx")
    .on("check_in_operations")
    .column("session_id")
    .execute();

  await db.schema.dropIndex("registrations_one_live_per_email").execute();
  await db.schema
    .createIndex("registrations_one_live_per_email")
    .on("registrations")
    .columns(["session_id", "email_normalized"])
    .unique()
    .where(sql<boolean>`${NOT_LIVE} and ${WITH_ADDRESS}`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Walk-ins without an address get one that is nobody's (RFC 2606), one each, as the older
  // index wants; walk-ins become people added by an organiser, the nearest older source.
  await db
    .updateTable("registrations")
    .set({ email_normalized: sql`'zonder-adres-' || id || '@invalid'` })
    .where("email_normalized", "=", "")
    .execute();
  await db
    .updateTable("registrations")
    .set({ source: "organiser" })
    .where("source", "=", "door")
    .execute();
  await db.schema.dropIndex("registrations_one_live_per_email").execute();
  await db.schema
    .createIndex("registrations_one_live_per_email")
    .on("registrations")
    .columns(["session_id", "email_normalized"])
    .unique()
    .where(NOT_LIVE)
    .execute();
  await db.schema.dropIndex("check_in_operations_session_idx").execute();
  await db.schema.dropTable("check_in_operations").execute();
}
