import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, Organiser, OrganiserRole } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { enqueueMail } from "../../emails/outbox.server";
import { config } from "../lib/config.server";
import {
  decoyHash,
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PasswordHashingBusy,
  verifyPassword,
} from "../lib/password.server";
import { budgetOf } from "../lib/rate-limits.server";
import { hasControlCharacter } from "../lib/text";
import { recordAudit } from "./audit.server";
import { consume, forget, isExhausted, limitKey, refund } from "./rate-limit.server";
import type { SessionScope } from "./scope.server";

const SESSION_HOURS = 12;
const RESET_MINUTES = 60;

const sha256 = (token: string) => createHash("sha256").update(token).digest("base64url");
const inMinutes = (now: string, minutes: number) =>
  new Date(Date.parse(now) + minutes * 60_000).toISOString();

export function normalizeOrganiserEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type PublicOrganiser = Pick<Organiser, "id" | "email" | "name" | "role">;

export interface NewOrganiser {
  email: string;
  name: string;
  password: string;
  role: OrganiserRole;
  citySlugs?: string[];
  partnerSlugs?: string[];
}

/** Creates an organiser with their scope; refuses an address that is taken. */
/**
 * Inserts an organiser and their scope (an admin has none: they see everything); null when
 * the address is taken. Run inside the caller's transaction.
 */
async function insertOrganiser(
  trx: Kysely<Database>,
  input: {
    email: string;
    name: string;
    passwordHash: string;
    role: OrganiserRole;
    cityIds: number[];
    partnerIds: number[];
  },
  now: string,
) {
  const email = normalizeOrganiserEmail(input.email);
  const taken = await trx
    .selectFrom("organisers")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirst();
  if (taken) return null;
  const organiser = await trx
    .insertInto("organisers")
    .values({
      email,
      name: input.name.trim(),
      password_hash: input.passwordHash,
      role: input.role,
      created_at: now,
      updated_at: now,
    })
    .returning(["id", "email", "name", "role"])
    .executeTakeFirstOrThrow();
  if (input.role === "organiser") {
    const scopes = [
      ...input.cityIds.map((cityId) => ({
        organiser_id: organiser.id,
        city_id: cityId,
        partner_id: null,
      })),
      ...input.partnerIds.map((partnerId) => ({
        organiser_id: organiser.id,
        city_id: null,
        partner_id: partnerId,
      })),
    ];
    if (scopes.length) await trx.insertInto("organiser_scopes").values(scopes).execute();
  }
  return organiser;
}

/** Creates an organiser with their scope by city and partner slugs (the command line, seeds). */
export async function createOrganiser(
  input: NewOrganiser,
  { now = new Date().toISOString() } = {},
) {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(async (trx) => {
    const idsOf = async (table: "cities" | "partners", slugs: string[] = []) => {
      const rows = slugs.length
        ? await trx.selectFrom(table).select(["id", "slug"]).where("slug", "in", slugs).execute()
        : [];
      const unknown = slugs.filter((slug) => !rows.some((row) => row.slug === slug));
      if (unknown.length)
        throw new Error(
          `Unknown ${table === "cities" ? "city" : "partner"}: ${unknown.join(", ")}.`,
        );
      return rows.map((row) => row.id);
    };
    const organiser = await insertOrganiser(
      trx,
      {
        ...input,
        passwordHash,
        cityIds: await idsOf("cities", input.citySlugs),
        partnerIds: await idsOf("partners", input.partnerSlugs),
      },
      now,
    );
    if (!organiser)
      throw new Error(`An organiser with ${normalizeOrganiserEmail(input.email)} exists already.`);
    return organiser;
  });
}

export type LoginResult =
  | { ok: true; organiser: PublicOrganiser; sessionToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked" | "busy"; retryAfterSeconds: number };

/** The keys failed sign-ins for an address are counted under: from one client, and from all. */
function loginKeys(email: string, client: string) {
  const account = normalizeOrganiserEmail(email);
  return {
    accountClient: limitKey("login.accountClient", account, client),
    account: limitKey("login.account", account),
  };
}

/** How long after a wrong password's answer its audit entry is written (see logIn). */
export const AFTER_THE_ANSWER_MS = 200;

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
  { client = "unknown", now = new Date().toISOString() }: { client?: string; now?: string } = {},
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
    .where("email", "=", normalizeOrganiserEmail(email))
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
    // Written once the answer has left, and the timer is set for unknown addresses too: the
    // extra write would otherwise make a known address answer later than an unknown one.
    // An unknown address is recorded nowhere: what someone typed there (a colleague's address,
    // or their password in the wrong field) is not ours to keep, and it names no account; the
    // attempt still counts against the limits, under a hash.
    const accountId = organiser?.id ?? null;
    setTimeout(() => {
      if (accountId === null) return;
      recordAudit(
        {
          organiserId: null,
          action: "organiser.signInFailed",
          subjectType: "organiser",
          subjectId: accountId,
          clientAddress: client,
        },
        { now },
      ).catch((error) => console.error("audit of a failed sign-in:", error));
    }, AFTER_THE_ANSWER_MS);
    return { ok: false, reason: "invalid" };
  }

  // The right password: this client starts afresh, and the attempt leaves the account's count.
  await forget({ keys: [keys.accountClient] });
  await refund(keys.account);
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

