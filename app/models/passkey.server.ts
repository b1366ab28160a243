import { createHash } from "node:crypto";
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, Organiser } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { config } from "../lib/config.server";
import { addMinutes, nowInstant } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";
import type { PublicOrganiser } from "./organiser.server";
import { hashToken } from "./registration-token.server";
import { doorAccessOf } from "./scope.server";
import {
  countSignInAttempt,
  type DeviceOrigin,
  recordSignInIn,
  settleSignInAttempt,
  startAuthSessionIn,
} from "./sign-in.server";

/**
 * Passkeys (WebAuthn): an organiser adds one from their account page and then signs in with it
 * alone, without password or code. A passkey is bound to this site's address by the browser (a
 * look-alike site cannot ask for it), holds no secret the server keeps, and is only accepted
 * with user verification (the device's PIN, fingerprint or face), so it counts as both steps of
 * a two-step sign-in. Each challenge is handed out once, kept as a hash for a few minutes, and
 * used up by the first answer that names it. Wrong answers count against the sign-in limits as
 * wrong passwords do.
 */

const RP_NAME = "Ondernemersagenda";
const CHALLENGE_MINUTES = 5;
const TIMEOUT_MS = CHALLENGE_MINUTES * 60_000;
/** How many passkeys one account may hold: enough for every device, and a list that stays short. */
const MAX_PASSKEYS = 10;

/** Whose passkeys these are and where: the site's public address and its host name. */
function relyingParty() {
  const url = new URL(config().publicUrl);
  return { origin: url.origin, rpID: url.hostname };
}

/** The handle browsers keep for an organiser: stable, and with nothing of them in it. */
const userHandleOf = (organiserId: number) =>
  new Uint8Array(
    createHash("sha256").update(`passkey-user:${organiserId}`).digest().subarray(0, 16),
  );

const TRANSPORTS: readonly AuthenticatorTransportFuture[] = [
  "ble",
  "cable",
  "hybrid",
  "internal",
  "nfc",
  "smart-card",
  "usb",
];
const transportsOf = (text: string | null): AuthenticatorTransportFuture[] =>
  (text ?? "")
    .split(",")
    .filter((t): t is AuthenticatorTransportFuture => TRANSPORTS.includes(t as never));

// ——— Challenges ——————————————————————————————————————————————————————————————————————————

async function keepChallengeIn(
  trx: Kysely<Database>,
  challenge: string,
  purpose: "register" | "signIn",
  organiserId: number | null,
  now: string,
) {
  // Old ones go as new ones come: the table holds the last few minutes' and no more.
  await trx.deleteFrom("webauthn_challenges").where("expires_at", "<=", now).execute();
  await trx
    .insertInto("webauthn_challenges")
    .values({
      challenge_hash: hashToken(challenge),
      purpose,
      organiser_id: organiserId,
      expires_at: addMinutes(now, CHALLENGE_MINUTES),
    })
    .execute();
}

