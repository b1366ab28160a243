import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateThrough, migrateUpTo, scratchDatabase } from "./support/scratch-database";

/**
 * The migration that brings door volunteers, on a database an older version filled: on SQLite
 * the organisers table is made again, and its rows, ids, scopes, sign-ins, password links and
 * log entries must come through; the new role is taken, any other refused.
 */

const MIGRATION = "2026-12-07T15-00_door-volunteers";

describe("the migration to door volunteers", () => {
  it("keeps every organiser with their scope, sign-ins and links, and takes the door role", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      await migrateUpTo(db, MIGRATION);
      const now = new Date().toISOString();
      const city = await db
        .insertInto("cities")
        .values({ slug: "deurstad", name: "Deurstad", province: "Limburg", created_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      const organiser = await db
        .insertInto("organisers")
        .values({
          email: "oud@deurstad.test",
          name: "Oude organisator",
          password_hash: "scrypt$oud",
          role: "organiser",
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("organiser_scopes")
        .values({ organiser_id: organiser.id, city_id: city.id, partner_id: null })
        .execute();
      await db
        .insertInto("auth_sessions")
        .values({
          token_hash: "sessie",
          organiser_id: organiser.id,
          created_at: now,
          expires_at: now,
        })
        .execute();
      await db
        .insertInto("password_resets")
        .values({
          token_hash: "link",
          organiser_id: organiser.id,
          created_at: now,
          expires_at: now,
        })
        .execute();
      await db
        .insertInto("audit_log")
        .values({
          organiser_id: organiser.id,
          action: "organiser.signIn",
          subject_type: "organiser",
          subject_id: organiser.id,
          summary: "",
          created_at: now,
        })
        .execute();
      const before = {
        organisers: await db.selectFrom("organisers").selectAll().execute(),
        scopes: await db.selectFrom("organiser_scopes").selectAll().execute(),
        sessions: await db.selectFrom("auth_sessions").selectAll().execute(),
        links: await db.selectFrom("password_resets").selectAll().execute(),
        log: await db.selectFrom("audit_log").selectAll().execute(),
      };

      await migrateThrough(db, MIGRATION);

      const [after] = await db.selectFrom("organisers").selectAll().execute();
      expect(after).toMatchObject({
        ...before.organisers[0],
        door_session_id: null,
        door_whole_day: 0,
        door_invited_by: null,
      });
      expect(await db.selectFrom("organiser_scopes").selectAll().execute()).toEqual(before.scopes);
      expect(await db.selectFrom("auth_sessions").selectAll().execute()).toEqual(before.sessions);
      expect(await db.selectFrom("password_resets").selectAll().execute()).toEqual(before.links);
      expect(await db.selectFrom("audit_log").selectAll().execute()).toEqual(before.log);

      const door = {
        email: "deur@deurstad.test",
        name: "Deur",
        password_hash: "scrypt$deur",
        created_at: now,
        updated_at: now,
      };
      await db
        .insertInto("organisers")
        .values({ ...door, role: "door" })
        .execute();
      await expect(
        db
          .insertInto("organisers")
          .values({ ...door, email: "portier@deurstad.test", role: "portier" })
          .execute(),
      ).rejects.toThrow();
      // A new organiser gets an id after the old one's, as before.
      const ids = await db.selectFrom("organisers").select("id").orderBy("id").execute();
      expect(ids.map((row) => row.id)).toEqual([organiser.id, organiser.id + 1]);
    } finally {
      await drop();
    }
  });
});
