import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createOrganiser } from "../app/models/organiser.server";
import { requestPasswordReset } from "../app/models/password-reset.server";
import { applyRetention } from "../app/models/personal-data.server";
import { database } from "../db/client";
import { createSession } from "./support/factories";
import { cookieFrom, send } from "./support/http";
import { signedIn, TEST_PASSWORD } from "./support/organisers";
import { signInCounts } from "./support/sign-in-counts";
import { softPasskey } from "./support/webauthn";

/**
 * Sign-in with the city's accounts over real HTTP: the built app against a real OpenID provider
 * (`oidc-provider`, in a process of its own), the browser's part played request by request. An
 * invited address opens its own scope, and so does a new address of a domain an admin allowed
 * (it joins with that domain's scope); a wrong state, a replayed code, an expired ID token, an
 * unverified or uninvited address, or one an admin removed, are refused with a page that says
 * why, and nothing is created.
 */

const CLIENT = { id: "ondernemersagenda", secret: "een-geheim-van-de-testprovider" };
const CALLBACK = "http://agenda.test/beheer/inloggen/oidc/terug";
const LABEL = "Aanmelden met je account van Stad Leuven";
const ACCOUNTS = {
  invited: { email: "An.Peeters@Leuven.test", email_verified: true, name: "An Peeters" },
  stranger: { email: "niemand@elders.test", email_verified: true, name: "Niemand" },
  unverified: { email: "onbevestigd@leuven.test", email_verified: false },
  // The city's own domain: its provider answers for it without an email_verified claim.
  city: { email: "bert@stad.test", name: "Bert" },
  // Staff of a partner whose domain an admin allows: nobody invited them one by one.
  joiner: { email: "Sanne.Maes@Partner.test", email_verified: true, name: "Sanne Maes" },
  leaver: { email: "vertrekker@partner.test", email_verified: true, name: "Vertrekker" },
  joinerUnverified: { email: "onbevestigd@partner.test", email_verified: false },
  late: { email: "laat@partner.test", email_verified: true, name: "Te Laat" },
  removed: { email: "Weg.Gezet@Partner.test", email_verified: true, name: "Weg Gezet" },
  twice: { email: "twee.tabs@partner.test", email_verified: true, name: "Twee Tabs" },
  nowhere: { email: "iemand@nergens.test", email_verified: true, name: "Iemand" },
};

/** The provider, started before the app reads its settings: its issuer, and a way to stop it. */
async function startProvider() {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(import.meta.dirname, "support/oidc-provider.ts"),
      CALLBACK,
      CLIENT.id,
      CLIENT.secret,
      JSON.stringify(ACCOUNTS),
    ],
    { stdio: ["pipe", "pipe", "ignore"] },
  );
  afterAll(() => {
    child.kill();
  });
  let output = "";
  const issuer = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = /^http:\/\/127\.0\.0\.1:\d+$/m.exec(output)?.[0];
      if (found) resolve(found);
    });
    child.once("exit", (code) => reject(new Error(`the provider ended (${code}): ${output}`)));
  });
  const exited = once(child, "exit");
  return {
    issuer,
    /** The city's directory disables an account (someone left): answers once it is done. */
    async disable(login: keyof typeof ACCOUNTS) {
      const done = new Promise<void>((resolve) => {
        const check = () => {
          if (!output.includes(`disabled ${login}\n`)) return;
          child.stdout.off("data", check);
          resolve();
        };
        child.stdout.on("data", check);
      });
      child.stdin.write(`disable ${login}\n`);
      await done;
    },
    async stop() {
      child.kill();
      await exited;
    },
  };
}

const provider = await startProvider();
process.env.OIDC_ISSUER = provider.issuer;
process.env.OIDC_CLIENT_ID = CLIENT.id;
process.env.OIDC_CLIENT_SECRET = CLIENT.secret;
process.env.OIDC_BUTTON_LABEL = LABEL;
process.env.OIDC_ALLOW_HTTP = "on";
process.env.OIDC_DOMAINS = "stad.test";
process.env.OIDC_BREAK_GLASS = "admins";

/** The start at the app: the cookie it keeps for the way back, and where it sends the browser. */
async function start(path = "/beheer/inloggen/oidc?terug=%2Fbeheer") {
  const response = await send(path);
  expect(response.status).toBe(302);
  return { cookie: cookieFrom(response), authorize: response.headers.get("Location") ?? "" };
}

