import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it, vi } from "vitest";
import { dietaryQuestion } from "../app/lib/questions";
import { database } from "../db/client";
import { addQuestions, createSession, question } from "./support/factories";
import { newClient, send } from "./support/http";

// A small budget for this file's own client in the rate-limit test; every other request here
// comes from a client address of its own.
vi.hoisted(() => {
  process.env.RATE_API_PER_CLIENT_PER_MINUTE = "20";
});

const HOUR = 3_600_000;
const inDays = (days: number, hours = 9) =>
  new Date(Date.now() + days * 24 * HOUR + hours * 60_000).toISOString();

async function api(path: string, headers: Record<string, string> = {}) {
  return send(path, { headers: { Accept: "application/json", ...headers } });
}

interface ApiSession {
  slug: string;
  status: string;
  availability: string;
  seatsLeft: number;
  startsAt: string;
  city: { slug: string };
  pages: Record<string, string>;
}

async function everyPage(path: string): Promise<ApiSession[]> {
  const sessions: ApiSession[] = [];
  let next: string | null = path;
  while (next) {
    const response = await api(next.replace(/^https?:\/\/[^/]+/, ""));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { sessions: ApiSession[]; next: string | null };
    sessions.push(...body.sessions);
    if (body.next) expect(response.headers.get("Link")).toBe(`<${body.next}>; rel="next"`);
    next = body.next;
  }
  return sessions;
}

async function openApi() {
  const response = await api("/api/openapi.json");
  expect(response.status).toBe(200);
  return response.json();
}

/** Checks an answer against the schema the OpenAPI document gives for it. */
async function expectMatchesDocument(body: unknown, schema: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...(await openApi()), $id: "https://api.test/openapi.json" });
  const validate = ajv.getSchema(`https://api.test/openapi.json#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema}`);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

