import { createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";
import { invite, manageLink, to } from "./utils";

/**
 * Colleagues in one sign-up, in a browser: a person opens "I'm bringing colleagues", is told at
 * the field what is missing or given twice, and each colleague gets an invite of their own; the
 * form works the same without JavaScript, in Dutch and in English.
 */

test("a firm signs up two colleagues with its owner, and each gets an invite of their own", async ({
  page,
  mailbox,
  db,
  expectAccessible,
}) => {
  const session = await createSession(
    { title: "Middagsessie: e-facturatie", kind: "info", capacity: 2, max_group_size: 3 },
    db,
  );
  const stamp = Date.now();
  const owner = `lies.wouters.${stamp}@example.org`;
  const clerk = `ahmed.benali.${stamp}@example.org`;
  const bookkeeper = `karen.claes.${stamp}@example.org`;

  await page.goto(`/sessies/${session.slug}`);
  await expect(page.getByText("Je kunt tot 3 personen in één keer inschrijven.")).toBeVisible();
  await page.getByLabel("Naam", { exact: true }).fill("Lies Wouters");
  await page.getByLabel("E-mailadres", { exact: true }).fill(owner);
  await page.getByText("Ik breng collega’s mee").click();
  const first = page.getByRole("group", { name: "Collega 1" });
  const second = page.getByRole("group", { name: "Collega 2" });
  await first.getByLabel("Naam van collega 1").fill("Ahmed Benali");
  await first.getByLabel("E-mailadres van collega 1").fill(clerk);
  await second.getByLabel("Naam van collega 2").fill("Karen Claes");
  // The same address twice is said as the field is left.
  await second.getByLabel("E-mailadres van collega 2").fill(clerk.toUpperCase());
  await second.getByLabel("E-mailadres van collega 2").blur();
  await expect(
    second.getByText("Dit adres staat al in deze inschrijving.", { exact: false }),
  ).toBeVisible();
  await expectAccessible(page);
  await second.getByLabel("E-mailadres van collega 2").fill(bookkeeper);
  // Two seats for three people: the first two take them, the third waits.
  await page.getByLabel(/Geef de vrije plaatsen aan wie eerst staat/).check();
  await page.getByLabel(/Ik ga ermee akkoord/).check();
  await page.getByRole("button", { name: "Schrijf me in" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt voor je inschrijving" })).toBeVisible();
  for (const address of [owner, clerk, bookkeeper]) {
    await expect(page.getByText(address, { exact: false })).toBeVisible();
  }

  const ownerMail = await mailbox.waitFor(to(owner));
  const clerkMail = await mailbox.waitFor(to(clerk));
  const bookkeeperMail = await mailbox.waitFor(to(bookkeeper));
  expect(invite(ownerMail).attendees).toEqual([`mailto:${owner}`]);
  expect(invite(clerkMail).attendees).toEqual([`mailto:${clerk}`]);
  expect(bookkeeperMail.parsed.subject).toBe("Op de wachtlijst: Middagsessie: e-facturatie");
  expect(manageLink(ownerMail)).not.toBe(manageLink(clerkMail));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("in English, a colleague without an address is refused at the field, then signed up", async ({
    page,
    mailbox,
    db,
  }) => {
    const session = await createSession(
      { title: "E-invoicing at lunchtime", kind: "info", capacity: 10, max_group_size: 2 },
      db,
    );
    const stamp = Date.now();
    const owner = `tom.peeters.${stamp}@example.org`;
    const colleague = `sofie.janssens.${stamp}@example.org`;

    await page.goto(`/en/sessies/${session.slug}`);
    await page.getByLabel("Name", { exact: true }).fill("Tom Peeters");
    await page.getByLabel("Email address", { exact: true }).fill(owner);
    await page.getByText("I’m bringing colleagues").click();
    await page.getByLabel("Name of colleague 1").fill("Sofie Janssens");
    await page.getByLabel(/I agree/).check();
    const answer = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Sign me up" }).click();
    expect((await answer).status()).toBe(400);
    await expect(
      page.getByText("Enter your colleague’s email address", { exact: false }),
    ).toBeVisible();
    await expect(page.getByLabel("Email address of colleague 1")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(page.getByLabel("Name of colleague 1")).toHaveValue("Sofie Janssens");

    await page.getByLabel("Email address of colleague 1").fill(colleague);
    await page.getByLabel(/I agree/).check();
    await page.getByRole("button", { name: "Sign me up" }).click();
    await expect(page.getByRole("heading", { name: "Thank you for signing up" })).toBeVisible();
    const mail = await mailbox.waitFor(to(colleague));
    expect(invite(mail).attendees).toEqual([`mailto:${colleague}`]);
    await mailbox.waitFor(to(owner));
  });
});
