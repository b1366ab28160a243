import ICAL from "ical.js";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_LOCALE, i18n } from "../app/i18n";
import { removeQuestion } from "../app/models/question.server";
import { database } from "../db/client";
import {
  addQuestions,
  createSession,
  lastOutboxId,
  mailsOf,
  outboxFor,
  person,
  question,
} from "./support/factories";
import { asHtml, expectFieldError, expectNoticeOnce, formFields } from "./support/form-page";
import { send } from "./support/http";
import { checkIcs } from "./support/ical-checks";
import { signedIn, signedInOrganiser, TEST_PASSWORD } from "./support/organisers";
import { manageTokenIn } from "./support/tokens";

/**
 * A person corrects their own details on their manage page, over HTTP against the built app
 * (`npx remix build` first): name, organisation, enterprise number and answers, until sign-up
 * closes. The change is audited, marked on the attendee page, and mailed only when the name in
 * the invite changed.
 */

// A small mail budget per address, so a test can spend it (config is read once per process).
vi.hoisted(() => {
  process.env.RATE_MAILS_PER_ADDRESS_PER_HOUR = "3";
});

const { db } = database();
const { t, list, shortDate, time } = i18n(DEFAULT_LOCALE);
const HOUR = 3_600_000;

const LABELS = {
  dietary: "Voedingswensen of allergieën",
  study: "Welke richting studeer je?",
  bike: "Kom je met de fiets?",
  member: "Ik ben lid van Voka",
};

/** A session asking four questions (two required, one box to tick), and their ids. */
async function sessionWithQuestions(overrides: Parameters<typeof createSession>[0] = {}) {
  const session = await createSession({ capacity: 5, ...overrides });
  const [dietary = 0, study = 0, bike = 0, member = 0] = await addQuestions(session.id, [
    question("longText", LABELS.dietary),
    question("shortText", LABELS.study, { required: true }),
    question("yesNo", LABELS.bike, { required: true }),
    question("mustTick", LABELS.member),
  ]);
  return { session, q: { dietary, study, bike, member } };
}

type Setup = Awaited<ReturnType<typeof sessionWithQuestions>>;

/** Signs up through the public form, answering every question; the manage link of the mail. */
async function signedUp({ session, q }: Setup, n: number) {
  const { name, email } = person(n);
  const answer = await send(`/sessies/${session.slug}`, {
    form: {
      name,
      email,
      organisation: "Oud & Co",
      consent: "on",
      [`q${q.dietary}`]: "Geen noten",
      [`q${q.study}`]: "Handelswetenschappen",
      [`q${q.bike}`]: "yes",
      [`q${q.member}`]: "on",
    },
  });
  expect(answer.status).toBe(302);
  const registration = await registrationOf(session.id, email);
  const [mail] = await outboxFor(session.id, email);
  return { registration, email, token: manageTokenIn(mail?.text), confirmation: mail };
}

async function registrationOf(sessionId: number, email: string) {
  return db
    .selectFrom("registrations")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
}

async function answersOf(registrationId: number) {
  const rows = await db
    .selectFrom("registration_answers")
    .select(["question_id", "value"])
    .where("registration_id", "=", registrationId)
    .orderBy("question_id")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.question_id, row.value]));
}

async function auditOf(registrationId: number) {
  return db
    .selectFrom("audit_log")
    .select(["action", "details", "organiser_id", "client_address"])
    .where("subject_type", "=", "registration")
    .where("subject_id", "=", registrationId)
    .orderBy("id")
    .execute();
}

/** The details form as the manage page fills it in, with `changes` made, as a browser posts it. */
async function editedForm(token: string, changes: Record<string, string>) {
  const page = await send(`/inschrijving/${token}`);
  expect(page.status).toBe(200);
  const fields = formFields(await page.text(), "details");
  for (const [name, value] of Object.entries(changes)) fields.set(name, value);
  return fields;
}

