import { describe, expect, it, vi } from "vitest";
import { i18n } from "../app/i18n";
import { createOrganiser } from "../app/models/organiser.server";
import { database } from "../db/client";
import { processJobs } from "../worker/jobs.server";
import { createSession, registrationsOf } from "./support/factories";
import { asHtml } from "./support/form-page";
import { dataPath, newClient, send } from "./support/http";
import { signedIn } from "./support/organisers";

// This file runs with the budgets a fresh install has, not the generous ones of other tests.
vi.hoisted(() => {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith("RATE_")) delete process.env[name];
  }
});

const PASSWORD = "een-lang-wachtwoord-voor-tests";

async function mailsTo(email: string) {
  return database()
    .db.selectFrom("outbox")
    .select(["kind", "to_email"])
    .where("to_email", "=", email)
    .execute();
}

function expectTooMany(response: Response) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
}

describe("sign-ups", () => {
  it("one client address makes at most 100 a minute; another address is not held up", async () => {
    const session = await createSession({ capacity: 500 });
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) {
      const response = await send(`/sessies/${session.slug}`, {
        client,
        form: { name: `Deelnemer ${i}`, email: `nat${i}@example.org`, consent: "on" },
      });
      statuses.push(response.status);
      if (i === 100) {
        expectTooMany(response);
        expect(await response.text()).toContain("Er kwamen te veel aanvragen tegelijk binnen.");
      }
    }
    expect(statuses.slice(0, 100).every((status) => status === 302)).toBe(true);
    expect(await registrationsOf(session.id)).toHaveLength(100);
    const other = await send(`/sessies/${session.slug}`, {
      form: { name: "Iemand anders", email: "ander@example.org", consent: "on" },
    });
    expect(other.status).toBe(302);
  });

  it("an address gets at most 6 mails an hour from anonymous requests, whatever the form", async () => {
    const victim = "slachtoffer@example.org";
    const sessions = await Promise.all(Array.from({ length: 8 }, () => createSession()));
    const statuses: number[] = [];
    // Each from a client of its own: the budget is the address's, not the client's.
    for (const [i, session] of sessions.entries()) {
      const email = i % 2 ? victim.toUpperCase() : victim.replace("@", `+${i}@`);
      const response = await send(`/sessies/${session.slug}`, {
        form: { name: "Slachtoffer", email, consent: "on" },
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(await response.text()).toContain(
          "We stuurden het voorbije uur al verschillende e-mails naar dit adres.",
        );
      }
    }
    expect(statuses).toEqual([302, 302, 302, 302, 302, 302, 429, 429]);
    const mails = await database().db.selectFrom("outbox").select("to_email").execute();
    expect(mails.filter((m) => m.to_email.toLowerCase().startsWith("slachtoffer"))).toHaveLength(6);
    // The password-reset form draws on the same budget.
    const reset = await send("/beheer/wachtwoord-vergeten", { form: { email: victim } });
    expectTooMany(reset);
  });

  it("counts every person of a sign-up that brings colleagues, and stores nothing when one is over", async () => {
    const colleagueVictim = "collega-slachtoffer@example.org";
    const warmUp = await Promise.all(Array.from({ length: 6 }, () => createSession()));
    for (const session of warmUp) {
      const response = await send(`/sessies/${session.slug}`, {
        form: { name: "Collega", email: colleagueVictim, consent: "on" },
      });
      expect(response.status).toBe(302);
    }
    // The address itself is full for the hour; so is a group that names it as a colleague.
    const session = await createSession({ max_group_size: 3 });
    const group = await send(`/sessies/${session.slug}`, {
      form: {
        name: "Iemand",
        email: "iemand-met-collega@example.org",
        consent: "on",
        "colleague1.name": "Collega",
        "colleague1.email": colleagueVictim,
      },
    });
    expectTooMany(group);
    expect(await registrationsOf(session.id)).toEqual([]);

    // One client signs up a hundred people a minute, each of a group counted.
    const client = newClient();
    const crowd = await createSession({ capacity: 500, max_group_size: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 34; i++) {
      const response = await send(`/sessies/${crowd.slug}`, {
        client,
        form: {
          name: `Drie ${i}`,
          email: `drie${i}a@example.org`,
          consent: "on",
          "colleague1.name": `Drie ${i} b`,
          "colleague1.email": `drie${i}b@example.org`,
          "colleague2.name": `Drie ${i} c`,
          "colleague2.email": `drie${i}c@example.org`,
        },
      });
      statuses.push(response.status);
    }
    // 33 groups of three are 99 people; the 34th group would make 102.
    expect(statuses.slice(0, 33).every((status) => status === 302)).toBe(true);
    expect(statuses[33]).toBe(429);
    expect(await registrationsOf(crowd.id)).toHaveLength(99);
  });

  it("says so in the page's language: under /fr/ in French", async () => {
    const victim = "victime@example.org";
    let response: Response | undefined;
    for (let i = 0; i < 7; i++) {
      response = await send("/fr/beheer/wachtwoord-vergeten", { form: { email: victim } });
    }
    expectTooMany(response as Response);
    const html = (await response?.text()) ?? "";
    expect(html).toContain('<html lang="fr-BE"');
    expect(html).toContain(asHtml(i18n("fr-BE").t("tooMany.title")));
    expect(html).toContain(asHtml(i18n("fr-BE").t("tooMany.mailBody", { minutes: 60 })));
  });

  it("the 429 of a data request carries Retry-After too", async () => {
    const session = await createSession();
    const email = "data-request@example.org";
    for (let i = 0; i < 6; i++) {
      await send(`/sessies/${session.slug}`, {
        form: { name: "Data", email: email.replace("@", `+${i}@`), consent: "on" },
      });
    }
    const response = await send(dataPath(`/sessies/${session.slug}`), {
      form: { name: "Data", email, consent: "on" },
    });
    expectTooMany(response);
    // The refusal's data, in single fetch's flat JSON: about mail to one address.
    const body = await response.text();
    expect(body).toContain('"ErrorResponse"');
    expect(body).toContain('"limit","mail"');
  });
});

describe("password resets", () => {
  it("one client address asks at most 20 an hour; each address at most 6 mails", async () => {
    await createOrganiser({
      email: "reset@leuven.test",
      name: "Reset",
      password: PASSWORD,
      role: "admin",
    });
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await send("/beheer/wachtwoord-vergeten", {
        client,
        form: { email: `onbekend${i}@leuven.test` },
      });
      statuses.push(response.status);
    }
    // Each one taken answers with the page that says a link is on its way.
    expect(statuses.filter((status) => status === 302)).toHaveLength(20);
    expect(statuses.at(-1)).toBe(429);

    const answers: number[] = [];
    for (let i = 0; i < 8; i++) {
      answers.push(
        (await send("/beheer/wachtwoord-vergeten", { form: { email: "reset@leuven.test" } }))
          .status,
      );
    }
    expect(answers).toEqual([302, 302, 302, 302, 302, 302, 429, 429]);
    // The link is the worker's to make, after the answer (its timing must not tell who has an
    // account): one job for each request taken.
    await expect(processJobs()).resolves.toMatchObject({ failed: 0 });
    expect(await mailsTo("reset@leuven.test")).toHaveLength(6);
  });

  it("an address without an account is limited exactly like one with an account", async () => {
    const answers: number[] = [];
    for (let i = 0; i < 8; i++) {
      answers.push(
        (await send("/beheer/wachtwoord-vergeten", { form: { email: "niemand@leuven.test" } }))
          .status,
      );
    }
    expect(answers).toEqual([302, 302, 302, 302, 302, 302, 429, 429]);
  });
});

