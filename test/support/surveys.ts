import { expect } from "vitest";
import { DEFAULT_LOCALE } from "../../app/i18n";
import { brusselsTimeToInstant } from "../../app/lib/time";
import { queueDueFollowUps } from "../../app/models/after-session.server";
import { signUp } from "../../app/models/registration.server";
import { database } from "../../db/client";
import { createSession, person, registrationsOf, renderQueuedMail } from "./factories";

/**
 * Sessions that ended, with people who came and the mails the worker sends after the end: the
 * thank-you with its survey link, and the "we missed you". The clock is moved by passing `now`
 * (queueDueFollowUps({ now }) is what the worker runs each round). A test file gives every
 * session a day of its own, far enough from the others that no other session is due at the
 * moments it asks about.
 */

const { db } = database();
const MINUTE = 60_000;
let counter = 0;

export const at = (date: string, time: string) => brusselsTimeToInstant(date, time);
export const plus = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * MINUTE).toISOString();

/**
 * A session on `date` from 14:00 to 16:00 (Brussels) with `people` signed up a week before:
 * the first `capacity` get a seat, the rest wait; the seated ones listed in `came` (0-based)
 * were checked in.
 */
export async function endedSession(
  date: string,
  {
    people = 4,
    capacity = 10,
    came = [0, 1],
    ...overrides
  }: {
    people?: number;
    capacity?: number;
    came?: number[];
    city_id?: number;
    kind?: "info" | "breakfast" | "forum";
    status?: "scheduled" | "cancelled";
    send_thank_you?: number;
    send_missed_you?: number;
    follow_up_hours?: number;
  } = {},
) {
  const startsAt = at(date, "14:00");
  const { status, ...fields } = overrides;
  const session = await createSession({
    starts_at: startsAt,
    ends_at: at(date, "16:00"),
    capacity,
    ...fields,
  });
  const signUpAt = plus(startsAt, -7 * 24 * 60);
  for (let i = 0; i < people; i++) {
    const n = ++counter;
    const result = await signUp(
      session.slug,
      person(n, { name: `Persoon ${n}`, email: `na-afloop-${n}@example.org` }),
      { locale: DEFAULT_LOCALE, now: signUpAt },
    );
    expect(result.ok).toBe(true);
  }
  const registrations = await registrationsOf(session.id);
  for (const index of came) {
    const registration = registrations[index];
    if (registration?.status !== "confirmed") throw new Error("only a seat can be checked in");
    await db
      .updateTable("registrations")
      .set({ checked_in_at: plus(startsAt, 5) })
      .where("id", "=", registration.id)
      .execute();
  }
  if (status) {
    await db.updateTable("sessions").set({ status }).where("id", "=", session.id).execute();
  }
  return {
    session,
    endsAt: session.ends_at,
    registrations: await registrationsOf(session.id),
  };
}

/** What one round of the worker queues at `now` for this session: [registration id, kind]. */
export async function followUpsAt(sessionId: number, now: string) {
  const queued = await queueDueFollowUps({ now });
  return queued
    .filter((followUp) => followUp.sessionId === sessionId)
    .map((followUp) => [followUp.registrationId, followUp.kind]);
}

export async function followUpMails(sessionId: number) {
  await renderQueuedMail();
  return db
    .selectFrom("outbox")
    .innerJoin("registrations", "registrations.id", "outbox.registration_id")
    .selectAll("outbox")
    .where("registrations.session_id", "=", sessionId)
    .where("outbox.kind", "in", ["session.thankYou", "session.missedYou"])
    .orderBy("outbox.id")
    .execute();
}

/** The survey link in a thank-you mail, as the person clicks it: "/enquete/<token>". */
export function surveyPathIn(text: string): string {
  const path = /https?:\/\/[^/\s]+(\/enquete\/[\w-]+)/.exec(text)?.[1];
  if (!path) throw new Error("the mail holds no survey link");
  return path;
}

/** A session whose follow-ups went out, and the survey links of those who came. */
export async function surveyedSession(date: string, came: number[]) {
  const people = came.length + 1;
  const ended = await endedSession(date, { people, came });
  await followUpsAt(ended.session.id, plus(ended.endsAt, 120));
  const mails = await followUpMails(ended.session.id);
  const paths = mails
    .filter((mail) => mail.kind === "session.thankYou")
    .map((mail) => surveyPathIn(mail.text));
  expect(paths).toHaveLength(came.length);
  return { ...ended, paths };
}
