import { createHash } from "node:crypto";
import ICAL from "ical.js";
import type { Kysely } from "kysely";
import { type AddressObject, type Attachment, simpleParser } from "mailparser";
import { database } from "../../db/client";
import type { CalendarReply, Database, Registration } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import { normalizeEmail } from "../lib/email-field";
import { addMinutes, nowInstant } from "../lib/time";
import { recordAuditIn } from "./audit.server";
import { budgetOf, consumeIn, ruleKey } from "./rate-limit.server";
import { cancelRegistrationInTransaction, notify } from "./registration.server";
import { getSessionByIdIn } from "./session.server";

/*
 * Mail that reaches the app: what calendars send back to the ORGANIZER of an invite (iTIP over
 * mail, RFC 5546 / RFC 6047). Outlook's "Decline", Gmail's "No" and Apple's "Decline" take the
 * event out of the person's calendar at once and mail a METHOD:REPLY: to them, that is
 * cancelling. So a DECLINED reply gives the seat up, exactly as the manage page does; ACCEPTED
 * and TENTATIVE are noted for the organisers; REFRESH gets the current invite again, COUNTER a
 * DECLINECOUNTER. Every mail is stored first (raw, once per digest) and acted on after, once:
 * the row is marked processed in the same write transaction that acts on it.
 *
 * Every part of a mail is untrusted. A reply acts only on the registration whose calendar UID
 * it names (UIDs are random and travel only in that person's mail), and only when the single
 * ATTENDEE and the sender (From, and the SMTP envelope sender when there is one) are that
 * registration's own address, and the reply is not older than the invite (SEQUENCE).
 */

export type InboundVia = "smtp" | "http";

export type StoreResult =
  | { ok: true; id: number; duplicate: boolean }
  | { ok: false; reason: "empty" | "unstorable" };

/**
 * Stores a mail as it came, before anything reads it: the same message delivered twice (a
 * mail server retrying, a forward repeated) is stored once and answered as accepted. The raw
 * bytes are kept as latin1 text, which gives back every byte, whatever charset the mail used.
 */
export async function storeInboundMail(
  raw: Buffer,
  {
    via,
    envelopeFrom = null,
    now = nowInstant(),
  }: { via: InboundVia; envelopeFrom?: string | null; now?: string },
): Promise<StoreResult> {
  if (raw.length === 0) return { ok: false, reason: "empty" };
  // No mail holds a NUL byte (RFC 5322), and a text column cannot.
  if (raw.includes(0)) return { ok: false, reason: "unstorable" };
  const digest = createHash("sha256").update(raw).digest("hex");
  const { db } = database();
  const inserted = await db
    .insertInto("inbound_mail")
    .values({
      received_at: now,
      via,
      envelope_from: envelopeFrom ? envelopeFrom.slice(0, 320) : null,
      digest,
      raw: raw.toString("latin1"),
      status: "pending",
      method: null,
      uid: null,
      registration_id: null,
      outcome: null,
      processed_at: null,
    })
    .onConflict((conflict) => conflict.column("digest").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { ok: true, id: inserted.id, duplicate: false };
  const existing = await db
    .selectFrom("inbound_mail")
    .select("id")
    .where("digest", "=", digest)
    .executeTakeFirstOrThrow();
  return { ok: true, id: existing.id, duplicate: true };
}

/* Reading a mail ------------------------------------------------------------------------------ */

interface CalendarAttendee {
  email: string;
  partstat: string;
}

interface Reading {
  method: string | null;
  uid: string | null;
  sequence: number;
  attendees: CalendarAttendee[];
  /** The addresses of the From header. */
  from: string[];
}

type Unreadable = { outcome: "ignored.unreadable" | "ignored.noCalendar" | "ignored.noEvent" };

const isCalendarPart = (part: Attachment) =>
  part.contentType === "text/calendar" ||
  part.contentType === "application/ics" ||
  /\.ics$/i.test(part.filename ?? "");

function addressesOf(from: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(from) ? from : from ? [from] : [];
  return objects.flatMap((object) =>
    object.value.flatMap((entry) => (entry.address ? [entry.address] : [])),
  );
}

/** A CAL-ADDRESS ("mailto:An@Example.org", any case of the scheme) as a plain address. */
const addressOfCalAddress = (value: string) => value.trim().replace(/^mailto:/i, "");

/** The parameters of a part's Content-Type (charset, method), as mailparser read them. */
function typeParamsOf(part: Attachment): Record<string, string> {
  const header = part.headers.get("content-type") as
    | { params?: Record<string, string> }
    | undefined;
  return header?.params ?? {};
}

function textOf(part: Attachment): string {
  const charset = typeParamsOf(part).charset ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(part.content);
  } catch {
    return part.content.toString("utf8");
  }
}

