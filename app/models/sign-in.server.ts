import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database } from "../../db/schema";
import { normalizeEmail } from "../lib/email-field";
import { decoyHash, PasswordHashingBusy, verifyPassword } from "../lib/password.server";
import { PASSWORD_MAX_LENGTH } from "../lib/password-rules";
import { hasControlCharacter } from "../lib/text";
import { addMinutes, nowInstant } from "../lib/time";
import { recordAudit, recordAuditIn } from "./audit.server";
import { type JobPayloads, queueJob } from "./job.server";
import type { PublicOrganiser, SignedInOrganiser } from "./organiser.server";
import { budgetOf, consume, forget, isExhausted, limitKey, refund } from "./rate-limit.server";
import { hashToken } from "./registration-token.server";
import { doorAccessOf, scopeOf } from "./scope.server";

/**
 * Signing in and the sessions it starts: an address and a password become a session token (only
 * its hash is stored), which names the organiser and their scope until it expires or they sign
 * out. Wrong passwords are counted and, past a limit, refused for a while.
 */

const SESSION_MINUTES = 12 * 60;

export type LoginResult =
  | { ok: true; organiser: PublicOrganiser; sessionToken: string }
  | { ok: false; reason: "invalid" }
  /** A door volunteer's right password after their session: their access has ended. */
  | { ok: false; reason: "doorAccessEnded" }
  | { ok: false; reason: "locked" | "busy"; retryAfterSeconds: number };

/** The keys failed sign-ins for an address are counted under: from one client, and from all. */
function loginKeys(email: string, client: string) {
  const account = normalizeEmail(email);
  return {
    accountClient: limitKey("login.accountClient", account, client),
    account: limitKey("login.account", account),
  };
}

/**
 * Checks an address and password. Every attempt is counted before the password is checked,
 * in one atomic step per key, so parallel guesses count exactly like sequential ones:
 * per account and client address (a few wrong ones lock out that client only, for a while)
 * and per account from everywhere (distributed guessing). A right password gives its
 * attempts back. Unknown addresses go through the same steps, a decoy hash included, so the
 * answer, its status and its timing say nothing about which addresses have an account.
 */
export async function logIn(
  email: string,
  password: string,
  { client = "unknown", now = nowInstant() }: { client?: string; now?: string } = {},
): Promise<LoginResult> {
  const keys = loginKeys(email, client);
  const at = { now: Date.parse(now) };
  const verdicts = [
    await consume(keys.accountClient, budgetOf("login.accountClient"), at),
    await consume(keys.account, budgetOf("login.account"), at),
  ];
  const refused = verdicts.flatMap((verdict) => (verdict.ok ? [] : [verdict.retryAfterSeconds]));
  if (refused.length)
    return { ok: false, reason: "locked", retryAfterSeconds: Math.max(...refused) };

  const organiser = await database()
    .db.selectFrom("organisers")
    .select(["id", "email", "name", "role", "password_hash"])
    .where("email", "=", normalizeEmail(email))
    .executeTakeFirst();
  let matches: boolean;
  try {
    matches =
      password.length > 0 &&
      password.length <= PASSWORD_MAX_LENGTH &&
      // No password is ever set with one, and scrypt would read "secret\0" as "secret".
      !hasControlCharacter(password) &&
      (await verifyPassword(password, organiser?.password_hash ?? (await decoyHash())));
  } catch (error) {
    if (!(error instanceof PasswordHashingBusy)) throw error;
    // Nothing was checked: this attempt does not count.
    await refund(keys.accountClient);
    await refund(keys.account);
    return { ok: false, reason: "busy", retryAfterSeconds: 5 };
  }
  if (!organiser || !matches) {
    // The audit entry is left to a job, queued for unknown addresses too: the same one row
    // either way, so the answer takes as long for a known address as for an unknown one. An
    // unknown address is recorded nowhere: what someone typed there (a colleague's address, or
    // their password in the wrong field) is not ours to keep, and it names no account; the
    // attempt still counts against the limits, under a hash.
    await queueJob(
      "organiser.signInFailed",
      {
        organiserId: organiser?.id ?? null,
        clientAddress: organiser ? client : null,
        at: now,
      },
      { now },
    );
    return { ok: false, reason: "invalid" };
  }

  // The right password: this client starts afresh, and the attempt leaves the account's count.
  await forget({ keys: [keys.accountClient] });
  await refund(keys.account);
  if (organiser.role === "door" && !(await doorAccessOf(organiser.id, now))) {
    return { ok: false, reason: "doorAccessEnded" };
  }
  const sessionToken = await startAuthSession(organiser.id, now);
  await recordAudit(
    {
      organiserId: organiser.id,
      action: "organiser.signIn",
      subjectType: "organiser",
      subjectId: organiser.id,
      clientAddress: client,
    },
    { now },
  );
  return {
    ok: true,
    organiser: {
      id: organiser.id,
      email: organiser.email,
      name: organiser.name,
      role: organiser.role,
    },
    sessionToken,
  };
}

