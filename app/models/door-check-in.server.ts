import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, Registration } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import { DEFAULT_LOCALE, type Locale } from "../i18n";
import type { DoorOperation, DoorPerson, RefusalReason } from "../lib/door-check-in";
import { localeOfLanguage } from "../lib/locale-path";
import { nowInstant } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";
import { createRegistration, liveRegistrationOf } from "./registration.server";
import { getSessionByIdIn, type SessionDetail } from "./session.server";

/**
 * What phones queued at the door, applied once each: check-ins, undos and walk-ins. A phone
 * without a network keeps them and sends them when it can, again and again until it hears which
 * were applied; two phones may check in the same person. Each operation carries the id its
 * phone gave it, and `check_in_operations` holds the ids applied, so whoever sends an operation
 * how often, it counts once; a person checked in twice keeps the earliest time.
 *
 * A walk-in is a registration of its own (source `door`), confirmed and checked in, holding no
 * seat: the seats and the waiting list are as if they were not there (see session.server.ts).
 * One who gives an address that already has a seat is that person, checked in; one who waits
 * or asked for a seat gets in at the door and becomes the walk-in. Without an address they get
 * no mail; with one, the mails after the session like anyone who came.
 */

/** How far back a phone may say something happened: a queue older than this is dated at most so. */
const OLDEST_OPERATION_MS = 7 * 24 * 3_600_000;

/**
 * When an operation happened, on the server's clock. A phone's clock may be off, but the time
 * between the tap and the sending is measured on that one clock: the operation happened that
 * long before now. Never in the future, and never longer ago than a week.
 */
function serverTimeOf(at: string, sentAt: string, now: string): string {
  const elapsed = Math.min(Math.max(Date.parse(sentAt) - Date.parse(at), 0), OLDEST_OPERATION_MS);
  return new Date(Date.parse(now) - elapsed).toISOString();
}

type OperationOutcome =
  | { id: string; applied: true }
  | { id: string; applied: false; reason: RefusalReason };

export type DoorQueueResult =
  | { ok: true; outcomes: OperationOutcome[] }
  | { ok: false; reason: "notFound" };

interface Applying {
  session: SessionDetail;
  /** The operation's moment on the server's clock. */
  at: string;
  actor: Actor & { now: string };
}

type Applied = { ok: true; registrationId: number } | { ok: false; reason: RefusalReason };

/**
 * Applies what a phone queued at a session's door, in order, in one transaction: each
 * operation not applied before is applied now or refused (a registration of another session,
 * someone who no longer has a seat, a cancelled session). Which operation had which outcome is
 * the answer; refused ones change nothing and are not kept, so sending them again is refused
 * again. The caller has checked that the session is the actor's to check in at.
 */
