import { describe, expect, it } from "vitest";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { createSession, person } from "./support/factories";
import { send } from "./support/http";
import { checkIcs } from "./support/ical-checks";

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

async function citySlugOf(cityId: number) {
  const city = await database()
    .db.selectFrom("cities")
    .select("slug")
    .where("id", "=", cityId)
    .executeTakeFirstOrThrow();
  return city.slug;
}

async function partnerSlugOf(sessionId: number) {
  const partner = await database()
    .db.selectFrom("session_partners")
    .innerJoin("partners", "partners.id", "session_partners.partner_id")
    .select("partners.slug")
    .where("session_partners.session_id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return partner.slug;
}

async function feed(path: string, headers: Record<string, string> = {}) {
  const response = await send(path, { headers: { Accept: "text/calendar", ...headers } });
  return { response, body: await response.text() };
}

/** The UIDs of a feed's events, checked against RFC 5545/5546 on the way. */
function uidsOf(body: string) {
  return checkIcs(body, "PUBLISH").events.map((event) => event.getFirstPropertyValue("uid"));
}

const uidOf = (id: number) => `session-${id}@agenda.test`;

describe("the feed of every session (/agenda.ics)", () => {
  it("is a PUBLISH calendar with its name, refresh interval and the sessions to come", async () => {
    const session = await createSession();
    const { response, body } = await feed("/agenda.ics");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(
      "text/calendar; charset=utf-8; method=PUBLISH",
    );
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(response.headers.get("ETag")).toMatch(/^"[\w-]{32}"$/);
    const { calendar, events, lines } = checkIcs(body, "PUBLISH");
    expect(lines).toContain("X-WR-CALNAME:Ondernemersagenda");
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(lines).toContain("X-PUBLISHED-TTL:PT1H");
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe(
      "Europe/Brussels",
    );
    const event = events.find((e) => e.getFirstPropertyValue("uid") === uidOf(session.id));
    expect(event?.getFirstPropertyValue("url")).toBe(`http://agenda.test/sessies/${session.slug}`);
    expect(event?.getFirstPropertyValue("sequence")).toBe(0);
    expect(event?.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(String(event?.getFirstPropertyValue("last-modified"))).toBe(
      session.updated_at.replace(/\.\d{3}Z$/, "Z"),
    );
    expect(event?.getFirstPropertyValue("location")).toBe(
      "Stadhuis Leuven, Grote Markt 9, 3000 Leuven",
    );
    // RFC 5546 §3.2.1: a PUBLISH names its ORGANIZER, the same as the invites (MAIL_FROM here).
    const organizer = event?.getFirstProperty("organizer");
    expect(String(organizer?.getFirstValue())).toBe("mailto:agenda@leuven.test");
    expect(organizer?.getParameter("cn")).toBe("Ondernemersagenda Leuven");
  });

  it("names nobody who signed up", async () => {
    const session = await createSession();
    const signed = await signUp(
      session.slug,
      person(1, { name: "Frieda Feedlek", email: "frieda.feedlek@example.org" }),
      { locale: "nl-BE" },
    );
    expect(signed.ok).toBe(true);
    const { body } = await feed("/agenda.ics");
    expect(uidsOf(body)).toContain(uidOf(session.id));
    expect(body).not.toMatch(/feedlek|ATTENDEE/i);
    // The one ORGANIZER is the city's address, the same on every event.
    const organizers = new Set(body.split("\r\n").filter((line) => line.startsWith("ORGANIZER")));
    expect([...organizers]).toEqual([
      'ORGANIZER;CN="Ondernemersagenda Leuven":mailto:agenda@leuven.test',
    ]);
  });

  it("keeps a cancelled session, as cancelled, until it is over; ended ones drop out", async () => {
    const cancelled = await createSession({ status: "cancelled" });
    const ended = await createSession({ starts_at: inHours(-3), ends_at: inHours(-1) });
    const endedCancelled = await createSession({
      status: "cancelled",
      starts_at: inHours(-3),
      ends_at: inHours(-1),
    });
    const running = await createSession({ starts_at: inHours(-1), ends_at: inHours(1) });
    const { body } = await feed("/agenda.ics");
    const { events } = checkIcs(body, "PUBLISH");
    const status = (id: number) =>
      events
        .find((e) => e.getFirstPropertyValue("uid") === uidOf(id))
        ?.getFirstPropertyValue("status");
    expect(status(cancelled.id)).toBe("CANCELLED");
    expect(status(running.id), "a session under way stays in the calendar").toBe("CONFIRMED");
    expect(status(ended.id)).toBeUndefined();
    expect(status(endedCancelled.id)).toBeUndefined();
  });

  it("answers 304 to the ETag it gave, and a new body once a session changes", async () => {
    const session = await createSession();
    const first = await feed("/agenda.ics");
    const etag = first.response.headers.get("ETag") ?? "";
    const again = await feed("/agenda.ics", { "If-None-Match": etag });
    expect(again.response.status).toBe(304);
    expect(again.body).toBe("");
    expect(again.response.headers.get("ETag")).toBe(etag);
    // A cache in between may weaken the tag, or send several.
    expect((await feed("/agenda.ics", { "If-None-Match": `"x", W/${etag}` })).response.status).toBe(
      304,
    );

    // What the session editor does on a change: a higher SEQUENCE and a new last change.
    await database()
      .db.updateTable("sessions")
      .set({ ical_sequence: 2, updated_at: new Date().toISOString() })
      .where("id", "=", session.id)
      .execute();
    const changed = await feed("/agenda.ics", { "If-None-Match": etag });
    expect(changed.response.status).toBe(200);
    expect(changed.response.headers.get("ETag")).not.toBe(etag);
    const event = checkIcs(changed.body, "PUBLISH").events.find(
      (e) => e.getFirstPropertyValue("uid") === uidOf(session.id),
    );
    expect(event?.getFirstPropertyValue("sequence")).toBe(2);
  });
});

describe("the feeds of a city, a kind and a partner", () => {
  it("hold only their sessions, under a name that says which", async () => {
    const breakfast = await createSession({ kind: "breakfast" });
    const forum = await createSession({ kind: "forum", city_id: breakfast.city_id });
    const elsewhere = await createSession({ kind: "breakfast", partners: ["Voka"] });
    const city = await citySlugOf(breakfast.city_id);
    await database()
      .db.updateTable("cities")
      .set({ name: "Feedstad" })
      .where("id", "=", breakfast.city_id)
      .execute();

    const byCity = await feed(`/agenda.ics?stad=${city}`);
    expect(uidsOf(byCity.body).sort()).toEqual([uidOf(breakfast.id), uidOf(forum.id)].sort());
    expect(checkIcs(byCity.body, "PUBLISH").lines).toContain(
      "X-WR-CALNAME:Ondernemersagenda Feedstad",
    );

    const byCityAndKind = await feed(`/agenda.ics?stad=${city}&soort=breakfast`);
    expect(uidsOf(byCityAndKind.body)).toEqual([uidOf(breakfast.id)]);
    expect(checkIcs(byCityAndKind.body, "PUBLISH").lines).toContain(
      "X-WR-CALNAME:Ondernemersagenda Feedstad: ontbijtsessies",
    );

    const byKind = uidsOf((await feed("/agenda.ics?soort=forum")).body);
    expect(byKind).toContain(uidOf(forum.id));
    expect(byKind).not.toContain(uidOf(breakfast.id));

    const voka = await partnerSlugOf(elsewhere.id);
    const byPartner = await feed(`/agenda.ics?partner=${voka}`);
    expect(uidsOf(byPartner.body)).toEqual([uidOf(elsewhere.id)]);
    expect(checkIcs(byPartner.body, "PUBLISH").lines).toContain(
      "X-WR-CALNAME:Ondernemersagenda: sessies met Voka",
    );
  });

  it("are 404 for a city, a partner or a kind that does not exist", async () => {
    for (const path of [
      "/agenda.ics?stad=atlantis",
      "/agenda.ics?partner=niemand",
      "/agenda.ics?soort=picknick",
    ]) {
      expect((await feed(path)).response.status, path).toBe(404);
    }
  });
});

describe("feeds in French and English (taal=fr|en)", () => {
  it("name themselves and link the sessions in that language; the events stay the same", async () => {
    const session = await createSession({ kind: "breakfast", partners: ["Unizo"] });
    const partner = await partnerSlugOf(session.id);
    const dutch = await feed(`/agenda.ics?partner=${partner}`);
    for (const [taal, name] of [
      ["fr", "X-WR-CALNAME:Ondernemersagenda\u00a0: sessions avec Unizo"],
      ["en", "X-WR-CALNAME:Ondernemersagenda: sessions with Unizo"],
    ] as const) {
      const { response, body } = await feed(`/agenda.ics?partner=${partner}&taal=${taal}`);
      expect(response.status, taal).toBe(200);
      const { lines, events } = checkIcs(body, "PUBLISH");
      expect(lines, taal).toContain(name);
      expect(lines, taal).toContain(
        `SOURCE;VALUE=URI:http://agenda.test/agenda.ics?partner=${partner}&taal=${taal}`,
      );
      const event = events.find((e) => e.getFirstPropertyValue("uid") === uidOf(session.id));
      expect(event?.getFirstPropertyValue("url")).toBe(
        `http://agenda.test/${taal}/sessies/${session.slug}`,
      );
      // The same event as in the Dutch feed: a calendar that has both shows it once.
      expect(uidsOf(body)).toEqual(uidsOf(dutch.body));
    }
    const single = await feed(`/sessies/${session.slug}/agenda.ics?taal=en`);
    expect(checkIcs(single.body, "PUBLISH").events[0]?.getFirstPropertyValue("url")).toBe(
      `http://agenda.test/en/sessies/${session.slug}`,
    );
  });

  it("are 404 for a language the site does not speak", async () => {
    const session = await createSession();
    for (const path of [
      "/agenda.ics?taal=de",
      "/agenda.ics?taal=",
      `/sessies/${session.slug}/agenda.ics?taal=xx`,
    ]) {
      expect((await feed(path)).response.status, path).toBe(404);
    }
  });

  it("are the ones the French and English pages offer, under their own name", async () => {
    const session = await createSession();
    const city = await citySlugOf(session.city_id);
    for (const [page, url, name] of [
      ["/fr", "http://agenda.test/agenda.ics?taal=fr", "Ondernemersagenda"],
      [
        `/en/steden/${city}`,
        `http://agenda.test/agenda.ics?stad=${city}&taal=en`,
        "Ondernemersagenda",
      ],
      [
        "/en?soort=forum",
        "http://agenda.test/agenda.ics?soort=forum&taal=en",
        "Ondernemersagenda: start-up forums",
      ],
    ] as const) {
      const html = await (await send(page)).text();
      const link = /<link[^>]*rel="alternate"[^>]*type="text\/calendar"[^>]*>/.exec(html)?.[0];
      expect(link, page).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
      expect(link, page).toContain(`title="${name}`);
      expect((await feed(url.replace("http://agenda.test", ""))).response.status).toBe(200);
    }
    const sessionPage = await (await send(`/fr/sessies/${session.slug}`)).text();
    expect(sessionPage).toContain(`href="/sessies/${session.slug}/agenda.ics?taal=fr"`);
  });
});

describe("the calendar file of one session (/sessies/<slug>/agenda.ics)", () => {
  it("follows the session's SEQUENCE and last change, is the feed's event, and answers 304", async () => {
    const session = await createSession();
    const path = `/sessies/${session.slug}/agenda.ics`;
    const first = await feed(path);
    expect(first.response.status).toBe(200);
    const before = checkIcs(first.body, "PUBLISH").events[0];
    expect(before?.getFirstPropertyValue("uid")).toBe(uidOf(session.id));
    expect(before?.getFirstPropertyValue("sequence")).toBe(0);
    const etag = first.response.headers.get("ETag") ?? "";
    expect((await feed(path, { "If-None-Match": etag })).response.status).toBe(304);

    const changedAt = "2026-11-26T09:41:07.000Z";
    await database()
      .db.updateTable("sessions")
      .set({ ical_sequence: 4, updated_at: changedAt, status: "cancelled" })
      .where("id", "=", session.id)
      .execute();
    const after = await feed(path, { "If-None-Match": etag });
    expect(after.response.status).toBe(200);
    const event = checkIcs(after.body, "PUBLISH").events[0];
    expect(event?.getFirstPropertyValue("sequence")).toBe(4);
    expect(String(event?.getFirstPropertyValue("last-modified"))).toBe("2026-11-26T09:41:07Z");
    expect(String(event?.getFirstPropertyValue("dtstamp"))).toBe("2026-11-26T09:41:07Z");
    expect(event?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(String(event?.getFirstPropertyValue("organizer"))).toBe("mailto:agenda@leuven.test");

    // The same event, byte for byte, in the feed of its city.
    const cityFeed = await feed(`/agenda.ics?stad=${await citySlugOf(session.city_id)}`);
    const inFeed = checkIcs(cityFeed.body, "PUBLISH").events[0];
    expect(inFeed?.toString()).toBe(event?.toString());
  });

  it("is 404 for a session that does not exist", async () => {
    expect((await feed("/sessies/bestaat-niet/agenda.ics")).response.status).toBe(404);
  });
});

describe("the pages that offer a feed", () => {
  const alternate = (html: string) =>
    /<link[^>]*rel="alternate"[^>]*type="text\/calendar"[^>]*>/.exec(html)?.[0] ?? "";
  const amp = (url: string) => url.replaceAll("&", "&amp;");

  it("link it, as webcal:// to subscribe and https to download, with the page's filters", async () => {
    const session = await createSession({ kind: "forum" });
    const city = await citySlugOf(session.city_id);
    const partner = await partnerSlugOf(session.id);
    const pages: [string, string][] = [
      ["/", "http://agenda.test/agenda.ics"],
      [`/?stad=${city}&soort=forum`, `http://agenda.test/agenda.ics?stad=${city}&soort=forum`],
      [`/steden/${city}`, `http://agenda.test/agenda.ics?stad=${city}`],
      [`/partners/${partner}`, `http://agenda.test/agenda.ics?partner=${partner}`],
    ];
    for (const [page, url] of pages) {
      const response = await send(page);
      expect(response.status, page).toBe(200);
      const html = await response.text();
      expect(alternate(html), page).toContain(`href="${amp(url)}"`);
      expect(html, page).toContain(`href="${amp(url.replace("http:", "webcal:"))}"`);
      expect(html, page).toContain(">Abonneer in je agenda</a>");
      // The feed it links is there.
      expect((await feed(url.replace("http://agenda.test", ""))).response.status).toBe(200);
    }
  });

  it("has a page per partner with its sessions, linked from the session page; 404 for none", async () => {
    const session = await createSession({ partners: ["Flanders DC"] });
    const partner = await partnerSlugOf(session.id);
    const sessionPage = await (await send(`/sessies/${session.slug}`)).text();
    expect(sessionPage).toContain(`href="/partners/${partner}">Flanders DC</a>`);
    const page = await send(`/partners/${partner}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Sessies met Flanders DC");
    expect(html).toContain(`href="/sessies/${session.slug}"`);
    expect((await send("/partners/bestaat-niet")).status).toBe(404);
  });
});

describe("the demo data", () => {
  it("puts the venues it knows on the map: GEO in the feed of Leuven", async () => {
    const { loadSeeds } = await import("../seeds/load");
    await writeTransaction((trx) => loadSeeds(trx), database());
    const { body } = await feed("/agenda.ics?stad=leuven");
    const geo = checkIcs(body, "PUBLISH")
      .events.filter((e) =>
        String(e.getFirstPropertyValue("location")).startsWith("Stadhuis Leuven"),
      )
      .map((e) => e.getFirstPropertyValue("geo"));
    expect(geo.length).toBeGreaterThan(0);
    for (const point of geo) expect(point).toEqual([50.8789, 4.7011]);
  });
});
