import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { lockSession, writeTransaction } from "../../db/transaction";
import { normalizeEmail } from "../lib/email-field";
import { nowInstant } from "../lib/time";
import { recordAudit } from "./audit.server";
import { forgetJobsNaming } from "./job.server";
import { anonymiseRegistration } from "./personal-data.server";
import { forgetPersonPseudonymIn, forgetPseudonymIn } from "./pseudonym.server";
import { cancelRegistrationInTransaction } from "./registration.server";
import { resolveRegistrationToken } from "./registration-token.server";

/**
 * A person's right to erasure (GDPR art. 17), from their manage page or by an admin on their
 * request. A live registration is cancelled first, exactly as a cancellation is (the CANCEL for
 * the invite is queued, the freed seat goes to the first person waiting); then the person is
 * replaced by placeholders (anonymiseRegistration), their links stop working and their mail is
 * emptied. The CANCEL is the one message that still leaves: without it the event would stay in
 * their calendar. Once sent, it is emptied too (worker/outbox.server.ts).
 */

async function eraseInTransaction(
  trx: Kysely<Database>,
  registrationId: number,
  now: string,
): Promise<{ erased: boolean; promoted: number }> {
  const cancellation = await cancelRegistrationInTransaction(trx, registrationId, now);
  // anonymiseRegistration drops every unsent mail of the registration; a CANCEL among them (the
  // one just queued, or an earlier one not sent yet) must still reach the calendar.
  const cancels = await trx
    .selectFrom("outbox")
    .selectAll()
    .where("registration_id", "=", registrationId)
    .where("status", "=", "pending")
    .where("ics_method", "=", "CANCEL")
    .orderBy("id")
    .execute();
  const erased = await anonymiseRegistration(trx, registrationId, now);
  // The report's pseudonym of the person goes too: erased is not counted as someone.
  await forgetPseudonymIn(trx, registrationId);
  for (const { id: _id, ...cancel } of cancels) {
    await trx.insertInto("outbox").values(cancel).execute();
  }
  return { erased, promoted: cancellation.ok ? cancellation.promoted.length : 0 };
}

export type EraseByTokenResult =
  | { ok: true; promoted: number }
  | { ok: false; reason: "notFound" | "erased" };

/** Erases the registration a manage link opens, at the person's own request. */
export async function eraseRegistrationByToken(
  token: string,
  { now = nowInstant() }: { now?: string } = {},
): Promise<EraseByTokenResult> {
  const found = await resolveRegistrationToken(token, "manage");
  if (found.state === "unknown") return { ok: false, reason: "notFound" };
  if (found.state === "erased") return { ok: false, reason: "erased" };

  return writeTransaction(async (trx) => {
    await lockSession(trx, found.sessionId);
    const { erased, promoted } = await eraseInTransaction(trx, found.registrationId, now);
    // A second click while the first was under way: the first one erased it.
    if (!erased) return { ok: false, reason: "erased" };
    // No client address: the person is not an organiser, and their address is theirs.
    await recordAudit(
      {
        organiserId: null,
        action: "registration.erase",
        subjectType: "registration",
        subjectId: found.registrationId,
        details: { by: "self", sessionId: found.sessionId },
      },
      { trx, now },
    );
    return { ok: true, promoted };
  });
}

/**
 * Erases every registration of one email address, in every session, for an admin acting on the
 * person's request. One transaction holds every session concerned (locked in id order, so two
 * erasures cannot deadlock), so the erasure happens entirely or not at all.
 */
export async function erasePersonByEmail(
  email: string,
  {
    organiserId,
    clientAddress = null,
    now = nowInstant(),
  }: { organiserId: number; clientAddress?: string | null; now?: string },
): Promise<{ erased: number; promoted: number }> {
  const address = normalizeEmail(email);
  return writeTransaction(async (trx) => {
    const sessions = await trx
      .selectFrom("registrations")
      .select("session_id")
      .distinct()
      .where("email_normalized", "=", address)
      .where("anonymised_at", "is", null)
      .orderBy("session_id")
      .execute();
    for (const { session_id } of sessions) await lockSession(trx, session_id);
    // Read again under the locks: a sign-up may have come in between.
    const locked = sessions.map(({ session_id }) => session_id);
    const registrations = locked.length
      ? await trx
          .selectFrom("registrations")
          .select("id")
          .where("email_normalized", "=", address)
          .where("anonymised_at", "is", null)
          .where("session_id", "in", locked)
          .orderBy("id")
          .execute()
      : [];
    let erased = 0;
    let promoted = 0;
    for (const { id } of registrations) {
      const result = await eraseInTransaction(trx, id, now);
      if (!result.erased) continue;
      erased++;
      promoted += result.promoted;
      await recordAudit(
        {
          organiserId,
          action: "registration.erase",
          subjectType: "registration",
          subjectId: id,
          details: { by: "admin" },
          clientAddress,
        },
        { trx, now },
      );
    }
    // A password link asked for with the address, still queued or given up.
    await forgetJobsNaming(trx, address);
    // The pseudonym also of registrations retention anonymised before: they no longer hold
    // the address, but the report would still count them as this person.
    await forgetPersonPseudonymIn(trx, address);
    return { erased, promoted };
  });
}
