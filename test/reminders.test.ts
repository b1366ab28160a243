import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, i18n } from "../app/i18n";
import { brusselsTimeToInstant, TIME_ZONE } from "../app/lib/time";
import { cancelRegistration, signUp } from "../app/models/registration.server";
import { queueDueReminders, reminderDueTimes } from "../app/models/reminder.server";
import { database } from "../db/client";
import { createSession, person, registrationsOf, renderQueuedMail } from "./support/factories";
import { send } from "./support/http";
import { signedIn } from "./support/organisers";
import { manageTokenOf } from "./support/tokens";

/**
 * Reminders before a session, with the clock moved: queueDueReminders({ now }) is what the mail
 * worker runs each round. Every test has a session of its own on days far enough apart that no
 * other test's session is ever due at the moments it asks about.
 */

const { db } = database();
const { t } = i18n(DEFAULT_LOCALE);
const MINUTE = 60_000;
let counter = 0;

/** A Brussels wall-clock moment as the UTC instant the app stores. */
const at = (date: string, time: string) => brusselsTimeToInstant(date, time);
const plus = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * MINUTE).toISOString();

/**
 * A session starting at `date` `time` (Brussels) with `people` signed up a week before, in
 * order: the first `capacity` get a seat, the rest wait.
 */
async function sessionAt(
  date: string,
  time: string,
  {
    people = 2,
    capacity = 10,
    ...overrides
  }: {
    people?: number;
    capacity?: number;
    remind_day_before?: number;
    remind_two_hours?: number;
  } = {},
) {
  const startsAt = at(date, time);
  const session = await createSession({
    starts_at: startsAt,
    ends_at: plus(startsAt, 90),
    capacity,
    ...overrides,
  });
  const signUpAt = plus(startsAt, -7 * 24 * 60);
  for (let i = 0; i < people; i++) {
    const n = ++counter;
    const result = await signUp(
      session.slug,
      person(n, { name: `Persoon ${n}`, email: `persoon-${n}@example.org` }),
      { locale: DEFAULT_LOCALE, now: signUpAt },
    );
    expect(result.ok).toBe(true);
  }
  return { session, startsAt, registrations: await registrationsOf(session.id) };
}

/** What one round of the worker queues at `now` for this session: [registration id, kind]. */
async function remindAt(sessionId: number, now: string) {
  const queued = await queueDueReminders({ now });
  return queued
    .filter((reminder) => reminder.sessionId === sessionId)
    .map((reminder) => [reminder.registrationId, reminder.kind]);
}

const reminderMails = (sessionId: number) =>
  db
    .selectFrom("outbox")
    .innerJoin("registrations", "registrations.id", "outbox.registration_id")
    .selectAll("outbox")
    .where("registrations.session_id", "=", sessionId)
    .where("outbox.kind", "=", "session.reminder")
    .orderBy("outbox.id")
    .execute();

const idsOf = (registrations: { id: number; status: string }[], status = "confirmed") =>
  registrations.filter((r) => r.status === status).map((r) => r.id);

