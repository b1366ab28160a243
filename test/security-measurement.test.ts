import { describe, expect, it, vi } from "vitest";
import { createOrganiser } from "../app/models/organiser.server";
import { database } from "../db/client";
import { outlookReply } from "./support/calendar-replies";
import { createSession, person, registrationsOf } from "./support/factories";
import { appUrl, newClient, rawRequest, send } from "./support/http";

/**
 * What the last security measurement found, each answered where it lives: at the edge, in the
 * page cache, in the API, in the limits. Real HTTP against the built app, behind a trusted
 * proxy (TRUST_PROXY=on, as every test file runs), with small budgets of this file's own.
 */

const TOKEN = "inbound-token-that-is-long-enough-for-the-check-42";
vi.hoisted(() => {
  process.env.RATE_API_PER_CLIENT_PER_MINUTE = "5";
  process.env.RATE_MAILS_PER_ADDRESS_PER_HOUR = "4";
  process.env.RATE_LOGIN_FAILURES_PER_ACCOUNT_CLIENT = "3";
  process.env.INBOUND_MAIL_TOKEN = "inbound-token-that-is-long-enough-for-the-check-42";
});

const host = async () => new URL(await appUrl()).host;

describe("a forwarded host that is more than a host", () => {
  it.each([
    ["a language prefix and a query", (h: string) => `${h}/fr?`],
    ["another page's address", (h: string) => `${h}/sessies/iets?`],
    ["a fragment", (h: string) => `${h}#x`],
    ["a user", (h: string) => `iemand@${h}`],
  ])(
    "is refused with 400 (%s), and the next visitor gets the page asked for",
    async (_what, forged) => {
      const forgedHost = forged(await host());
      for (const path of ["/", "/agenda.ics", "/api/sessions", "/embed"]) {
        const refused = await rawRequest(path, { headers: { "X-Forwarded-Host": forgedHost } });
        expect(refused.status, `${path} with ${forgedHost}`).toBe(400);
      }
      const home = await rawRequest("/");
      expect(home.status).toBe(200);
      expect(home.text).toContain('lang="nl-BE"');
      expect(home.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    },
  );

  it("is refused on a post to the inbound mail too, before it is read", async () => {
    const refused = await rawRequest("/api/inbound-mail", {
      method: "POST",
      headers: {
        "X-Forwarded-Host": `${await host()}/api/iets`,
        "Content-Type": "message/rfc822",
        "Content-Length": "5",
        Authorization: `Bearer ${TOKEN}`,
      },
      body: "hello",
    });
    expect(refused.status).toBe(400);
    expect(await database().db.selectFrom("inbound_mail").selectAll().execute()).toEqual([]);
  });
});

describe("headers that used to answer 500", () => {
  it.each(["file", "x y", "http:", "<>", "gopher"])(
    "X-Forwarded-Proto: %s is a 400",
    async (proto) => {
      const answer = await rawRequest("/", { headers: { "X-Forwarded-Proto": proto } });
      expect(answer.status).toBe(400);
    },
  );

  it.each(["a@b", "a b", "example.org/x", "example.org:99999"])(
    "Host: %s is a 400",
    async (value) => {
      const answer = await rawRequest("/", { headers: { Host: value } });
      expect(answer.status).toBe(400);
    },
  );

  it("a refusal at the edge speaks the address's language and may not be framed", async () => {
    const french = await rawRequest("/fr/sessies/%00", { headers: { Accept: "text/html" } });
    expect(french.status).toBe(400);
    expect(french.text).toContain('lang="fr-BE"');
    expect(french.text).toContain('href="/fr"');
    expect(french.headers["x-frame-options"]).toBe("DENY");
    const english = await rawRequest("/en/sessies/%00", { headers: { Accept: "text/html" } });
    expect(english.text).toContain('lang="en-BE"');
  });
});

describe("the client address a proxy writes", () => {
  it.each(["garbage-a", "garbage-b", "7.7.7", "1.2.3.4:", "[zz]:80"])(
    "is refused with 400 when it is no address: %s",
    async (written) => {
      const answer = await rawRequest("/", { headers: { "X-Forwarded-For": written } });
      expect(answer.status).toBe(400);
    },
  );

  it("is read with a port or in brackets, and counts as that address", async () => {
    // The API budget here is 5 a minute: one address, whatever port the proxy names.
    const statuses: number[] = [];
    for (const written of ["7.7.7.7:80", "7.7.7.7:81", "7.7.7.7", "7.7.7.7:82", "7.7.7.7:83"]) {
      statuses.push(
        (await rawRequest("/api/sessions", { headers: { "X-Forwarded-For": written } })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const over = await rawRequest("/api/sessions", {
      headers: { "X-Forwarded-For": "7.7.7.7:84" },
    });
    expect(over.status).toBe(429);
    // Another address has its own budget.
    const v6 = await rawRequest("/api/sessions", {
      headers: { "X-Forwarded-For": "[2001:db8::1]:443" },
    });
    expect(v6.status).toBe(200);
  });
});

describe("the page cache and repeated filters", () => {
  it("renders each order of a repeated filter as asked, instead of one kept page for both", async () => {
    const a = await createSession();
    const b = await createSession();
    const cityOf = async (id: number) =>
      (
        await database()
          .db.selectFrom("sessions")
          .innerJoin("cities", "cities.id", "sessions.city_id")
          .select("cities.slug")
          .where("sessions.id", "=", id)
          .executeTakeFirstOrThrow()
      ).slug;
    const [first, second] = [await cityOf(a.id), await cityOf(b.id)];
    const selected = (html: string) => /<option value="([^"]*)" selected/.exec(html)?.[1];
    const one = await (await send(`/?stad=${first}&stad=${second}`)).text();
    const other = await (await send(`/?stad=${second}&stad=${first}`)).text();
    expect(selected(one)).toBe(first);
    expect(selected(other)).toBe(second);
  });
});

describe("the API", () => {
  it("calls ?__proto__= an unknown parameter", async () => {
    const answer = await send("/api/sessions?__proto__=x", { headers: { Accept: "*/*" } });
    expect(answer.status).toBe(400);
    const problem = (await answer.json()) as { errors?: { parameter: string; message: string }[] };
    expect(JSON.stringify(problem)).toContain("__proto__");
    expect(JSON.stringify(problem)).toContain("not known");
    expect(JSON.stringify(problem)).not.toContain("more than once");
  });

  it("counts its document and wrong inbound-mail tokens against the client's budget", async () => {
    const client = newClient();
    const document = [];
    for (let i = 0; i < 6; i++) {
      document.push(
        (await send("/api/openapi.json", { client, headers: { Accept: "*/*" } })).status,
      );
    }
    expect(document).toEqual([200, 200, 200, 200, 200, 429]);

    const guesser = newClient();
    const guesses = [];
    for (let i = 0; i < 6; i++) {
      const base = await appUrl();
      const answer = await fetch(`${base}/api/inbound-mail`, {
        method: "POST",
        headers: {
          "Content-Type": "message/rfc822",
          Authorization: `Bearer gok-${i}`,
          "X-Forwarded-For": guesser,
        },
        body: "hello",
      });
      guesses.push(answer.status);
    }
    expect(guesses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe("the origin check", () => {
  it("refuses a post whose Origin names https on this http site", async () => {
    const session = await createSession();
    const origin = (await appUrl()).replace(/^http:/, "https:");
    const answer = await send(`/sessies/${session.slug}`, {
      form: { name: "Een Naam", email: "oorsprong@example.org", consent: "on" },
      headers: { Origin: origin },
    });
    expect(answer.status).toBe(403);
    expect(await registrationsOf(session.id)).toEqual([]);
  });
});

describe("a locked account", () => {
  it("answers its 429 with Retry-After", async () => {
    await createOrganiser({
      email: "slot@leuven.test",
      name: "Slot",
      password: "een-lang-genoeg-wachtwoord",
      role: "organiser",
    });
    const client = newClient();
    const attempt = () =>
      send("/beheer/inloggen", {
        client,
        form: { email: "slot@leuven.test", password: "verkeerd-wachtwoord", terug: "/beheer" },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const locked = await attempt();
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("answers from a calendar", () => {
  it("count REFRESH and COUNTER mails in the address's mail budget", async () => {
    const session = await createSession();
    // Signed up through the form: that mail counts in the budget too.
    const { name } = person(700);
    const form = { name, email: "overspoeld@example.org", consent: "on" };
    expect((await send(`/sessies/${session.slug}`, { form })).status).toBe(302);
    const [registration] = await registrationsOf(session.id);
    if (!registration) throw new Error("no registration");
    const base = await appUrl();
    for (let i = 0; i < 13; i++) {
      const answer = await fetch(`${base}/api/inbound-mail`, {
        method: "POST",
        headers: { "Content-Type": "message/rfc822", Authorization: `Bearer ${TOKEN}` },
        body: outlookReply({
          from: registration.email,
          uid: registration.ical_uid,
          sequence: 0,
          method: i % 2 ? "COUNTER" : "REFRESH",
          id: `flood-${i}`,
        }),
      });
      expect(answer.status).toBe(202);
    }
    const mails = await database()
      .db.selectFrom("outbox")
      .select("kind")
      .where("to_email", "=", registration.email)
      .execute();
    // The budget is 4 mails an hour: the sign-up's own, and three answers.
    expect(mails).toHaveLength(4);
    const outcomes = await database()
      .db.selectFrom("inbound_mail")
      .select("outcome")
      .where("registration_id", "=", registration.id)
      .execute();
    expect(outcomes.filter((row) => row.outcome === "ignored.mailBudget")).toHaveLength(10);
  });
});
