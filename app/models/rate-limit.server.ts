import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { database, dialectOfDb } from "../../db/client";
import type { Database } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { config } from "../lib/config.server";
import { nowMillis } from "../lib/time";

/**
 * Abuse limits kept in the database, so that every instance on one PostgreSQL database (or
 * every process on one SQLite file) shares them. A limit is a sliding window: at most `limit`
 * requests in any `periodMs`, never more, however they are spread. Each counted request is a
 * row; deciding and counting happen in one transaction that holds the key (PostgreSQL: an
 * advisory lock on it; SQLite: the write lock), so parallel requests count like sequential ones.
 */

export interface Budget {
  limit: number;
  periodMs: number;
}

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Every abuse limit of the site, by what it protects. Each has its own budget, set in the
 * configuration (see docs/security.md): a campus or company network puts hundreds of honest
 * people behind one client address, so the budgets per client address are generous, and the
 * one per email address is strict, because nobody should be able to flood a mailbox.
 */
export type Rule =
  /** Sign-ups from one client address. */
  | "signup.client"
  /** Mail to one email address caused by anonymous requests: sign-ups, password resets. */
  | "mail.address"
  /** Sign-in attempts from one client address, for any account. */
  | "login.client"
  /** Failed sign-ins for one account from one client address: "locked" for that client only. */
  | "login.accountClient"
  /** Failed sign-ins for one account from everywhere: distributed guessing. */
  | "login.account"
  /** Password-reset requests from one client address. */
  | "reset.client"
  /** Invitations one organiser sends. */
  | "invite.organiser"
  /** Requests to the public read API from one client address. */
  | "api.client";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function budgetOf(rule: Rule): Budget {
  const c = config();
  switch (rule) {
    case "signup.client":
      return { limit: c.RATE_SIGNUPS_PER_CLIENT_PER_MINUTE, periodMs: MINUTE };
    case "mail.address":
      return { limit: c.RATE_MAILS_PER_ADDRESS_PER_HOUR, periodMs: HOUR };
    case "login.client":
      return { limit: c.RATE_LOGINS_PER_CLIENT_PER_MINUTE, periodMs: MINUTE };
    case "login.accountClient":
      return { limit: c.RATE_LOGIN_FAILURES_PER_ACCOUNT_CLIENT, periodMs: 15 * MINUTE };
    case "login.account":
      return { limit: c.RATE_LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR, periodMs: HOUR };
    case "reset.client":
      return { limit: c.RATE_RESETS_PER_CLIENT_PER_HOUR, periodMs: HOUR };
    case "invite.organiser":
      return { limit: c.RATE_INVITATIONS_PER_ORGANISER_PER_HOUR, periodMs: HOUR };
    case "api.client":
      return { limit: c.RATE_API_PER_CLIENT_PER_MINUTE, periodMs: MINUTE };
  }
}

/** The key a rule counts under for what it is about (an address, an account, a client). */
export function ruleKey(rule: Rule, about: string[]): string {
  const parts = rule === "mail.address" ? about.map(mailboxOf) : about;
  return limitKey(rule, ...parts);
}

/** The mailbox an address delivers to: "An+x@Example.org" lands where "an@example.org" does. */
function mailboxOf(email: string): string {
  const [local = "", domain = ""] = email
    .trim()
    .toLowerCase()
    .split(/@(?=[^@]*$)/);
  return `${local.replace(/\+.*$/, "")}@${domain}`;
}

/** The stored key: the rule's name and a hash of each part (addresses are personal data). */
export function limitKey(rule: string, ...parts: string[]): string {
  const hashed = parts.map((part) =>
    createHash("sha256").update(part.toLowerCase()).digest("hex").slice(0, 32),
  );
  return [rule, ...hashed].join(":");
}

/** Counts one request against a key, unless the key has used its budget: then how long to wait. */
export async function consume(
  key: string,
  budget: Budget,
  options: { now?: number } = {},
): Promise<Verdict> {
  const [verdict] = await consumeInTurn([{ key, budget }], options);
  return verdict ?? { ok: true };
}

/**
 * Counts one request against each key in turn, in one transaction, and stops at the first that
 * has used its budget: the same outcome as `consume` for each in turn (the keys before a refusal
 * stay counted), with one wait for the lock instead of one a key. Returns a verdict a key tried.
 */
export async function consumeInTurn(
  checks: { key: string; budget: Budget }[],
  { now }: { now?: number } = {},
): Promise<Verdict[]> {
  return writeTransaction<Verdict[]>(async (trx) => {
    const verdicts: Verdict[] = [];
    for (const { key, budget } of checks) {
      const verdict = await consumeOne(trx, key, budget, now);
      verdicts.push(verdict);
      if (!verdict.ok) break;
    }
    return verdicts;
  }).finally(() => sweepNowAndThen(now ?? nowMillis()));
}

