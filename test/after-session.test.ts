import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, i18n } from "../app/i18n";
import { queueDueFollowUps } from "../app/models/after-session.server";
import { anonymiseRegistration } from "../app/models/personal-data.server";
import { signUp } from "../app/models/registration.server";
import { sessionFormValues } from "../app/models/session-editing.server";
import { database } from "../db/client";
import type { Registration } from "../db/schema";
import { writeTransaction } from "../db/transaction";
import { createSession, person, registrationsOf } from "./support/factories";
import { send } from "./support/http";
import { signedIn, signedInForCity } from "./support/organisers";
import {
  at,
  endedSession,
  followUpMails,
  followUpsAt,
  plus,
  surveyedSession,
  surveyPathIn,
} from "./support/surveys";
import { manageTokenOf } from "./support/tokens";

/**
 * After a session: the thank-you with its survey to those who came and the "we missed you" to
 * those who had a seat and did not, with the clock moved (queueDueFollowUps({ now }) is what the
 * worker runs each round); then the survey and its results over real HTTP against the built
 * app. Every session is on a day of its own, far enough from the others that no other test's
 * session is due at the moments one asks about.
 */

const { db } = database();
const { t } = i18n(DEFAULT_LOCALE);
const MINUTE = 60_000;

const seatedIds = (registrations: Registration[]) =>
  registrations.filter((r) => r.status === "confirmed").map((r) => r.id);

const responsesOf = (sessionId: number) =>
  db
    .selectFrom("survey_responses")
    .selectAll()
    .where("session_id", "=", sessionId)
    .orderBy("id")
    .execute();

const answer = (path: string, form: Record<string, string>) => send(path, { form });

