import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, Organiser, OrganiserRole } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n";
import { asciiDomainOfEmail } from "../lib/email-domains";
import { normalizeEmail } from "../lib/email-field";
import { hashPassword } from "../lib/password.server";
import { nowInstant } from "../lib/time";
import { type Actor, recordAudit } from "./audit.server";
import { forgetJobsNaming } from "./job.server";
import { mailPasswordLink } from "./password-reset.server";
import { liftRefusalIn, refuseAddressIn } from "./refused-address.server";
import type { SessionScope } from "./scope.server";
import { isSignInLocked, unlockSignIn } from "./sign-in.server";

/**
 * Organiser accounts: creating them (the command line, seeds), and what admins do with them on
 * the organisers page: list, invite, remove, let back in after too many wrong passwords.
 * Signing in is in sign-in.server.ts, password links in password-reset.server.ts.
 */

export type PublicOrganiser = Pick<Organiser, "id" | "email" | "name" | "role">;

/** A signed-in organiser as the workspace knows them: who, and which sessions they may see. */
export interface SignedInOrganiser extends PublicOrganiser {
  scope: SessionScope;
}

export interface NewOrganiser {
  email: string;
  name: string;
  password: string;
  role: OrganiserRole;
  citySlugs?: string[];
  partnerSlugs?: string[];
  /** A door volunteer's session, whether for its whole day, and who gave the access. */
  door?: DoorPass;
}

export interface DoorPass {
  sessionId: number;
  wholeDay: boolean;
  invitedBy: number | null;
}

/**
 * Inserts an organiser and their scope (an admin has none: they see everything; a door
 * volunteer's is their pass); null when the address is taken. Run inside the caller's
 * transaction. On PostgreSQL a transaction that inserts the same address at the same moment is
 * waited for: once it commits, the address is taken here too, never a unique-key error.
 */
