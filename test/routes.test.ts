import { describe, expect, it } from "vitest";
import { i18n } from "../app/i18n";
import { database } from "../db/client";
import { createSession, outboxFor, registrationsOf } from "./support/factories";
import { asHtml, expectFieldError } from "./support/form-page";
import { cookieFrom, send } from "./support/http";
import { manageTokenOf } from "./support/tokens";

const HOUR = 3_600_000;
const { t } = i18n();

const valid = { name: "Lotte Wouters", email: "lotte@example.org", consent: "on" };

describe("the sign-up form", () => {
  it("answers bad input with 400, a message per field, the values kept, and stores nothing", async () => {
    const session = await createSession();
    const typed = { name: "Lotte", email: "lotte@", enterpriseNumber: "0123.456.789" };
    const response = await send(`/sessies/${session.slug}`, { form: typed });
    expect(response.status).toBe(400);
    const html = await response.text();
    expectFieldError(html, "email", t("errors.email.invalid"));
    expectFieldError(html, "enterpriseNumber", t("errors.enterpriseNumber.invalid"));
    expectFieldError(html, "consent", t("errors.consent.required"));
    for (const value of Object.values(typed)) expect(html).toContain(`value="${value}"`);
    expect(await registrationsOf(session.id)).toEqual([]);
  });

  it("signs up, then redirects to a thank-you page that names the address", async () => {
    const session = await createSession();
    const response = await send(`/sessies/${session.slug}`, { form: valid });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/sessies/${session.slug}/bedankt`);
    const cookie = cookieFrom(response);
    expect(cookie).toMatch(/^oa_flash=/);
    expect(await registrationsOf(session.id)).toHaveLength(1);

    const thanks = await send(`/sessies/${session.slug}/bedankt`, { cookie });
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain("lotte@example.org");
    expect(thanks.headers.get("Cache-Control")).toContain("no-store");
  });

  it("looks the same to the visitor when the address was already signed up", async () => {
    const session = await createSession();
    const first = await send(`/sessies/${session.slug}`, { form: valid });
    const second = await send(`/sessies/${session.slug}`, { form: valid });
    expect([first.status, first.headers.get("Location")]).toEqual([
      second.status,
      second.headers.get("Location"),
    ]);
    expect(await registrationsOf(session.id)).toHaveLength(1);
    expect((await outboxFor(session.id, "lotte@example.org")).map((m) => m.kind)).toEqual([
      "registration.confirmed",
      "registration.reminder",
    ]);
  });

  it("answers 409 and says why when registration has closed, and stores nothing", async () => {
    const session = await createSession({
      registration_closes_at: new Date(Date.now() - HOUR).toISOString(),
    });
    const response = await send(`/sessies/${session.slug}`, { form: valid });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain(asHtml(t("signup.unavailable.closed")));
    expect(await registrationsOf(session.id)).toEqual([]);
  });

  it("answers 404 for a session that does not exist", async () => {
    expect((await send("/sessies/nope", { form: valid })).status).toBe(404);
    expect((await send("/sessies/nope")).status).toBe(404);
  });

  it("stores nothing when the hidden bot field is filled in", async () => {
    const session = await createSession();
    const response = await send(`/sessies/${session.slug}`, {
      form: { ...valid, website: "http://spam.example" },
    });
    expect(response.status).toBe(302);
    expect(await registrationsOf(session.id)).toEqual([]);
  });
});

describe("the manage page", () => {
  it("shows the registration and cancels it on a POST, never on a GET", async () => {
    const session = await createSession({ capacity: 1 });
    expect((await send(`/sessies/${session.slug}`, { form: valid })).status).toBe(302);
    const [registration] = await registrationsOf(session.id);
    const token = await manageTokenOf(registration?.id);
    const manage = `/inschrijving/${token}`;

    const page = await send(`${manage}?annuleren`);
    expect(page.headers.get("Cache-Control")).toContain("no-store");
    expect(await page.text()).toContain(
      asHtml(t("manage.registeredAs", { name: valid.name, email: valid.email })),
    );
    expect((await registrationsOf(session.id))[0]?.status).toBe("confirmed");

    const bad = await send(manage, { form: { intent: "delete-everything" } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain(asHtml(t("manage.errors.unknownAction")));
    expect((await registrationsOf(session.id))[0]?.status).toBe("confirmed");

    const done = await send(manage, { form: { intent: "cancel" } });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(manage);
    expect((await registrationsOf(session.id))[0]?.status).toBe("cancelled");
  });

  it("answers 404 for an unknown token", async () => {
    const response = await send("/inschrijving/x");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(asHtml(t("notFound.body")));
    expect((await send("/inschrijving/x", { form: { intent: "cancel" } })).status).toBe(404);
  });
});

/** The session cards of a list page, in the order shown: each one's kind, address and start. */
function cardsOn(html: string) {
  return html
    .split('<article class="card card-')
    .slice(1)
    .map((card) => ({
      kind: /^[\w-]+/.exec(card)?.[0],
      slug: /href="\/sessies\/([^"/]+)"/.exec(card)?.[1],
      startsAt: /<time dateTime="([^"]+)"/.exec(card)?.[1] ?? "",
    }));
}

/** The option a filter of the home page has chosen, by the filter's name. */
function chosen(html: string, name: string) {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(
    html,
  )?.[1];
  return /<option value="([^"]*)" selected="">/.exec(select ?? "")?.[1];
}

describe("browsing", () => {
  it("filters upcoming sessions by city and kind from the URL, soonest first", async () => {
    const inDays = (d: number) => new Date(Date.now() + d * 24 * HOUR).toISOString();
    const later = await createSession({ kind: "info", starts_at: inDays(9), ends_at: inDays(9.1) });
    const sooner = await createSession({
      kind: "info",
      starts_at: inDays(3),
      ends_at: inDays(3.1),
    });
    const forum = await createSession({ kind: "forum" });
    const past = await createSession({
      kind: "info",
      starts_at: inDays(-3),
      ends_at: inDays(-2.9),
    });

    const all = await send("/?soort=info");
    expect(all.status).toBe(200);
    const allPage = await all.text();
    const cards = cardsOn(allPage);
    const slugs = cards.map((card) => card.slug);
    expect(slugs).toContain(sooner.slug);
    expect(slugs.indexOf(sooner.slug)).toBeLessThan(slugs.indexOf(later.slug));
    expect(slugs).not.toContain(forum.slug);
    expect(slugs).not.toContain(past.slug);
    expect(cards.every((card) => card.kind === "info")).toBe(true);
    const now = new Date().toISOString();
    expect(cards.every((card) => card.startsAt > now)).toBe(true);
    expect(chosen(allPage, "soort")).toBe("info");

    // Each factory session has a city of its own, offered in the city filter.
    const { slug: laterCity } = await database()
      .db.selectFrom("cities")
      .select("slug")
      .where("id", "=", later.city_id)
      .executeTakeFirstOrThrow();
    expect(allPage).toContain(`<option value="${laterCity}">`);
    const one = await (await send(`/?stad=${laterCity}&soort=info`)).text();
    expect(cardsOn(one).map((card) => card.slug)).toEqual([later.slug]);
    expect([chosen(one, "stad"), chosen(one, "soort"), chosen(one, "sessietaal")]).toEqual([
      laterCity,
      "info",
      "",
    ]);

    const unknown = await (await send("/?stad=atlantis&soort=x")).text();
    expect([
      chosen(unknown, "stad"),
      chosen(unknown, "soort"),
      chosen(unknown, "sessietaal"),
    ]).toEqual(["", "", ""]);
    expect(cardsOn(unknown).map((card) => card.slug)).toContain(forum.slug);
  });

  it("offers each session as a .ics download", async () => {
    const session = await createSession();
    const response = await send(`/sessies/${session.slug}/agenda.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(
      "text/calendar; charset=utf-8; method=PUBLISH",
    );
    expect(await response.text()).toContain("METHOD:PUBLISH");
  });
});

