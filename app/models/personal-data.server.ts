import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/*
 * Personal data of attendees, and how it leaves the database: anonymising one registration
 * (after the retention period, or when the person asks for erasure).
 */

/** The name an anonymised registration shows everywhere (lists, exports, the audit log). */
export const ANONYMISED_NAME = "Geanonimiseerd";

/**
 * The address an anonymised registration keeps: unique per registration (the unique index on
 * session and address stays satisfied), and under `.invalid` (RFC 2606) so it can never be
 * anyone's mailbox.
 */
export function anonymisedEmail(registrationId: number): string {
  return `geanonimiseerd-${registrationId}@invalid`;
}

/**
 * Replaces the person in a registration by placeholders, inside the caller's write transaction:
 * name, email address, organisation, enterprise number and dietary needs go; the manage link
 * and the check-in code stop working for good. What the city counts stays: the session, the
 * status, when it was made, confirmed, cancelled and checked in.
 *
 * The registration's mail goes too: sent and failed messages lose their recipient and body,
 * messages not yet sent are dropped (they would go to an address that is no longer there).
 * So queue any last message to the person (an erasure receipt, say) AFTER calling this, with
 * `registrationId: null`.
 *
 * Status and seats are not touched: cancel first (and promote from the waiting list) when the
 * session is still to come. Answers whether the registration was anonymised now (false when it
 * does not exist or already was); calling it twice changes nothing more.
 */
export async function anonymiseRegistration(
  trx: Kysely<Database>,
  registrationId: number,
  now: string,
): Promise<boolean> {
  const placeholder = anonymisedEmail(registrationId);
  const result = await trx
    .updateTable("registrations")
    .set({
      name: ANONYMISED_NAME,
      email: placeholder,
      email_normalized: placeholder,
      organisation: null,
      enterprise_number: null,
      dietary_needs: null,
      // Random and thrown away: no link or code anyone holds can match it again.
      manage_token: `geanonimiseerd:${randomBytes(32).toString("base64url")}`,
      checkin_code: null,
      anonymised_at: now,
      updated_at: now,
    })
    .where("id", "=", registrationId)
    .where("anonymised_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;

  await trx
    .deleteFrom("outbox")
    .where("registration_id", "=", registrationId)
    .where("status", "=", "pending")
    .execute();
  await trx
    .updateTable("outbox")
    .set(PURGED_MAIL)
    .set({ body_purged_at: now })
    .where("registration_id", "=", registrationId)
    .where("body_purged_at", "is", null)
    .execute();
  return true;
}

/** What a mail keeps once its body and recipient are removed: its kind, status and times. */
export const PURGED_MAIL = {
  to_email: "",
  to_name: "",
  subject: "",
  html: "",
  text: "",
  ics: null,
} as const;
