import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { personSchema } from "../app/lib/registration-form";
import {
  addAttendee,
  cancelAttendee,
  findByCheckinCode,
  listAttendees,
  messageAttendees,
  moveOnWaitlist,
  sessionIdOfRegistration,
  setCheckedIn,
} from "../app/models/attendee.server";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { processOutbox } from "../worker/outbox.server";
import { smtpTransport } from "../worker/transport.server";
import {
  createSession,
  lastOutboxId,
  mailsOf,
  person,
  registrationsOf,
  rendered,
} from "./support/factories";
import { parsed } from "./support/forms";
import { startMailbox } from "./support/mailbox";
import { checkinCodeOf } from "./support/tokens";

const HOUR = 3_600_000;
const opts = { locale: "nl-BE" as const };
let organiserId: number;

beforeAll(async () => {
  const now = new Date().toISOString();
  organiserId = (
    await database()
      .db.insertInto("organisers")
      .values({
        email: "balie@leuven.test",
        name: "Balie Leuven",
        password_hash: "scrypt$test",
        role: "organiser",
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});

/** A session with people signed up in order: deelnemer1@…, deelnemer2@…, … */
async function sessionWith(capacity: number, people: number, overrides = {}) {
  const session = await createSession({ capacity, ...overrides });
  for (let n = 1; n <= people; n++) await signUp(session.slug, person(n), opts);
  return { session, registrations: await registrationsOf(session.id) };
}

async function mailsTo(email: string) {
  return database()
    .db.selectFrom("outbox")
    .selectAll()
    .where("to_email", "=", email)
    .orderBy("id")
    .execute()
    .then(rendered);
}

async function auditOf(subjectType: string, subjectId: number) {
  return database()
    .db.selectFrom("audit_log")
    .selectAll()
    .where("subject_type", "=", subjectType)
    .where("subject_id", "=", subjectId)
    .orderBy("id")
    .execute();
}

const queueOf = async (sessionId: number) =>
  (await listAttendees(sessionId))?.waitlisted.map((a) => `${a.position}:${a.name}`);

describe("the attendee list", () => {
  it("lists the confirmed by name and the waiting list in order, with the session's counts", async () => {
    const session = await createSession({ capacity: 3 });
    const people = [
      { name: "Jan Peeters", email: "JAN.peeters@Example.org", organisation: "Unizo" },
      { name: "Élise Dubois", email: "elise@example.org", organisation: "Voka Vlaams-Brabant" },
      { name: "Bram Claes", email: "bram@example.org", organisation: null },
      { name: "Sara Janssens", email: "sara@brouwerij.be", organisation: "Brouwerij Jan" },
      { name: "Ahmed Benali", email: "ahmed@example.org", organisation: null },
    ];
    for (const [n, fields] of people.entries()) {
      await signUp(session.slug, person(n, fields), opts);
    }
    const [jan] = await registrationsOf(session.id);
    await setCheckedIn(jan?.id ?? 0, true, { organiserId });

    const all = await listAttendees(session.id);
    expect(all?.confirmed.map((a) => a.name)).toEqual([
      "Bram Claes",
      "Élise Dubois",
      "Jan Peeters",
    ]);
    expect(all?.waitlisted.map((a) => [a.position, a.name])).toEqual([
      [1, "Sara Janssens"],
      [2, "Ahmed Benali"],
    ]);
    expect(all?.counts).toEqual({
      capacity: 3,
      confirmed: 3,
      waitlisted: 2,
      present: 1,
      absent: 2,
      walkIns: 0,
    });
    expect(all?.confirmed[2]).toMatchObject({
      email: "JAN.peeters@Example.org",
      status: "confirmed",
      source: "public",
      sessionId: session.id,
    });
    expect(all?.confirmed[2]).not.toHaveProperty("manage_token");

    const names = async (search: string) => {
      const list = await listAttendees(session.id, { search });
      return [...(list?.confirmed ?? []), ...(list?.waitlisted ?? [])].map((a) => a.name);
    };
    // Name, email and organisation; any case, with or without accents.
    expect(await names("ELISE")).toEqual(["Élise Dubois"]);
    expect(await names("élise")).toEqual(["Élise Dubois"]);
    expect(await names("voka")).toEqual(["Élise Dubois"]);
    expect(await names("jan.PEETERS@example")).toEqual(["Jan Peeters"]);
    expect(await names("jan")).toEqual(["Jan Peeters", "Sara Janssens"]);
    expect(await names("peeters jan")).toEqual(["Jan Peeters"]);
    expect(await names("%")).toEqual([]);
    // A search keeps the counts and the real places in the queue.
    const ahmed = await listAttendees(session.id, { search: "benali" });
    expect(ahmed?.waitlisted.map((a) => a.position)).toEqual([2]);
    expect(ahmed?.counts.waitlisted).toBe(2);

    expect(await listAttendees(999_999)).toBeNull();
  });
});

describe("adding someone by hand", () => {
  it("gives a seat with the normal confirmation, even when the sign-up window is closed", async () => {
    const { session } = await sessionWith(2, 1, {
      registration_closes_at: new Date().toISOString(),
    });
    const result = await addAttendee(
      session.id,
      person(7, { name: "Walter Wauters", email: "walter@example.org" }),
      { organiserId, locale: "nl-BE" },
    );
    expect(result).toMatchObject({ ok: true, status: "confirmed" });
    const [registration] = (await registrationsOf(session.id)).slice(-1);
    expect(registration).toMatchObject({ status: "confirmed", source: "organiser" });
    // Its confirmation carries a check-in code of its own (stored as a hash).
    const codes = await database()
      .db.selectFrom("registration_tokens")
      .select("token_hash")
      .where("registration_id", "=", registration?.id ?? 0)
      .where("purpose", "=", "checkin")
      .execute();
    expect(codes).toHaveLength(1);
    const [mail] = await mailsTo("walter@example.org");
    expect(mail).toMatchObject({ kind: "registration.confirmed", ics_method: "REQUEST" });
    const [audit] = await auditOf("registration", registration?.id ?? 0);
    expect(audit).toMatchObject({ organiser_id: organiserId, action: "registration.add" });
    // By id only: the name is looked up when the log is shown.
    expect(JSON.parse(audit?.details ?? "{}")).toEqual({ sessionId: session.id, position: 0 });
    expect(JSON.stringify(audit)).not.toContain("Walter");
  });

  it("takes the desk's form without the visitor's consent box, with the sign-up form's checks", async () => {
    const { session } = await sessionWith(3, 0, { kind: "info" });
    const form = new FormData();
    form.set("name", "  Lies Maes ");
    form.set("email", "lies@example.org");
    form.set("enterpriseNumber", "0123.456.789");
    expect(parsed(personSchema, form)).toEqual({
      ok: false,
      errors: { enterpriseNumber: "errors.enterpriseNumber.invalid" },
    });
    form.set("enterpriseNumber", "BE 0123 456 749");
    const desk = parsed(personSchema, form);
    if (!desk.ok) throw new Error("expected a valid form");
    await expect(
      addAttendee(session.id, desk.data, { organiserId, locale: "nl-BE" }),
    ).resolves.toMatchObject({ ok: true, status: "confirmed" });
    expect((await registrationsOf(session.id))[0]).toMatchObject({
      name: "Lies Maes",
      enterprise_number: "0123.456.749",
      source: "organiser",
    });
  });

  it("puts them on the waiting list of a full session", async () => {
    const { session } = await sessionWith(1, 2);
    const result = await addAttendee(session.id, person(8), { organiserId, locale: "nl-BE" });
    expect(result).toMatchObject({ ok: true, status: "waitlisted", position: 2 });
    const [mail] = await mailsTo("deelnemer8@example.org");
    expect(mail).toMatchObject({ kind: "registration.waitlisted", ics: null });
    expect(mail?.text).toContain("plaats 2");
  });

  it("makes no second registration for an address, and says so", async () => {
    const { session, registrations } = await sessionWith(1, 2);
    const mark = await lastOutboxId();
    await expect(
      addAttendee(session.id, person(2, { email: " Deelnemer2@EXAMPLE.org" }), {
        organiserId,
        locale: "nl-BE",
      }),
    ).resolves.toMatchObject({
      ok: false,
      reason: "alreadyRegistered",
      registrationId: registrations[1]?.id,
      status: "waitlisted",
    });
    expect(await registrationsOf(session.id)).toHaveLength(2);
    expect(await mailsOf(session.id, mark)).toEqual([]);
  });

  it("refuses a cancelled session, and one that does not exist", async () => {
    const { session } = await sessionWith(5, 0, { status: "cancelled" });
    const add = (id: number) => addAttendee(id, person(1), { organiserId, locale: "nl-BE" });
    await expect(add(session.id)).resolves.toMatchObject({ ok: false, reason: "cancelled" });
    await expect(add(999_999)).resolves.toMatchObject({ ok: false, reason: "notFound" });
    expect(await registrationsOf(session.id)).toEqual([]);
  });
});

describe("cancelling for an attendee", () => {
  it("works as their own cancellation, CANCEL and promotion included, and is audited", async () => {
    const { session, registrations } = await sessionWith(1, 3);
    const [first, second] = registrations;
    await expect(cancelAttendee(first?.id ?? 0, { organiserId })).resolves.toMatchObject({
      ok: true,
      promoted: 1,
    });
    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "cancelled",
      "confirmed",
      "waitlisted",
    ]);
    const cancelMail = (await mailsTo("deelnemer1@example.org")).at(-1);
    expect(cancelMail).toMatchObject({ kind: "registration.cancelled", ics_method: "CANCEL" });
    const vevent = new ICAL.Component(ICAL.parse(cancelMail?.ics ?? "")).getFirstSubcomponent(
      "vevent",
    );
    expect(vevent?.getFirstPropertyValue("uid")).toBe(first?.ical_uid);
    expect(vevent?.getFirstPropertyValue("sequence")).toBe(1);
    expect((await mailsTo("deelnemer2@example.org")).at(-1)?.kind).toBe("registration.promoted");

    const [audit] = await auditOf("registration", first?.id ?? 0);
    expect(audit).toMatchObject({ organiser_id: organiserId, action: "registration.cancel" });
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({
      was: "confirmed",
      promoted: [second?.id],
    });

    await expect(cancelAttendee(first?.id ?? 0, { organiserId })).resolves.toMatchObject({
      ok: false,
      reason: "alreadyCancelled",
    });
    await expect(cancelAttendee(999_999, { organiserId })).resolves.toMatchObject({
      ok: false,
      reason: "notFound",
    });
  });
});

describe("the order of the waiting list", () => {
  it("moves someone up and down by swapping with the neighbour, ties included", async () => {
    const { session, registrations } = await sessionWith(1, 5);
    // People who signed up in the same millisecond share a queue position: id breaks the tie.
    await database()
      .db.updateTable("registrations")
      .set({ queue_position: 1_000 })
      .where("session_id", "=", session.id)
      .where("status", "=", "waitlisted")
      .execute();
    const [, two, three, , five] = registrations;
    expect(await queueOf(session.id)).toEqual([
      "1:Deelnemer 2",
      "2:Deelnemer 3",
      "3:Deelnemer 4",
      "4:Deelnemer 5",
    ]);

    await expect(moveOnWaitlist(five?.id ?? 0, "up", { organiserId })).resolves.toMatchObject({
      ok: true,
      position: 3,
    });
    await expect(moveOnWaitlist(two?.id ?? 0, "down", { organiserId })).resolves.toMatchObject({
      ok: true,
      position: 2,
    });
    expect(await queueOf(session.id)).toEqual([
      "1:Deelnemer 3",
      "2:Deelnemer 2",
      "3:Deelnemer 5",
      "4:Deelnemer 4",
    ]);
    await expect(moveOnWaitlist(three?.id ?? 0, "up", { organiserId })).resolves.toMatchObject({
      ok: false,
      reason: "alreadyFirst",
    });
    const four = registrations[3];
    await expect(moveOnWaitlist(four?.id ?? 0, "down", { organiserId })).resolves.toMatchObject({
      ok: false,
      reason: "alreadyLast",
    });
    await expect(moveOnWaitlist(registrations[0]?.id ?? 0, "up", { organiserId })).resolves.toEqual(
      { ok: false, reason: "notWaitlisted" },
    );
    await expect(moveOnWaitlist(999_999, "up", { organiserId })).resolves.toMatchObject({
      ok: false,
      reason: "notFound",
    });

    const [audit] = await auditOf("registration", five?.id ?? 0);
    expect(audit).toMatchObject({
      organiser_id: organiserId,
      action: "registration.moveOnWaitlist",
    });
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({ direction: "up", from: 4, to: 3 });

    // The next free seat follows the new order.
    await cancelAttendee(registrations[0]?.id ?? 0, { organiserId });
    expect((await listAttendees(session.id))?.confirmed.map((a) => a.name)).toEqual([
      "Deelnemer 3",
    ]);
  });
});

describe("check-in", () => {
  it("marks people present and back, finds them by their QR code, and keeps the counts", async () => {
    const { session, registrations } = await sessionWith(2, 3);
    const [first, second, waiting] = registrations;
    expect(await sessionIdOfRegistration(first?.id ?? 0)).toBe(session.id);
    expect(await sessionIdOfRegistration(999_999)).toBeNull();

    const found = await findByCheckinCode(await checkinCodeOf(first?.id));
    expect(found).toMatchObject({ id: first?.id, sessionId: session.id, name: "Deelnemer 1" });
    expect(await findByCheckinCode("bestaat-niet")).toBeNull();
    expect(await findByCheckinCode("")).toBeNull();

    const at = "2026-12-03T07:35:00.000Z";
    await expect(
      setCheckedIn(first?.id ?? 0, true, { organiserId, now: at }),
    ).resolves.toMatchObject({
      ok: true,
      checkedInAt: at,
    });
    // Scanning twice keeps the first moment.
    await expect(
      setCheckedIn(first?.id ?? 0, true, { organiserId, now: "2026-12-03T08:00:00.000Z" }),
    ).resolves.toMatchObject({ ok: true, checkedInAt: at });
    await setCheckedIn(second?.id ?? 0, true, { organiserId });
    expect((await listAttendees(session.id))?.counts).toMatchObject({ present: 2, absent: 0 });

    await expect(setCheckedIn(second?.id ?? 0, false, { organiserId })).resolves.toMatchObject({
      ok: true,
      checkedInAt: null,
    });
    expect((await listAttendees(session.id))?.counts).toMatchObject({ present: 1, absent: 1 });
    expect((await findByCheckinCode(await checkinCodeOf(second?.id)))?.checkedInAt).toBeNull();

    await expect(setCheckedIn(waiting?.id ?? 0, true, { organiserId })).resolves.toMatchObject({
      ok: false,
      reason: "notConfirmed",
    });
    await expect(setCheckedIn(999_999, true, { organiserId })).resolves.toMatchObject({
      ok: false,
      reason: "notFound",
    });
    const audit = await auditOf("registration", second?.id ?? 0);
    expect(audit.map((a) => a.action)).toEqual([
      "registration.checkIn",
      "registration.checkInUndone",
    ]);
  });
});

describe("messaging attendees", () => {
  it("reaches exactly the chosen group, one mail each, as text", async () => {
    const { session, registrations } = await sessionWith(3, 5);
    await setCheckedIn(registrations[1]?.id ?? 0, true, { organiserId });
    await cancelAttendee(registrations[2]?.id ?? 0, { organiserId });
    // Now: 1, 2 (present), 4 confirmed; 5 waiting; 3 cancelled.

    const send = async (audience: "confirmed" | "waitlisted" | "present") => {
      const mark = await lastOutboxId();
      const result = await messageAttendees(
        session.id,
        {
          audience,
          subject: "Parkeren",
          body: "Parkeer in de Ladeuzeparking.\n\n<script>alert(1)</script><b>Tot dan!</b>",
        },
        { organiserId },
      );
      const mails = await mailsOf(session.id, mark);
      return { result, to: mails.map((m) => m.to_email), mails };
    };

    const confirmed = await send("confirmed");
    expect(confirmed.result).toEqual({ ok: true, queued: 3 });
    expect(confirmed.to).toEqual([
      "deelnemer1@example.org",
      "deelnemer2@example.org",
      "deelnemer4@example.org",
    ]);
    const [mail] = confirmed.mails;
    expect(mail).toMatchObject({ kind: "organiser.message", ics: null });
    expect(mail?.subject).toBe(`Parkeren – ${session.title}`);
    expect(mail?.text).toContain("Parkeer in de Ladeuzeparking.");
    expect(mail?.html).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Tot dan!&lt;/b&gt;",
    );
    expect(mail?.html).not.toContain("<script>");
    expect(mail?.html).not.toContain("<b>Tot dan");

    expect((await send("waitlisted")).to).toEqual(["deelnemer5@example.org"]);
    expect((await send("present")).to).toEqual(["deelnemer2@example.org"]);

    const audit = (await auditOf("session", session.id)).map((a) => JSON.parse(a.details ?? "{}"));
    expect(audit).toHaveLength(3);
    // The subject line is the organiser's own text: not kept in the log.
    expect(audit[0]).toEqual({ audience: "confirmed", recipients: 3 });
  });

  it("keeps a subject to one line, so it cannot add a header", async () => {
    const { session } = await sessionWith(2, 1);
    const mark = await lastOutboxId();
    const result = await messageAttendees(
      session.id,
      {
        audience: "confirmed",
        subject: "Nieuws\r\nBcc: stiekem@example.org\r\n\r\nEn meer",
        body: "Hallo",
      },
      { organiserId },
    );
    expect(result).toEqual({ ok: true, queued: 1 });
    const [queued] = await mailsOf(session.id, mark);
    expect(queued?.subject).toBe(`Nieuws Bcc: stiekem@example.org En meer – ${session.title}`);

    const { db } = database();
    await db
      .updateTable("outbox")
      .set({ status: "sent" })
      .where("status", "=", "pending")
      .where("id", "<>", queued?.id ?? 0)
      .execute();
    const mailbox = await startMailbox();
    const transport = smtpTransport(mailbox.url);
    try {
      await expect(processOutbox(transport)).resolves.toMatchObject({ sent: 1, failed: 0 });
      const received = await mailbox.waitFor((m) =>
        m.envelopeTo.includes("deelnemer1@example.org"),
      );
      expect(received.envelopeTo).toEqual(["deelnemer1@example.org"]);
      expect(received.parsed.headers.has("bcc")).toBe(false);
      expect(received.parsed.headers.has("reply-to")).toBe(false);
      expect(received.parsed.subject).toContain("Nieuws Bcc: stiekem@example.org");
    } finally {
      transport.close();
      await mailbox.close();
    }
  });

  it("refuses an empty message or an unknown session, and queues nothing", async () => {
    const { session } = await sessionWith(2, 1);
    const mark = await lastOutboxId();
    const message = { audience: "confirmed" as const, subject: "\r\n", body: "Hallo" };
    await expect(messageAttendees(session.id, message, { organiserId })).resolves.toMatchObject({
      ok: false,
      reason: "empty",
    });
    await expect(
      messageAttendees(session.id, { ...message, subject: "Hoi", body: " " }, { organiserId }),
    ).resolves.toMatchObject({ ok: false, reason: "empty" });
    await expect(
      messageAttendees(999_999, { ...message, subject: "Hoi" }, { organiserId }),
    ).resolves.toMatchObject({ ok: false, reason: "notFound" });
    expect(await mailsOf(session.id, mark)).toEqual([]);
  });

  it("answers nothing queued for a group with nobody in it", async () => {
    const { session } = await sessionWith(2, 1);
    await expect(
      messageAttendees(
        session.id,
        { audience: "present", subject: "Bedankt", body: "Fijn dat je er was." },
        { organiserId, now: new Date(Date.now() + 200 * HOUR).toISOString() },
      ),
    ).resolves.toMatchObject({ ok: true, queued: 0 });
  });
});
