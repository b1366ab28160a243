import type { Kysely } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * Personal data is kept only as long as it is needed:
 * - a registration remembers when it was anonymised (its person's data replaced by placeholders);
 * - a sent mail remembers when its body and recipient were removed;
 * - audit entries name people by id, with the non-personal particulars of what happened in
 *   `details` (JSON: ids, counts, field names) and the client address of the request;
 * - `maintenance_runs` holds one row per daily job per day, claimed by the first worker
 *   that inserts it, so that several workers run a job once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("registrations").addColumn("anonymised_at", "text").execute();
  await db.schema.alterTable("outbox").addColumn("body_purged_at", "text").execute();
  await db.schema.alterTable("audit_log").addColumn("details", "text").execute();
  await db.schema.alterTable("audit_log").addColumn("client_address", "text").execute();
  await db.schema
    .createTable("maintenance_runs")
    .addColumn("job", "text", (col) => col.notNull())
    .addColumn("day", "text", (col) => col.notNull())
    .addColumn("started_at", "text", (col) => col.notNull())
    .addColumn("finished_at", "text")
    .addColumn("result", "text")
    .addPrimaryKeyConstraint("maintenance_runs_pkey", ["job", "day"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("maintenance_runs").execute();
  await db.schema.alterTable("audit_log").dropColumn("client_address").execute();
  await db.schema.alterTable("audit_log").dropColumn("details").execute();
  await db.schema.alterTable("outbox").dropColumn("body_purged_at").execute();
  await db.schema.alterTable("registrations").dropColumn("anonymised_at").execute();
}
