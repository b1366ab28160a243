import type { Kysely } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * A reply from a calendar whose processing fails is tried again later rather than at once, and
 * given up after a number of tries (status "failed"): how often it was tried, and when next.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("inbound_mail")
    .addColumn("attempts", "integer", (column) => column.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("inbound_mail").addColumn("next_attempt_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("inbound_mail").dropColumn("next_attempt_at").execute();
  await db.schema.alterTable("inbound_mail").dropColumn("attempts").execute();
}