describe("the QR code in a confirmation", () => {
  it("is served as a PNG for a known check-in code only", async () => {
    const session = await createSession();
    await send(`/sessies/${session.slug}`, { form: valid });
    // The code the confirmation carries (only its hash is stored).
    const mail = (await outboxFor(session.id, "lotte@example.org"))[0];
    const code = /\/inchecken\/([\w-]+)\/qr\.png/.exec(mail?.html ?? "")?.[1] ?? "";
    expect(code).not.toBe("");
    const response = await send(`/inchecken/${code}/qr.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");

    expect(mail?.html).toContain(`http://agenda.test/inchecken/${code}/qr.png`);

    expect((await send("/inchecken/onbekende-code-123/qr.png")).status).toBe(404);
  });
});

describe("the home page's language filter", () => {
  it("shows the sessions given in one language, each saying so on its card", async () => {
    const english = await createSession({ title: "Start-up Pitch Night", language: "en" });
    const dutch = await createSession({ title: "Ontbijt voor starters", language: "nl" });
    const html = await (await send("/?sessietaal=en")).text();
    expect(html).toContain(english.title);
    expect(html).not.toContain(dutch.title);
    expect(html).toContain("In het Engels");
    expect(html).toMatch(/<option value="en" selected="">Engels<\/option>/);
    // A Dutch session on a Dutch page needs no word about its language.
    const all = await (await send("/")).text();
    expect(all).toContain(dutch.title);
    expect(all.match(/In het Nederlands/g)).toBeNull();
    // An unknown language is ignored, as an unknown city is.
    expect(await (await send("/?sessietaal=de")).text()).toContain(dutch.title);
  });
});
