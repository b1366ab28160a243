import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "../db/migrations";
import { migrateThrough, migrateUpTo, scratchDatabase } from "./support/scratch-database";

/**
 * The migration that lets mail domains join through the city's accounts: the organisers there
 * were stay invited ones (they keep their password), a domain is allowed for one city or one
 * partner and once for each, and it can be undone, leaving no account that joined with a way in.
 */

const MIGRATION = "2026-12-07T19-10_sign-in-domains";

describe("the migration to sign-in domains", () => {
  it("keeps the organisers invited, allows a domain once per scope, and goes back down", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      await migrateUpTo(db, MIGRATION);
      const now = "2026-12-07T09:00:00.000Z";
      const organiser = (email: string) =>
        db
          .insertInto("organisers")
          .values({
            email,
            name: "Organisator",
            password_hash: "scrypt$oud",
            role: "organiser",
            created_at: now,
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
      const invited = await organiser("uitgenodigd@stad.test");
      const city = await db
        .insertInto("cities")
        .values({ slug: "leuven", name: "Leuven", province: "Vlaams-Brabant", created_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      const partner = await db
        .insertInto("partners")
        .values({ slug: "voka", name: "Voka", website: null, created_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      await migrateThrough(db, MIGRATION);

      const kept = await db
        .selectFrom("organisers")
        .select(["password_hash", "city_account_only"])
        .where("id", "=", invited.id)
        .executeTakeFirstOrThrow();
      expect(kept).toEqual({ password_hash: "scrypt$oud", city_account_only: 0 });

      const allow = (domain: string, cityId: number | null, partnerId: number | null) =>
        db
          .insertInto("sign_in_domains")
          .values({ domain, city_id: cityId, partner_id: partnerId, created_at: now })
          .execute();
      await allow("voka.be", null, partner.id);
      await allow("voka.be", city.id, null);
      await expect(allow("voka.be", null, partner.id)).rejects.toThrow();
      await expect(allow("voka.be", city.id, null)).rejects.toThrow();
      await expect(allow("leuven.be", null, null)).rejects.toThrow();
      await expect(allow("leuven.be", city.id, partner.id)).rejects.toThrow();

      const joined = await organiser("sanne@voka.be");
      await db
        .updateTable("organisers")
        .set({ city_account_only: 1 })
        .where("id", "=", joined.id)
        .execute();
      const migration = migrations[MIGRATION];
      if (!migration?.down) throw new Error("the migration cannot be undone");
      await migration.down(db);
      await expect(db.selectFrom("sign_in_domains").selectAll().execute()).rejects.toThrow();
      const after = await db
        .selectFrom("organisers")
        .select(["id", "password_hash"])
        .orderBy("id")
        .execute();
      expect(after).toEqual([
        { id: invited.id, password_hash: "scrypt$oud" },
        { id: joined.id, password_hash: "removed" },
      ]);
    } finally {
      await drop();
    }
  });
});
