import { beforeAll, describe, expect, it } from "vitest";
import { createOrganiser } from "../app/models/organiser.server";
import { signUp } from "../app/models/registration.server";
import * as dashboard from "../app/routes/($lang).beheer._index";
import * as exportPage from "../app/routes/($lang).beheer.export";
import * as exportDownload from "../app/routes/($lang).beheer.export.download";
import * as scan from "../app/routes/($lang).beheer.inchecken.$code";
import * as auditLog from "../app/routes/($lang).beheer.logboek";
import * as organisersPage from "../app/routes/($lang).beheer.organisatoren";
import * as sessionPage from "../app/routes/($lang).beheer.sessies.$id";
import * as cancelPage from "../app/routes/($lang).beheer.sessies.$id_.annuleren";
import * as messagePage from "../app/routes/($lang).beheer.sessies.$id_.bericht";
import * as editPage from "../app/routes/($lang).beheer.sessies.$id_.bewerken";
import * as sessionExport from "../app/routes/($lang).beheer.sessies.$id_.export";
import * as checkInPage from "../app/routes/($lang).beheer.sessies.$id_.inchecken";
import * as newSession from "../app/routes/($lang).beheer.sessies.nieuw";
import { database } from "../db/client";
import { createSession, person, registrationsOf } from "./support/factories";
import { signInOverHttp } from "./support/organisers";
import { checkinCodeOf } from "./support/tokens";

type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: object;
}) => Promise<unknown>;

/** Calls a loader or action as Remix would, and answers with the status a browser would see. */
async function call(
  handler: Handler,
  path: string,
  params: Record<string, string>,
  cookie: string | null,
  form?: Record<string, string>,
) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const request = new Request(
    `http://agenda.test${path}`,
    form ? { method: "POST", body: new URLSearchParams(form), headers } : { headers },
  );
  try {
    const result = await handler({ request, params, context: {} });
    if (result instanceof Response)
      return { status: result.status, location: result.headers.get("Location"), body: result };
    return { status: 200, location: null, body: result };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, location: thrown.headers.get("Location"), body: thrown };
    throw thrown;
  }
}

const PASSWORD = "wachtwoord-voor-de-matrix";
const cookies: Record<"admin" | "cityA" | "cityB" | "partner", string> = {
  admin: "",
  cityA: "",
  cityB: "",
  partner: "",
};
let sessionA: { id: number; slug: string };
let sessionB: { id: number; slug: string };
let codeB = "";

const cookieFor = (email: string) => signInOverHttp(email, PASSWORD);

beforeAll(async () => {
  sessionA = await createSession({ title: "Sessie in stad A" });
  sessionB = await createSession({ title: "Sessie in stad B", partners: ["Flanders DC"] });
  const { db } = database();
  const slugOf = async (sessionId: number) =>
    (
      await db
        .selectFrom("sessions")
        .innerJoin("cities", "cities.id", "sessions.city_id")
        .select("cities.slug")
        .where("sessions.id", "=", sessionId)
        .executeTakeFirstOrThrow()
    ).slug;
  const partnerB = await db
    .selectFrom("session_partners")
    .innerJoin("partners", "partners.id", "session_partners.partner_id")
    .select("partners.slug")
    .where("session_id", "=", sessionB.id)
    .executeTakeFirstOrThrow();
  await signUp(sessionB.slug, person(1), { locale: "nl-BE" });
  codeB = await checkinCodeOf((await registrationsOf(sessionB.id))[0]?.id);

  await createOrganiser({
    email: "admin@matrix.test",
    name: "Admin",
    password: PASSWORD,
    role: "admin",
  });
  await createOrganiser({
    email: "a@matrix.test",
    name: "Stad A",
    password: PASSWORD,
    role: "organiser",
    citySlugs: [await slugOf(sessionA.id)],
  });
  await createOrganiser({
    email: "b@matrix.test",
    name: "Stad B",
    password: PASSWORD,
    role: "organiser",
    citySlugs: [await slugOf(sessionB.id)],
  });
  await createOrganiser({
    email: "p@matrix.test",
    name: "Partner",
    password: PASSWORD,
    role: "organiser",
    partnerSlugs: [partnerB.slug],
  });
  cookies.admin = await cookieFor("admin@matrix.test");
  cookies.cityA = await cookieFor("a@matrix.test");
  cookies.cityB = await cookieFor("b@matrix.test");
  cookies.partner = await cookieFor("p@matrix.test");
});

// Every organiser page and export about session B: [name, handler, path].
const sessionRoutes: [string, Handler, string][] = [
  ["attendee list", sessionPage.loader as Handler, ""],
  ["edit form", editPage.loader as Handler, "/bewerken"],
  ["cancel form", cancelPage.loader as Handler, "/annuleren"],
  ["message form", messagePage.loader as Handler, "/bericht"],
  ["check-in list", checkInPage.loader as Handler, "/inchecken"],
  ["CSV export", sessionExport.loader as Handler, "/export?formaat=csv"],
  ["XLSX export", sessionExport.loader as Handler, "/export?formaat=xlsx"],
];

