import { describe, expect, it } from "vitest";
import { nlBEAudit } from "../app/i18n/nl-BE.audit";
import { addAttendee, messageAttendees } from "../app/models/attendee.server";
import { AUDIT_ACTIONS } from "../app/models/audit.server";
import { anonymiseRegistration } from "../app/models/personal-data.server";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { processJobs } from "../worker/jobs.server";
import { createSession, person, registrationsOf } from "./support/factories";
import { newClient, send } from "./support/http";
import { signedInOrganiser } from "./support/organisers";

const PASSWORD = "een-lang-genoeg-wachtwoord-voor-het-logboek";
const opts = { locale: "nl-BE" as const };

const admin = signedInOrganiser({
  email: "beheer-logboek@leuven.test",
  name: "Hilde Beheer",
  password: PASSWORD,
  role: "admin",
});

async function auditRows() {
  return database().db.selectFrom("audit_log").selectAll().orderBy("id").execute();
}

async function logPage(cookie: string): Promise<string> {
  const response = await send("/beheer/logboek", { cookie });
  expect(response.status).toBe(200);
  return response.text();
}

/** The newest entry of an action about a subject, once the worker's jobs have run. */
async function entryOf(action: string, subjectId: number) {
  // A failed sign-in's entry is a job the request queued; a worker round writes it.
  await processJobs();
  return database()
    .db.selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .where("subject_id", "=", subjectId)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

describe("the audit log", () => {
  it("has a sentence in the catalogue for every action", () => {
    for (const action of AUDIT_ACTIONS) expect(nlBEAudit).toHaveProperty([`audit.${action}`]);
  });

  it("holds no attendee's name or address after typical actions, and the page names them from the live tables", async () => {
    const { organiser, cookie } = await admin;
    const session = await createSession({ capacity: 2, title: "Ontbijt: starten met een zaak" });
    const client = newClient();
    await signUp(
      session.slug,
      person(1, { name: "Annelies Peeters", email: "annelies@example.org" }),
      opts,
    );
    await signUp(session.slug, person(2, { name: "Bart Claes", email: "bart@example.org" }), opts);
    await signUp(
      session.slug,
      person(3, { name: "Chloé Dubois", email: "chloe@example.org" }),
      opts,
    );
    await addAttendee(
      session.id,
      person(4, { name: "Dirk Van Damme", email: "dirk@example.org", organisation: "Dirk BV" }),
      { organiserId: organiser.id, clientAddress: client, locale: "nl-BE" },
    );
    const [annelies, , chloe] = await registrationsOf(session.id);

    // An organiser cancels Annelies over HTTP: Chloé gets her seat.
    const cancelled = await send(`/beheer/sessies/${session.id}`, {
      form: { intent: "cancel", registrationId: String(annelies?.id) },
      cookie,
      client,
    });
    expect(cancelled.status).toBeLessThan(400);
    const exported = await send(`/beheer/sessies/${session.id}/export?formaat=csv`, {
      cookie,
      client,
    });
    expect(exported.status).toBe(200);
    await exported.text();
    await messageAttendees(
      session.id,
      { audience: "confirmed", subject: "Parkeren bij Annelies", body: "Tot dan, Bart!" },
      { organiserId: organiser.id, clientAddress: client },
    );

    const rows = await auditRows();
    const actions = rows.map((row) => row.action);
    for (const action of [
      "registration.add",
      "registration.cancel",
      "attendees.export",
      "session.message",
    ]) {
      expect(actions).toContain(action);
    }
    const everything = JSON.stringify(rows);
    for (const personal of [
      "Annelies",
      "annelies@example.org",
      "Bart",
      "bart@example.org",
      "Chloé",
      "chloe@example.org",
      "Dirk",
      "dirk@example.org",
      "Parkeren",
      "@example.org",
    ]) {
      expect(everything).not.toContain(personal);
    }
    const cancel = rows.find((row) => row.action === "registration.cancel");
    expect(cancel).toMatchObject({
      organiser_id: organiser.id,
      subject_type: "registration",
      subject_id: annelies?.id,
      client_address: client,
      summary: "",
    });
    expect(JSON.parse(cancel?.details ?? "{}")).toEqual({
      sessionId: session.id,
      was: "confirmed",
      promoted: [chloe?.id],
    });
    for (const row of rows.filter(
      (r) => r.organiser_id === organiser.id && r.action !== "organiser.signIn",
    )) {
      expect(row.client_address).toBe(client);
    }

    // The page takes the names from the registrations table.
    let page = await logPage(cookie);
    expect(page).toContain(
      "Inschrijving van Annelies Peeters voor ‘Ontbijt: starten met een zaak’ geannuleerd (was ingeschreven). Van de wachtlijst ingeschreven: Chloé Dubois.",
    );
    expect(page).toContain("Dirk Van Damme met de hand toegevoegd");
    expect(page).toContain(
      "Bericht gestuurd aan de ingeschrevenen van ‘Ontbijt: starten met een zaak’",
    );
    expect(page).toContain(
      "Deelnemerslijst van ‘Ontbijt: starten met een zaak’ gedownload als CSV",
    );
    expect(page).toContain(client);

    // Anonymised: gone from the log page as well.
    await writeTransaction(async (trx) => {
      await anonymiseRegistration(trx, annelies?.id ?? 0, new Date().toISOString());
      await anonymiseRegistration(trx, chloe?.id ?? 0, new Date().toISOString());
    });
    page = await logPage(cookie);
    expect(page).not.toContain("Annelies");
    expect(page).not.toContain("Chloé");
    expect(page).toContain(`een geanonimiseerde deelnemer (nr. ${annelies?.id})`);
    expect(page).toContain("Dirk Van Damme met de hand toegevoegd");
  });

  it("shows the sentence of entries written before the catalogue", async () => {
    const { cookie } = await admin;
    await database()
      .db.insertInto("audit_log")
      .values({
        organiser_id: null,
        action: "session.create",
        subject_type: "session",
        subject_id: null,
        summary: "Sessie “Oud” aangemaakt: een vermelding van voor de catalogus.",
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await logPage(cookie)).toContain(
      "Sessie “Oud” aangemaakt: een vermelding van voor de catalogus.",
    );
  });

  it("records sign-ins and wrong passwords with the client address, and nothing for unknown addresses", async () => {
    const { cookie } = await admin;
    const organiser = await signedInOrganiser({
      email: "an.peeters@leuven.test",
      name: "An Peeters",
      password: PASSWORD,
      role: "admin",
    });
    const id = organiser.organiser.id;
    const signIn = await entryOf("organiser.signIn", id);
    expect(signIn).toMatchObject({ organiser_id: id, subject_type: "organiser" });
    expect(signIn?.client_address).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\./);

    const client = newClient();
    const wrong = await send("/beheer/inloggen", {
      form: { email: "an.peeters@leuven.test", password: "verkeerd-wachtwoord", terug: "/beheer" },
      client,
    });
    expect(wrong.status).toBe(401);
    const failed = await entryOf("organiser.signInFailed", id);
    expect(failed).toMatchObject({
      organiser_id: null,
      subject_type: "organiser",
      subject_id: id,
      client_address: client,
    });

    const before = (await auditRows()).length;
    const unknown = await send("/beheer/inloggen", {
      form: { email: "niemand@leuven.test", password: "verkeerd-wachtwoord", terug: "/beheer" },
      client: newClient(),
    });
    expect(unknown.status).toBe(401);
    // Its job runs, and writes nothing.
    await expect(processJobs()).resolves.toEqual({ done: 1, failed: 0 });
    const after = await auditRows();
    expect(after).toHaveLength(before);
    expect(JSON.stringify(after)).not.toContain("niemand");

    const page = await logPage(cookie);
    expect(page).toContain("Aanmelden als An Peeters mislukt: verkeerd wachtwoord.");
    expect(page).toContain(client);
  });
});
