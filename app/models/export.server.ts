import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { DateTime } from "luxon";
import { database, dialectOfDb } from "../../db/client";
import type { Database, RegistrationSource, RegistrationStatus } from "../../db/schema";
import type { ExportFormat } from "../lib/export-form";
import { type Question, questionOf } from "../lib/questions";
import { brusselsTimeToInstant } from "../lib/time";
import { recordAudit } from "./audit.server";
import { LIVE_STATUSES } from "./registration.server";
import { type SessionScope, sessionInScope } from "./scope.server";

/*
 * Attendee lists for organisers: which people, in which order, within the organiser's scope.
 * The rows are read from a database cursor as the caller asks for them, so a list of 100,000
 * people never sits in memory; writing them as a file is app/lib/spreadsheet.server.ts. Every
 * export is written to the audit log here, so no caller can forget it.
 */

export type { ExportFormat } from "../lib/export-form";

/** One session's list, or every session in a period (of one city, or of the whole scope). */
type ExportFilter =
  | { kind: "session"; sessionId: number }
  /** Brussels calendar dates, YYYY-MM-DD, both inclusive, compared with the session's start. */
  | { kind: "range"; cityId: number | null; from: string; to: string };

export interface ExportRequest {
  /** The organiser's scope: ALWAYS applied, whatever else is asked. */
  scope: SessionScope;
  filter: ExportFilter;
  /** Recorded in the audit entry. */
  format: ExportFormat;
  /** Who exports, for the audit log; null for the system. */
  organiserId: number | null;
  clientAddress?: string | null;
  /** The moment of the export (UTC ISO-8601), for the audit entry. */
  now?: string;
}

/** One person on the list, with their session, as the database has them. */
export interface AttendeeExportRow {
  session_title: string;
  starts_at: string;
  ends_at: string;
  city_name: string;
  venue_name: string;
  name: string;
  email: string;
  organisation: string | null;
  enterprise_number: string | null;
  /** Question id → the stored answer (see app/lib/questions.ts). */
  answers: Record<string, string>;
  status: RegistrationStatus;
  created_at: string;
  checked_in_at: string | null;
  source: RegistrationSource;
}

export type AttendeeExport =
  | {
      ok: true;
      /** What the list is of, to name its file: a session, or a city (null: every city). */
      subject: { slug: string } | { citySlug: string | null };
      /**
       * The questions of the sessions listed (asked now, or removed with answers kept), in the
       * order of the sessions and of each form: the sheet gives them columns.
       */
      questions: Question[];
      /** The people, read from the database as they are asked for. */
      rows: AsyncIterable<AttendeeExportRow>;
    }
  /**
   * A session that does not exist or lies outside the scope (the two look the same, so the
   * answer reveals nothing), or a city that does not exist. A city or period outside the scope
   * is not refused: it yields the rows the scope allows, which may be none, because a partner's
   * organiser may see some sessions of any city.
   */
  | { ok: false; reason: "sessionNotFound" | "cityNotFound" };

/**
 * The attendee list asked for, and its audit entry. Nothing is read until `rows` is iterated,
 * and iterating it to the end or stopping early closes the cursor.
 */
export async function exportAttendees(request: ExportRequest): Promise<AttendeeExport> {
  const { scope, filter, format, organiserId, clientAddress } = request;
  const { db } = database();
  let subject: { slug: string } | { citySlug: string | null };
  if (filter.kind === "session") {
    const session = await db
      .selectFrom("sessions")
      .select(["sessions.slug"])
      .where("sessions.id", "=", filter.sessionId)
      .where(sessionInScope(scope))
      .executeTakeFirst();
    if (!session) return { ok: false, reason: "sessionNotFound" };
    subject = { slug: session.slug };
  } else {
    subject = { citySlug: null };
    if (filter.cityId !== null) {
      const city = await db
        .selectFrom("cities")
        .select("slug")
        .where("id", "=", filter.cityId)
        .executeTakeFirst();
      if (!city) return { ok: false, reason: "cityNotFound" };
      subject = { citySlug: city.slug };
    }
  }

  await recordAudit(
    {
      organiserId,
      action: "attendees.export",
      subjectType: "export",
      subjectId: filter.kind === "session" ? filter.sessionId : null,
      details:
        filter.kind === "session"
          ? { format }
          : { format, cityId: filter.cityId, from: filter.from, to: filter.to },
      clientAddress,
    },
    { now: request.now },
  );
  const questions = await exportedQuestions(scope, filter);
  return { ok: true, subject, questions, rows: attendeeRows(scope, filter) };
}