/**
 * The browser at the provider: its login form filled in as `login`, followed until the provider
 * sends the browser back to the app; answers that address's path and query.
 */
async function atProvider(authorize: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const go = async (url: string, form?: Record<string, string>) => {
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      if (/expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, pair.slice(pair.indexOf("=") + 1));
    }
    return response;
  };
  let url = authorize;
  let response = await go(url);
  for (let step = 0; step < 10; step++) {
    const location = response.headers.get("Location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(CALLBACK)) return next.pathname + next.search;
      url = next.href;
      response = await go(url);
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action) {
      throw new Error(`The provider answered ${response.status}: ${html.slice(0, 500)}`);
    }
    url = new URL(action, url).href;
    response = await go(url, { prompt: "login", login, password: "wat-dan-ook" });
  }
  throw new Error("The provider never sent the browser back");
}

/** The whole way, up to the app's answer at the redirect URI. */
async function signInAs(login: keyof typeof ACCOUNTS) {
  const { cookie, authorize } = await start();
  const back = await atProvider(authorize, login);
  return { response: await send(back, { cookie }), back, cookie };
}

/** The page a refused sign-in is sent to, followed: its status and text. */
async function refusal(response: Response) {
  expect(response.status).toBe(303);
  expect(cookieFrom(response)).not.toMatch(/oa_session=/);
  const page = await send(response.headers.get("Location") ?? "");
  return { status: page.status, text: await page.text() };
}

