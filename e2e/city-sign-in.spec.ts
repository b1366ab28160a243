import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import type { DatabaseHandle } from "../db/client";
import { signInCounts } from "../test/support/sign-in-counts";
import { test as base, expect } from "./fixtures";
import { addOrganiser, signIn } from "./utils";

/**
 * Sign-in with the city's accounts in a browser: the button on the sign-in page, the login form
 * of a real OpenID provider (`oidc-provider`, in a process of its own, over https as a city's is),
 * and the way back into the workspace, with the app as it runs in production. An invited address
 * opens its own scope without the app's code; an address nobody invited, a tampered state and a
 * code used twice end on a page that says why, with nothing created. An ID token that expired on
 * the way back is left to test/oidc.test.ts, which moves the app's clock: this app is a process
 * of its own, whose clock a test cannot move.
 */

const CLIENT = { id: "ondernemersagenda", secret: "een-geheim-van-de-testprovider" };
const CALLBACK_PATH = "/beheer/inloggen/oidc/terug";
const LABEL = "Aanmelden met je account van Stad Leuven";
const PASSWORD = "stadsaccount-wachtwoord-e2e";

/** The provider's accounts, by login; each test signs in with one of its own. */
const ACCOUNTS = {
  inge: { email: "Inge.Claes@Leuven.test", email_verified: true, name: "Inge Claes" },
  // The city's own domain: its provider answers for it without an email_verified claim.
  jan: { email: "jan.unizo@stad.test", name: "Jan Wouters" },
  niemand: { email: "niemand@elders.test", email_verified: true, name: "Niemand" },
  staat: { email: "staat@leuven.test", email_verified: true, name: "Sofie Staat" },
  tweemaal: { email: "tweemaal@leuven.test", email_verified: true, name: "Tom Tweemaal" },
};
type Login = keyof typeof ACCOUNTS;

interface Provider {
  issuer: string;
  /** Its self-signed certificate (PEM file), which the app is told to trust. */
  certificate: string;
}

const providerScript = fileURLToPath(new URL("../test/support/oidc-provider.ts", import.meta.url));

