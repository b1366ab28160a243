import { sql } from "kysely";
import { DateTime } from "luxon";
import { database } from "../../db/client";
import { daysBefore, nowInstant, TIME_ZONE } from "../lib/time";
import { LIVE_STATUSES } from "./registration.server";
import { openRequestCounts } from "./request.server";
import { type SessionScope, sessionInScope } from "./scope.server";
import { listSessionsInScope } from "./session.server";

const WEEKS = 8;
/** How far back the dashboard lists mail the mail server refused. */
const FAILED_MAIL_DAYS = 30;

/**
 * What an organiser sees first: the sessions coming up with how full they are, sign-ups per
 * week over the last eight weeks, and the newest sign-ups of the last seven days.
 */
export async function organiserDashboard(scope: SessionScope, now = nowInstant()) {
  const { db } = database();
  const upcoming = await listSessionsInScope(scope, { now, limit: 50 });

  const thisWeek = DateTime.fromISO(now, { zone: TIME_ZONE }).startOf("week");
  const since = thisWeek.minus({ weeks: WEEKS - 1 });
  // Counted by the hour in the database (a week starts on an hour in Brussels, whatever the
  // offset), so the page reads at most 8 × 7 × 24 numbers, not every sign-up of eight weeks.
  const hour = sql<string>`substr(${sql.ref("registrations.created_at")}, 1, 13)`;
  const signUps = await db
    .selectFrom("registrations")
    .innerJoin("sessions", "sessions.id", "registrations.session_id")
    .select((eb) => [hour.as("hour"), eb.fn.countAll<number>().as("n")])
    .where(sessionInScope(scope))
    .where("registrations.created_at", ">=", since.toUTC().toISO() ?? now)
    .groupBy(hour)
    .execute();
  const weeks = Array.from({ length: WEEKS }, (_, i) => ({
    weekStart: since.plus({ weeks: i }).toISODate() ?? "",
    count: 0,
  }));
  // Where each week starts, as the same UTC hour text ("2026-12-06T23"): compared as text, not
  // parsed per row.
  const starts = weeks.map((_, i) => since.plus({ weeks: i }).toUTC().toISO()?.slice(0, 13) ?? "");
  for (const { hour: start, n } of signUps) {
    const week = weeks[starts.filter((weekStart) => weekStart <= start).length - 1];
    if (week) week.count += Number(n);
  }

  const weekAgo = daysBefore(now, 7);
  const lastWeek = db
    .selectFrom("registrations")
    .innerJoin("sessions", "sessions.id", "registrations.session_id")
    .where(sessionInScope(scope))
    .where("registrations.created_at", ">=", weekAgo)
    .where("registrations.status", "in", LIVE_STATUSES);
  const [lastWeekCount, newest] = await Promise.all([
    lastWeek.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
    lastWeek
      .select([
        "registrations.id",
        "registrations.name",
        "registrations.organisation",
        "registrations.status",
        "registrations.created_at",
        "sessions.id as session_id",
        "sessions.title as session_title",
      ])
      .orderBy("registrations.created_at", "desc")
      .orderBy("registrations.id", "desc")
      .limit(10)
      .execute(),
  ]);

  // Sessions of the last eight weeks, with who turned up.
  const past = await db
    .selectFrom("sessions")
    .select((eb) => [
      "sessions.id",
      "sessions.title",
      "sessions.starts_at",
      "sessions.ends_at",
      eb
        .selectFrom("registrations")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("registrations.session_id", "=", "sessions.id")
        .where("registrations.status", "=", "confirmed")
        .as("confirmed"),
      eb
        .selectFrom("registrations")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("registrations.session_id", "=", "sessions.id")
        .where("registrations.status", "=", "confirmed")
        .where("registrations.checked_in_at", "is not", null)
        .as("present"),
    ])
    .where(sessionInScope(scope))
    .where("sessions.status", "=", "scheduled")
    .where("sessions.ends_at", "<=", now)
    .where("sessions.ends_at", ">=", since.toUTC().toISO() ?? now)
    .orderBy("sessions.starts_at", "desc")
    .limit(10)
    .execute();

  const failedMail = await failedMailInScope(scope, now);
  const requests = await openRequestCounts(upcoming.map((s) => s.id));

  return {
    failedMail,
    past: past.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.starts_at,
      confirmed: Number(s.confirmed ?? 0),
      present: Number(s.present ?? 0),
    })),
    upcoming: upcoming.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      city: s.city.name,
      status: s.status,
      capacity: s.capacity,
      confirmed: s.confirmedCount,
      waiting: s.waitlistCount,
      requests: requests.get(s.id) ?? 0,
      unlisted: s.unlisted === 1,
    })),
    weeks,
    lastWeek: { count: Number(lastWeekCount?.n ?? 0), newest },
  };
}

/**
 * Mail the mail server refused for good (outbox status `failed`) in the last FAILED_MAIL_DAYS,
 * about the sessions in the organiser's scope; admins also see the mail to organisers
 * (password links), which belongs to no session. Newest first, at most 20, and how many in all.
 */
async function failedMailInScope(scope: SessionScope, now: string) {
  const { db } = database();
  const since = daysBefore(now, FAILED_MAIL_DAYS);
  const query = db
    .selectFrom("outbox")
    .leftJoin("registrations", "registrations.id", "outbox.registration_id")
    .leftJoin("sessions", "sessions.id", "registrations.session_id")
    .where("outbox.status", "=", "failed")
    .where((eb) => eb.fn.coalesce("outbox.failed_at", "outbox.created_at"), ">=", since)
    // An admin sees all failed mail: no need to ask which registrations are theirs (all of
    // them, a question over every registration there is).
    .where((eb) =>
      scope.all
        ? sql<boolean>`1 = 1`
        : eb(
            "outbox.registration_id",
            "in",
            eb
              .selectFrom("registrations")
              .innerJoin("sessions", "sessions.id", "registrations.session_id")
              .select("registrations.id")
              .where(sessionInScope(scope)),
          ),
    );
  const [count, newest] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
    query
      .select([
        "outbox.id",
        "outbox.kind",
        "outbox.to_name",
        "outbox.to_email",
        "outbox.last_error",
        "sessions.id as session_id",
        "sessions.title as session_title",
      ])
      .select((eb) => eb.fn.coalesce("outbox.failed_at", "outbox.created_at").as("failed_at"))
      .orderBy("failed_at", "desc")
      .orderBy("outbox.id", "desc")
      .limit(20)
      .execute(),
  ]);
  return {
    count: Number(count?.n ?? 0),
    days: FAILED_MAIL_DAYS,
    newest: newest.map((mail) => ({
      id: mail.id,
      kind: mail.kind,
      toName: mail.to_name,
      toEmail: mail.to_email,
      reason: mail.last_error,
      failedAt: mail.failed_at,
      sessionId: mail.session_id,
      sessionTitle: mail.session_title,
    })),
  };
}
