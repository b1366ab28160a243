import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, i18n } from "../app/i18n";
import { applyRetention } from "../app/models/personal-data.server";
import { signUp } from "../app/models/registration.server";
import { closeRequestsAtStart } from "../app/models/request.server";
import { database } from "../db/client";
import { workerDuties } from "../worker/duties.server";
import { createSession, outboxFor, person, registrationsOf } from "./support/factories";
import { asHtml, expectNoticeOnce } from "./support/form-page";
import { cookieFrom, send } from "./support/http";
import { signedInForCity } from "./support/organisers";
import { manageTokenIn } from "./support/tokens";

/**
 * Sessions that require approval, through real HTTP against the built app: a sign-up is a
 * request that holds no seat, an organiser approves it (a seat and the invite) or declines it
 * (a mail, with their reason), the person may withdraw it, and the worker closes what is still
 * open when the session begins.
 */

const { db } = database();
const { t } = i18n(DEFAULT_LOCALE);
const HOUR = 3_600_000;

/** A session that requires approval, and the cookie of an organiser of its city. */
async function approvalSession(overrides: Parameters<typeof createSession>[0] = {}) {
  const session = await createSession({ requires_approval: 1, kind: "forum", ...overrides });
  const organiser = await signedInForCity(session.city_id);
  return { session, organiser };
}

/** The public sign-up form, posted as a browser posts it. */
function signUpOverHttp(slug: string, n: number) {
  const { name, email } = person(n);
  return send(`/sessies/${slug}`, { form: { name, email, consent: "on" } });
}

async function registrationOf(sessionId: number, n: number) {
  return db
    .selectFrom("registrations")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("email_normalized", "=", person(n).email)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
}

/** An organiser's decision on a request, posted from the session's workspace page. */
function decide(
  sessionId: number,
  cookie: string,
  form: { intent: "approve" | "decline"; registrationId: number; reason?: string },
) {
  return send(`/beheer/sessies/${sessionId}`, {
    cookie,
    form: { ...form, registrationId: String(form.registrationId) },
  });
}

async function auditOf(registrationId: number) {
  return db
    .selectFrom("audit_log")
    .select(["action", "details"])
    .where("subject_type", "=", "registration")
    .where("subject_id", "=", registrationId)
    .orderBy("id")
    .execute();
}

