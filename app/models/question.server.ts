import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, NewSessionQuestion } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import { keyedChoices, type QuestionFormData } from "../lib/question-form";
import {
  hasChoices,
  QUESTION_LIMITS,
  type Question,
  type QuestionInput,
  questionOf,
  type StoredAnswer,
} from "../lib/questions";
import { nowInstant } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";
import { type SessionScope, sessionInScope } from "./scope.server";

/**
 * The questions a session asks at sign-up, and the answers registrations keep. Questions are
 * added, edited, moved and removed by the session's organisers (routes check the scope first);
 * each change runs in one write transaction with its audit entry. A question is never deleted:
 * removing it marks it, so the answers it has keep their meaning (see db/schema.ts).
 */

const ordered = <Q extends { position: number; id: number }>(a: Q, b: Q) =>
  a.position - b.position || a.id - b.id;

/** The questions a session asks now, in their order. */
export async function listQuestions(sessionId: number): Promise<Question[]> {
  return listQuestionsIn(database().db, sessionId);
}

export async function listQuestionsIn(trx: Kysely<Database>, sessionId: number) {
  const rows = await trx
    .selectFrom("session_questions")
    .selectAll()
    .where("session_id", "=", sessionId)
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
    .where("session_questions.removed_at", "is", null)
    .orderBy("session_questions.position")
    .orderBy("session_questions.id")
    .execute();
  return rows.map(questionOf);
}

/** The questions of each of these sessions, asked now, in their order (the API, the embed). */
export async function questionsOfSessions(sessionIds: number[]): Promise<Map<number, Question[]>> {
  const bySession = new Map<number, Question[]>(sessionIds.map((id) => [id, []]));
  if (!sessionIds.length) return bySession;
  const rows = await database()
    .db.selectFrom("session_questions")
    .selectAll()
    .where("session_id", "in", sessionIds)
    .where("removed_at", "is", null)
    .execute();
  for (const row of rows.sort(ordered)) bySession.get(row.session_id)?.push(questionOf(row));
  return bySession;
}

/**
 * The questions whose answers a list of the session shows: those asked now, and removed ones
 * that still have answers (they are read, never asked again). In the form's order.
 */
