import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import { database } from "../../db/client";
import type { Database, Registration, Session } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import { emailDomainsOf, storedEmailDomains } from "../lib/email-domains";
import { dietaryQuestion } from "../lib/questions";
import {
  brusselsDateTimeLocal,
  brusselsWallClock,
  SESSION_LIMITS,
  type SessionFormValues,
  type SessionInput,
} from "../lib/session-form";
import { slugCandidates } from "../lib/slug";
import { withoutControlCharacters } from "../lib/text";
import { nowInstant, TIME_ZONE } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";
import { addQuestionsIn, copyQuestionsIn, recordQuestionCopyIn } from "./question.server";
import { notify, promoteFromWaitlist } from "./registration.server";
import { getSessionByIdIn, type SessionDetail } from "./session.server";

/**
 * What an organiser does to a session: create it, change it, copy it, cancel it. Each change
 * runs in one write transaction with the session locked, queues its mail in that transaction
 * and writes an audit entry, so a change, its mail and its record stand or fall together.
 */

interface Period {
  startsAt: string;
  endsAt: string;
}
export interface Place {
  venueName: string;
  venueAddress: string;
}

/** What changed about a session that an attendee's calendar shows: each as before → after. */
export interface SessionChanges {
  title?: { from: string; to: string };
  time?: { from: Period; to: Period };
  place?: { from: Place; to: Place };
  /** Short enough (a line or two) to show whole, before and after. */
  summary?: { from: string; to: string };
  /** Only that it changed: a description can run to pages, and the session page shows it. */
  description?: true;
}

/** Whether an edit changed anything an attendee's calendar shows (and so re-invites them). */
const hasCalendarChanges = (changes: SessionChanges) =>
  Boolean(changes.title || changes.time || changes.place || changes.summary || changes.description);

/* Shared pieces ----------------------------------------------------------------------------- */

function sessionColumns(input: SessionInput) {
  return {
    city_id: input.cityId,
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    description: input.description,
    venue_name: input.venueName,
    venue_address: input.venueAddress,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    capacity: input.capacity,
    registration_opens_at: input.registrationOpensAt,
    registration_closes_at: input.registrationClosesAt,
    language: input.language,
    remind_day_before: input.remindDayBefore ? 1 : 0,
    remind_two_hours: input.remindTwoHours ? 1 : 0,
    send_thank_you: input.sendThankYou ? 1 : 0,
    send_missed_you: input.sendMissedYou ? 1 : 0,
    follow_up_hours: input.followUpHours,
    requires_approval: input.requiresApproval ? 1 : 0,
    unlisted: input.unlisted ? 1 : 0,
    email_domains: storedEmailDomains(input.emailDomains),
    max_group_size: input.groupSize,
  };
}

/**
 * The address of an unlisted session carries a random part (60 bits), so that its readable
 * slug (city, title, date) cannot be guessed: only whoever was given the link finds the page.
 */
const unlistedSlug = (readable: string) =>
  `${readable}-${randomBytes(8).readBigUInt64BE().toString(36).slice(0, 12)}`;

/** Why a session cannot be stored as asked, when the form itself was fine. */
export type MissingReference = "unknownCity" | "unknownPartner";

/** A city or partner chosen in the form may have gone since the form was shown. */
async function missingReference(
  trx: Kysely<Database>,
  input: SessionInput,
): Promise<MissingReference | null> {
  const city = await trx
    .selectFrom("cities")
    .select("id")
    .where("id", "=", input.cityId)
    .executeTakeFirst();
  if (!city) return "unknownCity";
  const partnerIds = [...new Set(input.partnerIds)];
  if (partnerIds.length) {
    const found = await trx
      .selectFrom("partners")
      .select("id")
      .where("id", "in", partnerIds)
      .execute();
    if (found.length !== partnerIds.length) return "unknownPartner";
  }
  return null;
}

