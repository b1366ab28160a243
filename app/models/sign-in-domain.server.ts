import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { asciiDomainOfEmail } from "../lib/email-domains";
import { nowInstant } from "../lib/time";
import { type Actor, recordAuditIn } from "./audit.server";

/**
 * Mail domains an admin lets join through the city's accounts: a domain allowed for a city or
 * a partner lets whoever the city's provider vouches for with an address of it in, as an
 * organiser of that scope (sign-in in city-sign-in.server.ts). Never as an admin: an admin is
 * invited by name. Removing a domain lets nobody new in and leaves the accounts it made.
 */

export interface SignInDomainScope {
  kind: "city" | "partner";
  id: number;
}

export interface SignInDomainEntry {
  id: number;
  domain: string;
  scope: SignInDomainScope & { name: string };
  createdAt: string;
  /** Accounts that joined through this domain and are still there. */
  accounts: number;
}

/** Every allowed domain with its city or partner, by domain then scope name, for the admins' page. */
export async function listSignInDomains(): Promise<SignInDomainEntry[]> {
  const { db } = database();
  const rows = await db
    .selectFrom("sign_in_domains")
    .leftJoin("cities", "cities.id", "sign_in_domains.city_id")
    .leftJoin("partners", "partners.id", "sign_in_domains.partner_id")
    .select([
      "sign_in_domains.id",
      "sign_in_domains.domain",
      "sign_in_domains.city_id",
      "sign_in_domains.partner_id",
      "sign_in_domains.created_at",
      "cities.name as city",
      "partners.name as partner",
    ])
    .orderBy("sign_in_domains.domain")
    .orderBy("sign_in_domains.id")
    .execute();
  const joined = await db
    .selectFrom("organisers")
    .select("email")
    .where("city_account_only", "=", 1)
    .where("removed_at", "is", null)
    .execute();
  const joinedDomains = joined.map(({ email }) => asciiDomainOfEmail(email));
  const accountsOf = (domain: string) => joinedDomains.filter((of) => of === domain).length;
  return rows.map((row) => ({
    id: row.id,
    domain: row.domain,
    scope:
      row.city_id !== null
        ? { kind: "city", id: row.city_id, name: row.city ?? "" }
        : { kind: "partner", id: row.partner_id ?? 0, name: row.partner ?? "" },
    createdAt: row.created_at,
    accounts: accountsOf(row.domain),
  }));
}

export type AllowDomainResult =
  | { ok: true; domain: string; scopeName: string }
  | { ok: false; reason: "unknownScope" | "alreadyAllowed" };

/** An admin allows a domain (already lower-cased and in its ASCII form) for a city or partner. */
export async function allowSignInDomain(
  input: { domain: string; scope: SignInDomainScope },
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<AllowDomainResult> {
  const { domain, scope } = input;
  return writeTransaction(async (trx) => {
    const target = await trx
      .selectFrom(scope.kind === "city" ? "cities" : "partners")
      .select("name")
      .where("id", "=", scope.id)
      .executeTakeFirst();
    if (!target) return { ok: false, reason: "unknownScope" };
    const column = scope.kind === "city" ? "city_id" : "partner_id";
    const existing = await trx
      .selectFrom("sign_in_domains")
      .select("id")
      .where("domain", "=", domain)
      .where(column, "=", scope.id)
      .executeTakeFirst();
    if (existing) return { ok: false, reason: "alreadyAllowed" };
    const row = await trx
      .insertInto("sign_in_domains")
      .values({
        domain,
        city_id: scope.kind === "city" ? scope.id : null,
        partner_id: scope.kind === "partner" ? scope.id : null,
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "signInDomain.allow",
        subjectType: "signInDomain",
        subjectId: row.id,
        details: { domain, [scope.kind === "city" ? "cityId" : "partnerId"]: scope.id },
        clientAddress,
      },
      now,
    );
    return { ok: true, domain, scopeName: target.name };
  });
}

export type RemoveDomainResult = { ok: true; domain: string } | { ok: false; reason: "notFound" };

/** An admin removes an allowed domain: nobody new joins through it; accounts made stay. */
export async function removeSignInDomain(
  id: number,
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<RemoveDomainResult> {
  return writeTransaction(async (trx) => {
    const row = await trx
      .deleteFrom("sign_in_domains")
      .where("id", "=", id)
      .returning(["domain", "city_id", "partner_id"])
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "notFound" };
    await recordAuditIn(
      trx,
      {
        organiserId,
        action: "signInDomain.remove",
        subjectType: "signInDomain",
        subjectId: id,
        details: {
          domain: row.domain,
          ...(row.city_id !== null ? { cityId: row.city_id } : { partnerId: row.partner_id }),
        },
        clientAddress,
      },
      now,
    );
    return { ok: true, domain: row.domain };
  });
}

/** The cities and partners a domain is allowed for, read in `trx`: none when it is not. */
export async function scopesOfDomainIn(
  trx: Kysely<Database>,
  domain: string,
): Promise<{ cityIds: number[]; partnerIds: number[] }> {
  const rows = await trx
    .selectFrom("sign_in_domains")
    .select(["city_id", "partner_id"])
    .where("domain", "=", domain)
    .execute();
  return {
    cityIds: rows.flatMap((row) => (row.city_id === null ? [] : [row.city_id])),
    partnerIds: rows.flatMap((row) => (row.partner_id === null ? [] : [row.partner_id])),
  };
}
