import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, Usefulness } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import {
  SURVEY_MIN_ANSWERS,
  SURVEY_OPEN_DAYS,
  type SurveyAnswers,
  USEFULNESS,
} from "../lib/survey-form";
import { addMinutes, nowInstant } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";
import { hashToken } from "./registration-token.server";
import { isSessionInScope, type SessionScope } from "./scope.server";

/**
 * The survey after a session: opened from the personal link in the thank-you mail (a token of
 * purpose "survey", which opens nothing else), answered once, closed `SURVEY_OPEN_DAYS` after the
 * mail. The answer is stored by session only (`survey_responses`), and the registration keeps
 * no more than a flag that it answered: nobody, organisers included, can tell who said what.
 * Organisers see the results per session, and only the count below `SURVEY_MIN_ANSWERS`.
 */

/** The session a survey is about, as its page shows it. */
export interface SurveySession {
  title: string;
  starts_at: string;
  ends_at: string;
  city: string;
}

export type SurveyState =
  | { state: "open"; session: SurveySession; closesAt: string }
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

function stateOf(link: SurveyLink | "erased" | null, now: string): SurveyState {
  if (link === null) return { state: "unknown" };
  if (link === "erased") return { state: "erased" };
  if (link.answered) return { state: "answered", session: link.session };
  if (now >= link.closesAt) return { state: "closed", session: link.session };
  return { state: "open", session: link.session, closesAt: link.closesAt };
}

/** Whether the survey behind this link can be answered now, and about which session. */
export async function openSurvey(
  token: string,
  { now = nowInstant() }: { now?: string } = {},
): Promise<SurveyState> {
  return stateOf(await surveyLinkIn(database().db, token), now);
}

export type AnswerSurveyResult =
  | { ok: true; session: SurveySession }
  | { ok: false; reason: "answered" | "closed" | "erased" | "unknown" };

/**
 * Stores an answer to the survey, once. The flag on the registration is set only where it was
 * not yet: of two answers posted at once, one sets it and stores its answer, the other finds it
 * set and stores nothing, on either database.
 */
export async function answerSurvey(
  token: string,
  answers: SurveyAnswers,
  { now = nowInstant() }: { now?: string } = {},
): Promise<AnswerSurveyResult> {
  return writeTransaction(async (trx) => {
    const link = await surveyLinkIn(trx, token);
    const state = stateOf(link, now);
    if (state.state !== "open" || link === null || link === "erased") {
      return { ok: false, reason: state.state === "open" ? "unknown" : state.state };
    }
    const marked = await trx
      .updateTable("registrations")
      .set({ survey_answered: 1 })
      .where("id", "=", link.registrationId)
      .where("survey_answered", "=", 0)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) return { ok: false, reason: "answered" };
    await trx
      .insertInto("survey_responses")
      .values({
        session_id: link.sessionId,
        rating: answers.rating,
        useful: answers.useful,
        comment: answers.comment,
      })
      .execute();
    return { ok: true, session: link.session };
  });
}

/* Results ------------------------------------------------------------------------------------ */

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
    };

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
    .sort((a, b) => a.localeCompare(b));
  return { shown: true, answers, sent, ratings, average: total / answers, useful, comments };
}

export interface SurveyExportRow {
  rating: number;
  useful: Usefulness;
  comment: string;
}

export type SurveyExport =
  | { ok: true; slug: string; rows: SurveyExportRow[] }
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
      .select(["rating", "useful", "comment"])
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
    const rows = responses
      .map((response) => ({ ...response, comment: response.comment ?? "" }))
      .sort(
        (a, b) =>
          a.rating - b.rating ||
          a.useful.localeCompare(b.useful) ||
          a.comment.localeCompare(b.comment),
      );
    return { ok: true, slug: session.slug, rows };
  });
}