/** The method and the one event of a calendar part; null when it is no iCalendar at all. */
function readCalendar(part: Attachment) {
  let root: ICAL.Component;
  try {
    const parsed = ICAL.parse(textOf(part));
    // Several VCALENDARs in one part: the first is the one a calendar app reads.
    const first = typeof parsed[0] === "string" ? parsed : parsed[0];
    root = new ICAL.Component(first as unknown[]);
  } catch {
    return null;
  }
  // The METHOD line is the object's own word; the part's `method=` only repeats it (and may
  // be missing, as in an .ics attachment).
  const method = String(root.getFirstPropertyValue("method") ?? typeParamsOf(part).method ?? "")
    .trim()
    .toUpperCase();
  return { method: method || null, event: root.getFirstSubcomponent("vevent") };
}

async function readMail(raw: Buffer): Promise<Reading | Unreadable> {
  let parsed: Awaited<ReturnType<typeof simpleParser>>;
  try {
    parsed = await simpleParser(raw, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
    });
  } catch {
    return { outcome: "ignored.unreadable" };
  }
  const parts = parsed.attachments.filter(isCalendarPart);
  if (parts.length === 0) return { outcome: "ignored.noCalendar" };
  // Outlook sends the calendar once; Google and nodemailer twice (inline and as invite.ics).
  for (const part of parts) {
    const calendar = readCalendar(part);
    if (!calendar) continue;
    const { method, event } = calendar;
    if (!event) return { outcome: "ignored.noEvent" };
    const uid = event.getFirstPropertyValue("uid");
    const sequence = Number(event.getFirstPropertyValue("sequence") ?? 0);
    return {
      method: method?.slice(0, 32) ?? null,
      uid: typeof uid === "string" && uid.trim() ? uid.trim().slice(0, 255) : null,
      sequence: Number.isInteger(sequence) ? sequence : 0,
      attendees: event.getAllProperties("attendee").map((property) => ({
        email: addressOfCalAddress(String(property.getFirstValue() ?? "")),
        partstat: String(property.getParameter("partstat") ?? "NEEDS-ACTION").toUpperCase(),
      })),
      from: addressesOf(parsed.from),
    };
  }
  return { outcome: "ignored.unreadable" };
}

/* Acting on it -------------------------------------------------------------------------------- */

/** What came of a mail: stored on its row and logged. */
export type InboundOutcome =
  | "declined"
  | "accepted"
  | "tentative"
  | "declinedAfterStart"
  | "refreshed"
  | "counterDeclined"
  | Unreadable["outcome"]
  | "ignored.method"
  | "ignored.noUid"
  | "ignored.unknownUid"
  | "ignored.attendeeCount"
  | "ignored.attendeeMismatch"
  | "ignored.senderMismatch"
  | "ignored.staleSequence"
  | "ignored.notConfirmed"
  | "ignored.sessionCancelled"
  | "ignored.partstat"
  | "ignored.mailBudget";

const REPLIES: Record<string, CalendarReply> = {
  ACCEPTED: "accepted",
  TENTATIVE: "tentative",
  DECLINED: "declined",
};

const sameAddress = (a: string, b: string) => normalizeEmail(a) === normalizeEmail(b);

/**
 * Google Calendar mails a person's answer on their behalf: From is the person, the envelope
 * sender (Return-Path) an address of Google's bounce domain. Without this, every answer from a
 * Gmail or Google Workspace calendar that comes in over SMTP would be ignored.
 */
const CALENDAR_BOUNCE_DOMAINS = ["calendar-server.bounces.google.com"];

function envelopeSpeaksFor(envelopeFrom: string, email: string): boolean {
  const domain = normalizeEmail(envelopeFrom).split("@").at(-1);
  return sameAddress(envelopeFrom, email) || CALENDAR_BOUNCE_DOMAINS.includes(domain ?? "");
}

