import jsQR from "jsqr";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { processJobs } from "../worker/jobs.server";
import { createSession, person, registrationsOf, renderQueuedMail } from "./support/factories";
import { cookieFrom, send } from "./support/http";
import { signedInOrganiser, TEST_PASSWORD } from "./support/organisers";
import { checkinCodeOf } from "./support/tokens";

/**
 * An organiser works in their own language: the mails they get (a password link they asked
 * for, an invitation) are in it and lead to pages in it, and the QR code of a confirmation
 * opens the check-in in the language of the organiser who scans it.
 */

/** Words only a Dutch text has: one of them in a French or English text is a text left behind. */
const DUTCH_WORDS =
  /\b(jouw|jij|uw|wachtwoord|kies|nieuw|nieuwe|geldig|uur|dagen|niet|geen|met|voor|van|het|een|naar|deze|werkruimte|organisator|aangevraagd)\b/i;

const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, "");

/**
 * The newest mail to an address, rendered as the worker sends it, once the worker's jobs have
 * run (a password link asked for is made by one).
 */
async function lastMailTo(email: string) {
  await expect(processJobs()).resolves.toMatchObject({ failed: 0 });
  await renderQueuedMail();
  const mail = await database()
    .db.selectFrom("outbox")
    .select(["kind", "subject", "text", "html"])
    .where("to_email", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!mail?.text) throw new Error(`no mail to ${email}`);
  return mail;
}

async function workingLanguageOf(email: string) {
  const row = await database()
    .db.selectFrom("organisers")
    .select("locale")
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return row.locale;
}

let admin = "";
beforeAll(async () => {
  ({ cookie: admin } = await signedInOrganiser({
    email: "beheer.talen@leuven.test",
    name: "Beheer Talen",
    password: TEST_PASSWORD,
    role: "admin",
  }));
});

describe("a password link asked for in French or English", () => {
  for (const [prefix, locale, subject] of [
    ["fr", "fr-BE", /mot de passe/i],
    ["en", "en-BE", /password/i],
  ] as const) {
    it(`/${prefix}: the mail, its link and the page it opens are in that language`, async () => {
      const email = `reset-${prefix}@leuven.test`;
      await signedInOrganiser({ email, name: "Reset", password: TEST_PASSWORD, role: "admin" });
      const asked = await send(`/${prefix}/beheer/wachtwoord-vergeten`, { form: { email } });
      expect(asked.status).toBe(302);
      expect(asked.headers.get("Location")).toBe(`/${prefix}/beheer/wachtwoord-vergeten`);

      const mail = await lastMailTo(email);
      expect(mail.kind).toBe("organiser.passwordReset");
      expect(mail.subject).toMatch(subject);
      expect(mail.html).toContain(`lang="${locale}"`);
      expect(withoutLinks(`${mail.subject}\n${mail.text}`)).not.toMatch(DUTCH_WORDS);
      const link = new RegExp(`http://agenda\\.test/${prefix}/beheer/wachtwoord/([\\w-]+)`).exec(
        mail.text,
      );
      expect(link, mail.text).not.toBeNull();

      const page = await send(`/${prefix}/beheer/wachtwoord/${link?.[1]}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<html lang="${locale}"`);
      const pair = { password: "een nieuw lang wachtwoord", repeat: "een nieuw lang wachtwoord" };
      const changed = await send(`/${prefix}/beheer/wachtwoord/${link?.[1]}`, { form: pair });
      expect(changed.headers.get("Location")).toBe(`/${prefix}/beheer/inloggen`);
    });
  }

  it("asked for on the Dutch page, it stays Dutch", async () => {
    const email = "reset-nl@leuven.test";
    await signedInOrganiser({ email, name: "Reset", password: TEST_PASSWORD, role: "admin" });
    await send("/beheer/wachtwoord-vergeten", { form: { email } });
    const mail = await lastMailTo(email);
    expect(mail.html).toContain('lang="nl-BE"');
    expect(mail.text).toMatch(/http:\/\/agenda\.test\/beheer\/wachtwoord\/[\w-]+/);
  });
});

