import type { Browser, BrowserContext, Page, Route } from "@playwright/test";
import { registrationKeys } from "../app/models/registration.server";
import { issueRegistrationToken } from "../app/models/registration-token.server";
import type { DatabaseHandle } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";
import { addOrganiser, signIn } from "./utils";

/**
 * Check-in in a basement without Wi-Fi, in Chromium on a 360 px phone: the list is opened once
 * with a network, then people are checked in by name and by QR code and a walk-in is added with
 * the network off; the page says how many wait, opens again offline (the service worker's copy),
 * and sends everything once the network is back. Two phones checking in the same person offline
 * make one check-in.
 */

const PHONE = { width: 360, height: 740 };
const PASSWORD = "kelder-zonder-wifi";
const HOUR = 3_600_000;

test.use({ viewport: PHONE });

/** A session under way with these people, each with a seat, signed up the week before. */
async function sessionWith(db: DatabaseHandle, title: string, names: string[]) {
  const now = Date.now();
  const session = await createSession(
    {
      title,
      capacity: names.length,
      starts_at: new Date(now - HOUR / 4).toISOString(),
      ends_at: new Date(now + HOUR).toISOString(),
    },
    db,
  );
  const signedUpAt = new Date(now - 7 * 24 * HOUR).toISOString();
  const ids: Record<string, number> = {};
  for (const [n, name] of names.entries()) {
    const email = `kelder-${n}-${session.id}@example.org`;
    const { id } = await db.db
      .insertInto("registrations")
      .values({
        session_id: session.id,
        ...registrationKeys(signedUpAt),
        name,
        email,
        email_normalized: email,
        organisation: null,
        enterprise_number: null,
        locale: "nl-BE",
        status: "confirmed",
        consented_at: signedUpAt,
        created_at: signedUpAt,
        updated_at: signedUpAt,
        confirmed_at: signedUpAt,
        cancelled_at: null,
        checked_in_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[name] = id;
  }
  return { session, ids };
}

/** The check-in code a confirmation mail's QR code would hold for this person. */
function checkinCodeOf(db: DatabaseHandle, registrationId: number) {
  return writeTransaction(
    (trx) => issueRegistrationToken(trx, registrationId, "checkin", new Date().toISOString()),
    db,
  );
}

async function presentIn(db: DatabaseHandle, sessionId: number) {
  const rows = await db.db
    .selectFrom("registrations")
    .select(["name", "source", "status", "checked_in_at"])
    .where("session_id", "=", sessionId)
    .where("status", "=", "confirmed")
    .where("checked_in_at", "is not", null)
    .orderBy("name")
    .execute();
  return rows.map((row) => `${row.name}${row.source === "door" ? " (binnengelopen)" : ""}`);
}

/** What a phone without a network gets for any request: the browser's own offline failure. */
const noNetwork = (route: Route) => route.abort("internetdisconnected");

/**
 * Takes the phone's network away. The browser's offline mode alone is not known to stop requests
 * that pass a service worker (microsoft/playwright#2311), so every request of the phone, the
 * page's and the service worker's own, also fails here before it leaves the browser.
 */
async function goOffline(context: BrowserContext) {
  await context.route("**/*", noNetwork);
  await context.setOffline(true);
}

/** Gives the network back: requests go out again before the page hears it is online. */
async function goOnline(context: BrowserContext) {
  await context.unroute("**/*", noNetwork);
  await context.setOffline(false);
}

/** Opens the list with a network, and waits until the phone has kept it for later. */
async function openList(page: Page, sessionId: number) {
  await page.goto(`/beheer/sessies/${sessionId}/inchecken`);
  await expect(
    page.getByText("Deze lijst werkt op deze telefoon ook zonder verbinding."),
  ).toBeVisible();
}

const tapToMark = (page: Page, name: string) =>
  page.getByRole("button", { name: `${name}: tik om aanwezig te melden` });
const present = (page: Page, name: string) =>
  page.getByRole("button", { name: `${name} is aanwezig: tik om ongedaan te maken` });
const banner = (page: Page) => page.locator(".checkin-banner");

test("people are checked in by name and QR code and a walk-in added offline, then sent once back online", async ({
  page,
  context,
  db,
  expectAccessible,
}) => {
  const stamp = Date.now();
  const { session, ids } = await sessionWith(db, `Ontbijt in de kelder ${stamp}`, [
    "Anna Kelder",
    "Bart Kelder",
    "Cor Kelder",
    "Dirk Kelder",
  ]);
  const code = await checkinCodeOf(db, ids["Dirk Kelder"] ?? 0);
  const email = `kelder-${stamp}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Kim Kelder",
    password: PASSWORD,
    role: "organiser",
    citySlugs: [
      (
        await db.db
          .selectFrom("cities")
          .select("slug")
          .where("id", "=", session.city_id)
          .executeTakeFirstOrThrow()
      ).slug,
    ],
  });
  await signIn(page, email, PASSWORD);
  await openList(page, session.id);
  await expectAccessible(page);

  await goOffline(context);
  await expect(banner(page)).toHaveText(/^Offline — /);
  await page.getByPlaceholder("Zoek een naam").fill("anna");
  await tapToMark(page, "Anna Kelder").click();
  await expect(present(page, "Anna Kelder")).toBeVisible();
  await page.getByPlaceholder("Zoek een naam").fill("");
  await tapToMark(page, "Bart Kelder").click();
  await page.getByLabel("Naam", { exact: true }).fill("Wout Binnenloper");
  await page.getByRole("button", { name: "Toevoegen als aanwezig" }).click();
  await expect(present(page, "Wout Binnenloper")).toBeVisible();
  // The form is empty again for whoever comes next.
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue("");
  await expect(banner(page)).toHaveText("Offline — 3 check-ins wachten");
  await expect(page.locator(".checkin-head .big-number")).toHaveText("3 van 5 aanwezig");
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );

  // Meanwhile someone checks Cor in elsewhere: a page from the server would show it, the
  // phone's copy cannot.
  await db.db
    .updateTable("registrations")
    .set({ checked_in_at: new Date().toISOString() })
    .where("id", "=", ids["Cor Kelder"] ?? 0)
    .execute();
  await page.reload();
  await expect(banner(page)).toHaveText("Offline — 3 check-ins wachten");
  await expect(present(page, "Anna Kelder")).toBeVisible();
  await expect(present(page, "Wout Binnenloper")).toBeVisible();
  await expect(tapToMark(page, "Cor Kelder")).toBeVisible();

  // A QR code, scanned with the phone's camera, opens its address: without a network the
  // service worker finds the person on the kept list.
  await page.goto(`/inchecken/${code}`);
  const scanned = page.getByRole("region", { name: "Gescande QR-code" });
  await scanned.getByRole("button", { name: "Dirk Kelder: tik om aanwezig te melden" }).click();
  await expect(banner(page)).toHaveText("Offline — 4 check-ins wachten");
  expect(await presentIn(db, session.id)).toEqual(["Cor Kelder"]);

  await goOnline(context);
  await expect(banner(page)).toHaveCount(0);
  expect(await presentIn(db, session.id)).toEqual([
    "Anna Kelder",
    "Bart Kelder",
    "Cor Kelder",
    "Dirk Kelder",
    "Wout Binnenloper (binnengelopen)",
  ]);
  // What the server said is what the phone shows now: Cor too.
  await expect(present(page, "Cor Kelder")).toBeVisible();
  await expect(page.locator(".checkin-head .big-number")).toHaveText("5 van 5 aanwezig");

  // Signing out leaves nothing of the list on the phone.
  await page.getByRole("button", { name: "Afmelden" }).click();
  await page.waitForURL(/\/beheer\/inloggen$/);
  expect(
    await page.evaluate(async () => ({
      stored: Object.keys(localStorage).filter((key) => key.startsWith("inchecken:")),
      copies: await caches.keys(),
      workers: (await navigator.serviceWorker.getRegistrations()).length,
    })),
  ).toEqual({ stored: [], copies: [], workers: 0 });
});

test("signing out while check-ins wait offline is held back and says how many; nothing is lost", async ({
  page,
  context,
  db,
  expectAccessible,
}) => {
  const stamp = Date.now();
  const { session } = await sessionWith(db, `Afmelden in de kelder ${stamp}`, [
    "Ine Wachtrij",
    "Jan Wachtrij",
    "Kees Wachtrij",
  ]);
  const email = `afmelden-${stamp}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Lies Deur",
    password: PASSWORD,
    role: "door",
    door: { sessionId: session.id, wholeDay: false, invitedBy: null },
  });
  await signIn(page, email, PASSWORD);
  await openList(page, session.id);

  await goOffline(context);
  await expect(banner(page)).toHaveText(/^Offline — /);
  await tapToMark(page, "Ine Wachtrij").click();
  await tapToMark(page, "Jan Wachtrij").click();
  await expect(banner(page)).toHaveText("Offline — 2 check-ins wachten");

  // Signing out would empty the phone, queue and all: it is held back, and says why.
  await page.getByRole("button", { name: "Afmelden", exact: true }).click();
  const warning = page.getByRole("alert").filter({ hasText: "niet verstuurd" });
  await expect(warning.locator("p")).toHaveText(
    "2 check-ins staan nog op deze telefoon en zijn niet verstuurd: afmelden zou die wissen. " +
      "Zorg eerst weer voor verbinding en open de lijst tot alles verstuurd is; meld je daarna af.",
  );
  await expect(
    warning.getByRole("button", { name: "Toch afmelden en die 2 check-ins weggooien" }),
  ).toBeVisible();
  await expectAccessible(page);
  await expect(page).toHaveURL(new RegExp(`/beheer/sessies/${session.id}/inchecken$`));
  await expect(banner(page)).toHaveText("Offline — 2 check-ins wachten");
  expect(await presentIn(db, session.id)).toEqual([]);

  // Back online the queue goes, and the warning with it; then signing out works.
  await goOnline(context);
  await expect(banner(page)).toHaveCount(0);
  await expect(warning).toHaveCount(0);
  expect(await presentIn(db, session.id)).toEqual(["Ine Wachtrij", "Jan Wachtrij"]);
  await page.getByRole("button", { name: "Afmelden", exact: true }).click();
  await page.waitForURL(/\/beheer\/inloggen$/);
  expect(
    await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith("inchecken:")),
    ),
  ).toEqual([]);
});

