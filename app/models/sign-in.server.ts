import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { AuthStage, Database } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { normalizeEmail } from "../lib/email-field";
import { decoyHash, PasswordHashingBusy, verifyPassword } from "../lib/password.server";
import { PASSWORD_MAX_LENGTH } from "../lib/password-rules";
import { hasControlCharacter } from "../lib/text";
import { addMinutes, nowInstant } from "../lib/time";
import { recordAuditIn } from "./audit.server";
import { type JobPayloads, queueJob } from "./job.server";
import type { PublicOrganiser, SignedInOrganiser } from "./organiser.server";
import { budgetOf, consume, forget, isExhausted, limitKey, refund } from "./rate-limit.server";
import { hashToken } from "./registration-token.server";
import { doorAccessOf, scopeOf } from "./scope.server";
import { mustHaveSecondFactor, secondFactorRequirementIn } from "./settings.server";

/**
 * Signing in and the sessions it starts: an address and a password become a session token (only
 * its hash is stored), which names the organiser and their scope until it expires or they sign
 * out. Wrong passwords are counted and, past a limit, refused for a while. With a second step
 * (two-step.server.ts) the password only starts a short "code" stage, which opens nothing but
 * the page that asks for the code; so does the "enrol" stage of someone who must set one up.
 * Each sign-in is a device on the organiser's own list, where they can end it.
 */

const SESSION_MINUTES = 12 * 60;
/** How long the code may take after the password, and setting up a second step when required. */
const STAGE_MINUTES: Record<Exclude<AuthStage, "signedIn">, number> = { code: 5, enrol: 15 };
/** A device's "last seen" is written at most this often, not on every request. */
const LAST_SEEN_EVERY_MS = 60_000;

/** What is known of the device a sign-in comes from: its label, and its client address. */
export interface DeviceOrigin {
  device?: string | null;
  client?: string;
}

