import { beforeAll, describe, expect, it } from "vitest";
import { database } from "../db/client";
import { createSession } from "./support/factories";
import { send } from "./support/http";
import { signedInOrganiser } from "./support/organisers";

// Read by the built app on its first request: the statements show what is configured.
process.env.PRIVACY_CONTROLLER = "Stad Testrode";
process.env.PRIVACY_CONTACT = "privacy@testrode.be";
process.env.PRIVACY_DPO = "dpo@testrode.be";
process.env.ACCESSIBILITY_CONTACT = "toegankelijk@testrode.be";
process.env.RETENTION_MONTHS = "18";
process.env.OUTBOX_KEEP_DAYS = "45";

const PASSWORD = "privacy-en-toegankelijkheid";

/** The text a person reads: tags gone, the few entities React writes decoded, spaces joined. */
function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

async function page(path: string, cookie?: string) {
  const response = await send(path, { cookie });
  const html = await response.text();
  return { response, html, text: textOf(html) };
}

/** The consent box of a sign-up form: from its checkbox to the end of its field. */
function consentField(html: string): string {
  const start = html.indexOf('id="signup-consent"');
  expect(start, "a consent box").toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<div", start), html.indexOf("</div>", start));
}

let withTwoPartners: { slug: string };
let withOnePartner: { slug: string };
let withoutPartners: { slug: string };
let admin: string;
let organiser: string;

beforeAll(async () => {
  withTwoPartners = await createSession({ partners: ["Unizo", "Voka"] });
  withOnePartner = await createSession({ partners: ["Flanders DC"] });
  withoutPartners = await createSession({ partners: [] });
  await createSession({ partners: ["FabLab Leuven", "KU Leuven"] });
  admin = (
    await signedInOrganiser({
      email: "beheer@testrode.be",
      name: "Beheerder",
      password: PASSWORD,
      role: "admin",
    })
  ).cookie;
  organiser = (
    await signedInOrganiser({
      email: "organisator@testrode.be",
      name: "Organisator",
      password: PASSWORD,
      role: "organiser",
      citySlugs: [],
    })
  ).cookie;
});

describe("the privacy statement", () => {
  it("names the controller, the contact, the data protection officer and the complaint body", async () => {
    const { response, text, html } = await page("/privacy");
    expect(response.status).toBe(200);
    expect(text).toContain("Stad Testrode is verantwoordelijk voor je persoonsgegevens");
    expect(html).toContain('href="mailto:privacy@testrode.be"');
    expect(html).toContain('href="mailto:dpo@testrode.be"');
    expect(text).toContain("Vlaamse Toezichtcommissie");
    // Public and nobody's data: a cache may keep it.
    expect(response.headers.get("Cache-Control") ?? "").not.toContain("no-store");
  });

  it("names every partner in the database", async () => {
    const { db } = database();
    const partners = await db.selectFrom("partners").select("name").execute();
    expect(partners.length).toBeGreaterThanOrEqual(5);
    const { text } = await page("/privacy");
    for (const { name } of partners) expect(text).toContain(name);
  });

  it("says what is kept, on what ground, and for as long as configured", async () => {
    const { text } = await page("/privacy");
    for (const kept of [
      "naam",
      "e-mailadres",
      "organisatie of bedrijf",
      "ondernemingsnummer",
      "je antwoorden op de vragen die een sessie bij de inschrijving stelt",
      "ze worden samen met je naam gewist",
      "wanneer je je inschreef en akkoord ging",
      "check-in",
      "Accounts van organisatoren",
      "Verstuurde e-mails",
    ]) {
      expect(text).toContain(kept);
    }
    expect(text).toContain("toestemming (artikel 6.1.a AVG)");
    expect(text).toContain("taak van algemeen belang (artikel 6.1.e AVG)");
    expect(text).toContain("18 maanden na de sessie");
    expect(text).toContain("45 dagen na verzending");
  });

  it("says how to see, download and erase your data, and whom to mail for the rest", async () => {
    const { text } = await page("/privacy");
    expect(text).toContain("Je gegevens inzien en downloaden: open de link in je bevestigingsmail");
    expect(text).toContain("Je gegevens laten wissen");
    expect(text).toContain("mail naar privacy@testrode.be");
    expect(text).toContain("dpo@testrode.be");
  });

  it("tells someone a colleague signed up where their own link is", async () => {
    const { text } = await page("/privacy");
    expect(text).toContain("Schreef een collega je in voor een sessie?");
    expect(text).toContain("Je krijgt zelf een e-mail met een eigen link");
  });
});

