import { database } from "../../db/client";
import type {
  CalendarReply,
  Registration,
  RegistrationSource,
  RegistrationStatus,
} from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import type { OrganiserMessage } from "../../emails/organiser-message";
import type { Locale } from "../i18n";
import { answerIs, filterValues, type Question } from "../lib/questions";
import { type MessageAudience, SESSION_LIMITS } from "../lib/session-form";
import { matchesEveryWord, withoutControlCharacters } from "../lib/text";
import { nowInstant } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";
import { answeredQuestions, answersOf, listQuestionsIn } from "./question.server";
import {
  cancelRegistrationInTransaction,
  createRegistration,
  type LiveStatus,
  liveRegistrationOf,
  notify,
  type RegistrationDetails,
  waitlistPosition,
} from "./registration.server";
import { resolveRegistrationToken } from "./registration-token.server";
import { getSessionByIdIn } from "./session.server";

/**
 * The organiser's side of a session's attendees: the list at the door, adding someone by hand,
 * cancelling for them, the order of the waiting list, check-in and messages. Routes check the
 * organiser's scope first (sessionIdOfRegistration gives the session of a registration).
 */

/** One person on a session, as the organiser sees them: no tokens, no calendar keys. */
export interface Attendee {
  id: number;
  sessionId: number;
  name: string;
  email: string;
  organisation: string | null;
  enterpriseNumber: string | null;
  /** Question id → the stored answer (see app/lib/questions.ts); only questions answered. */
  answers: Record<number, string>;
  locale: string;
  status: RegistrationStatus;
  source: RegistrationSource;
  createdAt: string;
  confirmedAt: string | null;
  checkedInAt: string | null;
  /** What the person's calendar last answered to the invite; null: nothing (yet). */
  calendarReply: CalendarReply | null;
  /** The others of the same sign-up who still have a seat or wait for one: their names. */
  cameWith: string[];
  /** When the person last corrected their own details on their manage page; null: never. */
  detailsUpdatedAt: string | null;
}

interface WaitlistedAttendee extends Attendee {
  /** 1-based place in the queue, counted over the whole waiting list even when searching. */
  position: number;
}

export interface AttendeeList {
  /** Sorted by name, the way a list at the door is read. */
  confirmed: Attendee[];
  /** In queue order. */
  waitlisted: WaitlistedAttendee[];
  /** The questions whose answers the list shows: asked now, or removed with answers kept. */
  questions: Question[];
  /**
   * Of the whole session, whatever the search. `confirmed` are the seats taken; walk-ins (in
   * the confirmed list, outside the seats) are counted apart, and among those present.
   */
  counts: {
    capacity: number;
    confirmed: number;
    waitlisted: number;
    present: number;
    absent: number;
    walkIns: number;
  };
}

function attendeeOf(
  registration: Registration,
  answers?: Map<number, string>,
  cameWith: string[] = [],
): Attendee {
  return {
    id: registration.id,
    sessionId: registration.session_id,
    name: registration.name,
    email: registration.email,
    organisation: registration.organisation,
    enterpriseNumber: registration.enterprise_number,
    answers: Object.fromEntries(answers ?? []),
    locale: registration.locale,
    status: registration.status,
    source: registration.source,
    createdAt: registration.created_at,
    confirmedAt: registration.confirmed_at,
    checkedInAt: registration.checked_in_at,
    calendarReply: registration.calendar_reply,
    cameWith,
    detailsUpdatedAt: registration.details_updated_at,
  };
}

const byName = new Intl.Collator("nl-BE", { sensitivity: "base", numeric: true });

/**
 * The confirmed and the waiting people of a session, with its counts; null when there is no
 * such session. `search` keeps the people whose name, email or organisation contain every word
 * of it, ignoring case and accents. It filters here rather than in SQL: SQLite's lower() and
 * LIKE fold ASCII letters only, so "élise" would find "Élise" on PostgreSQL and not on SQLite.
 * A session holds at most a few hundred people, so reading them all costs nothing.
 */
