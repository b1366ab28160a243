import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, NewSessionQuestion, QuestionPart } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import { keyedChoices, type QuestionFormData } from "../lib/question-form";
import {
  hasChoices,
  type Question,
  type QuestionInput,
  questionLimit,
  questionOf,
  type StoredAnswer,
} from "../lib/questions";
import { nowInstant } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";
import { type SessionScope, sessionInScope } from "./scope.server";

/**
 * The questions a session asks of its own, at sign-up (`part` "signUp") or in its survey after
 * the end ("survey"), and the answers registrations keep (the survey's answers are anonymous:
 * survey.server.ts). Questions are added, edited, moved and removed by the session's organisers
 * (routes check the scope first), one form at a time; each change runs in one write transaction
 * with its audit entry. A question is never deleted: removing it marks it, so the answers it has
 * keep their meaning (see db/schema.ts). The survey's questions stay as they are once the survey
 * has its first answer, so every answer answers the question the results show.
 */

const ordered = <Q extends { position: number; id: number }>(a: Q, b: Q) =>
  a.position - b.position || a.id - b.id;

/** The questions a session asks now, at sign-up or in its survey, in their order. */
export async function listQuestions(
  sessionId: number,
  part: QuestionPart = "signUp",
): Promise<Question[]> {
  return listQuestionsIn(database().db, sessionId, part);
}

export async function listQuestionsIn(
  trx: Kysely<Database>,
  sessionId: number,
  part: QuestionPart = "signUp",
) {
  const rows = await trx
    .selectFrom("session_questions")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("part", "=", part)
    .where("removed_at", "is", null)
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map(questionOf);
}

/** The questions the session with this slug asks now: what its sign-up form checks. */
export async function questionsBySlug(slug: string): Promise<Question[]> {
  const rows = await database()
    .db.selectFrom("session_questions")
    .innerJoin("sessions", "sessions.id", "session_questions.session_id")
    .selectAll("session_questions")
    .where("sessions.slug", "=", slug)
    .where("session_questions.part", "=", "signUp")
    .where("session_questions.removed_at", "is", null)
    .orderBy("session_questions.position")
    .orderBy("session_questions.id")
    .execute();
  return rows.map(questionOf);
}

/**
 * The questions each of these sessions asks at sign-up now, in their order (the API, the embed).
 */
export async function questionsOfSessions(sessionIds: number[]): Promise<Map<number, Question[]>> {
  const bySession = new Map<number, Question[]>(sessionIds.map((id) => [id, []]));
  if (!sessionIds.length) return bySession;
  const rows = await database()
    .db.selectFrom("session_questions")
    .selectAll()
    .where("session_id", "in", sessionIds)
    .where("part", "=", "signUp")
    .where("removed_at", "is", null)
    .execute();
  for (const row of rows.sort(ordered)) bySession.get(row.session_id)?.push(questionOf(row));
  return bySession;
}

/**
 * The sign-up questions whose answers a list of the session shows: those asked now, and removed
 * ones that still have answers (they are read, never asked again). In the form's order.
 */
export async function answeredQuestions(sessionId: number): Promise<Question[]> {
  const rows = await database()
    .db.selectFrom("session_questions")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("part", "=", "signUp")
    .where((eb) =>
      eb.or([
        eb("removed_at", "is", null),
        eb.exists(
          eb
            .selectFrom("registration_answers")
            .select("registration_answers.question_id")
            .whereRef("registration_answers.question_id", "=", "session_questions.id"),
        ),
      ]),
    )
    .orderBy("position")
    .orderBy("id")
    .execute();
  return rows.map(questionOf);
}

/** The answers of these registrations: registration id → question id → stored value. */
export async function answersOf(
  registrationIds: number[],
): Promise<Map<number, Map<number, string>>> {
  const answers = new Map<number, Map<number, string>>();
  const { db } = database();
  // A few hundred ids at a time: every database takes that many parameters.
  for (let start = 0; start < registrationIds.length; start += 500) {
    const rows = await db
      .selectFrom("registration_answers")
      .select(["registration_id", "question_id", "value"])
      .where("registration_id", "in", registrationIds.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      const own = answers.get(row.registration_id) ?? new Map<number, string>();
      own.set(row.question_id, row.value);
      answers.set(row.registration_id, own);
    }
  }
  return answers;
}

