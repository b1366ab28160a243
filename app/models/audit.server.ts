import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database } from "../../db/schema";
import { nowInstant } from "../lib/time";

/*
 * The audit log. An entry names what happened by a catalogue key (its action) and the people
 * and things it concerns by id only, with non-personal particulars in `details` (ids, counts,
 * field names, codes): never a name, an address or text someone typed. The log page takes
 * names from the live tables, so a person who is anonymised or erased disappears from the log
 * too. Entries written before this kept a Dutch sentence in `summary`; they still show it.
 */

/**
 * An organiser acting on something: who, from which client address (`clientOf(context)`, for
 * the audit log), and when (the clock unless a test moves it).
 */
export interface Actor {
  organiserId: number;
  clientAddress?: string;
  now?: string;
}

export type AuditAction =
  | "session.create"
  | "session.update"
  | "session.cancel"
  | "session.message"
  | "registration.add"
  | "registration.cancel"
  | "registration.approve"
  | "registration.decline"
  | "registration.moveOnWaitlist"
  | "registration.checkIn"
  | "registration.checkInUndone"
  | "registration.walkIn"
  | "registration.erase"
  | "registration.selfUpdate"
  | "organiser.invite"
  | "organiser.remove"
  | "organiser.unlock"
  | "organiser.passwordReset"
  | "organiser.signIn"
  | "organiser.signInFailed"
  | "organiser.codeFailed"
  | "organiser.twoStepOn"
  | "organiser.twoStepOff"
  | "organiser.twoStepReset"
  | "organiser.twoStepRequirement"
  | "organiser.passkeyAdded"
  | "organiser.passkeyRemoved"
  | "organiser.joinThroughDomain"
  | "signInDomain.allow"
  | "signInDomain.remove"
  | "attendees.export"
  | "question.add"
  | "question.update"
  | "question.remove"
  | "question.move"
  | "question.copy"
  | "survey.export"
  | "report.export";

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  "session.create",
  "session.update",
  "session.cancel",
  "session.message",
  "registration.add",
  "registration.cancel",
  "registration.approve",
  "registration.decline",
  "registration.moveOnWaitlist",
  "registration.checkIn",
  "registration.checkInUndone",
  "registration.walkIn",
  "registration.erase",
  "registration.selfUpdate",
  "organiser.invite",
  "organiser.remove",
  "organiser.unlock",
  "organiser.passwordReset",
  "organiser.signIn",
  "organiser.signInFailed",
  "organiser.codeFailed",
  "organiser.twoStepOn",
  "organiser.twoStepOff",
  "organiser.twoStepReset",
  "organiser.twoStepRequirement",
  "organiser.passkeyAdded",
  "organiser.passkeyRemoved",
  "organiser.joinThroughDomain",
  "signInDomain.allow",
  "signInDomain.remove",
  "attendees.export",
  "question.add",
  "question.update",
  "question.remove",
  "question.move",
  "question.copy",
  "survey.export",
  "report.export",
];

/** Ids, counts, field names and codes: what a log entry may hold besides its subject. */
type AuditDetails = Record<
  string,
  string | number | boolean | null | readonly string[] | readonly number[]
>;

export interface AuditEvent {
  /** Who did it; null for the system (a waiting list promoting by itself). */
  organiserId: number | null;
  /** What happened, as a dotted verb: "session.update", "attendees.export", … */
  action: AuditAction;
  subjectType: "session" | "registration" | "organiser" | "export" | "signInDomain";
  subjectId: number | null;
  /** Non-personal particulars: other ids (`sessionId`, `promoted`), counts, field names. */
  details?: AuditDetails;
  /** The client address of the request (`clientOf(context)`); null when not from a request. */
  clientAddress?: string | null;
}

/**
 * Writes an audit entry inside the caller's transaction, so the change and its record stand or
 * fall together.
 */
export async function recordAuditIn(
  trx: Kysely<Database>,
  event: AuditEvent,
  now: string = nowInstant(),
): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      organiser_id: event.organiserId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      summary: "",
      details: JSON.stringify(event.details ?? {}),
      client_address:
        event.clientAddress && event.clientAddress !== "unknown" ? event.clientAddress : null,
      created_at: now,
    })
    .execute();
}

/**
 * Writes an audit entry on its own. The `trx` option is the older way to write one inside a
 * transaction, still used by the organiser and erasure models; new code calls recordAuditIn.
 */
export async function recordAudit(
  event: AuditEvent,
  { trx, now = nowInstant() }: { trx?: Kysely<Database>; now?: string } = {},
): Promise<void> {
  await recordAuditIn(trx ?? database().db, event, now);
}

/** A person or thing an entry refers to, as the live tables have it now. */
export interface AuditName {
  id: number;
  /** Null when there is no one to name any more: anonymised, erased or removed from the table. */
  name: string | null;
}

export interface AuditEntryView {
  id: number;
  createdAt: string;
  /** Who did it, from the live table; null for the system. */
  actorName: string | null;
  clientAddress: string | null;
  action: string;
  /** Entries from before the catalogue: their sentence. Null for catalogued entries. */
  summary: string | null;
  details: AuditDetails;
  /** The registration, organiser or session the entry is about (an export: its session). */
  subject: AuditName | null;
  /** The session of a registration entry, or of an export of one session. */
  session: AuditName | null;
  /** For an export over a period: its city; null for every city or another entry. */
  city: AuditName | null;
  /** For the report's download: the partner it was limited to; null for none. */
  partner: AuditName | null;
  /** For a cancellation: the people it moved up from the waiting list. */
  promoted: AuditName[];
  /** For a change to a session's questions: the question, by its Dutch label. */
  question: AuditName | null;
  /** For questions copied from another session: that session. */
  source: AuditName | null;
}

