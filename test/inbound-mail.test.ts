import { request as httpRequest } from "node:http";
import ICAL from "ical.js";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  processInboundMail,
  processStoredMail,
  storeInboundMail,
} from "../app/models/inbound-mail.server";
import { runDailyRetention } from "../app/models/personal-data.server";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import type { InboundMail } from "../db/schema";
import {
  attachmentOnlyReply,
  outlookReply,
  plainMail,
  type ReplyInput,
} from "./support/calendar-replies";
import { createSession, lastOutboxId, mailsOf, person, registrationsOf } from "./support/factories";
import { appUrl, send } from "./support/http";
import { checkIcs } from "./support/ical-checks";
import { signedIn } from "./support/organisers";
import { manageTokenIn } from "./support/tokens";

/**
 * Replies from calendars (iTIP over mail): posted to the built app over real HTTP as a mail
 * server would, and what they do to the seat, the waiting list and the mail that goes out.
 */

const TOKEN = "inbound-token-that-is-long-enough-0123456789";
const LIMIT = 32 * 1024;
process.env.INBOUND_MAIL_TOKEN = TOKEN;
process.env.INBOUND_MAIL_LIMIT_BYTES = String(LIMIT);

const opts = { locale: "nl-BE" as const };
const HOUR = 3_600_000;

/** One POST as a mail server sends it: no Origin, the raw message, the token. */
async function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  const base = await appUrl();
  const all: Record<string, string> = {
    "Content-Type": "message/rfc822",
    Authorization: `Bearer ${TOKEN}`,
    ...headers,
  };
  for (const [name, value] of Object.entries(all)) if (value === "") delete all[name];
  return fetch(`${base}/api/inbound-mail`, { method: "POST", headers: all, body });
}

async function inboundRows() {
  return database().db.selectFrom("inbound_mail").selectAll().orderBy("id").execute();
}

async function inboundRow(id: number): Promise<InboundMail> {
  return database()
    .db.selectFrom("inbound_mail")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

/**
 * Makes the database refuse to mark this inbound mail processed, as a bug in acting on it
 * would: a trigger, on SQLite and PostgreSQL alike, until `stopFailing`.
 */
async function failWhenProcessed(id: number) {
  const { db } = database();
  await stopFailing();
  if (process.env.TEST_DATABASE === "postgres") {
    await sql`create or replace function inbound_fails() returns trigger language plpgsql as
      $$ begin raise exception 'processing failed'; end $$`.execute(db);
    await sql`create trigger inbound_fails before update on inbound_mail for each row
      when (new.status = 'processed' and new.id = ${sql.lit(id)})
      execute function inbound_fails()`.execute(db);
  } else {
    await sql`create trigger inbound_fails before update on inbound_mail
      when new.status = 'processed' and new.id = ${sql.lit(id)}
      begin select raise(abort, 'processing failed'); end`.execute(db);
  }
}

async function stopFailing() {
  const postgres = process.env.TEST_DATABASE === "postgres";
  await sql`drop trigger if exists inbound_fails ${sql.raw(postgres ? "on inbound_mail" : "")}`.execute(
    database().db,
  );
}

/** A session with one seat taken by person n, and person n+1 first on its waiting list. */
async function fullSession(n: number, overrides: Parameters<typeof createSession>[0] = {}) {
  const session = await createSession({ capacity: 1, ...overrides });
  await signUp(session.slug, person(n), opts);
  await signUp(session.slug, person(n + 1), opts);
  const [seated, waiting] = await registrationsOf(session.id);
  if (!seated || !waiting) throw new Error("no registrations");
  expect([seated.status, waiting.status]).toEqual(["confirmed", "waitlisted"]);
  return { session, seated, waiting };
}

/** The reply of a registration's own calendar, as Outlook writes it. */
const replyOf = (
  registration: { email: string; ical_uid: string; ical_sequence: number },
  extra: Partial<ReplyInput> = {},
): ReplyInput => ({
  from: registration.email,
  uid: registration.ical_uid,
  sequence: registration.ical_sequence,
  ...extra,
});

async function postReply(input: ReplyInput) {
  const response = await post(outlookReply(input));
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: number };
  return inboundRow(id);
}