/** Lifts every sign-in limit on an address: after a password reset, or by an admin. */
export async function unlockSignIn(email: string): Promise<void> {
  const { account, accountClient } = loginKeys(email, "");
  // The per-client keys share the account's part: "login.accountClient:<account>:<client>".
  const accountPart = accountClient.slice(0, accountClient.lastIndexOf(":") + 1);
  await forget({ keys: [account], prefixes: [accountPart] });
}

/** Whether sign-in for this address is refused now, from everywhere or from some client. */
async function isSignInLocked(email: string, now: number): Promise<boolean> {
  const { account, accountClient } = loginKeys(email, "");
  const accountPart = accountClient.slice(0, accountClient.lastIndexOf(":") + 1);
  return (
    (await isExhausted({ key: account }, budgetOf("login.account"), { now })) ||
    (await isExhausted({ prefix: accountPart }, budgetOf("login.accountClient"), { now }))
  );
}

async function startAuthSession(organiserId: number, now: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await database()
    .db.insertInto("auth_sessions")
    .values({
      token_hash: sha256(token),
      organiser_id: organiserId,
      created_at: now,
      expires_at: inMinutes(now, SESSION_HOURS * 60),
    })
    .execute();
  return token;
}

export interface SignedInOrganiser extends PublicOrganiser {
  scope: SessionScope;
}

/** The organiser a session token belongs to, with their scope; null when unknown or expired. */
export async function organiserBySessionToken(
  token: string,
  now = new Date().toISOString(),
): Promise<SignedInOrganiser | null> {
  const { db } = database();
  const organiser = await db
    .selectFrom("auth_sessions")
    .innerJoin("organisers", "organisers.id", "auth_sessions.organiser_id")
    .select(["organisers.id", "organisers.email", "organisers.name", "organisers.role"])
    .where("auth_sessions.token_hash", "=", sha256(token))
    .where("auth_sessions.expires_at", ">", now)
    .executeTakeFirst();
  if (!organiser) return null;
  return { ...organiser, scope: await scopeOf(organiser) };
}

export async function scopeOf(organiser: Pick<Organiser, "id" | "role">): Promise<SessionScope> {
  if (organiser.role === "admin") return { all: true };
  const scopes = await database()
    .db.selectFrom("organiser_scopes")
    .select(["city_id", "partner_id"])
    .where("organiser_id", "=", organiser.id)
    .execute();
  return {
    all: false,
    cityIds: scopes.flatMap((s) => (s.city_id === null ? [] : [s.city_id])),
    partnerIds: scopes.flatMap((s) => (s.partner_id === null ? [] : [s.partner_id])),
  };
}

export async function endAuthSession(token: string): Promise<void> {
  await database().db.deleteFrom("auth_sessions").where("token_hash", "=", sha256(token)).execute();
}

/**
 * Mails a one-time link to set a new password, when the address belongs to an organiser.
 * The caller says the same thing either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(
  email: string,
  { now = new Date().toISOString() } = {},
): Promise<void> {
  const organiser = await database()
    .db.selectFrom("organisers")
    .select(["id", "email", "name"])
    .where("email", "=", normalizeOrganiserEmail(email))
    .executeTakeFirst();
  if (!organiser) return;
  await writeTransaction((trx) => mailPasswordLink(trx, organiser, "reset", now));
}

const INVITATION_MINUTES = 72 * 60;

/**
 * Mails a one-time link to choose a password: after "forgot password", or to a new organiser.
 * Only a hash of the link's token is stored.
 */
async function mailPasswordLink(
  trx: Kysely<Database>,
  organiser: { id: number; email: string; name: string },
  purpose: "reset" | "invitation",
  now: string,
): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const validMinutes = purpose === "reset" ? RESET_MINUTES : INVITATION_MINUTES;
  await trx
    .insertInto("password_resets")
    .values({
      token_hash: sha256(token),
      organiser_id: organiser.id,
      created_at: now,
      expires_at: inMinutes(now, validMinutes),
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
        url: `${config().publicUrl}/beheer/wachtwoord/${token}`,
        validMinutes,
      },
    },
    now,
  });
}

export interface OrganiserOverview extends PublicOrganiser {
  cities: string[];
  partners: string[];
  locked: boolean;
}

