import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "../db/migrations";
import { migrate, migrateUpTo, olderSession, scratchDatabase } from "./support/scratch-database";

/**
 * The migration that brings requests, unlisted sessions and email domains, on a database an
 * older version filled: nothing is lost (on SQLite the registrations table is made again, and
 * its rows, ids, mail, links, reminders and answers must all come through), and the new rules
 * hold.
 */

const MIGRATION = "2026-12-07T12-30_approval-and-access";

describe("the migration to approval and access rules", () => {
  it("keeps every registration with its id, mail, links and reminders, and takes the new statuses", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // The schema before the migration, which the app's types no longer describe.
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      await migrateUpTo(db, MIGRATION);
      const now = new Date().toISOString();
      const session = await olderSession(db);
      const ids: number[] = [];
      for (const [n, status] of (["confirmed", "waitlisted", "cancelled"] as const).entries()) {
        const row = await db
          .insertInto("registrations")
          .values({
            session_id: session.id,
            ical_uid: `oud-${n}@test`,
            ical_sequence: 0,
            name: `Oud ${n}`,
            email: `oud${n}@example.org`,
            email_normalized: `oud${n}@example.org`,
            locale: "nl-BE",
            status,
            consented_at: now,
            created_at: now,
            updated_at: now,
            queue_position: n,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.push(row.id);
        await db
          .insertInto("registration_tokens")
          .values({
            token_hash: `hash-${n}`,
            registration_id: row.id,
            purpose: "manage",
            created_at: now,
          })
          .execute();
        await db
          .insertInto("outbox")
          .values({
            kind: "registration.confirmed",
            registration_id: row.id,
            to_email: `oud${n}@example.org`,
            to_name: `Oud ${n}`,
            subject: "Bevestiging",
            html: "",
            text: "",
            status: "sent",
            attempts: 1,
            next_attempt_at: now,
            created_at: now,
          })
          .execute();
      }
      await db
        .insertInto("session_reminders")
        .values({
          registration_id: ids[0],
          kind: "dayBefore",
          starts_at: "2027-01-01T09:00:00.000Z",
          queued_at: now,
        })
        .execute();

      // A question of the session and one person's answer go with their registration.
      const question = await db
        .insertInto("session_questions")
        .values({
          session_id: session.id,
          position: 1,
          type: "shortText",
          label_nl: "Welke richting?",
          required: 0,
          per_person: 1,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("registration_answers")
        .values({ registration_id: ids[0], question_id: question.id, value: "Rechten" })
        .execute();

      await migrate(db, migrations);

      const kept = await db
        .selectFrom("registrations")
        .select(["id", "status", "declined_at", "decline_reason"])
        .orderBy("id")
        .execute();
      expect(kept).toEqual(
        ids.map((id, n) => ({
          id,
          status: ["confirmed", "waitlisted", "cancelled"][n],
          declined_at: null,
          decline_reason: null,
        })),
      );
      expect(
        await db.selectFrom("outbox").select("registration_id").orderBy("id").execute(),
      ).toEqual(ids.map((id) => ({ registration_id: id })));
      expect(
        await db
          .selectFrom("registration_tokens")
          .select("registration_id")
          .orderBy("token_hash")
          .execute(),
      ).toEqual(ids.map((id) => ({ registration_id: id })));
      expect(
        await db.selectFrom("session_reminders").select(["registration_id", "kind"]).execute(),
      ).toEqual([{ registration_id: ids[0], kind: "dayBefore" }]);
      expect(
        await db.selectFrom("registration_answers").select(["registration_id", "value"]).execute(),
      ).toEqual([{ registration_id: ids[0], value: "Rechten" }]);
      // The session is open to anyone, listed, as before.
      expect(
        await db
          .selectFrom("sessions")
          .select(["requires_approval", "unlisted", "email_domains"])
          .executeTakeFirstOrThrow(),
      ).toEqual({ requires_approval: 0, unlisted: 0, email_domains: "" });

      // The new statuses are taken; a declined request is history, a second live one is not.
      const add = (email: string, status: string) =>
        db
          .insertInto("registrations")
          .values({
            session_id: session.id,
            ical_uid: `nieuw-${status}-${email}`,
            ical_sequence: 0,
            name: "Nieuw",
            email,
            email_normalized: email,
            locale: "nl-BE",
            status,
            consented_at: now,
            created_at: now,
            updated_at: now,
            queue_position: 0,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
      await add("vraag@example.org", "declined");
      await add("vraag@example.org", "expired");
      const request = await add("vraag@example.org", "requested");
      expect(request.id).toBeGreaterThan(Math.max(...ids));
      await expect(add("vraag@example.org", "confirmed")).rejects.toThrow();
      await expect(add("ander@example.org", "verzonnen")).rejects.toThrow();
    } finally {
      await drop();
    }
  });
});
