import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "../db/migrations";
import { migrateThrough, migrateUpTo, scratchDatabase } from "./support/scratch-database";

/**
 * The migration that keeps out addresses an admin removed: an address is kept once, by its key
 * and with its domain, and the table goes again when it is undone.
 */

const MIGRATION = "2026-12-07T20-10_refused-addresses";

describe("the migration to refused addresses", () => {
  it("keeps an address once, with its domain, and goes back down", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      await migrateUpTo(db, MIGRATION);
      await migrateThrough(db, MIGRATION);
      const now = "2026-12-07T20:10:00.000Z";
      const refuse = (key: string, domain: string | null) =>
        db
          .insertInto("refused_addresses")
          .values({ address_key: key, domain, created_at: now })
          .execute();
      await refuse("a".repeat(64), "partner.test");
      await expect(refuse("a".repeat(64), "partner.test")).rejects.toThrow();
      await expect(refuse("b".repeat(64), null)).rejects.toThrow();
      expect(await db.selectFrom("refused_addresses").select(["domain"]).execute()).toEqual([
        { domain: "partner.test" },
      ]);

      const migration = migrations[MIGRATION];
      if (!migration?.down) throw new Error("the migration cannot be undone");
      await migration.down(db);
      await expect(db.selectFrom("refused_addresses").selectAll().execute()).rejects.toThrow();
    } finally {
      await drop();
    }
  });
});
