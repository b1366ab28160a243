import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  randomInt,
} from "node:crypto";
import type { Kysely } from "kysely";
import { Secret, TOTP } from "otpauth";
import { database } from "../../db/client";
import type { Database, OrganiserRole } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { config } from "../lib/config.server";
import { nowInstant } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";
import type { AccountActionResult, PublicOrganiser } from "./organiser.server";
import { hashToken } from "./registration-token.server";
import { mustHaveSecondFactor, secondFactorRequirement } from "./settings.server";
import {
  countSignInAttempt,
  type DeviceOrigin,
  endAuthSessionsIn,
  openAuthSessionIn,
  recordSignInIn,
  settleSignInAttempt,
} from "./sign-in.server";

/**
 * Two-step sign-in: after the password, a six-digit code from an authenticator app (TOTP,
 * RFC 6238: 30-second steps, SHA-1, the step before and after accepted for a clock that is a
 * little off), or one of ten recovery codes. The secret is kept sealed (AES-256-GCM under a key
 * derived from SESSION_SECRET) and is shown only while it is being set up; an accepted time step
 * is remembered, so a code that was seen works no second time; a recovery code is kept as its
 * SHA-256 and works once. Wrong codes count against the sign-in limits that wrong passwords
 * count against (sign-in.server.ts).
 */

const ISSUER = "Ondernemersagenda";
const PERIOD = 30;
const DIGITS = 6;
/** The steps either side of now a code may be for: one, for a phone's clock a little off. */
const WINDOW = 1;
const RECOVERY_CODE_COUNT = 10;
/** Crockford's base-32 letters and digits: no I, L, O or U to misread. */
const RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Twelve characters of 32: 60 random bits a code. */
const RECOVERY_LENGTH = 12;

// ——— The secret, sealed ————————————————————————————————————————————————————————————————

let sealKey: { from: string; key: Buffer } | undefined;

/** The key that seals secrets: derived from SESSION_SECRET for this one purpose. */
function keyOfSeal(): Buffer {
  const secret = config().sessionSecret;
  if (sealKey?.from !== secret) {
    const key = Buffer.from(hkdfSync("sha256", secret, "", "ondernemersagenda totp secret", 32));
    sealKey = { from: secret, key };
  }
  return sealKey.key;
}

function seal(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOfSeal(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), sealed].map((p) => p.toString("base64url")).join(".");
}

/** The secret, or null when it cannot be unsealed (SESSION_SECRET changed since). */
function unseal(text: string): string | null {
  const [version, iv, tag, sealed] = text.split(".");
  if (version !== "v1" || !iv || !tag || !sealed) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOfSeal(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}

const totpOf = (secret: string, label = "") =>
  new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD,
  });

/** The time step a six-digit code is right for at `now` (within the window), or null. */
function stepOf(secret: string, code: string, now: string): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpOf(secret);
  const timestamp = Date.parse(now);
  const delta = totp.validate({ token: code, timestamp, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}

/** What a person types as a code, without the spaces and dashes they may add. */
const typed = (code: string) => code.replace(/[\s-]/g, "").toUpperCase();

const hashRecoveryCode = (code: string) =>
  createHash("sha256")
    .update(`recovery:${typed(code)}`)
    .digest("base64url");

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(
      { length: RECOVERY_LENGTH },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    ).join("");
    return chars.match(/.{4}/g)?.join("-") ?? chars;
  });
}

// ——— Where an organiser stands ————————————————————————————————————————————————————————————

/** A secret being set up: as text to type, and as the address an authenticator's QR code holds. */
export interface Enrolment {
  secret: string;
  uri: string;
}

export interface TwoStepStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** The admins' requirement names this account: it cannot be turned off. */
  required: boolean;
  /** A secret being set up, not yet confirmed by a code. */
  enrolment: Enrolment | null;
}

const enrolmentOf = (secret: string, email: string): Enrolment => ({
  secret,
  uri: totpOf(secret, email).toString(),
});

export async function twoStepStatusOf(organiser: {
  id: number;
  email: string;
  role: OrganiserRole;
}): Promise<TwoStepStatus> {
  const { db } = database();
  const factor = await db
    .selectFrom("organiser_second_factors")
    .select(["sealed_secret", "enabled_at"])
    .where("organiser_id", "=", organiser.id)
    .executeTakeFirst();
  const left = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("organiser_id", "=", organiser.id)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  const pendingSecret = factor && factor.enabled_at === null ? unseal(factor.sealed_secret) : null;
  return {
    enabled: Boolean(factor?.enabled_at),
    enabledAt: factor?.enabled_at ?? null,
    recoveryCodesLeft: Number(left.count),
    required: mustHaveSecondFactor(organiser.role, await secondFactorRequirement()),
    enrolment: pendingSecret ? enrolmentOf(pendingSecret, organiser.email) : null,
  };
}

