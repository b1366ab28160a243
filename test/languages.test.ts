import { beforeAll, describe, expect, it } from "vitest";
import { localePath } from "../app/lib/locale-path";
import { requestPasswordReset } from "../app/models/password-reset.server";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { createSession, person, registrationsOf, renderQueuedMail } from "./support/factories";
import { cookieFrom, dataPath, send } from "./support/http";
import { signedInOrganiser, TEST_PASSWORD } from "./support/organisers";
import { checkinCodeOf, manageTokenIn, manageTokenOf, passwordLinkTokenOf } from "./support/tokens";

/**
 * The site in French and English: every page answers under /fr/… and /en/… with the same
 * slugs, says its language in <html lang>, names its three versions for search engines and
 * offers the switch; no Dutch UI text is left in it. A sign-up in English stays English: the
 * thank-you page, the mail, its manage link and what that page answers.
 *
 * The data shown (session, city, partner, people) are the same in every language, so these
 * carry words that are the same in every language; what the page writes itself must not be
 * Dutch.
 */

/** Words only Dutch text has: one of them on a French or English page is a text left behind. */
const DUTCH_WORDS =
  /\b(jouw|jij|uw|inschrijving|inschrijven|ingeschreven|schrijf|wachtlijst|sessie|sessies|deelnemers?|niet|geen|geannuleerd|annuleren|bekijk|uitnodiging|herinnering|wanneer|waar|dag|plaats|vrij|met|voor|van|het|een|naar|bij|ook|nog|deze|zijn|wordt|terug|alle|steden|inloggen|afmelden|wachtwoord|opslaan|bewaren|zoeken|organisatoren|gegevens)\b/i;

const OTHER_LOCALES = { fr: "fr-BE", en: "en-BE" } as const;