/** Why a mail may not act on this registration, or null when it may. */
function refusalOf(
  reading: Reading,
  registration: Registration,
  envelopeFrom: string | null,
): InboundOutcome | null {
  const [attendee, ...others] = reading.attendees;
  if (!attendee || others.length > 0) return "ignored.attendeeCount";
  if (!sameAddress(attendee.email, registration.email)) return "ignored.attendeeMismatch";
  const [from, ...otherFrom] = reading.from;
  if (!from || otherFrom.length > 0 || !sameAddress(from, registration.email)) {
    return "ignored.senderMismatch";
  }
  if (envelopeFrom && !envelopeSpeaksFor(envelopeFrom, registration.email)) {
    return "ignored.senderMismatch";
  }
  if (registration.status !== "confirmed") return "ignored.notConfirmed";
  // REFRESH carries no SEQUENCE: it asks for whatever is current.
  if (reading.method !== "REFRESH" && reading.sequence < registration.ical_sequence) {
    return "ignored.staleSequence";
  }
  return null;
}

async function act(
  trx: Kysely<Database>,
  reading: Reading,
  registration: Registration,
  envelopeFrom: string | null,
  now: string,
): Promise<InboundOutcome> {
  const refusal = refusalOf(reading, registration, envelopeFrom);
  if (refusal) return refusal;
  const session = await getSessionByIdIn(trx, registration.session_id);
  if (!session || session.status === "cancelled") return "ignored.sessionCancelled";

  if (reading.method === "REFRESH" || reading.method === "COUNTER") {
    // Each answer is a mail to the person (with a new manage link): counted in the same budget
    // as the mail the public forms cause, so a flood of replies cannot flood their mailbox.
    const budget = budgetOf("mail.address");
    const key = ruleKey("mail.address", [registration.email]);
    if (!(await consumeIn(trx, key, budget, Date.parse(now))).ok) return "ignored.mailBudget";
  }
  switch (reading.method) {
    case "REFRESH":
      await notify(trx, "registration.refreshed", registration, session, now);
      return "refreshed";
    case "COUNTER":
      await notify(trx, "registration.counterDeclined", registration, session, now);
      return "counterDeclined";
  }
  const reply = REPLIES[reading.attendees[0]?.partstat ?? ""];
  if (!reply) return "ignored.partstat";
  await trx
    .updateTable("registrations")
    .set({ calendar_reply: reply, calendar_replied_at: now })
    .where("id", "=", registration.id)
    .execute();
  if (reply !== "declined") return reply;
  // Once the session has begun the seat is no longer anyone else's: the reply is only noted.
  if (session.starts_at <= now) return "declinedAfterStart";
  const cancelled = await cancelRegistrationInTransaction(
    trx,
    registration.id,
    now,
    "declinedInCalendar",
  );
  if (!cancelled.ok) return "ignored.notConfirmed";
  await recordAuditIn(
    trx,
    {
      organiserId: null,
      action: "registration.cancel",
      subjectType: "registration",
      subjectId: registration.id,
      details: {
        sessionId: session.id,
        was: "declinedInCalendar",
        promoted: cancelled.promoted.map((r) => r.id),
      },
    },
    now,
  );
  return "declined";
}

const ACTED_ON = new Set(["REPLY", "REFRESH", "COUNTER"]);

/**
 * Reads one stored mail and acts on it, once: the row is marked processed (its raw message and
 * envelope sender dropped) in the write transaction that acts, guarded by its status, so two
 * workers never act on the same mail twice. Reading the mail happens before, outside the lock.
 * Answers what came of it, or null when the mail was not (or no longer) pending.
 */
