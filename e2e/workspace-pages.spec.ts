import { readdirSync } from "node:fs";
import type { BrowserContextOptions, Page } from "@playwright/test";
import { issueRegistrationToken } from "../app/models/registration-token.server";
import type { DatabaseHandle } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { authenticator } from "../test/support/authenticator";
import { test as base, expect } from "./fixtures";
import { addOrganiser, brokenWords, sidewaysScroll, signIn, to } from "./utils";

/**
 * Every page of the organiser workspace, on a 360 × 780 phone and a 1280 × 900 screen, in
 * Dutch and in French (the longer words), as an admin and as a city's organiser: nothing
 * scrolls sideways, no word in a table, the header or a button is cut over two lines, axe finds
 * nothing, and the check-in list starts in the upper half of the first screen.
 */

const VIEWPORTS = {
  phone: { width: 360, height: 780 },
  screen: { width: 1280, height: 900 },
} as const;
const LANGUAGES = ["", "/fr"] as const;
const PASSWORD = "werkruimte-op-een-telefoon";

type Role = "admin" | "organiser" | "signedOut";

/** What the pages show: seeded sessions of Leuven, and what this file adds to them. */
interface Seeded {
  /** Requests, questions, 52 with a seat: the fullest session page. */
  forum: number;
  /** A waiting list. */
  full: number;
  /** Took place: survey results. */
  past: number;
  /** A person's check-in QR code at the forum. */
  checkinCode: string;
  /** The link a door volunteer got to choose a password (the page to do so). */
  passwordPath: string;
  /** An organiser who signs in with a code after the password. */
  withCode: string;
  /** An admin without a second step, for when admins must have one. */
  withoutCode: string;
}

type WorkspaceRoute = {
  /** Who opens it: the admin only, or nobody signed in. */
  for?: "admin" | "signedOut";
} & (
  | {
      /** The addresses of this route, in Dutch. */
      paths: (seeded: Seeded) => string[];
      /** The status it answers with, where that is not 200 (a page that says what failed). */
      status?: number;
    }
  | {
      /** A page only a step of signing in leads to: gets there, in a language (a prefix). */
      reach: (
        page: Page,
        language: string,
        at: { seeded: Seeded; db: DatabaseHandle },
      ) => Promise<void>;
    }
);