describe("when a reminder is due", () => {
  it("the day before at 09:00 Brussels time, and two hours before the start; once each", async () => {
    // Wednesday 15 January 2031, 14:00 (winter time).
    const { session, registrations } = await sessionAt("2031-01-15", "14:00", {
      people: 3,
      capacity: 2,
    });
    const seated = idsOf(registrations);
    expect(seated).toHaveLength(2);

    expect(await remindAt(session.id, at("2031-01-13", "09:00"))).toEqual([]);
    expect(await remindAt(session.id, plus(at("2031-01-14", "09:00"), -1 / 60))).toEqual([]);
    expect(await remindAt(session.id, at("2031-01-14", "09:00"))).toEqual(
      seated.map((id) => [id, "dayBefore"]),
    );
    expect(await remindAt(session.id, at("2031-01-14", "09:00"))).toEqual([]);
    expect(await remindAt(session.id, at("2031-01-14", "18:00"))).toEqual([]);
    expect(await remindAt(session.id, at("2031-01-15", "11:59"))).toEqual([]);
    expect(await remindAt(session.id, at("2031-01-15", "12:00"))).toEqual(
      seated.map((id) => [id, "twoHours"]),
    );
    expect(await remindAt(session.id, at("2031-01-15", "13:59"))).toEqual([]);

    const mails = await reminderMails(session.id);
    expect(mails).toHaveLength(4);
    // Nobody on the waiting list hears of it.
    const waiting = registrations.find((r) => r.status === "waitlisted");
    expect(mails.map((m) => m.to_email)).not.toContain(waiting?.email);
    const rows = await db
      .selectFrom("session_reminders")
      .selectAll()
      .where("registration_id", "in", seated)
      .orderBy("kind")
      .orderBy("registration_id")
      .execute();
    expect(rows.map((r) => [r.registration_id, r.kind, r.starts_at])).toEqual([
      ...seated.map((id) => [id, "dayBefore", session.starts_at]),
      ...seated.map((id) => [id, "twoHours", session.starts_at]),
    ]);
  });

  it("at 09:00 local time the day before a session right after the clocks change, both ways", async () => {
    // Sunday 30 March 2031 is the first day of summer time; the day before is still winter time.
    expect(reminderDueTimes(at("2031-03-30", "10:00"))).toEqual({
      dayBefore: "2031-03-29T08:00:00.000Z",
      twoHours: "2031-03-30T06:00:00.000Z",
    });
    // Monday 27 October 2031 follows the night the clocks go back: Sunday is 25 hours long.
    expect(reminderDueTimes(at("2031-10-27", "10:00"))).toEqual({
      dayBefore: "2031-10-26T08:00:00.000Z",
      twoHours: "2031-10-27T07:00:00.000Z",
    });

    const { session, registrations } = await sessionAt("2031-03-30", "10:00");
    const seated = idsOf(registrations);
    // Start − 24 h would be 11:00 on Saturday, and start − 25 h 10:00: both wrong.
    expect(await remindAt(session.id, "2031-03-29T07:59:00.000Z")).toEqual([]);
    expect(await remindAt(session.id, "2031-03-29T08:00:00.000Z")).toEqual(
      seated.map((id) => [id, "dayBefore"]),
    );
    expect(await remindAt(session.id, "2031-03-30T05:59:00.000Z")).toEqual([]);
    expect(await remindAt(session.id, at("2031-03-30", "08:00"))).toEqual(
      seated.map((id) => [id, "twoHours"]),
    );
  });

  it("only for the reminders switched on", async () => {
    const noDayBefore = await sessionAt("2031-02-05", "14:00", { remind_day_before: 0 });
    expect(await remindAt(noDayBefore.session.id, at("2031-02-04", "09:00"))).toEqual([]);
    expect(await remindAt(noDayBefore.session.id, at("2031-02-05", "12:00"))).toEqual(
      idsOf(noDayBefore.registrations).map((id) => [id, "twoHours"]),
    );

    const noTwoHours = await sessionAt("2031-02-12", "14:00", { remind_two_hours: 0 });
    expect(await remindAt(noTwoHours.session.id, at("2031-02-11", "09:00"))).toEqual(
      idsOf(noTwoHours.registrations).map((id) => [id, "dayBefore"]),
    );
    expect(await remindAt(noTwoHours.session.id, at("2031-02-12", "12:00"))).toEqual([]);

    const none = await sessionAt("2031-02-19", "14:00", {
      remind_day_before: 0,
      remind_two_hours: 0,
    });
    for (const now of [at("2031-02-18", "09:00"), at("2031-02-19", "12:30")]) {
      expect(await remindAt(none.session.id, now)).toEqual([]);
    }
    expect(await reminderMails(none.session.id)).toEqual([]);
  });

  it("never for a cancelled session", async () => {
    const { session } = await sessionAt("2031-02-26", "14:00");
    await db
      .updateTable("sessions")
      .set({ status: "cancelled" })
      .where("id", "=", session.id)
      .execute();
    for (const now of [at("2031-02-25", "09:00"), at("2031-02-26", "12:00")]) {
      expect(await remindAt(session.id, now)).toEqual([]);
    }
    expect(await reminderMails(session.id)).toEqual([]);
  });

  it("never for someone who cancelled or is still waiting; the person promoted before gets it", async () => {
    const { session, registrations } = await sessionAt("2031-03-05", "14:00", {
      people: 4,
      capacity: 2,
    });
    const [first, second, third, fourth] = registrations;
    // The first gives up their seat the evening before the reminder: the third moves up.
    await cancelRegistration(await manageTokenOf(first?.id), { now: at("2031-03-03", "20:00") });
    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "cancelled",
      "confirmed",
      "confirmed",
      "waitlisted",
    ]);
    expect(await remindAt(session.id, at("2031-03-04", "09:00"))).toEqual([
      [second?.id, "dayBefore"],
      [third?.id, "dayBefore"],
    ]);
    const to = (await reminderMails(session.id)).map((m) => m.to_email);
    expect(to).not.toContain(first?.email);
    expect(to).not.toContain(fourth?.email);
  });

  it("never at or after the start, even when nothing went before", async () => {
    const { session } = await sessionAt("2031-03-12", "14:00");
    for (const now of [at("2031-03-12", "14:00"), at("2031-03-12", "14:01")]) {
      expect(await remindAt(session.id, now)).toEqual([]);
    }
    expect(await reminderMails(session.id)).toEqual([]);
  });

  it("not as a catch-up for someone who got their seat after it was due", async () => {
    const { session, registrations } = await sessionAt("2031-03-19", "14:00", {
      people: 2,
      capacity: 1,
    });
    const [first, second] = registrations;
    expect(await remindAt(session.id, at("2031-03-18", "09:00"))).toEqual([
      [first?.id, "dayBefore"],
    ]);
    // At 10:00 the first gives up their seat; the second gets it, with a confirmation.
    await cancelRegistration(await manageTokenOf(first?.id), { now: at("2031-03-18", "10:00") });
    expect(await remindAt(session.id, at("2031-03-18", "10:01"))).toEqual([]);
    // The two-hour reminder was due after they got their seat: they get that one.
    expect(await remindAt(session.id, at("2031-03-19", "12:00"))).toEqual([
      [second?.id, "twoHours"],
    ]);
  });

  it("skips a day-before reminder that was missed until the two-hour one was due", async () => {
    const { session, registrations } = await sessionAt("2031-04-02", "14:00");
    // The workers were down from before 09:00 the day before until 12:30 on the day.
    expect(await remindAt(session.id, at("2031-04-02", "12:30"))).toEqual(
      idsOf(registrations).map((id) => [id, "twoHours"]),
    );
    expect(await remindAt(session.id, at("2031-04-02", "12:31"))).toEqual([]);
    const kinds = (await reminderMails(session.id)).map((m) => JSON.parse(m.data ?? "{}").reminder);
    expect(kinds).toEqual(["twoHours", "twoHours"]);
  });

  it("again for the new start of a session that moved", async () => {
    const { session, registrations } = await sessionAt("2031-04-09", "14:00");
    const seated = idsOf(registrations);
    expect(await remindAt(session.id, at("2031-04-08", "09:00"))).toEqual(
      seated.map((id) => [id, "dayBefore"]),
    );
    // Moved a week later: the reminders of the new date are due at their own time.
    await db
      .updateTable("sessions")
      .set({ starts_at: at("2031-04-16", "14:00"), ends_at: at("2031-04-16", "15:30") })
      .where("id", "=", session.id)
      .execute();
    expect(await remindAt(session.id, at("2031-04-09", "12:00"))).toEqual([]);
    expect(await remindAt(session.id, at("2031-04-15", "09:00"))).toEqual(
      seated.map((id) => [id, "dayBefore"]),
    );
    expect(await reminderMails(session.id)).toHaveLength(4);
  });

  it("exactly once for each person when two workers ask at the same moment", async () => {
    const { session, registrations } = await sessionAt("2031-04-23", "14:00", { people: 5 });
    const now = at("2031-04-22", "09:00");
    const [one, two] = await Promise.all([queueDueReminders({ now }), queueDueReminders({ now })]);
    const queued = [...one, ...two]
      .filter((r) => r.sessionId === session.id)
      .map((r) => r.registrationId)
      .sort((a, b) => a - b);
    expect(queued).toEqual(idsOf(registrations));
    expect(await reminderMails(session.id)).toHaveLength(5);
  });
});

