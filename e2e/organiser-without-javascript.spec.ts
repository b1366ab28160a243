import { createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";
import { addOrganiser, signIn } from "./utils";

// The organiser's forms post as plain HTML forms too: the answer is a page that says what
// happened, or why nothing did.
test.use({ javaScriptEnabled: false });

test("add someone, move the queue and cancel, without JavaScript", async ({ page, db }) => {
  const email = `zonder-js-${Date.now()}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Nele Smet",
    password: "organisator-zonder-js",
    role: "admin",
  });
  const session = await createSession(
    {
      title: "Infosessie zonder scripts",
      kind: "info",
      capacity: 1,
    },
    db,
  );
  await signIn(page, email, "organisator-zonder-js");
  await page.goto(`/beheer/sessies/${session.id}`);

  const add = page.getByRole("region", { name: "Iemand toevoegen" });
  await add.getByLabel("Naam").fill("Ann Eerst");
  await add.getByLabel("E-mailadres").fill(`ann-${Date.now()}@example.org`);
  await add.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText("Ann Eerst is ingeschreven")).toBeVisible();

  await add.getByLabel("Naam").fill("Bert Wacht");
  await add.getByLabel("E-mailadres").fill(`bert-${Date.now()}@example.org`);
  // A browser cannot stop this mistake: the server says it, and keeps what was typed.
  await add.getByLabel("Ondernemingsnummer (optioneel)").fill("12345");
  await add.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText("Dit is geen geldig ondernemingsnummer.")).toBeVisible();
  await expect(add.getByLabel("Naam")).toHaveValue("Bert Wacht");
  await add.getByLabel("Ondernemingsnummer (optioneel)").fill("");
  await add.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText("Bert Wacht staat op de wachtlijst, op plaats 1")).toBeVisible();

  // The first in the queue cannot move up: the page says so, and says nothing was changed.
  await page.getByRole("button", { name: "Bert Wacht een plaats hoger" }).click();
  await expect(page.getByText("Bert Wacht staat al vooraan op de wachtlijst.")).toBeVisible();
  await expect(page.getByText("De volgorde van de wachtlijst is aangepast")).toHaveCount(0);

  await page.getByText("Uitschrijven").first().click();
  await page.getByRole("button", { name: "Ja, schrijf Ann Eerst uit" }).click();
  await expect(page.getByText("Ann Eerst is uitgeschreven.")).toBeVisible();
});