/** The audit entry of a failed sign-in (the job logIn queues), for an address with an account. */
export async function auditFailedSignIn(
  trx: Kysely<Database>,
  { organiserId, clientAddress, at }: JobPayloads["organiser.signInFailed"],
): Promise<void> {
  if (organiserId === null) return;
  await recordAuditIn(
    trx,
    {
      organiserId: null,
      action: "organiser.signInFailed",
      subjectType: "organiser",
      subjectId: organiserId,
      clientAddress,
    },
    at,
  );
}

/** The prefix of the keys that count one address's failures from each client. */
function perClientPrefix(email: string) {
  const { accountClient } = loginKeys(email, "");
  // The per-client keys share the account's part: "login.accountClient:<account>:<client>".
  return accountClient.slice(0, accountClient.lastIndexOf(":") + 1);
}

/** Lifts every sign-in limit on an address: after a password reset, or by an admin. */
export async function unlockSignIn(email: string): Promise<void> {
  const { account } = loginKeys(email, "");
  await forget({ keys: [account], prefixes: [perClientPrefix(email)] });
}

/** Whether sign-in for this address is refused now, from everywhere or from some client. */
export async function isSignInLocked(email: string, now = nowInstant()): Promise<boolean> {
  const { account } = loginKeys(email, "");
  const at = { now: Date.parse(now) };
  return (
    (await isExhausted({ key: account }, budgetOf("login.account"), at)) ||
    (await isExhausted({ prefix: perClientPrefix(email) }, budgetOf("login.accountClient"), at))
  );
}

async function startAuthSession(organiserId: number, now: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await database()
    .db.insertInto("auth_sessions")
    .values({
      token_hash: hashToken(token),
      organiser_id: organiserId,
      created_at: now,
      expires_at: addMinutes(now, SESSION_MINUTES),
    })
    .execute();
  return token;
}

/**
 * The organiser a session token belongs to, with their scope; null when unknown or expired, and
 * for a door volunteer whose access has ended since they signed in.
 */
export async function organiserBySessionToken(
  token: string,
  now = nowInstant(),
): Promise<SignedInOrganiser | null> {
  const organiser = await database()
    .db.selectFrom("auth_sessions")
    .innerJoin("organisers", "organisers.id", "auth_sessions.organiser_id")
    .select(["organisers.id", "organisers.email", "organisers.name", "organisers.role"])
    .where("auth_sessions.token_hash", "=", hashToken(token))
    .where("auth_sessions.expires_at", ">", now)
    .executeTakeFirst();
  if (!organiser) return null;
  if (organiser.role !== "door") return { ...organiser, scope: await scopeOf(organiser) };
  const door = await doorAccessOf(organiser.id, now);
  if (!door) return null;
  return {
    ...organiser,
    scope: { all: false, cityIds: [], partnerIds: [], sessionIds: door.sessionIds },
  };
}

/** Signing out: the session token no longer names anyone. */
export async function endAuthSession(token: string): Promise<void> {
  await database()
    .db.deleteFrom("auth_sessions")
    .where("token_hash", "=", hashToken(token))
    .execute();
}
