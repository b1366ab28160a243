import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { i18n, type Locale } from "../app/i18n";
import { setCheckedIn } from "../app/models/attendee.server";
import { certificateLinkFor } from "../app/models/certificate.server";
import { eraseRegistrationByToken } from "../app/models/erasure.server";
import { createOrganiser } from "../app/models/organiser.server";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { createSession, person, registrationsOf } from "./support/factories";
import { dataPath, send } from "./support/http";
import { TEST_PASSWORD } from "./support/organisers";
import { manageTokenOf } from "./support/tokens";

/**
 * The certificate of attendance, through HTTP against the built app (`npx remix build` first):
 * the PDF a checked-in person downloads with their manage link, its text read back by pdf.js,
 * and the public page its address and QR code open, which says whether it is genuine.
 */

const HOUR = 3_600_000;
const PRIVATE = "private, no-store";
let organiserId = 0;
let people = 0;

beforeAll(async () => {
  const organiser = await createOrganiser({
    email: "deur@example.org",
    name: "Deur",
    password: TEST_PASSWORD,
    role: "admin",
  });
  organiserId = organiser.id;
});

/**
 * A seat in a session that began an hour ago and lasts two and a half hours, with two
 * partners; checked in at the door unless said otherwise.
 */
async function attendee({
  name = "Deelnemer",
  locale = "nl-BE" as Locale,
  checkIn = true,
  startsIn = -HOUR,
} = {}) {
  const n = ++people;
  const session = await createSession({ capacity: 5, partners: ["Unizo", "VOKA"] });
  expect((await signUp(session.slug, person(n, { name }), { locale })).ok).toBe(true);
  const [registration] = await registrationsOf(session.id);
  if (!registration) throw new Error("no registration");
  const startsAt = new Date(Date.now() + startsIn).toISOString();
  const endsAt = new Date(Date.now() + startsIn + 2.5 * HOUR).toISOString();
  await database()
    .db.updateTable("sessions")
    .set({ starts_at: startsAt, ends_at: endsAt })
    .where("id", "=", session.id)
    .execute();
  if (checkIn) expect((await setCheckedIn(registration.id, true, { organiserId })).ok).toBe(true);
  const token = await manageTokenOf(registration.id);
  return { session: { ...session, starts_at: startsAt, ends_at: endsAt }, registration, token };
}

/** The text of every page of a PDF, as pdf.js reads it: one line a drawn line. */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const lines: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    for (const item of content.items) if ("str" in item && item.str) lines.push(item.str);
  }
  await pdf.destroy();
  return lines.join("\n");
}

async function certificateOf(token: string) {
  const response = await send(`/inschrijving/${token}/certificaat.pdf`);
  expect(response.status).toBe(200);
  const text = await pdfText(await response.arrayBuffer());
  const address = /http:\/\/agenda\.test(\/(?:fr\/|en\/)?certificaat\/[\w-]+)/.exec(text);
  if (!address?.[1]) throw new Error(`no verification address in the PDF:\n${text}`);
  return { response, text, verificationPath: address[1] };
}