export async function processStoredMail(
  id: number,
  now: string = nowInstant(),
): Promise<InboundOutcome | null> {
  const { db } = database();
  const row = await db
    .selectFrom("inbound_mail")
    .select(["raw", "envelope_from", "via"])
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (!row) return null;
  const reading = row.raw === null ? null : await readMail(Buffer.from(row.raw, "latin1"));
  const read = reading && !("outcome" in reading) ? reading : null;

  const result = await writeTransaction(async (trx) => {
    const uid = read?.uid ?? null;
    const target = uid
      ? await trx
          .selectFrom("registrations")
          .select(["id", "session_id"])
          .where("ical_uid", "=", uid)
          .executeTakeFirst()
      : undefined;
    if (target) await lockSession(trx, target.session_id);
    const claimed = await trx
      .updateTable("inbound_mail")
      .set({
        status: "processed",
        raw: null,
        envelope_from: null,
        processed_at: now,
        method: read?.method ?? null,
        uid,
        registration_id: target?.id ?? null,
      })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return null;

    let outcome: InboundOutcome;
    if (!read) outcome = reading && "outcome" in reading ? reading.outcome : "ignored.unreadable";
    else if (!read.method || !ACTED_ON.has(read.method)) outcome = "ignored.method";
    else if (!uid) outcome = "ignored.noUid";
    else if (!target) outcome = "ignored.unknownUid";
    else {
      const registration = await trx
        .selectFrom("registrations")
        .selectAll()
        .where("id", "=", target.id)
        .executeTakeFirstOrThrow();
      outcome = await act(trx, read, registration, row.envelope_from, now);
    }
    await trx.updateTable("inbound_mail").set({ outcome }).where("id", "=", id).execute();
    return { outcome, method: read?.method ?? null, registrationId: target?.id ?? null };
  });
  if (!result) return null;
  // No address or name in the log: the mail's number, what it was, and what came of it.
  console.log(
    `inbound mail ${id} (${row.via}): ${result.method ?? "no calendar method"}${result.registrationId === null ? "" : ` for registration ${result.registrationId}`} → ${result.outcome}`,
  );
  return result.outcome;
}

/**
 * Acts on every stored mail still waiting (the worker's task before each round): mail whose
 * processing right after it arrived failed, or that another instance stored. A mail whose
 * processing fails (a bug, or the database refusing) holds up no other: it is tried again
 * later, and given up after a number of tries.
 */
export async function processInboundMail({
  limit = 50,
  now = nowInstant(),
}: {
  limit?: number;
  now?: string;
} = {}): Promise<number> {
  const pending = await database()
    .db.selectFrom("inbound_mail")
    .select("id")
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", now)]))
    .orderBy("id")
    .limit(limit)
    .execute();
  let processed = 0;
  for (const { id } of pending) {
    try {
      if ((await processStoredMail(id, now)) !== null) processed++;
    } catch (error) {
      await recordFailure(id, error, now);
    }
  }
  return processed;
}

/** Tries before a mail is given up: 1, 2, 4, … minutes apart, up to 4 hours; about 8 hours in all. */
const MAX_ATTEMPTS = 10;
const retryMinutes = (attempts: number) => Math.min(2 ** (attempts - 1), 240);

/**
 * Counts a failed try and sets the next one; after the last, the mail is given up ("failed")
 * and kept as it came, for someone to look at, until the daily retention run.
 */
async function recordFailure(id: number, error: unknown, now: string): Promise<void> {
  const attempts = await writeTransaction(async (trx) => {
    const row = await trx
      .selectFrom("inbound_mail")
      .select("attempts")
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (!row) return null;
    const count = row.attempts + 1;
    await trx
      .updateTable("inbound_mail")
      .set(
        count >= MAX_ATTEMPTS
          ? { attempts: count, status: "failed", outcome: "failed.error", processed_at: now }
          : { attempts: count, next_attempt_at: addMinutes(now, retryMinutes(count)) },
      )
      .where("id", "=", id)
      .execute();
    return count;
  }).catch((recordError) => {
    console.error(`inbound mail ${id}: the failure could not be recorded:`, recordError);
    return null;
  });
  const what =
    attempts === null
      ? "processing failed"
      : attempts >= MAX_ATTEMPTS
        ? `processing failed ${attempts} times; given up, the message is kept for a look`
        : `processing failed (try ${attempts}), tried again in ${retryMinutes(attempts)} min`;
  console.error(`inbound mail ${id}: ${what}:`, error);
}

/**
 * Stores a mail and acts on it right away where it can; whatever goes wrong after storing is
 * left to the worker, which takes every pending mail again.
 */
export async function receiveInboundMail(
  raw: Buffer,
  options: { via: InboundVia; envelopeFrom?: string | null },
): Promise<StoreResult> {
  const stored = await storeInboundMail(raw, options);
  if (stored.ok && !stored.duplicate) {
    const now = nowInstant();
    await processStoredMail(stored.id, now).catch((error) => recordFailure(stored.id, error, now));
  }
  return stored;
}
