import type { Kysely } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * The language an organiser works in (a locale: nl-BE, fr-BE, en-BE): chosen when they are
 * invited, then that of the page they last signed in on. Their mails and the check-in links
 * scanned from a QR code use it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("organisers")
    .addColumn("locale", "text", (column) => column.notNull().defaultTo("nl-BE"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organisers").dropColumn("locale").execute();
}