async function replacePartners(trx: Kysely<Database>, sessionId: number, partnerIds: number[]) {
  await trx.deleteFrom("session_partners").where("session_id", "=", sessionId).execute();
  const unique = [...new Set(partnerIds)];
  if (unique.length) {
    await trx
      .insertInto("session_partners")
      .values(
        unique.map((partnerId, position) => ({
          session_id: sessionId,
          partner_id: partnerId,
          position,
        })),
      )
      .execute();
  }
}

async function reloadSession(trx: Kysely<Database>, sessionId: number): Promise<SessionDetail> {
  const session = await getSessionByIdIn(trx, sessionId);
  if (!session) throw new Error(`session ${sessionId} disappeared inside its own transaction`);
  return session;
}

/* Create ------------------------------------------------------------------------------------ */

export type CreateSessionResult =
  | { ok: true; session: SessionDetail }
  | { ok: false; reason: MissingReference };

/**
 * A new, scheduled session with a unique readable slug. It asks the questions of the session
 * `copyQuestionsFrom` (the caller checked it is the organiser's to see); without one, a
 * breakfast starts with the question about dietary needs, and anything else with none.
 */
export async function createSession(
  input: SessionInput,
  {
    organiserId,
    clientAddress,
    now = nowInstant(),
    copyQuestionsFrom = null,
  }: Actor & { copyQuestionsFrom?: number | null },
): Promise<CreateSessionResult> {
  return writeTransaction(async (trx) => {
    const missing = await missingReference(trx, input);
    if (missing) return { ok: false, reason: missing };
    const city = await trx
      .selectFrom("cities")
      .select(["slug", "name"])
      .where("id", "=", input.cityId)
      .executeTakeFirstOrThrow();

    let sessionId: number | undefined;
    for (const candidate of slugCandidates(city.slug, input.title, input.startsAt)) {
      const slug = input.unlisted ? unlistedSlug(candidate) : candidate;
      // ON CONFLICT DO NOTHING: a slug taken meanwhile by another transaction just means "next".
      const row = await trx
        .insertInto("sessions")
        .values({
          ...sessionColumns(input),
          slug,
          status: "scheduled",
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column("slug").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (row) {
        sessionId = row.id;
        break;
      }
    }
    if (sessionId === undefined) throw new Error(`no free slug for "${input.title}"`);
    await replacePartners(trx, sessionId, input.partnerIds);
    const session = await reloadSession(trx, sessionId);
    if (copyQuestionsFrom !== null) {
      const count = await copyQuestionsIn(trx, copyQuestionsFrom, sessionId, now);
      await recordQuestionCopyIn(
        trx,
        { organiserId, clientAddress },
        { sessionId, fromSessionId: copyQuestionsFrom, count },
        now,
      );
    } else if (input.kind === "breakfast") {
      await addQuestionsIn(trx, sessionId, [dietaryQuestion()], now);
    }

    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "session.create",
        subjectType: "session",
        subjectId: session.id,
        details: {
          capacity: session.capacity,
          cityId: input.cityId,
          approval: input.requiresApproval,
          unlisted: input.unlisted,
          emailDomains: input.emailDomains.length,
          groupSize: input.groupSize,
        },
        clientAddress,
      },
      now,
    );
    return { ok: true, session };
  });
}

/* Form values -------------------------------------------------------------------------------- */

type SessionRow = Pick<
  Session,
  | "title"
  | "summary"
  | "description"
  | "kind"
  | "city_id"
  | "venue_name"
  | "venue_address"
  | "starts_at"
  | "ends_at"
  | "capacity"
  | "registration_opens_at"
  | "registration_closes_at"
  | "language"
  | "remind_day_before"
  | "remind_two_hours"
  | "send_thank_you"
  | "send_missed_you"
  | "follow_up_hours"
  | "requires_approval"
  | "unlisted"
  | "email_domains"
  | "max_group_size"
>;