// ——— Setting it up ————————————————————————————————————————————————————————————————————

/**
 * Starts setting up a second step: a new secret, kept until a code confirms it (a reload shows
 * the same one; starting again makes a new one). Nothing changes for an account that has one.
 */
export async function beginEnrolment(
  organiser: { id: number; email: string },
  { fresh = true, now = nowInstant() }: { fresh?: boolean; now?: string } = {},
): Promise<{ ok: true; enrolment: Enrolment } | { ok: false; reason: "alreadyOn" }> {
  return writeTransaction(async (trx) => {
    const current = await trx
      .selectFrom("organiser_second_factors")
      .select(["sealed_secret", "enabled_at"])
      .where("organiser_id", "=", organiser.id)
      .executeTakeFirst();
    if (current?.enabled_at) return { ok: false, reason: "alreadyOn" };
    const kept = current && !fresh ? unseal(current.sealed_secret) : null;
    if (kept) return { ok: true, enrolment: enrolmentOf(kept, organiser.email) };
    const secret = new Secret({ size: 20 }).base32;
    await trx
      .deleteFrom("organiser_second_factors")
      .where("organiser_id", "=", organiser.id)
      .execute();
    await trx
      .insertInto("organiser_second_factors")
      .values({
        organiser_id: organiser.id,
        sealed_secret: seal(secret),
        created_at: now,
        enabled_at: null,
        last_step: null,
      })
      .execute();
    return { ok: true, enrolment: enrolmentOf(secret, organiser.email) };
  });
}

export type EnrolmentResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: "wrongCode" | "notStarted" };

/**
 * A first code confirms the secret being set up: the second step is on, ten recovery codes are
 * made (answered once, kept only as hashes), and every other device is signed out (`keep`: the
 * token of the one that did it, which stays).
 */
async function confirmEnrolmentIn(
  trx: Kysely<Database>,
  organiserId: number,
  code: string,
  { keep, client, now }: { keep: string; client?: string; now: string },
): Promise<EnrolmentResult> {
  const factor = await trx
    .selectFrom("organiser_second_factors")
    .select(["sealed_secret", "enabled_at"])
    .where("organiser_id", "=", organiserId)
    .executeTakeFirst();
  const secret = factor && factor.enabled_at === null ? unseal(factor.sealed_secret) : null;
  if (!secret) return { ok: false, reason: "notStarted" };
  const step = stepOf(secret, typed(code), now);
  if (step === null) return { ok: false, reason: "wrongCode" };
  await trx
    .updateTable("organiser_second_factors")
    .set({ enabled_at: now, last_step: step })
    .where("organiser_id", "=", organiserId)
    .execute();
  const recoveryCodes = await replaceRecoveryCodesIn(trx, organiserId, now);
  await endAuthSessionsIn(trx, organiserId, { except: keep });
  await recordAuditIn(
    trx,
    {
      organiserId,
      action: "organiser.twoStepOn",
      subjectType: "organiser",
      subjectId: organiserId,
      clientAddress: client,
    },
    now,
  );
  return { ok: true, recoveryCodes };
}

async function replaceRecoveryCodesIn(
  trx: Kysely<Database>,
  organiserId: number,
  now: string,
): Promise<string[]> {
  const codes = newRecoveryCodes();
  await trx.deleteFrom("recovery_codes").where("organiser_id", "=", organiserId).execute();
  await trx
    .insertInto("recovery_codes")
    .values(
      codes.map((code) => ({
        organiser_id: organiserId,
        code_hash: hashRecoveryCode(code),
        created_at: now,
        used_at: null,
      })),
    )
    .execute();
  return codes;
}

/** An organiser turns their second step on from their account page; this device stays signed in. */
export function confirmEnrolment(
  organiserId: number,
  code: string,
  {
    sessionToken,
    clientAddress,
    now = nowInstant(),
  }: { sessionToken: string; clientAddress?: string; now?: string },
): Promise<EnrolmentResult> {
  return writeTransaction((trx) =>
    confirmEnrolmentIn(trx, organiserId, code, { keep: sessionToken, client: clientAddress, now }),
  );
}

