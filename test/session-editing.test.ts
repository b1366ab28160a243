import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import {
  attendeeMessageSchema,
  cancelSessionSchema,
  type SessionFormValues,
  type SessionInput,
  sessionFormSchema,
} from "../app/lib/session-form";
import { slugify } from "../app/lib/slug";
import { brusselsDate, brusselsTimeToInstant } from "../app/lib/time";
import { listAttendees } from "../app/models/attendee.server";
import { signUp } from "../app/models/registration.server";
import { getSessionById } from "../app/models/session.server";
import {
  cancelSession,
  createSession,
  duplicateValues,
  sessionFormValues,
  updateSession,
} from "../app/models/session-editing.server";
import { database } from "../db/client";
import { processOutbox } from "../worker/outbox.server";
import { smtpTransport } from "../worker/transport.server";
import {
  lastOutboxId,
  mailsOf,
  person,
  registrationsOf,
  createSession as sessionFixture,
} from "./support/factories";
import { parsed } from "./support/forms";
import { calendarParts, startMailbox } from "./support/mailbox";
import { manageTokenOf } from "./support/tokens";

const DAY = 24 * 3_600_000;
const opts = { locale: "nl-BE" as const };

let organiserId: number;
let leuvenId: number;
let partnerIds: number[];

beforeAll(async () => {
  const { db } = database();
  const now = new Date().toISOString();
  organiserId = (
    await db
      .insertInto("organisers")
      .values({
        email: "an.organisator@leuven.test",
        name: "An Organisator",
        password_hash: "scrypt$test",
        role: "organiser",
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  leuvenId = (
    await db
      .insertInto("cities")
      .values({ slug: "leuven", name: "Leuven", province: "Vlaams-Brabant", created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  partnerIds = [];
  for (const [slug, name] of [
    ["voka", "Voka"],
    ["unizo", "Unizo"],
    ["fablab", "Fablab Leuven"],
  ] as const) {
    const partner = await db
      .insertInto("partners")
      .values({ slug: `${slug}-p`, name, website: null, created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    partnerIds.push(partner.id);
  }
});

/** A day a week from now, in Brussels: sessions on it are upcoming with minute-exact times. */
const nextWeek = () => brusselsDate(new Date(Date.now() + 7 * DAY).toISOString());

function formData(fields: Partial<Record<string, string | string[]>>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value ?? []].flat()) data.append(name, item);
  }
  return data;
}

const parseSessionForm = (form: FormData) => parsed(sessionFormSchema, form);
const parseAttendeeMessageForm = (form: FormData) => parsed(attendeeMessageSchema, form);
const parseCancelSessionForm = (form: FormData) => parsed(cancelSessionSchema, form);

const validFields = () => ({
  title: "Ontbijtsessie: subsidies voor je zaak",
  summary: "Welke premies kan je zaak krijgen, en hoe vraag je ze aan?",
  description: "07:30 ontbijt\r\n\r\n08:00 toelichting",
  kind: "breakfast",
  cityId: String(leuvenId),
  venueName: "Stadhuis Leuven",
  venueAddress: "Grote Markt 9, 3000 Leuven",
  date: "2026-12-03",
  startTime: "07:30",
  endTime: "09:00",
  capacity: "40",
  registrationOpensAt: "",
  registrationClosesAt: "",
  language: "nl",
  remindDayBefore: "on",
  remindTwoHours: "on",
  sendThankYou: "on",
  sendMissedYou: "on",
  followUpHours: "2",
  requiresApproval: "",
  unlisted: "",
  emailDomains: "",
});

function inputFrom(fields: Partial<Record<string, string | string[]>>): SessionInput {
  const parsed = parseSessionForm(formData(fields));
  if (!parsed.ok) throw new Error(`invalid form: ${JSON.stringify(parsed.errors)}`);
  return parsed.data;
}

/** The session's edit form as it is now, with some fields changed, parsed as a route would. */
async function editedInput(sessionId: number, changes: Partial<SessionFormValues>) {
  const values = await sessionFormValues(sessionId);
  if (!values) throw new Error(`no session ${sessionId}`);
  return inputFrom({ ...values, ...changes });
}

/** An upcoming session next week, 07:30–09:00 in Brussels, with people signed up in order. */
async function sessionWith(capacity: number, people: number, overrides = {}) {
  const date = nextWeek();
  const session = await sessionFixture({
    capacity,
    starts_at: brusselsTimeToInstant(date, "07:30"),
    ends_at: brusselsTimeToInstant(date, "09:00"),
    ...overrides,
  });
  for (let n = 1; n <= people; n++) await signUp(session.slug, person(n), opts);
  return { session, date, registrations: await registrationsOf(session.id) };
}

async function auditOf(sessionId: number) {
  return database()
    .db.selectFrom("audit_log")
    .selectAll()
    .where("subject_type", "=", "session")
    .where("subject_id", "=", sessionId)
    .orderBy("id")
    .execute();
}

/** DTSTAMP of a calendar object, as its UTC text: later versions sort after earlier ones. */
function stampOf(ics: string | null): string {
  const calendar = new ICAL.Component(ICAL.parse(ics ?? ""));
  return String(calendar.getFirstSubcomponent("vevent")?.getFirstPropertyValue("dtstamp"));
}

function event(ics: string | null) {
  const calendar = new ICAL.Component(ICAL.parse(ics ?? ""));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const start = vevent.getFirstProperty("dtstart");
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: vevent.getFirstPropertyValue("uid"),
    sequence: vevent.getFirstPropertyValue("sequence"),
    status: vevent.getFirstPropertyValue("status"),
    startTzid: start?.getParameter("tzid"),
    startLocal: (start?.getFirstValue() as ICAL.Time | undefined)?.toString(),
    location: vevent.getFirstPropertyValue("location"),
  };
}

describe("the session form", () => {
  it("turns Brussels wall-clock times into UTC instants, in winter and in summer", () => {
    const winter = parseSessionForm(
      formData({ ...validFields(), partnerIds: ["3", "1", "3"], confirmMoveToWaitlist: "on" }),
    );
    expect(winter).toMatchObject({
      ok: true,
      data: {
        title: "Ontbijtsessie: subsidies voor je zaak",
        description: "07:30 ontbijt\n\n08:00 toelichting",
        cityId: leuvenId,
        capacity: 40,
        startsAt: "2026-12-03T06:30:00.000Z",
        endsAt: "2026-12-03T08:00:00.000Z",
        registrationOpensAt: null,
        registrationClosesAt: null,
        partnerIds: [3, 1],
        confirmMoveToWaitlist: true,
      },
    });
    const summer = parseSessionForm(
      formData({
        ...validFields(),
        date: "2027-06-03",
        registrationOpensAt: "2027-05-01T09:00",
        registrationClosesAt: "2027-06-02T18:00",
      }),
    );
    expect(summer).toMatchObject({
      ok: true,
      data: {
        startsAt: "2027-06-03T05:30:00.000Z",
        registrationOpensAt: "2027-05-01T07:00:00.000Z",
        registrationClosesAt: "2027-06-02T16:00:00.000Z",
        partnerIds: [],
        confirmMoveToWaitlist: false,
      },
    });
  });

  it("reports every problem at once, the checks between fields included", () => {
    const parsed = parseSessionForm(
      formData({
        ...validFields(),
        title: " ",
        startTime: "09:00",
        endTime: "08:30",
        capacity: "2.5",
        registrationClosesAt: "2026-12-03T10:00",
        kind: "brunch",
      }),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        title: "sessionForm.errors.title.required",
        kind: "sessionForm.errors.kind.invalid",
        capacity: "sessionForm.errors.capacity.invalid",
        endTime: "sessionForm.errors.endTime.beforeStart",
        registrationClosesAt: "sessionForm.errors.registrationClosesAt.afterEnd",
      },
    });
  });

  it.each([
    [{ capacity: "-1" }, { capacity: "sessionForm.errors.capacity.invalid" }],
    [{ capacity: "1001" }, { capacity: "sessionForm.errors.capacity.invalid" }],
    [{ capacity: "" }, { capacity: "sessionForm.errors.capacity.invalid" }],
    [{ date: "2026-02-30" }, { date: "sessionForm.errors.date.invalid" }],
    [{ startTime: "7:30" }, { startTime: "sessionForm.errors.startTime.invalid" }],
    [{ endTime: "24:00" }, { endTime: "sessionForm.errors.endTime.invalid" }],
    [{ language: "de" }, { language: "sessionForm.errors.language.invalid" }],
    [{ cityId: "" }, { cityId: "sessionForm.errors.cityId.required" }],
    [{ partnerIds: ["1", "x"] }, { partnerIds: "sessionForm.errors.partnerIds.invalid" }],
    [{ title: "Infosessie\r\nBcc: x@example.org" }, { title: "errors.text.invalidCharacters" }],
    [{ venueName: "x".repeat(121) }, { venueName: "sessionForm.errors.venueName.tooLong" }],
    [
      { registrationOpensAt: "2026-12-01T10:00", registrationClosesAt: "2026-12-01T09:00" },
      { registrationClosesAt: "sessionForm.errors.registrationClosesAt.beforeOpens" },
    ],
    [
      { registrationOpensAt: "2026-12-03T08:00" },
      { registrationOpensAt: "sessionForm.errors.registrationOpensAt.afterStart" },
    ],
    [
      { registrationClosesAt: "3 december" },
      { registrationClosesAt: "sessionForm.errors.registrationClosesAt.invalid" },
    ],
    // The hour the clocks skip in spring does not exist; the one they repeat in autumn is refused.
    [
      { date: "2027-03-28", startTime: "02:30", endTime: "04:00" },
      { startTime: "sessionForm.errors.time.skipped" },
    ],
    [
      { date: "2027-03-28", startTime: "01:00", endTime: "02:00" },
      { endTime: "sessionForm.errors.time.skipped" },
    ],
    [
      { date: "2026-10-25", startTime: "02:15", endTime: "04:00" },
      { startTime: "sessionForm.errors.time.twice" },
    ],
    [
      { registrationOpensAt: "2026-03-29T02:30" },
      { registrationOpensAt: "sessionForm.errors.time.skipped" },
    ],
    [
      { registrationClosesAt: "2026-10-25T02:59" },
      { registrationClosesAt: "sessionForm.errors.time.twice" },
    ],
  ])("refuses %j", (fields, errors) => {
    expect(parseSessionForm(formData({ ...validFields(), ...fields }))).toEqual({
      ok: false,
      errors,
    });
  });

  it("accepts no seats at all (everyone on the waiting list) and a window that closes at the end", () => {
    expect(
      parseSessionForm(
        formData({ ...validFields(), capacity: "0", registrationClosesAt: "2026-12-03T09:00" }),
      ).ok,
    ).toBe(true);
  });

  it("checks the message and cancellation forms", () => {
    expect(
      parseAttendeeMessageForm(
        formData({ audience: "present", subject: "Dank!\r\nBcc: x@example.org", body: "" }),
      ),
    ).toEqual({
      ok: false,
      errors: {
        subject: "errors.text.invalidCharacters",
        body: "sessionForm.errors.body.required",
      },
    });
    expect(
      parseAttendeeMessageForm(formData({ audience: "iedereen", subject: "Hoi", body: "Hoi" })),
    ).toEqual({ ok: false, errors: { audience: "sessionForm.errors.audience.invalid" } });
    expect(parseCancelSessionForm(formData({ message: "  " }))).toEqual({
      ok: true,
      data: { message: null },
    });
    expect(parseCancelSessionForm(formData({ message: "x".repeat(1001) }))).toEqual({
      ok: false,
      errors: { message: "sessionForm.errors.cancelMessage.tooLong" },
    });
  });
});

describe("creating a session", () => {
  it("stores it with its partners in order, a readable ASCII slug, and an audit entry", async () => {
    const result = await createSession(
      inputFrom({
        ...validFields(),
        title: "Café-avond: één jaar ondernemen in Leuven!",
        date: "2027-01-14",
        partnerIds: [String(partnerIds[2]), String(partnerIds[0])],
      }),
      { organiserId },
    );
    if (!result.ok) throw new Error("not created");
    const { session } = result;
    expect(session).toMatchObject({
      slug: "cafe-avond-een-jaar-ondernemen-in-leuven",
      status: "scheduled",
      city: { slug: "leuven", name: "Leuven" },
      starts_at: "2027-01-14T06:30:00.000Z",
      capacity: 40,
    });
    expect(session.partners.map((p) => p.name)).toEqual(["Fablab Leuven", "Voka"]);
    const [audit] = await auditOf(session.id);
    expect(audit).toMatchObject({ organiser_id: organiserId, action: "session.create" });
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({ capacity: 40 });
  });

  it("keeps slugs unique with the date, then a number", async () => {
    const slugs = [];
    for (const date of ["2027-02-11", "2027-03-11", "2027-03-11"]) {
      const result = await createSession(inputFrom({ ...validFields(), date }), { organiserId });
      if (result.ok) slugs.push(result.session.slug);
    }
    expect(slugs).toEqual([
      "leuven-ontbijtsessie-subsidies-voor-je-zaak",
      "leuven-ontbijtsessie-subsidies-voor-je-zaak-2027-03-11",
      "leuven-ontbijtsessie-subsidies-voor-je-zaak-2027-03-11-2",
    ]);
    expect(slugify("Straße & Œuvre: ‘ÆØ’ — 日本")).toBe("strasse-oeuvre-aeo");
    expect(slugify(`${"x".repeat(35)} ${"y".repeat(40)}`)).toBe("x".repeat(35));
  });

  it("refuses a city or partner that does not exist, and stores nothing", async () => {
    const before = await database()
      .db.selectFrom("sessions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const result = await createSession(
      inputFrom({ ...validFields(), cityId: "99999", partnerIds: ["99998"] }),
      { organiserId },
    );
    expect(result).toEqual({ ok: false, reason: "unknownCity" });
    const partnerGone = await createSession(
      inputFrom({ ...validFields(), partnerIds: ["99998"] }),
      { organiserId },
    );
    expect(partnerGone).toEqual({ ok: false, reason: "unknownPartner" });
    const after = await database()
      .db.selectFrom("sessions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe("form values", () => {
  it("fill the edit form with what was stored, in Brussels time", async () => {
    const fields = {
      ...validFields(),
      date: "2027-06-10",
      registrationOpensAt: "2027-05-01T09:00",
      registrationClosesAt: "2027-06-09T18:00",
      partnerIds: [String(partnerIds[1])],
      requiresApproval: "on",
      emailDomains: "student.kuleuven.be, kuleuven.be",
      groupSize: "3",
    };
    const result = await createSession(inputFrom(fields), { organiserId });
    if (!result.ok) throw new Error("not created");
    expect(await sessionFormValues(result.session.id)).toEqual({
      ...fields,
      description: "07:30 ontbijt\n\n08:00 toelichting",
    });
    expect(await sessionFormValues(999_999)).toBeNull();
  });

  it("copy a session four weeks later, same weekday and hours across the change to summer time", async () => {
    const result = await createSession(
      inputFrom({
        ...validFields(),
        date: "2027-03-11",
        registrationOpensAt: "2027-02-01T09:00",
        registrationClosesAt: "2027-03-10T12:00",
      }),
      { organiserId },
    );
    if (!result.ok) throw new Error("not created");
    const copy = await duplicateValues(result.session.id, { now: "2027-01-01T00:00:00.000Z" });
    expect(copy).toMatchObject({
      title: "Ontbijtsessie: subsidies voor je zaak",
      date: "2027-04-08",
      startTime: "07:30",
      endTime: "09:00",
      registrationOpensAt: "2027-03-01T09:00",
      registrationClosesAt: "2027-04-07T12:00",
    });
    // The copy is a valid form as it is, and lands an hour earlier in UTC: summer time.
    expect(inputFrom({ ...copy }).startsAt).toBe("2027-04-08T05:30:00.000Z");
    // Copying an old session skips to the first such date still to come.
    const later = await duplicateValues(result.session.id, { now: "2027-04-20T00:00:00.000Z" });
    expect(later?.date).toBe("2027-05-06");
  });
});

describe("changing a session", () => {
  it("asks calendars again: an answer given to the old version is forgotten with it", async () => {
    const { session, registrations } = await sessionWith(2, 2);
    const [first] = registrations;
    if (!first) throw new Error("no registration");
    await database()
      .db.updateTable("registrations")
      .set({ calendar_reply: "accepted", calendar_replied_at: new Date().toISOString() })
      .where("id", "=", first.id)
      .execute();
    await updateSession(session.id, await editedInput(session.id, { startTime: "08:00" }), {
      organiserId,
    });
    const [after] = await registrationsOf(session.id);
    expect(after).toMatchObject({ id: first.id, calendar_reply: null, calendar_replied_at: null });
  });

  it("remembers the start before a move, and keeps it through edits that do not move it", async () => {
    const { session } = await sessionWith(1, 0);
    const startsAt = async () =>
      database()
        .db.selectFrom("sessions")
        .select(["starts_at", "previous_starts_at"])
        .where("id", "=", session.id)
        .executeTakeFirstOrThrow();
    const original = (await startsAt()).starts_at;
    expect((await startsAt()).previous_starts_at).toBeNull();

    await updateSession(session.id, await editedInput(session.id, { startTime: "08:00" }), {
      organiserId,
    });
    const moved = await startsAt();
    expect(moved.starts_at).not.toBe(original);
    expect(moved.previous_starts_at).toBe(original);

    await updateSession(session.id, await editedInput(session.id, { capacity: "30" }), {
      organiserId,
    });
    expect(await startsAt()).toEqual(moved);
  });

  it("moves every confirmed attendee's calendar: same UID, SEQUENCE + 1, REQUEST at the new time", async () => {
    const { session, date, registrations } = await sessionWith(2, 3);
    const mark = await lastOutboxId();
    const result = await updateSession(
      session.id,
      await editedInput(session.id, {
        startTime: "08:00",
        endTime: "10:00",
        venueName: "De Hoorn",
        venueAddress: "Sluisstraat 79, 3000 Leuven",
      }),
      { organiserId },
    );
    expect(result).toEqual({ ok: true, reinvited: 2, promoted: 0, movedToWaitlist: 0 });

    const mails = await mailsOf(session.id, mark);
    expect(mails.map((m) => m.to_email)).toEqual([
      "deelnemer1@example.org",
      "deelnemer2@example.org",
    ]);
    for (const [index, mail] of mails.entries()) {
      expect(mail).toMatchObject({ kind: "session.updated", ics_method: "REQUEST" });
      expect(event(mail.ics)).toMatchObject({
        method: "REQUEST",
        uid: registrations[index]?.ical_uid,
        sequence: 1,
        status: "CONFIRMED",
        startTzid: "Europe/Brussels",
        startLocal: `${date}T08:00:00`,
      });
      expect(event(mail.ics).location).toContain("Sluisstraat 79");
      expect(mail.text).toMatch(/Nieuw tijdstip: .*08:00.*10:00/);
      expect(mail.text).toMatch(/Was: .*07:30.*09:00/);
      expect(mail.text).toContain("Nieuwe plaats: De Hoorn, Sluisstraat 79, 3000 Leuven");
      expect(mail.text).toContain("Was: Stadhuis Leuven, Grote Markt 9, 3000 Leuven");
    }
    const after = await registrationsOf(session.id);
    expect(after.map((r) => r.ical_sequence)).toEqual([1, 1, 0]);

    const [audit] = await auditOf(session.id);
    expect(audit).toMatchObject({ organiser_id: organiserId, action: "session.update" });
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({
      fields: ["time", "place"],
      reinvited: 2,
    });

    // Delivered through a real SMTP server, the update is an invite a calendar understands.
    const { db } = database();
    await db
      .updateTable("outbox")
      .set({ status: "sent" })
      .where("status", "=", "pending")
      .where("id", "<>", mails[0]?.id ?? 0)
      .execute();
    const mailbox = await startMailbox();
    const transport = smtpTransport(mailbox.url);
    try {
      await expect(processOutbox(transport)).resolves.toEqual({ sent: 1, failed: 0 });
      const received = await mailbox.waitFor((m) =>
        m.envelopeTo.includes("deelnemer1@example.org"),
      );
      expect(received.parsed.subject).toMatch(/^Gewijzigd: Ontbijtsessie: subsidies voor je zaak/);
      const parts = calendarParts(received);
      expect(parts.map((p) => p.method ?? p.filename)).toEqual(["REQUEST", "uitnodiging.ics"]);
      expect(event(parts[0]?.content ?? "")).toMatchObject({
        uid: registrations[0]?.ical_uid,
        sequence: 1,
        startLocal: `${date}T08:00:00`,
      });
    } finally {
      transport.close();
      await mailbox.close();
    }
  });

  it("sends nothing when only the partners change, and replaces them", async () => {
    const { session } = await sessionWith(2, 2);
    const mark = await lastOutboxId();
    const result = await updateSession(
      session.id,
      await editedInput(session.id, {
        partnerIds: [String(partnerIds[1]), String(partnerIds[0])],
      }),
      { organiserId },
    );
    expect(result).toEqual({ ok: true, reinvited: 0, promoted: 0, movedToWaitlist: 0 });
    expect(await mailsOf(session.id, mark)).toEqual([]);
    const stored = await getSessionById(session.id);
    expect(stored?.partners.map((p) => p.name)).toEqual(["Unizo", "Voka"]);
    expect(stored?.ical_sequence).toBe(0);
    expect(JSON.parse((await auditOf(session.id))[0]?.details ?? "{}")).toMatchObject({
      fields: ["partners"],
      reinvited: 0,
    });
  });

  it("a new summary reaches every confirmed attendee's calendar as an update, nobody waiting", async () => {
    const { session, registrations } = await sessionWith(2, 3);
    const mark = await lastOutboxId();
    const result = await updateSession(
      session.id,
      await editedInput(session.id, { summary: "Welke premies zijn er in 2027?" }),
      { organiserId },
    );
    expect(result).toEqual({ ok: true, reinvited: 2, promoted: 0, movedToWaitlist: 0 });
    const mails = await mailsOf(session.id, mark);
    expect(mails.map((m) => [m.to_email, m.kind, m.ics_method])).toEqual([
      ["deelnemer1@example.org", "session.updated", "REQUEST"],
      ["deelnemer2@example.org", "session.updated", "REQUEST"],
    ]);
    for (const [index, mail] of mails.entries()) {
      // Not a new time: the same SEQUENCE (RFC 5546 §2.1.4), a newer DTSTAMP.
      expect(event(mail.ics)).toMatchObject({
        method: "REQUEST",
        uid: registrations[index]?.ical_uid,
        sequence: 0,
      });
      expect(mail.text).toContain("Nieuwe samenvatting: Welke premies zijn er in 2027?");
      expect(mail.text).toContain(
        "Was: Welke premies kan je zaak krijgen, en hoe vraag je ze aan?",
      );
    }
    expect((await registrationsOf(session.id)).map((r) => r.ical_sequence)).toEqual([0, 0, 0]);
  });

  it("sends a new text, title or place at the same SEQUENCE and keeps the answers given", async () => {
    const { session, registrations } = await sessionWith(2, 2);
    const [accepted, tentative] = registrations;
    if (!accepted || !tentative) throw new Error("no registrations");
    const { db } = database();
    for (const [registration, reply] of [
      [accepted, "accepted"],
      [tentative, "tentative"],
    ] as const) {
      await db
        .updateTable("registrations")
        .set({ calendar_reply: reply, calendar_replied_at: new Date().toISOString() })
        .where("id", "=", registration.id)
        .execute();
    }
    const [confirmation] = await mailsOf(session.id);
    const firstStamp = stampOf(confirmation?.ics ?? null);
    const publicBefore = await getSessionById(session.id);

    for (const [index, changes] of [
      { description: "Nieuw programma: 07:30 ontbijt, 08:00 de premies" },
      { title: "Ontbijtsessie: premies in 2027" },
      { venueName: "De Hoorn", venueAddress: "Sluisstraat 79, 3000 Leuven" },
    ].entries()) {
      const mark = await lastOutboxId();
      const result = await updateSession(session.id, await editedInput(session.id, changes), {
        organiserId,
        now: new Date(Date.now() + (index + 1) * 60_000).toISOString(),
      });
      expect(result).toMatchObject({ ok: true, reinvited: 2 });
      const mails = await mailsOf(session.id, mark);
      expect(mails.map((m) => m.kind)).toEqual(["session.updated", "session.updated"]);
      for (const [n, mail] of mails.entries()) {
        const vevent = new ICAL.Component(ICAL.parse(mail.ics ?? "")).getFirstSubcomponent(
          "vevent",
        );
        expect(vevent?.getFirstPropertyValue("sequence")).toBe(0);
        expect(stampOf(mail.ics) > firstStamp).toBe(true);
        const attendee = vevent?.getFirstProperty("attendee");
        expect(attendee?.getParameter("partstat")).toBe(["ACCEPTED", "TENTATIVE"][n]);
        expect(attendee?.getParameter("rsvp")).toBe("TRUE");
      }
      // The mail still says what changed.
      expect(mails[0]?.subject).toMatch(/^Gewijzigd: /);
      expect(mails[0]?.text).toContain("Wat is er veranderd?");
    }
    expect(
      (await registrationsOf(session.id)).map((r) => [r.ical_sequence, r.calendar_reply]),
    ).toEqual([
      [0, "accepted"],
      [0, "tentative"],
    ]);
    // The session's public event follows the same rule: same SEQUENCE, a later last change.
    const publicAfter = await getSessionById(session.id);
    expect(publicAfter?.ical_sequence).toBe(publicBefore?.ical_sequence);
    expect((publicAfter?.updated_at ?? "") > (publicBefore?.updated_at ?? "")).toBe(true);
  });

  it("a new time raises SEQUENCE, of the invites and the public event, and asks again", async () => {
    const { session, registrations } = await sessionWith(1, 1);
    await database()
      .db.updateTable("registrations")
      .set({ calendar_reply: "accepted", calendar_replied_at: new Date().toISOString() })
      .where("id", "=", registrations[0]?.id ?? 0)
      .execute();
    const mark = await lastOutboxId();
    await updateSession(session.id, await editedInput(session.id, { endTime: "09:30" }), {
      organiserId,
    });
    const [mail] = await mailsOf(session.id, mark);
    const vevent = new ICAL.Component(ICAL.parse(mail?.ics ?? "")).getFirstSubcomponent("vevent");
    expect(vevent?.getFirstPropertyValue("sequence")).toBe(1);
    expect(vevent?.getFirstProperty("attendee")?.getParameter("partstat")).toBe("NEEDS-ACTION");
    expect(mail?.text).toMatch(/Nieuw tijdstip: .*07:30.*09:30/);
    expect((await registrationsOf(session.id))[0]).toMatchObject({
      ical_sequence: 1,
      calendar_reply: null,
    });
    expect((await getSessionById(session.id))?.ical_sequence).toBe(1);
  });

  it("a new description is said in plain words, without the text itself", async () => {
    const { session } = await sessionWith(2, 1);
    const mark = await lastOutboxId();
    const description = "Nieuw programma: 07:30 ontbijt, 08:00 de premies, 08:45 vragen";
    const result = await updateSession(session.id, await editedInput(session.id, { description }), {
      organiserId,
    });
    expect(result).toMatchObject({ ok: true, reinvited: 1 });
    const [mail, ...more] = await mailsOf(session.id, mark);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ kind: "session.updated", ics_method: "REQUEST" });
    expect(mail?.text).toContain("De omschrijving van de sessie werd aangepast.");
    expect(mail?.text).not.toContain("08:45 vragen");
    expect(mail?.text).not.toContain("Was:");
  });

  it("gives new seats to the waiting list in its order, each with an invite", async () => {
    const { session, registrations } = await sessionWith(1, 4);
    const mark = await lastOutboxId();
    const result = await updateSession(
      session.id,
      await editedInput(session.id, { capacity: "3" }),
      { organiserId },
    );
    expect(result).toEqual({ ok: true, reinvited: 0, promoted: 2, movedToWaitlist: 0 });
    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "confirmed",
      "confirmed",
      "confirmed",
      "waitlisted",
    ]);
    const mails = await mailsOf(session.id, mark);
    expect(mails.map((m) => [m.to_email, m.kind, m.ics_method])).toEqual([
      ["deelnemer2@example.org", "registration.promoted", "REQUEST"],
      ["deelnemer3@example.org", "registration.promoted", "REQUEST"],
    ]);
    expect(event(mails[0]?.ics ?? "").uid).toBe(registrations[1]?.ical_uid);
  });

  it("refuses fewer seats than people confirmed unless confirmed, and then stores nothing", async () => {
    const { session } = await sessionWith(3, 4);
    const mark = await lastOutboxId();
    const result = await updateSession(
      session.id,
      await editedInput(session.id, { capacity: "1", title: "Andere titel" }),
      { organiserId },
    );
    expect(result).toEqual({ ok: false, reason: "capacityBelowConfirmed", confirmedCount: 3 });
    const stored = await getSessionById(session.id);
    expect(stored).toMatchObject({ capacity: 3, title: session.title, confirmedCount: 3 });
    expect(await mailsOf(session.id, mark)).toEqual([]);
    expect(await auditOf(session.id)).toEqual([]);
  });

  it("with confirmation, sends the last confirmed to the front of the waiting list with a CANCEL", async () => {
    const { session, registrations } = await sessionWith(3, 4);
    const mark = await lastOutboxId();
    const result = await updateSession(
      session.id,
      await editedInput(session.id, { capacity: "1" }),
      { organiserId, confirmMoveToWaitlist: true },
    );
    expect(result).toEqual({ ok: true, reinvited: 0, promoted: 0, movedToWaitlist: 2 });

    const list = await listAttendees(session.id);
    expect(list?.confirmed.map((a) => a.email)).toEqual(["deelnemer1@example.org"]);
    expect(list?.waitlisted.map((a) => [a.email, a.position])).toEqual([
      ["deelnemer2@example.org", 1],
      ["deelnemer3@example.org", 2],
      ["deelnemer4@example.org", 3],
    ]);
    const mails = await mailsOf(session.id, mark);
    expect(mails.map((m) => [m.to_email, m.kind, m.ics_method])).toEqual([
      ["deelnemer2@example.org", "registration.backOnWaitlist", "CANCEL"],
      ["deelnemer3@example.org", "registration.backOnWaitlist", "CANCEL"],
    ]);
    expect(event(mails[0]?.ics ?? "")).toMatchObject({
      method: "CANCEL",
      uid: registrations[1]?.ical_uid,
      sequence: 1,
      status: "CANCELLED",
    });
    expect(mails[0]?.text).toContain("op plaats 1");
    expect(mails[1]?.text).toContain("op plaats 2");
    expect(JSON.parse((await auditOf(session.id))[0]?.details ?? "{}")).toMatchObject({
      movedToWaitlist: 2,
    });

    // Seats back: the same people get them again, with an invite newer than the cancellation.
    const mark2 = await lastOutboxId();
    await updateSession(session.id, await editedInput(session.id, { capacity: "3" }), {
      organiserId,
    });
    const again = await mailsOf(session.id, mark2);
    expect(again.map((m) => m.to_email)).toEqual([
      "deelnemer2@example.org",
      "deelnemer3@example.org",
    ]);
    expect(event(again[0]?.ics ?? "")).toMatchObject({ method: "REQUEST", sequence: 2 });
  });

  it("answers notFound and cancelled", async () => {
    const { session } = await sessionWith(2, 0, { status: "cancelled" });
    const input = await editedInput(session.id, {});
    await expect(updateSession(999_999, input, { organiserId })).resolves.toEqual({
      ok: false,
      reason: "notFound",
    });
    await expect(updateSession(session.id, input, { organiserId })).resolves.toEqual({
      ok: false,
      reason: "cancelled",
    });
  });
});

describe("cancelling a session", () => {
  it("withdraws every invite, tells the people waiting, and keeps the registrations", async () => {
    const { session, registrations } = await sessionWith(2, 4);
    // Someone who had cancelled before hears nothing more.
    const { cancelRegistration } = await import("../app/models/registration.server");
    await cancelRegistration(await manageTokenOf(registrations[3]?.id));
    const mark = await lastOutboxId();

    const result = await cancelSession(session.id, {
      organiserId,
      message: "De spreker is ziek.\n\nWe plannen een nieuwe datum: <a href=x>klik</a>",
    });
    expect(result).toEqual({ ok: true, confirmed: 2, waitlisted: 1 });

    const mails = await mailsOf(session.id, mark);
    expect(mails.map((m) => [m.to_email, m.kind, m.ics_method])).toEqual([
      ["deelnemer1@example.org", "session.cancelled", "CANCEL"],
      ["deelnemer2@example.org", "session.cancelled", "CANCEL"],
      ["deelnemer3@example.org", "session.cancelled", null],
    ]);
    expect(event(mails[0]?.ics ?? "")).toMatchObject({
      method: "CANCEL",
      uid: registrations[0]?.ical_uid,
      sequence: 1,
      status: "CANCELLED",
    });
    expect(mails[0]?.subject).toMatch(/^Gaat niet door: /);
    expect(mails[0]?.text).toContain("De spreker is ziek.");
    expect(mails[0]?.html).toContain("&lt;a href=x&gt;klik&lt;/a&gt;");
    expect(mails[0]?.html).not.toContain("<a href=x>");
    // Nothing left to cancel: no "cancel your registration" link in the message.
    expect(mails[0]?.text).not.toContain("?annuleren");
    expect(mails[2]?.text).toContain("wachtlijst");

    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "confirmed",
      "confirmed",
      "waitlisted",
      "cancelled",
    ]);
    expect((await getSessionById(session.id))?.status).toBe("cancelled");
    await expect(signUp(session.slug, person(9), opts)).resolves.toEqual({
      ok: false,
      reason: "cancelled",
    });
    const [audit] = await auditOf(session.id);
    expect(audit).toMatchObject({ organiser_id: organiserId, action: "session.cancel" });
    expect(JSON.parse(audit?.details ?? "{}")).toEqual({
      confirmed: 2,
      waitlisted: 1,
      requested: 0,
      note: true,
    });

    await expect(cancelSession(session.id, { organiserId })).resolves.toEqual({
      ok: false,
      reason: "alreadyCancelled",
    });
  });

  it("refuses a session that has started, or does not exist", async () => {
    const started = await sessionFixture({
      starts_at: new Date(Date.now() - 3_600_000).toISOString(),
      ends_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await expect(cancelSession(started.id, { organiserId })).resolves.toEqual({
      ok: false,
      reason: "past",
    });
    await expect(cancelSession(999_999, { organiserId })).resolves.toEqual({
      ok: false,
      reason: "notFound",
    });
  });
});

describe("the session's own SEQUENCE", () => {
  const sequenceOf = async (id: number) => (await getSessionById(id))?.ical_sequence;

  it("goes up by one with each new time and with cancelling; other changes move its last change only", async () => {
    const { session } = await sessionWith(5, 1);
    expect(await sequenceOf(session.id)).toBe(0);
    const steps: [Partial<SessionFormValues>, number, "changed" | "same"][] = [
      [{ capacity: "6" }, 0, "same"],
      [{ remindTwoHours: "" }, 0, "same"],
      // RFC 5546 §2.1.4: SEQUENCE is for DTSTART, DTEND and DURATION; the rest is a newer DTSTAMP.
      [{ title: "Ontbijtsessie: premies" }, 0, "changed"],
      [{ summary: "Welke premies zijn er?" }, 0, "changed"],
      [{ description: "Nieuw programma" }, 0, "changed"],
      [{ startTime: "08:00" }, 1, "changed"],
      [{ endTime: "09:30" }, 2, "changed"],
      [{ venueName: "De Hoorn" }, 2, "changed"],
      [{ venueAddress: "Sluisstraat 79, 3000 Leuven" }, 2, "changed"],
      // Several at once are one change.
      [{ title: "Ontbijt", startTime: "08:15" }, 3, "changed"],
    ];
    let minute = 0;
    for (const [changes, expected, lastChange] of steps) {
      const before = await getSessionById(session.id);
      const result = await updateSession(session.id, await editedInput(session.id, changes), {
        organiserId,
        now: new Date(Date.now() + ++minute * 60_000).toISOString(),
      });
      expect(result.ok, JSON.stringify(changes)).toBe(true);
      const after = await getSessionById(session.id);
      expect(after?.ical_sequence, JSON.stringify(changes)).toBe(expected);
      // updated_at is the public event's DTSTAMP and LAST-MODIFIED.
      if (lastChange === "changed") {
        expect(
          (after?.updated_at ?? "") > (before?.updated_at ?? ""),
          JSON.stringify(changes),
        ).toBe(true);
      }
    }
    await cancelSession(session.id, { organiserId });
    expect(await sequenceOf(session.id)).toBe(4);
  });

  it("follows a correction to a session that is over, which mails nobody", async () => {
    // Whole minutes, as the form gives them: only the title changes.
    const start = Math.floor((Date.now() - 3 * DAY) / 60_000) * 60_000;
    const past = await sessionFixture({
      starts_at: new Date(start).toISOString(),
      ends_at: new Date(start + 3_600_000).toISOString(),
    });
    const values = await sessionFormValues(past.id);
    if (!values) throw new Error("no values");
    const result = await updateSession(
      past.id,
      inputFrom({ ...values, cityId: String(leuvenId), partnerIds: [], title: "Verbeterd" }),
      { organiserId },
    );
    expect(result).toMatchObject({ ok: true, reinvited: 0 });
    // A new title: the same SEQUENCE, a later last change (the event's DTSTAMP, LAST-MODIFIED).
    const corrected = await getSessionById(past.id);
    expect(corrected?.ical_sequence).toBe(0);
    expect(corrected?.title).toBe("Verbeterd");
    expect((corrected?.updated_at ?? "") > past.updated_at).toBe(true);
  });

  it("is left alone when a change is refused", async () => {
    const { session } = await sessionWith(2, 2);
    const result = await updateSession(
      session.id,
      await editedInput(session.id, { title: "Nieuw", capacity: "1" }),
      { organiserId },
    );
    expect(result).toMatchObject({ ok: false, reason: "capacityBelowConfirmed" });
    expect(await sequenceOf(session.id)).toBe(0);
  });
});

describe("the reminder switches", () => {
  it("are stored as asked, kept by the edit form and by a copy", async () => {
    const result = await createSession(
      inputFrom({ ...validFields(), date: "2027-09-09", remindTwoHours: undefined }),
      { organiserId },
    );
    if (!result.ok) throw new Error("not created");
    expect(result.session).toMatchObject({ remind_day_before: 1, remind_two_hours: 0 });
    expect(await sessionFormValues(result.session.id)).toMatchObject({
      remindDayBefore: "on",
      remindTwoHours: "",
    });
    expect(await duplicateValues(result.session.id)).toMatchObject({
      remindDayBefore: "on",
      remindTwoHours: "",
    });
    // An edit whose boxes are both left empty turns both off.
    const off = await updateSession(
      result.session.id,
      await editedInput(result.session.id, { remindDayBefore: "", remindTwoHours: "" }),
      { organiserId },
    );
    expect(off).toMatchObject({ ok: true, reinvited: 0 });
    expect(await getSessionById(result.session.id)).toMatchObject({
      remind_day_before: 0,
      remind_two_hours: 0,
      ical_sequence: 0,
    });
    expect(JSON.parse((await auditOf(result.session.id)).at(-1)?.details ?? "{}")).toMatchObject({
      fields: ["reminders"],
    });
  });
});
