import type { Page } from "@playwright/test";
import { authenticator } from "../test/support/authenticator";
import { expect, test } from "./fixtures";
import { addOrganiser } from "./utils";

/**
 * Two-step sign-in and the devices list in a browser, as an organiser uses them: the key read
 * off the page and codes computed from it as an authenticator app would.
 */

const PASSWORD = "twee-stappen-wachtwoord-e2e";
let counter = 0;

async function newOrganiser(
  db: Parameters<typeof addOrganiser>[0],
  role: "admin" | "organiser" = "organiser",
) {
  const email = `tweestap${++counter}-${Date.now()}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: role === "admin" ? "Bart Beheerder" : "Tine Tweestap",
    password: PASSWORD,
    role,
    citySlugs: role === "organiser" ? ["leuven"] : undefined,
  });
  return email;
}

/** The password form; where it leads is for the test to say. */
async function givePassword(page: Page, email: string) {
  await page.goto("/beheer/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Aanmelden" }).click();
}

async function giveCode(page: Page, code: string) {
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Aanmelden" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Afmelden" }).first().click();
  await page.waitForURL(/\/beheer\/inloggen$/);
}

/** The setup on a page that shows it: the key as text, then the first code. Its recovery codes. */
async function setUp(page: Page) {
  await expect(page.getByRole("img", { name: "QR-code voor je authenticator-app" })).toBeVisible();
  const key = (await page.locator("[data-secret]").textContent()) ?? "";
  const app = authenticator(key.replaceAll(" ", ""));
  await page.getByLabel("Code uit je app").fill(app.next());
  await page.getByRole("button", { name: "Bevestigen en aanzetten" }).click();
  await expect(page.getByRole("heading", { name: "Je herstelcodes" })).toBeVisible();
  const codes = await page.locator(".recovery-codes code").allTextContents();
  expect(codes).toHaveLength(10);
  return { app, codes };
}

test.afterEach(async ({ db }) => {
  // The requirement is the app's, shared by every test this worker runs after this one.
  await db.db.deleteFrom("app_settings").execute();
});

test("an organiser turns two-step sign-in on, then signs in with a code and with a recovery code, each once", async ({
  page,
  db,
  expectAccessible,
}) => {
  const email = await newOrganiser(db);
  await givePassword(page, email);
  await page.waitForURL(/\/beheer$/);
  await page.getByRole("link", { name: "Mijn account" }).click();
  await expect(page.getByRole("heading", { name: "Mijn account" })).toBeVisible();
  await expect(page.getByText("Tweestapsverificatie staat uit.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
  await expect(page.locator("[data-secret]")).toBeVisible();
  await expectAccessible(page);
  const { app, codes } = await setUp(page);
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByText("Je hebt nog 10 herstelcodes.")).toBeVisible();
  await expect(page.locator(".recovery-codes")).toHaveCount(0);

  // Signing in now asks for the code after the password.
  await signOut(page);
  await givePassword(page, email);
  await page.waitForURL(/\/beheer\/inloggen\/code\?terug=/);
  await expectAccessible(page);
  const code = app.next();
  await giveCode(page, code);
  await page.waitForURL(/\/beheer$/);

  // The same code a second time: refused.
  await signOut(page);
  await givePassword(page, email);
  await page.waitForURL(/\/beheer\/inloggen\/code/);
  await giveCode(page, code);
  await expect(page.getByText("Die code klopt niet, of werd al gebruikt.")).toBeVisible();
  await expectAccessible(page);

  // A recovery code instead, once.
  const [recovery = ""] = codes;
  await giveCode(page, recovery);
  await page.waitForURL(/\/beheer$/);
  await page.goto("/beheer/mijn-account");
  await expect(page.getByText("Je hebt nog 9 herstelcodes.")).toBeVisible();
  await signOut(page);
  await givePassword(page, email);
  await page.waitForURL(/\/beheer\/inloggen\/code/);
  await giveCode(page, recovery);
  await expect(page.getByText("Die code klopt niet, of werd al gebruikt.")).toBeVisible();
});

test("a wrong code five times is limited like a wrong password", async ({ page, db }) => {
  const email = await newOrganiser(db);
  await givePassword(page, email);
  await page.waitForURL(/\/beheer$/);
  await page.goto("/beheer/mijn-account");
  await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
  const { app } = await setUp(page);
  await signOut(page);
  await givePassword(page, email);
  await page.waitForURL(/\/beheer\/inloggen\/code/);
  for (let i = 0; i < 5; i++) {
    const answer = page.waitForResponse((r) => r.request().method() === "POST");
    await giveCode(page, app.wrong());
    expect((await answer).status()).toBe(401);
    await expect(page.getByText("Die code klopt niet, of werd al gebruikt.")).toBeVisible();
  }
  const locked = page.waitForResponse((r) => r.request().method() === "POST");
  await giveCode(page, app.next());
  const answer = await locked;
  expect(answer.status()).toBe(429);
  expect(Number(await answer.headerValue("Retry-After"))).toBeGreaterThan(0);
  await expect(page.getByText("Te veel foute codes na elkaar.")).toBeVisible();
  // Still short of the workspace.
  await page.goto("/beheer");
  await expect(page).toHaveURL(/\/beheer\/inloggen\/code/);
});

test("an admin requiring two-step sign-in leads the next sign-in through setting it up", async ({
  page,
  browser,
  db,
  baseURL,
  expectAccessible,
}) => {
  const admin = await newOrganiser(db, "admin");
  const organiser = await newOrganiser(db);
  await givePassword(page, admin);
  await page.waitForURL(/\/beheer$/);
  await page.goto("/beheer/organisatoren");
  await page
    .getByLabel("Wie moet tweestapsverificatie gebruiken?")
    .selectOption({ label: "Beheerders en organisatoren" });
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(
    page.getByText("Tweestapsverificatie is nu verplicht voor beheerders en organisatoren."),
  ).toBeVisible();
  await expectAccessible(page);

  // The organiser, on their own computer.
  const context = await browser.newContext({ baseURL });
  const theirs = await context.newPage();
  await givePassword(theirs, organiser);
  await theirs.waitForURL(/\/beheer\/inloggen\/instellen\?terug=/);
  await expect(
    theirs.getByRole("heading", { name: "Tweestapsverificatie instellen" }),
  ).toBeVisible();
  // Nothing else opens until it is done.
  await theirs.goto("/beheer/export");
  await expect(theirs).toHaveURL(/\/beheer\/inloggen\/instellen/);
  await expectAccessible(theirs);
  await setUp(theirs);
  await expectAccessible(theirs);
  // On to the page they asked for on the way.
  await theirs.getByRole("link", { name: "Verder naar de werkruimte" }).click();
  await expect(theirs).toHaveURL(/\/beheer\/export$/);
  await theirs.goto("/beheer/mijn-account");
  await expect(theirs.getByText("Tweestapsverificatie staat aan.")).toBeVisible();
  await expect(
    theirs.getByText("Een beheerder heeft tweestapsverificatie verplicht gemaakt"),
  ).toBeVisible();
  await context.close();
});

test("signing out all other devices ends the other browser's session at its next request", async ({
  page,
  browser,
  db,
  baseURL,
  expectAccessible,
}) => {
  const email = await newOrganiser(db);
  const other = await browser.newContext({ baseURL });
  const phone = await other.newPage();
  await givePassword(phone, email);
  await phone.waitForURL(/\/beheer$/);

  await givePassword(page, email);
  await page.waitForURL(/\/beheer$/);
  await page.goto("/beheer/mijn-account");
  const devices = page.getByRole("table");
  await expect(devices.getByRole("row")).toHaveCount(3);
  await expect(devices.getByText("Dit toestel")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Alle andere toestellen afmelden" }).click();
  await expect(page.getByText("1 ander toestel is afgemeld.")).toBeVisible();
  await expect(devices.getByRole("row")).toHaveCount(2);

  // The other browser, at its next request: back at the sign-in form.
  await phone.goto("/beheer/export");
  await expect(phone).toHaveURL(/\/beheer\/inloggen\?terug=%2Fbeheer%2Fexport$/);
  // This one is still signed in.
  await page.goto("/beheer/export");
  await expect(page).toHaveURL(/\/beheer\/export$/);
  await other.close();
});
