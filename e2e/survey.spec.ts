import type { Page } from "@playwright/test";
import { registrationKeys } from "../app/models/registration.server";
import type { DatabaseHandle } from "../db/client";
import { createSession } from "../test/support/factories";
import type { Mailbox } from "../test/support/mailbox";
import { expect, test } from "./fixtures";
import { to } from "./utils";

/**
 * Someone who came to a session answers the survey from the link in the thank-you mail the
 * worker sends after the end, in a browser with and without JavaScript: a mistake is said at its
 * question, the answer is taken once, and every page passes axe.
 */

const HOUR = 3_600_000;

/** A session that ended two hours ago, with one person checked in; the worker thanks them. */
async function attended(db: DatabaseHandle, mailbox: Mailbox, email: string): Promise<string> {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const session = await createSession(
    {
      title: `Infosessie: de eerste aanwerving ${now}`,
      starts_at: iso(now - 4 * HOUR),
      ends_at: iso(now - 2 * HOUR - 60_000),
    },
    db,
  );
  const signedUpAt = iso(now - 7 * 24 * HOUR);
  await db.db
    .insertInto("registrations")
    .values({
      session_id: session.id,
      ...registrationKeys(signedUpAt),
      name: "Jonas Peeters",
      email,
      email_normalized: email,
      organisation: null,
      enterprise_number: null,
      locale: "nl-BE",
      status: "confirmed",
      consented_at: signedUpAt,
      created_at: signedUpAt,
      updated_at: signedUpAt,
      confirmed_at: signedUpAt,
      cancelled_at: null,
      checked_in_at: iso(now - 4 * HOUR),
    })
    .execute();
  const mail = await mailbox.waitFor(to(email));
  expect(mail.parsed.subject).toBe(`Bedankt voor je komst: ${session.title}`);
  const link = /https?:\/\/[^\s"<>\]]+\/enquete\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? "")?.[0];
  if (!link) throw new Error("no survey link in the thank-you mail");
  return new URL(link).pathname;
}

async function answerSurvey(
  page: Page,
  path: string,
  expectAccessible: (page: Page) => Promise<void>,
) {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Enquête", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Only the open question filled in: both choices are said missing, and nothing is stored.
  await page.getByLabel(/Wat wil je ons nog meegeven/).fill("Heel concreet.");
  await page.getByRole("button", { name: "Antwoorden versturen" }).click();
  const rating = page.getByRole("group", { name: "Hoe beoordeel je deze sessie?" });
  await expect(rating).toContainText("Kies een score van 1 tot 5.");
  await expect(page.getByRole("group", { name: /Had je er iets aan/ })).toContainText(
    "Kies ja, een beetje of nee.",
  );
  await expectAccessible(page);

  await rating.getByLabel("4", { exact: true }).check();
  await page
    .getByRole("group", { name: /Had je er iets aan/ })
    .getByLabel("Een beetje")
    .check();
  await page.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt!" })).toBeVisible();
  await expectAccessible(page);

  // Once: opened again, the survey says it was answered, and asks nothing.
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Al ingevuld" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Antwoorden versturen" })).toHaveCount(0);
  await expectAccessible(page);
}

async function storedAnswers(db: DatabaseHandle, comment: string) {
  return db.db
    .selectFrom("survey_responses")
    .select(["rating", "useful", "comment"])
    .where("comment", "=", comment)
    .execute();
}

test.describe("with JavaScript", () => {
  test("a person answers the survey after the session", async ({
    page,
    db,
    mailbox,
    expectAccessible,
  }) => {
    const path = await attended(db, mailbox, `jonas-js-${Date.now()}@example.org`);
    await answerSurvey(page, path, expectAccessible);
    expect(await storedAnswers(db, "Heel concreet.")).toContainEqual({
      rating: 4,
      useful: "somewhat",
      comment: "Heel concreet.",
    });
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same, every step a plain form the server answers", async ({ page, db, mailbox }) => {
    // axe runs in the page's JavaScript: the test with it checks the same pages.
    const expectAccessible = async () => {};
    const path = await attended(db, mailbox, `jonas-nojs-${Date.now()}@example.org`);
    await answerSurvey(page, path, expectAccessible);
  });
});
