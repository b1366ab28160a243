import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "../db/migrations";
import { TEST_DATABASE } from "./support/database";
import { migrateThrough, scratchDatabase } from "./support/scratch-database";

/**
 * The migration that adds the indexes retention, a partner's lists and the dashboard start from
 * (docs/performance.md, "Scale"): there on both databases, and gone again when undone.
 */

const MIGRATION = "2026-12-07T20-40_scale-indexes";
const INDEXES = [
  "outbox_unpurged_idx",
  "registrations_created_at_idx",
  "registrations_not_anonymised_idx",
  "session_partners_partner_idx",
];

// biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
async function indexNames(db: Kysely<any>): Promise<string[]> {
  const { rows } =
    TEST_DATABASE === "postgres"
      ? await sql<{ name: string }>`select indexname as name from pg_indexes`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(
          db,
        );
  return rows.map((row) => row.name).filter((name) => INDEXES.includes(name));
}

describe("the migration to the scale indexes", () => {
  it("adds the four indexes and goes back down", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      await migrateThrough(db, MIGRATION);
      expect((await indexNames(db)).sort()).toEqual(INDEXES);

      const migration = migrations[MIGRATION];
      if (!migration?.down) throw new Error("the migration cannot be undone");
      await migration.down(db);
      expect(await indexNames(db)).toEqual([]);
    } finally {
      await drop();
    }
  });
});
