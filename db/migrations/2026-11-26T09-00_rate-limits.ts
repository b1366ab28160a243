import type { Kysely } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * Abuse limits shared by every instance: one row per limited key (a hash of what is limited,
 * never the address itself) holding its "theoretical arrival time" in epoch milliseconds (GCRA).
 * Failed sign-ins are counted there too, so the columns that counted them per account go.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("tat", "bigint", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("rate_limits_tat_idx").on("rate_limits").column("tat").execute();
  await db.schema.alterTable("organisers").dropColumn("failed_logins").execute();
  await db.schema.alterTable("organisers").dropColumn("locked_until").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organisers").addColumn("locked_until", "text").execute();
  await db.schema
    .alterTable("organisers")
    .addColumn("failed_logins", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.dropTable("rate_limits").execute();
}