function formValuesOf(session: SessionRow, partnerIds: number[]): SessionFormValues {
  const start = brusselsWallClock(session.starts_at);
  return {
    title: session.title,
    summary: session.summary,
    description: session.description,
    kind: session.kind,
    cityId: String(session.city_id),
    venueName: session.venue_name,
    venueAddress: session.venue_address,
    date: start.date,
    startTime: start.time,
    endTime: brusselsWallClock(session.ends_at).time,
    capacity: String(session.capacity),
    registrationOpensAt: brusselsDateTimeLocal(session.registration_opens_at),
    registrationClosesAt: brusselsDateTimeLocal(session.registration_closes_at),
    language: session.language,
    partnerIds: partnerIds.map(String),
    remindDayBefore: session.remind_day_before ? "on" : "",
    remindTwoHours: session.remind_two_hours ? "on" : "",
    sendThankYou: session.send_thank_you ? "on" : "",
    sendMissedYou: session.send_missed_you ? "on" : "",
    followUpHours: String(session.follow_up_hours),
    requiresApproval: session.requires_approval ? "on" : "",
    unlisted: session.unlisted ? "on" : "",
    emailDomains: emailDomainsOf(session.email_domains).join(", "),
    groupSize: String(session.max_group_size),
  };
}

async function sessionWithPartnerIds(sessionId: number) {
  const { db } = database();
  const session = await db
    .selectFrom("sessions")
    .selectAll()
    .where("id", "=", sessionId)
    .executeTakeFirst();
  if (!session) return null;
  const partners = await db
    .selectFrom("session_partners")
    .select("partner_id")
    .where("session_id", "=", sessionId)
    .orderBy("position")
    .execute();
  return { session, partnerIds: partners.map((p) => p.partner_id) };
}

/** The edit form of a session, filled in as it is now; null when there is no such session. */
export async function sessionFormValues(sessionId: number): Promise<SessionFormValues | null> {
  const found = await sessionWithPartnerIds(sessionId);
  return found ? formValuesOf(found.session, found.partnerIds) : null;
}

/** The same wall-clock time in Brussels `weeks` later, whatever daylight saving did in between. */
function weeksLater(instant: string, weeks: number): string {
  return DateTime.fromISO(instant, { zone: TIME_ZONE }).plus({ weeks }).toJSDate().toISOString();
}

/**
 * A form for a copy of a session: the same weekday and hours four weeks later (eight, twelve…
 * when that is already past), the registration window moved along. A monthly breakfast is
 * copied, not typed again. Null when there is no such session.
 */
export async function duplicateValues(
  sessionId: number,
  { now = nowInstant() }: { now?: string } = {},
): Promise<SessionFormValues | null> {
  const found = await sessionWithPartnerIds(sessionId);
  if (!found) return null;
  const { session } = found;
  let weeks = 4;
  while (weeksLater(session.starts_at, weeks) <= now) weeks += 4;
  const shift = (instant: string | null) => (instant ? weeksLater(instant, weeks) : null);
  return formValuesOf(
    {
      ...session,
      starts_at: weeksLater(session.starts_at, weeks),
      ends_at: weeksLater(session.ends_at, weeks),
      registration_opens_at: shift(session.registration_opens_at),
      registration_closes_at: shift(session.registration_closes_at),
    },
    found.partnerIds,
  );
}

/* Update ------------------------------------------------------------------------------------- */

export type UpdateSessionResult =
  | { ok: true; reinvited: number; promoted: number; movedToWaitlist: number }
  | { ok: false; reason: "capacityBelowConfirmed"; confirmedCount: number }
  | { ok: false; reason: "notFound" | "cancelled" | MissingReference };

function calendarChangesOf(before: SessionDetail, after: SessionDetail): SessionChanges {
  const changes: SessionChanges = {};
  if (before.title !== after.title) changes.title = { from: before.title, to: after.title };
  if (before.starts_at !== after.starts_at || before.ends_at !== after.ends_at) {
    changes.time = {
      from: { startsAt: before.starts_at, endsAt: before.ends_at },
      to: { startsAt: after.starts_at, endsAt: after.ends_at },
    };
  }
  if (before.venue_name !== after.venue_name || before.venue_address !== after.venue_address) {
    changes.place = {
      from: { venueName: before.venue_name, venueAddress: before.venue_address },
      to: { venueName: after.venue_name, venueAddress: after.venue_address },
    };
  }
  if (before.summary !== after.summary) {
    changes.summary = { from: before.summary, to: after.summary };
  }
  if (before.description !== after.description) changes.description = true;
  return changes;
}

