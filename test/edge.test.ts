import { describe, expect, it } from "vitest";
import { createOrganiser } from "../app/models/organiser.server";
import { database } from "../db/client";
import { createSession, registrationsOf } from "./support/factories";
import { appUrl, cookieFrom, dataPath, rawRequest as raw, send } from "./support/http";
import { signedInOrganiser } from "./support/organisers";
import { manageTokenOf } from "./support/tokens";

/**
 * What the built app answers at the HTTP layer, before and around the routes: request guards,
 * security headers, cookies. Real requests, so Express and Remix's own checks are on the path.
 */

const person = (n: number) => ({
  name: `Edge ${n}`,
  email: `edge${n}@example.org`,
  consent: "on",
});

async function countOutbox() {
  const row = await database()
    .db.selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("posts that no page of this site sends", () => {
  it.each([
    ["text/plain", "name=Edge&email=edge@example.org&consent=on"],
    ["application/json", JSON.stringify(person(1))],
    ["multipart/form-data", "--x\r\n"],
    [
      "multipart/form-data; boundary=x",
      '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nEdge\r\n--x--\r\n',
    ],
  ])("answer 415 with a message for %s, and store nothing", async (type, body) => {
    const session = await createSession();
    const before = await countOutbox();
    const response = await raw(`/sessies/${session.slug}`, {
      method: "POST",
      headers: { "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)) },
      body,
    });
    expect(response.status).toBe(415);
    expect(response.text).toContain("We konden dit formulier niet lezen.");
    expect(await registrationsOf(session.id)).toEqual([]);
    expect(await countOutbox()).toBe(before);
  });

  it("answers a body over 64 KB with 413 before reading it", async () => {
    const session = await createSession();
    const response = await send(`/sessies/${session.slug}`, {
      form: { ...person(2), q1: "x".repeat(70_000) },
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Dit formulier bevat meer gegevens dan we aannemen.");
    expect(await registrationsOf(session.id)).toEqual([]);
  });

  it("answers a body of no declared length with 411", async () => {
    const session = await createSession();
    const response = await raw(`/sessies/${session.slug}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Transfer-Encoding": "chunked",
      },
      body: new URLSearchParams(person(3)).toString(),
    });
    expect(response.status).toBe(411);
    expect(await registrationsOf(session.id)).toEqual([]);
  });

  it.each([
    "/sessies/%00/bedankt",
    "/sessies/%00/agenda.ics",
    "/steden/%00",
    "/?stad=%00",
    "/beheer/inloggen?terug=%0d%0a",
    "/sessies/%E0%A4%A",
  ])(
    "answers an address with a control character or a broken escape with 400: %s",
    async (path) => {
      const response = await send(path);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("We konden deze aanvraag niet lezen.");
    },
  );

  it("answers a Host header that is no host with 400", async () => {
    const response = await raw("/", { headers: { Host: "bad host/..." } });
    expect(response.status).toBe(400);
  });
});

describe("raw mail (replies from calendars), the one body besides forms", () => {
  const mail = "From: <a@example.org>\r\nSubject: x\r\n\r\nHallo\r\n";
  const headers = {
    "Content-Type": "message/rfc822",
    "Content-Length": String(Buffer.byteLength(mail)),
    Authorization: "Bearer whatever-token-is-presented-here-0123456789",
  };

  it("is taken at /api/inbound-mail only: elsewhere it is 415 like any body that is no form", async () => {
    const session = await createSession();
    const response = await raw(`/sessies/${session.slug}`, { method: "POST", headers, body: mail });
    expect(response.status).toBe(415);
    expect(await registrationsOf(session.id)).toEqual([]);
  });

  it("finds no endpoint while INBOUND_MAIL_TOKEN is not set (404), and stores nothing", async () => {
    const response = await raw("/api/inbound-mail", { method: "POST", headers, body: mail });
    expect(response.status).toBe(404);
    const stored = await database()
      .db.selectFrom("inbound_mail")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(0);
  });

  it("answers a GET with 404 too while there is no token", async () => {
    expect((await send("/api/inbound-mail")).status).toBe(404);
  });

  it("is still refused with 403 when a browser on another site sends it", async () => {
    const response = await raw("/api/inbound-mail", {
      method: "POST",
      headers: { ...headers, Origin: "https://evil.example" },
      body: mail,
    });
    expect(response.status).toBe(403);
  });
});

describe("cross-site posts", () => {
  const foreign = [
    ["a foreign Origin", { Origin: "https://evil.example" }],
    ["Origin: null", { Origin: "null" }],
    ["an Origin that is no URL", { Origin: "evil" }],
    ["no Origin, but a cross-site fetch", { Origin: "", "Sec-Fetch-Site": "cross-site" }],
  ] as const;

  for (const [what, headers] of foreign) {
    for (const data of [false, true]) {
      it(`refuse a sign-up with ${what}${data ? " as a data request" : ""}: 403, nothing stored`, async () => {
        const session = await createSession();
        const page = `/sessies/${session.slug}`;
        const response = await send(data ? dataPath(page) : page, {
          form: person(10),
          headers,
        });
        expect(response.status).toBe(403);
        expect(await response.text()).toContain("Dit formulier kwam niet van deze website");
        expect(await registrationsOf(session.id)).toEqual([]);
      });
    }
  }

  it("refuse a sign-in from another site: no organiser cookie is set (login CSRF)", async () => {
    await createOrganiser({
      email: "csrf@leuven.test",
      name: "Csrf",
      password: "een-lang-wachtwoord",
      role: "admin",
    });
    for (const path of ["/beheer/inloggen", dataPath("/beheer/inloggen")]) {
      const response = await send(path, {
        form: { email: "csrf@leuven.test", password: "een-lang-wachtwoord" },
        headers: { Origin: "https://evil.example" },
      });
      expect(response.status).toBe(403);
      expect(response.headers.get("Set-Cookie")).toBeNull();
    }
    // The same form from the site itself signs in.
    const own = await send("/beheer/inloggen", {
      form: { email: "csrf@leuven.test", password: "een-lang-wachtwoord" },
    });
    expect(own.status).toBe(302);
    expect(cookieFrom(own)).toMatch(/^oa_session=/);
  });

  it("refuse an organiser's form from another site with 403, not a 500", async () => {
    // Signed in for real (the helper fails otherwise): the refusal is not for want of a cookie.
    const { cookie } = await signedInOrganiser({
      email: "csrf2@leuven.test",
      name: "Csrf",
      password: "een-lang-wachtwoord",
      role: "admin",
    });
    const session = await createSession();
    const page = `/beheer/sessies/${session.id}/annuleren`;
    for (const path of [page, dataPath(page)]) {
      const response = await send(path, {
        form: { reason: "Geen zaal" },
        cookie,
        headers: { Origin: "https://evil.example" },
      });
      expect(response.status).toBe(403);
    }
    const stored = await database()
      .db.selectFrom("sessions")
      .select("status")
      .where("id", "=", session.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("scheduled");
  });

  it("take a line break in the way back after signing in as the dashboard, not a 500", async () => {
    await createOrganiser({
      email: "terug@leuven.test",
      name: "Terug",
      password: "een-lang-wachtwoord",
      role: "admin",
    });
    for (const terug of [
      "/beheer\r\nSet-Cookie: x=y",
      "//evil.example",
      "/beheer/\u00e9",
      "/beheer/../../evil",
      "/beheer/%2e%2e/evil",
      "/beheerder",
    ]) {
      const response = await send("/beheer/inloggen", {
        form: { email: "terug@leuven.test", password: "een-lang-wachtwoord", terug },
      });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/beheer");
    }
  });
});

describe("headers", () => {
  it("a Content-Security-Policy whose nonce is on every inline script, and none without", async () => {
    // A page rendered for this request (a cookie of the app's keeps the page cache out of it;
    // a kept page names its scripts' hashes instead: test/page-cache.test.ts).
    const response = await send("/", { cookie: "oa_session=x" });
    const policy = response.headers.get("Content-Security-Policy") ?? "";
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) {
      if (/\bsrc=/.test(attributes)) continue;
      expect(attributes).toContain(`nonce="${nonce}"`);
    }
    // Every render takes a fresh nonce.
    const again = await send("/", { cookie: "oa_session=x" });
    expect(again.headers.get("Content-Security-Policy")).not.toContain(nonce);
  });

  it("no HSTS on a site served over http", async () => {
    const response = await send("/");
    expect(response.headers.get("Strict-Transport-Security")).toBeNull();
  });

  it("pages with personal data are never stored and never indexed, error pages included", async () => {
    const session = await createSession();
    const signUp = await send(`/sessies/${session.slug}`, { form: person(20) });
    const [registration] = await registrationsOf(session.id);
    const token = await manageTokenOf(registration?.id);
    const pages = [
      [`/sessies/${session.slug}/bedankt`, cookieFrom(signUp)],
      [`/inschrijving/${token}`, ""],
      ["/inschrijving/bestaat-niet", ""],
      ["/beheer/inloggen", ""],
      ["/beheer/wachtwoord-vergeten", ""],
      ["/beheer/wachtwoord/bestaat-niet", ""],
    ] as const;
    for (const [path, cookie] of pages) {
      const response = await send(path, { cookie });
      expect(response.status, path).toBeLessThan(500);
      expect(response.headers.get("Cache-Control"), path).toBe("private, no-store");
      expect(response.headers.get("X-Robots-Tag"), path).toBe("noindex");
    }
    const data = await send(dataPath(`/inschrijving/${token}`));
    expect(data.status).toBe(200);
    expect(data.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("the manage page asks browsers to keep its address to this site, and still name its origin", async () => {
    const session = await createSession();
    await send(`/sessies/${session.slug}`, { form: person(21) });
    const [registration] = await registrationsOf(session.id);
    const html = await (
      await send(`/inschrijving/${await manageTokenOf(registration?.id)}`)
    ).text();
    expect(html).toContain('<meta name="referrer" content="same-origin"/>');
    expect(html).not.toContain("no-referrer");
  });
});

describe("behind a reverse proxy (TRUST_PROXY=on)", () => {
  it("marks the cookie Secure when the proxy says the request came over https", async () => {
    await createOrganiser({
      email: "proxy@leuven.test",
      name: "Proxy",
      password: "een-lang-wachtwoord",
      role: "admin",
    });
    const form = { email: "proxy@leuven.test", password: "een-lang-wachtwoord" };
    // The browser's page came over https too: its Origin says so.
    const origin = (await appUrl()).replace(/^http:/, "https:");
    const overHttps = await send("/beheer/inloggen", {
      form,
      headers: { "X-Forwarded-Proto": "https", Origin: origin },
    });
    expect(overHttps.status).toBe(302);
    expect(overHttps.headers.get("Set-Cookie")).toContain("Secure");
    const overHttp = await send("/beheer/inloggen", { form });
    expect(overHttp.headers.get("Set-Cookie")).not.toContain("Secure");
  });
});