describe("who may open what", () => {
  it.each(sessionRoutes)(
    "%s: anonymous → sign-in, other city → 404, own city, partner and admin → 200",
    async (_name, handler, suffix) => {
      const path = `/beheer/sessies/${sessionB.id}${suffix}`;
      const params = { id: String(sessionB.id) };
      const anonymous = await call(handler, path, params, null);
      expect(anonymous.status).toBe(302);
      expect(anonymous.location).toBe(`/beheer/inloggen?terug=${encodeURIComponent(path)}`);
      expect((await call(handler, path, params, cookies.cityA)).status).toBe(404);
      for (const who of ["cityB", "partner", "admin"] as const) {
        expect((await call(handler, path, params, cookies[who])).status, who).toBe(200);
      }
    },
  );

  it("another city's session by a made-up id answers like one that does not exist", async () => {
    const unknown = await call(
      sessionPage.loader as Handler,
      "/beheer/sessies/999999",
      { id: "999999" },
      cookies.cityA,
    );
    const foreign = await call(
      sessionPage.loader as Handler,
      `/beheer/sessies/${sessionB.id}`,
      { id: String(sessionB.id) },
      cookies.cityA,
    );
    expect([unknown.status, foreign.status]).toEqual([404, 404]);
    expect(
      (
        await call(
          sessionPage.loader as Handler,
          "/beheer/sessies/abc",
          { id: "abc" },
          cookies.admin,
        )
      ).status,
    ).toBe(404);
  });

  it("the dashboard and export page sign in anonymous visitors and show each organiser their own sessions", async () => {
    for (const handler of [dashboard.loader, exportPage.loader, newSession.loader] as Handler[]) {
      expect((await call(handler, "/beheer", {}, null)).status).toBe(302);
    }
    const own = (await call(dashboard.loader as Handler, "/beheer", {}, cookies.cityA))
      .body as Awaited<ReturnType<typeof dashboard.loader>>;
    expect(own.upcoming.map((s) => s.id)).toContain(sessionA.id);
    expect(own.upcoming.map((s) => s.id)).not.toContain(sessionB.id);
  });

  it("an export over a period holds only the organiser's own attendees", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    const path = `/beheer/export/download?van=${today}&tot=${inAYear}&formaat=csv`;
    const mine = await call(exportDownload.loader as Handler, path, {}, cookies.cityA);
    expect(mine.status).toBe(200);
    expect(await (mine.body as Response).text()).not.toContain("deelnemer1@example.org");
    const theirs = await call(exportDownload.loader as Handler, path, {}, cookies.cityB);
    expect(await (theirs.body as Response).text()).toContain("deelnemer1@example.org");
    expect((await call(exportDownload.loader as Handler, path, {}, null)).status).toBe(302);
  });

  it("a QR code of another city's attendee opens nothing", async () => {
    const path = `/beheer/inchecken/${codeB}`;
    expect((await call(scan.loader as Handler, path, { code: codeB }, null)).status).toBe(302);
    expect((await call(scan.loader as Handler, path, { code: codeB }, cookies.cityA)).status).toBe(
      404,
    );
    expect((await call(scan.loader as Handler, path, { code: codeB }, cookies.cityB)).status).toBe(
      200,
    );
  });

  it.each([
    ["audit log", auditLog.loader as Handler],
    ["organisers", organisersPage.loader as Handler],
    ["adding an organiser", organisersPage.action as Handler],
  ])("the %s page is for admins only", async (_name, handler) => {
    const form =
      handler === organisersPage.action
        ? { name: "X", email: "x@matrix.test", role: "admin" }
        : undefined;
    expect((await call(handler, "/beheer/x", {}, null, form)).status).toBe(302);
    expect((await call(handler, "/beheer/x", {}, cookies.cityA, form)).status).toBe(403);
    // An admin gets the page, or (having invited someone) the redirect back to it.
    const admin = await call(handler, "/beheer/x", {}, cookies.admin, form);
    expect(admin.status).toBe(form ? 302 : 200);
    if (form) expect(admin.location).toBe("/beheer/organisatoren");
  });

  it("actions refuse another city's attendees, also when posted to one's own session", async () => {
    const [registration] = await registrationsOf(sessionB.id);
    const form = { intent: "cancel", registrationId: String(registration?.id) };
    expect(
      (
        await call(
          sessionPage.action as Handler,
          `/beheer/sessies/${sessionB.id}`,
          { id: String(sessionB.id) },
          cookies.cityA,
          form,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          sessionPage.action as Handler,
          `/beheer/sessies/${sessionA.id}`,
          { id: String(sessionA.id) },
          cookies.cityA,
          form,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          cancelPage.action as Handler,
          `/beheer/sessies/${sessionB.id}/annuleren`,
          { id: String(sessionB.id) },
          cookies.cityA,
          {},
        )
      ).status,
    ).toBe(404);
    expect((await registrationsOf(sessionB.id))[0]?.status).toBe("confirmed");
    expect(
      (
        await database()
          .db.selectFrom("sessions")
          .select("status")
          .where("id", "=", sessionB.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("scheduled");
  });

  it("an organiser cannot create a session in another city", async () => {
    const { db } = database();
    const cityB = await db
      .selectFrom("sessions")
      .select("city_id")
      .where("id", "=", sessionB.id)
      .executeTakeFirstOrThrow();
    const form = {
      title: "Sessie die niet mag",
      summary: "Samenvatting",
      kind: "info",
      cityId: String(cityB.city_id),
      venueName: "Zaal",
      venueAddress: "Straat 1, 3000 Leuven",
      date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      startTime: "19:00",
      endTime: "21:00",
      capacity: "20",
      language: "nl",
    };
    const refused = await call(
      newSession.action as Handler,
      "/beheer/sessies/nieuw",
      {},
      cookies.cityA,
      form,
    );
    expect(refused.status).toBe(400);
    expect((await (refused.body as Response).json()).result.error).toEqual({
      cityId: [{ key: "admin.outOfScope" }],
    });
    expect(
      await db
        .selectFrom("sessions")
        .select("id")
        .where("title", "=", "Sessie die niet mag")
        .execute(),
    ).toEqual([]);
    const allowed = await call(
      newSession.action as Handler,
      "/beheer/sessies/nieuw",
      {},
      cookies.cityB,
      form,
    );
    expect(allowed.status).toBe(302);
  });
});
