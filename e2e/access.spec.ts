import type { DatabaseHandle } from "../db/client";
import { createSession } from "../test/support/factories";
import { calendarParts } from "../test/support/mailbox";
import { expect, test } from "./fixtures";
import { addOrganiser, invite, signIn, to } from "./utils";

/**
 * Who may come to a session, in the browser: the seeded student start-up forum of Leuven takes
 * requests from KU Leuven addresses only, and the jury (an organiser) approves or declines them;
 * a session for some domains says so at the address, with and without JavaScript; the seeded
 * Voka members' breakfast is unlisted, and its link is copied from the workspace.
 */

const PASSWORD = "toegang-wachtwoord-e2e";
const FORUM = "leuven-forum-studentenstartups";
let counter = 0;

async function leuvenOrganiser(db: DatabaseHandle) {
  const email = `jury${++counter}-${Date.now()}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Jurylid Leuven",
    password: PASSWORD,
    role: "organiser",
    citySlugs: ["leuven"],
  });
  return email;
}

async function sessionIdOf({ db }: DatabaseHandle, slug: string) {
  return (
    await db.selectFrom("sessions").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()
  ).id;
}

/** A student asks for a seat at the forum, on the public page; answers their address. */
async function askForASeat(page: import("@playwright/test").Page, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@student.kuleuven.be`;
  await page.goto(`/sessies/${FORUM}`);
  await expect(page.getByText("De organisatie kiest wie er deelneemt")).toBeVisible();
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Welke richting studeer je?").selectOption("Informatica");
  await page.getByLabel(/Ik ga ermee akkoord/).check();
  await page.getByRole("button", { name: "Vraag een plaats aan" }).click();
  await expect(page.getByRole("heading", { name: "Je aanvraag is ontvangen" })).toBeVisible();
  return email;
}

test("a student asks for a pitch slot, and the jury approves one request and declines another", async ({
  page,
  browser,
  baseURL,
  mailbox,
  db,
  expectAccessible,
}) => {
  const visitor = await browser.newPage({ baseURL });
  const lotte = await askForASeat(visitor, "Lotte Maes");
  const receipt = await mailbox.waitFor(to(lotte));
  expect(receipt.parsed.subject).toMatch(/^Aanvraag ontvangen: Studentenstartupforum Leuven/);
  expect(calendarParts(receipt)).toEqual([]);
  const bram = await askForASeat(visitor, "Bram Aerts");
  await mailbox.waitFor(to(bram));
  await visitor.close();

  await signIn(page, await leuvenOrganiser(db), PASSWORD);
  await page.goto(`/beheer/sessies/${await sessionIdOf(db, FORUM)}`);
  const requests = page.getByRole("region", { name: /^Aanvragen/ });
  await expect(requests.getByRole("heading", { name: "Lotte Maes" })).toBeVisible();
  await expect(requests.getByText(lotte)).toBeVisible();
  await expectAccessible(page);

  await requests.getByRole("button", { name: "Keur de aanvraag van Lotte Maes goed" }).click();
  await expect(
    page.getByText("De aanvraag van Lotte Maes is goedgekeurd", { exact: false }),
  ).toBeVisible();
  await expect(requests.getByRole("heading", { name: "Lotte Maes" })).toHaveCount(0);
  const confirmation = await mailbox.waitFor(
    (mail) => to(lotte)(mail) && mail !== receipt && calendarParts(mail).length > 0,
  );
  expect(invite(confirmation).method).toBe("REQUEST");

  // Declining takes a second step, where a reason may be typed for the mail.
  const card = requests.getByRole("listitem").filter({ hasText: bram });
  await card.getByText("Weigeren…").click();
  await card
    .getByLabel("Reden (optioneel)")
    .fill("Dit jaar pitchen alleen teams met een prototype.");
  await expectAccessible(page);
  await card.getByRole("button", { name: "Weiger de aanvraag van Bram Aerts" }).click();
  await expect(page.getByText("De aanvraag van Bram Aerts is geweigerd.")).toBeVisible();
  const declined = await mailbox.waitFor(
    (mail) => to(bram)(mail) && /teams met een prototype/.test(mail.parsed.text ?? ""),
  );
  expect(calendarParts(declined)).toEqual([]);
});

