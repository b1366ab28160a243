import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, Usefulness } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import { answerIs, isText, type Question, SCALE, type StoredAnswer } from "../lib/questions";
import {
  SURVEY_MIN_ANSWERS,
  SURVEY_OPEN_DAYS,
  type SurveyAnswers,
  USEFULNESS,
} from "../lib/survey-form";
import { addMinutes, nowInstant } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";
import { listQuestions, listQuestionsIn } from "./question.server";
import { hashToken } from "./registration-token.server";
import { isSessionInScope, type SessionScope } from "./scope.server";

/**
 * The survey after a session: opened from the personal link in the thank-you mail (a token of
 * purpose "survey", which opens nothing else), answered once, closed `SURVEY_OPEN_DAYS` after the
 * mail. It asks three fixed questions, then the questions of its own the session's organisers
 * added (question.server.ts, part "survey"). The answer is stored by session only
 * (`survey_responses`, and `survey_answers` for the session's own questions), and the
 * registration keeps no more than a flag that it answered: nobody, organisers included, can tell
 * who said what. Organisers see the results per session, and only the count below
 * `SURVEY_MIN_ANSWERS`.
 */

/** The session a survey is about, as its page shows it. */
export interface SurveySession {
  title: string;
  starts_at: string;
  ends_at: string;
  city: string;
}

export type SurveyState =
  | { state: "open"; session: SurveySession; closesAt: string; questions: Question[] }
  | { state: "answered"; session: SurveySession }
  | { state: "closed"; session: SurveySession }
  | { state: "erased" }
  | { state: "unknown" };

interface SurveyLink {
  registrationId: number;
  sessionId: number;
  answered: boolean;
  closesAt: string;
  session: SurveySession;
}

/** What a survey link leads to, read in the caller's transaction. */
async function surveyLinkIn(
  trx: Kysely<Database>,
  token: string,
): Promise<SurveyLink | "erased" | null> {
  if (!token) return null;
  const row = await trx
    .selectFrom("registration_tokens")
    .leftJoin("registrations", "registrations.id", "registration_tokens.registration_id")
    .leftJoin("sessions", "sessions.id", "registrations.session_id")
    .leftJoin("cities", "cities.id", "sessions.city_id")
    .select([
      "registration_tokens.registration_id",
      "registration_tokens.created_at",
      "registrations.session_id",
      "registrations.survey_answered",
      "sessions.title",
      "sessions.starts_at",
      "sessions.ends_at",
      "cities.name as city",
    ])
    .where("registration_tokens.token_hash", "=", hashToken(token))
    .where("registration_tokens.purpose", "=", "survey")
    .executeTakeFirst();
  if (!row) return null;
  if (row.registration_id === null) return "erased";
  if (row.session_id === null || row.title === null) return null;
  return {
    registrationId: row.registration_id,
    sessionId: row.session_id,
    answered: Boolean(row.survey_answered),
    closesAt: addMinutes(row.created_at, SURVEY_OPEN_DAYS * 24 * 60),
    session: {
      title: row.title,
      starts_at: row.starts_at ?? "",
      ends_at: row.ends_at ?? "",
      city: row.city ?? "",
    },
  };
}

type LinkState = Exclude<SurveyState, { state: "open" }> | { state: "open"; link: SurveyLink };

function stateOf(link: SurveyLink | "erased" | null, now: string): LinkState {
  if (link === null) return { state: "unknown" };
  if (link === "erased") return { state: "erased" };
  if (link.answered) return { state: "answered", session: link.session };
  if (now >= link.closesAt) return { state: "closed", session: link.session };
  return { state: "open", link };
}

/**
 * Whether the survey behind this link can be answered now, about which session, and (when it
 * can) the questions of its own it asks after the fixed ones.
 */
export async function openSurvey(
  token: string,
  { now = nowInstant() }: { now?: string } = {},
): Promise<SurveyState> {
  const state = stateOf(await surveyLinkIn(database().db, token), now);
  if (state.state !== "open") return state;
  const { session, closesAt, sessionId } = state.link;
  return { state: "open", session, closesAt, questions: await listQuestions(sessionId, "survey") };
}

/** The answers to the session's own questions, and the questions the form was checked against. */
export interface OwnAnswers {
  asked: readonly number[];
  answers: readonly StoredAnswer[];
}

export type AnswerSurveyResult =
  | { ok: true; session: SurveySession }
  | { ok: false; reason: "answered" | "closed" | "erased" | "unknown" | "changed" };