/** The password form, by its fields' names (their labels are in the page's language). */
async function givePassword(page: Page, language: string, email: string) {
  await page.context().clearCookies();
  await page.goto(`${language}/beheer/inloggen`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
}

/**
 * Each route file of the workspace: its pages, or null for a route that shows none (a download,
 * the frame, signing out). A route file not named here fails the first test: a new workspace
 * page gets its addresses here, and with them every check below.
 */
const ROUTES: Record<string, WorkspaceRoute | null> = {
  "($lang).beheer.tsx": null,
  "($lang).beheer._index.tsx": { paths: () => ["/beheer"] },
  "($lang).beheer.sessies.nieuw.tsx": { paths: () => ["/beheer/sessies/nieuw"] },
  "($lang).beheer.sessies.$id.tsx": {
    paths: ({ forum, full }) => [`/beheer/sessies/${forum}`, `/beheer/sessies/${full}`],
  },
  "($lang).beheer.sessies.$id_.bewerken.tsx": {
    paths: ({ forum }) => [`/beheer/sessies/${forum}/bewerken`],
  },
  "($lang).beheer.sessies.$id_.vragen.tsx": {
    paths: ({ forum }) => [
      `/beheer/sessies/${forum}/vragen`,
      `/beheer/sessies/${forum}/vragen?nieuw=oneChoice`,
    ],
  },
  "($lang).beheer.sessies.$id_.annuleren.tsx": {
    paths: ({ forum }) => [`/beheer/sessies/${forum}/annuleren`],
  },
  "($lang).beheer.sessies.$id_.bericht.tsx": {
    paths: ({ forum }) => [`/beheer/sessies/${forum}/bericht`],
  },
  "($lang).beheer.sessies.$id_.deur.tsx": {
    paths: ({ forum }) => [`/beheer/sessies/${forum}/deur`],
  },
  "($lang).beheer.sessies.$id_.enquete.tsx": {
    paths: ({ past }) => [`/beheer/sessies/${past}/enquete`],
  },
  "($lang).beheer.sessies.$id_.enquete[.csv].ts": null,
  "($lang).beheer.sessies.$id_.enquete_.vragen.tsx": {
    // Open to changes before the survey's first answer, fixed after.
    paths: ({ forum, past }) => [
      `/beheer/sessies/${forum}/enquete/vragen`,
      `/beheer/sessies/${past}/enquete/vragen`,
    ],
  },
  "($lang).beheer.sessies.$id_.export.ts": null,
  "($lang).beheer.sessies.$id_.inchecken.tsx": {
    paths: ({ forum }) => [`/beheer/sessies/${forum}/inchecken`],
  },
  "($lang).beheer.sessies.$id_.inchecken_.wachtrij.ts": null,
  "($lang).beheer.inchecken.$code.tsx": {
    paths: ({ checkinCode }) => [`/beheer/inchecken/${checkinCode}`],
  },
  "($lang).beheer.export.tsx": { paths: () => ["/beheer/export"] },
  "($lang).beheer.cijfers.tsx": { paths: () => ["/beheer/cijfers"] },
  "($lang).beheer.cijfers[.xlsx].ts": null,
  "($lang).beheer.export.download.ts": null,
  "($lang).beheer.organisatoren.tsx": { paths: () => ["/beheer/organisatoren"], for: "admin" },
  "($lang).beheer.organisatoren_.domeinen.tsx": {
    paths: () => ["/beheer/organisatoren/domeinen"],
    for: "admin",
  },
  "($lang).beheer.logboek.tsx": { paths: () => ["/beheer/logboek"], for: "admin" },
  "($lang).beheer.persoonsgegevens.tsx": {
    paths: () => ["/beheer/persoonsgegevens"],
    for: "admin",
  },
  "($lang).beheer.verwerkingsregister.tsx": {
    paths: () => ["/beheer/verwerkingsregister"],
    for: "admin",
  },
  "($lang).beheer_.afmelden.tsx": null,
  "($lang).beheer_.inloggen.tsx": { paths: () => ["/beheer/inloggen"], for: "signedOut" },
  "($lang).beheer_.wachtwoord-vergeten.tsx": {
    paths: () => ["/beheer/wachtwoord-vergeten"],
    for: "signedOut",
  },
  "($lang).beheer_.wachtwoord.$token.tsx": {
    paths: ({ passwordPath }) => [passwordPath],
    for: "signedOut",
  },
  "($lang).beheer_.inloggen_.code.tsx": {
    reach: async (page, language, { seeded }) => {
      await givePassword(page, language, seeded.withCode);
      await page.waitForURL(/\/beheer\/inloggen\/code(\?|$)/);
    },
    for: "signedOut",
  },
  "($lang).beheer_.inloggen_.instellen.tsx": {
    reach: async (page, language, { seeded, db }) => {
      // Admins must have a second step (until the test's end): this admin sets one up first.
      await db.db
        .insertInto("app_settings")
        .values({
          key: "secondFactorRequired",
          value: "admins",
          updated_at: new Date().toISOString(),
        })
        .onConflict((conflict) => conflict.column("key").doUpdateSet({ value: "admins" }))
        .execute();
      await givePassword(page, language, seeded.withoutCode);
      await page.waitForURL(/\/beheer\/inloggen\/instellen(\?|$)/);
      await expect(page.locator("[data-secret]")).toBeVisible();
    },
    for: "signedOut",
  },
  "($lang).beheer.mijn-account.tsx": { paths: () => ["/beheer/mijn-account"] },
  "($lang).beheer.mijn-account_.passkeys.ts": null,
  "($lang).beheer_.inloggen_.passkey.ts": null,
  // A redirect to the city's own sign-in, where one is set up: no page of its own.
  "($lang).beheer_.inloggen_.oidc.tsx": null,
  "($lang).beheer_.inloggen_.oidc_.terug.tsx": null,
  "($lang).beheer_.inloggen_.oidc_.mislukt.tsx": {
    paths: () => ["/beheer/inloggen/oidc/mislukt?reden=notInvited"],
    status: 403,
    for: "signedOut",
  },
};

const ACCOUNTS = {
  admin: { email: "sara.claes@leuven.test", name: "Sara Claes (beheerder)" },
  organiser: { email: "pieter.wouters@leuven.test", name: "Pieter Wouters (Stad Leuven)" },
};
const WITH_CODE = { email: "tine.tweestap@leuven.test", name: "Tine Tweestap" };
const WITHOUT_CODE = { email: "bart.beheerder@leuven.test", name: "Bart Beheerder" };

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

/** A browser nobody signed in on (a context takes the test's own state unless told). */
const SIGNED_OUT: StorageState = { cookies: [], origins: [] };

const test = base.extend<{ role: Role }, { seeded: Seeded; signedIn: Record<Role, StorageState> }>({
  role: ["signedOut", { option: true }],
  // One sign-in per account and worker; each test opens its pages with the cookie it left.
  storageState: async ({ role, signedIn }, use) => use(signedIn[role]),
  signedIn: [
    async ({ app, browser }, use) => {
      const states: Record<Role, StorageState> = {
        admin: SIGNED_OUT,
        organiser: SIGNED_OUT,
        signedOut: SIGNED_OUT,
      };
      for (const role of ["admin", "organiser"] as const) {
        await addOrganiser(app.db, {
          ...ACCOUNTS[role],
          password: PASSWORD,
          role,
          citySlugs: role === "organiser" ? ["leuven"] : [],
        });
        const context = await browser.newContext({
          baseURL: app.baseURL,
          storageState: SIGNED_OUT,
        });
        await signIn(await context.newPage(), ACCOUNTS[role].email, PASSWORD);
        states[role] = await context.storageState();
        await context.close();
      }
      await use(states);
    },
    { scope: "worker" },
  ],
  seeded: [
    async ({ app, browser, signedIn }, use) => {
      const { db } = app.db;
      const session = (slug: string) =>
        db
          .selectFrom("sessions")
          .select("id")
          .where("slug", "=", slug)
          .executeTakeFirstOrThrow()
          .then((row) => row.id);
      const forum = await session("leuven-forum-studentenstartups");
      const attendee = await db
        .selectFrom("registrations")
        .select(["id", "name", "email"])
        .where("session_id", "=", forum)
        .where("status", "=", "confirmed")
        .orderBy("id")
        .executeTakeFirstOrThrow();
      const checkinCode = await writeTransaction(
        (trx) => issueRegistrationToken(trx, attendee.id, "checkin", new Date().toISOString()),
        app.db,
      );
      // A mail the server refused: the dashboard lists it in a table of its own.
      const now = new Date().toISOString();
      await db
        .insertInto("outbox")
        .values({
          kind: "registration.confirmed",
          registration_id: attendee.id,
          to_email: attendee.email,
          to_name: attendee.name,
          subject: "Bevestiging",
          html: "",
          text: "",
          ics: null,
          ics_method: null,
          status: "failed",
          attempts: 3,
          next_attempt_at: now,
          locked_until: null,
          last_error: `550 5.1.1 <${attendee.email}>: Recipient address rejected: User unknown in virtual mailbox table`,
          created_at: now,
          sent_at: null,
          failed_at: now,
        })
        .execute();
      // A volunteer at the door: the door page lists them, their mail has a password page.
      const context = await browser.newContext({
        baseURL: app.baseURL,
        storageState: signedIn.admin,
      });
      const page = await context.newPage();
      await page.goto(`/beheer/sessies/${forum}/deur`);
      await page.getByLabel("Naam").fill("Marie-Christine Vandenbroucke");
      await page.getByLabel("E-mailadres").fill("marie-christine@deur.test");
      await page.getByRole("button", { name: "Uitnodigen" }).click();
      await expect(page.getByText("Marie-Christine Vandenbroucke kreeg een e-mail")).toBeVisible();
      await context.close();
      const invitation = await app.mailbox.waitFor(to("marie-christine@deur.test"));
      const passwordPath = /\/beheer\/wachtwoord\/[\w-]+/.exec(invitation.parsed.text ?? "")?.[0];
      if (!passwordPath) throw new Error("no password link in the door invitation");
      // An organiser who turned on a second step, on their account page.
      await addOrganiser(app.db, {
        ...WITH_CODE,
        password: PASSWORD,
        role: "organiser",
        citySlugs: ["leuven"],
      });
      await addOrganiser(app.db, { ...WITHOUT_CODE, password: PASSWORD, role: "admin" });
      const twoStep = await browser.newContext({ baseURL: app.baseURL, storageState: SIGNED_OUT });
      const account = await twoStep.newPage();
      await signIn(account, WITH_CODE.email, PASSWORD);
      await account.goto("/beheer/mijn-account");
      await account.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
      const key = (await account.locator("[data-secret]").textContent()) ?? "";
      await account
        .getByLabel("Code uit je app")
        .fill(authenticator(key.replaceAll(" ", "")).next());
      await account.getByRole("button", { name: "Bevestigen en aanzetten" }).click();
      await expect(account.getByRole("heading", { name: "Je herstelcodes" })).toBeVisible();
      await twoStep.close();
      await use({
        withCode: WITH_CODE.email,
        withoutCode: WITHOUT_CODE.email,
        forum,
        full: await session("leuven-ontbijt-premies-leeg-handelspand"),
        past: await session("leuven-ontbijt-nieuwe-busroutes-binnenstad"),
        checkinCode,
        passwordPath,
      });
    },
    { scope: "worker" },
  ],
});

test("every workspace route is on this file's list", () => {
  const workspace = readdirSync("app/routes").filter((file) =>
    /^\(\$lang\)\.beheer[._]/.test(file),
  );
  expect(workspace.sort()).toEqual(Object.keys(ROUTES).sort());
});

/** A page to check: its route, and how to open it in a language. */
interface Visit {
  route: string;
  open: (page: Page, language: string) => Promise<void>;
}

/** The pages a role opens, with the route each comes from. */
function visitsFor(role: Role, seeded: Seeded, db: DatabaseHandle): Visit[] {
  return Object.entries(ROUTES).flatMap(([route, page]): Visit[] => {
    if (!page) return [];
    const opens = page.for === "signedOut" ? role === "signedOut" : role !== "signedOut";
    if (!opens || (page.for === "admin" && role !== "admin")) return [];
    if ("reach" in page) {
      return [{ route, open: (tab, language) => page.reach(tab, language, { seeded, db }) }];
    }
    return page.paths(seeded).map((path) => ({
      route,
      open: async (tab, language) => {
        const response = await tab.goto(`${language}${path}`);
        expect(response?.status(), `${language}${path} (${route})`).toBe(page.status ?? 200);
      },
    }));
  });
}

/** The bottom of the first check-in row's name, in pixels from the top of the screen. */
const firstNameBottom = (page: Page) =>
  page
    .locator(".checkin-list button")
    .first()
    .evaluate((button) => {
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      const name = walker.nextNode();
      if (!name) return Number.POSITIVE_INFINITY;
      range.selectNodeContents(name);
      return range.getBoundingClientRect().bottom;
    });

for (const role of ["admin", "organiser", "signedOut"] as const) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test.describe(() => {
      test.use({ role, viewport });
      test(`${role}, ${viewport.width} px: every page fits, words whole, axe clean`, async ({
        page,
        seeded,
        db,
        expectAccessible,
      }) => {
        test.setTimeout(180_000);
        try {
          for (const { route, open } of visitsFor(role, seeded, db)) {
            for (const language of LANGUAGES) {
              await open(page, language);
              const address = new URL(page.url()).pathname;
              expect(await sidewaysScroll(page), `${address} scrolls sideways`).toBe(0);
              expect(await brokenWords(page), `${address}: words broken`).toEqual([]);
              // axe reads the markup, the same in each language and for a city's organiser: once.
              if (language === "" && role !== "organiser") await expectAccessible(page);
              if (route.endsWith("$id_.inchecken.tsx")) {
                expect(
                  await firstNameBottom(page),
                  `${address}: the first person in the upper half of the screen`,
                ).toBeLessThan(viewport.height / 2);
              }
            }
          }
        } finally {
          // The requirement a sign-in step needed is the app's: no other test of this worker's.
          await db.db.deleteFrom("app_settings").execute();
        }
        if (size === "phone" && role !== "signedOut") {
          // The menu, open: its links and languages whole too.
          for (const language of LANGUAGES) {
            await page.goto(`${language}/beheer`);
            const menu = page.getByRole("button", { name: "Menu" });
            await menu.click();
            await expect(menu).toHaveAttribute("aria-expanded", "true");
            expect(await brokenWords(page), `${language}/beheer, menu open`).toEqual([]);
            await expectAccessible(page);
          }
        }
      });
    });
  }
}

