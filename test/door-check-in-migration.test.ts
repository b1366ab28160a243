import { type Kysely, Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "../db/migrations";
import {
  migrateThrough,
  migrateUpTo,
  olderSession,
  scratchDatabase,
} from "./support/scratch-database";

/**
 * The migration for check-in without a network, on a database an older version filled: walk-ins
 * without an address may then be many in one session while an address still has one live
 * registration, and going back gives each address-less walk-in an address that is nobody's.
 */

const MIGRATION = "2026-12-07T16-40_door-check-in";

// biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
async function registrationIn(db: Kysely<any>, sessionId: number, email: string, source = "door") {
  const now = new Date().toISOString();
  return db
    .insertInto("registrations")
    .values({
      session_id: sessionId,
      ical_uid: `${Math.random()}@migratie.test`,
      ical_sequence: 0,
      name: "Binnenloper",
      email,
      email_normalized: email,
      locale: "nl-BE",
      status: "confirmed",
      consented_at: now,
      created_at: now,
      updated_at: now,
      confirmed_at: now,
      queue_position: Date.now(),
      source,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

describe("the migration to check-in without a network", () => {
  it("lets walk-ins come without an address, keeps one registration per address, and goes back", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      await migrateUpTo(db, MIGRATION);
      const now = new Date().toISOString();
      const session = await olderSession(db, {
        kind: "info",
        startsAt: now,
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      await registrationIn(db, session.id, "");
      // Before: an empty address is an address like any other.
      await expect(registrationIn(db, session.id, "")).rejects.toThrow();

      await migrateThrough(db, MIGRATION);
      const second = await registrationIn(db, session.id, "");
      await registrationIn(db, session.id, "een@kelder.test", "public");
      await expect(registrationIn(db, session.id, "een@kelder.test")).rejects.toThrow();
      await db
        .insertInto("check_in_operations")
        .values({
          id: "operatie-van-een-telefoon",
          session_id: session.id,
          registration_id: second.id,
          kind: "walkIn",
          applied_at: now,
        })
        .execute();
      await expect(
        db
          .insertInto("check_in_operations")
          .values({
            id: "operatie-van-een-telefoon",
            session_id: session.id,
            registration_id: second.id,
            kind: "checkIn",
            applied_at: now,
          })
          .execute(),
      ).rejects.toThrow();

      const throughThis = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name <= MIGRATION),
      );
      const migrator = new Migrator({ db, provider: { getMigrations: async () => throughThis } });
      const { error, results } = await migrator.migrateDown();
      expect(error).toBeUndefined();
      expect(results?.map((result) => result.migrationName)).toEqual([MIGRATION]);
      const after = await db
        .selectFrom("registrations")
        .select(["id", "email", "email_normalized", "source"])
        .orderBy("id")
        .execute();
      expect(after.map((r) => [r.email, r.email_normalized, r.source])).toEqual([
        ["", `zonder-adres-${after[0]?.id}@invalid`, "organiser"],
        ["", `zonder-adres-${after[1]?.id}@invalid`, "organiser"],
        ["een@kelder.test", "een@kelder.test", "public"],
      ]);
      await migrateThrough(db, MIGRATION);
    } finally {
      await drop();
    }
  });
});