test("signing out with a network from another page sends what the phone holds first", async ({
  page,
  context,
  db,
}) => {
  const stamp = Date.now();
  const { session } = await sessionWith(db, `Later afmelden ${stamp}`, [
    "Mira Later",
    "Nand Later",
  ]);
  const email = `later-afmelden-${stamp}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Lot Deur",
    password: PASSWORD,
    role: "door",
    door: { sessionId: session.id, wholeDay: false, invitedBy: null },
  });
  await signIn(page, email, PASSWORD);
  await openList(page, session.id);
  await goOffline(context);
  await expect(banner(page)).toHaveText(/^Offline — /);
  await tapToMark(page, "Mira Later").click();
  await expect(banner(page)).toHaveText("Offline — 1 check-in wacht");
  // The list is left before the network is back: no list is open to send the queue.
  await page.goto("about:blank");
  await goOnline(context);
  await page.goto("/beheer");
  await page.getByRole("button", { name: "Afmelden", exact: true }).click();
  await page.waitForURL(/\/beheer\/inloggen$/);
  expect(await presentIn(db, session.id)).toEqual(["Mira Later"]);
});

test("a check-in the server refuses holds the sign-out back until it is discarded on purpose", async ({
  page,
  context,
  db,
}) => {
  const stamp = Date.now();
  const { session, ids } = await sessionWith(db, `Geweigerd ${stamp}`, ["Olga Geweigerd"]);
  const email = `geweigerd-${stamp}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Piet Deur",
    password: PASSWORD,
    role: "door",
    door: { sessionId: session.id, wholeDay: false, invitedBy: null },
  });
  await signIn(page, email, PASSWORD);
  await openList(page, session.id);
  await goOffline(context);
  await expect(banner(page)).toHaveText(/^Offline — /);
  await tapToMark(page, "Olga Geweigerd").click();
  await expect(banner(page)).toHaveText("Offline — 1 check-in wacht");
  await page.goto("about:blank");
  // Meanwhile Olga cancelled: the server will not check her in.
  await db.db
    .updateTable("registrations")
    .set({ status: "cancelled", cancelled_at: new Date().toISOString() })
    .where("id", "=", ids["Olga Geweigerd"] ?? 0)
    .execute();
  await goOnline(context);

  await page.goto("/beheer");
  await page.getByRole("button", { name: "Afmelden", exact: true }).click();
  const warning = page.getByRole("alert").filter({ hasText: "niet verstuurd" });
  await expect(warning.locator("p")).toHaveText(/^1 check-in staat nog op deze telefoon/);
  await warning.getByRole("button", { name: "Toch afmelden en die check-in weggooien" }).click();
  await page.waitForURL(/\/beheer\/inloggen$/);
  expect(
    await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith("inchecken:")),
    ),
  ).toEqual([]);
});

