import { beforeAll, describe, expect, it } from "vitest";
import { applyRetention } from "../app/models/personal-data.server";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import type { NewSession } from "../db/schema";
import {
  addQuestions,
  createSession,
  person,
  registrationsOf,
  renderQueuedMail,
} from "./support/factories";
import { dataPath, send } from "./support/http";
import { signedInOrganiser, signInOverHttp, TEST_PASSWORD } from "./support/organisers";
import { checkinCodeOf } from "./support/tokens";

/**
 * A volunteer at the door, over HTTP against the built app: an organiser invites them, they
 * choose a password from the mail, and see the names and check-in state of their session only,
 * until their access ends by itself after the session or the organiser ends it.
 */

const HOUR = 3_600_000;
const VOLUNTEER_PASSWORD = "aan-de-deur-van-de-zaal";
/** The attendees' particulars a door volunteer must never get: addresses, organisations, answers. */
const HIDDEN = ["@example.org", "Bakkerij Deurmat", "Drukkerij Deurklink", "Vegetarisch"];

let organiserCookie = "";
let cityA = "";
let cityB = "";

async function citySlugOf(cityId: number) {
  const city = await database()
    .db.selectFrom("cities")
    .select("slug")
    .where("id", "=", cityId)
    .executeTakeFirstOrThrow();
  return city.slug;
}

/** A session in the city of the organiser's first session (city A) unless told otherwise. */
async function sessionIn(city: "A" | "B" | "elsewhere", fields: Partial<NewSession> = {}) {
  const session = await createSession(fields);
  if (city !== "elsewhere") {
    const slug = city === "A" ? cityA : cityB;
    const { id } = await database()
      .db.selectFrom("cities")
      .select("id")
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();
    await database()
      .db.updateTable("sessions")
      .set({ city_id: id })
      .where("id", "=", session.id)
      .execute();
  }
  return session;
}

/** The organiser invites someone at the door of a session, over HTTP. */
function invite(sessionId: number, form: Record<string, string>, cookie = organiserCookie) {
  return send(`/beheer/sessies/${sessionId}/deur`, {
    form: { intent: "invite", reach: "session", ...form },
    cookie,
  });
}

