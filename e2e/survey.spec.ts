import type { Page } from "@playwright/test";
import { registrationKeys } from "../app/models/registration.server";
import type { DatabaseHandle } from "../db/client";
import type { Session } from "../db/schema";
import { createSession } from "../test/support/factories";
import type { Mailbox } from "../test/support/mailbox";
import { expect, test } from "./fixtures";
import { addOrganiser, signIn, to } from "./utils";

/**
 * An organiser adds a question of their own to a session's survey (a score), and someone who
 * came answers the survey from the link in the thank-you mail the worker sends after the end,
 * in a browser with and without JavaScript: a mistake is said at its question, the answer is
 * taken once, and every page passes axe.
 */

const HOUR = 3_600_000;
const PASSWORD = "enquete-vragen-e2e";
const SCORE = "Hoe waarschijnlijk raad je ons aan?";

/** A session that ended two hours ago, with one person checked in; the worker thanks them. */
async function attended(
  db: DatabaseHandle,
  mailbox: Mailbox,
  email: string,
): Promise<{ path: string; session: Session }> {
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
  return { path: new URL(link).pathname, session };
}

/** The session's organiser adds a required score to its survey, through its questions page. */
async function addScore(
  page: Page,
  db: DatabaseHandle,
  session: Session,
  expectAccessible: (page: Page) => Promise<void>,
) {
  const city = await db.db
    .selectFrom("cities")
    .select("slug")
    .where("id", "=", session.city_id)
    .executeTakeFirstOrThrow();
  const email = `enquete-${Date.now()}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Ilse Enquête",
    password: PASSWORD,
    role: "organiser",
    citySlugs: [city.slug],
  });
  await signIn(page, email, PASSWORD);
  await page.goto(`/beheer/sessies/${session.id}`);
  await page.getByRole("link", { name: "Enquêtevragen (0)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vragen in de enquête" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Score van 1 tot 5", exact: true }).click();
  await page
    .getByRole("group", { name: "Vraag", exact: true })
    .getByLabel("In het Nederlands")
    .fill(SCORE);
  await page.getByLabel("Verplicht: zonder antwoord kan de enquête niet verstuurd worden").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Vraag toevoegen" }).click();
  await expect(page.getByText(`Vraag ‘${SCORE}’ toegevoegd.`)).toBeVisible();
  await expectAccessible(page);
}

async function answerSurvey(
  page: Page,
  path: string,
  expectAccessible: (page: Page) => Promise<void>,
) {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Enquête", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Only the open question filled in: the three choices are said missing, and nothing is stored.
  await page.getByLabel(/Wat wil je ons nog meegeven/).fill("Heel concreet.");
  await page.getByRole("button", { name: "Antwoorden versturen" }).click();
  const rating = page.getByRole("group", { name: "Hoe beoordeel je deze sessie?" });
  await expect(rating).toContainText("Kies een score van 1 tot 5.");
  await expect(page.getByRole("group", { name: /Had je er iets aan/ })).toContainText(
    "Kies ja, een beetje of nee.",
  );
  // The organiser's own question, between the fixed ones and the open one.
  const score = page.getByRole("group", { name: SCORE });
  await expect(score.getByRole("radio", { name: "5" })).toHaveAccessibleDescription(
    /Kies een antwoord\./,
  );
  await expect(score.getByRole("radio", { name: "5" })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await rating.getByLabel("4", { exact: true }).check();
  await page
    .getByRole("group", { name: /Had je er iets aan/ })
    .getByLabel("Een beetje")
    .check();
  await score.getByLabel("5", { exact: true }).check();
  await page.getByRole("button", { name: "Antwoorden versturen" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt!" })).toBeVisible();
  await expectAccessible(page);

  // Once: opened again, the survey says it was answered, and asks nothing.
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Al ingevuld" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Antwoorden versturen" })).toHaveCount(0);
  await expectAccessible(page);
}

/** The answers of one session's survey: the fixed ones, and the one to its own question. */
async function storedAnswers(db: DatabaseHandle, sessionId: number) {
  const responses = await db.db
    .selectFrom("survey_responses")
    .select(["id", "rating", "useful", "comment"])
    .where("session_id", "=", sessionId)
    .execute();
  const own = await db.db
    .selectFrom("survey_answers")
    .innerJoin("session_questions", "session_questions.id", "survey_answers.question_id")
    .select(["survey_answers.response_id", "session_questions.label_nl", "survey_answers.value"])
    .where("session_questions.session_id", "=", sessionId)
    .execute();
  return responses.map(({ id, ...fixed }) => ({
    ...fixed,
    own: own.filter((answer) => answer.response_id === id).map((a) => [a.label_nl, a.value]),
  }));
}

test.describe("with JavaScript", () => {
  test("a person answers the survey after the session", async ({
    page,
    db,
    mailbox,
    expectAccessible,
  }) => {
    const { path, session } = await attended(db, mailbox, `jonas-js-${Date.now()}@example.org`);
    await addScore(page, db, session, expectAccessible);
    await answerSurvey(page, path, expectAccessible);
    expect(await storedAnswers(db, session.id)).toEqual([
      { rating: 4, useful: "somewhat", comment: "Heel concreet.", own: [[SCORE, "5"]] },
    ]);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same, every step a plain form the server answers", async ({ page, db, mailbox }) => {
    // axe runs in the page's JavaScript: the test with it checks the same pages.
    const expectAccessible = async () => {};
    const { path, session } = await attended(db, mailbox, `jonas-nojs-${Date.now()}@example.org`);
    await addScore(page, db, session, expectAccessible);
    await answerSurvey(page, path, expectAccessible);
    expect(await storedAnswers(db, session.id)).toEqual([
      { rating: 4, useful: "somewhat", comment: "Heel concreet.", own: [[SCORE, "5"]] },
    ]);
  });
});
