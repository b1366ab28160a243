import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "../db/migrations";
import { migrateThrough, migrateUpTo, scratchDatabase } from "./support/scratch-database";

/**
 * The migration that brings two-step sign-in and the device list, on a database an older version
 * filled: whoever was signed in stays signed in, with an id for the device list and a "last
 * seen" of when they signed in; a stage other than the three is refused; and it can be undone.
 */

const MIGRATION = "2026-12-07T16-50_two-step-sign-in";

describe("the migration to two-step sign-in", () => {
  it("keeps every sign-in signed in, and goes back down", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      await migrateUpTo(db, MIGRATION);
      const now = "2026-12-07T09:00:00.000Z";
      const later = "2026-12-07T21:00:00.000Z";
      const organiser = await db
        .insertInto("organisers")
        .values({
          email: "oud@tweestap.test",
          name: "Oude organisator",
          password_hash: "scrypt$oud",
          role: "organiser",
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const tokenHash = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
      await db
        .insertInto("auth_sessions")
        .values({
          token_hash: tokenHash,
          organiser_id: organiser.id,
          created_at: now,
          expires_at: later,
        })
        .execute();

      await migrateThrough(db, MIGRATION);

      expect(await db.selectFrom("auth_sessions").selectAll().execute()).toEqual([
        {
          token_hash: tokenHash,
          organiser_id: organiser.id,
          created_at: now,
          expires_at: later,
          stage: "signedIn",
          public_id: tokenHash.slice(0, 22),
          device: null,
          client_address: null,
          last_seen_at: now,
        },
      ]);
      await expect(
        db
          .insertInto("auth_sessions")
          .values({
            token_hash: "ander",
            organiser_id: organiser.id,
            created_at: now,
            expires_at: later,
            stage: "halfweg",
          })
          .execute(),
      ).rejects.toThrow();
      await db
        .insertInto("auth_sessions")
        .values({
          token_hash: "code",
          organiser_id: organiser.id,
          created_at: now,
          expires_at: later,
          stage: "code",
        })
        .execute();
      await db
        .insertInto("app_settings")
        .values({ key: "secondFactorRequired", value: "everyone", updated_at: now })
        .execute();

      const migration = migrations[MIGRATION];
      if (!migration?.down) throw new Error("the migration cannot be undone");
      await migration.down(db);
      // Someone halfway through signing in was not signed in; whoever was, still is.
      const rows = await db.selectFrom("auth_sessions").selectAll().execute();
      expect(rows).toEqual([
        { token_hash: tokenHash, organiser_id: organiser.id, created_at: now, expires_at: later },
      ]);
    } finally {
      await drop();
    }
  });
});
