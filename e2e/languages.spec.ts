import { createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";
import { addOrganiser, manageLink, to } from "./utils";

/**
 * The site in another language: a visitor switches a session's page to English and stays in
 * English through the sign-up, the thank-you page and the mail's manage link; an organiser signs
 * in at the French address and works in French.
 */

test("switch a session's page to English and stay in English to the manage page", async ({
  page,
  mailbox,
  db,
  expectAccessible,
}) => {
  const session = await createSession(
    {
      title: "Pitch Night",
      summary: "Pitch, feedback, drinks.",
      description: "",
      venue_name: "Hal 5",
      venue_address: "Kessel-Lo",
      capacity: 5,
    },
    db,
  );
  await page.goto(`/sessies/${session.slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  const switcher = page.getByRole("navigation", { name: "Taal" });
  await expect(switcher.getByRole("link", { name: "Nederlands" })).toHaveAttribute(
    "aria-current",
    "true",
  );

  await switcher.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/sessies/${session.slug}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en-BE");
  await expect(
    page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "English" }),
  ).toHaveAttribute("aria-current", "true");
  await expectAccessible(page);

  await page.getByLabel("Name", { exact: true }).fill("Noah Smith");
  await page.getByLabel("Email address").fill("noah.e2e@example.org");
  await page.getByLabel(/I agree that the City of/).check();
  await page.getByRole("button", { name: "Sign me up" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/sessies/${session.slug}/bedankt$`));
  await expect(page.getByRole("heading", { name: "Thank you for signing up" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-BE");

  const confirmation = await mailbox.waitFor(to("noah.e2e@example.org"));
  expect(confirmation.parsed.text).toContain("Hello");
  const link = manageLink(confirmation);
  expect(link).toMatch(/\/en\/inschrijving\//);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Your registration" })).toBeVisible();
  await page.getByRole("link", { name: "Cancel registration" }).click();
  await page.getByRole("button", { name: "Yes, cancel my registration" }).click();
  await expect(page.getByText("Your registration has been cancelled.")).toBeVisible();
  await expect(page).toHaveURL(/\/en\/inschrijving\//);

  // Back to the list, still in English.
  await page.getByRole("link", { name: "Ondernemersagenda" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en-BE");
});

test("an organiser signs in at the French address and works in French", async ({ page, db }) => {
  const email = `organisatrice-${Date.now()}@leuven.test`;
  const password = "mot-de-passe-assez-long-e2e";
  await addOrganiser(db, {
    email,
    name: "Claire Dubois",
    password,
    role: "organiser",
    citySlugs: ["leuven"],
  });

  await page.goto("/fr/beheer/inloggen");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-BE");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/fr\/beheer$/);
  await expect(page.getByRole("heading", { level: 1, name: "Vue d’ensemble" })).toBeVisible();

  // A Leuven session from the dashboard, in French.
  const leuvenLink = page
    .locator('main a[href^="/fr/beheer/sessies/"]:not([href$="/nieuw"])')
    .first();
  await expect(leuvenLink).toBeVisible();
  await leuvenLink.click();
  await expect(page).toHaveURL(/\/fr\/beheer\/sessies\/\d+$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-BE");
  await expect(page.getByRole("link", { name: "Page publique" })).toHaveAttribute(
    "href",
    /^\/fr\/sessies\//,
  );

  // On through the French navigation, and out.
  await page.getByRole("link", { name: "Nouvelle session" }).click();
  await expect(page).toHaveURL(/\/fr\/beheer\/sessies\/nieuw$/);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/fr\/beheer\/inloggen$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr-BE");
});

test("a browser that prefers French is offered the French page, never sent there", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ locale: "fr-BE", baseURL });
  const page = await context.newPage();
  await page.goto("/privacy");
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  const note = page.locator(".language-suggestion");
  await expect(note).toHaveAttribute("lang", "fr-BE");
  await expect(note).toContainText("Cette page existe aussi en français.");
  await expect(note.getByRole("link", { name: "La lire en français" })).toHaveAttribute(
    "href",
    "/fr/privacy",
  );
  await note.getByRole("button", { name: "Fermer" }).click();
  await expect(note).toHaveCount(0);
  // Closed once, closed on the next pages too.
  await page.goto("/toegankelijkheid");
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.locator(".language-suggestion")).toHaveCount(0);

  // A browser that prefers Dutch gets no note; the French page itself offers none either.
  const dutch = await browser.newContext({ locale: "nl-BE", baseURL });
  const dutchPage = await dutch.newPage();
  await dutchPage.goto("/privacy");
  await expect(dutchPage.locator("h1")).toBeVisible();
  await expect(dutchPage.locator(".language-suggestion")).toHaveCount(0);
  const french = await browser.newContext({ locale: "fr-BE", baseURL });
  const frenchPage = await french.newPage();
  await frenchPage.goto("/fr/privacy");
  await expect(frenchPage.locator("h1")).toBeVisible();
  await expect(frenchPage.locator(".language-suggestion")).toHaveCount(0);
  await Promise.all([context.close(), dutch.close(), french.close()]);
});