/** Stores a new registration's answers, in the transaction that stores the registration. */
export async function storeAnswersIn(
  trx: Kysely<Database>,
  registrationId: number,
  answers: readonly StoredAnswer[],
): Promise<void> {
  if (!answers.length) return;
  await trx
    .insertInto("registration_answers")
    .values(
      answers.map(({ questionId, value }) => ({
        registration_id: registrationId,
        question_id: questionId,
        value,
      })),
    )
    .execute();
}

/** A registration's answers go with its person (erasure, retention). */
export async function forgetAnswersIn(trx: Kysely<Database>, registrationIds: number[]) {
  if (!registrationIds.length) return;
  await trx
    .deleteFrom("registration_answers")
    .where("registration_id", "in", registrationIds)
    .execute();
}

/* Changes ------------------------------------------------------------------------------------ */

/** The columns a question's form sets; its part and type are set when it is made. */
function columnsOf(input: QuestionInput) {
  return {
    label_nl: input.label.nl,
    label_fr: input.label.fr,
    label_en: input.label.en,
    help_nl: input.help?.nl || null,
    help_fr: input.help?.fr ?? null,
    help_en: input.help?.en ?? null,
    required: input.required ? 1 : 0,
    // The survey asks each person who came on their own: nothing is asked for others.
    per_person: input.perPerson && input.part !== "survey" ? 1 : 0,
    choice_display: input.display,
    choices: hasChoices(input.type) ? JSON.stringify(input.choices) : null,
    max_length: input.maxLength,
    min_value: input.min,
    max_value: input.max,
  };
}