/** Everything a refused post must have left as it was: the row, the answers, the log, the mail. */
async function snapshot(sessionId: number, registrationId: number) {
  return {
    registration: await db
      .selectFrom("registrations")
      .selectAll()
      .where("id", "=", registrationId)
      .executeTakeFirstOrThrow(),
    answers: await answersOf(registrationId),
    audit: await auditOf(registrationId),
    mails: (await mailsOf(sessionId)).length,
  };
}

describe("correcting one's own details on the manage page", () => {
  it("shows the form filled in as the registration stands, the address said but not asked", async () => {
    const setup = await sessionWithQuestions();
    const { token, email } = await signedUp(setup, 1);
    const html = await (await send(`/inschrijving/${token}`)).text();
    expect(html).toContain(asHtml(t("details.title")));
    expect(html).toContain(asHtml(t("details.email", { email })));
    expect(html).toContain(asHtml(t("details.emailFixed")));
    const fields = formFields(html, "details");
    expect(fields.get("intent")).toBe("details");
    expect(fields.get("name")).toBe(person(1).name);
    expect(fields.get("organisation")).toBe("Oud & Co");
    expect(fields.get("enterpriseNumber")).toBe("");
    expect(fields.has("email")).toBe(false);
    const { q } = setup;
    expect(fields.get(`q${q.dietary}`)).toBe("Geen noten");
    expect(fields.get(`q${q.study}`)).toBe("Handelswetenschappen");
    expect(fields.get(`q${q.bike}`)).toBe("yes");
    expect(fields.get(`q${q.member}`)).toBe("on");

    // In French under /fr, as every page of the person's.
    const french = await (await send(`/fr/inschrijving/${token}`)).text();
    expect(french).toContain(asHtml(i18n("fr-BE").t("details.title")));
    expect(french).toContain(asHtml(i18n("fr-BE").t("details.submit")));
  });

  it("stores a new organisation, enterprise number and answer: audited, marked for organisers, and no mail", async () => {
    const setup = await sessionWithQuestions();
    const { session, q } = setup;
    const { registration, token } = await signedUp(setup, 2);
    const mailsBefore = await lastOutboxId();

    const saved = await send(`/inschrijving/${token}`, {
      form: await editedForm(token, {
        organisation: "Nieuw Atelier BV",
        enterpriseNumber: "BE 0203 201 340",
        [`q${q.dietary}`]: "Lactosevrij",
      }),
    });
    await expectNoticeOnce(saved, t("details.saved"));

    const after = await registrationOf(session.id, registration.email);
    expect(after).toMatchObject({
      name: person(2).name,
      organisation: "Nieuw Atelier BV",
      enterprise_number: "0203.201.340",
      status: "confirmed",
      ical_sequence: registration.ical_sequence,
    });
    expect(after.details_updated_at).not.toBeNull();
    expect(after.updated_at).toBe(after.details_updated_at);
    expect(await answersOf(registration.id)).toEqual({
      [q.dietary]: "Lactosevrij",
      [q.study]: "Handelswetenschappen",
      [q.bike]: "yes",
      [q.member]: "yes",
    });
    // No mail at all: nothing a calendar shows changed.
    expect(await mailsOf(session.id, mailsBefore)).toEqual([]);

    // The log says which fields, never what they hold, and names no organiser and no address.
    const [entry, ...more] = await auditOf(registration.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: "registration.selfUpdate",
      organiser_id: null,
      client_address: null,
    });
    expect(JSON.parse(entry?.details ?? "{}")).toEqual({
      by: "self",
      sessionId: session.id,
      fields: ["organisation", "enterpriseNumber", "answers"],
    });
    expect(entry?.details).not.toMatch(/Atelier|0203|Lactose/);

    // The attendee page marks the person, the log page says what happened.
    const admin = await signedIn("admin");
    const at = after.details_updated_at ?? "";
    const attendees = await (await send(`/beheer/sessies/${session.id}`, { cookie: admin })).text();
    expect(attendees).toContain(
      asHtml(t("attendees.selfUpdated", { date: shortDate(at), time: time(at) })),
    );
    expect(attendees).toContain("Nieuw Atelier BV");
    expect(attendees).toContain("Lactosevrij");
    const log = await (await send("/beheer/logboek", { cookie: admin })).text();
    expect(log).toContain(
      asHtml(
        t("audit.registration.selfUpdate", {
          person: person(2).name,
          session: session.title,
          fields: list(["organisatie", "ondernemingsnummer", "antwoorden op de vragen"]),
        }),
      ),
    );
    expect(log).toContain(asHtml(t("log.self")));

    // The person's own download says when, and erasure takes the mark with the details.
    const download = await (await send(`/inschrijving/${token}/gegevens.json`)).json();
    expect(download.registration.detailsUpdatedAt).toBe(at);
    expect(download.person.organisation).toBe("Nieuw Atelier BV");
    expect((await send(`/inschrijving/${token}`, { form: { intent: "erase" } })).status).toBe(302);
    const erased = await db
      .selectFrom("registrations")
      .select(["details_updated_at", "organisation"])
      .where("id", "=", registration.id)
      .executeTakeFirstOrThrow();
    expect(erased).toEqual({ details_updated_at: null, organisation: null });
  });

  it("sends the invite again on a new name: a REQUEST with the same UID and SEQUENCE, the new CN", async () => {
    const setup = await sessionWithQuestions();
    const { session } = setup;
    const { registration, token, email, confirmation } = await signedUp(setup, 3);
    const before = new ICAL.Component(ICAL.parse(confirmation?.ics ?? ""));
    const firstStamp = before.getFirstSubcomponent("vevent")?.getFirstPropertyValue("dtstamp");
    const mailsBefore = await lastOutboxId();

    const saved = await send(`/inschrijving/${token}`, {
      form: await editedForm(token, { name: "Anneleen Van den Broeck-Peeters" }),
    });
    const page = await expectNoticeOnce(saved, t("details.savedWithInvite"));
    expect(page).toContain(
      asHtml(t("manage.registeredAs", { name: "Anneleen Van den Broeck-Peeters", email })),
    );

    const [mail, ...more] = await mailsOf(session.id, mailsBefore);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      kind: "registration.detailsUpdated",
      ics_method: "REQUEST",
      to_email: email,
      to_name: "Anneleen Van den Broeck-Peeters",
      subject: t("email.detailsUpdated.subject", { title: session.title }),
    });
    expect(mail?.text).toContain(t("email.detailsUpdated.intro", { title: session.title }));
    const [event] = checkIcs(mail?.ics ?? "", "REQUEST").events;
    expect(event?.getFirstPropertyValue("uid")).toBe(registration.ical_uid);
    expect(event?.getFirstPropertyValue("sequence")).toBe(registration.ical_sequence);
    const attendee = event?.getFirstProperty("attendee");
    expect(attendee?.getParameter("cn")).toBe("Anneleen Van den Broeck-Peeters");
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe(`mailto:${email}`);
    const stamp = event?.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.compare(firstStamp as ICAL.Time)).toBeGreaterThanOrEqual(0);
    // The registration keeps its SEQUENCE: only a new time raises it.
    expect((await registrationOf(session.id, email)).ical_sequence).toBe(
      registration.ical_sequence,
    );
    const [entry] = await auditOf(registration.id);
    expect(JSON.parse(entry?.details ?? "{}").fields).toEqual(["name"]);
  });

  it("counts each new name's invite in the address's mail budget: past it, 429 and nothing stored", async () => {
    const setup = await sessionWithQuestions();
    const { registration, token } = await signedUp(setup, 14);
    // The sign-up's confirmation was the first mail of the three an hour.
    for (const name of ["Eerste Nieuwe Naam", "Tweede Nieuwe Naam"]) {
      const saved = await send(`/inschrijving/${token}`, {
        form: await editedForm(token, { name }),
      });
      expect(saved.status).toBe(302);
    }
    const before = await snapshot(setup.session.id, registration.id);
    const refused = await send(`/inschrijving/${token}`, {
      form: await editedForm(token, { name: "Derde Nieuwe Naam" }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await snapshot(setup.session.id, registration.id)).toEqual(before);
    expect(before.registration.name).toBe("Tweede Nieuwe Naam");
    // What sends no mail is not held back by it.
    const organisation = await send(`/inschrijving/${token}`, {
      form: await editedForm(token, { organisation: "Zonder Mail BV" }),
    });
    expect(organisation.status).toBe(302);
  });

  it("mails nothing to someone on the waiting list whose name changed: they have no invite", async () => {
    const setup = await sessionWithQuestions({ capacity: 1 });
    await signedUp(setup, 4);
    const { registration, token } = await signedUp(setup, 5);
    expect(registration.status).toBe("waitlisted");
    const mailsBefore = await lastOutboxId();
    const saved = await send(`/inschrijving/${token}`, {
      form: await editedForm(token, { name: "Wachtende Met Nieuwe Naam" }),
    });
    await expectNoticeOnce(saved, t("details.saved"));
    expect((await registrationOf(setup.session.id, registration.email)).name).toBe(
      "Wachtende Met Nieuwe Naam",
    );
    expect(await mailsOf(setup.session.id, mailsBefore)).toEqual([]);
  });

  it("stores nothing when nothing changed, and says so", async () => {
    const setup = await sessionWithQuestions();
    const { registration, token } = await signedUp(setup, 6);
    const before = await snapshot(setup.session.id, registration.id);
    const saved = await send(`/inschrijving/${token}`, { form: await editedForm(token, {}) });
    await expectNoticeOnce(saved, t("details.unchanged"));
    expect(await snapshot(setup.session.id, registration.id)).toEqual(before);
    expect(before.registration.details_updated_at).toBeNull();
  });

  it("keeps the answer to a question the organiser removed since", async () => {
    const setup = await sessionWithQuestions();
    const { q } = setup;
    const { registration, token } = await signedUp(setup, 7);
    const { organiser } = await signedInOrganiser({
      email: "vragen@fixture.test",
      name: "Ilse Vragen",
      password: TEST_PASSWORD,
      role: "admin",
    });
    const removed = await removeQuestion(setup.session.id, "signUp", q.dietary, {
      organiserId: organiser.id,
    });
    expect(removed.ok).toBe(true);
    const fields = await editedForm(token, { [`q${q.study}`]: "Rechten" });
    expect(fields.has(`q${q.dietary}`)).toBe(false);
    const saved = await send(`/inschrijving/${token}`, { form: fields });
    await expectNoticeOnce(saved, t("details.saved"));
    expect(await answersOf(registration.id)).toEqual({
      [q.dietary]: "Geen noten",
      [q.study]: "Rechten",
      [q.bike]: "yes",
      [q.member]: "yes",
    });
  });

  it("refuses an empty name, an invalid enterprise number and a required answer left open: 400, at each field, nothing stored", async () => {
    const setup = await sessionWithQuestions();
    const { q } = setup;
    const { registration, token } = await signedUp(setup, 8);
    const before = await snapshot(setup.session.id, registration.id);

    const fields = await editedForm(token, {
      name: "  ",
      enterpriseNumber: "0123.456.789",
      organisation: "Wel Een Nieuwe Naam",
      [`q${q.study}`]: "",
    });
    // Unticked and left open: a browser then posts nothing for them.
    fields.delete(`q${q.member}`);
    fields.delete(`q${q.bike}`);
    const refused = await send(`/inschrijving/${token}`, { form: fields });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("Cache-Control")).toBe("private, no-store");
    const html = await refused.text();
    expect(html).toContain(asHtml(t("details.errors.form")));
    expectFieldError(html, "name", t("errors.name.required"));
    expectFieldError(html, "enterpriseNumber", t("errors.enterpriseNumber.invalid"));
    expectFieldError(html, `q${q.study}`, t("errors.question.required"));
    expectFieldError(html, `q${q.bike}`, t("errors.question.choose"));
    expectFieldError(html, `q${q.member}`, t("errors.question.mustTick"));
    // What was typed stays in the form, to be corrected.
    expect(formFields(html, "details").get("organisation")).toBe("Wel Een Nieuwe Naam");
    expect(await snapshot(setup.session.id, registration.id)).toEqual(before);
  });

  it("refuses once sign-up has closed, the session is cancelled or it has begun: 409, nothing stored", async () => {
    for (const [n, lock, change] of [
      [9, "closed", { registration_closes_at: new Date(Date.now() - HOUR).toISOString() }],
      [12, "cancelled", { status: "cancelled" as const }],
      [
        13,
        "past",
        {
          starts_at: new Date(Date.now() - HOUR).toISOString(),
          ends_at: new Date(Date.now() + HOUR).toISOString(),
        },
      ],
    ] as const) {
      const setup = await sessionWithQuestions({
        registration_closes_at: new Date(Date.now() + 24 * HOUR).toISOString(),
      });
      const { registration, token } = await signedUp(setup, n);
      const fields = await editedForm(token, { organisation: "Te Laat BV" });
      await db.updateTable("sessions").set(change).where("id", "=", setup.session.id).execute();
      const before = await snapshot(setup.session.id, registration.id);

      const refused = await send(`/inschrijving/${token}`, { form: fields });
      expect(refused.status, lock).toBe(409);
      expect(await refused.text(), lock).toContain(asHtml(t(`details.locked.${lock}`)));
      expect(await snapshot(setup.session.id, registration.id), lock).toEqual(before);
      // The page says why, and offers no form.
      const page = await (await send(`/inschrijving/${token}`)).text();
      expect(page, lock).toContain(asHtml(t(`details.locked.${lock}`)));
      expect(page, lock).not.toContain('id="details"');
    }
  });

  it("refuses a crafted post for a cancelled registration: 409, nothing stored, and no form on its page", async () => {
    const setup = await sessionWithQuestions();
    const { registration, token } = await signedUp(setup, 10);
    const fields = await editedForm(token, { name: "Na Annulering" });
    expect((await send(`/inschrijving/${token}`, { form: { intent: "cancel" } })).status).toBe(302);
    const before = await snapshot(setup.session.id, registration.id);

    const refused = await send(`/inschrijving/${token}`, { form: fields });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(asHtml(t("details.locked.notLive")));
    expect(await snapshot(setup.session.id, registration.id)).toEqual(before);
    const page = await (await send(`/inschrijving/${token}`)).text();
    expect(page).not.toContain('id="details"');
    expect(page).not.toContain(asHtml(t("details.title")));
  });

  it("answers 404 to a token that opens no manage page, and changes nothing", async () => {
    const setup = await sessionWithQuestions();
    const { registration, token, confirmation } = await signedUp(setup, 11);
    const fields = await editedForm(token, { name: "Iemand Anders" });
    const before = await snapshot(setup.session.id, registration.id);
    // The view link of the invite opens the view page only.
    const view = /\/inschrijving\/bekijken\/([\w-]+)/.exec(
      String(
        checkIcs(confirmation?.ics ?? "", "REQUEST").events[0]?.getFirstPropertyValue(
          "description",
        ),
      ),
    )?.[1];
    expect(view).toBeTruthy();
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const wrong of ["x".repeat(43), altered, view ?? ""]) {
      const answer = await send(`/inschrijving/${wrong}`, { form: fields });
      expect(answer.status, wrong).toBe(404);
    }
    expect(await snapshot(setup.session.id, registration.id)).toEqual(before);
  });
});
