import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { DatabaseHandle } from "../db/client";
import { createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";
import { addOrganiser, manageLink, signIn, to } from "./utils";

/**
 * A session's own questions in a browser, with and without JavaScript, in Dutch and in English:
 * an organiser adds one question of every type, a visitor answers them (and is told at each
 * field what is wrong: a required answer missing, a number out of range, a choice the form never
 * offered), and the answers reach the attendee page, the CSV, the XLSX and the person's own
 * download, and are nowhere once the person erases their data.
 */

const PASSWORD = "vragen-stellen-e2e";

/** What the pages say, in the language a test runs in. */
const WORDS = {
  nl: {
    prefix: "",
    questionsLink: /^Vragen \(0\)$/,
    title: "Vragen bij de inschrijving",
    questionGroup: "Vraag",
    dutch: "In het Nederlands",
    choice: (n: number) => `Keuze ${n}`,
    anotherChoice: "Nog een keuze",
    required: "Verplicht: zonder antwoord geen inschrijving",
    showAs: "Tonen als",
    minimum: "Minimum (optioneel)",
    maximum: "Maximum (optioneel)",
    add: "Vraag toevoegen",
    added: (label: string) => `Vraag ‘${label}’ toegevoegd.`,
    types: {
      shortText: "Kort antwoord",
      longText: "Lang antwoord",
      oneChoice: "Eén keuze",
      severalChoices: "Meerdere keuzes",
      yesNo: "Ja of nee",
      number: "Getal",
      mustTick: "Vakje dat aangevinkt moet worden",
    },
    optional: (label: string) => `${label} (optioneel)`,
    name: "Naam",
    email: "E-mailadres",
    consent: /Ik ga ermee akkoord/,
    submit: "Schrijf me in",
    thanks: "Bedankt voor je inschrijving",
    yes: "Ja",
    no: "Nee",
    errors: {
      choose: "Kies een antwoord.",
      notOffered: "Dit antwoord kun je hier niet kiezen. Kies een van de antwoorden in de lijst.",
      number: "Vul een getal in van 0 tot 250.",
      mustTick: "Je kunt je pas inschrijven als je dit aanvinkt.",
    },
    csv: "CSV (Excel, ;)",
    xlsx: "Excel (.xlsx)",
    download: "Download mijn gegevens (JSON)",
    erase: "Wis mijn gegevens",
    eraseConfirm: "Ja, wis mijn gegevens",
  },
  en: {
    prefix: "/en",
    questionsLink: /^Questions \(0\)$/,
    title: "Questions at sign-up",
    questionGroup: "Question",
    dutch: "In Dutch",
    choice: (n: number) => `Choice ${n}`,
    anotherChoice: "Another choice",
    required: "Required: no sign-up without an answer",
    showAs: "Show as",
    minimum: "Minimum (optional)",
    maximum: "Maximum (optional)",
    add: "Add question",
    added: (label: string) => `Question ‘${label}’ added.`,
    types: {
      shortText: "Short answer",
      longText: "Long answer",
      oneChoice: "One choice",
      severalChoices: "Several choices",
      yesNo: "Yes or no",
      number: "Number",
      mustTick: "Box that must be ticked",
    },
    optional: (label: string) => `${label} (optional)`,
    name: "Name",
    email: "Email address",
    consent: /I agree/,
    submit: "Sign me up",
    thanks: "Thank you for signing up",
    yes: "Yes",
    no: "No",
    errors: {
      choose: "Choose an answer.",
      notOffered: "This answer can’t be chosen here. Choose one of the answers in the list.",
      number: "Enter a number from 0 to 250.",
      mustTick: "You can only sign up if you tick this box.",
    },
    csv: "CSV (Excel, ;)",
    xlsx: "Excel (.xlsx)",
    download: "Download my data (JSON)",
    erase: "Erase my data",
    eraseConfirm: "Yes, erase my data",
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

/** The questions the organiser types in: Dutch labels, English for one of them. */
const LABELS = {
  shortText: "Welke richting studeer je?",
  longText: "Voedingswensen of allergieën",
  oneChoice: "Welk boekhoudpakket gebruik je?",
  severalChoices: "Wat wil je zeker horen?",
  yesNo: "Kom je met een rolstoel?",
  number: "Hoeveel werknemers heb je?",
  mustTick: "Ik ben lid van Voka – Kamer van Koophandel Vlaams-Brabant",
};

/** A session of its own in a city of its own, and an organiser of that city, signed in. */
async function organiserWithSession(page: Page, db: DatabaseHandle) {
  const session = await createSession(
    { title: `Middagsessie e-facturatie ${Date.now()}`, kind: "info", capacity: 5 },
    db,
  );
  const city = await db.db
    .selectFrom("cities")
    .select("slug")
    .where("id", "=", session.city_id)
    .executeTakeFirstOrThrow();
  const email = `vragen-${Date.now()}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Ilse Vragen",
    password: PASSWORD,
    role: "organiser",
    citySlugs: [city.slug],
  });
  await signIn(page, email, PASSWORD);
  return session;
}

/** Adds one question of every type through the questions page, as an organiser clicks it. */
async function addEveryQuestion(
  page: Page,
  words: Words,
  sessionId: number,
  expectAccessible: (page: Page) => Promise<void>,
) {
  await page.goto(`${words.prefix}/beheer/sessies/${sessionId}`);
  await page.getByRole("link", { name: words.questionsLink }).click();
  await expect(page.getByRole("heading", { level: 1, name: words.title })).toBeVisible();
  await expectAccessible(page);

  const start = async (type: keyof Words["types"]) => {
    await page.getByRole("link", { name: words.types[type], exact: true }).click();
    await page
      .getByRole("group", { name: words.questionGroup, exact: true })
      .getByLabel(words.dutch)
      .fill(LABELS[type]);
  };
  const choices = async (labels: string[]) => {
    for (const [index, label] of labels.entries()) {
      // Three rows to start with; another row when a list runs longer.
      if (index >= 3) await page.getByRole("button", { name: words.anotherChoice }).click();
      await page
        .getByRole("group", { name: words.choice(index + 1), exact: true })
        .getByLabel(words.dutch)
        .fill(label);
    }
  };
  const save = async (type: keyof Words["types"]) => {
    await page.getByRole("button", { name: words.add }).click();
    await expect(page.getByText(words.added(LABELS[type]))).toBeVisible();
  };

  await start("shortText");
  await save("shortText");
  await start("longText");
  await save("longText");

  await start("oneChoice");
  await choices(["Exact Online", "Octopus", "Yuki", "Andere"]);
  await page.getByLabel(words.showAs).selectOption("select");
  await page.getByLabel(words.required).check();
  await expectAccessible(page);
  await save("oneChoice");

  await start("severalChoices");
  await choices(["Peppol", "Btw"]);
  await save("severalChoices");

  await start("yesNo");
  await page.getByLabel(words.required).check();
  await save("yesNo");

  await start("number");
  await page.getByLabel(words.minimum).fill("0");
  await page.getByLabel(words.maximum).fill("250");
  await save("number");

  await start("mustTick");
  await save("mustTick");
  await expectAccessible(page);
}

/**
 * Signs up, first with mistakes: what a browser cannot stop (left open, out of range) and a
 * choice the form never offered, posted anyway (the request is rewritten on its way). Each is
 * said at its field; then the corrected form goes through.
 */
async function signUpWithMistakes(
  page: Page,
  words: Words,
  slug: string,
  email: string,
  expectAccessible: (page: Page) => Promise<void>,
) {
  await page.goto(`${words.prefix}/sessies/${slug}`);
  await expect(
    page.getByRole("group", { name: words.optional(LABELS.severalChoices) }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(words.name, { exact: true }).fill("Eva Vragensteller");
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.optional(LABELS.shortText)).fill("Handelswetenschappen");
  await page.getByLabel(words.optional(LABELS.longText)).fill("Notenvrij en lactosevrij");
  await page.getByLabel(words.optional(LABELS.number)).fill("300");
  // Leaving the field says what is wrong with it (with JavaScript), which moves what follows.
  await page.getByLabel(words.optional(LABELS.number)).blur();
  await page.getByLabel(words.consent).check();
  await page.getByRole("button", { name: words.submit }).click();

  // Left open, out of range, not ticked: each said at its own field.
  const wheelchair = page.getByRole("group", { name: LABELS.yesNo });
  await expect(wheelchair.getByRole("radio", { name: words.yes })).toHaveAccessibleDescription(
    words.errors.choose,
  );
  await expect(wheelchair.getByRole("radio", { name: words.yes })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(page.getByLabel(words.optional(LABELS.number))).toHaveAccessibleDescription(
    new RegExp(words.errors.number.replace(/[.]/g, "\\.")),
  );
  await expect(page.getByLabel(LABELS.mustTick)).toHaveAccessibleDescription(words.errors.mustTick);
  await expect(page.getByLabel(LABELS.oneChoice)).toHaveAccessibleDescription(words.errors.choose);
  await expectAccessible(page);

  // Corrected, but with a choice the select never offered, sent as if it had.
  await page.getByLabel(LABELS.oneChoice).selectOption({ label: "Yuki" });
  await wheelchair.getByRole("radio", { name: words.no }).check();
  await page.getByLabel(words.optional(LABELS.number)).fill("12");
  await page.getByLabel(LABELS.mustTick).check();
  await page
    .getByRole("group", { name: words.optional(LABELS.severalChoices) })
    .getByLabel("Btw")
    .check();
  const oneChoiceName = (await page.getByLabel(LABELS.oneChoice).getAttribute("name")) ?? "";
  const signUpPost = (url: URL) => url.pathname.startsWith(`${words.prefix}/sessies/${slug}`);
  await page.route(signUpPost, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const body = new URLSearchParams(request.postData() ?? "");
    body.set(oneChoiceName, "winbooks");
    await route.continue({ postData: body.toString() });
  });
  await page.getByRole("button", { name: words.submit }).click();
  await expect(page.getByLabel(LABELS.oneChoice)).toHaveAccessibleDescription(
    words.errors.notOffered,
  );
  await expect(page.getByLabel(LABELS.oneChoice)).toHaveAttribute("aria-invalid", "true");
  await page.unroute(signUpPost);

  // As it was meant: accepted.
  await page.getByLabel(LABELS.oneChoice).selectOption({ label: "Yuki" });
  await wheelchair.getByRole("radio", { name: words.no }).check();
  await page.getByLabel(words.optional(LABELS.number)).fill("12");
  await page.getByLabel(LABELS.mustTick).check();
  await page
    .getByRole("group", { name: words.optional(LABELS.severalChoices) })
    .getByLabel("Btw")
    .check();
  await page.getByLabel(words.consent).check();
  await page.getByRole("button", { name: words.submit }).click();
  await expect(page.getByRole("heading", { name: words.thanks })).toBeVisible();
}

/** The answers as the attendee page, the CSV and the XLSX show them. */
const SHOWN = [
  ["Welke richting studeer je?", "Handelswetenschappen"],
  ["Voedingswensen of allergieën", "Notenvrij en lactosevrij"],
  ["Welk boekhoudpakket gebruik je?", "Yuki"],
  ["Wat wil je zeker horen?", "Btw"],
  ["Kom je met een rolstoel?", null],
  ["Hoeveel werknemers heb je?", "12"],
  ["Ik ben lid van Voka – Kamer van Koophandel Vlaams-Brabant", null],
] as const;

async function downloaded(page: Page, link: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link }).click(),
  ]);
  return readFile(await download.path());
}

/** The person's row of each export, from the fixed columns on: name, then the answers. */
async function exportedAnswers(page: Page, words: Words) {
  const csv = await downloaded(page, words.csv);
  const rows: string[][] = parse(csv.toString("utf8").slice(1), { delimiter: ";" });
  const csvRow = rows.find((row) => row[6] === "Eva Vragensteller");
  const xlsx = await downloaded(page, words.xlsx);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  let xlsxRow: unknown[] | undefined;
  sheet?.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (values[6] === "Eva Vragensteller") xlsxRow = values;
  });
  return { header: rows[0]?.slice(14), csv: csvRow?.slice(14), xlsx: xlsxRow?.slice(14) };
}

async function everywhereBeforeAndAfterErasure(
  page: Page,
  words: Words,
  sessionId: number,
  manage: string,
  expectAccessible: (page: Page) => Promise<void>,
) {
  const yes = words.yes;
  const no = words.no;
  const expected: string[] = SHOWN.map(([, text]) => text ?? "");
  expected[4] = no;
  expected[6] = yes;

  await page.goto(`${words.prefix}/beheer/sessies/${sessionId}`);
  const row = page.getByRole("row", { name: /Eva Vragensteller/ });
  for (const [index, [label]] of SHOWN.entries()) {
    await expect(row.getByRole("term").filter({ hasText: label })).toBeVisible();
    await expect(row.getByRole("definition").nth(index)).toHaveText(expected[index] ?? "");
  }
  await expectAccessible(page);
  const before = await exportedAnswers(page, words);
  expect(before.header).toEqual(SHOWN.map(([label]) => label));
  expect(before.csv).toEqual(expected);
  expect(before.xlsx).toEqual(expected.map((text, index) => (index === 5 ? 12 : text)));

  // The person's own download holds the answers, in their language.
  await page.goto(manage);
  const file = (await page.getByRole("link", { name: words.download }).getAttribute("href")) ?? "";
  const data = await (await page.request.get(file)).json();
  expect(data.answers.map((a: { answer: string }) => a.answer)).toEqual(expected);

  // Erased: nowhere any more.
  await page.getByRole("link", { name: words.erase }).click();
  await page.getByRole("button", { name: words.eraseConfirm }).click();
  await page.goto(`${words.prefix}/beheer/sessies/${sessionId}`);
  await expect(page.getByText("Notenvrij en lactosevrij")).toHaveCount(0);
  await expect(page.getByText("Handelswetenschappen")).toHaveCount(0);
  const after = await exportedAnswers(page, words);
  expect(after.csv).toBeUndefined();
  const csv = (await downloaded(page, words.csv)).toString("utf8");
  expect(csv).not.toContain("Notenvrij");
  expect((await page.request.get(file)).status()).toBe(410);
}

test.describe("with JavaScript, in Dutch", () => {
  test("an organiser asks one question of every type, a visitor answers, the answers go everywhere and then nowhere", async ({
    page,
    db,
    mailbox,
    expectAccessible,
  }) => {
    // Seven questions typed in, a form sent four times, three files read: a long walk.
    test.slow();
    const words = WORDS.nl;
    const session = await organiserWithSession(page, db);
    await addEveryQuestion(page, words, session.id, expectAccessible);
    const email = `eva-${Date.now()}@example.org`;
    await signUpWithMistakes(page, words, session.slug, email, expectAccessible);
    const manage = manageLink(await mailbox.waitFor(to(email)));
    await everywhereBeforeAndAfterErasure(page, words, session.id, manage, expectAccessible);
  });
});

test.describe("without JavaScript, in English", () => {
  test.use({ javaScriptEnabled: false });

  test("the same, every step a plain form the server answers", async ({ page, db, mailbox }) => {
    test.slow();
    const words = WORDS.en;
    // axe runs in the page's JavaScript: the test with it checks the same pages.
    const expectAccessible = async () => {};
    const session = await organiserWithSession(page, db);
    await addEveryQuestion(page, words, session.id, expectAccessible);
    const email = `eva-${Date.now()}@example.org`;
    await signUpWithMistakes(page, words, session.slug, email, expectAccessible);
    const manage = manageLink(await mailbox.waitFor(to(email)));
    await everywhereBeforeAndAfterErasure(page, words, session.id, manage, expectAccessible);
  });
});