/**
 * Stores an answer to the survey, once. The flag on the registration is set only where it was
 * not yet: of two answers posted at once, one sets it and stores its answer, the other finds it
 * set and stores nothing, on either database. The session's own questions must be those the
 * form was checked against ("changed" otherwise, and nothing stored): an organiser may change
 * them until the first answer is in, and waits for an answer being stored (`lockSession`).
 */
export async function answerSurvey(
  token: string,
  answers: SurveyAnswers,
  own: OwnAnswers,
  { now = nowInstant() }: { now?: string } = {},
): Promise<AnswerSurveyResult> {
  return writeTransaction(async (trx) => {
    const state = stateOf(await surveyLinkIn(trx, token), now);
    if (state.state !== "open") return { ok: false, reason: state.state };
    const { link } = state;
    await lockSession(trx, link.sessionId);
    const asked = (await listQuestionsIn(trx, link.sessionId, "survey")).map((q) => q.id);
    if (asked.length !== own.asked.length || asked.some((id) => !own.asked.includes(id))) {
      return { ok: false, reason: "changed" };
    }
    const marked = await trx
      .updateTable("registrations")
      .set({ survey_answered: 1 })
      .where("id", "=", link.registrationId)
      .where("survey_answered", "=", 0)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) return { ok: false, reason: "answered" };
    const response = await trx
      .insertInto("survey_responses")
      .values({
        session_id: link.sessionId,
        rating: answers.rating,
        useful: answers.useful,
        comment: answers.comment,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (own.answers.length) {
      await trx
        .insertInto("survey_answers")
        .values(
          own.answers.map(({ questionId, value }) => ({
            response_id: response.id,
            question_id: questionId,
            value,
          })),
        )
        .execute();
    }
    return { ok: true, session: link.session };
  });
}

/* Results ------------------------------------------------------------------------------------ */

/** The results of one of the session's own questions. */
export interface OwnQuestionResult {
  question: Question;
  /** How many answers to the survey answered it. */
  answered: number;
  /** Choices, yes or no, scores: the answers per value, in the question's order. */
  counts: { value: string; count: number }[];
  /** Scores: their average; null for other types, or when nobody answered. */
  average: number | null;
  /** Text: the answers, sorted by their text (not in the order they came). */
  texts: string[];
}

export type SurveyResults =
  | { shown: false; answers: number; sent: number }
  | {
      shown: true;
      answers: number;
      /** Thank-you mails queued: the people who were asked. */
      sent: number;
      /** Answers per rating, 1 to 5 in order. */
      ratings: number[];
      average: number;
      useful: Record<Usefulness, number>;
      /** The open answers, in no particular order (sorted by their text). */
      comments: string[];
      /** The session's own questions, in the survey's order. */
      own: OwnQuestionResult[];
    };

const byText = (a: string, b: string) => a.localeCompare(b);

/** The values a question's answers are counted by; none for text. */
function countedValues(question: Question): string[] {
  switch (question.type) {
    case "oneChoice":
    case "severalChoices":
      return question.choices.map((choice) => choice.key);
    case "yesNo":
      return ["yes", "no"];
    case "scale":
      return [...SCALE];
    default:
      return [];
  }
}

function resultOf(question: Question, values: readonly string[]): OwnQuestionResult {
  const counts = countedValues(question)
    .map((value) => ({
      value,
      count: values.filter((stored) => answerIs(question, stored, value)).length,
    }))
    // A choice removed before the first answer was never offered: no row for it.
    .filter(
      ({ value, count }) =>
        count > 0 || !question.choices.some((choice) => choice.key === value && choice.removed),
    );
  const scores = question.type === "scale" ? values.map(Number) : [];
  return {
    question,
    answered: values.length,
    counts,
    average: scores.length ? scores.reduce((sum, score) => sum + score, 0) / scores.length : null,
    texts: isText(question.type) ? [...values].sort(byText) : [],
  };
}

/** The answers to a session's own questions: response id → question id → stored value. */
async function ownAnswersIn(trx: Kysely<Database>, sessionId: number) {
  const rows = await trx
    .selectFrom("survey_answers")
    .innerJoin("survey_responses", "survey_responses.id", "survey_answers.response_id")
    .select(["survey_answers.response_id", "survey_answers.question_id", "survey_answers.value"])
    .where("survey_responses.session_id", "=", sessionId)
    .execute();
  const byResponse = new Map<number, Record<number, string>>();
  for (const row of rows) {
    const own = byResponse.get(row.response_id) ?? {};
    own[row.question_id] = row.value;
    byResponse.set(row.response_id, own);
  }
  return byResponse;
}

/**
 * The survey's results of one session, for its organisers (the caller checked the scope):
 * below `SURVEY_MIN_ANSWERS` answers, the count and nothing more.
 */
export async function surveyResults(sessionId: number): Promise<SurveyResults> {
  const { db } = database();
  const sentRow = await db
    .selectFrom("session_follow_ups")
    .select((eb) => eb.fn.countAll<number | string>().as("sent"))
    .where("session_id", "=", sessionId)
    .where("kind", "=", "thankYou")
    .executeTakeFirstOrThrow();
  const sent = Number(sentRow.sent);
  const responses = await db
    .selectFrom("survey_responses")
    .select(["rating", "useful", "comment"])
    .where("session_id", "=", sessionId)
    .execute();
  const answers = responses.length;
  if (answers < SURVEY_MIN_ANSWERS) return { shown: false, answers, sent };
  const ratings = [0, 0, 0, 0, 0];
  const useful = Object.fromEntries(USEFULNESS.map((value) => [value, 0])) as Record<
    Usefulness,
    number
  >;
  let total = 0;
  for (const response of responses) {
    ratings[response.rating - 1] = (ratings[response.rating - 1] ?? 0) + 1;
    useful[response.useful] += 1;
    total += response.rating;
  }
  const comments = responses
    .flatMap((response) => (response.comment ? [response.comment] : []))
    .sort(byText);
  // The survey's questions are fixed once it has an answer: those it asks now are those answered.
  const [questions, byResponse] = await Promise.all([
    listQuestions(sessionId, "survey"),
    ownAnswersIn(db, sessionId),
  ]);
  const given = [...byResponse.values()];
  const own = questions.map((question) =>
    resultOf(
      question,
      given.flatMap((answered) => answered[question.id] ?? []),
    ),
  );
  return {
    shown: true,
    answers,
    sent,
    ratings,
    average: total / answers,
    useful,
    comments,
    own,
  };
}

interface SurveyExportRow {
  rating: number;
  useful: Usefulness;
  comment: string;
  /** The answers to the session's own questions: question id → stored value. */
  own: Record<number, string>;
}

export type SurveyExport =
  | { ok: true; slug: string; questions: Question[]; rows: SurveyExportRow[] }
  | { ok: false; reason: "notFound" | "tooFew" };

/**
 * The answers of one session for a download, without anything that leads to a person (not
 * even the order they came in), logged as an export. Below `SURVEY_MIN_ANSWERS` there is no
 * file, as there is no table on the page.
 */
export async function exportSurveyResults(
  sessionId: number,
  scope: SessionScope,
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<SurveyExport> {
  if (!(await isSessionInScope(scope, sessionId))) return { ok: false, reason: "notFound" };
  return writeTransaction(async (trx) => {
    const session = await trx
      .selectFrom("sessions")
      .select("slug")
      .where("id", "=", sessionId)
      .executeTakeFirst();
    if (!session) return { ok: false, reason: "notFound" };
    const responses = await trx
      .selectFrom("survey_responses")
      .select(["id", "rating", "useful", "comment"])
      .where("session_id", "=", sessionId)
      .execute();
    if (responses.length < SURVEY_MIN_ANSWERS) return { ok: false, reason: "tooFew" };
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "survey.export",
        subjectType: "session",
        subjectId: sessionId,
        details: { answers: responses.length },
        clientAddress,
      },
      now,
    );
    const questions = await listQuestionsIn(trx, sessionId, "survey");
    const byResponse = await ownAnswersIn(trx, sessionId);
    // Sorted by what they say, every column in turn: the rows keep no trace of their order.
    const ownText = (own: Record<number, string>) => questions.map((q) => own[q.id] ?? "");
    const rows = responses
      .map(({ id, rating, useful, comment }) => ({
        rating,
        useful,
        comment: comment ?? "",
        own: byResponse.get(id) ?? {},
      }))
      .sort(
        (a, b) =>
          a.rating - b.rating ||
          a.useful.localeCompare(b.useful) ||
          a.comment.localeCompare(b.comment) ||
          ownText(a.own).join("\u0000").localeCompare(ownText(b.own).join("\u0000")),
      );
    return { ok: true, slug: session.slug, questions, rows };
  });
}