describe("a session that requires approval", () => {
  it("takes a sign-up as a request: a receipt without a calendar part, no seat, and the thank-you page says so", async () => {
    const { session } = await approvalSession({ capacity: 2 });
    const page = await (await send(`/sessies/${session.slug}`)).text();
    expect(page).toContain(asHtml(t("signup.approvalNotice")));
    expect(page).toContain(t("signup.submitRequest"));

    const answer = await signUpOverHttp(session.slug, 1);
    expect(answer.status).toBe(302);
    const thanks = await send(answer.headers.get("Location") ?? "", {
      cookie: cookieFrom(answer),
    });
    const thanksHtml = await thanks.text();
    expect(thanksHtml).toContain(t("thanks.requested.title"));
    expect(thanksHtml).not.toContain(t("thanks.title"));

    const registration = await registrationOf(session.id, 1);
    expect(registration).toMatchObject({ status: "requested", confirmed_at: null });
    const [mail, ...more] = await outboxFor(session.id, person(1).email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ kind: "registration.requested", ics: null, ics_method: null });
    expect(mail?.subject).toBe(t("email.requested.subject", { title: session.title }));
    expect(mail?.text).not.toMatch(/BEGIN:VCALENDAR/);

    // No seat is taken: the page still counts both seats as free.
    const after = await (await send(`/sessies/${session.slug}`)).text();
    expect(after).toContain(t("session.seatsTaken", { confirmed: 0, capacity: 2, waiting: 0 }));
  });

  it("keeps taking requests once every seat is given, and never gives a seat by itself", async () => {
    const { session } = await approvalSession({ capacity: 1 });
    for (const n of [1, 2, 3]) expect((await signUpOverHttp(session.slug, n)).status).toBe(302);
    const statuses = (await registrationsOf(session.id)).map((r) => r.status);
    expect(statuses).toEqual(["requested", "requested", "requested"]);
  });

  it("approves a request: the seat and the invite, exactly as a sign-up with a seat", async () => {
    const { session, organiser } = await approvalSession({ capacity: 2 });
    await signUpOverHttp(session.slug, 1);
    await signUpOverHttp(session.slug, 2);
    const first = await registrationOf(session.id, 1);

    const workspace = await (
      await send(`/beheer/sessies/${session.id}`, { cookie: organiser })
    ).text();
    expect(workspace).toContain(t("requests.title", { count: 2 }));
    // In order of arrival, with the person's details.
    const one = workspace.indexOf(person(1).email);
    const two = workspace.indexOf(person(2).email);
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one);

    const approved = await decide(session.id, organiser, {
      intent: "approve",
      registrationId: first.id,
    });
    await expectNoticeOnce(
      approved,
      t("requests.done.approved", { name: person(1).name }),
      organiser,
    );
    expect(await registrationOf(session.id, 1)).toMatchObject({ status: "confirmed" });
    const mails = await outboxFor(session.id, person(1).email);
    expect(mails.map((m) => m.kind)).toEqual(["registration.requested", "registration.confirmed"]);
    expect(mails[1]).toMatchObject({ ics_method: "REQUEST" });
    expect(mails[1]?.ics).toContain(`UID:${first.ical_uid}`);
    expect((await auditOf(first.id)).map((entry) => entry.action)).toEqual([
      "registration.approve",
    ]);

    // Deciding it again changes nothing, and says why.
    const again = await decide(session.id, organiser, {
      intent: "approve",
      registrationId: first.id,
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(
      asHtml(t("requests.refused.notRequested", { name: person(1).name })),
    );
    expect(await outboxFor(session.id, person(1).email)).toHaveLength(2);
  });

  it("declines a request with a polite mail that carries the reason; the log says only that there was one", async () => {
    const { session, organiser } = await approvalSession();
    await signUpOverHttp(session.slug, 1);
    const request = await registrationOf(session.id, 1);
    const reason =
      "De jury koos dit jaar voor teams met een prototype.\n\nProbeer het volgend jaar opnieuw!";

    const declined = await decide(session.id, organiser, {
      intent: "decline",
      registrationId: request.id,
      reason,
    });
    await expectNoticeOnce(
      declined,
      t("requests.done.declined", { name: person(1).name }),
      organiser,
    );
    expect(await registrationOf(session.id, 1)).toMatchObject({
      status: "declined",
      decline_reason: reason,
      confirmed_at: null,
    });
    const mail = (await outboxFor(session.id, person(1).email)).at(-1);
    expect(mail).toMatchObject({ kind: "registration.requestDeclined", ics: null });
    expect(mail?.text).toContain("De jury koos dit jaar voor teams met een prototype.");
    expect(mail?.text).toContain("Probeer het volgend jaar opnieuw!");
    const [entry] = await auditOf(request.id);
    expect(entry?.action).toBe("registration.decline");
    expect(JSON.parse(entry?.details ?? "{}")).toEqual({ sessionId: session.id, reason: "given" });

    // The person's own page (the link of the receipt) says so, with the reason.
    const [receipt] = await outboxFor(session.id, person(1).email);
    const manage = await send(`/inschrijving/${manageTokenIn(receipt?.text)}`);
    const manageHtml = await manage.text();
    expect(manageHtml).toContain(asHtml(t("manage.status.declined")));
    expect(manageHtml).toContain("De jury koos dit jaar voor teams met een prototype.");

    // A declined request is history: the same address may ask again.
    expect((await signUpOverHttp(session.slug, 1)).status).toBe(302);
    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "declined",
      "requested",
    ]);
  });

  it("declines without a reason too", async () => {
    const { session, organiser } = await approvalSession();
    await signUpOverHttp(session.slug, 1);
    const request = await registrationOf(session.id, 1);
    const declined = await decide(session.id, organiser, {
      intent: "decline",
      registrationId: request.id,
    });
    expect(declined.status).toBe(302);
    expect(await registrationOf(session.id, 1)).toMatchObject({ decline_reason: null });
    const mail = (await outboxFor(session.id, person(1).email)).at(-1);
    expect(mail?.kind).toBe("registration.requestDeclined");
    expect(mail?.text).not.toContain(t("email.requestDeclined.reason"));
    const [entry] = await auditOf(request.id);
    expect(JSON.parse(entry?.details ?? "{}")).toMatchObject({ reason: "none" });
  });

  it("refuses to approve beyond the seats, and says what to do", async () => {
    const { session, organiser } = await approvalSession({ capacity: 1 });
    await signUpOverHttp(session.slug, 1);
    await signUpOverHttp(session.slug, 2);
    const [first, second] = await registrationsOf(session.id);
    expect(
      (await decide(session.id, organiser, { intent: "approve", registrationId: first?.id ?? 0 }))
        .status,
    ).toBe(302);

    const full = await decide(session.id, organiser, {
      intent: "approve",
      registrationId: second?.id ?? 0,
    });
    expect(full.status).toBe(409);
    expect(await full.text()).toContain(
      asHtml(t("requests.refused.full", { name: person(2).name, capacity: 1 })),
    );
    expect((await registrationsOf(session.id)).map((r) => r.status)).toEqual([
      "confirmed",
      "requested",
    ]);
  });

  it("gives the last seat once when two organisers approve at the same moment", async () => {
    const { session, organiser } = await approvalSession({ capacity: 1 });
    const colleague = await signedInForCity(session.city_id);
    await signUpOverHttp(session.slug, 1);
    await signUpOverHttp(session.slug, 2);
    const [first, second] = await registrationsOf(session.id);

    const answers = await Promise.all([
      decide(session.id, organiser, { intent: "approve", registrationId: first?.id ?? 0 }),
      decide(session.id, colleague, { intent: "approve", registrationId: second?.id ?? 0 }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 409]);
    const statuses = (await registrationsOf(session.id)).map((r) => r.status).sort();
    expect(statuses).toEqual(["confirmed", "requested"]);
    // The one refused is told why, and what to do: raise the capacity or decline.
    const waiting = (await registrationsOf(session.id)).find((r) => r.status === "requested");
    const refused = await answers.find((answer) => answer.status === 409)?.text();
    expect(refused).toContain(
      asHtml(t("requests.refused.full", { name: waiting?.name ?? "", capacity: 1 })),
    );
    const invites = await db
      .selectFrom("outbox")
      .innerJoin("registrations", "registrations.id", "outbox.registration_id")
      .select("outbox.kind")
      .where("registrations.session_id", "=", session.id)
      .where("outbox.kind", "=", "registration.confirmed")
      .execute();
    expect(invites).toHaveLength(1);
  });

  it("lets the person withdraw their request from the manage page", async () => {
    const { session, organiser } = await approvalSession();
    await signUpOverHttp(session.slug, 1);
    const [receipt] = await outboxFor(session.id, person(1).email);
    const path = `/inschrijving/${manageTokenIn(receipt?.text)}`;
    const page = await (await send(path)).text();
    expect(page).toContain(asHtml(t("manage.status.requested")));
    expect(page).toContain(t("manage.withdrawRequest"));
    const confirming = await (await send(`${path}?annuleren`)).text();
    expect(confirming).toContain(t("manage.confirmRequested"));

    const withdrawn = await send(path, { form: { intent: "cancel" } });
    await expectNoticeOnce(withdrawn, t("manage.withdrawnNow"));
    expect(await registrationOf(session.id, 1)).toMatchObject({ status: "cancelled" });
    const mail = (await outboxFor(session.id, person(1).email)).at(-1);
    expect(mail).toMatchObject({ kind: "registration.cancelled", ics: null });
    expect(mail?.subject).toBe(t("email.requestWithdrawn.subject", { title: session.title }));

    // A withdrawn request cannot be approved after all.
    const late = await decide(session.id, organiser, {
      intent: "approve",
      registrationId: (await registrationOf(session.id, 1)).id,
    });
    expect(late.status).toBe(409);
    expect(await registrationOf(session.id, 1)).toMatchObject({ status: "cancelled" });
  });

  it("tells someone who asks again that their request is already there, without an invite", async () => {
    const { session } = await approvalSession();
    await signUpOverHttp(session.slug, 1);
    await signUpOverHttp(session.slug, 1);
    expect(await registrationsOf(session.id)).toHaveLength(1);
    const mails = await outboxFor(session.id, person(1).email);
    expect(mails.map((m) => m.kind)).toEqual(["registration.requested", "registration.reminder"]);
    expect(mails[1]?.ics).toBeNull();
    expect(mails[1]?.text).toContain(
      t("email.reminder.intro.requested", { title: session.title }).slice(0, 40),
    );
  });

  it("lets an organiser add someone by hand without a request", async () => {
    const { session, organiser } = await approvalSession();
    const page = await (await send(`/beheer/sessies/${session.id}`, { cookie: organiser })).text();
    expect(page).toContain(asHtml(t("access.byHand")));
    const added = await send(`/beheer/sessies/${session.id}`, {
      cookie: organiser,
      form: { intent: "add", name: "Jonas Peeters", email: "jonas@example.org" },
    });
    expect(added.status).toBe(302);
    const [registration] = await registrationsOf(session.id);
    expect(registration).toMatchObject({ status: "confirmed", source: "organiser" });
  });

  it("closes a request still open at the start once, with a mail, when two workers look at once", async () => {
    const startsAt = new Date(Date.now() + 2 * HOUR).toISOString();
    const { session, organiser } = await approvalSession({
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + HOUR).toISOString(),
    });
    await signUpOverHttp(session.slug, 1);
    await signUpOverHttp(session.slug, 2);
    const [first] = await registrationsOf(session.id);
    expect(
      (await decide(session.id, organiser, { intent: "approve", registrationId: first?.id ?? 0 }))
        .status,
    ).toBe(302);

    // Before the start, nothing is closed.
    const before = new Date(Date.parse(startsAt) - 60_000).toISOString();
    expect(await closeRequestsAtStart({ now: before })).toEqual([]);

    const after = new Date(Date.parse(startsAt) + 60_000).toISOString();
    const [one, two] = await Promise.all([
      closeRequestsAtStart({ now: after }),
      closeRequestsAtStart({ now: after }),
    ]);
    const closed = [...one, ...two].filter((c) => c.sessionId === session.id);
    const second = await registrationOf(session.id, 2);
    expect(closed).toEqual([{ sessionId: session.id, registrationId: second.id }]);
    expect(second).toMatchObject({ status: "expired", declined_at: after });
    expect(await registrationOf(session.id, 1)).toMatchObject({ status: "confirmed" });
    const mails = await outboxFor(session.id, person(2).email);
    expect(mails.map((m) => m.kind)).toEqual([
      "registration.requested",
      "registration.requestExpired",
    ]);
    expect(mails[1]?.ics).toBeNull();
    // A later round finds nothing more to close.
    expect(
      (await closeRequestsAtStart({ now: after })).filter((c) => c.sessionId === session.id),
    ).toEqual([]);
  });

  it("tells the people who asked when the session is cancelled, without a calendar part", async () => {
    const { session, organiser } = await approvalSession();
    await signUpOverHttp(session.slug, 1);
    const cancelled = await send(`/beheer/sessies/${session.id}/annuleren`, {
      cookie: organiser,
      form: { message: "" },
    });
    expect(cancelled.status).toBe(302);
    const mail = (await outboxFor(session.id, person(1).email)).at(-1);
    expect(mail).toMatchObject({ kind: "session.cancelled", ics: null });
    expect(mail?.text).toContain("Je aanvraag vervalt.");
    // Nothing is left to decide.
    const request = await registrationOf(session.id, 1);
    const refused = await decide(session.id, organiser, {
      intent: "approve",
      registrationId: request.id,
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(
      asHtml(t("requests.refused.sessionCancelled", { name: person(1).name })),
    );
  });

  it("shows open requests on the dashboard and in the attendee export, never as seats", async () => {
    const { session, organiser } = await approvalSession({
      capacity: 3,
      title: "Pitchforum met jury",
    });
    await signUpOverHttp(session.slug, 1);
    const dashboard = await (await send("/beheer", { cookie: organiser })).text();
    expect(dashboard).toContain(t("dashboard.requests", { count: 1 }));
    expect(dashboard).toContain(`${person(1).name}</strong> · ${t("dashboard.requested")}`);

    const csv = await (
      await send(`/beheer/sessies/${session.id}/export?formaat=csv-comma`, { cookie: organiser })
    ).text();
    const line = csv.split("\n").find((row) => row.includes(person(1).email)) ?? "";
    expect(line).toContain(t("export.status.requested"));
    expect(line).not.toContain(t("export.status.confirmed"));
  });

  it("gives the person their decline reason in their data, and forgets it with them", async () => {
    const { session, organiser } = await approvalSession();
    await signUpOverHttp(session.slug, 1);
    const request = await registrationOf(session.id, 1);
    await decide(session.id, organiser, {
      intent: "decline",
      registrationId: request.id,
      reason: "Alleen teams met een ondernemingsnummer.",
    });
    const [receipt] = await outboxFor(session.id, person(1).email);
    const token = manageTokenIn(receipt?.text);
    const own = (await (await send(`/inschrijving/${token}/gegevens.json`)).json()) as {
      registration: { status: string; declineReason: string | null; declinedAt: string | null };
    };
    expect(own.registration).toMatchObject({
      status: "declined",
      declineReason: "Alleen teams met een ondernemingsnummer.",
    });
    expect(own.registration.declinedAt).not.toBeNull();

    // Retention anonymises the registration a year after the session: the reason goes with it.
    const later = new Date(Date.parse(session.ends_at) + 400 * 24 * HOUR).toISOString();
    await applyRetention({ now: later });
    const forgotten = await db
      .selectFrom("registrations")
      .select(["decline_reason", "status", "anonymised_at"])
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    expect(forgotten).toMatchObject({ decline_reason: null, status: "declined" });
    expect(forgotten.anonymised_at).not.toBeNull();
  });

  it("erases an open request at the person's wish: closed, no seat given, nothing left to send", async () => {
    const { session } = await approvalSession();
    await signUpOverHttp(session.slug, 1);
    const [receipt] = await outboxFor(session.id, person(1).email);
    const erased = await send(`/inschrijving/${manageTokenIn(receipt?.text)}`, {
      form: { intent: "erase" },
    });
    expect(erased.status).toBe(302);
    const [row] = await registrationsOf(session.id);
    expect(row).toMatchObject({ status: "cancelled", confirmed_at: null });
    expect(row?.anonymised_at).not.toBeNull();
    const pending = await db
      .selectFrom("outbox")
      .select("kind")
      .where("registration_id", "=", row?.id ?? 0)
      .where("status", "=", "pending")
      .execute();
    expect(pending).toEqual([]);
  });

  it("is closed by the worker's round: two workers running their duties close it once", async () => {
    // A session that began a minute ago, asked for a week before.
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const { session } = await approvalSession({
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + HOUR).toISOString(),
    });
    const asked = await signUp(session.slug, person(1), {
      locale: DEFAULT_LOCALE,
      now: new Date(Date.parse(startsAt) - 7 * 24 * HOUR).toISOString(),
    });
    expect(asked.ok).toBe(true);

    const round = async () => {
      for (const task of workerDuties.tasks) await task({ stopping: () => false });
    };
    await Promise.all([round(), round()]);
    expect(await registrationOf(session.id, 1)).toMatchObject({ status: "expired" });
    const kinds = (await outboxFor(session.id, person(1).email)).map((m) => m.kind);
    expect(kinds).toEqual(["registration.requested", "registration.requestExpired"]);
  });
});