// ——— Signing in with it ———————————————————————————————————————————————————————————————————

export type SecondStepResult =
  | {
      ok: true;
      organiser: PublicOrganiser;
      /** Recovery codes answered once, when this completed setting up a required second step. */
      recoveryCodes?: string[];
    }
  | { ok: false; reason: "expired" | "wrongCode" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/** The sign-in a token names, when it is at this stage, and whose it is. */
async function stageRowIn(
  trx: Kysely<Database>,
  token: string,
  stage: "code" | "enrol",
  now: string,
) {
  return trx
    .selectFrom("auth_sessions")
    .innerJoin("organisers", "organisers.id", "auth_sessions.organiser_id")
    .select([
      "auth_sessions.token_hash",
      "organisers.id",
      "organisers.email",
      "organisers.name",
      "organisers.role",
    ])
    .where("auth_sessions.token_hash", "=", hashToken(token))
    .where("auth_sessions.stage", "=", stage)
    .where("auth_sessions.expires_at", ">", now)
    .where("organisers.removed_at", "is", null)
    .executeTakeFirst();
}

/**
 * Checks a code for whoever `organiser` is: a six-digit code for a time step later than the last
 * one accepted, or an unused recovery code (then used up). Counts against nothing: the callers do.
 */
async function acceptCodeIn(
  trx: Kysely<Database>,
  organiserId: number,
  code: string,
  now: string,
): Promise<"code" | "recoveryCode" | null> {
  const entered = typed(code);
  if (/^\d{6}$/.test(entered)) {
    const factor = await trx
      .selectFrom("organiser_second_factors")
      .select(["sealed_secret", "last_step"])
      .where("organiser_id", "=", organiserId)
      .where("enabled_at", "is not", null)
      .executeTakeFirst();
    const secret = factor ? unseal(factor.sealed_secret) : null;
    const step = secret ? stepOf(secret, entered, now) : null;
    if (step === null) return null;
    // Later than the last accepted step, in one statement: a code seen (or sent twice at
    // once) is not accepted again.
    const taken = await trx
      .updateTable("organiser_second_factors")
      .set({ last_step: step })
      .where("organiser_id", "=", organiserId)
      .where((eb) => eb.or([eb("last_step", "is", null), eb("last_step", "<", step)]))
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1 ? "code" : null;
  }
  if (entered.length !== RECOVERY_LENGTH) return null;
  const used = await trx
    .updateTable("recovery_codes")
    .set({ used_at: now })
    .where("organiser_id", "=", organiserId)
    .where("code_hash", "=", hashRecoveryCode(entered))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1 ? "recoveryCode" : null;
}

/** The audit entry of a wrong code, for the account it was typed for. */
function recordWrongCodeIn(
  trx: Kysely<Database>,
  organiserId: number,
  client: string,
  now: string,
) {
  return recordAuditIn(
    trx,
    {
      organiserId: null,
      action: "organiser.codeFailed",
      subjectType: "organiser",
      subjectId: organiserId,
      clientAddress: client,
    },
    now,
  );
}

/**
 * The code after the password. Counted before it is checked, as passwords are, against the
 * same limits; a right one opens the workspace to that sign-in.
 */
export async function completeSecondStep(
  token: string,
  code: string,
  { client = "unknown", now = nowInstant() }: DeviceOrigin & { now?: string } = {},
): Promise<SecondStepResult> {
  const pending = await stageRowIn(database().db, token, "code", now);
  if (!pending) return { ok: false, reason: "expired" };
  const counted = await countSignInAttempt(pending.email, client, now);
  if (!counted.ok) {
    return { ok: false, reason: "locked", retryAfterSeconds: counted.retryAfterSeconds };
  }
  const result = await writeTransaction(async (trx) => {
    // Still there, and not yet expired, once the transaction holds the write lock.
    const row = await stageRowIn(trx, token, "code", now);
    if (!row) return { ok: false as const, reason: "expired" as const };
    const accepted = await acceptCodeIn(trx, row.id, code, now);
    if (!accepted) {
      await recordWrongCodeIn(trx, row.id, client, now);
      return { ok: false as const, reason: "wrongCode" as const };
    }
    await openAuthSessionIn(trx, row.token_hash, now);
    await recordSignInIn(trx, row.id, { client, now, details: { with: accepted } });
    const { id, email, name, role } = row;
    return { ok: true as const, organiser: { id, email, name, role } };
  });
  if (result.ok) await settleSignInAttempt(pending.email, client);
  return result;
}

/**
 * The setup a requirement leads someone through after their password: its first code turns the
 * second step on, ends any other sign-in, and opens the workspace to this one.
 */
export async function completeRequiredEnrolment(
  token: string,
  code: string,
  { client = "unknown", now = nowInstant() }: DeviceOrigin & { now?: string } = {},
): Promise<SecondStepResult | { ok: false; reason: "notStarted" }> {
  return writeTransaction(async (trx) => {
    const row = await stageRowIn(trx, token, "enrol", now);
    if (!row) return { ok: false as const, reason: "expired" as const };
    const enrolled = await confirmEnrolmentIn(trx, row.id, code, { keep: token, client, now });
    if (!enrolled.ok) return enrolled;
    await openAuthSessionIn(trx, row.token_hash, now);
    await recordSignInIn(trx, row.id, { client, now, details: { with: "code" } });
    const { id, email, name, role } = row;
    return {
      ok: true as const,
      organiser: { id, email, name, role },
      recoveryCodes: enrolled.recoveryCodes,
    };
  });
}

// ——— Turning it off, and an admin's reset ——————————————————————————————————————————————————

export type TurnOffResult =
  | { ok: true }
  | { ok: false; reason: "required" | "notOn" | "wrongCode" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/**
 * An organiser turns their second step off, with a code (or a recovery code) as proof, counted
 * as a sign-in attempt. Refused while the admins' requirement names them. Every other device is
 * signed out; this one stays.
 */
export async function turnOffSecondStep(
  organiser: { id: number; email: string; role: OrganiserRole },
  code: string,
  {
    sessionToken,
    clientAddress = "unknown",
    now = nowInstant(),
  }: { sessionToken: string; clientAddress?: string; now?: string },
): Promise<TurnOffResult> {
  if (mustHaveSecondFactor(organiser.role, await secondFactorRequirement())) {
    return { ok: false, reason: "required" };
  }
  const counted = await countSignInAttempt(organiser.email, clientAddress, now);
  if (!counted.ok) {
    return { ok: false, reason: "locked", retryAfterSeconds: counted.retryAfterSeconds };
  }
  const result = await writeTransaction(async (trx): Promise<TurnOffResult> => {
    const factor = await trx
      .selectFrom("organiser_second_factors")
      .select("enabled_at")
      .where("organiser_id", "=", organiser.id)
      .executeTakeFirst();
    if (!factor?.enabled_at) return { ok: false, reason: "notOn" };
    if (!(await acceptCodeIn(trx, organiser.id, code, now))) {
      await recordWrongCodeIn(trx, organiser.id, clientAddress, now);
      return { ok: false, reason: "wrongCode" };
    }
    await removeSecondStepIn(trx, organiser.id);
    await endAuthSessionsIn(trx, organiser.id, { except: sessionToken });
    await recordAuditIn(
      trx,
      {
        organiserId: organiser.id,
        action: "organiser.twoStepOff",
        subjectType: "organiser",
        subjectId: organiser.id,
        clientAddress,
      },
      now,
    );
    return { ok: true };
  });
  if (result.ok) await settleSignInAttempt(organiser.email, clientAddress);
  return result;
}

async function removeSecondStepIn(trx: Kysely<Database>, organiserId: number) {
  await trx
    .deleteFrom("organiser_second_factors")
    .where("organiser_id", "=", organiserId)
    .execute();
  await trx.deleteFrom("recovery_codes").where("organiser_id", "=", organiserId).execute();
}

/**
 * An admin resets another organiser's second step (a lost phone, and no recovery codes left):
 * it is gone, with its recovery codes, and every device of theirs is signed out. At their next
 * sign-in they set up a new one if the requirement names them. Audited.
 */
export async function resetSecondStep(id: number, by: Actor): Promise<AccountActionResult> {
  const { organiserId, clientAddress, now = nowInstant() } = by;
  if (organiserId === id) return { ok: false, reason: "self" };
  return writeTransaction(async (trx) => {
    const target = await trx
      .selectFrom("organisers")
      .where("removed_at", "is", null)
      .where("id", "=", id)
      .select("name")
      .executeTakeFirst();
    if (!target) return { ok: false, reason: "notFound" };
    await removeSecondStepIn(trx, id);
    await endAuthSessionsIn(trx, id);
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "organiser.twoStepReset",
        subjectType: "organiser",
        subjectId: id,
        clientAddress,
      },
      now,
    );
    return { ok: true, name: target.name };
  });
}