/** Uses up a challenge the answer names: true once, when it was handed out for this and not expired. */
async function takeChallenge(
  challenge: string,
  purpose: "register" | "signIn",
  organiserId: number | null,
  now: string,
): Promise<boolean> {
  let query = database()
    .db.deleteFrom("webauthn_challenges")
    .where("challenge_hash", "=", hashToken(challenge))
    .where("purpose", "=", purpose)
    .where("expires_at", ">", now);
  query =
    organiserId === null
      ? query.where("organiser_id", "is", null)
      : query.where("organiser_id", "=", organiserId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// ——— An organiser's own list —————————————————————————————————————————————————————————————

export interface PasskeyEntry {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export async function passkeysOf(organiserId: number): Promise<PasskeyEntry[]> {
  const rows = await database()
    .db.selectFrom("passkeys")
    .select(["id", "name", "created_at", "last_used_at"])
    .where("organiser_id", "=", organiserId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }));
}

// ——— Adding one ————————————————————————————————————————————————————————————————————————————

/**
 * What the browser needs to make a passkey for this organiser: a resident (discoverable) key,
 * user verification required, none of the passkeys they already have on the same device again.
 */
export async function passkeyRegistrationOptions(
  organiser: { id: number; email: string; name: string },
  now = nowInstant(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { rpID } = relyingParty();
  const existing = await database()
    .db.selectFrom("passkeys")
    .select(["credential_id", "transports"])
    .where("organiser_id", "=", organiser.id)
    .execute();
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: organiser.email,
    userDisplayName: organiser.name,
    userID: userHandleOf(organiser.id),
    timeout: TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: existing.map((row) => ({
      id: row.credential_id,
      transports: transportsOf(row.transports),
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await writeTransaction((trx) =>
    keepChallengeIn(trx, options.challenge, "register", organiser.id, now),
  );
  return options;
}

export type AddPasskeyResult =
  | { ok: true; name: string }
  | { ok: false; reason: "invalid" | "tooMany" };

/**
 * Checks the browser's answer to a registration challenge handed to this organiser and keeps
 * the passkey it made, named after the device ("Passkey 2" when nothing is known). Audited.
 * Anything that does not verify (no challenge of ours, another site, no user verification,
 * garbage) stores nothing.
 */
export async function addPasskey(
  organiserId: number,
  response: unknown,
  { device = null, client, now = nowInstant() }: DeviceOrigin & { now?: string } = {},
): Promise<AddPasskeyResult> {
  const { origin, rpID } = relyingParty();
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: (challenge) => takeChallenge(challenge, "register", organiserId, now),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!verified.verified) return { ok: false, reason: "invalid" };
  const { credential } = verified.registrationInfo;
  return writeTransaction(async (trx): Promise<AddPasskeyResult> => {
    const count = await trx
      .selectFrom("passkeys")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("organiser_id", "=", organiserId)
      .executeTakeFirstOrThrow();
    if (Number(count.count) >= MAX_PASSKEYS) return { ok: false, reason: "tooMany" };
    const taken = await trx
      .selectFrom("passkeys")
      .select("id")
      .where("credential_id", "=", credential.id)
      .executeTakeFirst();
    if (taken) return { ok: false, reason: "invalid" };
    const name = (device ?? `Passkey ${Number(count.count) + 1}`).slice(0, 100);
    const inserted = await trx
      .insertInto("passkeys")
      .values({
        organiser_id: organiserId,
        credential_id: credential.id,
        public_key: Buffer.from(credential.publicKey).toString("base64url"),
        counter: credential.counter,
        transports: credential.transports?.join(",") ?? null,
        name,
        created_at: now,
        last_used_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "organiser.passkeyAdded",
        subjectType: "organiser",
        subjectId: organiserId,
        details: { passkey: inserted.id },
        clientAddress: client,
      },
      now,
    );
    return { ok: true, name };
  });
}

/** An organiser removes one of their passkeys: false when it is not theirs. Audited. */
export async function removePasskey(passkeyId: number, by: Actor): Promise<boolean> {
  const { organiserId, clientAddress, now = nowInstant() } = by;
  return writeTransaction(async (trx) => {
    const removed = await trx
      .deleteFrom("passkeys")
      .where("id", "=", passkeyId)
      .where("organiser_id", "=", organiserId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) return false;
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "organiser.passkeyRemoved",
        subjectType: "organiser",
        subjectId: organiserId,
        details: { passkey: passkeyId },
        clientAddress,
      },
      now,
    );
    return true;
  });
}

// ——— Signing in with one ———————————————————————————————————————————————————————————————————

/** What the browser needs to ask for any passkey of this site: no address, no list. */
export async function passkeySignInOptions(
  now = nowInstant(),
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    timeout: TIMEOUT_MS,
    userVerification: "required",
  });
  await writeTransaction((trx) => keepChallengeIn(trx, options.challenge, "signIn", null, now));
  return options;
}

