import { brusselsDate, brusselsTimeToInstant } from "../app/lib/time";
import type { DatabaseHandle } from "../db/client";
import { addQuestions, createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";
import { invite, manageLink, to } from "./utils";

/** A breakfast a week from now at 07:30 Brussels time, with the capacity a test needs. */
async function breakfast(db: DatabaseHandle, capacity: number, title: string) {
  const day = brusselsDate(new Date(Date.now() + 7 * 86_400_000).toISOString());
  const session = await createSession(
    {
      title,
      capacity,
      starts_at: brusselsTimeToInstant(day, "07:30"),
      ends_at: brusselsTimeToInstant(day, "09:00"),
      partners: ["Unizo", "Voka"],
    },
    db,
  );
  // Like every breakfast, it asks about dietary needs.
  await addQuestions(session.id, undefined, db);
  return session;
}

test("browse the seeded agenda and filter by city and kind, with a link that can be shared", async ({
  page,
  expectAccessible,
}) => {
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: "Sessies voor ondernemers" }),
  ).toBeVisible();
  const cards = page.locator("article.card");
  expect(await cards.count()).toBeGreaterThan(20);
  await expectAccessible(page);

  await page.getByLabel("Stad", { exact: true }).selectOption({ label: "Gent" });
  await page.getByLabel("Soort sessie").selectOption({ label: "Infosessies" });
  await page.getByRole("button", { name: "Toon sessies" }).click();
  await expect(page).toHaveURL(/\?stad=gent&soort=info&sessietaal=$/);
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) {
    await expect(card.locator(".card-kind")).toHaveText("Infosessie");
    await expect(card.locator(".card-where")).toContainText("Gent");
  }

  // The same URL opened fresh shows the same selection.
  await page.goto("/?stad=gent&soort=info");
  await expect(page.getByLabel("Stad", { exact: true })).toHaveValue("gent");
  await page.getByRole("link", { name: "Wis filters" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("sign up, get the invite, cancel, and see the waiting list promoted", async ({
  page,
  mailbox,
  db,
  expectAccessible,
}) => {
  const session = await breakfast(db, 1, "Ontbijtsessie: de nieuwe terrasvergunning");

  // The first person takes the only seat.
  await page.goto(`/sessies/${session.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(session.title);
  await expect(page.getByText("Nog 1 plaats vrij")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Naam").fill("Hanne Vermeulen");
  await page.getByLabel("E-mailadres").fill("hanne@example.org");
  await page.getByLabel("Voedingswensen of allergieën (optioneel)").fill("Vegetarisch");
  await page.getByLabel(/Ik ga ermee akkoord/).check();
  await page.getByRole("button", { name: "Schrijf me in" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt voor je inschrijving" })).toBeVisible();
  await expect(page.getByText("hanne@example.org")).toBeVisible();
  await expectAccessible(page);

  const confirmation = await mailbox.waitFor(to("hanne@example.org"));
  expect(confirmation.parsed.subject).toContain(
    "Ingeschreven: Ontbijtsessie: de nieuwe terrasvergunning",
  );
  const first = invite(confirmation);
  expect(first).toMatchObject({
    partMethod: "REQUEST",
    method: "REQUEST",
    sequence: 0,
    organizer: "mailto:agenda@leuven.test",
    attendees: ["mailto:hanne@example.org"],
    startTzid: "Europe/Brussels",
    status: "CONFIRMED",
  });
  expect(first.startLocal).toMatch(/T07:30:00$/);

  // The second person is told before submitting that the session is full.
  await page.goto(`/sessies/${session.slug}`);
  await expect(page.getByText("Deze sessie is volzet.")).toBeVisible();
  await page.getByLabel("Naam").fill("Youssef El Idrissi");
  await page.getByLabel("E-mailadres").fill("youssef@example.org");
  await page.getByLabel(/Ik ga ermee akkoord/).check();
  await page.getByRole("button", { name: "Zet me op de wachtlijst" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt voor je inschrijving" })).toBeVisible();
  const waitlisted = await mailbox.waitFor(to("youssef@example.org"));
  expect(waitlisted.parsed.subject).toBe(`Op de wachtlijst: ${session.title}`);
  expect(waitlisted.parsed.attachments).toEqual([]);

  // The first person follows the link in their mail and gives up the seat.
  await page.goto(manageLink(confirmation));
  await expect(page.getByText("Je bent ingeschreven.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Inschrijving annuleren" }).click();
  await expect(
    page.getByRole("heading", { name: "Wil je je inschrijving annuleren?" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Ja, annuleer mijn inschrijving" }).click();
  await expect(page.getByText("Je inschrijving is geannuleerd.")).toBeVisible();

  const cancellation = await mailbox.waitFor(
    (m) => to("hanne@example.org")(m) && m !== confirmation,
  );
  expect(invite(cancellation)).toMatchObject({
    method: "CANCEL",
    partMethod: "CANCEL",
    uid: first.uid,
    sequence: 1,
  });

  // The seat went to the person waiting, with an invite of their own.
  const promoted = await mailbox.waitFor((m) => to("youssef@example.org")(m) && m !== waitlisted);
  expect(promoted.parsed.subject).toContain("Er kwam een plaats vrij");
  const second = invite(promoted);
  expect(second).toMatchObject({ method: "REQUEST", attendees: ["mailto:youssef@example.org"] });
  expect(second.uid).not.toBe(first.uid);
  await page.goto(manageLink(promoted));
  await expect(page.getByText("Je bent ingeschreven.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form shows what is wrong at each field and keeps what was typed", async ({
    page,
    db,
  }) => {
    const session = await breakfast(db, 20, "Ontbijtsessie: subsidies zonder JavaScript");
    await page.goto(`/sessies/${session.slug}`);
    await page.getByLabel("Naam").fill("Bram Goossens");
    await page.getByLabel("E-mailadres").fill("bram@");
    await page.getByLabel("Ondernemingsnummer (optioneel)").fill("0123.456.789");
    await page.getByRole("button", { name: "Schrijf me in" }).click();

    await expect(page.getByText("Je inschrijving is nog niet verstuurd.")).toBeVisible();
    await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Vul een geldig e-mailadres in")).toBeVisible();
    await expect(page.getByText("Dit is geen geldig ondernemingsnummer.")).toBeVisible();
    await expect(
      page.getByText("Je kunt je pas inschrijven als je hiermee akkoord gaat."),
    ).toBeVisible();
    await expect(page.getByLabel("Naam")).toHaveValue("Bram Goossens");

    await page.getByLabel("E-mailadres").fill("bram@example.org");
    await page.getByLabel("Ondernemingsnummer (optioneel)").fill("BE 0417 497 106");
    await page.getByLabel(/Ik ga ermee akkoord/).check();
    await page.getByRole("button", { name: "Schrijf me in" }).click();
    await expect(page.getByRole("heading", { name: "Bedankt voor je inschrijving" })).toBeVisible();
  });
});

test("unknown pages and sessions get a 404 page without details", async ({
  page,
  expectAccessible,
}) => {
  for (const path of ["/sessies/bestaat-niet", "/dit/bestaat/niet", "/inschrijving/ongeldig"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
  }
  await expectAccessible(page);
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("pages fit the screen and the form is reachable", async ({ page, db }) => {
    const session = await breakfast(db, 30, "Ontbijtsessie: bereikbaarheid tijdens de werken");
    for (const path of ["/", "/steden/leuven", `/sessies/${session.slug}`]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.getByLabel("Naam").scrollIntoViewIfNeeded();
    await expect(page.getByRole("button", { name: "Schrijf me in" })).toBeVisible();
  });
});