describe("the consent line of the sign-up form", () => {
  it("names the city and that session's partners, and links to the privacy statement", async () => {
    const { html } = await page(`/sessies/${withTwoPartners.slug}`);
    const field = consentField(html);
    expect(textOf(field)).toContain(
      "Ik ga ermee akkoord dat de Stad Leuven en haar partners Unizo en Voka mijn gegevens gebruiken om deze sessie te organiseren.",
    );
    expect(field).toMatch(/<a [^>]*href="\/privacy"/);
    // Only this session's partners.
    expect(textOf(field)).not.toContain("Flanders DC");
  });

  it("speaks of one partner, or of the city alone", async () => {
    const one = consentField((await page(`/sessies/${withOnePartner.slug}`)).html);
    expect(textOf(one)).toContain(
      "de Stad Leuven en haar partner Flanders DC mijn gegevens gebruiken",
    );
    const none = consentField((await page(`/sessies/${withoutPartners.slug}`)).html);
    expect(textOf(none)).toContain("dat de Stad Leuven mijn gegevens gebruikt om");
    expect(none).toMatch(/<a [^>]*href="\/privacy"/);
  });

  it("keeps naming the partners when the form comes back with errors", async () => {
    const response = await send(`/sessies/${withTwoPartners.slug}`, { form: { name: "Eva" } });
    expect(response.status).toBe(400);
    const field = consentField(await response.text());
    expect(textOf(field)).toContain("haar partners Unizo en Voka");
    expect(textOf(field)).toContain("Je kunt je pas inschrijven als je hiermee akkoord gaat.");
  });
});

describe("the accessibility statement", () => {
  it("gives the status, the pages checked, the known gaps, its date and where to report", async () => {
    const { response, text, html } = await page("/toegankelijkheid");
    expect(response.status).toBe(200);
    expect(text).toContain("gedeeltelijk in overeenstemming");
    expect(text).toContain("WCAG) 2.1, niveau AA");
    expect(text).toContain("de pagina van een sessie, met het inschrijvingsformulier");
    expect(text).toContain("De QR-code in je bevestigingsmail");
    expect(text).toContain("26 november 2026");
    expect(html).toContain('href="mailto:toegankelijk@testrode.be"');
  });
});

describe("every page's footer", () => {
  it("links to the privacy and the accessibility statement", async () => {
    const paths = [
      "/",
      "/privacy",
      "/toegankelijkheid",
      `/sessies/${withTwoPartners.slug}`,
      "/beheer/inloggen",
      "/beheer/wachtwoord-vergeten",
      "/bestaat/niet",
    ];
    for (const path of paths) {
      const { html } = await page(path);
      const footer = html.slice(html.indexOf("<footer"), html.indexOf("</footer>"));
      expect(footer, path).toContain('href="/privacy"');
      expect(footer, path).toContain('href="/toegankelijkheid"');
    }
    const workspace = await page("/beheer/verwerkingsregister", admin);
    const footer = workspace.html.slice(workspace.html.indexOf("<footer"));
    expect(footer).toContain('href="/privacy"');
    expect(footer).toContain('href="/toegankelijkheid"');
  });
});

describe("the register of processing", () => {
  it("is for admins: the same statements as the privacy page, as a table", async () => {
    const { response, html, text } = await page("/beheer/verwerkingsregister", admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(html).toContain("<table");
    expect(text).toContain("Stad Testrode");
    expect(text).toContain("dpo@testrode.be");
    const privacy = (await page("/privacy")).text;
    for (const statement of [
      "Inschrijvingen voor sessies",
      "Accounts van organisatoren",
      "Verstuurde e-mails",
      "Bescherming tegen misbruik",
      "18 maanden na de sessie",
      "Cijfers voor de stad",
      "36 maanden na je laatste sessie",
      "45 dagen na verzending",
      "een of meer van: FabLab Leuven, Flanders DC, KU Leuven, Unizo en Voka",
    ]) {
      expect(text, statement).toContain(statement);
      expect(privacy, statement).toContain(statement);
    }
  });

  it("is in the admins' menu only", async () => {
    expect((await page("/beheer", admin)).html).toContain('href="/beheer/verwerkingsregister"');
    expect((await page("/beheer", organiser)).html).not.toContain(
      'href="/beheer/verwerkingsregister"',
    );
  });

  it("answers 403 to an organiser and sends the anonymous to sign in", async () => {
    expect((await send("/beheer/verwerkingsregister", { cookie: organiser })).status).toBe(403);
    const anonymous = await send("/beheer/verwerkingsregister");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(
      "/beheer/inloggen?terug=%2Fbeheer%2Fverwerkingsregister",
    );
  });
});