export type PasskeySignInResult =
  | { ok: true; organiser: PublicOrganiser; sessionToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "doorAccessEnded" }
  /** The account signs in with the city's own accounts, not with a passkey (`mayUse` said no). */
  | { ok: false; reason: "notHere" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/** The credential id an answer names, if it names one at all. */
function credentialIdOf(response: unknown): string | null {
  if (typeof response !== "object" || response === null) return null;
  const id = (response as { id?: unknown }).id;
  return typeof id === "string" && /^[\w-]{1,1400}$/.test(id) ? id : null;
}

/**
 * Signs in with a passkey: the answer to a sign-in challenge of ours, from a passkey an
 * organiser added, signed with user verification. The attempt counts against that account's
 * sign-in limits before it is checked (a locked account stays locked); a right one starts a
 * full sign-in (a device on their list), with no code to follow, and updates the passkey's
 * counter and last use. A passkey nobody has is refused like a wrong password.
 */
export async function signInWithPasskey(
  response: unknown,
  {
    client = "unknown",
    device = null,
    now = nowInstant(),
    mayUse,
  }: DeviceOrigin & {
    now?: string;
    /** Whether this account may sign in with a passkey here (not: the city's domains). */
    mayUse?: (organiser: Pick<Organiser, "email" | "role" | "city_account_only">) => boolean;
  } = {},
): Promise<PasskeySignInResult> {
  const credentialId = credentialIdOf(response);
  const passkey = credentialId
    ? await database()
        .db.selectFrom("passkeys")
        .innerJoin("organisers", "organisers.id", "passkeys.organiser_id")
        .select([
          "passkeys.id as passkeyId",
          "passkeys.public_key",
          "passkeys.counter",
          "passkeys.transports",
          "organisers.id",
          "organisers.email",
          "organisers.name",
          "organisers.role",
          "organisers.city_account_only",
        ])
        .where("passkeys.credential_id", "=", credentialId)
        .where("organisers.removed_at", "is", null)
        .executeTakeFirst()
    : undefined;
  if (!passkey || !credentialId) return { ok: false, reason: "invalid" };
  const counted = await countSignInAttempt(passkey.email, client, now);
  if (!counted.ok) {
    return { ok: false, reason: "locked", retryAfterSeconds: counted.retryAfterSeconds };
  }
  const { origin, rpID } = relyingParty();
  let newCounter: number | null = null;
  try {
    const verified = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: (challenge) => takeChallenge(challenge, "signIn", null, now),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.public_key, "base64url")),
        counter: Number(passkey.counter),
        transports: transportsOf(passkey.transports),
      },
      requireUserVerification: true,
    });
    if (verified.verified) newCounter = verified.authenticationInfo.newCounter;
  } catch {
    newCounter = null;
  }
  if (newCounter === null) {
    await writeTransaction((trx) =>
      recordAuditIn(
        trx,
        {
          organiserId: null,
          action: "organiser.signInFailed",
          subjectType: "organiser",
          subjectId: passkey.id,
          details: { with: "passkey" },
          clientAddress: client,
        },
        now,
      ),
    );
    return { ok: false, reason: "invalid" };
  }
  await settleSignInAttempt(passkey.email, client);
  if (mayUse && !mayUse(passkey)) return { ok: false, reason: "notHere" };
  if (passkey.role === "door" && !(await doorAccessOf(passkey.id, now))) {
    return { ok: false, reason: "doorAccessEnded" };
  }
  const sessionToken = await writeTransaction(async (trx) => {
    await trx
      .updateTable("passkeys")
      .set({ counter: newCounter ?? 0, last_used_at: now })
      .where("id", "=", passkey.passkeyId)
      .execute();
    const token = await startAuthSessionIn(
      trx,
      passkey.id,
      { stage: "signedIn", device, client },
      now,
    );
    await recordSignInIn(trx, passkey.id, { client, now, details: { with: "passkey" } });
    return token;
  });
  const { id, email, name, role } = passkey;
  return { ok: true, organiser: { id, email, name, role }, sessionToken };
}