describe("an invitation in the language the admin chose", () => {
  const invite = (path: string, form: Record<string, string>) =>
    send(path, {
      cookie: admin,
      form: { name: "Camille Dubois", role: "admin", ...form },
    });

  it("an English invitation from the Dutch page: mail, link and the organiser's language", async () => {
    const email = "camille.en@leuven.test";
    const answer = await invite("/beheer/organisatoren", { email, locale: "en-BE" });
    expect(answer.status).toBe(302);
    expect(await workingLanguageOf(email)).toBe("en-BE");
    const mail = await lastMailTo(email);
    expect(mail.kind).toBe("organiser.invitation");
    expect(mail.html).toContain('lang="en-BE"');
    expect(withoutLinks(`${mail.subject}\n${mail.text}`)).not.toMatch(DUTCH_WORDS);
    expect(mail.text).toMatch(/http:\/\/agenda\.test\/en\/beheer\/wachtwoord\/[\w-]+/);
    // The admins' list says which language the new organiser works in.
    const list = await (await send("/beheer/organisatoren", { cookie: admin })).text();
    const row = list.split("<tr>").find((tr) => tr.includes(email)) ?? "";
    expect(row).toMatch(/<td[^>]*>Engels<\/td>/);
  });

  it("without a choice, the language of the page the admin works on", async () => {
    const email = "camille.fr@leuven.test";
    expect((await invite("/fr/beheer/organisatoren", { email })).status).toBe(302);
    expect(await workingLanguageOf(email)).toBe("fr-BE");
    const mail = await lastMailTo(email);
    expect(mail.html).toContain('lang="fr-BE"');
    expect(mail.text).toContain("http://agenda.test/fr/beheer/wachtwoord/");
  });

  it("the form offers each language by its own name, the page's chosen", async () => {
    const html = await (await send("/en/beheer/organisatoren", { cookie: admin })).text();
    const select = /<select[^>]*name="locale"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    expect(select).toContain('<option value="fr-BE" lang="fr-BE">Français</option>');
    expect(select).toContain('<option value="nl-BE" lang="nl-BE">Nederlands</option>');
    expect(select).toMatch(/<option value="en-BE" lang="en-BE" selected="">English<\/option>/);
  });

  it("a language we do not have is refused with a message, and nobody is invited", async () => {
    const email = "camille.de@leuven.test";
    const answer = await invite("/beheer/organisatoren", { email, locale: "de-DE" });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain("Kies een taal uit de lijst.");
    const stored = await database()
      .db.selectFrom("organisers")
      .select("id")
      .where("email", "=", email)
      .execute();
    expect(stored).toEqual([]);
    const mails = await database()
      .db.selectFrom("outbox")
      .select("id")
      .where("to_email", "=", email)
      .execute();
    expect(mails).toEqual([]);
  });

  it("signing in on a page in another language makes that the organiser's language", async () => {
    const email = "wisselaar@leuven.test";
    await signedInOrganiser({ email, name: "Wissel", password: TEST_PASSWORD, role: "admin" });
    expect(await workingLanguageOf(email)).toBe("nl-BE");
    const signIn = await send("/en/beheer/inloggen", {
      form: { email, password: TEST_PASSWORD },
    });
    expect(signIn.status).toBe(302);
    expect(await workingLanguageOf(email)).toBe("en-BE");
    // A wrong password changes nothing.
    await send("/fr/beheer/inloggen", { form: { email, password: "fout-wachtwoord-1234" } });
    expect(await workingLanguageOf(email)).toBe("en-BE");
  });
});

describe("the QR code of a confirmation", () => {
  let code = "";
  beforeAll(async () => {
    const session = await createSession();
    const signed = await signUp(session.slug, person(1), { locale: "nl-BE" });
    if (!signed.ok) throw new Error("the sign-up was refused");
    const [registration] = await registrationsOf(session.id);
    code = await checkinCodeOf(registration?.id);
  });

  it("holds one address for every language, on this site", async () => {
    const response = await send(`/inchecken/${code}/qr.png`);
    expect(response.status).toBe(200);
    const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(read?.data).toBe(`http://agenda.test/inchecken/${code}`);
  });

  it("opens the check-in in the phone's language for someone not signed in", async () => {
    const cases: [string | undefined, string][] = [
      [undefined, `/beheer/inchecken/${code}`],
      ["fr-BE,fr;q=0.9,nl;q=0.8", `/fr/beheer/inchecken/${code}`],
      ["de-DE,de;q=0.9,en;q=0.5", `/en/beheer/inchecken/${code}`],
      ["nl-BE", `/beheer/inchecken/${code}`],
      ["ja-JP", `/beheer/inchecken/${code}`],
    ];
    for (const [language, location] of cases) {
      const headers: Record<string, string> = language ? { "Accept-Language": language } : {};
      const response = await send(`/inchecken/${code}`, { headers });
      expect(response.status, language).toBe(302);
      expect(response.headers.get("Location"), language).toBe(location);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(response.headers.get("Vary")).toMatch(/Accept-Language/);
    }
    // From there, the sign-in page in that language, which comes back to the check-in.
    const checkIn = await send(`/fr/beheer/inchecken/${code}`);
    expect(checkIn.headers.get("Location")).toBe(
      `/fr/beheer/inloggen?terug=${encodeURIComponent(`/fr/beheer/inchecken/${code}`)}`,
    );
  });

  it("opens it in the organiser's own language when they are signed in, whatever the phone's", async () => {
    const email = "scanner@leuven.test";
    await signedInOrganiser({ email, name: "Scanner", password: TEST_PASSWORD, role: "admin" });
    // Signed in on the English page last: English is this organiser's language.
    const signIn = await send("/en/beheer/inloggen", { form: { email, password: TEST_PASSWORD } });
    expect(signIn.status).toBe(302);
    const cookie = cookieFrom(signIn);
    const response = await send(`/inchecken/${code}`, {
      cookie,
      headers: { "Accept-Language": "fr-BE" },
    });
    expect(response.headers.get("Location")).toBe(`/en/beheer/inchecken/${code}`);
    const page = await send(`/en/beheer/inchecken/${code}`, { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="en-BE"');
  });

  it("an address that cannot be a code is a 404", async () => {
    expect((await send("/inchecken/kort")).status).toBe(404);
    expect((await send(`/inchecken/${"x".repeat(65)}`)).status).toBe(404);
  });
});