const eventOf = (ics: string | null | undefined) => {
  const calendar = new ICAL.Component(ICAL.parse(ics ?? ""));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT");
  return { calendar, event };
};

describe("POST /api/inbound-mail at the edge", () => {
  const mail = () => plainMail(`edge-${Math.random()}@example.org`);

  it("answers 401 with WWW-Authenticate without the right token, and stores nothing", async () => {
    const before = (await inboundRows()).length;
    for (const authorization of ["", "Bearer wrong-token", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const response = await post(mail(), { Authorization: authorization });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect((await inboundRows()).length).toBe(before);
  });

  it("answers 415 for anything but message/rfc822, form bodies included", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/json"]) {
      const response = await post(mail(), { "Content-Type": type });
      expect(response.status, type).toBe(415);
    }
  });

  it("answers 413 for a mail over INBOUND_MAIL_LIMIT_BYTES, before reading it", async () => {
    const response = await post(`${mail()}${"x".repeat(LIMIT)}`);
    expect(response.status).toBe(413);
    // Forms keep their own, smaller limit: a mail between the two is taken.
    const large = await post(`${mail()}${"y".repeat(LIMIT - 2000)}`);
    expect(large.status).toBe(202);
  });

  it("answers a GET with 405 and the method it takes", async () => {
    const response = await send("/api/inbound-mail");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("answers 400 for an empty body", async () => {
    expect((await post("")).status).toBe(400);
  });

  it("answers 411 for a body of no declared length", async () => {
    const base = await appUrl();
    const { port } = new URL(base);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path: "/api/inbound-mail",
          method: "POST",
          headers: {
            "Content-Type": "message/rfc822",
            Authorization: `Bearer ${TOKEN}`,
            "Transfer-Encoding": "chunked",
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.write(mail());
      req.end();
    });
    expect(status).toBe(411);
  });

  it("refuses what a browser on another site sends with 403, even with the token", async () => {
    const before = (await inboundRows()).length;
    const foreign = await post(mail(), { Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const crossSite = await post(mail(), { "Sec-Fetch-Site": "cross-site" });
    expect(crossSite.status).toBe(403);
    expect((await inboundRows()).length).toBe(before);
  });

  it("stores a mail with no calendar in it, answers 202 with its id, and ignores it", async () => {
    const response = await post(plainMail("afwezig@example.org"));
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: number };
    expect(await inboundRow(id)).toMatchObject({
      via: "http",
      status: "processed",
      outcome: "ignored.noCalendar",
      raw: null,
      envelope_from: null,
    });
  });
});

describe("a Decline from the person's calendar", () => {
  it("gives the seat up as the manage page does: the waiting list gets it, the decliner is told why", async () => {
    const { session, seated, waiting } = await fullSession(10);
    const after = await lastOutboxId();

    const row = await postReply(replyOf(seated, { partstat: "DECLINED" }));
    expect(row).toMatchObject({
      status: "processed",
      method: "REPLY",
      uid: seated.ical_uid,
      registration_id: seated.id,
      outcome: "declined",
      raw: null,
    });

    const [cancelled, promoted] = await registrationsOf(session.id);
    expect(cancelled).toMatchObject({
      status: "cancelled",
      calendar_reply: "declined",
      ical_sequence: 1,
    });
    expect(promoted).toMatchObject({ id: waiting.id, status: "confirmed" });

    const mails = await mailsOf(session.id, after);
    const declined = mails.find((m) => m.to_email === seated.email);
    expect(declined).toMatchObject({ kind: "registration.declined", ics_method: "CANCEL" });
    expect(declined?.subject).toContain("je weigerde de uitnodiging");
    expect(declined?.text).toContain("Je weigerde de uitnodiging");
    expect(declined?.text).toContain(`http://agenda.test/sessies/${session.slug}`);
    const cancel = eventOf(declined?.ics);
    expect(cancel.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancel.event.getFirstPropertyValue("uid")).toBe(seated.ical_uid);
    expect(cancel.event.getFirstPropertyValue("sequence")).toBe(1);

    const invite = mails.find((m) => m.to_email === waiting.email);
    expect(invite).toMatchObject({ kind: "registration.promoted", ics_method: "REQUEST" });
    const request = eventOf(invite?.ics);
    expect(request.event.getFirstPropertyValue("uid")).toBe(waiting.ical_uid);
    expect(String(request.event.getFirstPropertyValue("attendee")).toLowerCase()).toBe(
      `mailto:${waiting.email}`,
    );

    const audit = await database()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("subject_id", "=", seated.id)
      .where("subject_type", "=", "registration")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ organiser_id: null, action: "registration.cancel" });
    expect(JSON.parse(audit.details ?? "{}")).toEqual({
      sessionId: session.id,
      was: "declinedInCalendar",
      promoted: [waiting.id],
    });
  });

  it("shows in the audit log as a cancellation because of the calendar", async () => {
    const { seated } = await fullSession(14);
    await postReply(replyOf(seated));
    const page = await send("/beheer/logboek", { cookie: await signedIn("admin") });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      "geannuleerd omdat de deelnemer de uitnodiging in de agenda weigerde",
    );
  });

  it("acts once when the same mail comes twice", async () => {
    const { session, seated } = await fullSession(20);
    const after = await lastOutboxId();
    const raw = outlookReply(replyOf(seated));
    const first = await post(raw);
    const second = await post(raw);
    expect([first.status, second.status]).toEqual([202, 202]);
    const ids = [await first.json(), await second.json()];
    expect(ids[0]).toEqual(ids[1]);
    const mails = await mailsOf(session.id, after);
    expect(mails.map((m) => m.kind).sort()).toEqual([
      "registration.declined",
      "registration.promoted",
    ]);
  });

  it("after the session has begun only notes the answer: the seat is kept", async () => {
    const session = await createSession({
      capacity: 1,
      starts_at: new Date(Date.now() - HOUR).toISOString(),
      ends_at: new Date(Date.now() + HOUR).toISOString(),
    });
    const { db } = database();
    // Signed up before it began.
    await signUp(session.slug, person(30), {
      ...opts,
      now: new Date(Date.now() - 2 * HOUR).toISOString(),
    });
    const [seated] = await registrationsOf(session.id);
    if (!seated) throw new Error("no registration");
    const after = await lastOutboxId();
    const row = await postReply(replyOf(seated));
    expect(row.outcome).toBe("declinedAfterStart");
    const registration = await db
      .selectFrom("registrations")
      .selectAll()
      .where("id", "=", seated.id)
      .executeTakeFirstOrThrow();
    expect(registration).toMatchObject({ status: "confirmed", calendar_reply: "declined" });
    expect(await mailsOf(session.id, after)).toEqual([]);
  });
});

