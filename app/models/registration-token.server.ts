import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, RegistrationTokenPurpose } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";

/**
 * The keys in the links mailed to a person: the manage page (`/inschrijving/<token>`), the
 * check-in QR code, and the view page (`/inschrijving/bekijken/<token>`) that invites carry in
 * their DESCRIPTION. A calendar is often shared or delegated and an Outlook meeting forwarded,
 * so what sits in a calendar only shows the registration and can mail its owner the manage
 * link; cancelling, downloading and erasing need the manage link, which only mail carries. Only their SHA-256 is stored, as with organisers' session tokens, so a copy
 * of the database opens no registration; looking one up is an equality on the hash, which
 * tells a timing observer nothing about the secret. A mail is rendered when it is queued and a
 * hash cannot be turned back into its token, so every mail that carries a link gets a token of
 * its own; those mailed earlier keep working.
 */

export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

const TOKEN_BYTES: Record<RegistrationTokenPurpose, number> = {
  manage: 24,
  checkin: 16,
  view: 24,
  survey: 24,
};

/** A new token and its hash, made before anything is stored (nothing slow under a lock). */
export function newRegistrationToken(purpose: RegistrationTokenPurpose) {
  const token = randomBytes(TOKEN_BYTES[purpose]).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** A new token for this registration, stored as its hash; the token itself goes in the mail. */
export async function issueRegistrationToken(
  trx: Kysely<Database>,
  registrationId: number,
  purpose: RegistrationTokenPurpose,
  now: string,
): Promise<string> {
  const { token } = newRegistrationToken(purpose);
  await trx
    .insertInto("registration_tokens")
    .values({
      token_hash: hashToken(token),
      registration_id: registrationId,
      purpose,
      created_at: now,
    })
    .execute();
  return token;
}

/**
 * A view link made outside any mail, in a transaction of its own: for the invite file the
 * manage page offers, which carries one as the mailed invite does.
 */
export async function issueViewToken(registrationId: number, now: string): Promise<string> {
  return writeTransaction((trx) => issueRegistrationToken(trx, registrationId, "view", now));
}

/**
 * What a token opens: a registration (and its session), a registration that was erased (its
 * links say so rather than "unknown"), or nothing.
 */
export type TokenTarget =
  | { state: "found"; registrationId: number; sessionId: number }
  | { state: "erased" }
  | { state: "unknown" };

export async function resolveRegistrationToken(
  token: string,
  purpose: RegistrationTokenPurpose,
): Promise<TokenTarget> {
  return resolveRegistrationTokenIn(database().db, token, purpose);
}

/** What a token opens, as resolveRegistrationToken says, read in the caller's transaction. */
export async function resolveRegistrationTokenIn(
  trx: Kysely<Database>,
  token: string,
  purpose: RegistrationTokenPurpose,
): Promise<TokenTarget> {
  if (!token) return { state: "unknown" };
  const row = await trx
    .selectFrom("registration_tokens")
    .leftJoin("registrations", "registrations.id", "registration_tokens.registration_id")
    .select(["registration_tokens.registration_id", "registrations.session_id"])
    .where("registration_tokens.token_hash", "=", hashToken(token))
    .where("registration_tokens.purpose", "=", purpose)
    .executeTakeFirst();
  if (!row) return { state: "unknown" };
  if (row.registration_id === null) return { state: "erased" };
  if (row.session_id === null) return { state: "unknown" };
  return { state: "found", registrationId: row.registration_id, sessionId: row.session_id };
}
