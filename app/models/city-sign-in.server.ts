import { randomBytes } from "node:crypto";
import { database } from "../../db/client";
import { writeTransaction } from "../../db/transaction";
import type { Locale } from "../i18n";
import { asciiDomainOfEmail } from "../lib/email-domains";
import { normalizeEmail } from "../lib/email-field";
import { hashPassword, PasswordHashingBusy } from "../lib/password.server";
import { withoutControlCharacters } from "../lib/text";
import { nowInstant } from "../lib/time";
import { recordAuditIn } from "./audit.server";
import { insertOrganiser, type PublicOrganiser } from "./organiser.server";
import { isAddressRefused } from "./refused-address.server";
import { doorAccessOf } from "./scope.server";
import { type DeviceOrigin, recordSignInIn, startAuthSessionIn } from "./sign-in.server";
import { scopesOfDomainIn } from "./sign-in-domain.server";

/**
 * Signing in with the city's own accounts (OpenID Connect): the provider vouches for an address,
 * and the app opens the workspace of the organiser an admin invited with that address, with the
 * role and scope the app gave them. An address nobody invited gets in only when an admin allowed
 * its domain for a city or partner (sign-in-domain.server.ts): it joins then as an organiser of
 * those, an account with no password that only the city's provider opens. Nobody else gets in,
 * and nothing is created for them; nor does an address of such a domain whose account an admin
 * removed, until an admin invites it again (refused-address.server.ts). The provider does its own
 * second step, so the app's code is not asked again.
 */

export type CitySignInResult =
  | { ok: true; organiser: PublicOrganiser; sessionToken: string }
  /** No organiser has this address, and its domain is allowed for nothing: nobody invited it. */
  | { ok: false; reason: "notInvited" }
  /** Its domain is allowed, but an admin removed this address and has not invited it since. */
  | { ok: false; reason: "removedByAdmin" }
  /** A door volunteer after their session: their access has ended. */
  | { ok: false; reason: "doorAccessEnded" }
  /** Joining needed a password hash made, and the server was too busy to make one now. */
  | { ok: false; reason: "busy" };

/** Who the provider vouched for: the address, and the name it gave, if any. */
export interface VouchedPerson {
  email: string;
  name?: string | null;
}

const NAME_MAX = 120;

/** The name a joining account gets: the provider's, else the address's part before the "@". */
function nameFor({ email, name }: VouchedPerson): string {
  const given = withoutControlCharacters(typeof name === "string" ? name : "").trim();
  return (given || email.split("@")[0] || email).slice(0, NAME_MAX);
}

/** The provider vouched for this address: the invited organiser's sign-in starts. */
export async function signInWithCityAccount(
  person: VouchedPerson,
  {
    client = "unknown",
    device = null,
    now = nowInstant(),
    locale,
  }: DeviceOrigin & { now?: string; locale?: Locale } = {},
): Promise<CitySignInResult> {
  const organiser = await organiserWith(person.email);
  if (!organiser) return joinThroughDomain(person, { client, device, now, locale });
  return signInAs(organiser, { client, device, now });
}

interface Origin {
  client: string;
  device: string | null;
  now: string;
}

/** The account with this address that is still there, if any. */
function organiserWith(email: string) {
  return database()
    .db.selectFrom("organisers")
    .select(["id", "email", "name", "role"])
    .where("email", "=", normalizeEmail(email))
    .where("removed_at", "is", null)
    .executeTakeFirst();
}

async function signInAs(
  organiser: PublicOrganiser,
  { client, device, now }: Origin,
): Promise<CitySignInResult> {
  if (organiser.role === "door" && !(await doorAccessOf(organiser.id, now))) {
    return { ok: false, reason: "doorAccessEnded" };
  }
  const sessionToken = await writeTransaction(async (trx) => {
    const token = await startAuthSessionIn(trx, organiser.id, { device, client }, now);
    await recordSignInIn(trx, organiser.id, { client, now, details: { with: "cityAccount" } });
    return token;
  });
  return { ok: true, organiser, sessionToken };
}

/**
 * An address nobody invited, of a domain an admin allowed: it becomes an organiser of every
 * city and partner its domain is allowed for, and signs in. Its password is one nobody knows,
 * and the account is marked as the city's accounts' only, so no password link or passkey ever
 * opens it: whether it still comes in is the provider's to say. Its scope is the app's from
 * then on: an admin may change it, and the domain's later changes do not.
 */
async function joinThroughDomain(
  person: VouchedPerson,
  { client, device, now, locale }: Origin & { locale?: Locale },
): Promise<CitySignInResult> {
  const domain = asciiDomainOfEmail(person.email);
  if (domain === null) return { ok: false, reason: "notInvited" };
  const allowed = await scopesOfDomainIn(database().db, domain);
  if (allowed.cityIds.length + allowed.partnerIds.length === 0) {
    return { ok: false, reason: "notInvited" };
  }
  if (await isAddressRefused(person.email)) return { ok: false, reason: "removedByAdmin" };
  // Made outside the write lock: a hash takes a while.
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  } catch (error) {
    if (error instanceof PasswordHashingBusy) return { ok: false, reason: "busy" };
    throw error;
  }
  const joined = await writeTransaction(async (trx) => {
    // Read again under the lock: an admin may have removed the domain meanwhile.
    const scopes = await scopesOfDomainIn(trx, domain);
    if (scopes.cityIds.length + scopes.partnerIds.length === 0) return "notInvited" as const;
    const organiser = await insertOrganiser(
      trx,
      {
        email: person.email,
        name: nameFor(person),
        passwordHash,
        role: "organiser",
        ...scopes,
        locale,
        cityAccountOnly: true,
      },
      now,
    );
    if (!organiser) return "taken" as const;
    await recordAuditIn(
      trx,
      {
        organiserId: organiser.id,
        action: "organiser.joinThroughDomain",
        subjectType: "organiser",
        subjectId: organiser.id,
        details: {
          domain,
          scopes: scopes.cityIds.length + scopes.partnerIds.length,
          cityIds: scopes.cityIds,
          partnerIds: scopes.partnerIds,
        },
        clientAddress: client,
      },
      now,
    );
    const sessionToken = await startAuthSessionIn(trx, organiser.id, { device, client }, now);
    await recordSignInIn(trx, organiser.id, { client, now, details: { with: "cityAccount" } });
    return { organiser, sessionToken };
  });
  if (joined === "notInvited") return { ok: false, reason: "notInvited" };
  if (joined === "taken") {
    // The same person's other sign-in made the account a moment ago: this one opens it.
    const organiser = await organiserWith(person.email);
    return organiser
      ? signInAs(organiser, { client, device, now })
      : { ok: false, reason: "notInvited" };
  }
  return { ok: true, ...joined };
}