describe("replies that change nothing", () => {
  async function expectNothingChanged(
    sessionId: number,
    before: Awaited<ReturnType<typeof registrationsOf>>,
    after: number,
  ) {
    expect(await registrationsOf(sessionId)).toEqual(before);
    expect(await mailsOf(sessionId, after)).toEqual([]);
  }

  it("ignores a forged Decline: the right UID and ATTENDEE, from another address", async () => {
    const { session, seated } = await fullSession(40);
    const before = await registrationsOf(session.id);
    const after = await lastOutboxId();
    const row = await postReply(
      replyOf(seated, { from: "iemand.anders@example.org", attendee: seated.email }),
    );
    expect(row).toMatchObject({
      outcome: "ignored.senderMismatch",
      registration_id: seated.id,
      raw: null,
    });
    await expectNothingChanged(session.id, before, after);
  });

  it("ignores a Decline naming another attendee than the registration's own", async () => {
    const { session, seated, waiting } = await fullSession(50);
    const before = await registrationsOf(session.id);
    const after = await lastOutboxId();
    // The person waiting, replying about the seated person's invite with their own address.
    const row = await postReply(replyOf(seated, { from: waiting.email, attendee: waiting.email }));
    expect(row.outcome).toBe("ignored.attendeeMismatch");
    // The right sender, but the reply speaks for someone else.
    const other = await postReply(replyOf(seated, { attendee: "collega@example.org", id: "2" }));
    expect(other.outcome).toBe("ignored.attendeeMismatch");
    await expectNothingChanged(session.id, before, after);
  });

  it("ignores an unknown UID", async () => {
    const { session, seated } = await fullSession(60);
    const before = await registrationsOf(session.id);
    const after = await lastOutboxId();
    const row = await postReply(replyOf(seated, { uid: "geraden-uid@ondernemersagenda" }));
    expect(row).toMatchObject({ outcome: "ignored.unknownUid", registration_id: null });
    await expectNothingChanged(session.id, before, after);
  });

  it("ignores a reply to an older version of the invite (stale SEQUENCE)", async () => {
    const { session, seated } = await fullSession(70);
    const { db } = database();
    // The invite was updated twice since (a moved session): the reply answers version 1.
    await db
      .updateTable("registrations")
      .set({ ical_sequence: 2 })
      .where("id", "=", seated.id)
      .execute();
    const before = await registrationsOf(session.id);
    const after = await lastOutboxId();
    const row = await postReply(replyOf(seated, { sequence: 1 }));
    expect(row.outcome).toBe("ignored.staleSequence");
    await expectNothingChanged(session.id, before, after);
    // The same answer to the current version acts.
    const current = await postReply(replyOf(seated, { sequence: 2, id: "2" }));
    expect(current.outcome).toBe("declined");
  });

  it("ignores a Decline for a registration on the waiting list", async () => {
    const { session, waiting } = await fullSession(80);
    const before = await registrationsOf(session.id);
    const after = await lastOutboxId();
    const row = await postReply(replyOf(waiting));
    expect(row.outcome).toBe("ignored.notConfirmed");
    await expectNothingChanged(session.id, before, after);
  });

  it("ignores a mail that is no mail and a calendar that is no calendar", async () => {
    const garbage = await post("dit is geen e-mail\r\n\r\nen ook geen agenda");
    expect(garbage.status).toBe(202);
    const { id } = (await garbage.json()) as { id: number };
    expect((await inboundRow(id)).outcome).toBe("ignored.noCalendar");

    const broken = outlookReply({ from: "a@example.org", uid: "x", sequence: 0 }).replace(
      /Content-Transfer-Encoding: base64\r\n\r\n[\s\S]*?\r\n\r\n--/,
      "Content-Transfer-Encoding: 7bit\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD REPLY ZONDER DUBBELPUNT\r\n\r\n--",
    );
    const response = await post(broken);
    const row = await inboundRow(((await response.json()) as { id: number }).id);
    expect(row.outcome).toBe("ignored.unreadable");
  });
});

