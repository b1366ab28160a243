import type { Kysely } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * When the person last corrected their own details (name, organisation, enterprise number,
 * answers) on their manage page; null when they never did. Organisers see it on the attendee
 * page.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("registrations").addColumn("details_updated_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("registrations").dropColumn("details_updated_at").execute();
}