test("a domain-restricted sign-up says so at the address, and checks it as the field is left", async ({
  page,
  mailbox,
  expectAccessible,
}) => {
  await page.goto(`/sessies/${FORUM}`);
  const email = page.getByLabel("E-mailadres");
  await expect(
    page.getByText(
      "Deze sessie staat alleen open voor adressen die eindigen op @student.kuleuven.be of @kuleuven.be.",
    ),
  ).toBeVisible();
  await page.getByLabel("Naam").fill("Nele Smets");
  await email.fill("nele.smets@gmail.com");
  await email.blur();
  const refusal =
    "Deze sessie staat alleen open voor adressen van student.kuleuven.be, kuleuven.be. Gebruik je adres van een van die domeinen.";
  await expect(page.getByText(refusal)).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await email.fill("nele.smets@student.kuleuven.be");
  await expect(page.getByText(refusal)).toHaveCount(0);
  await page.getByLabel("Welke richting studeer je?").selectOption("Rechten");
  await page.getByLabel(/Ik ga ermee akkoord/).check();
  await page.getByRole("button", { name: "Vraag een plaats aan" }).click();
  await expect(page.getByRole("heading", { name: "Je aanvraag is ontvangen" })).toBeVisible();
  await mailbox.waitFor(to("nele.smets@student.kuleuven.be"));
});

test("an unlisted session's link is copied from its page in the workspace", async ({
  page,
  context,
  baseURL,
  db,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const slug = "leuven-ledenontbijt-voka-vlaams-brabant-k3x9q2m7wz4p";
  await signIn(page, await leuvenOrganiser(db), PASSWORD);
  await expect(
    page.getByRole("link", { name: "Ledenontbijt Voka Vlaams-Brabant" }).first(),
  ).toBeVisible();
  await page.goto(`/beheer/sessies/${await sessionIdOf(db, slug)}`);
  const link = page.getByLabel("Adres van de sessie");
  await expect(link).toHaveValue(`${baseURL}/sessies/${slug}`);
  await page.getByRole("button", { name: "Kopieer de link" }).click();
  await expect(page.getByText("De link is gekopieerd.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${baseURL}/sessies/${slug}`,
  );
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a domain-restricted sign-up refuses another domain at the field, then takes the right one", async ({
    page,
    mailbox,
    db,
  }) => {
    const session = await createSession(
      { title: "Infosessie voor studenten", kind: "info", email_domains: "student.kuleuven.be" },
      db,
    );
    await page.goto(`/sessies/${session.slug}`);
    await page.getByLabel("Naam").fill("Arne Wouters");
    await page.getByLabel("E-mailadres").fill("arne.wouters@gmail.com");
    await page.getByLabel(/Ik ga ermee akkoord/).check();
    const answer = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Schrijf me in" }).click();
    expect((await answer).status()).toBe(400);
    const refusal =
      "Deze sessie staat alleen open voor adressen van student.kuleuven.be. Gebruik je adres van een van die domeinen.";
    await expect(page.getByText(refusal)).toBeVisible();
    await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Naam")).toHaveValue("Arne Wouters");

    await page.getByLabel("E-mailadres").fill("arne.wouters@student.kuleuven.be");
    await page.getByLabel(/Ik ga ermee akkoord/).check();
    await page.getByRole("button", { name: "Schrijf me in" }).click();
    await expect(page.getByRole("heading", { name: "Bedankt voor je inschrijving" })).toBeVisible();
    await mailbox.waitFor(to("arne.wouters@student.kuleuven.be"));
  });

  test("an unlisted session's link can be selected on its page in the workspace", async ({
    page,
    baseURL,
    db,
  }) => {
    const slug = "leuven-ledenontbijt-voka-vlaams-brabant-k3x9q2m7wz4p";
    await signIn(page, await leuvenOrganiser(db), PASSWORD);
    await page.goto(`/beheer/sessies/${await sessionIdOf(db, slug)}`);
    await expect(page.getByLabel("Adres van de sessie")).toHaveValue(`${baseURL}/sessies/${slug}`);
    await expect(page.getByRole("button", { name: "Kopieer de link" })).toHaveCount(0);
  });
});
