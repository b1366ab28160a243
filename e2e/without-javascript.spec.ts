import { createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";
import { addOrganiser, manageLink, to } from "./utils";

// Before the scripts have loaded on a slow phone, or with them switched off, every form still
// posts as a plain HTML form, and the browser names its origin as it does so.
test.use({ javaScriptEnabled: false });

test("sign up and cancel with one click, without JavaScript", async ({ page, mailbox, db }) => {
  const session = await createSession(
    {
      title: "Infosessie: starten als zelfstandige",
      kind: "info",
    },
    db,
  );
  await page.goto(`/sessies/${session.slug}`);
  await page.getByLabel("Naam").fill("Wout Claes");
  await page.getByLabel("E-mailadres").fill("wout@example.org");
  await page.getByLabel(/Ik ga ermee akkoord/).check();
  await page.getByRole("button", { name: "Schrijf me in" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt voor je inschrijving" })).toBeVisible();

  const confirmation = await mailbox.waitFor(to("wout@example.org"));
  await page.goto(manageLink(confirmation));
  await page.getByRole("link", { name: "Inschrijving annuleren" }).click();
  const answer = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Ja, annuleer mijn inschrijving" }).click();
  // Post, redirect, get: a reload does not cancel again, and the notice is said once.
  expect((await answer).status()).toBe(302);
  await expect(page.getByText("Je inschrijving is geannuleerd.")).toBeVisible();
  await mailbox.waitFor((mail) => to("wout@example.org")(mail) && mail !== confirmation);
});

test("choose a new password through the mailed link, without JavaScript", async ({
  page,
  mailbox,
  db,
}) => {
  const email = `vergeten-${Date.now()}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Els Janssens",
    password: "het-oude-wachtwoord",
    role: "admin",
  });
  await page.goto("/beheer/wachtwoord-vergeten");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur me een link" }).click();

  const mail = await mailbox.waitFor(to(email));
  const link = /https?:\/\/\S+\/beheer\/wachtwoord\/[\w-]+/.exec(mail.parsed.text ?? "")?.[0];
  if (!link) throw new Error("no link in the mail");
  await page.goto(link);
  await page.getByLabel("Nieuw wachtwoord").fill("een-heel-nieuw-wachtwoord");
  await page.getByLabel("Herhaal het wachtwoord").fill("een-heel-nieuw-wachtwoord");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page.getByText("Je nieuwe wachtwoord is ingesteld. Meld je aan.")).toBeVisible();

  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("een-heel-nieuw-wachtwoord");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page).toHaveURL(/\/beheer$/);
});