/** Every organiser with what they may see, for the admins' page. */
export async function listOrganisers(now = new Date().toISOString()): Promise<OrganiserOverview[]> {
  const { db } = database();
  const organisers = await db
    .selectFrom("organisers")
    .select(["id", "email", "name", "role"])
    .where("removed_at", "is", null)
    .orderBy("name")
    .execute();
  const scopes = await db
    .selectFrom("organiser_scopes")
    .leftJoin("cities", "cities.id", "organiser_scopes.city_id")
    .leftJoin("partners", "partners.id", "organiser_scopes.partner_id")
    .select(["organiser_scopes.organiser_id", "cities.name as city", "partners.name as partner"])
    .execute();
  const at = Date.parse(now);
  const locked = await Promise.all(organisers.map((o) => isSignInLocked(o.email, at)));
  return organisers.map((organiser, i) => ({
    ...organiser,
    locked: locked[i] ?? false,
    cities: scopes
      .filter((s) => s.organiser_id === organiser.id && s.city)
      .map((s) => s.city ?? ""),
    partners: scopes
      .filter((s) => s.organiser_id === organiser.id && s.partner)
      .map((s) => s.partner ?? ""),
  }));
}

export type InviteResult =
  | { ok: true; id: number }
  | { ok: false; reason: "emailTaken" | "noScope" };

/** Who acts, and from which client address (`clientOf(context)`, for the audit log). */
export interface AdminRequest {
  organiserId: number;
  clientAddress?: string;
  now?: string;
}

/**
 * An admin adds an organiser: the account gets a random password nobody knows, and the new
 * organiser a mail with a link (valid three days) to choose their own.
 */
export async function inviteOrganiser(
  input: {
    email: string;
    name: string;
    role: OrganiserRole;
    cityIds: number[];
    partnerIds: number[];
  },
  { organiserId, clientAddress, now = new Date().toISOString() }: AdminRequest,
): Promise<InviteResult> {
  if (input.role === "organiser" && input.cityIds.length + input.partnerIds.length === 0) {
    return { ok: false, reason: "noScope" };
  }
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return writeTransaction(async (trx) => {
    const organiser = await insertOrganiser(trx, { ...input, passwordHash }, now);
    if (!organiser) return { ok: false, reason: "emailTaken" };
    await mailPasswordLink(trx, organiser, "invitation", now);
    await recordAudit(
      {
        organiserId,
        action: "organiser.invite",
        subjectType: "organiser",
        subjectId: organiser.id,
        details: { role: input.role },
        clientAddress,
      },
      { trx, now },
    );
    return { ok: true, id: organiser.id };
  });
}

/**
 * Removes an organiser's account: their sessions end at once, they can no longer sign in, and
 * their address is free to be invited again. The row stays, so the audit log still names who
 * did what. Nobody removes themselves.
 */
export async function removeOrganiser(
  id: number,
  { organiserId, clientAddress, now = new Date().toISOString() }: AdminRequest,
): Promise<boolean> {
  if (id === organiserId) return false;
  return writeTransaction(async (trx) => {
    const current = await trx
      .selectFrom("organisers")
      .select("email")
      .where("id", "=", id)
      .where("removed_at", "is", null)
      .executeTakeFirst();
    if (!current) return false;
    await trx
      .updateTable("organisers")
      .set({
        removed_at: now,
        // An address no one can have: the real one may be invited again.
        email: `verwijderd-${id}@removed.invalid`,
        // No scrypt hash: no password ever matches it.
        password_hash: "removed",
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("organiser_scopes").where("organiser_id", "=", id).execute();
    await trx.deleteFrom("auth_sessions").where("organiser_id", "=", id).execute();
    await trx.deleteFrom("password_resets").where("organiser_id", "=", id).execute();
    await recordAudit(
      {
        organiserId,
        action: "organiser.remove",
        subjectType: "organiser",
        subjectId: id,
        clientAddress,
      },
      { trx, now },
    );
    return true;
  });
}

/** An admin lifts the sign-in limits on an organiser's account (after they called, say). */
export async function unlockOrganiser(
  id: number,
  { organiserId, clientAddress, now = new Date().toISOString() }: AdminRequest,
): Promise<boolean> {
  const organiser = await database()
    .db.selectFrom("organisers")
    .select(["id", "email"])
    .where("id", "=", id)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  if (!organiser) return false;
  await unlockSignIn(organiser.email);
  await recordAudit(
    {
      organiserId,
      action: "organiser.unlock",
      subjectType: "organiser",
      subjectId: organiser.id,
      clientAddress,
    },
    { now },
  );
  return true;
}

/** Whether a reset link can still be used. */
export async function isResetTokenValid(
  token: string,
  now = new Date().toISOString(),
): Promise<boolean> {
  const row = await database()
    .db.selectFrom("password_resets")
    .select("token_hash")
    .where("token_hash", "=", sha256(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Sets a new password with a reset link: the link is used up and so is every other open link
 * of the account, every open session ends, and sign-in limits on the address lift.
 */
export async function resetPassword(
  token: string,
  password: string,
  { clientAddress, now = new Date().toISOString() }: { clientAddress?: string; now?: string } = {},
): Promise<"changed" | "invalidLink" | "busy"> {
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
      .where("token_hash", "=", sha256(token))
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
