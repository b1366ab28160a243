import type { ExpressionBuilder, Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, FollowUpKind, Session } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import { SESSION_LIMITS } from "../lib/session-form";
import { addMinutes, nowInstant } from "../lib/time";
import { notify } from "./registration.server";
import { issueRegistrationToken } from "./registration-token.server";
import { getSessionByIdIn, type SessionDetail } from "./session.server";

/**
 * What a session sends once it has ended, `follow_up_hours` after its end, once per person:
 * those checked in get a thank-you with a personal link to the survey (`session.thankYou`),
 * those who had a seat and did not come a "we missed you" with the next sessions of the same
 * city and kind (`session.missedYou`). Each is switched per session; a cancelled session sends
 * neither. The worker asks every round; `session_follow_ups` holds one row per person, so
 * nothing goes twice whichever worker queues it.
 */

/**
 * How long after its moment a follow-up is still sent: workers that were down for a few days
 * catch up, and the rounds read only the sessions that ended within this window plus the
 * longest delay. Sessions that ended before this feature existed had their switches turned off
 * by its migration.
 */
const CATCH_UP_DAYS = 7;
const DAY_MINUTES = 24 * 60;

/** How many sessions to come a "we missed you" mail lists. */
const NEXT_SESSIONS = 3;

type FollowUpTimes = Pick<
  Session,
  "ends_at" | "follow_up_hours" | "send_thank_you" | "send_missed_you" | "status"
>;

/** When a session's follow-ups fall due, as a UTC instant. */
function followUpDueAt(session: Pick<Session, "ends_at" | "follow_up_hours">): string {
  return addMinutes(session.ends_at, session.follow_up_hours * 60);
}

/** Whether the session's follow-ups are due at `now` and not yet past their catch-up window. */
function isDue(session: FollowUpTimes, now: string): boolean {
  if (session.status !== "scheduled") return false;
  if (!session.send_thank_you && !session.send_missed_you) return false;
  const due = followUpDueAt(session);
  return due <= now && now < addMinutes(due, CATCH_UP_DAYS * DAY_MINUTES);
}

export interface QueuedFollowUp {
  sessionId: number;
  registrationId: number;
  kind: FollowUpKind;
}

/**
 * The registrations (in a query over `registrations`) a follow-up of this session is owed to:
 * a seat, still someone (not anonymised) with an address, nothing queued yet, and the session's
 * switch on for what they would get.
 */
function owedFollowUp(
  eb: ExpressionBuilder<Database, "registrations">,
  session: Pick<Session, "id" | "send_thank_you" | "send_missed_you">,
) {
  const came = eb("registrations.checked_in_at", "is not", null);
  const stayedAway = eb("registrations.checked_in_at", "is", null);
  const kinds = [
    ...(session.send_thank_you ? [came] : []),
    ...(session.send_missed_you ? [stayedAway] : []),
  ];
  return eb.and([
    eb("registrations.session_id", "=", session.id),
    eb("registrations.status", "=", "confirmed"),
    eb("registrations.anonymised_at", "is", null),
    // A walk-in who gave no address: nobody to write to.
    eb("registrations.email", "!=", ""),
    eb.or(kinds),
    eb.not(
      eb.exists(
        eb
          .selectFrom("session_follow_ups")
          .select("session_follow_ups.registration_id")
          .whereRef("session_follow_ups.registration_id", "=", "registrations.id"),
      ),
    ),
  ]);
}

/**
 * The sessions owing someone a follow-up now: one indexed range over the sessions that ended
 * within the window, then (only when one is due) one query for the people still owed.
 */
async function sessionsOwingFollowUps(now: string): Promise<number[]> {
  const { db } = database();
  const longest = SESSION_LIMITS.followUpHours * 60 + CATCH_UP_DAYS * DAY_MINUTES;
  const ended = await db
    .selectFrom("sessions")
    .select(["id", "ends_at", "follow_up_hours", "send_thank_you", "send_missed_you", "status"])
    .where("ends_at", "<=", now)
    .where("ends_at", ">", addMinutes(now, -longest))
    .where("status", "=", "scheduled")
    .where((eb) => eb.or([eb("send_thank_you", "=", 1), eb("send_missed_you", "=", 1)]))
    .execute();
  const due = ended.filter((session) => isDue(session, now));
  if (!due.length) return [];
  const owed = await db
    .selectFrom("registrations")
    .select("session_id")
    .distinct()
    .where((eb) => eb.or(due.map((session) => owedFollowUp(eb, session))))
    .execute();
  return owed.map((row) => row.session_id);
}

