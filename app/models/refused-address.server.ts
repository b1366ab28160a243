import { createHmac } from "node:crypto";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database } from "../../db/schema";
import { config } from "../lib/config.server";
import { asciiDomainOfEmail } from "../lib/email-domains";
import { normalizeEmail } from "../lib/email-field";
import { scopesOfDomainIn } from "./sign-in-domain.server";

/*
 * Addresses an admin removed while their domain was allowed for signing in: removing the account
 * frees the address, and without this the person would simply join through the domain again at
 * their next sign-in. They stay out until an admin invites the address again.
 *
 * What is kept is an HMAC of the normalised address under a key derived from SESSION_SECRET,
 * with the address's domain: a copy of the database does not tell whom an admin removed, and
 * the daily retention run drops the rows of a domain that is allowed for nothing any more (a
 * person of it could not join then anyway). Changing SESSION_SECRET forgets them all; see
 * docs/security.md.
 */

let derived: { secret: string; key: Buffer } | undefined;

/** A key of its own: a value made here never equals a report pseudonym of the same address. */
function refusalKey(): Buffer {
  const secret = config().sessionSecret;
  if (derived?.secret !== secret) {
    derived = { secret, key: createHmac("sha256", secret).update("refused-address/v1").digest() };
  }
  return derived.key;
}

function addressKey(email: string): string {
  return createHmac("sha256", refusalKey()).update(normalizeEmail(email)).digest("hex");
}

/**
 * An admin removes the account of `email`, in `trx`: if its domain is allowed for signing in,
 * the address may not join through it again. Answers that domain, or null when none lets it in.
 */
export async function refuseAddressIn(
  trx: Kysely<Database>,
  email: string,
  now: string,
): Promise<string | null> {
  const domain = asciiDomainOfEmail(email);
  if (domain === null) return null;
  const allowed = await scopesOfDomainIn(trx, domain);
  if (allowed.cityIds.length + allowed.partnerIds.length === 0) return null;
  await trx
    .insertInto("refused_addresses")
    .values({ address_key: addressKey(email), domain, created_at: now })
    .onConflict((oc) => oc.column("address_key").doNothing())
    .execute();
  return domain;
}

/** Whether an admin removed this address and nobody invited it again since. */
export async function isAddressRefused(email: string): Promise<boolean> {
  const row = await database()
    .db.selectFrom("refused_addresses")
    .select("id")
    .where("address_key", "=", addressKey(email))
    .executeTakeFirst();
  return row !== undefined;
}

/** An admin invites the address again, in `trx`: it is no longer kept out. */
export async function liftRefusalIn(trx: Kysely<Database>, email: string): Promise<void> {
  await trx.deleteFrom("refused_addresses").where("address_key", "=", addressKey(email)).execute();
}

/** Retention: the refusals of domains allowed for nothing any more go. Answers how many. */
export async function forgetRefusalsOfUnallowedDomains(): Promise<number> {
  const { db } = database();
  const result = await db
    .deleteFrom("refused_addresses")
    .where("domain", "not in", db.selectFrom("sign_in_domains").select("domain"))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