export type LoginResult =
  | {
      ok: true;
      organiser: PublicOrganiser;
      sessionToken: string;
      /** Where the person goes on: the workspace, the code page, or setting up a second step. */
      stage: AuthStage;
    }
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
 * Counts one attempt to prove who someone is (a password, a second step's code) against the
 * account's sign-in limits, before it is checked: a wait in seconds when the limits refuse it.
 * Wrong codes and wrong passwords fill the same budgets.
 */
export async function countSignInAttempt(
  email: string,
  client: string,
  now: string,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const keys = loginKeys(email, client);
  const at = { now: Date.parse(now) };
  const verdicts = [
    await consume(keys.accountClient, budgetOf("login.accountClient"), at),
    await consume(keys.account, budgetOf("login.account"), at),
  ];
  const refused = verdicts.flatMap((verdict) => (verdict.ok ? [] : [verdict.retryAfterSeconds]));
  return refused.length ? { ok: false, retryAfterSeconds: Math.max(...refused) } : { ok: true };
}

/** A right answer: this client starts afresh, and the attempt leaves the account's count. */
export async function settleSignInAttempt(email: string, client: string): Promise<void> {
  const keys = loginKeys(email, client);
  await forget({ keys: [keys.accountClient] });
  await refund(keys.account);
}

/** An attempt that checked nothing (the hashing was busy) does not count. */
async function refundSignInAttempt(email: string, client: string): Promise<void> {
  const keys = loginKeys(email, client);
  await refund(keys.accountClient);
  await refund(keys.account);
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
  {
    client = "unknown",
    device = null,
    now = nowInstant(),
    roles,
  }: DeviceOrigin & {
    now?: string;
    /** Only these roles may sign in with a password here (the city's break-glass admins). */
    roles?: readonly PublicOrganiser["role"][];
  } = {},
): Promise<LoginResult> {
  const counted = await countSignInAttempt(email, client, now);
  if (!counted.ok) {
    return { ok: false, reason: "locked", retryAfterSeconds: counted.retryAfterSeconds };
  }

  const organiser = await database()
    .db.selectFrom("organisers")
    .select(["id", "email", "name", "role", "password_hash"])
    .where("email", "=", normalizeEmail(email))
    // An account that joined through a domain has no password: it is checked like no account.
    .where("city_account_only", "=", 0)
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
    await refundSignInAttempt(email, client);
    return { ok: false, reason: "busy", retryAfterSeconds: 5 };
  }
  if (!organiser || !matches || (roles && !roles.includes(organiser.role))) {
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
  await settleSignInAttempt(email, client);
  if (organiser.role === "door" && !(await doorAccessOf(organiser.id, now))) {
    return { ok: false, reason: "doorAccessEnded" };
  }
  const stage = await stageAfterPassword(organiser);
  const sessionToken = await writeTransaction(async (trx) => {
    const token = await startAuthSessionIn(trx, organiser.id, { stage, device, client }, now);
    // With a second step, the sign-in is recorded once the code was right.
    if (stage === "signedIn") await recordSignInIn(trx, organiser.id, { client, now });
    return token;
  });
  return {
    ok: true,
    organiser: {
      id: organiser.id,
      email: organiser.email,
      name: organiser.name,
      role: organiser.role,
    },
    sessionToken,
    stage,
  };
}

/**
 * Where a right password leads: to the code, for someone with a second step; to setting one up,
 * for someone the admins' requirement names who has none; else into the workspace.
 */
async function stageAfterPassword(organiser: {
  id: number;
  role: PublicOrganiser["role"];
}): Promise<AuthStage> {
  const { db } = database();
  const factor = await db
    .selectFrom("organiser_second_factors")
    .select("organiser_id")
    .where("organiser_id", "=", organiser.id)
    .where("enabled_at", "is not", null)
    .executeTakeFirst();
  if (factor) return "code";
  const requirement = await secondFactorRequirementIn(db);
  return mustHaveSecondFactor(organiser.role, requirement) ? "enrol" : "signedIn";
}

/** The audit entry of a sign-in that opened the workspace. */
export async function recordSignInIn(
  trx: Kysely<Database>,
  organiserId: number,
  { client, now, details }: { client?: string; now: string; details?: Record<string, string> },
): Promise<void> {
  await recordAuditIn(
    trx,
    {
      organiserId,
      action: "organiser.signIn",
      subjectType: "organiser",
      subjectId: organiserId,
      details,
      clientAddress: client,
    },
    now,
  );
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

/**
 * Starts a sign-in session in `trx` and answers its token (only its hash is kept): for the
 * workspace, or for one of the stages before it, which end within minutes.
 */
export async function startAuthSessionIn(
  trx: Kysely<Database>,
  organiserId: number,
  { stage = "signedIn", device = null, client }: DeviceOrigin & { stage?: AuthStage },
  now: string,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await trx
    .insertInto("auth_sessions")
    .values({
      token_hash: hashToken(token),
      organiser_id: organiserId,
      created_at: now,
      expires_at: addMinutes(now, stage === "signedIn" ? SESSION_MINUTES : STAGE_MINUTES[stage]),
      stage,
      public_id: randomBytes(16).toString("base64url"),
      device: device ? device.slice(0, 100) : null,
      client_address: client && client !== "unknown" ? client.slice(0, 64) : null,
      last_seen_at: now,
    })
    .execute();
  return token;
}

/**
 * A sign-in's stage is passed (its code was right, or its required second step is set up): the
 * same token now opens the workspace, for a whole session from now. It was only ever handed
 * out after the right password, in an httpOnly cookie no other site can set.
 */
export async function openAuthSessionIn(
  trx: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<void> {
  await trx
    .updateTable("auth_sessions")
    .set({ stage: "signedIn", expires_at: addMinutes(now, SESSION_MINUTES), last_seen_at: now })
    .where("token_hash", "=", tokenHash)
    .execute();
}

/**
 * The organiser a session token belongs to, with their scope; null when unknown, expired or
 * still short of its second step, and for a door volunteer whose access has ended since they
 * signed in. Notes when the device was last seen, at most once a minute.
 */
export async function organiserBySessionToken(
  token: string,
  now = nowInstant(),
): Promise<SignedInOrganiser | null> {
  const { db } = database();
  const tokenHash = hashToken(token);
  const organiser = await db
    .selectFrom("auth_sessions")
    .innerJoin("organisers", "organisers.id", "auth_sessions.organiser_id")
    .select([
      "organisers.id",
      "organisers.email",
      "organisers.name",
      "organisers.role",
      "auth_sessions.last_seen_at",
    ])
    .where("auth_sessions.token_hash", "=", tokenHash)
    .where("auth_sessions.stage", "=", "signedIn")
    .where("auth_sessions.expires_at", ">", now)
    .executeTakeFirst();
  if (!organiser) return null;
  const { last_seen_at: lastSeen, ...who } = organiser;
  if (lastSeen === null || Date.parse(now) - Date.parse(lastSeen) >= LAST_SEEN_EVERY_MS) {
    await db
      .updateTable("auth_sessions")
      .set({ last_seen_at: now })
      .where("token_hash", "=", tokenHash)
      .execute();
  }
  if (who.role !== "door") return { ...who, scope: await scopeOf(who) };
  const door = await doorAccessOf(who.id, now);
  if (!door) return null;
  return {
    ...who,
    scope: { all: false, cityIds: [], partnerIds: [], sessionIds: door.sessionIds },
  };
}

/** Someone between their password and the workspace: whose, and which step is still to come. */
export interface PendingSignIn {
  stage: Exclude<AuthStage, "signedIn">;
  organiser: PublicOrganiser;
}

/** The stage a session token is in short of the workspace; null for any other token. */
export async function pendingSignInOf(
  token: string,
  now = nowInstant(),
): Promise<PendingSignIn | null> {
  const row = await database()
    .db.selectFrom("auth_sessions")
    .innerJoin("organisers", "organisers.id", "auth_sessions.organiser_id")
    .select([
      "auth_sessions.stage",
      "organisers.id",
      "organisers.email",
      "organisers.name",
      "organisers.role",
    ])
    .where("auth_sessions.token_hash", "=", hashToken(token))
    .where("auth_sessions.stage", "<>", "signedIn")
    .where("auth_sessions.expires_at", ">", now)
    .where("organisers.removed_at", "is", null)
    .executeTakeFirst();
  if (!row || row.stage === "signedIn") return null;
  const { stage, ...organiser } = row;
  return { stage, organiser };
}

/** Signing out: the session token no longer names anyone. */
export async function endAuthSession(token: string): Promise<void> {
  await database()
    .db.deleteFrom("auth_sessions")
    .where("token_hash", "=", hashToken(token))
    .execute();
}

/**
 * Ends every sign-in of an organiser in `trx` (a new password, a second step turned on or off
 * or reset, the account removed), except the one whose token is given: the device that did it.
 */
export async function endAuthSessionsIn(
  trx: Kysely<Database>,
  organiserId: number,
  { except }: { except?: string | null } = {},
): Promise<void> {
  let query = trx.deleteFrom("auth_sessions").where("organiser_id", "=", organiserId);
  if (except) query = query.where("token_hash", "<>", hashToken(except));
  await query.execute();
}

/** A device an organiser is signed in on, for their own list. */
export interface SignedInDevice {
  id: string;
  device: string | null;
  clientAddress: string | null;
  signedInAt: string;
  lastSeenAt: string;
  /** The device this list is shown on. */
  current: boolean;
}

/** The devices an organiser is signed in on now, the one asking first, then the latest seen. */
export async function devicesOf(
  organiserId: number,
  currentToken: string | null,
  now = nowInstant(),
): Promise<SignedInDevice[]> {
  const rows = await database()
    .db.selectFrom("auth_sessions")
    .select(["token_hash", "public_id", "device", "client_address", "created_at", "last_seen_at"])
    .where("organiser_id", "=", organiserId)
    .where("stage", "=", "signedIn")
    .where("expires_at", ">", now)
    .execute();
  const currentHash = currentToken ? hashToken(currentToken) : null;
  return rows
    .map((row) => ({
      id: row.public_id ?? row.token_hash.slice(0, 22),
      device: row.device,
      clientAddress: row.client_address,
      signedInAt: row.created_at,
      lastSeenAt: row.last_seen_at ?? row.created_at,
      current: row.token_hash === currentHash,
    }))
    .sort(
      (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
    );
}

/**
 * An organiser signs out one of their devices (this one too, if they choose it): false when it
 * is not theirs or no longer signed in.
 */
export async function signOutDevice(organiserId: number, deviceId: string): Promise<boolean> {
  const { db } = database();
  const rows = await db
    .selectFrom("auth_sessions")
    .select(["token_hash", "public_id"])
    .where("organiser_id", "=", organiserId)
    .where("stage", "=", "signedIn")
    .execute();
  const row = rows.find((r) => (r.public_id ?? r.token_hash.slice(0, 22)) === deviceId);
  if (!row) return false;
  await db.deleteFrom("auth_sessions").where("token_hash", "=", row.token_hash).execute();
  return true;
}

/** An organiser signs out every device but the one they are on: how many ended. */
export async function signOutOtherDevices(
  organiserId: number,
  currentToken: string,
): Promise<number> {
  const result = await database()
    .db.deleteFrom("auth_sessions")
    .where("organiser_id", "=", organiserId)
    .where("token_hash", "<>", hashToken(currentToken))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