describe("after the end of a session", () => {
  it("thanks those checked in with a survey and misses the no-shows, each once, with two workers", async () => {
    const { session, endsAt, registrations } = await endedSession("2032-02-04", {
      people: 5,
      capacity: 4,
      came: [0, 2],
    });
    const seated = seatedIds(registrations);
    expect(seated).toHaveLength(4);
    const [first, second, third, fourth] = registrations;

    expect(await followUpsAt(session.id, endsAt)).toEqual([]);
    expect(await followUpsAt(session.id, plus(endsAt, 119))).toEqual([]);
    const now = plus(endsAt, 120);
    const [one, two] = await Promise.all([queueDueFollowUps({ now }), queueDueFollowUps({ now })]);
    const queued = [...one, ...two]
      .filter((f) => f.sessionId === session.id)
      .map((f) => [f.registrationId, f.kind])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(queued).toEqual([
      [first?.id, "thankYou"],
      [second?.id, "missedYou"],
      [third?.id, "thankYou"],
      [fourth?.id, "missedYou"],
    ]);
    // Later rounds send nothing more.
    expect(await followUpsAt(session.id, plus(endsAt, 180))).toEqual([]);
    expect(await followUpsAt(session.id, plus(endsAt, 3 * 24 * 60))).toEqual([]);

    const mails = await followUpMails(session.id);
    expect(mails.map((m) => [m.to_email, m.kind])).toEqual([
      [first?.email, "session.thankYou"],
      [second?.email, "session.missedYou"],
      [third?.email, "session.thankYou"],
      [fourth?.email, "session.missedYou"],
    ]);
    // The person on the waiting list hears nothing.
    const waiting = registrations.find((r) => r.status === "waitlisted");
    expect(mails.map((m) => m.to_email)).not.toContain(waiting?.email);

    const thanks = mails[0];
    expect(thanks?.subject).toBe(`Bedankt voor je komst: ${session.title}`);
    expect(thanks?.ics).toBeNull();
    surveyPathIn(thanks?.text ?? "");
    // Those who came were checked in: their certificate is one click away, under their own link.
    expect(thanks?.text).toMatch(/https?:\/\/[^/\s]+\/inschrijving\/[\w-]+\/certificaat\.pdf/);
    // Over: no check-in code, no seat to give back.
    expect(thanks?.html).not.toContain("/qr.png");
    expect(thanks?.html).not.toContain("?annuleren");
    const missed = mails[1];
    expect(missed?.subject).toBe(`We hebben je gemist: ${session.title}`);
    expect(missed?.text).not.toContain("/enquete/");
    expect(missed?.text).not.toContain("certificaat");
    expect(missed?.html).not.toContain("?annuleren");
  });

  it("lists in the 'we missed you' the next three listed sessions of the same city and kind", async () => {
    const { session, endsAt, registrations } = await endedSession("2032-02-18", {
      people: 1,
      came: [],
      kind: "forum",
    });
    const later = (date: string, fields: Parameters<typeof createSession>[0] = {}) =>
      createSession({
        city_id: session.city_id,
        kind: "forum",
        starts_at: at(date, "10:00"),
        ends_at: at(date, "11:00"),
        ...fields,
      });
    const fourth = await later("2032-05-01", { title: "Vierde forum" });
    const first = await later("2032-03-01", { title: "Eerste forum" });
    await later("2032-03-05", { title: "Geannuleerd forum", status: "cancelled" });
    await later("2032-03-06", { title: "Verborgen forum", unlisted: 1 });
    await later("2032-03-07", { title: "Een ontbijt", kind: "breakfast" });
    const second = await later("2032-03-10", { title: "Tweede forum" });
    const third = await later("2032-04-01", { title: "Derde forum" });

    expect(await followUpsAt(session.id, plus(endsAt, 120))).toEqual([
      [registrations[0]?.id, "missedYou"],
    ]);
    const [mail] = await followUpMails(session.id);
    const text = mail?.text ?? "";
    const shown = [first, second, third, fourth].filter((s) => text.includes(s.title));
    expect(shown.map((s) => s.title)).toEqual(["Eerste forum", "Tweede forum", "Derde forum"]);
    expect(text.indexOf("Eerste forum")).toBeLessThan(text.indexOf("Tweede forum"));
    expect(text).toContain(`/sessies/${first.slug}`);
    for (const hidden of ["Geannuleerd forum", "Verborgen forum", "Een ontbijt"]) {
      expect(text).not.toContain(hidden);
    }
  });

  it("writes in the person's language", async () => {
    const { session, endsAt } = await endedSession("2032-02-25", { people: 0, came: [] });
    for (const [n, locale] of [
      [1, "fr-BE"],
      [2, "en-BE"],
    ] as const) {
      await signUp(session.slug, person(900 + n, { email: `taal-${n}@example.org` }), {
        locale,
        now: plus(session.starts_at, -60),
      });
    }
    const [fr] = await registrationsOf(session.id);
    await db
      .updateTable("registrations")
      .set({ checked_in_at: session.starts_at })
      .where("id", "=", fr?.id ?? 0)
      .execute();
    await followUpsAt(session.id, plus(endsAt, 120));
    const mails = await followUpMails(session.id);
    expect(mails.map((m) => m.subject)).toEqual([
      `Merci d’être venu·e : ${session.title}`,
      `We missed you: ${session.title}`,
    ]);
    expect(mails[0]?.text).toContain("/fr/enquete/");
  });

  it("waits the session's own number of hours", async () => {
    const { session, endsAt, registrations } = await endedSession("2032-03-03", {
      people: 1,
      came: [0],
      follow_up_hours: 24,
    });
    expect(await followUpsAt(session.id, plus(endsAt, 24 * 60 - 1))).toEqual([]);
    expect(await followUpsAt(session.id, plus(endsAt, 24 * 60))).toEqual([
      [registrations[0]?.id, "thankYou"],
    ]);
  });

  it("sends nothing for a cancelled session", async () => {
    const { session, endsAt } = await endedSession("2032-03-10", { status: "cancelled" });
    expect(await followUpsAt(session.id, plus(endsAt, 120))).toEqual([]);
    expect(await followUpMails(session.id)).toEqual([]);
  });

  it("sends a mail whose switch is off to no one", async () => {
    const thanksOff = await endedSession("2032-03-17", { send_thank_you: 0 });
    const [, , third, fourth] = thanksOff.registrations;
    expect(await followUpsAt(thanksOff.session.id, plus(thanksOff.endsAt, 120))).toEqual([
      [third?.id, "missedYou"],
      [fourth?.id, "missedYou"],
    ]);
    const missedOff = await endedSession("2032-03-24", { send_missed_you: 0 });
    const [first, second] = missedOff.registrations;
    expect(await followUpsAt(missedOff.session.id, plus(missedOff.endsAt, 120))).toEqual([
      [first?.id, "thankYou"],
      [second?.id, "thankYou"],
    ]);
    const bothOff = await endedSession("2032-03-31", { send_thank_you: 0, send_missed_you: 0 });
    expect(await followUpsAt(bothOff.session.id, plus(bothOff.endsAt, 120))).toEqual([]);
    expect(await followUpMails(bothOff.session.id)).toEqual([]);
    // Nor when it is switched on again long after: a week past its moment, nothing is caught up.
    await db
      .updateTable("sessions")
      .set({ send_thank_you: 1, send_missed_you: 1 })
      .where("id", "=", bothOff.session.id)
      .execute();
    expect(await followUpsAt(bothOff.session.id, plus(bothOff.endsAt, 8 * 24 * 60))).toEqual([]);
  });
});

