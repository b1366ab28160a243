import { beforeAll, describe, expect, it } from "vitest";
import { createOrganiser } from "../app/models/organiser.server";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { post, stored, t } from "./forms-http.shared";
import { createSession, person, registrationsOf } from "./support/factories";
import { asHtml, expectFieldError, expectNoticeOnce, withCookies } from "./support/form-page";
import { cookieFrom, newClient, send } from "./support/http";
import { signedIn, signedInOrganiser, TEST_PASSWORD } from "./support/organisers";
import { manageTokenOf, passwordLinkTokenOf } from "./support/tokens";

/**
 * What the organiser's account forms, the admins' forms and the manage page say when they
 * refuse, over HTTP against the built app (`npx remix build` first): a 4xx with the message
 * and its values, tied to its field; nothing stored; and a success notice only after a
 * success, said once.
 */

const { db } = database();
let counter = 0;
const unique = () => `${++counter}-${process.pid}`;

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

/** The jobs waiting for a worker (a password link asked for is one). */
const queuedJobs = () => db.selectFrom("jobs").selectAll().orderBy("id").execute();

async function organiserWith(role: "admin" | "organiser" = "admin") {
  const email = `account-${unique()}@example.org`;
  const organiser = await createOrganiser({
    email,
    name: `Account ${counter}`,
    password: TEST_PASSWORD,
    role,
  });
  return { ...organiser, email };
}

