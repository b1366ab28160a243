import type { Kysely } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * Colleagues in one sign-up:
 * - sessions: `max_group_size`, how many people one sign-up may bring (1: one person, the
 *   default; the form offers colleagues from 2 on).
 * - registrations: `group_id`, shared by the registrations one sign-up made (null for one
 *   person alone), and `group_together` (1: the group asked for seats for all of them or none,
 *   so the waiting list promotes them together; 0: whoever fits takes a seat).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("sessions")
    .addColumn("max_group_size", "integer", (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("registrations").addColumn("group_id", "text").execute();
  await db.schema
    .alterTable("registrations")
    .addColumn("group_together", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("registrations_group_idx")
    .on("registrations")
    .columns(["session_id", "group_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("registrations_group_idx").execute();
  await db.schema.alterTable("registrations").dropColumn("group_together").execute();
  await db.schema.alterTable("registrations").dropColumn("group_id").execute();
  await db.schema.alterTable("sessions").dropColumn("max_group_size").execute();
}