describe("GET /api/sessions", () => {
  it("answers the sessions the home page shows, cancelled ones included, past ones not", async () => {
    const soon = await createSession({ starts_at: inDays(2), ends_at: inDays(2, 10) });
    const later = await createSession({ starts_at: inDays(9), ends_at: inDays(9, 10) });
    const cancelled = await createSession({
      starts_at: inDays(5),
      ends_at: inDays(5, 10),
      status: "cancelled",
    });
    await createSession({ starts_at: inDays(-3), ends_at: inDays(-3, 10) });

    const home = await (await send("/")).text();
    const onHome = [...home.matchAll(/href="\/sessies\/([^"/?#]+)"/g)].map((m) => m[1]);
    const listed = await everyPage("/api/sessions?limit=1");

    expect(listed.map((s) => s.slug)).toEqual([soon.slug, cancelled.slug, later.slug]);
    expect(new Set(onHome)).toEqual(new Set(listed.map((s) => s.slug)));
    expect(listed.find((s) => s.slug === cancelled.slug)).toMatchObject({
      status: "cancelled",
      availability: "cancelled",
    });
  });

  it("filters by city, kind, partner, language and period", async () => {
    const forum = await createSession({
      kind: "forum",
      language: "en",
      starts_at: inDays(20),
      ends_at: inDays(20, 10),
      partners: ["KU Leuven"],
    });
    const breakfast = await createSession({ starts_at: inDays(21), ends_at: inDays(21, 10) });
    const slugs = async (query: string) =>
      (await everyPage(`/api/sessions?${query}`)).map((s) => s.slug);
    const cityOf = (await everyPage("/api/sessions")).find((s) => s.slug === forum.slug)?.city;

    expect(await slugs(`city=${cityOf?.slug}`)).toEqual([forum.slug]);
    expect(await slugs("kind=forum")).toContain(forum.slug);
    expect(await slugs("kind=forum")).not.toContain(breakfast.slug);
    expect(await slugs("language=en")).toEqual([forum.slug]);
    const partner = await database()
      .db.selectFrom("partners")
      .innerJoin("session_partners", "session_partners.partner_id", "partners.id")
      .select("partners.slug")
      .where("session_partners.session_id", "=", forum.id)
      .executeTakeFirstOrThrow();
    expect(await slugs(`partner=${partner.slug}`)).toEqual([forum.slug]);
    expect(await slugs("partner=bestaat-niet")).toEqual([]);
    const day = breakfast.starts_at.slice(0, 10);
    expect(await slugs(`from=${encodeURIComponent(forum.starts_at)}`)).toEqual([breakfast.slug]);
    expect(await slugs(`to=${encodeURIComponent(breakfast.starts_at)}&kind=forum`)).toContain(
      forum.slug,
    );
    expect(await slugs(`from=${day}&to=${day}`)).toEqual([]);
  });

  it("pages through everything once, in order, whatever the page size", async () => {
    for (let i = 0; i < 5; i++) {
      await createSession({ starts_at: inDays(30), ends_at: inDays(30, 10) });
    }
    const all = await everyPage("/api/sessions?limit=100");
    for (const size of [1, 2, 3]) {
      const paged = await everyPage(`/api/sessions?limit=${size}`);
      expect(paged.map((s) => s.slug)).toEqual(all.map((s) => s.slug));
    }
    const starts = all.map((s) => Date.parse(s.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("says which parameter is wrong, as a problem, and stores nothing", async () => {
    const cases: [string, string][] = [
      ["stad=leuven", "stad"],
      ["kind=workshop", "kind"],
      ["language=de", "language"],
      ["from=morgen", "from"],
      ["to=2026-13-45", "to"],
      ["limit=0", "limit"],
      ["limit=1000", "limit"],
      ["cursor=bm9wZQ", "cursor"],
      ["city=Leuven!", "city"],
      ["kind=info&kind=forum", "kind"],
    ];
    for (const [query, parameter] of cases) {
      const response = await api(`/api/sessions?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      const body = (await response.json()) as { problems: { parameter: string }[] };
      expect(
        body.problems.map((p) => p.parameter),
        query,
      ).toContain(parameter);
      await expectMatchesDocument(body, "Problem");
    }
  });
});

describe("GET /api/sessions/:slug", () => {
  it("answers one session with the seats left, and a problem for an unknown slug", async () => {
    const session = await createSession({ capacity: 3 });
    await send(`/sessies/${session.slug}`, {
      form: { name: "An Peeters", email: "an@example.org", consent: "on" },
    });
    const response = await api(`/api/sessions/${session.slug}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ApiSession & { startsAt: string };
    expect(body).toMatchObject({ slug: session.slug, seatsLeft: 2, availability: "open" });
    expect(Date.parse(body.startsAt)).toBe(Date.parse(session.starts_at));
    expect(body.startsAt).toMatch(/\+0[12]:00$/);
    await expectMatchesDocument(body, "Session");
    // Its page in each language, each of them there, in that language.
    const { pages } = body;
    expect(pages).toEqual({
      nl: `http://agenda.test/sessies/${session.slug}`,
      fr: `http://agenda.test/fr/sessies/${session.slug}`,
      en: `http://agenda.test/en/sessies/${session.slug}`,
    });
    for (const [code, url] of Object.entries(pages)) {
      const page = await send(url.replace("http://agenda.test", ""));
      expect(page.status, url).toBe(200);
      expect(await page.text()).toContain(`<html lang="${code}-BE"`);
    }

    const missing = await api("/api/sessions/bestaat-niet");
    expect(missing.status).toBe(404);
    await expectMatchesDocument(await missing.json(), "Problem");
  });
});

describe("caching and other origins", () => {
  it("answers 304 while nothing changed, and a new version once a seat is taken", async () => {
    const session = await createSession({ capacity: 5 });
    const path = `/api/sessions/${session.slug}`;
    const first = await api(path);
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=15");

    const again = await api(path, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);

    await send(`/sessies/${session.slug}`, {
      form: { name: "Bram Janssens", email: "bram@example.org", consent: "on" },
    });
    const changed = await api(path, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as ApiSession).seatsLeft).toBe(4);
  });

  it("may be read by a page on any site, preflight included; it changes nothing", async () => {
    await createSession();
    const partnerSite = { Origin: "https://www.voka.be" };
    const read = await api("/api/sessions", partnerSite);
    expect(read.status).toBe(200);
    expect(read.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(read.headers.get("Access-Control-Expose-Headers")).toContain("ETag");

    const preflight = await send("/api/sessions", {
      method: "OPTIONS",
      headers: {
        ...partnerSite,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toContain("GET");
    expect(preflight.headers.get("Access-Control-Allow-Headers")).toContain("If-None-Match");

    // A form post from another site is still refused at the edge; one without Origin is a 405.
    const foreignPost = await send("/api/sessions", {
      form: { title: "x" },
      headers: partnerSite,
    });
    expect(foreignPost.status).toBe(403);
    const post = await send("/api/sessions", { form: { title: "x" }, headers: { Origin: "" } });
    expect(post.status).toBe(405);
    expect(post.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("limits what one client asks, with Retry-After, and other clients go on", async () => {
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await send("/api/sessions", { client })).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
    const refused = await send("/api/sessions", { client });
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBe("*");
    await expectMatchesDocument(await refused.json(), "Problem");
    expect((await send("/api/sessions")).status).toBe(200);
  });
});

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document that describes the real answers", async () => {
    const document = await openApi();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");

    await createSession({ venue_latitude: 50.8798, venue_longitude: 4.7005 });
    await createSession({
      registration_opens_at: new Date(Date.now() + HOUR).toISOString(),
      partners: [],
    });
    const page = await (await api("/api/sessions?limit=100")).json();
    await expectMatchesDocument(page, "SessionList");
  });
});

describe("a session's questions in the API", () => {
  it("gives every question's definition as the document describes it, and never an answer", async () => {
    const session = await createSession({ starts_at: inDays(40), ends_at: inDays(40, 10) });
    const choices = [
      { key: "exact-online", nl: "Exact Online", fr: null, en: null },
      { key: "octopus", nl: "Octopus", fr: null, en: null, removed: true as const },
      { key: "andere", nl: "Andere", fr: "Autre", en: "Other" },
    ];
    const [, choice] = await addQuestions(session.id, [
      dietaryQuestion(),
      question("oneChoice", "Welk boekhoudpakket gebruik je?", {
        required: true,
        display: "select",
        choices,
      }),
      question("severalChoices", "Wat wil je horen?", { choices: choices.slice(0, 1) }),
      question("yesNo", "Kom je met een rolstoel?", {
        help: { nl: "We houden een plaats vrij.", fr: null, en: "We keep a place free." },
      }),
      question("number", "Hoeveel werknemers heb je?", { min: 0, max: 250 }),
      question("shortText", "Studierichting", { maxLength: 60, perPerson: false }),
      question("mustTick", "Ik ben lid van Voka"),
    ]);
    await database()
      .db.insertInto("registrations")
      .values({
        session_id: session.id,
        ical_uid: `api-${session.id}@test`,
        ical_sequence: 0,
        name: "Geheim Antwoord",
        email: "geheim@example.org",
        email_normalized: "geheim@example.org",
        locale: "nl-BE",
        status: "confirmed",
        consented_at: session.created_at,
        created_at: session.created_at,
        updated_at: session.created_at,
        queue_position: 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then(({ id }) =>
        database()
          .db.insertInto("registration_answers")
          .values({ registration_id: id, question_id: choice ?? 0, value: "octopus-geheim" })
          .execute(),
      );

    const response = await api(`/api/sessions/${session.slug}`);
    const body = await response.json();
    await expectMatchesDocument(body, "Session");
    expect(body.questions.map((q: { type: string }) => q.type)).toEqual([
      "longText",
      "oneChoice",
      "severalChoices",
      "yesNo",
      "number",
      "shortText",
      "mustTick",
    ]);
    expect(body.questions[0]).toMatchObject({
      label: {
        nl: "Voedingswensen of allergieën",
        fr: "Régime alimentaire ou allergies",
        en: "Dietary requirements or allergies",
      },
      required: false,
      maxLength: 500,
    });
    // A removed choice is not offered; a language without its own text reads the Dutch.
    expect(body.questions[1]).toMatchObject({
      required: true,
      display: "select",
      choices: [
        {
          key: "exact-online",
          label: { nl: "Exact Online", fr: "Exact Online", en: "Exact Online" },
        },
        { key: "andere", label: { nl: "Andere", fr: "Autre", en: "Other" } },
      ],
    });
    expect(body.questions[3].help).toEqual({
      nl: "We houden een plaats vrij.",
      fr: "We houden een plaats vrij.",
      en: "We keep a place free.",
    });
    expect(body.questions[4]).toMatchObject({ min: 0, max: 250, maxLength: null });
    expect(body.questions[5]).toMatchObject({ maxLength: 60, perPerson: false });
    expect(body.questions[6]).toMatchObject({ required: true });
    expect(JSON.stringify(body)).not.toContain("geheim");

    const list = await everyPage("/api/sessions?limit=100");
    const listed = list.find((s) => s.slug === session.slug) as unknown as typeof body;
    expect(listed.questions).toEqual(body.questions);
    const page = await (await api("/api/sessions?limit=2")).json();
    await expectMatchesDocument(page, "SessionList");
  });
});