/** The link of the newest mail to an address, the way the volunteer clicks it. */
async function passwordLinkOf(email: string) {
  await renderQueuedMail();
  const mail = await database()
    .db.selectFrom("outbox")
    .select(["subject", "text", "to_email"])
    .where("to_email", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const path = /\/beheer\/wachtwoord\/[\w-]+/.exec(mail.text)?.[0];
  if (!path) throw new Error("the invitation holds no link");
  return { mail, path };
}

/** Invited, password chosen through the mail, signed in: the volunteer's cookie. */
async function volunteerAt(sessionId: number, email: string, reach: "session" | "day" = "session") {
  const invited = await invite(sessionId, { name: `Vrijwilliger ${email}`, email, reach });
  expect(invited.status).toBe(302);
  const { path } = await passwordLinkOf(email);
  const chosen = await send(path, {
    form: { password: VOLUNTEER_PASSWORD, repeat: VOLUNTEER_PASSWORD },
  });
  expect(chosen.status).toBe(302);
  return signInOverHttp(email, VOLUNTEER_PASSWORD);
}

const expectNothingHidden = (body: string) => {
  for (const detail of HIDDEN)
    expect(body, `a door volunteer sees ${detail}`).not.toContain(detail);
};

async function expectSentToSignIn(path: string, cookie: string) {
  const response = await send(path, { cookie });
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toMatch(/^\/beheer\/inloggen\?terug=/);
}

beforeAll(async () => {
  const first = await createSession();
  const second = await createSession();
  cityA = await citySlugOf(first.city_id);
  cityB = await citySlugOf(second.city_id);
  const organiser = await signedInOrganiser({
    email: `deur-organisator-${process.pid}@fixture.test`,
    name: "Organisator van de deur",
    password: TEST_PASSWORD,
    role: "organiser",
    citySlugs: [cityA, cityB],
  });
  organiserCookie = organiser.cookie;
});

describe("a door volunteer", () => {
  it("is invited by mail, signs in, and sees names and check-in state of their session only", async () => {
    const session = await sessionIn("A", { title: "Deursessie met vragen" });
    const other = await sessionIn("B", { title: "Een andere sessie van dezelfde organisator" });
    const [dietary = 0] = await addQuestions(session.id);
    await signUp(
      session.slug,
      person(1, {
        name: "Ans Deurwaarder",
        email: "ans.deur@example.org",
        organisation: "Bakkerij Deurmat",
        answers: [{ questionId: dietary, value: "Vegetarisch" }],
      }),
      { locale: "nl-BE" },
    );
    await signUp(
      session.slug,
      person(2, {
        name: "Bert Klink",
        email: "bert.klink@example.org",
        organisation: "Drukkerij Deurklink",
        answers: [{ questionId: dietary, value: "Vegetarisch" }],
      }),
      { locale: "nl-BE" },
    );
    await signUp(other.slug, person(3, { name: "Cas Elders" }), { locale: "nl-BE" });
    const [ans] = await registrationsOf(session.id);
    const [cas] = await registrationsOf(other.id);
    if (!ans || !cas) throw new Error("the sign-ups made no registrations");

    const email = `deur-${process.pid}@fixture.test`;
    const invited = await invite(session.id, { name: "Dirk Deur", email });
    expect(invited.status).toBe(302);
    const { db } = database();
    const volunteer = await db
      .selectFrom("organisers")
      .select(["id", "role", "door_session_id"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(volunteer).toMatchObject({ role: "door", door_session_id: session.id });
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("subject_type", "=", "organiser")
      .where("subject_id", "=", volunteer.id)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(["organiser.invite"]);
    expect(JSON.parse(String(audit[0]?.details))).toMatchObject({
      role: "door",
      sessionId: session.id,
    });

    const { mail, path } = await passwordLinkOf(email);
    expect(mail.subject).toBe("Je toegang aan de deur voor de Ondernemersagenda");
    expect(mail.text).toContain("Deursessie met vragen");
    const chosen = await send(path, {
      form: { password: VOLUNTEER_PASSWORD, repeat: VOLUNTEER_PASSWORD },
    });
    expect(chosen.status).toBe(302);
    const cookie = await signInOverHttp(email, VOLUNTEER_PASSWORD);

    // Their start: their session's check-in, nothing of the dashboard.
    const start = await send("/beheer", { cookie });
    expect(start.status).toBe(200);
    const startPage = await start.text();
    expect(startPage).toContain(`/beheer/sessies/${session.id}/inchecken`);
    expect(startPage).not.toContain(other.title);
    expect(startPage).not.toContain("/beheer/export");

    const list = `/beheer/sessies/${session.id}/inchecken`;
    const page = await send(list, { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Ans Deurwaarder");
    expect(html).toContain("Bert Klink");
    expectNothingHidden(html);
    expect(html).not.toContain(`/beheer/sessies/${session.id}"`);
    const pageData = await send(dataPath(list), { cookie });
    expect(pageData.status).toBe(200);
    const dataBody = await pageData.text();
    expect(dataBody).toContain("Ans Deurwaarder");
    expectNothingHidden(dataBody);

    // A tap marks Ans present, by the volunteer's account.
    const tapped = await send(list, {
      form: { registrationId: String(ans.id), present: "true" },
      cookie,
    });
    expect(tapped.status).toBe(302);
    const checked = await db
      .selectFrom("registrations")
      .select("checked_in_at")
      .where("id", "=", ans.id)
      .executeTakeFirstOrThrow();
    expect(checked.checked_in_at).not.toBeNull();
    const checkInAudit = await db
      .selectFrom("audit_log")
      .select("organiser_id")
      .where("action", "=", "registration.checkIn")
      .where("subject_id", "=", ans.id)
      .executeTakeFirstOrThrow();
    expect(checkInAudit.organiser_id).toBe(volunteer.id);

    // The QR code of someone at their session opens that person's check-in, name only.
    const scan = await send(`/beheer/inchecken/${await checkinCodeOf(ans.id)}`, { cookie });
    expect(scan.status).toBe(200);
    const scanned = await scan.text();
    expect(scanned).toContain("Ans Deurwaarder");
    expectNothingHidden(scanned);

    // Another session of the same organiser, its attendee's QR code, and every other page.
    expect((await send(`/beheer/sessies/${other.id}/inchecken`, { cookie })).status).toBe(404);
    expect(
      (await send(`/beheer/inchecken/${await checkinCodeOf(cas.id)}`, { cookie })).status,
    ).toBe(404);
    expect(
      (
        await send(`/beheer/sessies/${other.id}/inchecken`, {
          form: { registrationId: String(cas.id), present: "true" },
          cookie,
        })
      ).status,
    ).toBe(404);
    for (const forbidden of [
      `/beheer/sessies/${session.id}`,
      `/beheer/sessies/${session.id}/export?formaat=csv`,
      `/beheer/sessies/${session.id}/bericht`,
      `/beheer/sessies/${session.id}/bewerken`,
      `/beheer/sessies/${session.id}/enquete`,
      `/beheer/sessies/${session.id}/deur`,
      "/beheer/export",
      `/beheer/export/download?stad=${session.city_id}&formaat=csv`,
      "/beheer/sessies/nieuw",
      "/beheer/organisatoren",
      "/beheer/logboek",
    ]) {
      const refused = await send(forbidden, { cookie });
      expect(refused.status, forbidden).toBe(403);
      expectNothingHidden(await refused.text());
    }
    // Nor can they give door access themselves.
    expect(
      (await invite(session.id, { name: "Nog iemand", email: "nog@fixture.test" }, cookie)).status,
    ).toBe(403);

    // The session ended more than two hours ago: the cookie opens nothing, signing in is refused.
    await db
      .updateTable("sessions")
      .set({
        starts_at: new Date(Date.now() - 5 * HOUR).toISOString(),
        ends_at: new Date(Date.now() - 2 * HOUR - 60_000).toISOString(),
      })
      .where("id", "=", session.id)
      .execute();
    await expectSentToSignIn(list, cookie);
    await expectSentToSignIn("/beheer", cookie);
    const late = await send("/beheer/inloggen", {
      form: { email, password: VOLUNTEER_PASSWORD, terug: "/beheer" },
    });
    expect(late.status).toBe(403);
    expect(late.headers.get("Set-Cookie") ?? "").not.toContain("oa_session=");
    expect(await late.text()).toContain("Je toegang als vrijwilliger aan de deur is voorbij");
    // A wrong password still says only that it is wrong.
    const wrong = await send("/beheer/inloggen", {
      form: { email, password: "niet-het-wachtwoord", terug: "/beheer" },
    });
    expect(wrong.status).toBe(401);
  });

  it("for a whole day sees every session that day the organiser manages, and no other", async () => {
    const day = new Date(Date.now() + 10 * 24 * HOUR);
    day.setUTCHours(8, 0, 0, 0);
    const at = (hours: number) => ({
      starts_at: new Date(day.getTime() + hours * HOUR).toISOString(),
      ends_at: new Date(day.getTime() + (hours + 1) * HOUR).toISOString(),
    });
    const morning = await sessionIn("A", { ...at(0), title: "Ochtend aan de deur" });
    const afternoon = await sessionIn("B", { ...at(5), title: "Middag aan de deur" });
    const notTheirs = await sessionIn("elsewhere", {
      ...at(2),
      title: "Een stad van iemand anders",
    });
    const nextDay = await sessionIn("A", { ...at(24), title: "De dag erna" });
    const cookie = await volunteerAt(morning.id, `dag-${process.pid}@fixture.test`, "day");

    const start = await (await send("/beheer", { cookie })).text();
    expect(start).toContain("Ochtend aan de deur");
    expect(start).toContain("Middag aan de deur");
    expect(start).not.toContain("Een stad van iemand anders");
    expect(start).not.toContain("De dag erna");
    for (const open of [morning, afternoon]) {
      expect((await send(`/beheer/sessies/${open.id}/inchecken`, { cookie })).status).toBe(200);
    }
    for (const closed of [notTheirs, nextDay]) {
      expect((await send(`/beheer/sessies/${closed.id}/inchecken`, { cookie })).status).toBe(404);
    }
  });

  it("can have their access ended early by an organiser of the session", async () => {
    const session = await sessionIn("A", { title: "Vroeg gedaan aan de deur" });
    const email = `vroeg-${process.pid}@fixture.test`;
    const cookie = await volunteerAt(session.id, email);
    const list = `/beheer/sessies/${session.id}/inchecken`;
    expect((await send(list, { cookie })).status).toBe(200);

    const doorPage = await (
      await send(`/beheer/sessies/${session.id}/deur`, { cookie: organiserCookie })
    ).text();
    expect(doorPage).toContain(`Vrijwilliger ${email}`);
    const { id } = await database()
      .db.selectFrom("organisers")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    // From another session's page, the account is not one to end.
    const other = await sessionIn("A");
    const elsewhere = await send(`/beheer/sessies/${other.id}/deur`, {
      form: { intent: "end", volunteerId: String(id) },
      cookie: organiserCookie,
    });
    expect(elsewhere.status).toBe(404);
    expect((await send(list, { cookie })).status).toBe(200);

    const ended = await send(`/beheer/sessies/${session.id}/deur`, {
      form: { intent: "end", volunteerId: String(id) },
      cookie: organiserCookie,
    });
    expect(ended.status).toBe(302);
    await expectSentToSignIn(list, cookie);
    const again = await send("/beheer/inloggen", {
      form: { email, password: VOLUNTEER_PASSWORD, terug: "/beheer" },
    });
    expect(again.status).toBe(401);
    const audit = await database()
      .db.selectFrom("audit_log")
      .select("action")
      .where("subject_type", "=", "organiser")
      .where("subject_id", "=", id)
      .orderBy("id")
      .execute();
    expect(audit.map((entry) => entry.action)).toContain("organiser.remove");
    const list2 = await (
      await send(`/beheer/sessies/${session.id}/deur`, { cookie: organiserCookie })
    ).text();
    expect(list2).not.toContain(`Vrijwilliger ${email}`);
  });

  it("is not invited without a name, with an address already in use, or after the session", async () => {
    const session = await sessionIn("A");
    const count = async () =>
      (
        await database()
          .db.selectFrom("organisers")
          .select(({ fn }) => fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    const before = Number(await count());
    const noName = await invite(session.id, { name: "", email: "zonder-naam@fixture.test" });
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain("Vul een naam in.");
    const taken = await invite(session.id, {
      name: "Dubbel",
      email: `deur-organisator-${process.pid}@fixture.test`,
    });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Met dit adres bestaat al een account.");
    const past = await sessionIn("A", {
      starts_at: new Date(Date.now() - 6 * HOUR).toISOString(),
      ends_at: new Date(Date.now() - 3 * HOUR).toISOString(),
    });
    const over = await invite(past.id, { name: "Te laat", email: "te-laat@fixture.test" });
    expect(over.status).toBe(409);
    expect(await over.text()).toContain("Deze sessie is voorbij");
    const elsewhere = await sessionIn("elsewhere");
    const outOfScope = await invite(elsewhere.id, { name: "Buiten", email: "buiten@fixture.test" });
    expect(outOfScope.status).toBe(404);
    expect(Number(await count())).toBe(before);
  });

  // Last: the run also ends every open sign-in that expires within the month it skips.
  it("has their account closed by the retention run a month after the session", async () => {
    const session = await sessionIn("A", { title: "Lang geleden aan de deur" });
    const email = `maand-${process.pid}@fixture.test`;
    await volunteerAt(session.id, email);
    const { db } = database();
    await db
      .updateTable("sessions")
      .set({
        starts_at: new Date(Date.now() - 5 * HOUR).toISOString(),
        ends_at: new Date(Date.now() - 3 * HOUR).toISOString(),
      })
      .where("id", "=", session.id)
      .execute();
    const account = () =>
      db
        .selectFrom("organisers")
        .select(["id", "email", "removed_at"])
        .where("door_session_id", "=", session.id)
        .executeTakeFirstOrThrow();
    const { id } = await account();
    await applyRetention({ now: new Date(Date.now() + 29 * 24 * HOUR).toISOString() });
    expect(await account()).toMatchObject({ email, removed_at: null });
    const run = await applyRetention({ now: new Date(Date.now() + 31 * 24 * HOUR).toISOString() });
    expect(run.doorAccounts).toBeGreaterThanOrEqual(1);
    const closed = await account();
    expect(closed.email).toBe(`verwijderd-${id}@removed.invalid`);
    expect(closed.removed_at).not.toBeNull();
  });
});
