import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, Registration } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import { SESSION_LIMITS } from "../lib/session-form";
import { withoutControlCharacters } from "../lib/text";
import { nowInstant } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";
import { answersOf } from "./question.server";
import { notify } from "./registration.server";
import { getSessionByIdIn, type SessionDetail } from "./session.server";

/**
 * Requests: the sign-ups of a session that requires approval. A request holds no seat; an
 * organiser approves it (it becomes a seat, with the usual confirmation and invite) or declines
 * it (a polite mail, with their reason if they give one). One still open when the session
 * begins is closed by the worker, with a mail. Routes check the organiser's scope first.
 */

/** One open request as the organiser weighs it: the person, and when they asked. */
interface OpenRequest {
  id: number;
  name: string;
  email: string;
  organisation: string | null;
  enterpriseNumber: string | null;
  locale: string;
  requestedAt: string;
  /** What they answered to the session's questions: question id → stored value. */
  answers: Record<number, string>;
  /** When the person last corrected their own details on their manage page; null: never. */
  detailsUpdatedAt: string | null;
}

export interface SessionRequests {
  /** In order of arrival: the first to ask first. */
  open: OpenRequest[];
  declined: number;
  expired: number;
}

/** The requests of a session: the open ones in order of arrival, and how many were closed. */
export async function listRequests(sessionId: number): Promise<SessionRequests> {
  const { db } = database();
  const rows = await db
    .selectFrom("registrations")
    .selectAll()
    .where("session_id", "=", sessionId)
    .where("status", "in", ["requested", "declined", "expired"])
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const open = rows.filter((r) => r.status === "requested");
  const answers = await answersOf(open.map((r) => r.id));
  return {
    open: open.map((r) => openRequestOf(r, answers.get(r.id))),
    declined: rows.filter((r) => r.status === "declined").length,
    expired: rows.filter((r) => r.status === "expired").length,
  };
}

function openRequestOf(registration: Registration, answers?: Map<number, string>): OpenRequest {
  return {
    id: registration.id,
    name: registration.name,
    email: registration.email,
    organisation: registration.organisation,
    enterpriseNumber: registration.enterprise_number,
    locale: registration.locale,
    requestedAt: registration.created_at,
    answers: Object.fromEntries(answers ?? []),
    detailsUpdatedAt: registration.details_updated_at,
  };
}

