import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";
import { addOrganiser, signIn } from "./utils";

/**
 * The city's report in a browser, on the demo data of this year: the page, its charts and the
 * page after a change of filters pass axe; the Excel file downloads with a sheet per table; the
 * printed page leaves the workspace out; and without JavaScript the filters are a plain form.
 */

const PASSWORD = "cijfers-voor-de-stad";
const CHARTS = [
  "Ondernemers per maand: ingeschreven en aanwezig",
  "Ondernemers per stad: ingeschreven en aanwezig",
  "Ondernemers per soort sessie: ingeschreven en aanwezig",
  "Ondernemers per partner: ingeschreven en aanwezig",
];

async function admin(db: Parameters<typeof addOrganiser>[0], tag: string) {
  const email = `cijfers-${tag}-${Date.now()}@leuven.test`;
  await addOrganiser(db, { email, name: "Alderman's office", password: PASSWORD, role: "admin" });
  return email;
}

test("the report, its charts and its filters pass axe, and its tables download as Excel", async ({
  page,
  db,
  expectAccessible,
}) => {
  await signIn(page, await admin(db, "js"), PASSWORD);
  await page.getByRole("link", { name: "Cijfers" }).click();
  await expect(page.getByRole("heading", { name: "Cijfers", level: 1 })).toBeVisible();
  for (const name of CHARTS) await expect(page.getByRole("img", { name })).toBeVisible();
  await expect(page.getByRole("table", { name: /Ondernemers en enquête per stad/ })).toBeVisible();
  await expectAccessible(page);

  // A quarter of this year, through the form.
  const year = new Date().getFullYear();
  await page.getByLabel("Periode", { exact: true }).selectOption("k1");
  await page.getByRole("button", { name: "Cijfers tonen" }).click();
  await expect(page).toHaveURL(/periode=k1/);
  await expect(
    page.getByText(`Sessies van 1 januari ${year} tot en met 31 maart ${year}`),
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: /Sessies, plaatsen en opkomst per maand/ }).locator("tbody tr"),
  ).toHaveCount(3);
  await expectAccessible(page);

  // Dates the wrong way round: said at the field, and no figures.
  await page.getByLabel("Periode", { exact: true }).selectOption("data");
  await page.getByLabel("Van", { exact: true }).fill(`${year}-06-01`);
  await page.getByLabel("Tot en met", { exact: true }).fill(`${year}-03-01`);
  await page.getByRole("button", { name: "Cijfers tonen" }).click();
  await expect(page.getByText("De einddatum mag niet vóór de begindatum liggen.")).toBeVisible();
  await expect(page.getByRole("img", { name: CHARTS[0] })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto("/beheer/cijfers");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Alle tabellen downloaden (Excel, .xlsx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`cijfers-${year}-01-01-${year}-12-31.xlsx`);
  const bytes = await readFile(await download.path());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    "Overzicht",
    "Per maand",
    "Per stad",
    "Per soort sessie",
    "Per partner",
  ]);
  const months = workbook.getWorksheet("Per maand");
  expect(months?.getRow(1).getCell(1).value).toBe("Maand");
  // Twelve months and the total, as on the page.
  expect(months?.actualRowCount).toBe(1 + 12 + 1);
  const held = page
    .getByRole("table", { name: /Sessies, plaatsen en opkomst per maand/ })
    .locator("tfoot td")
    .first();
  expect(months?.getRow(14).getCell(2).value).toBe(Number(await held.textContent()));
});

test("the printed report leaves the workspace, the filters and the buttons out", async ({
  page,
  db,
}) => {
  await signIn(page, await admin(db, "print"), PASSWORD);
  await page.goto("/beheer/cijfers");
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Beheer" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Periode en filters" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Cijfers", level: 1 })).toBeVisible();
  for (const name of CHARTS) await expect(page.getByRole("img", { name })).toBeVisible();
  await expect(
    page.getByRole("table", { name: /Ondernemers en enquête per partner/ }),
  ).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filters are a plain form the server answers", async ({ page, db }) => {
    await signIn(page, await admin(db, "nojs"), PASSWORD);
    await page.goto("/beheer/cijfers");
    await expect(page.getByRole("button", { name: "Afdrukken" })).toHaveCount(0);
    await page.getByLabel("Soort sessie", { exact: true }).selectOption({ label: "Ontbijtsessie" });
    await page.getByRole("button", { name: "Cijfers tonen" }).click();
    await expect(page).toHaveURL(/soort=breakfast/);
    await expect(page.getByText("Alleen: Ontbijtsessie.")).toBeVisible();
    const kinds = page.getByRole("table", {
      name: /Sessies, plaatsen en opkomst per soort sessie/,
    });
    await expect(kinds.locator("tbody th")).toHaveText(["Ontbijtsessie"]);
  });
});
