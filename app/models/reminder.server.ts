import type { ExpressionBuilder } from "kysely";
import { DateTime } from "luxon";
import { database } from "../../db/client";
import type { Database, ReminderKind, Session } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import { addMinutes, nowInstant, TIME_ZONE } from "../lib/time";
import { notify } from "./registration.server";
import { getSessionByIdIn } from "./session.server";

/**
 * Reminders before a session, for everyone with a seat: at 09:00 Brussels time on the day
 * before (`dayBefore`) and two hours before the start (`twoHours`), each where the session's
 * switch is on. The worker asks every round; `session_reminders` remembers what was queued, per
 * registration, kind and start time, so nothing goes twice and a session that moves is
 * reminded of again for its new time.
 */

/**
 * How far ahead a reminder can fall due: 09:00 the day before a session at 23:59 is 39 hours
 * earlier, 40 when the clocks go back that night. Sessions further away are not even read.
 */
const LOOKAHEAD_MINUTES = 40 * 60;

type SessionTimes = Pick<Session, "starts_at" | "remind_day_before" | "remind_two_hours">;

/** When each reminder of a session starting at `startsAt` falls due, as UTC instants. */
export function reminderDueTimes(startsAt: string): Record<ReminderKind, string> {
  const start = DateTime.fromISO(startsAt, { zone: TIME_ZONE });
  // 09:00 on the calendar day before, in Brussels: a day is not always 24 hours.
  const dayBefore = start.minus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  return {
    dayBefore: dayBefore.toJSDate().toISOString(),
    twoHours: addMinutes(startsAt, -120),
  };
}

/**
 * The reminder of this session due at `now`, if any. Once the two-hour one is due, a day-before
 * one that never went (the workers were down) is skipped: two mails an hour apart say nothing
 * more, and "tomorrow" would be wrong. Nothing at or after the start.
 */
function dueReminder(
  session: SessionTimes,
  now: string,
): { kind: ReminderKind; due: string } | null {
  if (now >= session.starts_at) return null;
  const due = reminderDueTimes(session.starts_at);
  if (now >= due.twoHours) {
    return session.remind_two_hours ? { kind: "twoHours", due: due.twoHours } : null;
  }
  if (now >= due.dayBefore && session.remind_day_before) {
    return { kind: "dayBefore", due: due.dayBefore };
  }
  return null;
}

export interface QueuedReminder {
  sessionId: number;
  registrationId: number;
  kind: ReminderKind;
  /** The start the reminder is about. */
  startsAt: string;
}

/** The registration (in a query over `registrations`) has no such reminder queued yet. */
function notYetReminded(
  eb: ExpressionBuilder<Database, "registrations">,
  kind: ReminderKind,
  startsAt: string,
) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom("session_reminders")
        .select("registration_id")
        .whereRef("session_reminders.registration_id", "=", "registrations.id")
        .where("session_reminders.kind", "=", kind)
        .where("session_reminders.starts_at", "=", startsAt),
    ),
  );
}

interface DueSession {
  id: number;
  startsAt: string;
  kind: ReminderKind;
  due: string;
}

/**
 * The sessions with a reminder due now that someone still lacks: one indexed range over the
 * sessions that start within the lookahead, then (only when one is due) one query for the
 * people waiting for theirs. Cheap enough to run every worker round.
 */
async function sessionsOwingReminders(now: string): Promise<DueSession[]> {
  const { db } = database();
  const upcoming = await db
    .selectFrom("sessions")
    .select(["id", "starts_at", "remind_day_before", "remind_two_hours"])
    .where("status", "=", "scheduled")
    .where("starts_at", ">", now)
    .where("starts_at", "<=", addMinutes(now, LOOKAHEAD_MINUTES))
    .where((eb) => eb.or([eb("remind_day_before", "=", 1), eb("remind_two_hours", "=", 1)]))
    .execute();
  const due = upcoming.flatMap((session) => {
    const reminder = dueReminder(session, now);
    return reminder ? [{ id: session.id, startsAt: session.starts_at, ...reminder }] : [];
  });
  if (!due.length) return [];
  const owed = await db
    .selectFrom("registrations")
    .select("session_id")
    .distinct()
    .where("status", "=", "confirmed")
    .where((eb) =>
      eb.or(
        due.map((session) =>
          eb.and([
            eb("session_id", "=", session.id),
            eb("confirmed_at", "<=", session.due),
            notYetReminded(eb, session.kind, session.startsAt),
          ]),
        ),
      ),
    )
    .execute();
  const owing = new Set(owed.map((row) => row.session_id));
  return due.filter((session) => owing.has(session.id));
}

/**
 * Queues the reminders of one session, deciding again under its lock: the session may have
 * been cancelled, moved or switched off, and a seat given up, since it was read. The row in
 * `session_reminders` and the mail are written together; a row another worker inserted first
 * means that worker sends it.
 */
async function queueRemindersOf(candidate: DueSession, now: string): Promise<QueuedReminder[]> {
  return writeTransaction(async (trx) => {
    await lockSession(trx, candidate.id);
    const session = await getSessionByIdIn(trx, candidate.id);
    if (session?.status !== "scheduled") return [];
    const reminder = dueReminder(session, now);
    if (!reminder) return [];
    // Someone who got their seat after the moment just had their confirmation: no catch-up.
    const seated = await trx
      .selectFrom("registrations")
      .selectAll()
      .where("session_id", "=", session.id)
      .where("status", "=", "confirmed")
      .where("confirmed_at", "<=", reminder.due)
      .where((eb) => notYetReminded(eb, reminder.kind, session.starts_at))
      .orderBy("id")
      .execute();
    if (!seated.length) return [];
    const inserted = await trx
      .insertInto("session_reminders")
      .values(
        seated.map((registration) => ({
          registration_id: registration.id,
          kind: reminder.kind,
          starts_at: session.starts_at,
          queued_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(["registration_id", "kind", "starts_at"]).doNothing())
      .returning("registration_id")
      .execute();
    const fresh = new Set(inserted.map((row) => row.registration_id));
    const queued: QueuedReminder[] = [];
    for (const registration of seated) {
      if (!fresh.has(registration.id)) continue;
      await notify(trx, "session.reminder", registration, session, now, {
        reminder: reminder.kind,
      });
      queued.push({
        sessionId: session.id,
        registrationId: registration.id,
        kind: reminder.kind,
        startsAt: session.starts_at,
      });
    }
    return queued;
  });
}

/**
 * Queues every reminder due at `now` that has not been queued yet: what the mail worker runs
 * before each round. Returns what it queued. One transaction per session, so a large session
 * holds the write lock only for its own reminders.
 */
export async function queueDueReminders({
  now = nowInstant(),
}: {
  now?: string;
} = {}): Promise<QueuedReminder[]> {
  const queued: QueuedReminder[] = [];
  for (const candidate of await sessionsOwingReminders(now)) {
    queued.push(...(await queueRemindersOf(candidate, now)));
  }
  return queued;
}
