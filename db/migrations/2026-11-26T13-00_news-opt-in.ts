import type { Kysely } from "kysely";

// Frozen once released: later changes get a migration of their own.

/** The separate, optional yes to news from the city: when it was given, null when not (or withdrawn). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("registrations").addColumn("news_opt_in_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("registrations").dropColumn("news_opt_in_at").execute();
}
