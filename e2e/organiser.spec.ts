import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { brusselsDate } from "../app/lib/time";
import type { DatabaseHandle } from "../db/client";
import { expect, test } from "./fixtures";
import { addOrganiser, invite, signIn, to } from "./utils";

const PASSWORD = "organisator-wachtwoord-e2e";
let counter = 0;

/** A fresh organiser of Leuven for each test. */
async function leuvenOrganiser(db: DatabaseHandle) {
  const email = `organisator${++counter}-${Date.now()}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Inge Peeters",
    password: PASSWORD,
    role: "organiser",
    citySlugs: ["leuven"],
  });
  return email;
}

async function seededPartnerId({ db }: DatabaseHandle, slug: string) {
  const partner = await db
    .selectFrom("partners")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return partner.id;
}

const inDays = (days: number) =>
  brusselsDate(new Date(Date.now() + days * 86_400_000).toISOString());

test("signing in sends the form once, when asked: no check on the way that empties the password", async ({
  page,
  db,
}) => {
  const email = await leuvenOrganiser(db);
  await page.goto("/beheer/inloggen");
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.postData() ?? "");
  });
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  // Leaving each field used to post it to the server, whose late answer cleared the password.
  await page.getByLabel("E-mailadres").focus();
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).focus();
  // The blur handlers have run, and the page has drawn whatever they changed.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(posts).toEqual([]);
  await expect(page.getByLabel("Wachtwoord")).toHaveValue(PASSWORD);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(/\/beheer$/);
  // One POST from the page's load to the workspace: a check sent on leaving a field would have
  // gone before the click, and be counted here however late it was reported.
  expect(posts).toHaveLength(1);
  expect(posts[0]).not.toContain("__intent__");
});

test("create a session, see a sign-up arrive, move it and the attendee's calendar follows", async ({
  page,
  browser,
  baseURL,
  mailbox,
  expectAccessible,
  db,
}) => {
  await signIn(page, await leuvenOrganiser(db), PASSWORD);
  await page.getByRole("link", { name: "Nieuwe sessie" }).click();
  await expectAccessible(page);
  const title = `Ontbijtsessie: de nieuwe parkeerregels ${Date.now()}`;
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Korte samenvatting").fill("Wat verandert er voor leveringen en klanten?");
  await page.getByLabel("Soort sessie").selectOption("breakfast");
  await page.getByLabel("Locatie", { exact: true }).fill("Stadhuis Leuven");
  await page.getByLabel("Adres").fill("Grote Markt 9, 3000 Leuven");
  await page.getByLabel("Datum").fill(inDays(10));
  await page.getByLabel("Begint om").fill("07:30");
  await page.getByLabel("Eindigt om").fill("09:00");
  await page.getByLabel("Aantal plaatsen").fill("2");
  // The seeded Unizo: other tests in this worker may have added partners of the same name.
  await page
    .locator(`input[name="partnerIds"][value="${await seededPartnerId(db, "unizo")}"]`)
    .check();
  await page.getByRole("button", { name: "Sessie aanmaken" }).click();
  await expect(page.getByText("De sessie is aangemaakt.")).toBeVisible();
  const adminUrl = page.url();

  // An entrepreneur signs up on the public site, in a browser of their own.
  const visitor = await browser.newPage({ baseURL });
  await visitor.goto("/?stad=leuven&soort=breakfast");
  await visitor.getByRole("link", { name: title }).click();
  await visitor.getByLabel("Naam").fill("Wim Janssens");
  await visitor.getByLabel("E-mailadres").fill("wim@example.org");
  await visitor.getByLabel(/Ik ga ermee akkoord/).check();
  await visitor.getByRole("button", { name: "Schrijf me in" }).click();
  await expect(
    visitor.getByRole("heading", { name: "Bedankt voor je inschrijving" }),
  ).toBeVisible();
  await visitor.close();
  const first = invite(await mailbox.waitFor(to("wim@example.org")));

  await page.reload();
  await expect(page.getByRole("cell", { name: /Wim Janssens/ })).toBeVisible();

  // The session moves an hour later: the attendee gets an updated invite.
  await page.getByRole("link", { name: "Bewerken" }).click();
  await page.getByLabel("Begint om").fill("08:30");
  await page.getByLabel("Eindigt om").fill("10:00");
  await page.getByRole("button", { name: "Wijzigingen bewaren" }).click();
  await expect(page.getByText("1 deelnemer kreeg een bijgewerkte uitnodiging.")).toBeVisible();
  expect(page.url()).toContain(adminUrl.split("?")[0]);

  const updatedMail = await mailbox.waitFor(
    (m) => to("wim@example.org")(m) && Number(invite(m).sequence) === 1,
  );
  const updated = invite(updatedMail);
  expect(updated).toMatchObject({
    method: "REQUEST",
    partMethod: "REQUEST",
    uid: first.uid,
    sequence: 1,
    startTzid: "Europe/Brussels",
  });
  expect(updated.startLocal).toMatch(/T08:30:00$/);
});

test.describe("on the day, on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("check someone in with one tap, and undo it", async ({ page, expectAccessible, db }) => {
    await signIn(page, await leuvenOrganiser(db), PASSWORD);
    await page.goto("/beheer");
    await page.locator(".dashboard-upcoming tbody a").first().click();
    await page.getByRole("link", { name: "Inchecken" }).click();
    await expectAccessible(page);
    const counter = page.locator(".checkin-head .big-number");
    const before = await counter.textContent();
    const label = (await page.locator(".checkin-row").first().getAttribute("aria-label")) ?? "";
    const name = label.replace(/: tik om aanwezig te melden$/, "");
    expect(name).not.toBe(label);
    await page.getByPlaceholder("Zoek een naam").fill(name.slice(0, 6));
    await page
      .getByRole("button", { name: `${name}: tik om aanwezig te melden` })
      .first()
      .tap();
    await expect(
      page.getByRole("button", { name: /is aanwezig: tik om ongedaan te maken/ }).first(),
    ).toBeVisible();
    await expect(counter).not.toHaveText(before ?? "");
    await page.reload();
    await expect(
      page.getByRole("button", { name: `${name} is aanwezig: tik om ongedaan te maken` }),
    ).toBeVisible();
    await page.getByRole("button", { name: `${name} is aanwezig: tik om ongedaan te maken` }).tap();
    await expect(counter).toHaveText(before ?? "");
  });
});

test("export the attendee list as CSV for a Belgian Excel and as XLSX", async ({
  page,
  expectAccessible,
  db,
}) => {
  await signIn(page, await leuvenOrganiser(db), PASSWORD);
  await expectAccessible(page);
  await page.locator(".dashboard-upcoming tbody a").first().click();
  await expectAccessible(page);
  const confirmed = Number(await page.locator(".counts dd").first().textContent());
  const waiting = Number(await page.locator(".counts dd").nth(2).textContent());

  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "CSV (Excel, ;)" }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^deelnemers-.+\.csv$/);
  const csv = await readFile(await csvDownload.path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows: string[][] = parse(csv.toString("utf8").slice(1), { delimiter: ";" });
  expect(rows[0]?.slice(0, 7)).toEqual([
    "Sessie",
    "Datum",
    "Start",
    "Einde",
    "Stad",
    "Locatie",
    "Naam",
  ]);
  expect(rows).toHaveLength(1 + confirmed + waiting);

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Excel (.xlsx)" }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  const xlsx = await readFile(await xlsxDownload.path());
  await workbook.xlsx.load(
    xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).getCell(1).value).toBe("Sessie");
  expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(sheet?.getRow(2).getCell(2).value).toBeInstanceOf(Date);
  expect(sheet?.actualRowCount).toBe(1 + confirmed + waiting);

  // The audit log, which records this export, is for admins.
  const log = await page.goto("/beheer/logboek");
  expect(log?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
});

test("an organiser of one city does not reach another city's session", async ({ page, db }) => {
  await signIn(page, await leuvenOrganiser(db), PASSWORD);
  await page.goto("/beheer");
  await expect(page.locator(".dashboard-upcoming")).not.toContainText("Gent");
  const gent = await db.db
    .selectFrom("sessions")
    .innerJoin("cities", "cities.id", "sessions.city_id")
    .select("sessions.id")
    .where("cities.slug", "=", "gent")
    .executeTakeFirstOrThrow();
  const response = await page.goto(`/beheer/sessies/${gent.id}`);
  expect(response?.status()).toBe(404);
  const exportResponse = await page.request.get(`/beheer/sessies/${gent.id}/export?formaat=csv`);
  expect(exportResponse.status()).toBe(404);
});
