import { createSession } from "../test/support/factories";
import { expect, test } from "./fixtures";
import { addOrganiser, signIn, to } from "./utils";

/**
 * An organiser invites a volunteer for the door; on a 360 px phone the volunteer chooses a
 * password from the mail, signs in, and checks someone in by tapping their name.
 */

const PHONE = { width: 360, height: 740 };

test("a door volunteer checks someone in on a phone", async ({
  page,
  db,
  mailbox,
  expectAccessible,
}) => {
  const stamp = Date.now();
  const title = `Ontbijtsessie aan de deur ${stamp}`;
  const attendee = `jonas-${stamp}@example.org`;
  const volunteer = `deur-${stamp}@leuven.test`;
  const session = await createSession({ title, capacity: 5 }, db);
  await page.goto(`/sessies/${session.slug}`);
  await page.getByLabel("Naam").fill("Jonas Vermeersch");
  await page.getByLabel("E-mailadres").fill(attendee);
  await page.getByLabel(/Ik ga ermee akkoord/).check();
  await page.getByRole("button", { name: "Schrijf me in" }).click();
  await mailbox.waitFor(to(attendee));

  const admin = `beheer-deur-${stamp}@leuven.test`;
  await addOrganiser(db, {
    email: admin,
    name: "An Peeters",
    password: "deur-beheer-ww",
    role: "admin",
  });
  await signIn(page, admin, "deur-beheer-ww");
  await page.goto(`/beheer/sessies/${session.id}/deur`);
  await page.getByLabel("Naam").fill("Lies Deurwachter");
  await page.getByLabel("E-mailadres").fill(volunteer);
  await page.getByRole("button", { name: "Uitnodigen" }).click();
  await expect(page.getByText(`Lies Deurwachter kreeg een e-mail op ${volunteer}`)).toBeVisible();
  await expectAccessible(page);
  await page.context().clearCookies();

  const mail = await mailbox.waitFor(to(volunteer));
  const link = /https?:\/\/[^\s"<>\]]+\/beheer\/wachtwoord\/[\w-]+/.exec(
    mail.parsed.text ?? "",
  )?.[0];
  if (!link) throw new Error("no password link in the invitation");
  await page.setViewportSize(PHONE);
  await page.goto(link);
  await page.getByLabel("Nieuw wachtwoord").fill("aan-de-deur-van-de-zaal");
  await page.getByLabel("Herhaal het wachtwoord").fill("aan-de-deur-van-de-zaal");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  // Stored once the page says so: signing in before that races the password's hashing.
  await expect(page.getByText("Je nieuwe wachtwoord is ingesteld. Meld je aan.")).toBeVisible();
  await signIn(page, volunteer, "aan-de-deur-van-de-zaal");

  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByRole("heading", { name: "Inchecken" })).toBeVisible();
  await expect(page.getByText(attendee)).toHaveCount(0);
  await page.getByRole("button", { name: "Jonas Vermeersch: tik om aanwezig te melden" }).click();
  await expect(
    page.getByRole("button", { name: "Jonas Vermeersch is aanwezig: tik om ongedaan te maken" }),
  ).toBeVisible();
  await expect(page.locator(".checkin-head .big-number")).toHaveText("1 van 1 aanwezig");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  await expectAccessible(page);
  // The tap went into the phone's queue first: once it is sent, nothing waits any more.
  await expect(page.locator(".checkin-banner")).toHaveCount(0);
  const stored = await db.db
    .selectFrom("registrations")
    .select("checked_in_at")
    .where("session_id", "=", session.id)
    .executeTakeFirstOrThrow();
  expect(stored.checked_in_at).not.toBeNull();
});