const numberOr = (value: unknown): number | null =>
  typeof value === "number" && Number.isInteger(value) ? value : null;
const numbersOf = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((v): v is number => typeof v === "number") : [];

function parseDetails(text: string | null): AuditDetails | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as AuditDetails)
      : {};
  } catch {
    return {};
  }
}

/**
 * The newest entries first, with who did it and the names of what they concern, looked up in
 * the live tables: an anonymised registration has no name here any more.
 */
export async function listAuditEntries({
  limit = 200,
}: {
  limit?: number;
} = {}): Promise<AuditEntryView[]> {
  const { db } = database();
  const rows = await db
    .selectFrom("audit_log")
    .leftJoin("organisers", "organisers.id", "audit_log.organiser_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.subject_type",
      "audit_log.subject_id",
      "audit_log.summary",
      "audit_log.details",
      "audit_log.client_address",
      "audit_log.created_at",
      "organisers.name as organiser_name",
    ])
    .orderBy("audit_log.created_at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(limit)
    .execute();

  const entries = rows.map((row) => ({ row, details: parseDetails(row.details) }));
  const wanted = {
    registrations: new Set<number>(),
    organisers: new Set<number>(),
    sessions: new Set<number>(),
    cities: new Set<number>(),
    partners: new Set<number>(),
    questions: new Set<number>(),
  };
  for (const { row, details } of entries) {
    if (row.subject_id !== null) {
      if (row.subject_type === "registration") wanted.registrations.add(row.subject_id);
      if (row.subject_type === "organiser") wanted.organisers.add(row.subject_id);
      if (row.subject_type === "session" || row.subject_type === "export")
        wanted.sessions.add(row.subject_id);
    }
    if (!details) continue;
    const sessionId = numberOr(details.sessionId);
    if (sessionId !== null) wanted.sessions.add(sessionId);
    const cityId = numberOr(details.cityId);
    if (cityId !== null) wanted.cities.add(cityId);
    const partnerId = numberOr(details.partnerId);
    if (partnerId !== null) wanted.partners.add(partnerId);
    for (const id of numbersOf(details.promoted)) wanted.registrations.add(id);
    const questionId = numberOr(details.questionId);
    if (questionId !== null) wanted.questions.add(questionId);
    const sourceId = numberOr(details.sourceSessionId);
    if (sourceId !== null) wanted.sessions.add(sourceId);
  }

  const registrations = new Map<number, { name: string | null; sessionId: number }>();
  if (wanted.registrations.size) {
    for (const r of await db
      .selectFrom("registrations")
      .select(["id", "name", "session_id", "anonymised_at"])
      .where("id", "in", [...wanted.registrations])
      .execute()) {
      registrations.set(r.id, {
        name: r.anonymised_at === null ? r.name : null,
        sessionId: r.session_id,
      });
      wanted.sessions.add(r.session_id);
    }
  }
  const namesOf = async (
    table: "organisers" | "cities" | "partners",
    ids: Set<number>,
  ): Promise<Map<number, string>> =>
    ids.size
      ? new Map(
          (
            await db
              .selectFrom(table)
              .select(["id", "name"])
              .where("id", "in", [...ids])
              .execute()
          ).map((r) => [r.id, r.name]),
        )
      : new Map();
  const organisers = await namesOf("organisers", wanted.organisers);
  const cities = await namesOf("cities", wanted.cities);
  const partners = await namesOf("partners", wanted.partners);
  const questions = new Map<number, string>(
    wanted.questions.size
      ? (
          await db
            .selectFrom("session_questions")
            .select(["id", "label_nl"])
            .where("id", "in", [...wanted.questions])
            .execute()
        ).map((q) => [q.id, q.label_nl])
      : [],
  );
  const sessions = new Map<number, string>(
    wanted.sessions.size
      ? (
          await db
            .selectFrom("sessions")
            .select(["id", "title"])
            .where("id", "in", [...wanted.sessions])
            .execute()
        ).map((s) => [s.id, s.title])
      : [],
  );

  const named = (id: number | null, names: Map<number, string>): AuditName | null =>
    id === null ? null : { id, name: names.get(id) ?? null };
  const person = (id: number): AuditName => ({ id, name: registrations.get(id)?.name ?? null });

  return entries.map(({ row, details }) => {
    const subjectId = row.subject_id;
    let subject: AuditName | null = null;
    let sessionId = numberOr(details?.sessionId);
    if (subjectId !== null) {
      if (row.subject_type === "registration") {
        subject = person(subjectId);
        sessionId ??= registrations.get(subjectId)?.sessionId ?? null;
      } else if (row.subject_type === "organiser") {
        subject = named(subjectId, organisers);
      } else if (row.subject_type === "signInDomain") {
        // The entry names its domain itself: the row may be gone.
        subject = null;
      } else {
        subject = named(subjectId, sessions);
        sessionId ??= subjectId;
      }
    }
    return {
      id: row.id,
      createdAt: row.created_at,
      actorName: row.organiser_name,
      clientAddress: row.client_address,
      action: row.action,
      summary: details === null ? row.summary : null,
      details: details ?? {},
      subject,
      session: named(sessionId, sessions),
      city: named(numberOr(details?.cityId), cities),
      partner: named(numberOr(details?.partnerId), partners),
      promoted: numbersOf(details?.promoted).map(person),
      question: named(numberOr(details?.questionId), questions),
      source: named(numberOr(details?.sourceSessionId), sessions),
    };
  });
}