/** How many requests are open per session, for the sessions given (absent: none). */
export async function openRequestCounts(sessionIds: number[]): Promise<Map<number, number>> {
  if (!sessionIds.length) return new Map();
  const rows = await database()
    .db.selectFrom("registrations")
    .select(["session_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("status", "=", "requested")
    .where("session_id", "in", sessionIds)
    .groupBy("session_id")
    .execute();
  return new Map(rows.map((row) => [row.session_id, Number(row.n)]));
}

/** Why a request cannot be decided: it is no longer open, or its session no longer takes it. */
type Undecidable =
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "notRequested"; name: string }
  | { ok: false; reason: "sessionCancelled" | "started"; name: string };

export type ApproveResult =
  | { ok: true; name: string }
  | Undecidable
  | { ok: false; reason: "full"; name: string; capacity: number };

export type DeclineResult = { ok: true; name: string } | Undecidable;

/**
 * The request and its session, under the session's lock, if it may still be decided: open, and
 * its session neither cancelled nor begun.
 */
async function openRequestIn(
  trx: Kysely<Database>,
  sessionId: number,
  registrationId: number,
  now: string,
) {
  const registration = await trx
    .selectFrom("registrations")
    .selectAll()
    .where("id", "=", registrationId)
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  if (!registration) return { ok: false, reason: "notFound" } as const;
  const { name } = registration;
  if (registration.status !== "requested")
    return { ok: false, reason: "notRequested", name } as const;
  const session = await getSessionByIdIn(trx, registration.session_id);
  if (!session) return { ok: false, reason: "notFound" } as const;
  if (session.status === "cancelled")
    return { ok: false, reason: "sessionCancelled", name } as const;
  if (session.starts_at <= now) return { ok: false, reason: "started", name } as const;
  return { ok: true, registration, session } as const;
}

/**
 * Decides a request under its session's lock, if it may still be decided; `decide` stores the
 * decision, queues its mail and writes its audit entry in the same transaction.
 */
async function decideRequest<R>(
  sessionId: number,
  registrationId: number,
  now: string,
  decide: (trx: Kysely<Database>, registration: Registration, session: SessionDetail) => Promise<R>,
): Promise<R | Undecidable> {
  return writeTransaction(async (trx) => {
    await lockSession(trx, sessionId);
    const open = await openRequestIn(trx, sessionId, registrationId, now);
    return open.ok ? decide(trx, open.registration, open.session) : open;
  });
}

/**
 * Gives a request a seat, exactly as a sign-up with a seat gets one: confirmed, with the
 * confirmation and its invite. The session is locked for the decision, so two organisers
 * approving the last seat at once give it once: the second is refused (`full`), and nothing
 * ever takes more seats than the session has. Approving does not depend on the registration
 * period: a jury often decides after sign-ups close.
 */
export async function approveRequest(
  sessionId: number,
  registrationId: number,
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<ApproveResult> {
  return decideRequest(sessionId, registrationId, now, async (trx, registration, session) => {
    if (session.confirmedCount >= session.capacity) {
      return { ok: false, reason: "full", name: registration.name, capacity: session.capacity };
    }
    const approved = await trx
      .updateTable("registrations")
      .set({ status: "confirmed", confirmed_at: now, updated_at: now })
      .where("id", "=", registration.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await notify(trx, "registration.confirmed", approved, session, now);
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "registration.approve",
        subjectType: "registration",
        subjectId: registration.id,
        details: { sessionId: session.id },
        clientAddress,
      },
      now,
    );
    return { ok: true, name: approved.name };
  });
}

/** The organiser's reason as plain text of a sensible length; null when there is none. */
function cleanReason(reason: string | null | undefined): string | null {
  const clean = withoutControlCharacters(reason ?? "", { multiLine: true })
    .trim()
    .slice(0, SESSION_LIMITS.declineReason);
  return clean || null;
}

/**
 * Declines a request: it is closed without a seat, and the person is told, with the organiser's
 * reason when one is given (kept with the registration, for the person's own page and their
 * data; the audit log records only that there was one).
 */
export async function declineRequest(
  sessionId: number,
  registrationId: number,
  { organiserId, clientAddress, reason, now = nowInstant() }: Actor & { reason?: string | null },
): Promise<DeclineResult> {
  const why = cleanReason(reason);
  return decideRequest(sessionId, registrationId, now, async (trx, registration, session) => {
    const declined = await trx
      .updateTable("registrations")
      .set({ status: "declined", declined_at: now, decline_reason: why, updated_at: now })
      .where("id", "=", registration.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await notify(trx, "registration.requestDeclined", declined, session, now, { reason: why });
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "registration.decline",
        subjectType: "registration",
        subjectId: registration.id,
        details: { sessionId: session.id, reason: why === null ? "none" : "given" },
        clientAddress,
      },
      now,
    );
    return { ok: true as const, name: declined.name };
  });
}

export interface ClosedRequest {
  sessionId: number;
  registrationId: number;
}

/**
 * Closes every request still open for a session that has begun (`expired`), each with a mail
 * that says so: what the worker runs each round. Per session, the requests are read and closed
 * under its lock, and only a request this transaction moved from `requested` gets its mail, so
 * workers asking at the same moment close and mail each one once. A cancelled session's
 * requests stay as they are: their people heard of the cancellation.
 */
export async function closeRequestsAtStart({
  now = nowInstant(),
}: {
  now?: string;
} = {}): Promise<ClosedRequest[]> {
  const due = await database()
    .db.selectFrom("registrations")
    .innerJoin("sessions", "sessions.id", "registrations.session_id")
    .select("registrations.session_id")
    .distinct()
    .where("registrations.status", "=", "requested")
    .where("sessions.status", "=", "scheduled")
    .where("sessions.starts_at", "<=", now)
    .execute();
  const closed: ClosedRequest[] = [];
  for (const { session_id: sessionId } of due) {
    closed.push(
      ...(await writeTransaction(async (trx) => {
        await lockSession(trx, sessionId);
        const session = await getSessionByIdIn(trx, sessionId);
        if (session?.status !== "scheduled" || session.starts_at > now) return [];
        const expired = await trx
          .updateTable("registrations")
          .set({ status: "expired", declined_at: now, updated_at: now })
          .where("session_id", "=", sessionId)
          .where("status", "=", "requested")
          .returningAll()
          .execute();
        expired.sort((a, b) => a.id - b.id);
        for (const registration of expired) {
          await notify(trx, "registration.requestExpired", registration, session, now);
        }
        return expired.map((registration) => ({ sessionId, registrationId: registration.id }));
      })),
    );
  }
  return closed;
}
