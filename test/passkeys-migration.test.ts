import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "../db/migrations";
import { migrateThrough, migrateUpTo, scratchDatabase } from "./support/scratch-database";

/**
 * The migration that brings passkeys: one credential id belongs to one passkey, a counter past
 * 2^31 fits (authenticators count in 32 bits, unsigned), a challenge has one of two purposes,
 * and it can be undone.
 */

const MIGRATION = "2026-12-07T17-30_passkeys";

describe("the migration to passkeys", () => {
  it("keeps passkeys apart, takes any counter, and goes back down", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      await migrateUpTo(db, MIGRATION);
      const now = "2026-12-07T09:00:00.000Z";
      const organiser = await db
        .insertInto("organisers")
        .values({
          email: "sleutel@passkey.test",
          name: "Sleutelhouder",
          password_hash: "scrypt$oud",
          role: "organiser",
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await migrateThrough(db, MIGRATION);

      const passkey = (credentialId: string, counter: number) =>
        db
          .insertInto("passkeys")
          .values({
            organiser_id: organiser.id,
            credential_id: credentialId,
            public_key: "cHVibGlj",
            counter,
            transports: "internal",
            name: "Passkey 1",
            created_at: now,
          })
          .execute();
      await passkey("Y3JlZGVudGlhbA", 2 ** 32 - 1);
      await expect(passkey("Y3JlZGVudGlhbA", 0)).rejects.toThrow();
      const [row] = await db.selectFrom("passkeys").select("counter").execute();
      expect(Number(row?.counter)).toBe(2 ** 32 - 1);

      const challenge = (purpose: string) =>
        db
          .insertInto("webauthn_challenges")
          .values({ challenge_hash: purpose, purpose, organiser_id: null, expires_at: now })
          .execute();
      await challenge("signIn");
      await challenge("register");
      await expect(challenge("anders")).rejects.toThrow();

      const migration = migrations[MIGRATION];
      if (!migration?.down) throw new Error("the migration cannot be undone");
      await migration.down(db);
      await expect(db.selectFrom("passkeys").selectAll().execute()).rejects.toThrow();
      await expect(db.selectFrom("webauthn_challenges").selectAll().execute()).rejects.toThrow();
    } finally {
      await drop();
    }
  });
});