describe("other answers from calendars", () => {
  it("notes Accept and Tentative, and shows them on the organisers' attendee page", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(90, { name: "Aanvaard Agenda" }), opts);
    await signUp(session.slug, person(91, { name: "Voorbehoud Agenda" }), opts);
    await signUp(session.slug, person(92, { name: "Zwijgt Agenda" }), opts);
    const [accepting, tentative] = await registrationsOf(session.id);
    if (!accepting || !tentative) throw new Error("no registrations");
    const after = await lastOutboxId();

    // Addresses match whatever their case: calendars write them as the person typed them.
    const shouting = {
      from: accepting.email.toUpperCase(),
      attendee: accepting.email.toUpperCase(),
    };
    expect(
      (await postReply(replyOf(accepting, { partstat: "ACCEPTED", ...shouting }))).outcome,
    ).toBe("accepted");
    expect((await postReply(replyOf(tentative, { partstat: "TENTATIVE" }))).outcome).toBe(
      "tentative",
    );
    const rows = await registrationsOf(session.id);
    expect(rows.map((r) => [r.status, r.calendar_reply])).toEqual([
      ["confirmed", "accepted"],
      ["confirmed", "tentative"],
      ["confirmed", null],
    ]);
    expect(rows[0]?.calendar_replied_at).not.toBeNull();
    expect(await mailsOf(session.id, after)).toEqual([]);

    const page = await send(`/beheer/sessies/${session.id}`, { cookie: await signedIn("admin") });
    expect(page.status).toBe(200);
    const html = await page.text();
    const rowOf = (name: string) =>
      html.slice(html.indexOf(name), html.indexOf("</tr>", html.indexOf(name)));
    expect(rowOf("Aanvaard Agenda")).toContain("Agenda: aanvaard");
    expect(rowOf("Voorbehoud Agenda")).toContain("Agenda: onder voorbehoud");
    expect(rowOf("Zwijgt Agenda")).not.toContain("Agenda:");
  });

  it("reads a calendar sent only as an .ics attachment without a method parameter", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(95), opts);
    const [registration] = await registrationsOf(session.id);
    if (!registration) throw new Error("no registration");
    const response = await post(
      attachmentOnlyReply(replyOf(registration, { partstat: "ACCEPTED" })),
    );
    const row = await inboundRow(((await response.json()) as { id: number }).id);
    expect(row).toMatchObject({ method: "REPLY", outcome: "accepted" });
  });

  it("answers REFRESH with the current invite: same UID, current SEQUENCE", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(100), opts);
    const [registration] = await registrationsOf(session.id);
    if (!registration) throw new Error("no registration");
    const { db } = database();
    await db
      .updateTable("registrations")
      .set({ ical_sequence: 3 })
      .where("id", "=", registration.id)
      .execute();
    const after = await lastOutboxId();
    // A REFRESH carries no SEQUENCE of its own (0): it asks for whatever is current.
    const row = await postReply(replyOf(registration, { method: "REFRESH", sequence: 0 }));
    expect(row).toMatchObject({ method: "REFRESH", outcome: "refreshed" });
    const [mail] = await mailsOf(session.id, after);
    expect(mail).toMatchObject({
      kind: "registration.refreshed",
      to_email: registration.email,
      ics_method: "REQUEST",
    });
    expect(mail?.text).toContain("laatste versie van je uitnodiging");
    const { calendar, event } = eventOf(mail?.ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("uid")).toBe(registration.ical_uid);
    expect(event.getFirstPropertyValue("sequence")).toBe(3);
  });

  it("answers REFRESH with the answer given kept: PARTSTAT=ACCEPTED, not NEEDS-ACTION", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(105), opts);
    const [registration] = await registrationsOf(session.id);
    if (!registration) throw new Error("no registration");
    expect((await postReply(replyOf(registration, { partstat: "ACCEPTED" }))).outcome).toBe(
      "accepted",
    );
    const after = await lastOutboxId();
    const row = await postReply(replyOf(registration, { method: "REFRESH", sequence: 0 }));
    expect(row.outcome).toBe("refreshed");
    const [mail] = await mailsOf(session.id, after);
    const attendee = checkIcs(mail?.ics ?? "", "REQUEST").events[0]?.getFirstProperty("attendee");
    expect(attendee?.getParameter("partstat")).toBe("ACCEPTED");
    expect(attendee?.getParameter("rsvp")).toBe("TRUE");
  });

  it("answers COUNTER (another time proposed) with DECLINECOUNTER, and keeps the seat", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(110), opts);
    const [registration] = await registrationsOf(session.id);
    if (!registration) throw new Error("no registration");
    const after = await lastOutboxId();
    const row = await postReply(
      replyOf(registration, { method: "COUNTER", partstat: "TENTATIVE" }),
    );
    expect(row.outcome).toBe("counterDeclined");
    const [mail] = await mailsOf(session.id, after);
    expect(mail).toMatchObject({
      kind: "registration.counterDeclined",
      ics_method: "DECLINECOUNTER",
      to_email: registration.email,
    });
    expect(mail?.subject).toContain("ligt vast");
    // Only what RFC 5546 §3.2.8 allows: the event's UID (and SEQUENCE, left out at 0), its
    // ORGANIZER, DTSTAMP and why; checkIcs refuses an ATTENDEE, a time, a text, a VTIMEZONE.
    checkIcs(mail?.ics ?? "", "DECLINECOUNTER");
    const { calendar, event } = eventOf(mail?.ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("DECLINECOUNTER");
    expect(
      event
        .getAllProperties()
        .map((property) => property.name)
        .sort(),
    ).toEqual(["comment", "dtstamp", "organizer", "uid"]);
    expect(event.getFirstPropertyValue("uid")).toBe(registration.ical_uid);
    expect(String(event.getFirstPropertyValue("organizer"))).toBe("mailto:agenda@leuven.test");
    expect(event.getFirstPropertyValue("comment")).toContain("ligt vast");
    expect(mail?.ics).not.toContain(manageTokenIn(mail?.text));
    expect((await registrationsOf(session.id))[0]).toMatchObject({
      status: "confirmed",
      calendar_reply: null,
    });
  });

  it("ignores a method that asks nothing of the organiser (PUBLISH, REQUEST)", async () => {
    const session = await createSession({ capacity: 5 });
    await signUp(session.slug, person(120), opts);
    const [registration] = await registrationsOf(session.id);
    if (!registration) throw new Error("no registration");
    const raw = outlookReply(replyOf(registration)).replace(
      /Content-Transfer-Encoding: base64\r\n\r\n([\s\S]*?)\r\n\r\n--/,
      (_all, body: string) =>
        `Content-Transfer-Encoding: base64\r\n\r\n${Buffer.from(
          Buffer.from(body.replace(/\r\n/g, ""), "base64")
            .toString("utf8")
            .replace("METHOD:REPLY", "METHOD:PUBLISH"),
        ).toString("base64")}\r\n\r\n--`,
    );
    const row = await inboundRow(((await (await post(raw)).json()) as { id: number }).id);
    expect(row).toMatchObject({ method: "PUBLISH", outcome: "ignored.method" });
    expect((await registrationsOf(session.id))[0]?.status).toBe("confirmed");
  });
});