/**
 * Counts one request against each key in turn in the caller's write transaction, as
 * consumeInTurn does in its own: the first refusal (its index among the checks), or null.
 */
export async function consumeInTurnIn(
  trx: Kysely<Database>,
  checks: { key: string; budget: Budget }[],
): Promise<{ index: number; verdict: Extract<Verdict, { ok: false }> } | null> {
  for (const [index, { key, budget }] of checks.entries()) {
    const verdict = await consumeOne(trx, key, budget, undefined);
    if (!verdict.ok) return { index, verdict };
  }
  return null;
}

/**
 * Counts one request against a key in the caller's write transaction (which then holds the
 * key, as consumeInTurn's own does): for a decision that must count and act at once.
 */
export function consumeIn(
  trx: Kysely<Database>,
  key: string,
  budget: Budget,
  now?: number,
): Promise<Verdict> {
  return consumeOne(trx, key, budget, now);
}

async function consumeOne(
  trx: Kysely<Database>,
  key: string,
  { limit, periodMs }: Budget,
  given: number | undefined,
): Promise<Verdict> {
  if (dialectOfDb(trx) === "postgres") {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  }
  // The clock is read once the transaction holds the key: a request that waited for the lock
  // counts from when it is decided, so it cannot leave the window earlier than it should.
  const now = given ?? nowMillis();
  // What has left the window counts no more; this keeps a key to at most `limit` rows.
  await trx
    .deleteFrom("rate_limit_hits")
    .where("key", "=", key)
    .where("at", "<=", now - periodMs)
    .execute();
  // The limit-th most recent hit: while it is in the window, the budget is spent.
  const boundary = await trx
    .selectFrom("rate_limit_hits")
    .select("at")
    .where("key", "=", key)
    .orderBy("at", "desc")
    .limit(1)
    .offset(limit - 1)
    .executeTakeFirst();
  if (boundary) {
    const waitMs = Number(boundary.at) + periodMs - now;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
  await trx.insertInto("rate_limit_hits").values({ key, at: now }).execute();
  return { ok: true };
}

/** No limit looks back further than this: older counts of keys nobody uses any more can go. */
const KEPT_MS = 24 * 60 * 60_000;
const SWEEP_EVERY_MS = 10 * 60_000;
let lastSweep = 0;

export async function sweepNowAndThen(now: number = nowMillis()): Promise<void> {
  if (now - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now;
  await database()
    .db.deleteFrom("rate_limit_hits")
    .where("at", "<=", now - KEPT_MS)
    .execute();
}

/** Gives back the last request counted against a key (it turned out not to count). */
export async function refund(key: string): Promise<void> {
  const { db } = database();
  await db
    .deleteFrom("rate_limit_hits")
    .where(
      "id",
      "=",
      db
        .selectFrom("rate_limit_hits")
        .select((eb) => eb.fn.max("id").as("id"))
        .where("key", "=", key),
    )
    .execute();
}

/** Forgets everything counted against these keys, and against keys that start with a prefix. */
export async function forget({
  keys = [],
  prefixes = [],
}: {
  keys?: string[];
  prefixes?: string[];
}): Promise<void> {
  if (!keys.length && !prefixes.length) return;
  await database()
    .db.deleteFrom("rate_limit_hits")
    .where((eb) =>
      eb.or([
        ...(keys.length ? [eb("key", "in", keys)] : []),
        // Keys are rule names and hex digests: no LIKE wildcard can occur in a prefix.
        ...prefixes.map((prefix) => eb("key", "like", `${prefix}%`)),
      ]),
    )
    .execute();
}

/** Whether a key (or any key with the prefix) has used its budget: the next request is refused. */
export async function isExhausted(
  { key, prefix }: { key?: string; prefix?: string },
  { limit, periodMs }: Budget,
  { now = nowMillis() }: { now?: number } = {},
): Promise<boolean> {
  const row = await database()
    .db.selectFrom("rate_limit_hits")
    .select("key")
    .where((eb) =>
      eb.or([
        ...(key ? [eb("key", "=", key)] : []),
        ...(prefix ? [eb("key", "like", `${prefix}%`)] : []),
      ]),
    )
    .where("at", ">", now - periodMs)
    .groupBy("key")
    .having((eb) => eb.fn.countAll(), ">=", limit)
    .executeTakeFirst();
  return Boolean(row);
}
