import { beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { stored, t } from "./forms-http.shared";
import { createSession, person, registrationsOf } from "./support/factories";
import { asHtml, expectFieldError } from "./support/form-page";
import { send } from "./support/http";
import { signedIn } from "./support/organisers";

/**
 * Who may open and change what in the workspace, over HTTP against the built app (`npx remix
 * build` first): an organiser of a city, one of a partner, and an admin. The walk of every route
 * (authorization-walk.test.ts) asks the same of organisers of a city; this file adds the
 * partner's scope and what each of them sees on the pages they may open.
 */

const { db } = database();
const cookies = { admin: "", cityA: "", cityB: "", partner: "" };
let sessionA: { id: number; slug: string; city_id: number };
let sessionB: { id: number; slug: string; city_id: number };
/** The attendee of session B, and one of session A whom nobody of city B or the partner sees. */
const attendeeB = person(1);
const attendeeA = person(2);

const signInPath = (path: string) => `/beheer/inloggen?terug=${encodeURIComponent(path)}`;

beforeAll(async () => {
  sessionA = await createSession({ title: "Sessie in stad A" });
  sessionB = await createSession({ title: "Sessie in stad B", partners: ["Flanders DC"] });
  const slugOf = async (cityId: number) =>
    (
      await db
        .selectFrom("cities")
        .select("slug")
        .where("id", "=", cityId)
        .executeTakeFirstOrThrow()
    ).slug;
  const partnerB = await db
    .selectFrom("session_partners")
    .innerJoin("partners", "partners.id", "session_partners.partner_id")
    .select("partners.slug")
    .where("session_id", "=", sessionB.id)
    .executeTakeFirstOrThrow();
  expect((await signUp(sessionB.slug, attendeeB, { locale: "nl-BE" })).ok).toBe(true);
  expect((await signUp(sessionA.slug, attendeeA, { locale: "nl-BE" })).ok).toBe(true);

  cookies.admin = await signedIn("admin");
  cookies.cityA = await signedIn("organiser", { citySlugs: [await slugOf(sessionA.city_id)] });
  cookies.cityB = await signedIn("organiser", { citySlugs: [await slugOf(sessionB.city_id)] });
  cookies.partner = await signedIn("organiser", { partnerSlugs: [partnerB.slug] });
});

/** Whatever names session B or its attendee. */
function expectNothingOfB(body: string) {
  for (const mark of [attendeeB.name, attendeeB.email, "Sessie in stad B"]) {
    expect(body).not.toContain(mark);
  }
}

// Every organiser page and export about session B: [name, path after its address, names the
// attendee in text].
const sessionRoutes: [string, string, boolean][] = [
  ["attendee list", "", true],
  ["edit form", "/bewerken", false],
  ["cancel form", "/annuleren", false],
  ["message form", "/bericht", false],
  ["check-in list", "/inchecken", true],
  ["CSV export", "/export?formaat=csv", true],
  ["XLSX export", "/export?formaat=xlsx", false],
];

describe("who may open what", () => {
  it.each(sessionRoutes)(
    "%s: anonymous → sign-in, other city → 404, own city, partner and admin → 200",
    async (_name, suffix, listsAttendee) => {
      const path = `/beheer/sessies/${sessionB.id}${suffix}`;
      const anonymous = await send(path);
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("Location")).toBe(signInPath(path));

      const foreign = await send(path, { cookie: cookies.cityA });
      expect(foreign.status).toBe(404);
      expectNothingOfB(await foreign.text());

      for (const who of ["cityB", "partner", "admin"] as const) {
        const allowed = await send(path, { cookie: cookies[who] });
        expect(allowed.status, who).toBe(200);
        const body = await allowed.text();
        if (listsAttendee) expect(body, who).toContain(attendeeB.name);
        expect(body, who).not.toContain(attendeeA.name);
        expect(body, who).not.toContain(attendeeA.email);
      }
    },
  );

  it("another city's session by a made-up id answers like one that does not exist", async () => {
    const unknown = await send("/beheer/sessies/999999", { cookie: cookies.cityA });
    const foreign = await send(`/beheer/sessies/${sessionB.id}`, { cookie: cookies.cityA });
    expect([unknown.status, foreign.status]).toEqual([404, 404]);
    const [unknownPage, foreignPage] = [await unknown.text(), await foreign.text()];
    expect(foreignPage).toContain(asHtml(t("notFound.body")));
    expect(unknownPage).toContain(asHtml(t("notFound.body")));
    expectNothingOfB(foreignPage);
    expect((await send("/beheer/sessies/abc", { cookie: cookies.admin })).status).toBe(404);
  });

  it("the dashboard and export page sign in anonymous visitors and show each organiser their own sessions", async () => {
    for (const path of ["/beheer", "/beheer/export", "/beheer/sessies/nieuw"]) {
      const anonymous = await send(path);
      expect(anonymous.status, path).toBe(302);
      expect(anonymous.headers.get("Location"), path).toBe(signInPath(path));
    }
    const linkTo = (session: { id: number }) => `href="/beheer/sessies/${session.id}"`;
    const own = await send("/beheer", { cookie: cookies.cityA });
    expect(own.status).toBe(200);
    const ownPage = await own.text();
    expect(ownPage).toContain(linkTo(sessionA));
    expect(ownPage).not.toContain(linkTo(sessionB));
    expect(ownPage).not.toContain("Sessie in stad B");

    const partnerPage = await (await send("/beheer", { cookie: cookies.partner })).text();
    expect(partnerPage).toContain(linkTo(sessionB));
    expect(partnerPage).not.toContain(linkTo(sessionA));
    expect(partnerPage).not.toContain("Sessie in stad A");
  });

  it("a partner's organiser opens none of another partner's sessions", async () => {
    for (const [, suffix] of sessionRoutes) {
      const path = `/beheer/sessies/${sessionA.id}${suffix}`;
      const refused = await send(path, { cookie: cookies.partner });
      expect(refused.status, path).toBe(404);
      const body = await refused.text();
      for (const mark of [attendeeA.name, attendeeA.email, "Sessie in stad A"]) {
        expect(body, path).not.toContain(mark);
      }
    }
  });

  it("an export over a period holds only the organiser's own attendees", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    const path = `/beheer/export/download?van=${today}&tot=${inAYear}&formaat=csv`;
    const fileOf = async (cookie: string) => {
      const response = await send(path, { cookie });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
      return response.text();
    };
    const cityA = await fileOf(cookies.cityA);
    expect(cityA).toContain(attendeeA.email);
    expect(cityA).not.toContain(attendeeB.email);
    for (const who of ["cityB", "partner"] as const) {
      const theirs = await fileOf(cookies[who]);
      expect(theirs, who).toContain(attendeeB.email);
      expect(theirs, who).not.toContain(attendeeA.email);
      expect(theirs, who).not.toContain(attendeeA.name);
    }
    const anonymous = await send(path);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(signInPath(path));
  });

  it("adding an organiser is for admins only, and a refused invitation stores nothing", async () => {
    const path = "/beheer/organisatoren";
    const form = { name: "X", email: "x@matrix.test", role: "admin" };
    const invited = () =>
      db.selectFrom("organisers").select("id").where("email", "=", form.email).execute();
    const before = await stored();

    const anonymous = await send(path, { form });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(signInPath(path));
    for (const who of ["cityA", "partner"] as const) {
      const refused = await send(path, { form, cookie: cookies[who] });
      expect(refused.status, who).toBe(403);
      expect(await refused.text(), who).toContain(asHtml(t("forbidden.body")));
    }
    expect(await stored()).toEqual(before);

    const admin = await send(path, { form, cookie: cookies.admin });
    expect(admin.status).toBe(302);
    expect(admin.headers.get("Location")).toBe(path);
    expect(await invited()).toHaveLength(1);
  });

  it("actions refuse another city's attendees, also when posted to one's own session", async () => {
    const [registration] = await registrationsOf(sessionB.id);
    const form = { intent: "cancel", registrationId: String(registration?.id) };
    const before = await stored();
    for (const session of [sessionB, sessionA]) {
      const refused = await send(`/beheer/sessies/${session.id}`, { form, cookie: cookies.cityA });
      expect(refused.status, `posted to session ${session.id}`).toBe(404);
      expectNothingOfB(await refused.text());
    }
    const cancel = await send(`/beheer/sessies/${sessionB.id}/annuleren`, {
      form: {},
      cookie: cookies.cityA,
    });
    expect(cancel.status).toBe(404);
    expect(await stored()).toEqual(before);
    expect((await registrationsOf(sessionB.id))[0]?.status).toBe("confirmed");
    const { status } = await db
      .selectFrom("sessions")
      .select("status")
      .where("id", "=", sessionB.id)
      .executeTakeFirstOrThrow();
    expect(status).toBe("scheduled");
  });

  it("an organiser cannot create a session in another city", async () => {
    const form = {
      title: "Sessie die niet mag",
      summary: "Samenvatting",
      kind: "info",
      cityId: String(sessionB.city_id),
      venueName: "Zaal",
      venueAddress: "Straat 1, 3000 Leuven",
      date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      startTime: "19:00",
      endTime: "21:00",
      capacity: "20",
      language: "nl",
    };
    const made = () =>
      db.selectFrom("sessions").select(["id", "city_id"]).where("title", "=", form.title).execute();
    const before = await stored();
    const refused = await send("/beheer/sessies/nieuw", { form, cookie: cookies.cityA });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expectFieldError(page, "cityId", t("admin.outOfScope"));
    expect(page).toContain(`value="${form.title}"`);
    expect(await stored()).toEqual(before);

    const allowed = await send("/beheer/sessies/nieuw", { form, cookie: cookies.cityB });
    expect(allowed.status).toBe(302);
    const [session, ...more] = await made();
    expect(more).toEqual([]);
    expect(session?.city_id).toBe(sessionB.city_id);
    expect(allowed.headers.get("Location")).toBe(`/beheer/sessies/${session?.id}`);
  });
});