describe("the worker's side", () => {
  it("acts on mail stored but not yet processed, once, whoever takes it", async () => {
    const { session, seated } = await fullSession(130);
    const after = await lastOutboxId();
    const stored = await storeInboundMail(Buffer.from(outlookReply(replyOf(seated))), {
      via: "smtp",
      envelopeFrom: seated.email,
    });
    if (!stored.ok) throw new Error("not stored");
    expect(await inboundRow(stored.id)).toMatchObject({
      status: "pending",
      envelope_from: seated.email,
    });
    // Two workers at once: one acts, the other finds it done.
    const outcomes = await Promise.all([
      processStoredMail(stored.id),
      processStoredMail(stored.id),
      processInboundMail(),
    ]);
    expect(outcomes.filter((o) => o === "declined")).toHaveLength(1);
    expect(await inboundRow(stored.id)).toMatchObject({
      status: "processed",
      outcome: "declined",
      envelope_from: null,
      raw: null,
    });
    const kinds = (await mailsOf(session.id, after)).map((m) => m.kind).sort();
    expect(kinds).toEqual(["registration.declined", "registration.promoted"]);
  });

  it("over SMTP also checks the envelope sender", async () => {
    const { session, seated } = await fullSession(140);
    const before = await registrationsOf(session.id);
    const stored = await storeInboundMail(Buffer.from(outlookReply(replyOf(seated))), {
      via: "smtp",
      envelopeFrom: "bounce@elders.example",
    });
    if (!stored.ok) throw new Error("not stored");
    expect(await processStoredMail(stored.id)).toBe("ignored.senderMismatch");
    expect(await registrationsOf(session.id)).toEqual(before);
  });

  it("over SMTP takes Google Calendar's own envelope sender for the person's answer", async () => {
    const { session, seated } = await fullSession(150);
    const stored = await storeInboundMail(
      Buffer.from(outlookReply(replyOf(seated, { partstat: "ACCEPTED" }))),
      { via: "smtp", envelopeFrom: "3xAbCdEfGhIjKlMnOp@calendar-server.bounces.google.com" },
    );
    if (!stored.ok) throw new Error("not stored");
    expect(await processStoredMail(stored.id)).toBe("accepted");
    // Only that domain: a look-alike is another sender.
    const lookalike = await storeInboundMail(
      Buffer.from(outlookReply(replyOf(seated, { id: "2" }))),
      { via: "smtp", envelopeFrom: "x@calendar-server.bounces.google.com.evil.example" },
    );
    if (!lookalike.ok) throw new Error("not stored");
    expect(await processStoredMail(lookalike.id)).toBe("ignored.senderMismatch");
    expect((await registrationsOf(session.id))[0]?.status).toBe("confirmed");
  });

  it("a mail whose processing fails holds up no other, is tried again later, and is given up in the end", async () => {
    const first = await fullSession(160);
    const second = await fullSession(170);
    const store = async (registration: typeof first.seated) => {
      const stored = await storeInboundMail(Buffer.from(outlookReply(replyOf(registration))), {
        via: "http",
      });
      if (!stored.ok) throw new Error("not stored");
      return stored.id;
    };
    // The first in line fails in the database, as a bug would make it: the others go on.
    const failing = await store(first.seated);
    const healthy = await store(second.seated);
    await failWhenProcessed(failing);
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    expect(await processInboundMail({ now: at(0) })).toBe(1);
    expect(await inboundRow(healthy)).toMatchObject({ status: "processed", outcome: "declined" });
    expect((await registrationsOf(second.session.id))[0]?.status).toBe("cancelled");
    const afterOne = await inboundRow(failing);
    expect(afterOne).toMatchObject({ status: "pending", attempts: 1 });
    expect(Date.parse(afterOne.next_attempt_at ?? "")).toBeGreaterThan(t0);
    expect(afterOne.raw).not.toBeNull();

    // Not before its time.
    await processInboundMail({ now: at(10_000) });
    expect(await inboundRow(failing)).toMatchObject({ attempts: 1 });

    // Once the cause is gone, the next try acts on it.
    await stopFailing();
    await processInboundMail({ now: afterOne.next_attempt_at ?? "" });
    expect(await inboundRow(failing)).toMatchObject({ status: "processed", outcome: "declined" });
    expect((await registrationsOf(first.session.id))[0]?.status).toBe("cancelled");

    // A mail that keeps failing is given up after a number of tries, and kept for a look.
    const third = await fullSession(180);
    const hopeless = await store(third.seated);
    await failWhenProcessed(hopeless);
    for (let hour = 1; hour <= 24; hour++) await processInboundMail({ now: at(hour * HOUR) });
    const given = await inboundRow(hopeless);
    expect(given).toMatchObject({ status: "failed", outcome: "failed.error", attempts: 10 });
    // What a monitor sees.
    const health = (await (await send("/healthz")).json()) as { inbound: { failed: number } };
    expect(health.inbound.failed).toBe(1);
    expect(given.raw).not.toBeNull();
    expect((await registrationsOf(third.session.id))[0]?.status).toBe("confirmed");
    await processInboundMail({ now: at(48 * HOUR) });
    expect(await inboundRow(hopeless)).toMatchObject({ attempts: 10 });
    await stopFailing();
    // And forgotten with the rest by the daily retention run.
    await runDailyRetention({ now: new Date(t0 + 32 * 86_400_000).toISOString() });
    expect((await inboundRows()).map((r) => r.id)).not.toContain(hopeless);
  });

  it("forgets processed mail after OUTBOX_KEEP_DAYS in the daily retention run", async () => {
    const stored = await storeInboundMail(Buffer.from(plainMail("oud@example.org")), {
      via: "http",
    });
    if (!stored.ok) throw new Error("not stored");
    const pending = await storeInboundMail(Buffer.from(`${plainMail("wacht@example.org")} `), {
      via: "http",
    });
    if (!pending.ok) throw new Error("not stored");
    await processStoredMail(stored.id);
    const later = new Date(Date.now() + 31 * 86_400_000).toISOString();
    await runDailyRetention({ now: later });
    const ids = (await inboundRows()).map((r) => r.id);
    expect(ids).not.toContain(stored.id);
    // Not yet acted on: kept for the worker.
    expect(ids).toContain(pending.id);
  });
});