/** A session to come that a "we missed you" mail suggests. */
export interface NextSession {
  slug: string;
  title: string;
  starts_at: string;
  ends_at: string;
  venue_name: string;
}

/**
 * The next sessions of the same city and kind that anyone can still find and sign up for:
 * scheduled, listed, not started and not closed for sign-ups.
 */
async function nextSessionsLike(
  trx: Kysely<Database>,
  session: Pick<Session, "id" | "city_id" | "kind">,
  now: string,
): Promise<NextSession[]> {
  return trx
    .selectFrom("sessions")
    .select(["slug", "title", "starts_at", "ends_at", "venue_name"])
    .where("city_id", "=", session.city_id)
    .where("kind", "=", session.kind)
    .where("id", "!=", session.id)
    .where("status", "=", "scheduled")
    .where("unlisted", "=", 0)
    .where("starts_at", ">", now)
    .where((eb) =>
      eb.or([eb("registration_closes_at", "is", null), eb("registration_closes_at", ">", now)]),
    )
    .orderBy("starts_at")
    .orderBy("id")
    .limit(NEXT_SESSIONS)
    .execute();
}

/**
 * Queues the follow-ups of one session, deciding again under its lock: it may have been
 * cancelled, moved or switched off since it was read, and someone checked in. The row in
 * `session_follow_ups` and the mail are written together; a row another worker inserted first
 * means that worker sends it.
 */
async function queueFollowUpsOf(sessionId: number, now: string): Promise<QueuedFollowUp[]> {
  return writeTransaction(async (trx) => {
    await lockSession(trx, sessionId);
    const session = await getSessionByIdIn(trx, sessionId);
    if (!session || !isDue(session, now)) return [];
    const owed = await trx
      .selectFrom("registrations")
      .selectAll()
      .where((eb) => owedFollowUp(eb, session))
      .orderBy("id")
      .execute();
    if (!owed.length) return [];
    const kindOf = (registration: { checked_in_at: string | null }): FollowUpKind =>
      registration.checked_in_at ? "thankYou" : "missedYou";
    const inserted = await trx
      .insertInto("session_follow_ups")
      .values(
        owed.map((registration) => ({
          registration_id: registration.id,
          session_id: session.id,
          kind: kindOf(registration),
          queued_at: now,
        })),
      )
      .onConflict((oc) => oc.column("registration_id").doNothing())
      .returning("registration_id")
      .execute();
    const fresh = new Set(inserted.map((row) => row.registration_id));
    const missed = owed.some((r) => fresh.has(r.id) && kindOf(r) === "missedYou")
      ? await nextSessionsLike(trx, session, now)
      : [];
    const queued: QueuedFollowUp[] = [];
    for (const registration of owed) {
      if (!fresh.has(registration.id)) continue;
      const kind = kindOf(registration);
      await queueFollowUpMail(trx, kind, registration, session, now, missed);
      queued.push({ sessionId: session.id, registrationId: registration.id, kind });
    }
    return queued;
  });
}

async function queueFollowUpMail(
  trx: Kysely<Database>,
  kind: FollowUpKind,
  registration: Parameters<typeof notify>[2],
  session: SessionDetail,
  now: string,
  nextSessions: NextSession[],
) {
  if (kind === "thankYou") {
    const surveyToken = await issueRegistrationToken(trx, registration.id, "survey", now);
    await notify(trx, "session.thankYou", registration, session, now, { surveyToken });
  } else {
    await notify(trx, "session.missedYou", registration, session, now, { nextSessions });
  }
}

/**
 * Queues every follow-up due at `now` that has not been queued yet: what the mail worker runs
 * before each round. Returns what it queued. One transaction per session, so a large session
 * holds the write lock only for its own people.
 */
export async function queueDueFollowUps({
  now = nowInstant(),
}: {
  now?: string;
} = {}): Promise<QueuedFollowUp[]> {
  const queued: QueuedFollowUp[] = [];
  for (const sessionId of await sessionsOwingFollowUps(now)) {
    queued.push(...(await queueFollowUpsOf(sessionId, now)));
  }
  return queued;
}