test.describe("on a phone, the menu", () => {
  test.use({ role: "admin", viewport: VIEWPORTS.phone });

  test("folds behind a button that says whether it is open, and closes after each page", async ({
    page,
  }) => {
    await page.goto("/beheer");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Beheer" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    // The work starts right under the header: the first panel's title is on the first screen.
    await expect(
      page.getByRole("main").getByRole("heading", { level: 2 }).first(),
    ).toBeInViewport();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Taal" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(nav).toBeHidden();

    await menu.click();
    await nav.getByRole("link", { name: "Organisatoren" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisatoren" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    // Who is signed in, and the way out, on one line under the brand and the menu's button.
    const user = page.locator("header .admin-user-name");
    const signOut = page.getByRole("button", { name: "Afmelden" });
    const [userBox, signOutBox, menuBox] = await Promise.all(
      [user, signOut, menu].map((locator) => locator.boundingBox()),
    );
    if (!userBox || !signOutBox || !menuBox) throw new Error("the header's parts are not shown");
    expect(Math.abs(userBox.y - signOutBox.y)).toBeLessThan(userBox.height / 2);
    expect(userBox.height).toBeLessThan(2 * signOutBox.height);
    expect(userBox.y).toBeGreaterThanOrEqual(menuBox.y + menuBox.height);
  });

  test.describe(() => {
    test.use({ javaScriptEnabled: false });

    test("opens without JavaScript too", async ({ page }) => {
      await page.goto("/beheer");
      const nav = page.getByRole("navigation", { name: "Beheer" });
      await expect(nav).toBeHidden();
      await page.locator("summary", { hasText: "Menu" }).click();
      await expect(nav).toBeVisible();
      await nav.getByRole("link", { name: "Logboek" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Logboek" })).toBeVisible();
      await expect(nav).toBeHidden();
    });
  });
});

test.describe("on a wide screen, the menu", () => {
  test.use({ role: "organiser", viewport: VIEWPORTS.screen });

  test("stands open, with and without JavaScript", async ({ page, browser, baseURL, signedIn }) => {
    await page.goto("/beheer");
    await expect(page.getByRole("navigation", { name: "Beheer" })).toBeVisible();
    await expect(page.locator(".workspace-menu-button")).toBeHidden();
    const withoutScripts = await browser.newContext({
      baseURL,
      viewport: VIEWPORTS.screen,
      javaScriptEnabled: false,
      storageState: signedIn.organiser,
    });
    const plain = await withoutScripts.newPage();
    await plain.goto("/beheer");
    await expect(plain.getByRole("navigation", { name: "Beheer" })).toBeVisible();
    await expect(plain.locator("summary", { hasText: "Menu" })).toBeHidden();
    await withoutScripts.close();
  });
});

test.describe("on a phone, a table of cards", () => {
  test.use({ role: "organiser", viewport: VIEWPORTS.phone });

  test("is still a table to a screen reader, which hears each column's name once", async ({
    page,
  }) => {
    await page.goto("/beheer");
    const upcoming = page.locator(".dashboard-upcoming table");
    // Shown as cards: the header row is out of sight, each row a box of its own.
    await expect(upcoming.locator("thead")).not.toBeInViewport();
    const client = await page.context().newCDPSession(page);
    const { nodes } = await client.send("Accessibility.getFullAXTree");
    const roles = new Set(nodes.map((node) => node.role?.value));
    for (const role of ["table", "row", "columnheader", "cell"]) expect(roles).toContain(role);
    const cells = nodes.filter((node) => node.role?.value === "cell");
    const when = cells.find((node) => /\d\d:\d\d–\d\d:\d\d/.test(String(node.name?.value)));
    expect(String(when?.name?.value)).not.toMatch(/^Wanneer/);
  });
});

test("the note about the browser's language never opens a signed-in organiser's page", async ({
  browser,
  baseURL,
  db,
}) => {
  const email = "an.peeters@leuven.test";
  await addOrganiser(db, {
    email,
    name: "An Peeters",
    password: PASSWORD,
    role: "organiser",
    citySlugs: ["leuven"],
  });
  const context = await browser.newContext({ baseURL, locale: "en-GB", viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  const note = page.locator(".language-suggestion");
  // The menu's button is there once the page runs: the note would have come with it.
  await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
  await expect(note).toHaveCount(0);
  const session = page.locator(".dashboard-upcoming tbody a").first();
  const title = (await session.textContent()) ?? "";
  await session.click();
  await expect(page.getByRole("link", { name: "Publieke pagina" })).toBeVisible();
  await expect(note).toHaveCount(0);
  // The public page, in the same running page: still none for someone signed in.
  await page.getByRole("link", { name: "Publieke pagina" }).click();
  await expect(page).toHaveURL(/\/sessies\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(note).toHaveCount(0);

  // Signed out, the same browser is a visitor who has not chosen: the note is back.
  await page.goto("/beheer");
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page).toHaveURL(/\/beheer\/inloggen$/);
  await expect(note).toContainText("This page is also available in English.");
  // Choosing a language in the switch is a choice too.
  await page
    .getByRole("navigation", { name: "Taal" })
    .getByRole("link", { name: "English" })
    .click();
  await expect(page).toHaveURL(/\/en\/beheer\/inloggen$/);
  expect(await page.evaluate(() => localStorage.getItem("oa-language-suggestion-dismissed"))).toBe(
    "1",
  );
  await context.close();
});