describe("the reminder mail", () => {
  it("gives the day, time and place, how check-in works and a working link to give the seat up", async () => {
    const { session, registrations } = await sessionAt("2031-05-07", "14:00", {
      people: 2,
      capacity: 1,
    });
    const [first, second] = registrations;
    await remindAt(session.id, at("2031-05-06", "09:00"));
    await remindAt(session.id, at("2031-05-07", "12:00"));
    await renderQueuedMail();
    const [dayBefore, twoHours, ...more] = await reminderMails(session.id);
    expect(more).toEqual([]);

    expect(dayBefore).toMatchObject({
      to_email: first?.email,
      subject: "Morgen om 14:00: Ontbijtsessie: subsidies voor je zaak",
      ics: null,
      ics_method: null,
    });
    expect(twoHours?.subject).toBe("Straks om 14:00: Ontbijtsessie: subsidies voor je zaak");
    const text = dayBefore?.text ?? "";
    expect(text).toContain(
      "Tot morgen! We verwachten je om 14:00 in Stadhuis Leuven, Grote Markt 9, 3000 Leuven.",
    );
    expect(text).toMatch(/woensdag 7 mei 2031/);
    expect(text).toContain(t("email.sessionReminder.checkIn"));
    expect(dayBefore?.html).toContain("/qr.png");
    expect(text).toContain(
      "Kan je niet komen? Geef je plaats vrij, dan schuift de eerste op de wachtlijst door.",
    );
    // One offer to give the seat back, not the reminder's and the usual one both.
    expect(text).not.toContain(t("email.cantCome"));
    expect(dayBefore?.html.match(/\?annuleren/g)).toHaveLength(1);
    const link = /https?:\/\/[^/"\s]+(\/inschrijving\/[^"?\s]+\?annuleren)/.exec(
      dayBefore?.html ?? "",
    )?.[1];
    if (!link) throw new Error("no cancel link in the reminder");

    const page = await send(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(t("manage.confirmTitle"));
    expect(html).toContain(first?.name ?? "?");
    const cancelled = await send(link.replace("?annuleren", ""), { form: { intent: "cancel" } });
    expect(cancelled.status).toBe(302);
    // The seat went to the first on the waiting list.
    expect((await registrationsOf(session.id)).map((r) => [r.id, r.status])).toEqual([
      [first?.id, "cancelled"],
      [second?.id, "confirmed"],
    ]);
  });

  it("are named on the session's page in the workspace, as they are set", async () => {
    const cookie = await signedIn("admin");
    const both = await createSession();
    const dayBeforeOnly = await createSession({ remind_two_hours: 0 });
    const page = async (id: number) => (await send(`/beheer/sessies/${id}`, { cookie })).text();
    expect(await page(both.id)).toContain(
      "Herinneringen: de dag voordien om 09:00 en 2 uur vooraf.",
    );
    expect(await page(dayBeforeOnly.id)).toContain("Herinnering: de dag voordien om 09:00.");
  });

  it("is labelled on the organisers' dashboard, and the settings read as a sentence", () => {
    expect(t("mailKind.session.reminder")).toBe("Herinnering voor een sessie");
    const settings = (dayBefore: string, twoHours: string) =>
      t("reminders.settings", { dayBefore, twoHours });
    expect(settings("on", "on")).toBe("Herinneringen: de dag voordien om 09:00 en 2 uur vooraf.");
    expect(settings("on", "off")).toBe("Herinnering: de dag voordien om 09:00.");
    expect(settings("off", "on")).toBe("Herinnering: 2 uur vooraf.");
    expect(settings("off", "off")).toBe("Geen herinneringen.");
    // The two moments, as Brussels shows them.
    const due = reminderDueTimes(at("2031-05-07", "14:00"));
    expect(DateTime.fromISO(due.dayBefore, { zone: TIME_ZONE }).toFormat("yyyy-LL-dd HH:mm")).toBe(
      "2031-05-06 09:00",
    );
  });
});