export async function insertOrganiser(
  trx: Kysely<Database>,
  input: {
    email: string;
    name: string;
    passwordHash: string;
    role: OrganiserRole;
    cityIds: number[];
    partnerIds: number[];
    /** The language they work in; Dutch unless chosen. */
    locale?: Locale;
    door?: DoorPass;
    /** Joined through an allowed domain: signs in with the city's accounts only. */
    cityAccountOnly?: boolean;
  },
  now: string,
) {
  const email = normalizeEmail(input.email);
  const organiser = await trx
    .insertInto("organisers")
    .values({
      email,
      name: input.name.trim(),
      password_hash: input.passwordHash,
      role: input.role,
      locale: input.locale,
      city_account_only: input.cityAccountOnly ? 1 : 0,
      ...(input.role === "door" && input.door
        ? {
            door_session_id: input.door.sessionId,
            door_whole_day: input.door.wholeDay ? 1 : 0,
            door_invited_by: input.door.invitedBy,
          }
        : {}),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning(["id", "email", "name", "role"])
    .executeTakeFirst();
  if (!organiser) return null;
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
  { now = nowInstant() }: { now?: string } = {},
): Promise<PublicOrganiser> {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction((trx) => createOrganiserIn(trx, input, passwordHash, now));
}

/** Creates an organiser as createOrganiser does, with the password already hashed, in `trx`. */
export async function createOrganiserIn(
  trx: Kysely<Database>,
  input: NewOrganiser,
  passwordHash: string,
  now = nowInstant(),
): Promise<PublicOrganiser> {
  const idsOf = async (table: "cities" | "partners", slugs: string[] = []) => {
    const rows = slugs.length
      ? await trx.selectFrom(table).select(["id", "slug"]).where("slug", "in", slugs).execute()
      : [];
    const unknown = slugs.filter((slug) => !rows.some((row) => row.slug === slug));
    if (unknown.length)
      throw new Error(`Unknown ${table === "cities" ? "city" : "partner"}: ${unknown.join(", ")}.`);
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
    throw new Error(`An organiser with ${normalizeEmail(input.email)} exists already.`);
  return organiser;
}

export interface OrganiserOverview extends PublicOrganiser {
  cities: string[];
  partners: string[];
  locked: boolean;
  /** Whether they sign in with a second step. */
  twoStep: boolean;
  /** The language their mails and QR check-ins are in. */
  locale: Locale;
  /** Joined through an allowed domain: only the city's accounts open it. */
  cityAccountOnly: boolean;
  /** The allowed domain of their address, if any: removed, they stay out of it until invited. */
  allowedDomain: string | null;
}

/** Every organiser with what they may see, for the admins' page. */
export async function listOrganisers(now = nowInstant()): Promise<OrganiserOverview[]> {
  const { db } = database();
  const organisers = await db
    .selectFrom("organisers")
    .leftJoin("organiser_second_factors as factor", (join) =>
      join
        .onRef("factor.organiser_id", "=", "organisers.id")
        .on("factor.enabled_at", "is not", null),
    )
    .select([
      "organisers.id",
      "organisers.email",
      "organisers.name",
      "organisers.role",
      "organisers.locale",
      "organisers.city_account_only",
      "factor.organiser_id as factorOf",
    ])
    .where("organisers.removed_at", "is", null)
    .orderBy("organisers.name")
    .execute();
  const scopes = await db
    .selectFrom("organiser_scopes")
    .leftJoin("cities", "cities.id", "organiser_scopes.city_id")
    .leftJoin("partners", "partners.id", "organiser_scopes.partner_id")
    .select(["organiser_scopes.organiser_id", "cities.name as city", "partners.name as partner"])
    .execute();
  const allowed = new Set(
    (await db.selectFrom("sign_in_domains").select("domain").distinct().execute()).map(
      (row) => row.domain,
    ),
  );
  const allowedDomainOf = (email: string) => {
    const domain = asciiDomainOfEmail(email);
    return domain !== null && allowed.has(domain) ? domain : null;
  };
  const locked = await Promise.all(organisers.map((o) => isSignInLocked(o.email, now)));
  return organisers.map(({ factorOf, city_account_only, ...organiser }, i) => ({
    ...organiser,
    cityAccountOnly: city_account_only === 1,
    allowedDomain: allowedDomainOf(organiser.email),
    twoStep: factorOf !== null,
    locale: isLocale(organiser.locale) ? organiser.locale : DEFAULT_LOCALE,
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
  | { ok: true; organiser: PublicOrganiser }
  | { ok: false; reason: "emailTaken" | "noScope" };

/**
 * An admin adds an organiser: the account gets a random password nobody knows, and the new
 * organiser a mail, in the language the admin chose for them, with a link (valid three days)
 * to choose their own. An address an admin removed earlier is let in again by this.
 */
export async function inviteOrganiser(
  input: {
    email: string;
    name: string;
    role: OrganiserRole;
    cityIds: number[];
    partnerIds: number[];
    locale: Locale;
  },
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<InviteResult> {
  if (input.role === "organiser" && input.cityIds.length + input.partnerIds.length === 0) {
    return { ok: false, reason: "noScope" };
  }
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return writeTransaction(async (trx) => {
    const organiser = await insertOrganiser(trx, { ...input, passwordHash }, now);
    if (!organiser) return { ok: false, reason: "emailTaken" };
    await liftRefusalIn(trx, organiser.email);
    await mailPasswordLink(trx, organiser, { purpose: "invitation", locale: input.locale, now });
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
    return { ok: true, organiser };
  });
}

/** What an admin's action on an account did: whose account, or why it did nothing. */
export type AccountActionResult =
  | {
      ok: true;
      name: string;
      /** A removal: the allowed domain the address may no longer join through, if any. */
      keptOutOf?: string;
    }
  | { ok: false; reason: "notFound" | "self" };

/**
 * Removes an organiser's account: their sessions end at once, they can no longer sign in, and
 * their address is free to be invited again. An address of a domain allowed for signing in does
 * not join through it again until an admin invites it (refused-address.server.ts). The row
 * stays, so the audit log still names who did what. Nobody removes themselves.
 */
export async function removeOrganiser(
  id: number,
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<AccountActionResult> {
  if (id === organiserId) return { ok: false, reason: "self" };
  return writeTransaction(async (trx) => {
    const current = await trx
      .selectFrom("organisers")
      .select(["name", "email"])
      .where("id", "=", id)
      .where("removed_at", "is", null)
      .executeTakeFirst();
    if (!current) return { ok: false, reason: "notFound" };
    await closeAccountIn(trx, { id, email: current.email }, now);
    const keptOutOf = await refuseAddressIn(trx, current.email, now);
    await recordAudit(
      {
        organiserId,
        action: "organiser.remove",
        subjectType: "organiser",
        subjectId: id,
        details: keptOutOf ? { keptOutOf } : undefined,
        clientAddress,
      },
      { trx, now },
    );
    return { ok: true, name: current.name, ...(keptOutOf ? { keptOutOf } : {}) };
  });
}

/**
 * Closes an account in `trx`: its sign-ins and links end, its address is freed, no password
 * matches any more and its second step is gone; the row and its name stay for the audit log.
 */
export async function closeAccountIn(
  trx: Kysely<Database>,
  account: { id: number; email: string },
  now: string,
): Promise<void> {
  const { id } = account;
  await forgetJobsNaming(trx, account.email);
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
  await trx.deleteFrom("organiser_second_factors").where("organiser_id", "=", id).execute();
  await trx.deleteFrom("recovery_codes").where("organiser_id", "=", id).execute();
  await trx.deleteFrom("passkeys").where("organiser_id", "=", id).execute();
  await trx.deleteFrom("webauthn_challenges").where("organiser_id", "=", id).execute();
}

/** An admin lifts the sign-in limits on an organiser's account (after they called, say). */
export async function unlockOrganiser(
  id: number,
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<AccountActionResult> {
  const organiser = await database()
    .db.selectFrom("organisers")
    .select(["id", "email", "name"])
    .where("id", "=", id)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  if (!organiser) return { ok: false, reason: "notFound" };
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
  return { ok: true, name: organiser.name };
}

/** The language an organiser works in: chosen at their invitation, then that of their last sign-in. */
export async function workingLanguageOf(organiserId: number): Promise<Locale> {
  const row = await database()
    .db.selectFrom("organisers")
    .select("locale")
    .where("id", "=", organiserId)
    .executeTakeFirst();
  return isLocale(row?.locale) ? row.locale : DEFAULT_LOCALE;
}

/** Signing in on a page in another language makes that the language the organiser works in. */
export async function rememberWorkingLanguage(organiserId: number, locale: Locale): Promise<void> {
  await database()
    .db.updateTable("organisers")
    .set({ locale })
    .where("id", "=", organiserId)
    .where("locale", "<>", locale)
    .execute();
}