export async function applyDoorQueue(
  sessionId: number,
  { sentAt, operations }: { sentAt: string; operations: readonly DoorOperation[] },
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<DoorQueueResult> {
  return writeTransaction(async (trx) => {
    // Locked so two phones sending at once, or a cancellation beside them, go one after the other.
    await lockSession(trx, sessionId);
    const session = await getSessionByIdIn(trx, sessionId);
    if (!session) return { ok: false, reason: "notFound" };
    const actor = { organiserId, clientAddress, now };
    const outcomes: OperationOutcome[] = [];
    for (const operation of operations) {
      const done = await trx
        .selectFrom("check_in_operations")
        .select("session_id")
        .where("id", "=", operation.id)
        .executeTakeFirst();
      if (done) {
        outcomes.push(
          done.session_id === sessionId
            ? { id: operation.id, applied: true }
            : { id: operation.id, applied: false, reason: "idTaken" },
        );
        continue;
      }
      const applying = { session, at: serverTimeOf(operation.at, sentAt, now), actor };
      const result =
        operation.kind === "walkIn"
          ? await walkIn(trx, operation, applying)
          : await markPresence(trx, operation.registrationId, operation.kind, applying);
      if (!result.ok) {
        outcomes.push({ id: operation.id, applied: false, reason: result.reason });
        continue;
      }
      await trx
        .insertInto("check_in_operations")
        .values({
          id: operation.id,
          session_id: sessionId,
          registration_id: result.registrationId,
          kind: operation.kind,
          applied_at: now,
        })
        .execute();
      outcomes.push({ id: operation.id, applied: true });
    }
    return { ok: true, outcomes };
  });
}

/** The earlier of a stored check-in and a new one: two phones, one check-in, the first moment. */
const earliest = (stored: string | null, at: string) =>
  stored !== null && stored < at ? stored : at;

/**
 * A check-in or its undo. Only someone with a seat is checked in. Undoing a walk-in's check-in
 * takes them off the list: they were only on it for being there.
 */
async function markPresence(
  trx: Kysely<Database>,
  registrationId: number,
  kind: "checkIn" | "undo",
  { session, at, actor }: Applying,
): Promise<Applied> {
  const registration = await trx
    .selectFrom("registrations")
    .select(["id", "status", "source", "checked_in_at"])
    .where("id", "=", registrationId)
    .where("session_id", "=", session.id)
    .executeTakeFirst();
  if (!registration) return { ok: false, reason: "notFound" };
  if (kind === "checkIn") {
    if (registration.status !== "confirmed") return { ok: false, reason: "notConfirmed" };
    const checkedInAt = earliest(registration.checked_in_at, at);
    if (checkedInAt !== registration.checked_in_at) {
      await trx
        .updateTable("registrations")
        .set({ checked_in_at: checkedInAt, updated_at: actor.now })
        .where("id", "=", registration.id)
        .execute();
    }
  } else {
    const walkedIn = registration.source === "door" && registration.status === "confirmed";
    await trx
      .updateTable("registrations")
      .set({
        checked_in_at: null,
        updated_at: actor.now,
        ...(walkedIn ? { status: "cancelled" as const, cancelled_at: actor.now } : {}),
      })
      .where("id", "=", registration.id)
      .execute();
  }
  await audit(trx, kind === "checkIn" ? "registration.checkIn" : "registration.checkInUndone", {
    registrationId,
    session,
    actor,
  });
  return { ok: true, registrationId };
}

/** The language a walk-in's mail (the thank-you, if they gave an address) is in: the session's. */
const localeOfSession = (session: SessionDetail): Locale =>
  localeOfLanguage(session.language) ?? DEFAULT_LOCALE;

/** Someone at the door who is not on the list: on it now, checked in. */
async function walkIn(
  trx: Kysely<Database>,
  operation: Extract<DoorOperation, { kind: "walkIn" }>,
  { session, at, actor }: Applying,
): Promise<Applied> {
  if (session.status === "cancelled") return { ok: false, reason: "sessionCancelled" };
  const known = operation.email ? await liveRegistrationOf(trx, session.id, operation.email) : null;
  let registration: Pick<Registration, "id" | "checked_in_at">;
  if (known?.status === "confirmed") {
    registration = known;
  } else if (known) {
    // Waiting, or asked for a seat: let in at the door, outside the seats like any walk-in.
    registration = known;
    await trx
      .updateTable("registrations")
      .set({ status: "confirmed", source: "door", confirmed_at: actor.now, updated_at: actor.now })
      .where("id", "=", known.id)
      .execute();
  } else {
    registration = await createRegistration(
      trx,
      session,
      {
        name: operation.name,
        email: operation.email ?? "",
        organisation: null,
        enterpriseNumber: null,
      },
      { locale: localeOfSession(session), now: actor.now, source: "door", confirmed: true },
    );
  }
  await trx
    .updateTable("registrations")
    .set({ checked_in_at: earliest(registration.checked_in_at, at), updated_at: actor.now })
    .where("id", "=", registration.id)
    .execute();
  await audit(trx, "registration.walkIn", {
    registrationId: registration.id,
    session,
    actor,
    details: { matched: known?.status ?? "none" },
  });
  return { ok: true, registrationId: registration.id };
}

function audit(
  trx: Kysely<Database>,
  action: "registration.checkIn" | "registration.checkInUndone" | "registration.walkIn",
  {
    registrationId,
    session,
    actor,
    details = {},
  }: {
    registrationId: number;
    session: SessionDetail;
    actor: Actor & { now: string };
    details?: Record<string, string>;
  },
) {
  return recordAuditIn(
    trx,
    {
      organiserId: actor.organiserId,
      action,
      subjectType: "registration",
      subjectId: registrationId,
      // Sent from a phone's queue: it may have happened some time before it reached us.
      details: { sessionId: session.id, queued: true, ...details },
      clientAddress: actor.clientAddress,
    },
    actor.now,
  );
}

/**
 * The door list of a session: everyone with a seat and every walk-in, by name, with their
 * check-in state and the hashes of their check-in codes (a QR code scanned offline finds them).
 * Names and state only: what a door volunteer may see; organisations for the organisers' pages.
 */
export async function doorListOf(sessionId: number): Promise<DoorPerson[]> {
  const { db } = database();
  const people = await db
    .selectFrom("registrations")
    .select(["id", "name", "organisation", "checked_in_at", "source"])
    .where("session_id", "=", sessionId)
    .where("status", "=", "confirmed")
    .execute();
  const codes = people.length
    ? await db
        .selectFrom("registration_tokens")
        .select(["registration_id", "token_hash"])
        .where("purpose", "=", "checkin")
        .where(
          "registration_id",
          "in",
          people.map((person) => person.id),
        )
        .orderBy("token_hash")
        .execute()
    : [];
  const codesOf = new Map<number, string[]>();
  for (const code of codes) {
    if (code.registration_id === null) continue;
    codesOf.set(code.registration_id, [
      ...(codesOf.get(code.registration_id) ?? []),
      code.token_hash,
    ]);
  }
  return people
    .map((person) => ({
      id: person.id,
      name: person.name,
      organisation: person.organisation,
      present: person.checked_in_at !== null,
      walkIn: person.source === "door",
      codes: codesOf.get(person.id) ?? [],
    }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id);
}

/** The order a list at the door is read in. */
const byName = new Intl.Collator("nl-BE", { sensitivity: "base", numeric: true });