/** What the app logged about its refusals, to tell which check refused. */
function refusalsLogged() {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  return () => warn.mock.calls.map((call) => String(call[0])).join("\n");
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Until `count` statements of this test's database wait for a lock another one holds. */
async function waitingOnLocks(count: number) {
  const { db } = database();
  for (;;) {
    const { rows } = await sql<{ n: string | number }>`
      select count(*) as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if (Number(rows[0]?.n) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function citySlugOf(cityId: number) {
  const city = await database()
    .db.selectFrom("cities")
    .select("slug")
    .where("id", "=", cityId)
    .executeTakeFirstOrThrow();
  return city.slug;
}

const ownSession = await createSession();
const otherSession = await createSession();
await createOrganiser({
  email: "an.peeters@leuven.test",
  name: "An Peeters",
  password: TEST_PASSWORD,
  role: "organiser",
  citySlugs: [await citySlugOf(ownSession.city_id)],
});
await createOrganiser({
  email: "onbevestigd@leuven.test",
  name: "Onbevestigd",
  password: TEST_PASSWORD,
  role: "organiser",
});
await createOrganiser({
  email: "bert@stad.test",
  name: "Bert",
  password: TEST_PASSWORD,
  role: "organiser",
});
await createOrganiser({
  email: "beheer@stad.test",
  name: "Beheerder",
  password: TEST_PASSWORD,
  role: "admin",
});
const partnerSession = await createSession({ partners: ["Partner van de stad"] });
const { partnerId, partnerSlug } = await database()
  .db.selectFrom("session_partners")
  .innerJoin("partners", "partners.id", "session_partners.partner_id")
  .select(["partners.id as partnerId", "partners.slug as partnerSlug"])
  .where("session_partners.session_id", "=", partnerSession.id)
  .executeTakeFirstOrThrow();
const admin = await signedIn("admin");

describe("sign-in with the city's accounts", () => {
  it("offers the button on the sign-in page, with the city's label", async () => {
    const page = await (await send("/beheer/inloggen")).text();
    expect(page).toContain(LABEL);
    expect(page).toContain('href="/beheer/inloggen/oidc?terug=%2Fbeheer"');
  });

  it("sends the browser to the provider with PKCE, a state and a nonce", async () => {
    const { cookie, authorize } = await start();
    const url = new URL(authorize);
    expect(url.origin).toBe(process.env.OIDC_ISSUER);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get("nonce")).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get("redirect_uri")).toBe(CALLBACK);
    expect(url.searchParams.get("scope")).toBe("openid email profile");
    expect(cookie).toMatch(/^oa_oidc=/);
  });

  it("opens the workspace of the invited address, with its scope and no code step", async () => {
    const before = await signInCounts();
    const { response } = await signInAs("invited");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/beheer");
    const session = cookieFrom(response);
    expect(session).toMatch(/oa_session=[^;]+/);
    expect((await send("/beheer", { cookie: session })).status).toBe(200);
    expect((await send(`/beheer/sessies/${ownSession.id}`, { cookie: session })).status).toBe(200);
    expect((await send(`/beheer/sessies/${otherSession.id}`, { cookie: session })).status).toBe(
      404,
    );
    const after = await signInCounts();
    expect(after).toEqual({
      organisers: before.organisers,
      authSessions: before.authSessions + 1,
      signIns: before.signIns + 1,
    });
  });

  it("takes an address of the city's own domain without an email_verified claim", async () => {
    const { response } = await signInAs("city");
    expect(response.status).toBe(302);
    expect((await send("/beheer", { cookie: cookieFrom(response) })).status).toBe(200);
  });

  it("refuses a wrong state, and creates nothing", async () => {
    const logged = refusalsLogged();
    const { cookie, authorize } = await start();
    const back = new URL(await atProvider(authorize, "invited"), "http://agenda.test");
    back.searchParams.set("state", "een-andere-staat-dan-die-van-de-app");
    const before = await signInCounts();
    const { status, text } = await refusal(await send(back.pathname + back.search, { cookie }));
    expect(status).toBe(400);
    expect(text).toContain("Aanmelden is niet gelukt");
    expect(text).toContain("kon niet bevestigd worden");
    expect(await signInCounts()).toEqual(before);
    expect(logged()).toMatch(/state/i);
  });

  it("refuses a code used a second time", async () => {
    const { response, back, cookie } = await signInAs("invited");
    expect(response.status).toBe(302);
    const logged = refusalsLogged();
    const before = await signInCounts();
    const { status } = await refusal(await send(back, { cookie }));
    expect(status).toBe(400);
    expect(await signInCounts()).toEqual(before);
    expect(logged()).toMatch(/invalid_grant/);
  });

  it("refuses an ID token that has expired by the time it comes back", async () => {
    const { cookie, authorize } = await start();
    const back = await atProvider(authorize, "invited");
    // Two hours on for the app alone: the provider (another process) issues the token now.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 2 * 60 * 60 * 1000);
    const logged = refusalsLogged();
    const before = await signInCounts();
    const { status } = await refusal(await send(back, { cookie }));
    expect(status).toBe(400);
    expect(await signInCounts()).toEqual(before);
    expect(logged()).toMatch(/"exp"/);
    // The log says which check refused, never whose address the token named.
    expect(logged().toLowerCase()).not.toContain("leuven.test");
  });

  it("refuses an address nobody invited, says so, and creates no account", async () => {
    const logged = refusalsLogged();
    const before = await signInCounts();
    const { response } = await signInAs("stranger");
    const { status, text } = await refusal(response);
    expect(status).toBe(403);
    expect(text).toContain("Vraag een beheerder om je uit te nodigen");
    expect(await signInCounts()).toEqual(before);
    const { db } = database();
    const stranger = await db
      .selectFrom("organisers")
      .select("id")
      .where("email", "=", "niemand@elders.test")
      .executeTakeFirst();
    expect(stranger).toBeUndefined();
    expect(logged()).toMatch(/notInvited/);
  });

  it("refuses an address the provider did not verify, even an invited one", async () => {
    const before = await signInCounts();
    refusalsLogged();
    const { status, text } = await refusal((await signInAs("unverified")).response);
    expect(status).toBe(403);
    expect(text).toContain("geen bevestigd e-mailadres");
    expect(await signInCounts()).toEqual(before);
  });

  it("refuses a way back that no start in this browser began", async () => {
    refusalsLogged();
    const { authorize } = await start();
    const back = await atProvider(authorize, "invited");
    const before = await signInCounts();
    const { status } = await refusal(await send(back));
    expect(status).toBe(400);
    expect(await signInCounts()).toEqual(before);
  });

  it("shows the refusal in the language the sign-in started in", async () => {
    refusalsLogged();
    const { cookie, authorize } = await start("/fr/beheer/inloggen/oidc");
    const back = await atProvider(authorize, "stranger");
    const response = await send(back, { cookie });
    expect(response.headers.get("Location")).toBe(
      "/fr/beheer/inloggen/oidc/mislukt?reden=notInvited",
    );
    const { text } = await refusal(response);
    expect(text).toContain("Demandez à un administrateur de vous inviter");
  });
});

describe("the password form for the city's domains", () => {
  const password = (email: string, value = TEST_PASSWORD) =>
    send("/beheer/inloggen", { form: { email, password: value, terug: "/beheer" } });

  it("refuses an organiser of the city's domain, pointing to the button", async () => {
    const before = await signInCounts();
    const response = await password("bert@stad.test");
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(`met de knop ‘${LABEL}’`);
    expect(await signInCounts()).toEqual(before);
  });

  it("lets the city's admins in with their password (break-glass), and no one else", async () => {
    const wrong = await password("beheer@stad.test", "niet-het-juiste-wachtwoord");
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain(`met de knop ‘${LABEL}’`);
    const right = await password("beheer@stad.test");
    expect(right.status).toBe(302);
    expect(cookieFrom(right)).toMatch(/oa_session=/);
  });

  it("leaves other addresses to their password", async () => {
    const response = await password("an.peeters@leuven.test");
    expect(response.status).toBe(302);
  });
});

/** A passkey added after signing in with the city's account, then used to sign in. */
/** A passkey added after signing in with the city's account, then used to sign in. */
async function passkeyOf(login: keyof typeof ACCOUNTS) {
  const { response } = await signInAs(login);
  const cookie = cookieFrom(response);
  const add = "/beheer/mijn-account/passkeys";
  const options = await (await send(add, { form: { intent: "options" }, cookie })).json();
  const passkey = softPasskey();
  const added = await send(add, {
    form: { intent: "register", response: JSON.stringify(passkey.register(options.options)) },
    cookie,
  });
  expect(added.status).toBe(200);
  return passkey;
}

async function signInWith(passkey: ReturnType<typeof softPasskey>) {
  const signIn = "/beheer/inloggen/passkey";
  const { options } = await (await send(signIn, { form: { intent: "options" } })).json();
  return send(signIn, {
    form: {
      intent: "verify",
      response: JSON.stringify(passkey.signIn(options)),
      terug: "/beheer",
    },
  });
}

describe("passkeys for the city's domains", () => {
  it("refuses a passkey of the city's domain, pointing to the button", async () => {
    const passkey = await passkeyOf("city");
    const before = await signInCounts();
    const response = await signInWith(passkey);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "cityLogin.only", values: { button: LABEL } });
    expect(cookieFrom(response)).not.toMatch(/oa_session=/);
    expect(await signInCounts()).toEqual(before);
  });

  it("leaves the passkeys of other domains alone", async () => {
    const response = await signInWith(await passkeyOf("invited"));
    expect(response.status).toBe(200);
    expect(cookieFrom(response)).toMatch(/oa_session=/);
  });
});

describe("organisers who join through an allowed domain", () => {
  const page = "/beheer/organisatoren/domeinen";
  const allow = (form: Record<string, string>, cookie = admin) => send(page, { form, cookie });
  const { db } = database();
  const domains = () => db.selectFrom("sign_in_domains").selectAll().orderBy("id").execute();
  const organiserOf = (email: string) =>
    db
      .selectFrom("organisers")
      .select(["id", "name", "role", "city_account_only"])
      .where("email", "=", email)
      .executeTakeFirst();
  const auditOf = (action: string) =>
    db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

  it("is the admins' page only: an organiser is refused and stores nothing", async () => {
    const organiser = await signedIn("organiser", { partnerSlugs: [partnerSlug] });
    expect((await send(page, { cookie: organiser })).status).toBe(403);
    const posted = await allow({ domain: "voka.test", scope: `partner:${partnerId}` }, organiser);
    expect(posted.status).toBe(403);
    const anonymous = await send(page);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/beheer\/inloggen/);
    expect(await domains()).toEqual([]);
  });

  it("refuses what is no domain at the field, with a message, and stores nothing", async () => {
    const refused = async (domain: string, message: string, scope = `partner:${partnerId}`) => {
      const response = await allow({ domain, scope });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    };
    await refused("", "Vul een domein in");
    await refused("sanne@partner.test", "zonder @ en wat ervoor staat");
    await refused("@partner.test", "zonder @ en wat ervoor staat");
    await refused("https://partner.test", "is geen domeinnaam");
    await refused("partner.test/medewerkers", "is geen domeinnaam");
    await refused("partner", "is geen domeinnaam");
    await refused("partner .test", "is geen domeinnaam");
    await refused("partner.test", "Kies een stad of partner uit de lijst", "partner:2147480000");
    await refused("partner.test", "Kies een stad of partner uit de lijst", "iedereen");
    expect(await domains()).toEqual([]);
  });

  it("stores a domain lower-cased in its ASCII form, audited, and removes it", async () => {
    const added = await allow({
      domain: " Bücher.Partner.TEST ",
      scope: `city:${ownSession.city_id}`,
    });
    expect(added.status).toBe(302);
    const [row] = await domains();
    expect(row).toMatchObject({ domain: "xn--bcher-kva.partner.test", partner_id: null });
    const listed = await (await send(page, { cookie: admin })).text();
    expect(listed).toContain("xn--bcher-kva.partner.test");
    const again = await allow({
      domain: "bücher.partner.test",
      scope: `city:${ownSession.city_id}`,
    });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("al toegelaten");

    const removed = await allow({ intent: "remove", domainId: String(row?.id) });
    expect(removed.status).toBe(302);
    expect(await domains()).toEqual([]);
    expect((await allow({ intent: "remove", domainId: String(row?.id) })).status).toBe(404);
    const [allowed] = await auditOf("signInDomain.allow");
    const [gone] = await auditOf("signInDomain.remove");
    expect(JSON.parse(allowed?.details ?? "")).toMatchObject({
      domain: "xn--bcher-kva.partner.test",
    });
    expect(gone?.subject_id).toBe(row?.id);
    const log = await (await send("/beheer/logboek", { cookie: admin })).text();
    expect(log).toContain(
      "Domein xn--bcher-kva.partner.test toegelaten voor aanmelden met het account van de stad, voor de stad Leuven.",
    );
    expect(log).toContain(
      "Domein xn--bcher-kva.partner.test niet langer toegelaten voor de stad Leuven.",
    );
  });

  it("lets a new address of a partner's domain in, as organiser of that partner only", async () => {
    expect((await allow({ domain: "partner.test", scope: `partner:${partnerId}` })).status).toBe(
      302,
    );
    const before = await signInCounts();
    const { response } = await signInAs("joiner");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/beheer");
    const cookie = cookieFrom(response);
    expect((await send(`/beheer/sessies/${partnerSession.id}`, { cookie })).status).toBe(200);
    expect((await send(`/beheer/sessies/${ownSession.id}`, { cookie })).status).toBe(404);
    expect((await send("/beheer/organisatoren", { cookie })).status).toBe(403);
    expect(await signInCounts()).toEqual({
      organisers: before.organisers + 1,
      authSessions: before.authSessions + 1,
      signIns: before.signIns + 1,
    });
    const joined = await organiserOf("sanne.maes@partner.test");
    expect(joined).toMatchObject({ name: "Sanne Maes", role: "organiser", city_account_only: 1 });
    const scopes = await db
      .selectFrom("organiser_scopes")
      .select(["city_id", "partner_id"])
      .where("organiser_id", "=", joined?.id ?? 0)
      .execute();
    expect(scopes).toEqual([{ city_id: null, partner_id: partnerId }]);
    const [entry] = await auditOf("organiser.joinThroughDomain");
    expect(entry).toMatchObject({ organiser_id: joined?.id, subject_id: joined?.id });
    expect(JSON.parse(entry?.details ?? "")).toMatchObject({ domain: "partner.test", scopes: 1 });
    const log = await (await send("/beheer/logboek", { cookie: admin })).text();
    expect(log).toContain("Sanne Maes kwam erbij via het domein partner.test");
    const organisers = await (await send("/beheer/organisatoren", { cookie: admin })).text();
    expect(organisers).toContain("Kwam erbij via een domein");

    // The next time, the account is there: nothing more is made.
    const next = await signInCounts();
    expect((await signInAs("joiner")).response.status).toBe(302);
    expect((await signInCounts()).organisers).toBe(next.organisers);
  });

  it("keeps the scope the app gives the account afterwards", async () => {
    const joined = await organiserOf("sanne.maes@partner.test");
    const id = joined?.id ?? 0;
    await db.deleteFrom("organiser_scopes").where("organiser_id", "=", id).execute();
    await db
      .insertInto("organiser_scopes")
      .values({ organiser_id: id, city_id: ownSession.city_id, partner_id: null })
      .execute();
    const cookie = cookieFrom((await signInAs("joiner")).response);
    expect((await send(`/beheer/sessies/${ownSession.id}`, { cookie })).status).toBe(200);
    expect((await send(`/beheer/sessies/${partnerSession.id}`, { cookie })).status).toBe(404);
  });

  it("refuses an address of a domain allowed for nothing, and creates nothing", async () => {
    const logged = refusalsLogged();
    const before = await signInCounts();
    const { status, text } = await refusal((await signInAs("nowhere")).response);
    expect(status).toBe(403);
    expect(text).toContain("Vraag een beheerder om je uit te nodigen");
    expect(await signInCounts()).toEqual(before);
    expect(await organiserOf("iemand@nergens.test")).toBeUndefined();
    expect(logged()).toMatch(/notInvited/);
  });

  it("refuses an address of an allowed domain that the provider did not verify", async () => {
    refusalsLogged();
    const before = await signInCounts();
    const { status, text } = await refusal((await signInAs("joinerUnverified")).response);
    expect(status).toBe(403);
    expect(text).toContain("geen bevestigd e-mailadres");
    expect(await signInCounts()).toEqual(before);
    expect(await organiserOf("onbevestigd@partner.test")).toBeUndefined();
  });

  it("gives the account no password, no password link and no passkey that opens it", async () => {
    const email = "sanne.maes@partner.test";
    const wrong = await send("/beheer/inloggen", {
      form: { email, password: TEST_PASSWORD, terug: "/beheer" },
    });
    expect(wrong.status).toBe(401);
    expect(cookieFrom(wrong)).not.toMatch(/oa_session=/);
    await requestPasswordReset(email, { locale: "nl-BE" });
    const links = await db
      .selectFrom("password_resets")
      .innerJoin("organisers", "organisers.id", "password_resets.organiser_id")
      .select("token_hash")
      .where("organisers.email", "=", email)
      .execute();
    expect(links).toEqual([]);
    const passkey = await passkeyOf("joiner");
    const before = await signInCounts();
    const response = await signInWith(passkey);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "cityLogin.only", values: { button: LABEL } });
    expect(await signInCounts()).toEqual(before);
  });

  it("lets nobody in whose account the city's directory disabled", async () => {
    expect((await signInAs("leaver")).response.status).toBe(302);
    await provider.disable("leaver");
    refusalsLogged();
    const before = await signInCounts();
    const { authorize } = await start();
    // The provider no longer signs the account in: the browser never comes back with a code.
    await expect(atProvider(authorize, "leaver")).rejects.toThrow(/The provider answered/);
    // And the app has no other way in for it.
    const password = await send("/beheer/inloggen", {
      form: { email: "vertrekker@partner.test", password: TEST_PASSWORD, terug: "/beheer" },
    });
    expect(password.status).toBe(401);
    expect(await signInCounts()).toEqual(before);
  });

  it("keeps out an account an admin removed, until an admin invites the address again", async () => {
    expect((await signInAs("removed")).response.status).toBe(302);
    const joined = await organiserOf("weg.gezet@partner.test");
    const organisers = "/beheer/organisatoren";
    const listed = await (await send(organisers, { cookie: admin })).text();
    expect(listed).toContain("komt die niet meer binnen via het domein partner.test");
    const removed = await send(organisers, {
      form: { intent: "remove", organiserId: String(joined?.id) },
      cookie: admin,
    });
    expect(removed.status).toBe(302);
    const notice = await send(removed.headers.get("Location") ?? "", {
      cookie: `${admin}; ${cookieFrom(removed)}`,
    });
    expect(await notice.text()).toContain(
      "Via het domein partner.test komt dit adres niet meer binnen, tot een beheerder het opnieuw uitnodigt.",
    );

    const logged = refusalsLogged();
    const before = await signInCounts();
    const joins = (await auditOf("organiser.joinThroughDomain")).length;
    const { status, text } = await refusal((await signInAs("removed")).response);
    expect(status).toBe(403);
    expect(text).toContain("een beheerder heeft je account in de agenda gesloten");
    expect(text).toContain("Vraag een beheerder om je opnieuw uit te nodigen");
    expect(await signInCounts()).toEqual(before);
    expect(await auditOf("organiser.joinThroughDomain")).toHaveLength(joins);
    expect(await organiserOf("weg.gezet@partner.test")).toBeUndefined();
    expect(logged()).toMatch(/removedByAdmin/);
    // What keeps the address out is no address: nobody reads it back from a copy of the database.
    const kept = JSON.stringify(await db.selectFrom("refused_addresses").selectAll().execute());
    expect(kept).toContain("partner.test");
    expect(kept.toLowerCase()).not.toContain("weg.gezet");

    const invited = await send(organisers, {
      form: {
        name: "Weg Gezet",
        email: "weg.gezet@partner.test",
        role: "organiser",
        partnerIds: String(partnerId),
        locale: "nl-BE",
      },
      cookie: admin,
    });
    expect(invited.status).toBe(302);
    expect(await db.selectFrom("refused_addresses").selectAll().execute()).toEqual([]);
    const back = await signInAs("removed");
    expect(back.response.status).toBe(302);
    const cookie = cookieFrom(back.response);
    expect((await send(`/beheer/sessies/${partnerSession.id}`, { cookie })).status).toBe(200);

    // Invited by name this time, and removed again: kept out again all the same.
    const again = await organiserOf("weg.gezet@partner.test");
    await send(organisers, {
      form: { intent: "remove", organiserId: String(again?.id) },
      cookie: admin,
    });
    expect((await refusal((await signInAs("removed")).response)).status).toBe(403);
  });

  it.skipIf(database().dialect !== "postgres")(
    "opens one account for two way-backs of a new address at the same moment",
    async () => {
      // Two tabs came back from the provider for the same new address.
      const tabs = await Promise.all(
        [0, 1].map(async () => {
          const { cookie, authorize } = await start();
          return { cookie, back: await atProvider(authorize, "twice") };
        }),
      );
      const before = await signInCounts();
      // Both are made to be inside their transaction at once: the first to add the account
      // waits to start its session until the test lets it, the other waits on the first's
      // address; then both go on.
      const answers = await db.transaction().execute(async (trx) => {
        await sql`lock table auth_sessions in share mode`.execute(trx);
        const sent = tabs.map(({ cookie, back }) => send(back, { cookie }));
        await waitingOnLocks(2);
        return sent;
      });
      const responses = await Promise.all(answers);
      expect(responses.map((response) => response.status)).toEqual([302, 302]);
      for (const response of responses) {
        expect((await send("/beheer", { cookie: cookieFrom(response) })).status).toBe(200);
      }
      expect(await signInCounts()).toEqual({
        organisers: before.organisers + 1,
        authSessions: before.authSessions + 2,
        signIns: before.signIns + 2,
      });
      const joined = await organiserOf("twee.tabs@partner.test");
      const joins = await auditOf("organiser.joinThroughDomain");
      expect(joins.filter((entry) => entry.subject_id === joined?.id)).toHaveLength(1);
    },
  );

  it("lets nobody new in once the domain is removed, and keeps the accounts made", async () => {
    const [row] = await domains();
    expect((await allow({ intent: "remove", domainId: String(row?.id) })).status).toBe(302);
    const listed = await (await send(page, { cookie: admin })).text();
    expect(listed).toContain("de accounts die er al mee gemaakt zijn, blijven bestaan");
    refusalsLogged();
    const before = await signInCounts();
    const { status } = await refusal((await signInAs("late")).response);
    expect(status).toBe(403);
    expect(await signInCounts()).toEqual(before);
    expect((await signInAs("joiner")).response.status).toBe(302);

    // Nobody of the domain gets in now: retention forgets whom it kept out.
    expect(await db.selectFrom("refused_addresses").selectAll().execute()).toHaveLength(1);
    expect((await applyRetention()).refusedAddresses).toBe(1);
    expect(await db.selectFrom("refused_addresses").selectAll().execute()).toEqual([]);
  });
});

describe("when the city's provider is down", () => {
  it("says so (503) on the way back, and creates nothing", async () => {
    const logged = refusalsLogged();
    const { cookie, authorize } = await start();
    const back = await atProvider(authorize, "invited");
    await provider.stop();
    const before = await signInCounts();
    const { status, text } = await refusal(await send(back, { cookie }));
    expect(status).toBe(503);
    expect(text).toContain("antwoordt nu niet");
    expect(await signInCounts()).toEqual(before);
    expect(logged()).toMatch(/unavailable/);
  });
});