/** A phone of its own: a browser context signed in as this volunteer, with the list kept. */
async function phone(browser: Browser, baseURL: string, email: string, sessionId: number) {
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE,
    locale: "nl-BE",
    timezoneId: "Europe/Brussels",
  });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  await openList(page, sessionId);
  return { context, page };
}

test("two phones checking in the same person offline make one check-in, at the first moment", async ({
  browser,
  baseURL,
  db,
}) => {
  const stamp = Date.now();
  const { session, ids } = await sessionWith(db, `Studentenkot zonder wifi ${stamp}`, [
    "Eva Tweemaal",
    "Fien Eenmaal",
  ]);
  const volunteers = ["a", "b"].map((letter) => `deur-${letter}-${stamp}@leuven.test`);
  for (const email of volunteers) {
    await addOrganiser(db, {
      email,
      name: `Deur ${email}`,
      password: PASSWORD,
      role: "door",
      door: { sessionId: session.id, wholeDay: false, invitedBy: null },
    });
  }
  const phones: { context: BrowserContext; page: Page }[] = [];
  for (const email of volunteers)
    phones.push(await phone(browser, baseURL ?? "", email, session.id));
  const [a, b] = phones;
  if (!a || !b) throw new Error("two phones");

  for (const { context } of phones) await goOffline(context);
  await tapToMark(a.page, "Eva Tweemaal").click();
  await expect(banner(a.page)).toHaveText("Offline — 1 check-in wacht");
  await tapToMark(b.page, "Eva Tweemaal").click();
  await expect(banner(b.page)).toHaveText("Offline — 1 check-in wacht");

  const checkedInAt = async () =>
    (
      await db.db
        .selectFrom("registrations")
        .select("checked_in_at")
        .where("id", "=", ids["Eva Tweemaal"] ?? 0)
        .executeTakeFirstOrThrow()
    ).checked_in_at;
  // The phone that tapped last gets its network back first; then the other.
  await goOnline(b.context);
  await expect(banner(b.page)).toHaveCount(0);
  const second = await checkedInAt();
  expect(second).not.toBeNull();
  await goOnline(a.context);
  await expect(banner(a.page)).toHaveCount(0);
  const first = await checkedInAt();
  expect(first && second && first < second).toBe(true);

  const operations = await db.db
    .selectFrom("check_in_operations")
    .select(["kind", "registration_id"])
    .where("session_id", "=", session.id)
    .execute();
  expect(operations).toEqual([
    { kind: "checkIn", registration_id: ids["Eva Tweemaal"] },
    { kind: "checkIn", registration_id: ids["Eva Tweemaal"] },
  ]);
  const checkedIn = await db.db
    .selectFrom("registrations")
    .select("name")
    .where("session_id", "=", session.id)
    .where("checked_in_at", "is not", null)
    .execute();
  expect(checkedIn).toEqual([{ name: "Eva Tweemaal" }]);
  for (const { page } of phones) await expect(present(page, "Eva Tweemaal")).toBeVisible();
  for (const { context } of phones) await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the list still checks people in and adds a walk-in, page by page", async ({ page, db }) => {
    const stamp = Date.now();
    const { session } = await sessionWith(db, `Zonder script ${stamp}`, ["Gert Zonder"]);
    const email = `zonder-script-${stamp}@leuven.test`;
    await addOrganiser(db, {
      email,
      name: "Zonder Script",
      password: PASSWORD,
      role: "door",
      door: { sessionId: session.id, wholeDay: false, invitedBy: null },
    });
    await signIn(page, email, PASSWORD);
    await page.goto(`/beheer/sessies/${session.id}/inchecken`);
    await tapToMark(page, "Gert Zonder").click();
    await expect(present(page, "Gert Zonder")).toBeVisible();
    await page.getByLabel("Naam", { exact: true }).fill("Hanne Zonder");
    await page.getByRole("button", { name: "Toevoegen als aanwezig" }).click();
    await expect(present(page, "Hanne Zonder")).toBeVisible();
    expect(await presentIn(db, session.id)).toEqual([
      "Gert Zonder",
      "Hanne Zonder (binnengelopen)",
    ]);
  });
});