export async function listAttendees(
  sessionId: number,
  { search }: { search?: string } = {},
): Promise<AttendeeList | null> {
  const { db } = database();
  const session = await db
    .selectFrom("sessions")
    .select(["id", "capacity"])
    .where("id", "=", sessionId)
    .executeTakeFirst();
  if (!session) return null;
  const registrations = await db
    .selectFrom("registrations")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("status", "in", ["confirmed", "waitlisted"])
    .orderBy("queue_position")
    .orderBy("id")
    .execute();

  const [questions, answers] = await Promise.all([
    answeredQuestions(sessionId),
    answersOf(registrations.map((r) => r.id)),
  ]);
  const groups = new Map<string, Registration[]>();
  for (const r of registrations) {
    if (r.group_id !== null) groups.set(r.group_id, [...(groups.get(r.group_id) ?? []), r]);
  }
  const othersOf = (r: Registration) =>
    r.group_id === null
      ? []
      : (groups.get(r.group_id) ?? []).filter((other) => other.id !== r.id).map((o) => o.name);
  const toAttendee = (r: Registration) => attendeeOf(r, answers.get(r.id), othersOf(r));
  const confirmed = registrations.filter((r) => r.status === "confirmed").map(toAttendee);
  const waitlisted = registrations
    .filter((r) => r.status === "waitlisted")
    .map((r, index) => ({ ...toAttendee(r), position: index + 1 }));
  const seated = confirmed.filter((a) => a.source !== "door");
  const walkIns = confirmed.length - seated.length;
  const counts = {
    capacity: session.capacity,
    confirmed: seated.length,
    waitlisted: waitlisted.length,
    present: confirmed.filter((a) => a.checkedInAt !== null).length,
    absent: seated.filter((a) => a.checkedInAt === null).length,
    walkIns,
  };

  const matches = (a: Attendee) =>
    matchesEveryWord([a.name, a.email, a.organisation ?? ""].join(" "), search ?? "");
  return {
    confirmed: confirmed.filter(matches).sort((a, b) => byName.compare(a.name, b.name)),
    waitlisted: waitlisted.filter(matches),
    questions,
    counts,
  };
}

/** An outcome names the person as stored, never as a form spelled them. */
export type AddAttendeeResult =
  | { ok: true; registrationId: number; name: string; status: "confirmed" }
  | { ok: true; registrationId: number; name: string; status: "waitlisted"; position: number }
  | {
      ok: false;
      reason: "alreadyRegistered";
      registrationId: number;
      email: string;
      status: LiveStatus;
    }
  | { ok: false; reason: "notFound" | "cancelled" };

/**
 * An organiser signs someone up by hand (at the desk, by phone): a seat if there is one, the
 * waiting list otherwise, with the same mail as a sign-up on the site. The registration window
 * does not apply, nor does a session having started (people walk in); a cancelled session does.
 * Nor do the session's access rules: the organiser decides, so there is no request to approve
 * and any address will do.
 * An address already registered gets no second registration, and the organiser is told so.
 */
export async function addAttendee(
  sessionId: number,
  form: RegistrationDetails,
  { organiserId, clientAddress, locale, now = nowInstant() }: Actor & { locale: Locale },
): Promise<AddAttendeeResult> {
  return writeTransaction(async (trx) => {
    await lockSession(trx, sessionId);
    const session = await getSessionByIdIn(trx, sessionId);
    if (!session) return { ok: false, reason: "notFound" };
    if (session.status === "cancelled") return { ok: false, reason: "cancelled" };

    const existing = await liveRegistrationOf(trx, sessionId, form.email);
    if (existing) {
      return {
        ok: false,
        reason: "alreadyRegistered",
        registrationId: existing.id,
        email: existing.email,
        status: existing.status as LiveStatus,
      };
    }

    const confirmed = session.confirmedCount < session.capacity;
    const registration = await createRegistration(trx, session, form, {
      locale,
      now,
      source: "organiser",
      confirmed,
    });
    const position = confirmed ? null : await waitlistPosition(trx, registration);
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "registration.add",
        subjectType: "registration",
        subjectId: registration.id,
        details: { sessionId: session.id, position: position ?? 0 },
        clientAddress,
      },
      now,
    );
    const { id, name } = registration;
    return position === null
      ? { ok: true, registrationId: id, name, status: "confirmed" }
      : { ok: true, registrationId: id, name, status: "waitlisted", position };
  });
}

/** The session a registration belongs to: routes check the organiser's scope with it. */
export async function sessionIdOfRegistration(registrationId: number): Promise<number | null> {
  const row = await database()
    .db.selectFrom("registrations")
    .select("session_id")
    .where("id", "=", registrationId)
    .executeTakeFirst();
  return row?.session_id ?? null;
}

export type CancelAttendeeResult =
  | { ok: true; name: string; promoted: number }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "alreadyCancelled"; name: string };

/**
 * Cancels a registration for its attendee, exactly as their own cancellation would: METHOD:CANCEL
 * for a confirmed attendee, the seat to the first person waiting.
 */
