import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  cancelRegistration,
  getRegistrationByToken,
  signUp,
} from "../app/models/registration.server";
import { database } from "../db/client";
import {
  addQuestions,
  createSession,
  outboxFor,
  person,
  registrationsOf,
} from "./support/factories";
import { manageTokenIn, manageTokenOf } from "./support/tokens";

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const opts = { locale: "nl-BE" as const };

describe("signing up", () => {
  it("gives a seat and queues a confirmation with a calendar invite", async () => {
    const session = await createSession({ capacity: 2 });
    await expect(
      signUp(session.slug, person(1, { name: "Annelies Peeters" }), opts),
    ).resolves.toEqual({ ok: true });

    const [registration] = await registrationsOf(session.id);
    expect(registration).toMatchObject({
      status: "confirmed",
      name: "Annelies Peeters",
      ical_sequence: 0,
    });
    // Only its hash is kept: the token is in the mail, nowhere else.
    expect(registration).not.toHaveProperty("manage_token");

    const [mail] = await outboxFor(session.id, "deelnemer1@example.org");
    expect(mail).toMatchObject({
      kind: "registration.confirmed",
      ics_method: "REQUEST",
      status: "pending",
    });
    expect(mail?.subject).toContain(session.title);
    const token = manageTokenIn(mail?.text);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(mail?.text).toContain(`http://agenda.test/inschrijving/${token}`);
    expect((await getRegistrationByToken(token))?.registration.id).toBe(registration?.id);
    const event = new ICAL.Component(ICAL.parse(mail?.ics ?? "")).getFirstSubcomponent("vevent");
    expect(event?.getFirstPropertyValue("uid")).toBe(registration?.ical_uid);
  });

  it("puts people on the waiting list, in order, once the seats are taken", async () => {
    const session = await createSession({ capacity: 2 });
    for (const n of [1, 2, 3, 4]) await signUp(session.slug, person(n), opts);
    const registrations = await registrationsOf(session.id);
    expect(registrations.map((r) => r.status)).toEqual([
      "confirmed",
      "confirmed",
      "waitlisted",
      "waitlisted",
    ]);

    const [waitlistMail] = await outboxFor(session.id, "deelnemer4@example.org");
    expect(waitlistMail?.kind).toBe("registration.waitlisted");
    expect(waitlistMail?.ics).toBeNull();
    expect(waitlistMail?.text).toContain("plaats 2");
  });

  it("gives no second seat to the same address, and mails the manage link again", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(1), opts);
    const again = await signUp(
      session.slug,
      person(1, { email: "  DEELNEMER1@Example.org " }),
      opts,
    );

    expect(again).toEqual({ ok: true });
    const registrations = await registrationsOf(session.id);
    expect(registrations).toHaveLength(1);
    const mails = await outboxFor(session.id, "deelnemer1@example.org");
    expect(mails.map((m) => m.kind)).toEqual(["registration.confirmed", "registration.reminder"]);
    // The reminder carries a link of its own, to the same registration; the first still works.
    const [first, reminded] = [manageTokenIn(mails[0]?.text), manageTokenIn(mails[1]?.text)];
    expect(reminded).not.toBe(first);
    for (const token of [first, reminded]) {
      expect((await getRegistrationByToken(token))?.registration.id).toBe(registrations[0]?.id);
    }
    // A confirmed seat gets its invite again as it stands: same UID, same SEQUENCE, so a
    // calendar that lost the event (a Decline by mistake) has it back, and one that kept it
    // sees nothing new.
    expect(mails[1]?.ics_method).toBe("REQUEST");
    const invites = mails.map((m) => {
      const calendar = new ICAL.Component(ICAL.parse(m.ics ?? ""));
      const event = calendar.getFirstSubcomponent("vevent");
      return {
        method: calendar.getFirstPropertyValue("method"),
        uid: event?.getFirstPropertyValue("uid"),
        sequence: event?.getFirstPropertyValue("sequence"),
      };
    });
    expect(invites[1]).toEqual({ ...invites[0], method: "REQUEST" });
    expect(invites[1]?.uid).toBe(registrations[0]?.ical_uid);
    expect(mails[1]?.text).toContain("De uitnodiging voor je agenda zit nog eens bij deze e-mail.");
  });

  it("re-sends the invite with the person's answer: ACCEPTED stays ACCEPTED", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(1), opts);
    const [seated] = await registrationsOf(session.id);
    // Their calendar said yes (an iTIP REPLY, app/models/inbound-mail.server.ts).
    await database()
      .db.updateTable("registrations")
      .set({ calendar_reply: "accepted", calendar_replied_at: new Date().toISOString() })
      .where("id", "=", seated?.id ?? 0)
      .execute();
    await signUp(session.slug, person(1), opts);
    const again = (await outboxFor(session.id, "deelnemer1@example.org")).at(-1);
    expect(again).toMatchObject({ kind: "registration.reminder", ics_method: "REQUEST" });
    const attendee = new ICAL.Component(ICAL.parse(again?.ics ?? ""))
      .getFirstSubcomponent("vevent")
      ?.getFirstProperty("attendee");
    expect(attendee?.getParameter("partstat")).toBe("ACCEPTED");
  });

  it("re-sends the invite at its current SEQUENCE after it changed, and none to someone waiting", async () => {
    const session = await createSession({ capacity: 1 });
    await signUp(session.slug, person(1), opts);
    await signUp(session.slug, person(2), opts);
    const [seated] = await registrationsOf(session.id);
    // Two changed invites went out since (a moved session).
    await database()
      .db.updateTable("registrations")
      .set({ ical_sequence: 2 })
      .where("id", "=", seated?.id ?? 0)
      .execute();
    await signUp(session.slug, person(1), opts);
    await signUp(session.slug, person(2), opts);

    const seatedMails = await outboxFor(session.id, "deelnemer1@example.org");
    const again = seatedMails.at(-1);
    expect(again).toMatchObject({ kind: "registration.reminder", ics_method: "REQUEST" });
    const event = new ICAL.Component(ICAL.parse(again?.ics ?? "")).getFirstSubcomponent("vevent");
    expect(event?.getFirstPropertyValue("uid")).toBe(seated?.ical_uid);
    expect(event?.getFirstPropertyValue("sequence")).toBe(2);

    const waiting = (await outboxFor(session.id, "deelnemer2@example.org")).at(-1);
    expect(waiting).toMatchObject({ kind: "registration.reminder", ics: null, ics_method: null });
    expect(waiting?.text).toContain("op plaats 1");
  });

  it("stores the answers with the registration, and none for an address already signed up", async () => {
    const session = await createSession({ kind: "breakfast" });
    const [dietary = 0] = await addQuestions(session.id);
    const answers = (value: string) => [{ questionId: dietary, value }];
    await signUp(session.slug, person(2, { answers: answers("Glutenvrij") }), opts);
    // The same address again: the manage link is mailed again, nothing else is stored.
    await signUp(session.slug, person(2, { answers: answers("Veganistisch") }), opts);
    const [registration] = await registrationsOf(session.id);
    const stored = await database()
      .db.selectFrom("registration_answers")
      .selectAll()
      .where("question_id", "=", dietary)
      .execute();
    expect(stored).toEqual([
      { registration_id: registration?.id, question_id: dietary, value: "Glutenvrij" },
    ]);
  });

  it.each([
    ["cancelled", { status: "cancelled" as const }],
    ["past", { starts_at: inHours(-2), ends_at: inHours(-1) }],
    ["closed", { registration_closes_at: inHours(-1) }],
    ["notYetOpen", { registration_opens_at: inHours(24) }],
  ])("refuses a sign-up when the session is %s, and stores nothing", async (reason, fields) => {
    const session = await createSession(fields);
    await expect(signUp(session.slug, person(1), opts)).resolves.toEqual({ ok: false, reason });
    expect(await registrationsOf(session.id)).toEqual([]);
    expect(await outboxFor(session.id, "deelnemer1@example.org")).toEqual([]);
  });

  it("answers notFound for a session that does not exist", async () => {
    await expect(signUp("bestaat-niet", person(1), opts)).resolves.toEqual({
      ok: false,
      reason: "notFound",
    });
  });
});

