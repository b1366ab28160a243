import { createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";

// Frozen once released: later changes get a migration of their own.

/**
 * The city's report counts people, not sign-ups, and tells new people from returning ones, also
 * after retention has anonymised them. Each registration keeps a one-way pseudonym of its
 * address (`person_key`): an HMAC of the normalised address under a key derived from
 * SESSION_SECRET, the same for every registration of one address and unreadable without the
 * secret. Anonymisation by retention keeps it; erasure and, later, retention clear it.
 *
 * Registrations already there get theirs here, computed in JavaScript so that SQLite and
 * PostgreSQL get the very same values (neither database would compute an HMAC the same way);
 * one without an address (a walk-in who gave none) gets a random key of its own on both.
 * Anonymised registrations have no address left to compute one from. Without SESSION_SECRET in
 * the environment (a migration run by hand without it) nothing is filled here: the daily
 * retention run fills what is missing, with the app's key, before it anonymises anyone.
 */

const BATCH = 1000;

/** As the app makes it; a registration without an address (a walk-in) is a person of its own. */
function personKeyOf(secret: string, emailNormalized: string): string {
  if (!emailNormalized) return randomBytes(16).toString("hex");
  const key = createHmac("sha256", secret).update("report-person/v1").digest();
  return createHmac("sha256", key).update(emailNormalized).digest("hex").slice(0, 32);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("registrations").addColumn("person_key", "text").execute();
  await db.schema
    .createIndex("registrations_person_key_idx")
    .on("registrations")
    .columns(["person_key", "session_id"])
    .execute();

  const secret = process.env.SESSION_SECRET;
  if (!secret) return;
  for (let after = 0; ; ) {
    const rows: { id: number; email_normalized: string }[] = await db
      .selectFrom("registrations")
      .select(["id", "email_normalized"])
      .where("anonymised_at", "is", null)
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    // One update per address in the batch: a person's registrations share their key.
    const idsByKey = new Map<string, number[]>();
    for (const row of rows) {
      const key = personKeyOf(secret, row.email_normalized);
      idsByKey.set(key, [...(idsByKey.get(key) ?? []), row.id]);
    }
    for (const [key, ids] of idsByKey) {
      await db
        .updateTable("registrations")
        .set({ person_key: key })
        .where("id", "in", ids)
        .execute();
    }
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) break;
    after = last.id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("registrations_person_key_idx").execute();
  await db.schema.alterTable("registrations").dropColumn("person_key").execute();
}