describe("sign-in", () => {
  it("of 30 parallel wrong guesses for one account from one address, 5 are checked", async () => {
    await createOrganiser({
      email: "doelwit@leuven.test",
      name: "Doelwit",
      password: PASSWORD,
      role: "admin",
    });
    const client = newClient();
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send("/beheer/inloggen", {
          client,
          form: { email: "doelwit@leuven.test", password: `fout-${i}` },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    // Even the right password now waits, from this address.
    const right = await send("/beheer/inloggen", {
      client,
      form: { email: "doelwit@leuven.test", password: PASSWORD },
    });
    expectTooMany(right);
    // From another address the organiser signs in: the guesser cannot lock them out.
    const elsewhere = await send("/beheer/inloggen", {
      form: { email: "doelwit@leuven.test", password: PASSWORD },
    });
    expect(elsewhere.status).toBe(302);
  });

  it("answers an unknown address exactly like a known one: status, text, and the lock", async () => {
    await createOrganiser({
      email: "bekend@leuven.test",
      name: "Bekend",
      password: PASSWORD,
      role: "admin",
    });
    const answers = async (email: string) => {
      const client = newClient();
      const seen: [number, string][] = [];
      for (let i = 0; i < 6; i++) {
        const response = await send("/beheer/inloggen", {
          client,
          form: { email, password: "fout" },
        });
        const text = await response.text();
        seen.push([response.status, /role="alert"[^>]*>([^<]*)</.exec(text)?.[1] ?? ""]);
      }
      return seen;
    };
    const known = await answers("bekend@leuven.test");
    const unknown = await answers("onbekend@leuven.test");
    expect(unknown.map(([status]) => status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknown.at(-1)?.[1]).toContain("Te veel foute wachtwoorden na elkaar.");
    expect(unknown.map(([status, text]) => [status, text.replace(/\d\d:\d\d/, "hh:mm")])).toEqual(
      known.map(([status, text]) => [status, text.replace(/\d\d:\d\d/, "hh:mm")]),
    );
  });

  it("one client address tries at most 30 sign-ins a minute, whatever the accounts", async () => {
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await send("/beheer/inloggen", {
        client,
        form: { email: `sproei${i}@leuven.test`, password: "fout" },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("refuses a password of more than 1,024 characters like any wrong one", async () => {
    await createOrganiser({
      email: "lang@leuven.test",
      name: "Lang",
      password: PASSWORD,
      role: "admin",
    });
    const response = await send("/beheer/inloggen", {
      form: { email: "lang@leuven.test", password: `${PASSWORD}${"x".repeat(2000)}` },
    });
    expect(response.status).toBe(401);
  });
});

describe("invitations", () => {
  it("an organiser sends at most 30 an hour", async () => {
    const cookie = await signedIn("admin");
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await send("/beheer/organisatoren", {
        cookie,
        form: { name: `Nieuw ${i}`, email: `nieuw${i}@leuven.test`, role: "admin" },
      });
      statuses.push(response.status);
    }
    // Each invitation answers with the page that says it was sent.
    expect(statuses.slice(0, 30).every((status) => status === 302)).toBe(true);
    expect(statuses[30]).toBe(429);
    const invited = await database()
      .db.selectFrom("organisers")
      .select("id")
      .where("email", "like", "nieuw%@leuven.test")
      .execute();
    expect(invited).toHaveLength(30);
  });
});