describe("the certificate of a person who was checked in", () => {
  it("is a PDF with their name, the session, the date, the duration, the city and the partners", async () => {
    const name = "Élise Van den Brûle-Öztürk";
    const { session, token } = await attendee({ name });
    const { response, text } = await certificateOf(token);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="attest-${session.slug}.pdf"`,
    );
    expect(response.headers.get("Cache-Control")).toBe(PRIVATE);
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");

    const nl = i18n("nl-BE");
    expect(text).toContain(name);
    expect(text).toContain(session.title);
    expect(text).toContain(nl.longDate(session.starts_at));
    expect(text).toContain(nl.timeRange(session.starts_at, session.ends_at));
    expect(text).toContain("2 uur en 30 minuten");
    expect(text).toContain("Stad Leuven bevestigt dat");
    expect(text).toContain("Unizo en VOKA");
    expect(text).toContain("Attest van deelname");
  });

  it("is in the language the person signed up in, with the verification page in it too", async () => {
    const { session, token } = await attendee({ name: "Zoë Łukasiewicz", locale: "fr-BE" });
    const { response, text, verificationPath } = await certificateOf(token);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="attestation-${session.slug}.pdf"`,
    );
    expect(text).toContain("Attestation de participation");
    expect(text).toContain("Zoë Łukasiewicz");
    expect(text).toContain(i18n("fr-BE").longDate(session.starts_at));
    expect(text).toContain("2 heures et 30 minutes");
    expect(verificationPath).toMatch(/^\/fr\/certificaat\//);
  });

  it("draws a name the font lacks letters for, without failing", async () => {
    const { token } = await attendee({ name: "王小明 Ωmega Ǆemal" });
    const { text } = await certificateOf(token);
    expect(text).toContain("??? Ωmega");
  });

  it("is offered on the manage page, and not before the person is checked in", async () => {
    const { token, registration } = await attendee({ checkIn: false });
    const link = `href="/inschrijving/${token}/certificaat.pdf"`;
    expect(await (await send(`/inschrijving/${token}`)).text()).not.toContain(link);
    expect((await setCheckedIn(registration.id, true, { organiserId })).ok).toBe(true);
    const page = await send(`/inschrijving/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(link);
  });
});

describe("no certificate", () => {
  it("for a person not checked in: a 404 that says why, in their language", async () => {
    const { token } = await attendee({ checkIn: false, locale: "en-BE" });
    const response = await send(`/inschrijving/${token}/certificaat.pdf`);
    expect(response.status).toBe(404);
    expect(response.headers.get("Cache-Control")).toBe(PRIVATE);
    expect(await response.text()).toContain("There is no certificate of attendance");
  });

  it("for a person checked in early, before the session has begun", async () => {
    const { token } = await attendee({ startsIn: HOUR / 2 });
    expect((await send(`/inschrijving/${token}/certificaat.pdf`)).status).toBe(404);
    expect(await (await send(`/inschrijving/${token}`)).text()).not.toContain("certificaat.pdf");
  });

  it("for a wrong manage link", async () => {
    const response = await send("/inschrijving/bestaat-niet-0123456789/certificaat.pdf");
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).not.toBe("application/pdf");
  });

  it("for an erased registration: gone, as its manage link is", async () => {
    const { token } = await attendee();
    expect((await eraseRegistrationByToken(token)).ok).toBe(true);
    const response = await send(`/inschrijving/${token}/certificaat.pdf`);
    expect(response.status).toBe(410);
    expect(response.headers.get("Content-Type")).not.toBe("application/pdf");
  });
});

describe("the verification page", () => {
  it("says genuine for the certificate's own address, and shows what the certificate shows", async () => {
    const name = "Élise Van den Brûle-Öztürk";
    const { session, token } = await attendee({ name });
    const { verificationPath } = await certificateOf(token);
    const response = await send(verificationPath);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe(PRIVATE);
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain(">Echt</h2>");
    expect(html).toContain(name);
    expect(html).toContain(session.title);
    expect(html).toContain(i18n("nl-BE").longDate(session.starts_at));
    expect(html).toContain("2 uur en 30 minuten");
    expect(html).toContain("Stad Leuven");
    expect(html).toContain("Unizo en VOKA");
    // Nothing the certificate does not show: not the address, not the manage link.
    expect(html).not.toContain("@example.org");
    expect(html).not.toContain(token);
    // Its data, as the browser asks for them on a navigation: kept by no cache either.
    for (const routes of [undefined, ["routes/($lang).certificaat.$code"]]) {
      const data = await send(dataPath(verificationPath, routes));
      expect(data.status).toBe(200);
      expect(data.headers.get("Cache-Control")).toBe(PRIVATE);
      expect(await data.text()).toContain(name);
    }
  });

  it("says not genuine for a changed code, and for an unknown one", async () => {
    const { token } = await attendee();
    const { verificationPath } = await certificateOf(token);
    const last = verificationPath.at(-1) === "0" ? "1" : "0";
    const [id, seal] = (verificationPath.split("/").at(-1) ?? "").split("-");
    for (const changed of [
      `${verificationPath.slice(0, -1)}${last}`,
      // Another registration's id with this one's seal.
      `/certificaat/${Number(id) + 1}-${seal}`,
      "/certificaat/1-000000000000000000000000",
      "/certificaat/niets",
    ]) {
      const response = await send(changed);
      expect(response.status, changed).toBe(404);
      expect(response.headers.get("Cache-Control")).toBe(PRIVATE);
      const html = await response.text();
      expect(html).toContain("Niet echt of onbekend");
      expect(html).not.toContain(">Echt</h2>");
    }
  });

  it("says not genuine once the check-in is undone", async () => {
    const { token, registration } = await attendee();
    const { verificationPath } = await certificateOf(token);
    expect((await send(verificationPath)).status).toBe(200);
    expect((await setCheckedIn(registration.id, false, { organiserId })).ok).toBe(true);
    expect((await send(verificationPath)).status).toBe(404);
  });

  it("says a certificate can no longer be verified once the registration is erased", async () => {
    const name = "Wiske Gewist";
    const { token } = await attendee({ name });
    const { verificationPath } = await certificateOf(token);
    expect((await eraseRegistrationByToken(token)).ok).toBe(true);
    const response = await send(verificationPath);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain("Niet meer na te gaan");
    expect(html).not.toContain(name);
  });

  it("speaks the visitor's language", async () => {
    const { token } = await attendee();
    const { verificationPath } = await certificateOf(token);
    const html = await (await send(`/en${verificationPath}`)).text();
    expect(html).toContain(">Genuine</h2>");
    expect(html).toContain("2 hours and 30 minutes");
  });
});

describe("the link a mail gives", () => {
  it("downloads the certificate of a person checked in, and is null for one who was not", async () => {
    const present = await attendee({ name: "Mia Mailbaar" });
    const absent = await attendee({ checkIn: false });
    const now = new Date().toISOString();
    const [link, none] = await writeTransaction(async (trx) => [
      await certificateLinkFor(trx, present.registration.id, now),
      await certificateLinkFor(trx, absent.registration.id, now),
    ]);
    expect(none).toBeNull();
    expect(link).toMatch(/^http:\/\/agenda\.test\/inschrijving\/[\w-]+\/certificaat\.pdf$/);
    const response = await send(new URL(link ?? "").pathname);
    expect(response.status).toBe(200);
    expect(await pdfText(await response.arrayBuffer())).toContain("Mia Mailbaar");
  });
});