export async function cancelAttendee(
  registrationId: number,
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<CancelAttendeeResult> {
  const sessionId = await sessionIdOfRegistration(registrationId);
  if (sessionId === null) return { ok: false, reason: "notFound" };
  return writeTransaction(async (trx) => {
    await lockSession(trx, sessionId);
    const result = await cancelRegistrationInTransaction(trx, registrationId, now);
    if (!result.ok) {
      if (result.reason === "notFound") return { ok: false, reason: "notFound" };
      const { name } = await trx
        .selectFrom("registrations")
        .select("name")
        .where("id", "=", registrationId)
        .executeTakeFirstOrThrow();
      return { ok: false, reason: "alreadyCancelled", name };
    }
    const { registration, previousStatus, session, promoted } = result;
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "registration.cancel",
        subjectType: "registration",
        subjectId: registration.id,
        details: {
          sessionId: session.id,
          was: previousStatus,
          promoted: promoted.map((r) => r.id),
        },
        clientAddress,
      },
      now,
    );
    return { ok: true, name: registration.name, promoted: promoted.length };
  });
}

export type MoveOnWaitlistResult =
  | { ok: true; name: string; position: number }
  | { ok: false; reason: "notFound" | "notWaitlisted" }
  | { ok: false; reason: "alreadyFirst" | "alreadyLast"; name: string };

/**
 * Moves someone one place up or down the waiting list by swapping with their neighbour.
 * The queue is ordered by queue_position with ties broken by id; where a tie stands in the way
 * of a swap, the positions from there on are first spread apart, keeping the order as it is.
 */
export async function moveOnWaitlist(
  registrationId: number,
  direction: "up" | "down",
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<MoveOnWaitlistResult> {
  const sessionId = await sessionIdOfRegistration(registrationId);
  if (sessionId === null) return { ok: false, reason: "notFound" };
  return writeTransaction(async (trx) => {
    await lockSession(trx, sessionId);
    const queue = await trx
      .selectFrom("registrations")
      .select(["id", "name", "queue_position"])
      .where("session_id", "=", sessionId)
      .where("status", "=", "waitlisted")
      .orderBy("queue_position")
      .orderBy("id")
      .execute();
    const index = queue.findIndex((r) => r.id === registrationId);
    const moving = queue[index];
    if (!moving) return { ok: false, reason: "notWaitlisted" };
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0) return { ok: false, reason: "alreadyFirst", name: moving.name };
    if (other >= queue.length) return { ok: false, reason: "alreadyLast", name: moving.name };

    // Strictly increasing positions, the same order: equal ones would not swap.
    const positions = queue.map((r) => r.queue_position);
    for (let i = 1; i < positions.length; i++) {
      const previous = positions[i - 1] ?? 0;
      if ((positions[i] ?? 0) <= previous) positions[i] = previous + 1;
    }
    const a = Math.min(index, other);
    const b = Math.max(index, other);
    [positions[a], positions[b]] = [positions[b] ?? 0, positions[a] ?? 0];

    for (const [i, row] of queue.entries()) {
      const position = positions[i] ?? row.queue_position;
      if (position !== row.queue_position) {
        await trx
          .updateTable("registrations")
          .set({ queue_position: position, updated_at: now })
          .where("id", "=", row.id)
          .execute();
      }
    }
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "registration.moveOnWaitlist",
        subjectType: "registration",
        subjectId: registrationId,
        details: { sessionId, direction, from: index + 1, to: other + 1 },
        clientAddress,
      },
      now,
    );
    return { ok: true, name: moving.name, position: other + 1 };
  });
}

export type SetCheckedInResult =
  | { ok: true; name: string; checkedInAt: string | null }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "notConfirmed"; name: string; status: RegistrationStatus };

/**
 * Marks a confirmed attendee present, or undoes that. Checking in twice keeps the first moment.
 * Someone waiting or cancelled cannot be checked in: add or promote them first.
 */