/** What a person reads on a page: the body's text, without scripts, styles or code to copy. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf("<body"));
  return body
    .replace(/<(script|style|textarea|pre|code)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ");
}

const data = {
  slug: "",
  sessionId: 0,
  citySlug: "",
  partnerSlug: "",
  manageToken: "",
  checkinCode: "",
  resetToken: "",
  cookie: "",
};

beforeAll(async () => {
  const session = await createSession({
    title: "Pitch Night",
    summary: "Pitch, feedback, drinks.",
    description: "",
    venue_name: "Hal 5",
    venue_address: "Kessel-Lo",
    partners: ["Unizo"],
  });
  const { db } = database();
  const city = await db
    .selectFrom("cities")
    .select("slug")
    .where("id", "=", session.city_id)
    .executeTakeFirstOrThrow();
  const partner = await db
    .selectFrom("partners")
    .innerJoin("session_partners", "session_partners.partner_id", "partners.id")
    .select("partners.slug")
    .where("session_partners.session_id", "=", session.id)
    .executeTakeFirstOrThrow();
  const signedUp = await signUp(
    session.slug,
    person(1, { name: "Amira Haddad", email: "amira@example.org" }),
    { locale: "en-BE" },
  );
  if (!signedUp.ok) throw new Error("the sign-up was refused");
  const [registration] = await registrationsOf(session.id);
  const { cookie } = await signedInOrganiser({
    email: "amira.admin@example.org",
    name: "Amira Haddad",
    password: TEST_PASSWORD,
    role: "admin",
  });
  await requestPasswordReset("amira.admin@example.org", { locale: "nl-BE" });
  Object.assign(data, {
    slug: session.slug,
    sessionId: session.id,
    citySlug: city.slug,
    partnerSlug: partner.slug,
    manageToken: await manageTokenOf(registration?.id),
    checkinCode: await checkinCodeOf(registration?.id),
    resetToken: await passwordLinkTokenOf("amira.admin@example.org"),
    cookie,
  });
});

const PUBLIC_PAGES = () => [
  "/",
  `/steden/${data.citySlug}`,
  `/sessies/${data.slug}`,
  `/sessies/${data.slug}/bedankt`,
  `/partners/${data.partnerSlug}`,
  "/privacy",
  "/toegankelijkheid",
  "/voor-partners",
  `/inschrijving/${data.manageToken}`,
  "/beheer/inloggen",
  "/beheer/wachtwoord-vergeten",
  `/beheer/wachtwoord/${data.resetToken}`,
];

const ORGANISER_PAGES = () => [
  "/beheer",
  "/beheer/export",
  "/beheer/logboek",
  "/beheer/organisatoren",
  "/beheer/persoonsgegevens",
  "/beheer/verwerkingsregister",
  "/beheer/sessies/nieuw",
  `/beheer/sessies/${data.sessionId}`,
  `/beheer/sessies/${data.sessionId}/bewerken`,
  `/beheer/sessies/${data.sessionId}/bericht`,
  `/beheer/sessies/${data.sessionId}/annuleren`,
  `/beheer/sessies/${data.sessionId}/inchecken`,
  `/beheer/inchecken/${data.checkinCode}`,
];

async function expectPageIn(prefix: keyof typeof OTHER_LOCALES, path: string, cookie?: string) {
  const locale = OTHER_LOCALES[prefix];
  const address = localePath(locale, path);
  const response = await send(address, { cookie });
  expect(response.status, address).toBe(200);
  const html = await response.text();
  expect(html, address).toContain(`<html lang="${locale}"`);

  // Its three versions and the default, as absolute addresses of the site.
  const publicUrl = "http://agenda.test";
  const alternates = Object.fromEntries(
    [...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  expect(alternates, address).toEqual({
    "nl-BE": `${publicUrl}${path}`,
    "fr-BE": `${publicUrl}${localePath("fr-BE", path)}`,
    "en-BE": `${publicUrl}${localePath("en-BE", path)}`,
    "x-default": `${publicUrl}${path}`,
  });

  // The switch: each language by its own name, this one marked as the current one.
  const nav = /<nav aria-label="[^"]+" class="language-switch">([\s\S]*?)<\/nav>/.exec(html)?.[1];
  expect(nav, address).toBeDefined();
  expect(nav).toContain(
    `<a href="${path.replaceAll("&", "&amp;")}" lang="nl-BE" hrefLang="nl-BE">Nederlands</a>`,
  );
  expect(nav).toContain(
    `<a href="${address}" lang="${locale}" hrefLang="${locale}" aria-current="true">`,
  );
  expect(nav?.match(/aria-current/g)).toHaveLength(1);

  const text = visibleText(html);
  expect(text.match(DUTCH_WORDS)?.[0], `${address}: Dutch left in "${text}"`).toBeUndefined();
  return html;
}

describe("every page in French and English", () => {
  it("the test's own word list catches the Dutch pages", async () => {
    const html = await (await send(`/sessies/${data.slug}`)).text();
    expect(visibleText(html)).toMatch(DUTCH_WORDS);
  });

  for (const prefix of ["fr", "en"] as const) {
    it(`/${prefix}: the public pages`, async () => {
      for (const path of PUBLIC_PAGES()) await expectPageIn(prefix, path);
    });

    it(`/${prefix}: the organiser workspace, signed in`, async () => {
      for (const path of ORGANISER_PAGES()) await expectPageIn(prefix, path, data.cookie);
    });
  }

  it("the page's query comes along in every version", async () => {
    const html = await expectPageIn("en", "/?soort=breakfast");
    expect(html).toContain('hrefLang="fr-BE" href="http://agenda.test/fr?soort=breakfast"');
  });

  it("the Dutch pages stay where they are, with the same switch and alternates", async () => {
    const response = await send(`/sessies/${data.slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="nl-BE"');
    expect(html).toContain(
      `<link rel="alternate" hrefLang="en-BE" href="http://agenda.test/en/sessies/${data.slug}"/>`,
    );
    expect(html).toContain(
      `<a href="/sessies/${data.slug}" lang="nl-BE" hrefLang="nl-BE" aria-current="true">Nederlands</a>`,
    );
  });
});

describe("addresses that are not a language", () => {
  for (const path of ["/de/sessies/SLUG", "/nl/sessies/SLUG", "/nl", "/xyz", "/de/privacy"]) {
    it(`${path} is the 404 page, as any unknown address`, async () => {
      const response = await send(path.replace("SLUG", data.slug));
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain('<html lang="nl-BE"');
      // A 404 has no versions in other languages to name or switch to.
      expect(html).not.toContain('rel="alternate" hrefLang');
      expect(html).not.toContain("language-switch");
      const notFound = await (await send("/bestaat/niet")).text();
      expect(html).toContain(/<h1>[^<]*<\/h1>/.exec(notFound)?.[0]);
    });
  }

  it("a page's data asked for under /de/ is a 404 too, and under /fr/ is there", async () => {
    for (const [path, route] of [
      [`/sessies/${data.slug}`, "sessies.$slug"],
      ["/privacy", "privacy"],
      [`/steden/${data.citySlug}`, "steden.$city"],
    ] as const) {
      // All the page's loaders, as a navigation asks; the route's alone, as a fetcher does.
      for (const routes of [undefined, [`routes/($lang).${route}`]]) {
        const refused = await send(dataPath(`/de${path}`, routes));
        expect(refused.status, path).toBe(404);
        expect(await refused.text()).not.toContain(data.slug);
        expect(refused.headers.get("Cache-Control")).toBe("private, no-store");
        expect((await send(dataPath(`/fr${path}`, routes))).status, path).toBe(200);
        expect((await send(dataPath(path, routes))).status, path).toBe(200);
      }
    }
  });

  it("a sign-up posted under /de/ is refused and stores nothing", async () => {
    const response = await send(`/de/sessies/${data.slug}`, {
      form: { name: "Nina", email: "nina@example.org", consent: "on" },
    });
    expect(response.status).toBe(404);
    const emails = (await registrationsOf(data.sessionId)).map((r) => r.email);
    expect(emails).not.toContain("nina@example.org");
  });

  it("an organiser's post under /nl/ is refused", async () => {
    const response = await send(`/nl/beheer/afmelden`, { form: {}, cookie: data.cookie });
    expect(response.status).toBe(404);
    expect((await send("/beheer", { cookie: data.cookie })).status).toBe(200);
  });
});

describe("error pages in the page's language", () => {
  it("an unknown address under /fr/ is the French 404 page", async () => {
    for (const [path, locale] of [
      ["/fr/bestaat-niet", "fr-BE"],
      ["/en/sessies/bestaat-niet", "en-BE"],
    ] as const) {
      const response = await send(path);
      expect(response.status, path).toBe(404);
      const html = await response.text();
      expect(html, path).toContain(`<html lang="${locale}"`);
      expect(visibleText(html).match(DUTCH_WORDS)?.[0], path).toBeUndefined();
    }
  });
});

describe("a sign-up in English stays in English", () => {
  it("thank-you page, stored language, mail and manage page", async () => {
    const session = await createSession({
      title: "Pitch Night",
      summary: "Pitch, feedback, drinks.",
      description: "",
      venue_name: "Hal 5",
      venue_address: "Kessel-Lo",
    });
    const email = "noah.english@example.org";
    const posted = await send(`/en/sessies/${session.slug}`, {
      form: { name: "Noah Smith", email, consent: "on" },
    });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("Location")).toBe(`/en/sessies/${session.slug}/bedankt`);
    const [registration] = await registrationsOf(session.id);
    expect(registration?.locale).toBe("en-BE");

    const thanks = await send(`/en/sessies/${session.slug}/bedankt`, {
      cookie: cookieFrom(posted),
    });
    const thanksHtml = await thanks.text();
    expect(thanksHtml).toContain('<html lang="en-BE"');
    expect(thanksHtml).toContain(email);
    expect(visibleText(thanksHtml).match(DUTCH_WORDS)?.[0]).toBeUndefined();

    await renderQueuedMail();
    const mail = await database()
      .db.selectFrom("outbox")
      .select(["kind", "text", "html"])
      .where("to_email", "=", email)
      .executeTakeFirstOrThrow();
    expect(mail.kind).toBe("registration.confirmed");
    expect(mail.html).toContain('lang="en-BE"');
    expect(mail.text).toContain("Hello");
    expect(mail.text).toContain("http://agenda.test/en/inschrijving/");
    expect(mail.text).toContain(`http://agenda.test/en/sessies/${session.slug}`);
    expect(mail.text).not.toMatch(/agenda\.test\/inschrijving\//);

    const token = manageTokenIn(mail.text);
    const manage = await send(`/en/inschrijving/${token}`);
    expect(manage.status).toBe(200);
    const cancelled = await send(`/en/inschrijving/${token}`, { form: { intent: "cancel" } });
    expect(cancelled.status).toBe(302);
    expect(cancelled.headers.get("Location")).toBe(`/en/inschrijving/${token}`);
    const after = await send(`/en/inschrijving/${token}`, { cookie: cookieFrom(cancelled) });
    const afterHtml = await after.text();
    expect(afterHtml).toContain('<html lang="en-BE"');
    expect(visibleText(afterHtml)).toMatch(/cancelled/i);
    expect(visibleText(afterHtml).match(DUTCH_WORDS)?.[0]).toBeUndefined();
    expect((await registrationsOf(session.id))[0]?.status).toBe("cancelled");

    // The cancellation mail, too.
    await renderQueuedMail();
    const kinds = await database()
      .db.selectFrom("outbox")
      .select(["kind", "text"])
      .where("to_email", "=", email)
      .orderBy("id")
      .execute();
    const cancellation = kinds.find((row) => row.kind === "registration.cancelled");
    expect(cancellation?.text).toContain("http://agenda.test/en/sessies/");
  });

  it("an organiser signs in in French and lands on the French workspace", async () => {
    await signedInOrganiser({
      email: "claire@example.org",
      name: "Claire",
      password: TEST_PASSWORD,
      role: "admin",
    });
    const signIn = await send("/fr/beheer/inloggen", {
      form: { email: "claire@example.org", password: TEST_PASSWORD, terug: "/fr/beheer" },
    });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("Location")).toBe("/fr/beheer");
    // Without a place to come back to, the dashboard in the language of the sign-in form.
    const noBack = await send("/fr/beheer/inloggen", {
      form: { email: "claire@example.org", password: TEST_PASSWORD },
    });
    expect(noBack.headers.get("Location")).toBe("/fr/beheer");
    // Anonymous in the French workspace: the French sign-in page, which comes back here.
    const anonymous = await send(`/fr/beheer/sessies/${data.sessionId}`);
    expect(anonymous.headers.get("Location")).toBe(
      `/fr/beheer/inloggen?terug=${encodeURIComponent(`/fr/beheer/sessies/${data.sessionId}`)}`,
    );
    const signOut = await send("/fr/beheer/afmelden", { form: {}, cookie: cookieFrom(signIn) });
    expect(signOut.headers.get("Location")).toBe("/fr/beheer/inloggen");
  });

  it("links on a French page stay in French", async () => {
    const html = await (await send(`/fr/sessies/${data.slug}`)).text();
    const dutchLinks = [...html.matchAll(/<a ([^>]*)href="(\/[^"]*)"([^>]*)>/g)]
      .filter((m) => !/hrefLang="(nl|en)-BE"/.test(`${m[1]}${m[3]}`))
      .map((m) => m[2] ?? "")
      .filter((href) => !href.startsWith("/fr") && !/\.(ics|json|png)(\?|$)/.test(href));
    expect(dutchLinks).toEqual([]);
    expect(html).toContain(`href="/fr/steden/${data.citySlug}"`);
  });
});