export async function answeredQuestions(sessionId: number): Promise<Question[]> {
  const rows = await database()
    .db.selectFrom("session_questions")
    .selectAll()
    .where("session_id", "=", sessionId)
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
export async function forgetAnswersIn(trx: Kysely<Database>, registrationId: number) {
  await trx
    .deleteFrom("registration_answers")
    .where("registration_id", "=", registrationId)
    .execute();
}

/* Changes ------------------------------------------------------------------------------------ */

function columnsOf(input: QuestionInput) {
  return {
    type: input.type,
    label_nl: input.label.nl,
    label_fr: input.label.fr,
    label_en: input.label.en,
    help_nl: input.help?.nl || null,
    help_fr: input.help?.fr ?? null,
    help_en: input.help?.en ?? null,
    required: input.required ? 1 : 0,
    per_person: input.perPerson ? 1 : 0,
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

async function activeCount(trx: Kysely<Database>, sessionId: number): Promise<number> {
  const row = await trx
    .selectFrom("session_questions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("session_id", "=", sessionId)
    .where("removed_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds questions at the end of a session's form, in the caller's transaction. */
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
    ...columnsOf(input),
    created_at: now,
    updated_at: now,
  }));
  const added = await trx.insertInto("session_questions").values(rows).returning("id").execute();
  return added.map((row) => row.id);
}

/**
 * Copies the questions another session asks now to the end of this one's, in the caller's
 * transaction: new questions, with the same choices and keys (removed choices stay behind).
 */
export async function copyQuestionsIn(
  trx: Kysely<Database>,
  fromSessionId: number,
  toSessionId: number,
  now: string,
): Promise<number> {
  const questions = await listQuestionsIn(trx, fromSessionId);
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

async function questionOfSession(trx: Kysely<Database>, sessionId: number, questionId: number) {
  const row = await trx
    .selectFrom("session_questions")
    .selectAll()
    .where("id", "=", questionId)
    .where("session_id", "=", sessionId)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return row ? questionOf(row) : null;
}

function audit(
  trx: Kysely<Database>,
  { organiserId, clientAddress }: Actor,
  action: "question.add" | "question.update" | "question.remove" | "question.move",
  sessionId: number,
  details: Record<string, string | number>,
  now: string,
) {
  return recordAuditIn(
    trx,
    { organiserId, action, subjectType: "session", subjectId: sessionId, details, clientAddress },
    now,
  );
}

export type AddQuestionResult =
  | { ok: true; questionId: number; label: string }
  | { ok: false; reason: "notFound" | "tooMany" };

export async function addQuestion(
  sessionId: number,
  input: QuestionFormData,
  actor: Actor,
): Promise<AddQuestionResult> {
  const now = actor.now ?? nowInstant();
  return writeTransaction(async (trx) => {
    if (!(await sessionExists(trx, sessionId))) return { ok: false, reason: "notFound" };
    if ((await activeCount(trx, sessionId)) >= QUESTION_LIMITS.questions) {
      return { ok: false, reason: "tooMany" };
    }
    const choices = keyedChoices(input.choices, []) ?? [];
    const [questionId = 0] = await addQuestionsIn(trx, sessionId, [{ ...input, choices }], now);
    await audit(trx, actor, "question.add", sessionId, { questionId, type: input.type }, now);
    return { ok: true, questionId, label: input.label.nl };
  });
}

export type UpdateQuestionResult =
  | { ok: true; label: string }
  | { ok: false; reason: "notFound" | "unknownChoice" };

/**
 * Changes a question; its type stays. Choices keep their keys, new ones get keys of their own,
 * and choices left out are kept as removed, so every answer given still reads.
 */
export async function updateQuestion(
  sessionId: number,
  questionId: number,
  input: QuestionFormData,
  actor: Actor,
): Promise<UpdateQuestionResult> {
  const now = actor.now ?? nowInstant();
  return writeTransaction(async (trx) => {
    if (!(await sessionExists(trx, sessionId))) return { ok: false, reason: "notFound" };
    const before = await questionOfSession(trx, sessionId, questionId);
    if (!before || before.type !== input.type) return { ok: false, reason: "notFound" };
    const choices = keyedChoices(input.choices, before.choices);
    if (!choices) return { ok: false, reason: "unknownChoice" };
    await trx
      .updateTable("session_questions")
      .set({ ...columnsOf({ ...input, choices }), updated_at: now })
      .where("id", "=", questionId)
      .execute();
    await audit(trx, actor, "question.update", sessionId, { questionId, type: input.type }, now);
    return { ok: true, label: input.label.nl };
  });
}

export type RemoveQuestionResult = { ok: true; label: string } | { ok: false; reason: "notFound" };

/** No longer asked; what people answered stays, in lists and exports. */
export async function removeQuestion(
  sessionId: number,
  questionId: number,
  actor: Actor,
): Promise<RemoveQuestionResult> {
  const now = actor.now ?? nowInstant();
  return writeTransaction(async (trx) => {
    if (!(await sessionExists(trx, sessionId))) return { ok: false, reason: "notFound" };
    const question = await questionOfSession(trx, sessionId, questionId);
    if (!question) return { ok: false, reason: "notFound" };
    await trx
      .updateTable("session_questions")
      .set({ removed_at: now, updated_at: now })
      .where("id", "=", questionId)
      .execute();
    await audit(trx, actor, "question.remove", sessionId, { questionId, type: question.type }, now);
    return { ok: true, label: question.label.nl };
  });
}

export type MoveQuestionResult =
  | { ok: true; label: string; position: number }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "alreadyFirst" | "alreadyLast"; label: string };

/** One place up or down the form, by swapping with the neighbour. */
export async function moveQuestion(
  sessionId: number,
  questionId: number,
  direction: "up" | "down",
  actor: Actor,
): Promise<MoveQuestionResult> {
  const now = actor.now ?? nowInstant();
  return writeTransaction(async (trx) => {
    if (!(await sessionExists(trx, sessionId))) return { ok: false, reason: "notFound" };
    const questions = await listQuestionsIn(trx, sessionId);
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
      { questionId, direction, from: index + 1, to: other + 1 },
      now,
    );
    return { ok: true, label, position: other + 1 };
  });
}

export type CopyQuestionsResult =
  | { ok: true; count: number }
  | { ok: false; reason: "notFound" | "sameSession" | "tooMany" };

/** Adds the questions another session asks to the end of this one's. */
export async function copyQuestions(
  sessionId: number,
  fromSessionId: number,
  actor: Actor,
): Promise<CopyQuestionsResult> {
  const now = actor.now ?? nowInstant();
  if (sessionId === fromSessionId) return { ok: false, reason: "sameSession" };
  return writeTransaction(async (trx) => {
    if (!(await sessionExists(trx, sessionId))) return { ok: false, reason: "notFound" };
    const copied = (await listQuestionsIn(trx, fromSessionId)).length;
    if ((await activeCount(trx, sessionId)) + copied > QUESTION_LIMITS.questions) {
      return { ok: false, reason: "tooMany" };
    }
    const count = await copyQuestionsIn(trx, fromSessionId, sessionId, now);
    await recordQuestionCopyIn(trx, actor, { sessionId, fromSessionId, count }, now);
    return { ok: true, count };
  });
}

/** The audit entry of a copy, here or when a new session takes another's questions. */
export function recordQuestionCopyIn(
  trx: Kysely<Database>,
  { organiserId, clientAddress }: Actor,
  { sessionId, fromSessionId, count }: { sessionId: number; fromSessionId: number; count: number },
  now: string,
) {
  return recordAuditIn(
    trx,
    {
      organiserId,
      action: "question.copy",
      subjectType: "session",
      subjectId: sessionId,
      details: { sourceSessionId: fromSessionId, count },
      clientAddress,
    },
    now,
  );
}

/**
 * Sessions in the organiser's scope that ask questions, to copy them from: the newest first,
 * with how many each asks. `except`: the session being edited.
 */
export async function questionSources(
  scope: SessionScope,
  { except, limit = 200 }: { except?: number; limit?: number } = {},
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
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    startsAt: row.starts_at,
    count: Number(row.count),
  }));
}