async function nextPosition(trx: Kysely<Database>, sessionId: number): Promise<number> {
  const row = await trx
    .selectFrom("session_questions")
    .select((eb) => eb.fn.max("position").as("last"))
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

async function activeCount(
  trx: Kysely<Database>,
  sessionId: number,
  part: QuestionPart,
): Promise<number> {
  const row = await trx
    .selectFrom("session_questions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("session_id", "=", sessionId)
    .where("part", "=", part)
    .where("removed_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the session's survey has an answer: its questions are then fixed. */
export async function surveyAnswered(sessionId: number): Promise<boolean> {
  return surveyAnsweredIn(database().db, sessionId);
}

/**
 * `surveyAnswered` in a change's transaction, after `lockSession`: an answer locks the session
 * too before it checks the questions it answers, so one of the two waits for the other.
 */
async function surveyAnsweredIn(trx: Kysely<Database>, sessionId: number) {
  const row = await trx
    .selectFrom("survey_responses")
    .select("id")
    .where("session_id", "=", sessionId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Adds questions at the end of a session's forms (each to the form of its part), in the caller's
 * transaction.
 */
export async function addQuestionsIn(
  trx: Kysely<Database>,
  sessionId: number,
  inputs: readonly QuestionInput[],
  now: string,
): Promise<number[]> {
  if (!inputs.length) return [];
  const first = await nextPosition(trx, sessionId);
  const rows: NewSessionQuestion[] = inputs.map((input, index) => ({
    session_id: sessionId,
    position: first + index,
    part: input.part ?? "signUp",
    type: input.type,
    ...columnsOf(input),
    created_at: now,
    updated_at: now,
  }));
  const added = await trx.insertInto("session_questions").values(rows).returning("id").execute();
  return added.map((row) => row.id);
}

/**
 * Copies the questions another session asks now (of one form, or of both) to the end of this
 * one's, in the caller's transaction: new questions, with the same choices and keys (removed
 * choices stay behind).
 */
export async function copyQuestionsIn(
  trx: Kysely<Database>,
  fromSessionId: number,
  toSessionId: number,
  now: string,
  parts: readonly QuestionPart[] = ["signUp", "survey"],
): Promise<number> {
  const questions: Question[] = [];
  for (const part of parts) questions.push(...(await listQuestionsIn(trx, fromSessionId, part)));
  const added = await addQuestionsIn(
    trx,
    toSessionId,
    questions.map((question) => ({
      ...question,
      choices: question.choices.filter((choice) => !choice.removed),
    })),
    now,
  );
  return added.length;
}

async function sessionExists(trx: Kysely<Database>, sessionId: number) {
  await lockSession(trx, sessionId);
  const row = await trx
    .selectFrom("sessions")
    .select("id")
    .where("id", "=", sessionId)
    .executeTakeFirst();
  return Boolean(row);
}

async function questionOfSession(
  trx: Kysely<Database>,
  sessionId: number,
  part: QuestionPart,
  questionId: number,
) {
  const row = await trx
    .selectFrom("session_questions")
    .selectAll()
    .where("id", "=", questionId)
    .where("session_id", "=", sessionId)
    .where("part", "=", part)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return row ? questionOf(row) : null;
}

function audit(
  trx: Kysely<Database>,
  { organiserId, clientAddress }: Actor,
  action: "question.add" | "question.update" | "question.remove" | "question.move",
  sessionId: number,
  details: { part: QuestionPart } & Record<string, string | number>,
  now: string,
) {
  return recordAuditIn(
    trx,
    { organiserId, action, subjectType: "session", subjectId: sessionId, details, clientAddress },
    now,
  );
}

type ChangeRefused = { ok: false; reason: "notFound" } | { ok: false; reason: "locked" };

/**
 * A change to the questions of one form of a session, in one write transaction: refused when
 * the session is not there, or when the form may not change (the survey's, once answered).
 */
function changeQuestions<Result>(
  sessionId: number,
  part: QuestionPart,
  actor: Actor,
  change: (trx: Kysely<Database>, now: string) => Promise<Result>,
): Promise<Result | ChangeRefused> {
  const now = actor.now ?? nowInstant();
  return writeTransaction(async (trx): Promise<Result | ChangeRefused> => {
    if (!(await sessionExists(trx, sessionId))) return { ok: false, reason: "notFound" };
    if (part === "survey" && (await surveyAnsweredIn(trx, sessionId))) {
      return { ok: false, reason: "locked" };
    }
    return change(trx, now);
  });
}

export type AddQuestionResult =
  | { ok: true; questionId: number; label: string }
  | { ok: false; reason: "notFound" | "tooMany" | "locked" };

export async function addQuestion(
  sessionId: number,
  part: QuestionPart,
  input: QuestionFormData,
  actor: Actor,
): Promise<AddQuestionResult> {
  return changeQuestions(sessionId, part, actor, async (trx, now): Promise<AddQuestionResult> => {
    if ((await activeCount(trx, sessionId, part)) >= questionLimit(part)) {
      return { ok: false, reason: "tooMany" };
    }
    const choices = keyedChoices(input.choices, []) ?? [];
    const [questionId = 0] = await addQuestionsIn(
      trx,
      sessionId,
      [{ ...input, part, choices }],
      now,
    );
    await audit(trx, actor, "question.add", sessionId, { questionId, type: input.type, part }, now);
    return { ok: true, questionId, label: input.label.nl };
  });
}

export type UpdateQuestionResult =
  | { ok: true; label: string }
  | { ok: false; reason: "notFound" | "unknownChoice" | "locked" };

/**
 * Changes a question; its type stays. Choices keep their keys, new ones get keys of their own,
 * and choices left out are kept as removed, so every answer given still reads.
 */
export async function updateQuestion(
  sessionId: number,
  part: QuestionPart,
  questionId: number,
  input: QuestionFormData,
  actor: Actor,
): Promise<UpdateQuestionResult> {
  return changeQuestions(
    sessionId,
    part,
    actor,
    async (trx, now): Promise<UpdateQuestionResult> => {
      const before = await questionOfSession(trx, sessionId, part, questionId);
      if (!before || before.type !== input.type) return { ok: false, reason: "notFound" };
      const choices = keyedChoices(input.choices, before.choices);
      if (!choices) return { ok: false, reason: "unknownChoice" };
      await trx
        .updateTable("session_questions")
        .set({ ...columnsOf({ ...input, part, choices }), updated_at: now })
        .where("id", "=", questionId)
        .execute();
      const details = { questionId, type: input.type, part };
      await audit(trx, actor, "question.update", sessionId, details, now);
      return { ok: true, label: input.label.nl };
    },
  );
}

export type RemoveQuestionResult =
  | { ok: true; label: string }
  | { ok: false; reason: "notFound" | "locked" };

/** No longer asked; what people answered stays, in lists and exports. */
export async function removeQuestion(
  sessionId: number,
  part: QuestionPart,
  questionId: number,
  actor: Actor,
): Promise<RemoveQuestionResult> {
  return changeQuestions(
    sessionId,
    part,
    actor,
    async (trx, now): Promise<RemoveQuestionResult> => {
      const question = await questionOfSession(trx, sessionId, part, questionId);
      if (!question) return { ok: false, reason: "notFound" };
      await trx
        .updateTable("session_questions")
        .set({ removed_at: now, updated_at: now })
        .where("id", "=", questionId)
        .execute();
      const details = { questionId, type: question.type, part };
      await audit(trx, actor, "question.remove", sessionId, details, now);
      return { ok: true, label: question.label.nl };
    },
  );
}

export type MoveQuestionResult =
  | { ok: true; label: string; position: number }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "locked" }
  | { ok: false; reason: "alreadyFirst" | "alreadyLast"; label: string };

/** One place up or down the form, by swapping with the neighbour. */
export async function moveQuestion(
  sessionId: number,
  part: QuestionPart,
  questionId: number,
  direction: "up" | "down",
  actor: Actor,
): Promise<MoveQuestionResult> {
  return changeQuestions(sessionId, part, actor, async (trx, now): Promise<MoveQuestionResult> => {
    const questions = await listQuestionsIn(trx, sessionId, part);
    const index = questions.findIndex((question) => question.id === questionId);
    const moving = questions[index];
    if (!moving) return { ok: false, reason: "notFound" };
    const label = moving.label.nl;
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0) return { ok: false, reason: "alreadyFirst", label };
    if (other >= questions.length) return { ok: false, reason: "alreadyLast", label };
    // Positions 0, 1, 2… in the new order: ties and gaps left by removed questions go too.
    const order = questions.map((question) => question.id);
    [order[index], order[other]] = [order[other] ?? questionId, questionId];
    for (const [position, id] of order.entries()) {
      await trx.updateTable("session_questions").set({ position }).where("id", "=", id).execute();
    }
    await audit(
      trx,
      actor,
      "question.move",
      sessionId,
      { questionId, direction, from: index + 1, to: other + 1, part },
      now,
    );
    return { ok: true, label, position: other + 1 };
  });
}

export type CopyQuestionsResult =
  | { ok: true; count: number }
  | { ok: false; reason: "notFound" | "sameSession" | "tooMany" | "locked" };

/** Adds the questions another session asks in one form to the end of this one's same form. */
export async function copyQuestions(
  sessionId: number,
  part: QuestionPart,
  fromSessionId: number,
  actor: Actor,
): Promise<CopyQuestionsResult> {
  if (sessionId === fromSessionId) return { ok: false, reason: "sameSession" };
  return changeQuestions(sessionId, part, actor, async (trx, now): Promise<CopyQuestionsResult> => {
    const copied = (await listQuestionsIn(trx, fromSessionId, part)).length;
    if ((await activeCount(trx, sessionId, part)) + copied > questionLimit(part)) {
      return { ok: false, reason: "tooMany" };
    }
    const count = await copyQuestionsIn(trx, fromSessionId, sessionId, now, [part]);
    await recordQuestionCopyIn(trx, actor, { sessionId, fromSessionId, count, part }, now);
    return { ok: true, count };
  });
}

/**
 * The audit entry of a copy, here (of one form's questions) or when a new session takes
 * another's questions (of both forms: no `part`).
 */
export function recordQuestionCopyIn(
  trx: Kysely<Database>,
  { organiserId, clientAddress }: Actor,
  {
    sessionId,
    fromSessionId,
    count,
    part,
  }: { sessionId: number; fromSessionId: number; count: number; part?: QuestionPart },
  now: string,
) {
  return recordAuditIn(
    trx,
    {
      organiserId,
      action: "question.copy",
      subjectType: "session",
      subjectId: sessionId,
      details: { sourceSessionId: fromSessionId, count, ...(part ? { part } : {}) },
      clientAddress,
    },
    now,
  );
}

/**
 * Sessions in the organiser's scope that ask questions (in the form of `part`, or in either),
 * to copy them from: the newest first, with how many each asks. `except`: the session being
 * edited.
 */
export async function questionSources(
  scope: SessionScope,
  { except, part, limit = 200 }: { except?: number; part?: QuestionPart; limit?: number } = {},
) {
  let query = database()
    .db.selectFrom("sessions")
    .innerJoin("session_questions", "session_questions.session_id", "sessions.id")
    .select((eb) => [
      "sessions.id",
      "sessions.title",
      "sessions.starts_at",
      eb.fn.countAll<number>().as("count"),
    ])
    .where(sessionInScope(scope))
    .where("session_questions.removed_at", "is", null)
    .groupBy(["sessions.id", "sessions.title", "sessions.starts_at"])
    .orderBy("sessions.starts_at", "desc")
    .orderBy("sessions.id", "desc")
    .limit(limit);
  if (except !== undefined) query = query.where("sessions.id", "<>", except);
  if (part !== undefined) query = query.where("session_questions.part", "=", part);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    startsAt: row.starts_at,
    count: Number(row.count),
  }));
}