/**
 * Sends the `count` people who got a seat last back to the front of the waiting list, in the
 * order they got it, each with METHOD:CANCEL for their invite and a message saying why.
 */
async function moveLastConfirmedToWaitlist(
  trx: Kysely<Database>,
  session: SessionDetail,
  count: number,
  now: string,
): Promise<Registration[]> {
  if (count <= 0) return [];
  const last = await trx
    .selectFrom("registrations")
    .selectAll()
    .where("session_id", "=", session.id)
    .where("status", "=", "confirmed")
    // A walk-in holds no seat, so it is not theirs to give back.
    .where("source", "!=", "door")
    // confirmed_at is set for every confirmed registration; the fallback keeps SQLite and
    // PostgreSQL (which sort NULL at opposite ends) in agreement should one ever lack it.
    .orderBy((eb) => eb.fn.coalesce("confirmed_at", "created_at"), "desc")
    .orderBy("id", "desc")
    .limit(count)
    .execute();
  last.reverse();
  const front = await trx
    .selectFrom("registrations")
    .select((eb) => eb.fn.min("queue_position").as("first"))
    .where("session_id", "=", session.id)
    .where("status", "=", "waitlisted")
    .executeTakeFirst();
  const first = front?.first ?? Date.parse(now);

  const moved: Registration[] = [];
  for (const [index, registration] of last.entries()) {
    const back = await trx
      .updateTable("registrations")
      .set({
        status: "waitlisted",
        confirmed_at: null,
        updated_at: now,
        queue_position: first - last.length + index,
        ical_sequence: registration.ical_sequence + 1,
      })
      .where("id", "=", registration.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // One at a time, so each message names the place this person has once the ones before moved.
    await notify(trx, "registration.backOnWaitlist", back, session, now);
    moved.push(back);
  }
  return moved;
}

/** The session's own calendar object (its .ics file, the feeds) moved: SEQUENCE + 1. */
async function raiseSessionSequence(trx: Kysely<Database>, sessionId: number) {
  await trx
    .updateTable("sessions")
    .set((eb) => ({ ical_sequence: eb("ical_sequence", "+", 1) }))
    .where("id", "=", sessionId)
    .execute();
  return reloadSession(trx, sessionId);
}

/**
 * RFC 5546 §2.1.4: SEQUENCE goes up when the time changes (DTSTART, DTEND, DURATION; sessions
 * do not recur). Any other change (title, summary, description, place) is sent at the same
 * SEQUENCE with a newer DTSTAMP, which calendars take as the newer version without asking the
 * attendee again. The same rule holds for the session's public event (feeds, .ics file).
 */
const isReschedule = (changes: SessionChanges) => Boolean(changes.time);

/**
 * The changed invite (same UID, METHOD:REQUEST) for everyone with a seat: a new time raises
 * SEQUENCE and asks again (the answers given were to the old time); any other change keeps
 * SEQUENCE and the answers, which the invite carries in its PARTSTAT.
 */
async function reinviteConfirmed(
  trx: Kysely<Database>,
  session: SessionDetail,
  changes: SessionChanges,
  now: string,
): Promise<number> {
  const reinvited = await trx
    .updateTable("registrations")
    .set((eb) =>
      isReschedule(changes)
        ? {
            ical_sequence: eb("ical_sequence", "+", 1),
            updated_at: now,
            calendar_reply: null,
            calendar_replied_at: null,
          }
        : { updated_at: now },
    )
    .where("session_id", "=", session.id)
    .where("status", "=", "confirmed")
    .returningAll()
    .execute();
  reinvited.sort((a, b) => a.id - b.id);
  for (const registration of reinvited) {
    await notify(trx, "session.updated", registration, session, now, { changes });
  }
  return reinvited.length;
}

function changedFields(
  before: SessionDetail,
  after: SessionDetail,
): { fields: string[]; capacityFrom?: number; capacityTo?: number } {
  const fields = (
    [
      ["title", before.title !== after.title],
      ["time", before.starts_at !== after.starts_at || before.ends_at !== after.ends_at],
      [
        "place",
        before.venue_name !== after.venue_name || before.venue_address !== after.venue_address,
      ],
      ["capacity", before.capacity !== after.capacity],
      ["summary", before.summary !== after.summary],
      ["description", before.description !== after.description],
      ["kind", before.kind !== after.kind],
      ["city", before.city_id !== after.city_id],
      ["language", before.language !== after.language],
      [
        "registrationPeriod",
        before.registration_opens_at !== after.registration_opens_at ||
          before.registration_closes_at !== after.registration_closes_at,
      ],
      [
        "partners",
        before.partners.map((p) => p.slug).join() !== after.partners.map((p) => p.slug).join(),
      ],
      [
        "reminders",
        before.remind_day_before !== after.remind_day_before ||
          before.remind_two_hours !== after.remind_two_hours,
      ],
      [
        "afterSession",
        before.send_thank_you !== after.send_thank_you ||
          before.send_missed_you !== after.send_missed_you ||
          before.follow_up_hours !== after.follow_up_hours,
      ],
      ["approval", before.requires_approval !== after.requires_approval],
      ["unlisted", before.unlisted !== after.unlisted],
      ["emailDomains", before.email_domains !== after.email_domains],
      ["groupSize", before.max_group_size !== after.max_group_size],
    ] as const
  )
    .filter(([, differs]) => differs)
    .map(([field]) => field);
  return before.capacity === after.capacity
    ? { fields }
    : { fields, capacityFrom: before.capacity, capacityTo: after.capacity };
}

/**
 * Changes a session. A new title, summary, description, time or place reaches every confirmed
 * attendee as an updated invite, so their calendar follows; a new time also raises the SEQUENCE
 * of the invites and of the session's public event (see isReschedule). More seats go to the
 * waiting list in its order. Fewer seats than people confirmed is refused (nothing stored)
 * unless the organiser confirmed that the last to get a seat go back to the front of the waiting
 * list. Partners are replaced by the given list.
 */
export async function updateSession(
  sessionId: number,
  input: SessionInput,
  {
    organiserId,
    clientAddress,
    now = nowInstant(),
    confirmMoveToWaitlist = false,
  }: Actor & { confirmMoveToWaitlist?: boolean },
): Promise<UpdateSessionResult> {
  return writeTransaction(async (trx) => {
    await lockSession(trx, sessionId);
    const before = await getSessionByIdIn(trx, sessionId);
    if (!before) return { ok: false, reason: "notFound" };
    if (before.status === "cancelled") return { ok: false, reason: "cancelled" };
    const missing = await missingReference(trx, input);
    if (missing) return { ok: false, reason: missing };
    if (input.capacity < before.confirmedCount && !confirmMoveToWaitlist) {
      return { ok: false, reason: "capacityBelowConfirmed", confirmedCount: before.confirmedCount };
    }

    await trx
      .updateTable("sessions")
      .set({
        ...sessionColumns(input),
        updated_at: now,
        // What search engines show as "rescheduled from": the start before this move.
        ...(input.startsAt !== before.starts_at ? { previous_starts_at: before.starts_at } : {}),
        // A session taken off the lists gets an address nobody had: the old one was public.
        ...(input.unlisted && !before.unlisted ? { slug: unlistedSlug(before.slug) } : {}),
      })
      .where("id", "=", sessionId)
      .execute();
    await replacePartners(trx, sessionId, input.partnerIds);
    const edited = await reloadSession(trx, sessionId);
    const changes = calendarChangesOf(before, edited);
    // The public calendar file and the feeds show past sessions too: their SEQUENCE always
    // follows a new time; any other change shows in their DTSTAMP and LAST-MODIFIED.
    const after = isReschedule(changes) ? await raiseSessionSequence(trx, sessionId) : edited;

    const moved = await moveLastConfirmedToWaitlist(
      trx,
      after,
      before.confirmedCount - input.capacity,
      now,
    );
    // A correction to a session that is over reaches no calendar worth moving.
    const reinvited =
      hasCalendarChanges(changes) && after.ends_at > now
        ? await reinviteConfirmed(trx, after, changes, now)
        : 0;
    const promoted = await promoteFromWaitlist(trx, sessionId, now);

    const outcome = { reinvited, promoted: promoted.length, movedToWaitlist: moved.length };
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "session.update",
        subjectType: "session",
        subjectId: sessionId,
        details: { ...changedFields(before, after), ...outcome },
        clientAddress,
      },
      now,
    );
    return { ok: true, ...outcome };
  });
}