describe("cancelling", () => {
  it("frees the seat, sends METHOD:CANCEL with a raised SEQUENCE and promotes the first person waiting", async () => {
    const session = await createSession({ capacity: 1 });
    for (const n of [1, 2, 3]) await signUp(session.slug, person(n), opts);
    const [first, second, third] = await registrationsOf(session.id);

    await expect(cancelRegistration(await manageTokenOf(first?.id))).resolves.toEqual({
      ok: true,
      promoted: 1,
      previousStatus: "confirmed",
    });

    const after = await registrationsOf(session.id);
    expect(after.map((r) => r.status)).toEqual(["cancelled", "confirmed", "waitlisted"]);
    expect(after[0]?.ical_sequence).toBe(1);

    const cancelMail = (await outboxFor(session.id, "deelnemer1@example.org")).at(-1);
    expect(cancelMail).toMatchObject({ kind: "registration.cancelled", ics_method: "CANCEL" });
    const cancelEvent = new ICAL.Component(ICAL.parse(cancelMail?.ics ?? "")).getFirstSubcomponent(
      "vevent",
    );
    expect(cancelEvent?.getFirstPropertyValue("uid")).toBe(first?.ical_uid);
    expect(cancelEvent?.getFirstPropertyValue("sequence")).toBe(1);
    expect(cancelEvent?.getFirstPropertyValue("status")).toBe("CANCELLED");

    const promotedMail = (await outboxFor(session.id, "deelnemer2@example.org")).at(-1);
    expect(promotedMail).toMatchObject({ kind: "registration.promoted", ics_method: "REQUEST" });
    expect(promotedMail?.ics).toContain(second?.ical_uid);
    expect(await outboxFor(session.id, "deelnemer3@example.org")).toHaveLength(1);
    expect((await getRegistrationByToken(await manageTokenOf(third?.id)))?.waitlistPosition).toBe(
      1,
    );
  });

  it("takes someone off the waiting list without touching the seats", async () => {
    const session = await createSession({ capacity: 1 });
    for (const n of [1, 2]) await signUp(session.slug, person(n), opts);
    const [, waiting] = await registrationsOf(session.id);
    await expect(cancelRegistration(await manageTokenOf(waiting?.id))).resolves.toEqual({
      ok: true,
      promoted: 0,
      previousStatus: "waitlisted",
    });
    const mail = (await outboxFor(session.id, "deelnemer2@example.org")).at(-1);
    expect(mail).toMatchObject({ kind: "registration.cancelled", ics: null });
    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "confirmed",
      "cancelled",
    ]);
  });

  it("is idempotent and lets the person sign up again afterwards", async () => {
    const session = await createSession({ capacity: 3 });
    await signUp(session.slug, person(1), opts);
    const [registration] = await registrationsOf(session.id);
    const token = await manageTokenOf(registration?.id);
    await cancelRegistration(token);
    await expect(cancelRegistration(token)).resolves.toEqual({
      ok: false,
      reason: "alreadyCancelled",
    });
    await signUp(session.slug, person(1), opts);
    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "cancelled",
      "confirmed",
    ]);
  });

  it("rejects an unknown token", async () => {
    await expect(cancelRegistration("not-a-token")).resolves.toEqual({
      ok: false,
      reason: "notFound",
    });
  });
});

