import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "../db/migrations";
import { migrate, migrateUpTo, olderSession, scratchDatabase } from "./support/scratch-database";

/**
 * The migration that gives the survey questions of its own, on a database an older version
 * filled: on SQLite the questions' table is made again, and its rows, ids and the answers that
 * refer to them must come through, each question now asked at sign-up; a score is taken as a
 * type, an unknown type or form refused; an answer to the survey's own question is kept with
 * its anonymous answer and goes with it.
 */

const MIGRATION = "2026-12-07T16-20_survey-questions";

describe("the migration to the survey's own questions", () => {
  it("keeps every question and answer, asked at sign-up, and takes scores and survey answers", async () => {
    const { handle, drop } = await scratchDatabase();
    try {
      // biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> as well
      const db = handle.db as unknown as Kysely<any>;
      await migrateUpTo(db, MIGRATION);
      const now = new Date().toISOString();
      const session = await olderSession(db);
      const registration = await db
        .insertInto("registrations")
        .values({
          session_id: session.id,
          ical_uid: "oud@test",
          ical_sequence: 0,
          name: "Oud",
          email: "oud@example.org",
          email_normalized: "oud@example.org",
          locale: "nl-BE",
          status: "confirmed",
          consented_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const question = (position: number, label: string) => ({
        session_id: session.id,
        position,
        type: "oneChoice",
        label_nl: label,
        choices: JSON.stringify([{ key: "a", nl: "A", fr: null, en: null }]),
        created_at: now,
        updated_at: now,
      });
      await db.insertInto("session_questions").values(question(0, "Eerste?")).execute();
      const removed = await db
        .insertInto("session_questions")
        .values({ ...question(1, "Weg?"), removed_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("registration_answers")
        .values({ registration_id: registration.id, question_id: removed.id, value: "a" })
        .execute();
      const before = {
        questions: await db.selectFrom("session_questions").selectAll().orderBy("id").execute(),
        answers: await db.selectFrom("registration_answers").selectAll().execute(),
      };

      await migrate(db, migrations);

      const questions = await db
        .selectFrom("session_questions")
        .selectAll()
        .orderBy("id")
        .execute();
      expect(questions).toEqual(before.questions.map((row) => ({ ...row, part: "signUp" })));
      expect(await db.selectFrom("registration_answers").selectAll().execute()).toEqual(
        before.answers,
      );

      // A score of the survey is a question like any other; an unknown type or form is refused.
      const score = await db
        .insertInto("session_questions")
        .values({ ...question(2, "Score?"), type: "scale", choices: null, part: "survey" })
        .returning("id")
        .executeTakeFirstOrThrow();
      // A new question gets an id after the old ones', as before.
      expect(score.id).toBe(removed.id + 1);
      await expect(
        db
          .insertInto("session_questions")
          .values({ ...question(3, "Opstel?"), type: "essay" })
          .execute(),
      ).rejects.toThrow();
      await expect(
        db
          .insertInto("session_questions")
          .values({ ...question(3, "Ergens?"), part: "elders" })
          .execute(),
      ).rejects.toThrow();

      // An answer to it belongs to an anonymous answer of the survey, and goes with it.
      const response = await db
        .insertInto("survey_responses")
        .values({ session_id: session.id, rating: 4, useful: "yes", comment: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("survey_answers")
        .values({ response_id: response.id, question_id: score.id, value: "5" })
        .execute();
      await expect(
        db
          .insertInto("survey_answers")
          .values({ response_id: response.id + 1, question_id: score.id, value: "5" })
          .execute(),
      ).rejects.toThrow();
      await db.deleteFrom("survey_responses").where("id", "=", response.id).execute();
      expect(await db.selectFrom("survey_answers").selectAll().execute()).toEqual([]);
    } finally {
      await drop();
    }
  });
});