/* Cancel ------------------------------------------------------------------------------------- */

export type CancelSessionResult =
  | { ok: true; confirmed: number; waitlisted: number }
  | { ok: false; reason: "notFound" | "alreadyCancelled" | "past" };

/** The organiser's note as plain text of a sensible length; null when there is none. */
function cleanNote(note: string | null | undefined): string | null {
  const clean = withoutControlCharacters(note ?? "", { multiLine: true })
    .trim()
    .slice(0, SESSION_LIMITS.cancelNote);
  return clean || null;
}

/**
 * Cancels a session that has not started. Everyone with a seat gets METHOD:CANCEL (SEQUENCE
 * raised) and a short message with the organiser's note; everyone waiting, and everyone whose
 * request is open, gets the message alone. Registrations keep their status, as the history of who was coming; the public pages
 * refuse sign-ups for a cancelled session.
 */
export async function cancelSession(
  sessionId: number,
  { organiserId, clientAddress, message, now = nowInstant() }: Actor & { message?: string | null },
): Promise<CancelSessionResult> {
  const note = cleanNote(message);
  return writeTransaction(async (trx) => {
    await lockSession(trx, sessionId);
    const before = await getSessionByIdIn(trx, sessionId);
    if (!before) return { ok: false, reason: "notFound" };
    if (before.status === "cancelled") return { ok: false, reason: "alreadyCancelled" };
    if (before.starts_at <= now) return { ok: false, reason: "past" };

    await trx
      .updateTable("sessions")
      .set((eb) => ({
        status: "cancelled",
        updated_at: now,
        ical_sequence: eb("ical_sequence", "+", 1),
      }))
      .where("id", "=", sessionId)
      .execute();
    const session = await reloadSession(trx, sessionId);

    const confirmed = await trx
      .updateTable("registrations")
      .set((eb) => ({ ical_sequence: eb("ical_sequence", "+", 1), updated_at: now }))
      .where("session_id", "=", sessionId)
      .where("status", "=", "confirmed")
      .returningAll()
      .execute();
    confirmed.sort((a, b) => a.id - b.id);
    const waiting = await trx
      .selectFrom("registrations")
      .selectAll()
      .where("session_id", "=", sessionId)
      .where("status", "=", "waitlisted")
      .orderBy("queue_position")
      .orderBy("id")
      .execute();
    // Open requests are told too; like every registration they keep their status.
    const requested = await trx
      .selectFrom("registrations")
      .selectAll()
      .where("session_id", "=", sessionId)
      .where("status", "=", "requested")
      .orderBy("id")
      .execute();
    for (const registration of [...confirmed, ...waiting, ...requested]) {
      await notify(trx, "session.cancelled", registration, session, now, { note });
    }

    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "session.cancel",
        subjectType: "session",
        subjectId: sessionId,
        details: {
          confirmed: confirmed.length,
          waitlisted: waiting.length,
          requested: requested.length,
          note: Boolean(note),
        },
        clientAddress,
      },
      now,
    );
    return { ok: true, confirmed: confirmed.length, waitlisted: waiting.length };
  });
}