describe("capacity under concurrent sign-ups", () => {
  it("never confirms more people than there are seats", async () => {
    const session = await createSession({ capacity: 5 });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) => signUp(session.slug, person(n), opts)),
    );
    expect(results.every((r) => r.ok)).toBe(true);

    const registrations = await registrationsOf(session.id);
    expect(registrations.filter((r) => r.status === "confirmed")).toHaveLength(5);
    expect(registrations.filter((r) => r.status === "waitlisted")).toHaveLength(35);
    const { db } = database();
    const mails = await db
      .selectFrom("outbox")
      .select("kind")
      .where(
        "registration_id",
        "in",
        registrations.map((r) => r.id),
      )
      .execute();
    expect(mails.filter((m) => m.kind === "registration.confirmed")).toHaveLength(5);
    expect(mails.filter((m) => m.kind === "registration.waitlisted")).toHaveLength(35);
  });

  it("promotes exactly one waiting person per freed seat when people cancel at once", async () => {
    const session = await createSession({ capacity: 3 });
    for (let n = 0; n < 8; n++) await signUp(session.slug, person(n), opts);
    const confirmed = (await registrationsOf(session.id)).filter((r) => r.status === "confirmed");
    await Promise.all(
      (await Promise.all(confirmed.map((r) => manageTokenOf(r.id)))).map((t) =>
        cancelRegistration(t),
      ),
    );
    const after = await registrationsOf(session.id);
    expect(after.map((r) => r.status)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
      "confirmed",
      "confirmed",
      "confirmed",
      "waitlisted",
      "waitlisted",
    ]);
  });
});