/** The provider, started before the app, with the app's own callback as its redirect URI. */
async function startProvider(appPort: number, dir: string) {
  const key = join(dir, "key.pem");
  const certificate = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
      ...["-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1"],
      ...["-addext", "subjectAltName=IP:127.0.0.1"],
    ],
    { stdio: "ignore" },
  );
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      providerScript,
      `http://localhost:${appPort}${CALLBACK_PATH}`,
      CLIENT.id,
      CLIENT.secret,
      JSON.stringify(ACCOUNTS),
    ],
    {
      env: { ...process.env, OIDC_TEST_TLS_KEY: key, OIDC_TEST_TLS_CERT: certificate },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const issuer = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /^https:\/\/127\.0\.0\.1:\d+$/m.exec(output)?.[0];
      if (found) resolve(found);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the provider ended (${code}): ${output}`)));
  });
  const exited = once(child, "exit");
  return {
    provider: { issuer, certificate },
    async stop() {
      child.kill();
      await exited;
    },
  };
}

const test = base.extend<object, { provider: Provider }>({
  provider: [
    async ({ appPort }, use) => {
      const dir = mkdtempSync(join(tmpdir(), "oa-oidc-"));
      const { provider, stop } = await startProvider(appPort, dir);
      await use(provider);
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: "worker" },
  ],
  appEnv: [
    async ({ provider }, use) =>
      use({
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT.id,
        OIDC_CLIENT_SECRET: CLIENT.secret,
        OIDC_BUTTON_LABEL: LABEL,
        OIDC_DOMAINS: "stad.test",
        NODE_EXTRA_CA_CERTS: provider.certificate,
      }),
    { scope: "worker" },
  ],
});

// The browser accepts the provider's self-signed certificate; the app trusts that one only
// (NODE_EXTRA_CA_CERTS) and checks it as it would a city's.
test.use({ ignoreHTTPSErrors: true });

test.beforeEach(async ({ page }) => {
  // The provider's login page loads a web font from the internet: no test waits on that.
  await page.route(/^https:\/\/fonts\.googleapis\.com\//, (route) => route.abort());
});

/** The button on the sign-in page, then the provider's login form filled in as `login`. */
async function signInAtProvider(page: Page, login: Login) {
  await page.goto("/beheer/inloggen");
  await page.getByRole("link", { name: LABEL }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("wat-dan-ook");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

const atCallback = (url: URL) => url.pathname === CALLBACK_PATH;

/**
 * Up to the provider sending the browser back, which is held there: the callback URL, with the
 * code and state, that the app has not seen yet. A browser follows redirects without the test
 * seeing them, so the provider's answer to its login form is followed here instead, to the
 * callback's address, and the browser stays on the form.
 */
async function heldAtCallback(page: Page, login: Login): Promise<URL> {
  let held: (url: URL) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const callback = new Promise<URL>((resolve, reject) => {
    held = resolve;
    failed = reject;
  });
  const loginForm = (url: URL) => url.pathname.startsWith("/interaction/");
  await page.route(loginForm, async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    try {
      let response = await route.fetch({ maxRedirects: 0 });
      let url = new URL(route.request().url());
      for (let hop = 0; hop < 5; hop++) {
        url = new URL(response.headers().location ?? "", url);
        if (atCallback(url)) break;
        response = await page.request.get(url.href, { maxRedirects: 0 });
      }
      if (!atCallback(url)) throw new Error(`the provider never sent the browser back: ${url}`);
      // No content: the browser stays where it is.
      await route.fulfill({ status: 204 });
      held(url);
    } catch (error) {
      failed(error);
      await route.abort();
    }
  });
  await signInAtProvider(page, login);
  const url = await callback;
  await page.unroute(loginForm);
  return url;
}

/** Opens `url` and follows it to the refusal page: that page's status. */
async function refusedAt(page: Page, url: string): Promise<number> {
  const refusal = page.waitForResponse((response) =>
    new URL(response.url()).pathname.endsWith("/beheer/inloggen/oidc/mislukt"),
  );
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Aanmelden is niet gelukt" })).toBeVisible();
  return (await refusal).status();
}

/** What the app logs from now on, to tell which of its checks refused (it logs before answering). */
function loggedFrom(app: { output: () => string }) {
  const mark = app.output().length;
  return () => app.output().slice(mark);
}

async function sessionIdOf({ db }: DatabaseHandle, slug: string) {
  return (
    await db.selectFrom("sessions").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()
  ).id;
}

/** A session's page in the workspace: its heading, or "not found" for one out of scope. */
async function expectSession(page: Page, db: DatabaseHandle, slug: string, title: string | null) {
  const response = await page.goto(`/beheer/sessies/${await sessionIdOf(db, slug)}`);
  if (title) {
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  } else {
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
  }
}

const LEUVEN_SESSION = {
  slug: "leuven-ontbijt-omgevingsvergunning-winkel",
  title: "Ontbijtsessie: een omgevingsvergunning voor de verbouwing van je winkel",
};
const UNIZO_SESSION = {
  slug: "leuven-ontbijt-premies-leeg-handelspand",
  title: "Ontbijtsessie: premies voor een nieuwe zaak in een leeg handelspand",
};
const GENT_SESSION = "gent-ontbijt-lez-leveringen";

test("an invited organiser of a city signs in with the city's account, into their own city, without the app's code", async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  const email = "inge.claes@leuven.test";
  await addOrganiser(db, {
    email,
    name: "Inge Claes",
    password: PASSWORD,
    role: "organiser",
    citySlugs: ["leuven"],
  });
  // Two-step sign-in is on for her: her password leads to the app's code. The secret itself
  // is sealed with the app's key and no step here reads it; that the second step is on is enough.
  const { id } = await db.db
    .selectFrom("organisers")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await db.db
    .insertInto("organiser_second_factors")
    .values({
      organiser_id: id,
      sealed_secret: "v1.niet.te.openen",
      created_at: now,
      enabled_at: now,
      last_step: null,
    })
    .execute();
  const before = await signInCounts(db);

  await signInAtProvider(page, "inge");
  await page.waitForURL(/\/beheer$/);
  await expect(page.getByText("Aangemeld als Inge Claes")).toBeVisible();
  expect(await signInCounts(db)).toEqual({
    organisers: before.organisers,
    authSessions: before.authSessions + 1,
    signIns: before.signIns + 1,
  });
  await expectSession(page, db, LEUVEN_SESSION.slug, LEUVEN_SESSION.title);
  await expectSession(page, db, GENT_SESSION, null);

  // For contrast, the same organiser with her password in another browser: the code is asked.
  const other = await browser.newPage({ baseURL });
  await other.goto("/beheer/inloggen");
  await other.getByLabel("E-mailadres").fill(email);
  await other.getByLabel("Wachtwoord").fill(PASSWORD);
  await other.getByRole("button", { name: "Aanmelden" }).click();
  await other.waitForURL(/\/beheer\/inloggen\/code\?terug=/);
  await other.close();
});

test("an invited partner organiser of the city's own domain signs in with the city's account, into the partner's sessions", async ({
  page,
  db,
}) => {
  await addOrganiser(db, {
    email: "jan.unizo@stad.test",
    name: "Jan Wouters",
    password: PASSWORD,
    role: "organiser",
    partnerSlugs: ["unizo"],
  });
  await signInAtProvider(page, "jan");
  await page.waitForURL(/\/beheer$/);
  await expect(page.getByText("Aangemeld als Jan Wouters")).toBeVisible();
  await expectSession(page, db, UNIZO_SESSION.slug, UNIZO_SESSION.title);
  // A Leuven session without Unizo is not theirs, though the city is.
  await expectSession(page, db, LEUVEN_SESSION.slug, null);
});

test("an address nobody invited is told to ask an admin, and no account is made for it", async ({
  page,
  app,
  db,
  expectAccessible,
}) => {
  const before = await signInCounts(db);
  const logged = loggedFrom(app);
  const refusal = page.waitForResponse((response) =>
    new URL(response.url()).pathname.endsWith("/beheer/inloggen/oidc/mislukt"),
  );
  await signInAtProvider(page, "niemand");
  expect((await refusal).status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Aanmelden is niet gelukt" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText(
    "dit adres heeft geen toegang tot de agenda. Vraag een beheerder om je uit te nodigen.",
  );
  await expectAccessible(page);
  expect(await signInCounts(db)).toEqual(before);
  const stranger = await db.db
    .selectFrom("organisers")
    .select("id")
    .where("email", "=", "niemand@elders.test")
    .executeTakeFirst();
  expect(stranger).toBeUndefined();
  await expect.poll(logged).toMatch(/refused \(notInvited\)/);
  // The log says which check refused, never whose address it was.
  expect(logged()).not.toContain("elders.test");
  // The workspace stays closed.
  await page.getByRole("link", { name: "Terug naar aanmelden" }).click();
  await page.goto("/beheer");
  await expect(page).toHaveURL(/\/beheer\/inloggen/);
});

test("a callback whose state was changed is refused, and spends the sign-in it belonged to", async ({
  page,
  app,
  db,
  expectAccessible,
}) => {
  await addOrganiser(db, {
    email: "staat@leuven.test",
    name: "Sofie Staat",
    password: PASSWORD,
    role: "organiser",
    citySlugs: ["leuven"],
  });
  const callback = await heldAtCallback(page, "staat");
  const before = await signInCounts(db);
  const tampered = new URL(callback);
  tampered.searchParams.set("state", "een-andere-staat-dan-die-van-de-app");
  let logged = loggedFrom(app);
  expect(await refusedAt(page, tampered.href)).toBe(400);
  await expect(page.getByRole("alert")).toContainText("kon niet bevestigd worden");
  await expectAccessible(page);
  await expect.poll(logged).toMatch(/unexpected "state"/);
  // The untouched callback, after that: a stale state, no sign-in under way any more.
  logged = loggedFrom(app);
  expect(await refusedAt(page, callback.href)).toBe(400);
  await expect.poll(logged).toMatch(/no sign-in was started in this browser/);
  expect(await signInCounts(db)).toEqual(before);
  await page.goto("/beheer");
  await expect(page).toHaveURL(/\/beheer\/inloggen/);
});

test("a code used a second time is refused, even with the sign-in's own cookie", async ({
  page,
  app,
  db,
}) => {
  await addOrganiser(db, {
    email: "tweemaal@leuven.test",
    name: "Tom Tweemaal",
    password: PASSWORD,
    role: "organiser",
    citySlugs: ["leuven"],
  });
  const callback = await heldAtCallback(page, "tweemaal");
  // The cookie of the sign-in under way, as someone who copied it with the URL would have it.
  const pending = (await page.context().cookies(callback.origin)).filter((cookie) =>
    cookie.name.endsWith("oa_oidc"),
  );
  expect(pending).toHaveLength(1);
  await page.goto(callback.href);
  await page.waitForURL(/\/beheer$/);
  const after = await signInCounts(db);

  // The same address a second time in this browser.
  let logged = loggedFrom(app);
  expect(await refusedAt(page, callback.href)).toBe(400);
  await expect(page.getByRole("alert")).toContainText("al gebruikt");
  await expect.poll(logged).toMatch(/no sign-in was started in this browser/);
  // And with the cookie back: the state matches, and the provider refuses the spent code.
  await page.context().addCookies(pending);
  logged = loggedFrom(app);
  expect(await refusedAt(page, callback.href)).toBe(400);
  await expect.poll(logged).toMatch(/invalid_grant/);
  expect(await signInCounts(db)).toEqual(after);
});

test("an address of the city's domain cannot sign in with a password: the page points to the button", async ({
  page,
  db,
}) => {
  const email = "bert@stad.test";
  await addOrganiser(db, {
    email,
    name: "Bert Peeters",
    password: PASSWORD,
    role: "organiser",
    citySlugs: ["leuven"],
  });
  const before = await signInCounts(db);
  await page.goto("/beheer/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  const answer = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  expect((await answer).status()).toBe(403);
  await expect(
    page.getByText(`Met een adres van de stad meld je je aan met de knop ‘${LABEL}’`),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: LABEL })).toBeVisible();
  expect(await signInCounts(db)).toEqual(before);
  // Other addresses keep their password.
  await addOrganiser(db, {
    email: "wachtwoord@leuven.test",
    name: "Wim Wachtwoord",
    password: PASSWORD,
    role: "organiser",
    citySlugs: ["leuven"],
  });
  await signIn(page, "wachtwoord@leuven.test", PASSWORD);
});