describe("signing in (/beheer/inloggen)", () => {
  it("says what is wrong with an address, ties it to the field, and never echoes the password", async () => {
    const before = await stored();
    const password = `geheim-${unique()}-wachtwoord`;
    const answer = await post({
      path: "/beheer/inloggen",
      form: form({ email: "an@", password }),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(t("login.errors.form"));
    expectFieldError(answer.body, "email", t("errors.email.invalid"));
    expect(answer.body).toContain('value="an@"');
    expect(answer.body).not.toContain(password);
    expect(answer.setCookie.join()).not.toContain("oa_session=");
    expect(await stored()).toEqual(before);
  });

  it("refuses a wrong password with 401 and no session, and a lock with the time it lifts", async () => {
    const { email } = await organiserWith();
    const client = newClient();
    const wrong = await post({
      path: "/beheer/inloggen",
      form: form({ email, password: "een-fout-wachtwoord" }),
      client,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain(t("login.invalid"));
    expect(wrong.body).not.toContain("een-fout-wachtwoord");
    expect(wrong.setCookie.join()).not.toContain("oa_session=");
    for (let i = 0; i < 4; i++) {
      await send("/beheer/inloggen", { form: { email, password: "nog-fout" }, client });
    }
    const locked = await post({
      path: "/beheer/inloggen",
      form: form({ email, password: TEST_PASSWORD }),
      client,
    });
    expect(locked.status).toBe(429);
    expect(locked.text).toMatch(
      new RegExp(
        t("login.locked", { time: "TIME" })
          .replace(/[.?()]/g, "\\$&")
          .replace("TIME", "\\d\\d:\\d\\d"),
      ),
    );
  });
});

describe("signing out (/beheer/afmelden)", () => {
  it("says so once, through the flash cookie, not in the address", async () => {
    const cookie = await signedIn("organiser");
    const response = await send("/beheer/afmelden", { form: {}, cookie });
    expect(response.headers.get("location")).toBe("/beheer/inloggen");
    await expectNoticeOnce(response, t("login.loggedOut"), cookie);
    // The session is over: the workspace asks to sign in again.
    const after = await send("/beheer", { cookie: withCookies(cookie, response) });
    expect(after.status).toBe(302);
  });

  it("never shows the notice to someone who did not sign out", async () => {
    const page = await send("/beheer/inloggen?melding=afgemeld");
    expect(await page.text()).not.toContain(asHtml(t("login.loggedOut")));
  });
});

describe("asking for a password link (/beheer/wachtwoord-vergeten)", () => {
  it("refuses an address that is none, with a 400 tied to the field, and queues nothing", async () => {
    const before = await stored();
    const jobsBefore = await queuedJobs();
    const answer = await post({
      path: "/beheer/wachtwoord-vergeten",
      form: form({ email: "niet-een-adres" }),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(t("reset.request.errors.form"));
    expect(answer.text).not.toContain(t("reset.sent"));
    expectFieldError(answer.body, "email", t("errors.email.invalid"));
    // Nothing is left for after the answer either: no job for a worker to make a link from.
    expect(await queuedJobs()).toEqual(jobsBefore);
    expect(await stored()).toEqual(before);
  });

  it("says the link is on its way once, whether or not the address has an account", async () => {
    const response = await send("/beheer/wachtwoord-vergeten", {
      form: { email: `niemand-${unique()}@example.org` },
    });
    await expectNoticeOnce(response, t("reset.sent"));
  });
});

describe("choosing a new password (/beheer/wachtwoord/:token)", () => {
  let email = "";
  beforeAll(async () => {
    ({ email } = await organiserWith("organiser"));
  });

  async function freshLink(): Promise<string> {
    const { requestPasswordReset } = await import("../app/models/password-reset.server");
    await requestPasswordReset(email, { locale: "nl-BE" });
    return passwordLinkTokenOf(email);
  }

  it("names the schema's own minimum, ties it to the field, and echoes no password", async () => {
    const token = await freshLink();
    const before = await stored();
    const answer = await post({
      path: `/beheer/wachtwoord/${token}`,
      form: form({ password: "kort-1", repeat: "kort-1" }),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(t("reset.errors.form"));
    expectFieldError(answer.body, "password", t("reset.tooShort", { min: 12 }));
    expect(answer.body).not.toContain("kort-1");
    expect(await stored()).toEqual(before);
  });

  it("says on the second field when the two differ", async () => {
    const token = await freshLink();
    const before = await stored();
    const answer = await post({
      path: `/beheer/wachtwoord/${token}`,
      form: form({ password: "een nieuw lang wachtwoord", repeat: "een ander lang wachtwoord" }),
    });
    expect(answer.status).toBe(400);
    expectFieldError(answer.body, "repeat", t("reset.mismatch"));
    expect(answer.body).not.toContain("een nieuw lang wachtwoord");
    expect(await stored()).toEqual(before);
  });

  it("refuses a used link with 410 and no success, and says the change once after a good one", async () => {
    const token = await freshLink();
    const pair = { password: "een nieuw lang wachtwoord", repeat: "een nieuw lang wachtwoord" };
    const changed = await send(`/beheer/wachtwoord/${token}`, { form: pair });
    expect(changed.headers.get("location")).toBe("/beheer/inloggen");
    await expectNoticeOnce(changed, t("login.passwordChanged"));

    const again = await post({
      path: `/beheer/wachtwoord/${token}`,
      form: form(pair),
    });
    expect(again.status).toBe(410);
    expect(again.text).toContain(t("reset.invalidLink"));
    expect(again.text).not.toContain(t("login.passwordChanged"));
    expect(again.setCookie.join()).not.toContain("oa_flash=");
  });
});

describe("the organisers page (/beheer/organisatoren)", () => {
  let cookie = "";
  beforeAll(async () => {
    cookie = await signedIn("admin");
    // A city and a partner to choose from.
    await createSession();
  });

  it("names the name's limit, ties it to the field, and invites no one", async () => {
    const before = await stored();
    const answer = await post({
      path: "/beheer/organisatoren",
      form: form({ name: "x".repeat(121), email: `lang-${unique()}@example.org`, role: "admin" }),
      cookie,
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(t("organisers.errors.form"));
    expectFieldError(answer.body, "name", t("organisers.errors.nameTooLong", { max: 120 }));
    expect(await stored()).toEqual(before);
  });

  it("refuses a control character in a name with the one rule for text", async () => {
    const answer = await post({
      path: "/beheer/organisatoren",
      form: form({ name: "An\u0007", email: `bel-${unique()}@example.org`, role: "admin" }),
      cookie,
    });
    expect(answer.status).toBe(400);
    expectFieldError(answer.body, "name", t("errors.text.invalidCharacters"));
  });

  it("says an address is taken on the address, and an organiser without scope on the cities", async () => {
    const { email } = await organiserWith();
    const before = await stored();
    const taken = await post({
      path: "/beheer/organisatoren",
      form: form({ name: "Dubbel", email: email.toUpperCase(), role: "admin" }),
      cookie,
    });
    expect(taken.status).toBe(400);
    expectFieldError(taken.body, "email", t("organisers.errors.emailTaken"));
    const noScope = await post({
      path: "/beheer/organisatoren",
      form: form({ name: "Nergens", email: `nergens-${unique()}@example.org`, role: "organiser" }),
      cookie,
    });
    expect(noScope.status).toBe(400);
    expectFieldError(noScope.body, "cityIds", t("organisers.errors.noScope"));
    const unknownCity = await post({
      path: "/beheer/organisatoren",
      form: form({
        name: "Onbekend",
        email: `onbekend-${unique()}@example.org`,
        role: "organiser",
        cityIds: "999999",
      }),
      cookie,
    });
    expect(unknownCity.status).toBe(400);
    expectFieldError(unknownCity.body, "cityIds", t("organisers.errors.unknownScope"));
    expect(await stored()).toEqual(before);
  });

  it("names the invited address as stored, once", async () => {
    const typed = `Nieuw.Lid-${unique()}@Example.ORG`;
    const response = await send("/beheer/organisatoren", {
      form: { name: "Nieuw Lid", email: typed, role: "admin" },
      cookie,
    });
    await expectNoticeOnce(response, t("organisers.added", { email: typed.toLowerCase() }), cookie);
  });

  it("refuses to remove the admin's own account, and says so without a success", async () => {
    const { organiser: me, cookie: mine } = await signedInOrganiser({
      email: `ik-${unique()}@example.org`,
      name: "Ik Zelf",
      password: TEST_PASSWORD,
      role: "admin",
    });
    const before = await stored();
    const answer = await post({
      path: "/beheer/organisatoren",
      form: form({ intent: "remove", organiserId: String(me.id) }),
      cookie: mine,
    });
    expect(answer.status).toBe(409);
    expect(answer.text).toContain(t("organisers.errors.removeSelf"));
    expect(answer.text).not.toContain(t("organisers.removed", { name: me.name }));
    expect(await stored()).toEqual(before);
  });

  it("answers an unknown account with 404 and its message, and names a removed one from the database", async () => {
    const unknown = await post({
      path: "/beheer/organisatoren",
      form: form({ intent: "unlock", organiserId: "2147483647" }),
      cookie,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain(t("organisers.errors.notFound"));

    const colleague = await organiserWith("organiser");
    const removed = await send("/beheer/organisatoren", {
      // A name in the form is no name: the notice takes it from the account.
      form: { intent: "remove", organiserId: String(colleague.id), name: "Iemand Anders" },
      cookie,
    });
    const page = await expectNoticeOnce(
      removed,
      t("organisers.removed", { name: colleague.name }),
      cookie,
    );
    expect(page).not.toContain("Iemand Anders");
  });
});

describe("erasing a person by address (/beheer/persoonsgegevens)", () => {
  let cookie = "";
  beforeAll(async () => {
    cookie = await signedIn("admin");
  });

  it("says what is wrong on each field, and erases nothing", async () => {
    const session = await createSession();
    const email = `blijft-${unique()}@example.org`;
    expect((await signUp(session.slug, person(counter, { email }), { locale: "nl-BE" })).ok).toBe(
      true,
    );
    const before = await stored();
    const badAddress = await post({
      path: "/beheer/persoonsgegevens",
      form: form({ email: "geen adres", confirmed: "on" }),
      cookie,
    });
    expect(badAddress.status).toBe(400);
    expect(badAddress.text).toContain(t("gdpr.admin.errors.form"));
    expectFieldError(badAddress.body, "email", t("gdpr.admin.invalidEmail"));
    const unconfirmed = await post({
      path: "/beheer/persoonsgegevens",
      form: form({ email }),
      cookie,
    });
    expect(unconfirmed.status).toBe(400);
    expectFieldError(unconfirmed.body, "confirmed", t("gdpr.admin.confirmRequired"));
    expect(unconfirmed.text).not.toContain(t("gdpr.admin.done", { count: 0 }));
    expect(await stored()).toEqual(before);

    const done = await send("/beheer/persoonsgegevens", {
      form: { email, confirmed: "on" },
      cookie,
    });
    await expectNoticeOnce(done, t("gdpr.admin.done", { count: 1 }), cookie);
  });
});

describe("the manage page (/inschrijving/:token)", () => {
  async function registered(): Promise<{ token: string; sessionId: number }> {
    const session = await createSession({ capacity: 100 });
    const result = await signUp(session.slug, person(++counter), { locale: "nl-BE" });
    expect(result.ok).toBe(true);
    const [registration] = await registrationsOf(session.id);
    return { token: await manageTokenOf(registration?.id), sessionId: session.id };
  }

  it("refuses an action it does not know with 400 and its message, and changes nothing", async () => {
    const { token } = await registered();
    const before = await stored();
    const answer = await post({
      path: `/inschrijving/${token}`,
      form: form({ intent: "verdwijnen" }),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(t("manage.errors.unknownAction"));
    expect(await stored()).toEqual(before);
  });

  it("says a cancellation once, and a second one is refused without saying it again", async () => {
    const { token, sessionId } = await registered();
    const cancelled = await send(`/inschrijving/${token}`, { form: { intent: "cancel" } });
    await expectNoticeOnce(cancelled, t("manage.cancelledNow"));
    const mails = (await stored()).outbox;

    const again = await post({
      path: `/inschrijving/${token}`,
      form: form({ intent: "cancel" }),
      cookie: cookieFrom(cancelled),
    });
    expect(again.status).toBe(409);
    expect(again.text).toContain(t("manage.alreadyCancelled"));
    expect(again.text).not.toContain(t("manage.cancelledNow"));
    // No second cancellation mail.
    expect((await stored()).outbox).toEqual(mails);
    expect((await registrationsOf(sessionId))[0]?.status).toBe("cancelled");
  });

  it("refuses to cancel a session that has begun, and keeps the seat", async () => {
    const { token, sessionId } = await registered();
    await db
      .updateTable("sessions")
      .set({ starts_at: new Date(Date.now() - 3_600_000).toISOString() })
      .where("id", "=", sessionId)
      .execute();
    const before = await stored();
    const answer = await post({
      path: `/inschrijving/${token}`,
      form: form({ intent: "cancel" }),
    });
    expect(answer.status).toBe(409);
    expect(answer.text).toContain(t("manage.errors.past"));
    expect(answer.text).not.toContain(t("manage.cancelledNow"));
    expect(await stored()).toEqual(before);
  });

  it("says once that the news stops", async () => {
    const { token } = await registered();
    const response = await send(`/inschrijving/${token}`, { form: { intent: "news-off" } });
    await expectNoticeOnce(response, t("news.withdrawn"));
  });
});
