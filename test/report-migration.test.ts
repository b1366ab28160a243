import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { anonymisedEmail, applyRetention } from "../app/models/personal-data.server";
import { personKey } from "../app/models/pseudonym.server";
import { registrationKeys } from "../app/models/registration.server";
import { database } from "../db/client";
import { migrations } from "../db/migrations";
import { createSession } from "./support/factories";
import { migrate, migrateUpTo, scratchDatabase } from "./support/scratch-database";

/**
 * The migration that gives registrations the report's pseudonym, on a database an older version
 * filled: every registration that still has its person gets exactly the pseudonym the app gives
 * a new sign-up of that address (on SQLite and PostgreSQL alike, so a person's registrations from
 * before and after the upgrade are one person), in batches past the first thousand; one already
 * anonymised has no address left and gets none.
 */

const MIGRATION = "2026-12-07T17-50_report-pseudonyms";

describe("the migration to the report's pseudonyms", () => {
  it("gives each registration with a person the app's pseudonym of its address, and none to the anonymised", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      await migrateUpTo(db, MIGRATION);
      const sessions = [await createSession({}, handle), await createSession({}, handle)];
      const now = new Date().toISOString();
      const row = (sessionId: number, n: number, email: string) => ({
        session_id: sessionId,
        ...registrationKeys(now),
        name: `Deelnemer ${n}`,
        email,
        email_normalized: email.toLowerCase(),
        organisation: null,
        enterprise_number: null,
        locale: "nl-BE",
        status: "confirmed",
        consented_at: now,
        created_at: now,
        updated_at: now,
        confirmed_at: now,
        cancelled_at: null,
      });
      // 1,201 people at the first session: more than one batch of the migration.
      const first = Array.from({ length: 1201 }, (_, n) =>
        row(sessions[0]?.id ?? 0, n, `Persoon${n}@Example.org`),
      );
      for (let at = 0; at < first.length; at += 200) {
        await db
          .insertInto("registrations")
          .values(first.slice(at, at + 200))
          .execute();
      }
      // One of them came back, two walk-ins gave no address, and someone was anonymised before.
      await db
        .insertInto("registrations")
        .values([
          { ...row(sessions[1]?.id ?? 0, 7, "Persoon7@Example.org"), source: "public" },
          { ...row(sessions[1]?.id ?? 0, 8, ""), source: "door" },
          { ...row(sessions[1]?.id ?? 0, 9, ""), source: "door" },
        ])
        .execute();
      const gone = await db
        .insertInto("registrations")
        .values({ ...row(sessions[1]?.id ?? 0, 9, "weg@example.org"), anonymised_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .updateTable("registrations")
        .set({ email: anonymisedEmail(gone.id), email_normalized: anonymisedEmail(gone.id) })
        .where("id", "=", gone.id)
        .execute();

      await migrate(db, migrations);

      const rows: { id: number; email: string; person_key: string | null }[] = await db
        .selectFrom("registrations")
        .select(["id", "email", "person_key"])
        .orderBy("id")
        .execute();
      expect(rows).toHaveLength(1205);
      for (const { id, email, person_key } of rows) {
        if (email === "") expect(person_key).toMatch(/^[0-9a-f]{32}$/);
        else expect(person_key, email).toBe(id === gone.id ? null : personKey(email));
      }
      const returning = rows.filter((r) => r.email === "Persoon7@Example.org");
      expect(new Set(returning.map((r) => r.person_key)).size).toBe(1);
      // 1,201 people, each walk-in a person of their own, and no key for the anonymised.
      expect(new Set(rows.map((r) => r.person_key)).size).toBe(1201 + 2 + 1);
    } finally {
      await drop();
    }
  });

  it("leaves none missing: the retention run fills a pseudonym before it anonymises", async () => {
    // As a migration run without SESSION_SECRET leaves a registration, or one stored by hand.
    const session = await createSession({
      starts_at: "2025-02-03T09:00:00.000Z",
      ends_at: "2025-02-03T10:30:00.000Z",
    });
    const { db } = database();
    const now = "2025-01-20T09:00:00.000Z";
    const { id } = await db
      .insertInto("registrations")
      .values({
        session_id: session.id,
        ...registrationKeys(now),
        name: "Zonder pseudoniem",
        email: "Later@Example.org",
        email_normalized: "later@example.org",
        organisation: null,
        enterprise_number: null,
        locale: "nl-BE",
        status: "confirmed",
        consented_at: now,
        created_at: now,
        updated_at: now,
        confirmed_at: now,
        cancelled_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const run = await applyRetention({ now: "2026-06-01T00:00:00.000Z" });
    expect(run.registrations).toBeGreaterThanOrEqual(1);
    const row = await db
      .selectFrom("registrations")
      .select(["email", "anonymised_at", "person_key"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.anonymised_at).not.toBeNull();
    expect(row.email).not.toContain("later");
    expect(row.person_key).toBe(personKey("later@example.org"));
  });
});
