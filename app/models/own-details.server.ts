import type { Registration, Session } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import type { StoredAnswer } from "../lib/questions";
import { nowInstant } from "../lib/time";
import { recordAuditIn } from "./audit.server";
import { answersOf, listQuestions, listQuestionsIn, storeAnswersIn } from "./question.server";
import { LIVE_STATUSES, notify } from "./registration.server";
import { resolveRegistrationToken } from "./registration-token.server";
import { availabilityOf, getSessionByIdIn } from "./session.server";

/**
 * A person correcting their own details from their manage page (GDPR art. 16): their name,
 * organisation, enterprise number and answers to the session's questions, for as long as the
 * session takes sign-ups. Their address is not theirs to change here: it is what holds the
 * registration (one per address and session), and the link the mails went to.
 */

/** What a person may correct: all they entered at sign-up but their address. */
export interface OwnDetails {
  name: string;
  organisation: string | null;
  enterpriseNumber: string | null;
  /** Their answers to the questions the session asks; a question left open stores nothing. */
  answers: readonly StoredAnswer[];
}

/** The fields a correction changed, as the audit log names them (never their values). */
type OwnDetailsField = "name" | "organisation" | "enterpriseNumber" | "answers";

/**
 * Why a registration's details can no longer be corrected by its person: it is no longer live
 * (cancelled, declined, expired), or its session no longer takes sign-ups (cancelled, begun,
 * or past the moment its sign-up closes).
 */
export type OwnDetailsLock = "notLive" | "cancelled" | "past" | "closed";

/** Whether the person may correct their details now, and if not, why: the one place that decides. */
export function ownDetailsLock(
  registration: Pick<Registration, "status">,
  session: Pick<
    Session,
    "status" | "starts_at" | "capacity" | "registration_opens_at" | "registration_closes_at"
  >,
  now: string,
): OwnDetailsLock | null {
  if (!(LIVE_STATUSES as readonly string[]).includes(registration.status)) return "notLive";
  // Seats play no part: a person on the waiting list corrects their details as one with a seat.
  const { state } = availabilityOf(session, 0, now);
  return state === "cancelled" || state === "past" || state === "closed" ? state : null;
}

/** The form of the manage page: the questions the session asks now, and the stored answers. */
export async function ownDetailsFormOf(registration: Pick<Registration, "id" | "session_id">) {
  const [questions, answers] = await Promise.all([
    listQuestions(registration.session_id),
    answersOf([registration.id]),
  ]);
  return {
    questions,
    answers: Object.fromEntries(answers.get(registration.id) ?? []) as Record<number, string>,
  };
}

export type OwnDetailsResult =
  /** `changed` empty: the form held what was stored, and nothing was written. */
  | { ok: true; changed: OwnDetailsField[]; invited: boolean }
  | { ok: false; reason: "notFound" | OwnDetailsLock };

const sameAnswers = (a: ReadonlyMap<number, string>, b: ReadonlyMap<number, string>) =>
  a.size === b.size && [...a].every(([questionId, value]) => b.get(questionId) === value);

/**
 * Stores the person's corrections, by their manage token, in one write transaction that holds
 * the session and decides again under the lock: a registration cancelled, or a sign-up that
 * closed, since the page was shown, stores nothing. Answers are replaced for the questions the
 * session asks now; an answer to a question since removed stays, as it does for everyone.
 * A change is written to the audit log (which fields, not what they hold). Someone with a seat
 * whose name changed gets their invite again on that name; nothing else sends any mail.
 */
export async function updateOwnDetails(
  token: string,
  details: OwnDetails,
  { now = nowInstant() }: { now?: string } = {},
): Promise<OwnDetailsResult> {
  const target = await resolveRegistrationToken(token, "manage");
  if (target.state !== "found") return { ok: false, reason: "notFound" };

  return writeTransaction(async (trx): Promise<OwnDetailsResult> => {
    await lockSession(trx, target.sessionId);
    const registration = await trx
      .selectFrom("registrations")
      .selectAll()
      .where("id", "=", target.registrationId)
      .where("anonymised_at", "is", null)
      .executeTakeFirst();
    const session = await getSessionByIdIn(trx, target.sessionId);
    if (!registration || !session) return { ok: false, reason: "notFound" };
    const lock = ownDetailsLock(registration, session, now);
    if (lock) return { ok: false, reason: lock };

    const asked = (await listQuestionsIn(trx, session.id)).map((question) => question.id);
    const stored = await trx
      .selectFrom("registration_answers")
      .select(["question_id", "value"])
      .where("registration_id", "=", registration.id)
      .execute();
    const before = new Map(
      stored.filter((a) => asked.includes(a.question_id)).map((a) => [a.question_id, a.value]),
    );
    // Answers to a question removed since the form was read are not the session's to keep.
    const answers = details.answers.filter((answer) => asked.includes(answer.questionId));
    const after = new Map(answers.map((answer) => [answer.questionId, answer.value]));

    const changed: OwnDetailsField[] = [];
    if (details.name !== registration.name) changed.push("name");
    if (details.organisation !== registration.organisation) changed.push("organisation");
    if (details.enterpriseNumber !== registration.enterprise_number) {
      changed.push("enterpriseNumber");
    }
    if (!sameAnswers(before, after)) changed.push("answers");
    if (!changed.length) return { ok: true, changed, invited: false };

    const updated = await trx
      .updateTable("registrations")
      .set({
        name: details.name,
        organisation: details.organisation,
        enterprise_number: details.enterpriseNumber,
        updated_at: now,
        details_updated_at: now,
      })
      .where("id", "=", registration.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (changed.includes("answers")) {
      await trx
        .deleteFrom("registration_answers")
        .where("registration_id", "=", registration.id)
        .where("question_id", "in", asked)
        .execute();
      await storeAnswersIn(trx, registration.id, answers);
    }
    // No client address: the person is not an organiser, and their address is theirs.
    await recordAuditIn(
      trx,
      {
        organiserId: null,
        action: "registration.selfUpdate",
        subjectType: "registration",
        subjectId: registration.id,
        details: { by: "self", sessionId: session.id, fields: changed },
      },
      now,
    );
    // The invite names its attendee; nothing else a correction touches is in a calendar.
    const invited = changed.includes("name") && updated.status === "confirmed";
    if (invited) await notify(trx, "registration.detailsUpdated", updated, session, now);
    return { ok: true, changed, invited };
  });
}
