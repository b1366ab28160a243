import type { Page } from "@playwright/test";
import type { DatabaseHandle } from "../db/client";
import { addQuestions, createSession, question } from "../test/support/factories";
import type { Mailbox } from "../test/support/mailbox";
import { expect, test } from "./fixtures";
import { manageLink, to } from "./utils";

/**
 * A person corrects their own details from the link in their confirmation, in a browser with
 * and without JavaScript: a new organisation and another answer, saved, and the page says so.
 */

const DIETARY = "Voedingswensen of allergieën";
const BIKE = "Kom je met de fiets?";

async function signedUp(page: Page, db: DatabaseHandle, mailbox: Mailbox, email: string) {
  const session = await createSession(
    { title: `Ontbijtsessie: btw voor starters ${Date.now()}`, capacity: 5 },
    db,
  );
  await addQuestions(
    session.id,
    [question("longText", DIETARY), question("yesNo", BIKE, { required: true })],
    db,
  );
  await page.goto(`/sessies/${session.slug}`);
  await page.getByLabel("Naam").fill("Sofie Verbeke");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Organisatie of bedrijf (optioneel)").fill("Bakkerij Verbeke");
  await page.getByLabel(`${DIETARY} (optioneel)`).fill("Geen noten");
  await page.getByRole("group", { name: BIKE }).getByLabel("Ja").check();
  await page.getByLabel(/Ik ga ermee akkoord/).check();
  await page.getByRole("button", { name: "Schrijf me in" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt voor je inschrijving" })).toBeVisible();
  return manageLink(await mailbox.waitFor(to(email)));
}

async function correctDetails(
  page: Page,
  manage: string,
  expectAccessible: (page: Page) => Promise<void>,
) {
  await page.goto(manage);
  const details = page.getByRole("region", { name: "Je gegevens aanpassen" });
  await expect(details.getByLabel("Organisatie of bedrijf (optioneel)")).toHaveValue(
    "Bakkerij Verbeke",
  );
  await expect(details.getByRole("group", { name: BIKE }).getByLabel("Ja")).toBeChecked();
  await expectAccessible(page);

  // A mistake first: the name left empty is said at its field, and nothing is saved.
  await details.getByLabel("Naam").fill("");
  await details.getByRole("button", { name: "Gegevens bewaren" }).click();
  await expect(details.getByLabel("Naam")).toHaveAccessibleDescription("Vul je naam in.");
  await expectAccessible(page);

  await details.getByLabel("Naam").fill("Sofie Verbeke");
  await details.getByLabel("Organisatie of bedrijf (optioneel)").fill("Verbeke & Dochters BV");
  await details.getByLabel(`${DIETARY} (optioneel)`).fill("Lactosevrij");
  await details.getByRole("group", { name: BIKE }).getByLabel("Nee").check();
  await details.getByRole("button", { name: "Gegevens bewaren" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Je gegevens zijn bewaard." }),
  ).toBeVisible();
  await expectAccessible(page);

  // As stored: the page shows it so when opened again.
  await page.goto(manage);
  await expect(page.getByText("Je gegevens zijn bewaard.")).toHaveCount(0);
  await expect(details.getByLabel("Organisatie of bedrijf (optioneel)")).toHaveValue(
    "Verbeke & Dochters BV",
  );
  await expect(details.getByLabel(`${DIETARY} (optioneel)`)).toHaveValue("Lactosevrij");
  await expect(details.getByRole("group", { name: BIKE }).getByLabel("Nee")).toBeChecked();
}

test.describe("with JavaScript", () => {
  test("a person corrects their organisation and an answer", async ({
    page,
    db,
    mailbox,
    expectAccessible,
  }) => {
    const manage = await signedUp(page, db, mailbox, `sofie-js-${Date.now()}@example.org`);
    await correctDetails(page, manage, expectAccessible);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same, every step a plain form the server answers", async ({ page, db, mailbox }) => {
    // axe runs in the page's JavaScript: the test with it checks the same pages.
    const expectAccessible = async () => {};
    const manage = await signedUp(page, db, mailbox, `sofie-nojs-${Date.now()}@example.org`);
    await correctDetails(page, manage, expectAccessible);
  });
});