describe("the survey", () => {
  it("opens from the link without an account, as a form that works without JavaScript", async () => {
    const { paths, session } = await surveyedSession("2032-04-07", [0]);
    const page = await send(paths[0] ?? "");
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toMatch(/no-store/);
    const html = await page.text();
    expect(html).toContain(session.title);
    expect(html).toMatch(/<form[^>]*method="post"/);
    expect(html).toContain(`<legend>${t("survey.rating.legend")}</legend>`);
    expect(html).toContain(`<legend>${t("survey.useful.legend")}</legend>`);
    expect(
      html.match(/type="radio"[^>]*name="rating"|name="rating"[^>]*type="radio"/g),
    ).toHaveLength(5);
    // A survey link opens nothing else, and no other link opens the survey.
    const token = (paths[0] ?? "").split("/").pop() ?? "";
    expect((await send(`/inschrijving/${token}`)).status).toBe(404);
    const [registration] = await registrationsOf(session.id);
    expect((await send(`/enquete/${await manageTokenOf(registration?.id)}`)).status).toBe(404);
    expect((await send("/enquete/onbekend-123")).status).toBe(404);
  });

  it("refuses bad answers with a 400 and a message per question, and stores nothing", async () => {
    const { paths, session } = await surveyedSession("2032-04-14", [0]);
    const path = paths[0] ?? "";
    const refused = await answer(path, {
      rating: "9",
      comment: "x".repeat(1001),
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain(t("survey.errors.rating.required"));
    expect(html).toContain(t("survey.errors.useful.required"));
    expect(html).toContain(t("survey.errors.comment.tooLong", { max: 1000 }));
    expect(await responsesOf(session.id)).toEqual([]);
    const [registration] = await registrationsOf(session.id);
    expect(registration?.survey_answered).toBe(0);
  });

  it("is answered once: the answer is stored without the person, a second one keeps the first", async () => {
    const { paths, session, registrations } = await surveyedSession("2032-04-21", [0]);
    const path = paths[0] ?? "";
    const first = await answer(path, { rating: "4", useful: "somewhat", comment: "Nuttig!" });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain(t("survey.thanks.title"));

    const second = await answer(path, { rating: "1", useful: "no", comment: "Anders" });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain(t("survey.answered.body"));
    const again = await send(path);
    expect(again.status).toBe(200);
    const html = await again.text();
    expect(html).toContain(t("survey.answered.title"));
    expect(html).not.toMatch(/name="rating"/);

    const stored = await responsesOf(session.id);
    expect(stored).toEqual([
      {
        id: expect.any(Number),
        session_id: session.id,
        rating: 4,
        useful: "somewhat",
        comment: "Nuttig!",
      },
    ]);
    // Nothing in the answer leads to the person: its columns are these and no more.
    expect(Object.keys(stored[0] ?? {}).sort()).toEqual([
      "comment",
      "id",
      "rating",
      "session_id",
      "useful",
    ]);
    const registration = (await registrationsOf(session.id)).find(
      (r) => r.id === registrations[0]?.id,
    );
    expect(registration?.survey_answered).toBe(1);
  });

  it("takes exactly one of two answers posted at the same moment", async () => {
    const { paths, session } = await surveyedSession("2032-04-28", [0]);
    const path = paths[0] ?? "";
    const answers = await Promise.all([
      answer(path, { rating: "5", useful: "yes" }),
      answer(path, { rating: "2", useful: "no" }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const stored = await responsesOf(session.id);
    expect(stored).toHaveLength(1);
    const winner = answers[0]?.status === 200 ? 5 : 2;
    expect(stored[0]?.rating).toBe(winner);
  });

  it("closes 14 days after the mail, with a clear message", async () => {
    const { paths, session, registrations } = await surveyedSession("2032-05-05", [0]);
    const path = paths[0] ?? "";
    // The mail went fifteen days ago.
    await db
      .updateTable("registration_tokens")
      .set({ created_at: new Date(Date.now() - 15 * 24 * 60 * MINUTE).toISOString() })
      .where("registration_id", "=", registrations[0]?.id ?? 0)
      .where("purpose", "=", "survey")
      .execute();
    const page = await send(path);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain(t("survey.closed.body"));
    const posted = await answer(path, { rating: "5", useful: "yes" });
    expect(posted.status).toBe(410);
    expect(await responsesOf(session.id)).toEqual([]);
  });

  it("leads to no one once the person is anonymised; the answers stay", async () => {
    const { paths, session, registrations } = await surveyedSession("2032-05-12", [0, 1]);
    expect((await answer(paths[0] ?? "", { rating: "3", useful: "yes" })).status).toBe(200);
    await writeTransaction((trx) =>
      anonymiseRegistration(trx, registrations[1]?.id ?? 0, new Date().toISOString()),
    );
    await writeTransaction((trx) =>
      anonymiseRegistration(trx, registrations[0]?.id ?? 0, new Date().toISOString()),
    );
    const erased = await send(paths[1] ?? "");
    expect(erased.status).toBe(410);
    expect(await erased.text()).toContain(t("survey.erased.body"));
    expect(await responsesOf(session.id)).toHaveLength(1);
  });
});

describe("the survey's results", () => {
  it("give the count alone below three answers, then the figures, and never a name", async () => {
    const { paths, session, registrations } = await surveyedSession("2032-05-19", [0, 1, 2, 3]);
    const organiser = await signedInForCity(session.city_id);
    const resultsPath = `/beheer/sessies/${session.id}/enquete`;
    await answer(paths[0] ?? "", { rating: "5", useful: "yes", comment: "Heel goed" });
    await answer(paths[1] ?? "", { rating: "3", useful: "somewhat" });

    const few = await send(resultsPath, { cookie: organiser });
    expect(few.status).toBe(200);
    const fewHtml = await few.text();
    expect(fewHtml).toContain("2 antwoorden op 4 verstuurde enquêtes.");
    expect(fewHtml).toContain(t("survey.results.tooFew", { min: 3 }));
    expect(fewHtml).not.toContain("<table");
    expect(fewHtml).not.toContain("Heel goed");
    expect(fewHtml).not.toContain("Gemiddeld");
    const noFile = await send(`${resultsPath}.csv?formaat=csv`, { cookie: organiser });
    expect(noFile.status).toBe(404);

    await answer(paths[2] ?? "", { rating: "4", useful: "no", comment: "Te kort" });
    const page = await send(resultsPath, { cookie: organiser });
    const html = await page.text();
    expect(html).toContain("3 antwoorden op 4 verstuurde enquêtes.");
    expect(html).toContain("Respons: 75 %.");
    expect(html).toContain("Gemiddeld 4.0 op 5.");
    expect(html).toContain(t("survey.results.ratingCaption"));
    expect(html).toContain("Heel goed");
    expect(html).toContain("Te kort");
    for (const registration of registrations) {
      expect(html).not.toContain(registration.name);
      expect(html).not.toContain(registration.email);
    }
    // Another city's organiser does not learn the session exists.
    const stranger = await signedIn("organiser", { citySlugs: [] });
    expect((await send(resultsPath, { cookie: stranger })).status).toBe(404);
    expect((await send(resultsPath)).status).toBe(302);
  });

  it("download without names, with formulas neutralised, and each download is logged", async () => {
    const { paths, session, registrations } = await surveyedSession("2032-05-26", [0, 1, 2]);
    const organiser = await signedInForCity(session.city_id);
    await answer(paths[0] ?? "", {
      rating: "5",
      useful: "yes",
      comment: '=HYPERLINK("http://x.invalid")',
    });
    await answer(paths[1] ?? "", { rating: "2", useful: "no", comment: "Goed\n+32 16 00 00 00" });
    await answer(paths[2] ?? "", { rating: "4", useful: "somewhat" });

    const file = await send(`/beheer/sessies/${session.id}/enquete.csv?formaat=csv`, {
      cookie: organiser,
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toMatch(/text\/csv/);
    const csv = (await file.text()).replace(/^\uFEFF/, "");
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Score;Nuttig;Opmerking");
    expect(csv).toContain(`"'=HYPERLINK(""http://x.invalid"")"`);
    expect(csv).toContain("'+32 16 00 00 00");
    expect(csv).not.toMatch(/(^|;)=/m);
    for (const registration of registrations) {
      expect(csv).not.toContain(registration.name);
      expect(csv).not.toContain(registration.email);
    }
    const logged = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "survey.export")
      .where("subject_id", "=", session.id)
      .execute();
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]?.details ?? "{}")).toEqual({ answers: 3 });
  });
});

describe("the session form", () => {
  it("keeps the settings after the end, and refuses hours out of range with a message", async () => {
    const session = await createSession({
      starts_at: at("2032-06-02", "14:00"),
      ends_at: at("2032-06-02", "16:00"),
    });
    const organiser = await signedInForCity(session.city_id);
    const values = await sessionFormValues(session.id);
    if (!values) throw new Error("no form");
    expect(values).toMatchObject({ sendThankYou: "on", sendMissedYou: "on", followUpHours: "2" });
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) {
      if (Array.isArray(value)) for (const item of value) form.append(name, item);
      else if (value) form.append(name, value);
    }
    const path = `/beheer/sessies/${session.id}/bewerken`;
    form.set("followUpHours", "73");
    const refused = await send(path, { cookie: organiser, form });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      t("sessionForm.errors.followUpHours.invalid", { min: 0, max: 72 }),
    );
    form.set("followUpHours", "6");
    form.delete("sendMissedYou");
    const saved = await send(path, { cookie: organiser, form });
    expect(saved.status).toBe(302);
    const stored = await db
      .selectFrom("sessions")
      .select(["send_thank_you", "send_missed_you", "follow_up_hours"])
      .where("id", "=", session.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ send_thank_you: 1, send_missed_you: 0, follow_up_hours: 6 });
  });
});
