import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { enqueueMail } from "../../emails/outbox.server";
import type { Locale } from "../i18n";
import { config } from "../lib/config.server";
import { normalizeEmail } from "../lib/email-field";
import { localePath } from "../lib/locale-path";
import { hashPassword, PasswordHashingBusy } from "../lib/password.server";
import { addMinutes, nowInstant } from "../lib/time";
import { recordAudit } from "./audit.server";
import { queueJob } from "./job.server";
import { hashToken } from "./registration-token.server";
import { unlockSignIn } from "./sign-in.server";

/**
 * One-time links to choose a password, after "forgot password" or for a new organiser, and
 * setting the password with one. Only a hash of a link's token is stored.
 */

const RESET_MINUTES = 60;
const INVITATION_MINUTES = 72 * 60;

/**
 * Asks for a link to set a new password for an address, in the language of the page it was
 * asked on. The request only queues a job, the same one row whether or not the address has an
 * account, so how long the answer takes does not tell; the worker runs it (mailPasswordReset).
 */
export async function queuePasswordReset(
  email: string,
  { locale, now = nowInstant() }: { locale: Locale; now?: string },
): Promise<void> {
  await queueJob("organiser.passwordReset", { email: normalizeEmail(email), locale }, { now });
}

/**
 * Mails a one-time link to set a new password, in the caller's write transaction, when the
 * address belongs to an organiser with a password; does nothing otherwise.
 */
export async function mailPasswordReset(
  trx: Kysely<Database>,
  email: string,
  { locale, now }: { locale: Locale; now: string },
): Promise<void> {
  const organiser = await trx
    .selectFrom("organisers")
    .select(["id", "email", "name"])
    .where("email", "=", normalizeEmail(email))
    // An account that joined through a domain has no password to reset: the city's accounts only.
    .where("city_account_only", "=", 0)
    .executeTakeFirst();
  if (!organiser) return;
  await mailPasswordLink(trx, organiser, { purpose: "reset", locale, now });
}

/** mailPasswordReset in a transaction of its own, at once. */
export async function requestPasswordReset(
  email: string,
  { locale, now = nowInstant() }: { locale: Locale; now?: string },
): Promise<void> {
  await writeTransaction((trx) => mailPasswordReset(trx, email, { locale, now }));
}

/**
 * Mails a one-time link to choose a password: after "forgot password", or to a new organiser.
 * The mail and the page it links to are in `locale`. Only a hash of the link's token is stored.
 */
export async function mailPasswordLink(
  trx: Kysely<Database>,
  organiser: { id: number; email: string; name: string },
  {
    purpose,
    locale,
    now,
    door,
  }: {
    purpose: "reset" | "invitation" | "door";
    locale: Locale;
    now: string;
    /** For a door volunteer: the session their access is for, and whether for its whole day. */
    door?: { session: string; wholeDay: boolean };
  },
): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const validMinutes = purpose === "reset" ? RESET_MINUTES : INVITATION_MINUTES;
  await trx
    .insertInto("password_resets")
    .values({
      token_hash: hashToken(token),
      organiser_id: organiser.id,
      created_at: now,
      expires_at: addMinutes(now, validMinutes),
      used_at: null,
    })
    .execute();
  await enqueueMail(trx, {
    registrationId: null,
    to: { name: organiser.name, email: organiser.email },
    mail: {
      kind: purpose === "reset" ? "organiser.passwordReset" : "organiser.invitation",
      data: {
        purpose,
        name: organiser.name,
        url: `${config().publicUrl}${localePath(locale, `/beheer/wachtwoord/${token}`)}`,
        validMinutes,
        locale,
        ...(door ? { door } : {}),
      },
    },
    now,
  });
}

/** Whether a reset link can still be used. */
export async function isResetTokenValid(token: string, now = nowInstant()): Promise<boolean> {
  const row = await database()
    .db.selectFrom("password_resets")
    .select("token_hash")
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Boolean(row);
}

export type ResetResult = "changed" | "invalidLink" | "busy";

/**
 * Sets a new password with a reset link: the link is used up and so is every other open link
 * of the account, every open session ends, and sign-in limits on the address lift.
 */
export async function resetPassword(
  token: string,
  password: string,
  { clientAddress, now = nowInstant() }: { clientAddress?: string; now?: string } = {},
): Promise<ResetResult> {
  // A link that cannot work costs no hash; the hash is made outside the write lock.
  if (!(await isResetTokenValid(token, now))) return "invalidLink";
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(password);
  } catch (error) {
    if (error instanceof PasswordHashingBusy) return "busy";
    throw error;
  }
  const email = await writeTransaction(async (trx) => {
    const reset = await trx
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning("organiser_id")
      .executeTakeFirst();
    if (!reset) return null;
    await trx
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("organiser_id", "=", reset.organiser_id)
      .where("used_at", "is", null)
      .execute();
    const organiser = await trx
      .updateTable("organisers")
      .set({ password_hash: passwordHash, updated_at: now })
      .where("id", "=", reset.organiser_id)
      .returning("email")
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("auth_sessions").where("organiser_id", "=", reset.organiser_id).execute();
    await recordAudit(
      {
        organiserId: reset.organiser_id,
        action: "organiser.passwordReset",
        subjectType: "organiser",
        subjectId: reset.organiser_id,
        clientAddress,
      },
      { trx, now },
    );
    return organiser.email;
  });
  if (email === null) return "invalidLink";
  await unlockSignIn(email);
  return "changed";
}