/** The sessions of the list: one, or those starting in the period (of one city). */
function listedSessions(filter: ExportFilter) {
  return (eb: ExpressionBuilder<Database, "sessions">) => {
    if (filter.kind === "session") return eb("sessions.id", "=", filter.sessionId);
    // The UTC instants of the Brussels midnights that bound the period: [start, end).
    const dayAfterTo = DateTime.fromISO(filter.to).plus({ days: 1 }).toISODate() ?? filter.to;
    const period = [
      eb("sessions.starts_at", ">=", brusselsTimeToInstant(filter.from, "00:00")),
      eb("sessions.starts_at", "<", brusselsTimeToInstant(dayAfterTo, "00:00")),
    ];
    if (filter.cityId !== null) period.push(eb("sessions.city_id", "=", filter.cityId));
    return eb.and(period);
  };
}

async function exportedQuestions(scope: SessionScope, filter: ExportFilter): Promise<Question[]> {
  const rows = await database()
    .db.selectFrom("session_questions")
    .innerJoin("sessions", "sessions.id", "session_questions.session_id")
    .selectAll("session_questions")
    .where(sessionInScope(scope))
    .where(listedSessions(filter))
    .where("session_questions.part", "=", "signUp")
    .where((eb) =>
      eb.or([
        eb("session_questions.removed_at", "is", null),
        eb.exists(
          eb
            .selectFrom("registration_answers")
            .select("registration_answers.question_id")
            .whereRef("registration_answers.question_id", "=", "session_questions.id"),
        ),
      ]),
    )
    .orderBy("sessions.starts_at")
    .orderBy("sessions.id")
    .orderBy("session_questions.position")
    .orderBy("session_questions.id")
    .execute();
  return rows.map(questionOf);
}

/** Rows read from the cursor per round trip on PostgreSQL (SQLite reads row by row anyway). */
const BATCH_SIZE = 500;

/** The rows of the list, from a database cursor opened when the first one is asked for. */
async function* attendeeRows(
  scope: SessionScope,
  filter: ExportFilter,
): AsyncGenerator<AttendeeExportRow> {
  for await (const { answers, ...row } of attendeeQuery(scope, filter).stream(BATCH_SIZE)) {
    yield { ...row, answers: answers ? (JSON.parse(answers) as Record<string, string>) : {} };
  }
}

/**
 * A registration's answers as one JSON object (question id → value), read with its row: the
 * rows stream from a cursor, which on SQLite holds the one connection a second query would need.
 */
function answersJson(db: Kysely<Database>) {
  const registration = sql.ref("registrations.id");
  return dialectOfDb(db) === "postgres"
    ? sql<string | null>`(select json_object_agg(question_id, value)::text
        from registration_answers where registration_id = ${registration})`
    : sql<string | null>`(select json_group_object(cast(question_id as text), value)
        from registration_answers where registration_id = ${registration})`;
}

function attendeeQuery(scope: SessionScope, filter: ExportFilter) {
  const { db } = database();
  const status = sql.ref("registrations.status");
  return (
    db
      .selectFrom("registrations")
      .innerJoin("sessions", "sessions.id", "registrations.session_id")
      .innerJoin("cities", "cities.id", "sessions.city_id")
      .select([
        "sessions.title as session_title",
        "sessions.starts_at",
        "sessions.ends_at",
        "cities.name as city_name",
        "sessions.venue_name",
        "registrations.name",
        "registrations.email",
        "registrations.organisation",
        "registrations.enterprise_number",
        "registrations.status",
        "registrations.created_at",
        "registrations.checked_in_at",
        "registrations.source",
        answersJson(db).as("answers"),
      ])
      .where(sessionInScope(scope))
      .where(listedSessions(filter))
      .where("registrations.status", "in", LIVE_STATUSES)
      // Per session: the confirmed attendees by name, then the waiting list in its own order,
      // then the open requests in order of arrival (their queue_position is their sign-up
      // moment). Names sort by the database's collation (binary on SQLite), lower-cased so case
      // does not count.
      .orderBy("sessions.starts_at")
      .orderBy("sessions.id")
      .orderBy(sql`case ${status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`)
      .orderBy(
        sql`case when ${status} <> 'confirmed' then ${sql.ref("registrations.queue_position")} else 0 end`,
      )
      .orderBy(
        sql`case when ${status} = 'confirmed' then lower(${sql.ref("registrations.name")}) else '' end`,
      )
      .orderBy("registrations.id")
  );
}
