import { createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";

test("the privacy statement is reached from the footer and passes the accessibility check", async ({
  page,
  expectAccessible,
}) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Over deze website" })
    .getByRole("link", { name: "Privacy" })
    .click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole("heading", { level: 1, name: "Privacyverklaring" })).toBeVisible();
  // The seeded partners, by name.
  await expect(page.getByText(/Onze partners: .*Unizo/)).toBeVisible();
  await expectAccessible(page);
});

test("the accessibility statement is reached from the footer and passes its own check", async ({
  page,
  expectAccessible,
}) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Over deze website" })
    .getByRole("link", { name: "Toegankelijkheid" })
    .click();
  await expect(page).toHaveURL(/\/toegankelijkheid$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Toegankelijkheidsverklaring" }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("the consent line of a sign-up form names the partners and leads to the privacy statement", async ({
  page,
  db,
}) => {
  const session = await createSession({ partners: ["Unizo", "Voka"] }, db);
  await page.goto(`/sessies/${session.slug}`);
  await expect(
    page.getByLabel(
      "Ik ga ermee akkoord dat de Stad Leuven en haar partners Unizo en Voka mijn gegevens gebruiken om deze sessie te organiseren.",
    ),
  ).toBeVisible();
  await page.getByRole("link", { name: "Lees hoe we met je gegevens omgaan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacyverklaring" })).toBeVisible();
});
