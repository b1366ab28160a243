import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addOrganiser } from "./utils";

/**
 * Passkeys in Chromium, with the DevTools protocol's virtual authenticator standing in for the
 * phone or laptop: added from the account page, then used to sign in without the password,
 * then removed.
 */

const PASSWORD = "passkey-wachtwoord-e2e";

/** A platform authenticator that keeps passkeys and always verifies its user (PIN, fingerprint). */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () =>
      (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
  };
}

test("an organiser adds a passkey, signs in with it instead of password and code, and removes it", async ({
  page,
  db,
  expectAccessible,
}) => {
  const email = `passkey-${Date.now()}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Pieter Passkey",
    password: PASSWORD,
    role: "organiser",
    citySlugs: ["leuven"],
  });
  const authenticator = await virtualAuthenticator(page);

  await page.goto("/beheer/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await page.waitForURL(/\/beheer$/);
  await page.getByRole("link", { name: "Mijn account" }).click();
  await expect(page.getByRole("heading", { name: "Passkeys" })).toBeVisible();
  await expect(page.getByText("Je hebt nog geen passkeys.")).toBeVisible();

  await page.getByRole("button", { name: "Passkey toevoegen" }).click();
  await expect(page.getByRole("status")).toContainText("Passkey toegevoegd");
  const passkeys = page.getByRole("region", { name: "Passkeys" });
  await expect(passkeys.getByRole("row")).toHaveCount(2);
  await expect(passkeys.getByRole("cell", { name: "Nog niet" })).toBeVisible();
  expect(await authenticator.credentials()).toHaveLength(1);
  await expectAccessible(page);

  // Signed out, then in again with the passkey alone: no address, no password, no code.
  await page.getByRole("button", { name: "Afmelden" }).first().click();
  await page.waitForURL(/\/beheer\/inloggen$/);
  await expect(page.getByRole("heading", { name: "Aanmelden met een passkey" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Passkey gebruiken" })).toBeEnabled();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Passkey gebruiken" }).click();
  await page.waitForURL(/\/beheer$/);
  await expect(page.getByRole("link", { name: "Mijn account" })).toBeVisible();

  await page.getByRole("link", { name: "Mijn account" }).click();
  await expect(passkeys.getByRole("cell", { name: "Nog niet" })).toHaveCount(0);
  await passkeys.getByRole("button", { name: /^Verwijderen/ }).click();
  await expect(page.getByText("De passkey is verwijderd.", { exact: false })).toBeVisible();
  await expect(page.getByText("Je hebt nog geen passkeys.")).toBeVisible();
  await expectAccessible(page);

  // The passkey the authenticator still holds is no longer accepted.
  await page.getByRole("button", { name: "Afmelden" }).first().click();
  await page.waitForURL(/\/beheer\/inloggen$/);
  await page.getByRole("button", { name: "Passkey gebruiken" }).click();
  await expect(page.getByRole("alert")).toContainText("Die passkey kennen we niet");
  await expect(page).toHaveURL(/\/beheer\/inloggen$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in page says passkeys need JavaScript, and the password form still works", async ({
    page,
    db,
  }) => {
    const email = `passkey-zonder-js-${Date.now()}@leuven.test`;
    await addOrganiser(db, {
      email,
      name: "Zonder Script",
      password: PASSWORD,
      role: "organiser",
      citySlugs: ["leuven"],
    });
    await page.goto("/beheer/inloggen");
    await expect(page.getByText("Passkeys werken alleen met JavaScript aan.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Passkey gebruiken" })).toHaveCount(0);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
    await page.waitForURL(/\/beheer$/);
    await page.goto("/beheer/mijn-account");
    await expect(page.getByText("Passkeys werken alleen met JavaScript aan.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Passkey toevoegen" })).toHaveCount(0);
  });
});