export async function setCheckedIn(
  registrationId: number,
  present: boolean,
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<SetCheckedInResult> {
  const sessionId = await sessionIdOfRegistration(registrationId);
  if (sessionId === null) return { ok: false, reason: "notFound" };
  return writeTransaction(async (trx) => {
    // Locked so a check-in and a cancellation of the same person cannot cross.
    await lockSession(trx, sessionId);
    const registration = await trx
      .selectFrom("registrations")
      .innerJoin("sessions", "sessions.id", "registrations.session_id")
      .select([
        "registrations.name",
        "registrations.status",
        "registrations.checked_in_at",
        "sessions.title",
      ])
      .where("registrations.id", "=", registrationId)
      .executeTakeFirstOrThrow();
    if (present && registration.status !== "confirmed") {
      return {
        ok: false,
        reason: "notConfirmed",
        name: registration.name,
        status: registration.status,
      };
    }
    const checkedInAt = present ? (registration.checked_in_at ?? now) : null;
    if (checkedInAt !== registration.checked_in_at) {
      await trx
        .updateTable("registrations")
        .set({ checked_in_at: checkedInAt, updated_at: now })
        .where("id", "=", registrationId)
        .execute();
    }
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: present ? "registration.checkIn" : "registration.checkInUndone",
        subjectType: "registration",
        subjectId: registrationId,
        details: { sessionId },
        clientAddress,
      },
      now,
    );
    return { ok: true, name: registration.name, checkedInAt };
  });
}

/** The registration a check-in QR code opens, with its session id; null for an unknown code. */
export async function findByCheckinCode(code: string): Promise<Attendee | null> {
  if (!code) return null;
  const target = await resolveRegistrationToken(code, "checkin");
  if (target.state !== "found") return null;
  const registration = await database()
    .db.selectFrom("registrations")
    .selectAll()
    .where("id", "=", target.registrationId)
    .executeTakeFirst();
  return registration ? attendeeOf(registration) : null;
}

export type MessageAttendeesResult =
  | { ok: true; queued: number }
  | { ok: false; reason: "notFound" | "empty" | "unknownAnswer" };

/**
 * Sends an organiser's plain-text message to one group of a session's attendees: those with a
 * seat, those waiting, or those checked in. Each person gets their own mail through the outbox
 * (no one sees the other addresses). The text is the organiser's, so it is rendered as text,
 * never as markup, and the subject is kept to one line whatever the caller passed.
 * Returns how many mails were queued.
 */
export async function messageAttendees(
  sessionId: number,
  message: {
    audience: MessageAudience;
    subject: string;
    body: string;
    /** Only those who gave this answer to this question of the session (see filterValues). */
    answer?: { questionId: number; value: string } | null;
  },
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<MessageAttendeesResult> {
  const content: OrganiserMessage = {
    audience: message.audience,
    subject: withoutControlCharacters(message.subject)
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, SESSION_LIMITS.messageSubject),
    body: withoutControlCharacters(message.body, { multiLine: true })
      .trim()
      .slice(0, SESSION_LIMITS.messageBody),
  };
  // Nothing to say once control characters are gone: no mail with an empty subject or body.
  if (!content.subject || !content.body) return { ok: false, reason: "empty" };

  return writeTransaction(async (trx) => {
    // Locked so the group is the one at this moment: nobody promoted halfway is missed or mailed twice.
    await lockSession(trx, sessionId);
    const session = await getSessionByIdIn(trx, sessionId);
    if (!session) return { ok: false, reason: "notFound" };
    const group = await trx
      .selectFrom("registrations")
      .selectAll()
      .where("session_id", "=", sessionId)
      .where("status", "=", message.audience === "waitlisted" ? "waitlisted" : "confirmed")
      .$if(message.audience === "present", (query) => query.where("checked_in_at", "is not", null))
      // A walk-in who gave no address cannot be written to.
      .where("email", "!=", "")
      .orderBy("id")
      .execute();
    const filter = message.answer ?? null;
    let recipients = group;
    if (filter) {
      const question = (await listQuestionsIn(trx, sessionId)).find(
        (q) => q.id === filter.questionId,
      );
      if (!question || !filterValues(question).includes(filter.value)) {
        return { ok: false, reason: "unknownAnswer" };
      }
      const answers = await trx
        .selectFrom("registration_answers")
        .select(["registration_id", "value"])
        .where("question_id", "=", question.id)
        .execute();
      const chosen = new Set(
        answers
          .filter((answer) => answerIs(question, answer.value, filter.value))
          .map((answer) => answer.registration_id),
      );
      recipients = group.filter((registration) => chosen.has(registration.id));
    }
    for (const registration of recipients) {
      await notify(trx, "organiser.message", registration, session, now, { message: content });
    }
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "session.message",
        subjectType: "session",
        subjectId: sessionId,
        details: {
          audience: message.audience,
          recipients: recipients.length,
          ...(filter ? { filtered: true, questionId: filter.questionId } : {}),
        },
        clientAddress,
      },
      now,
    );
    return { ok: true, queued: recipients.length };
  });
}
