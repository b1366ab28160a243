import { createHash } from "node:crypto";
import { sql } from "kysely";
import { type DatabaseHandle, database } from "../../db/client";

/**
 * Abuse limits kept in the database, so that every instance on one PostgreSQL database (or
 * every process on one SQLite file) shares them. Each key follows the generic cell rate
 * algorithm (GCRA): `limit` requests in any `periodMs`, refilling one every periodMs/limit.
 * One row holds the key's "theoretical arrival time"; a request is let through by a single
 * atomic upsert, so parallel requests count exactly like sequential ones.
 */

export interface Budget {
  limit: number;
  periodMs: number;
}

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The stored key: the rule's name and a hash of each part (addresses are personal data). */
export function limitKey(rule: string, ...parts: string[]): string {
  const hashed = parts.map((part) =>
    createHash("sha256").update(part.toLowerCase()).digest("hex").slice(0, 32),
  );
  return [rule, ...hashed].join(":");
}

const interval = ({ limit, periodMs }: Budget) => Math.ceil(periodMs / limit);

let lastSweep = 0;
const SWEEP_EVERY_MS = 10 * 60_000;

/** Counts one request against a key, and says whether it may go ahead. */
export async function consume(
  key: string,
  budget: Budget,
  { now = Date.now(), handle = database() }: { now?: number; handle?: DatabaseHandle } = {},
): Promise<Verdict> {
  const { db, dialect } = handle;
  const step = interval(budget);
  const greatest = sql.raw(dialect === "postgres" ? "greatest" : "max");
  const next = sql<number>`${greatest}(rate_limits.tat, ${now}) + ${step}`;
  const allowed = await db
    .insertInto("rate_limits")
    .values({ key, tat: now + step })
    .onConflict((oc) =>
      oc
        .column("key")
        .doUpdateSet({ tat: next })
        .where(sql<number>`${next} - ${now}`, "<=", budget.periodMs),
    )
    .returning("tat")
    .executeTakeFirst();
  await sweep(now, handle);
  if (allowed) return { ok: true };
  const row = await db
    .selectFrom("rate_limits")
    .select("tat")
    .where("key", "=", key)
    .executeTakeFirst();
  const waitMs = Math.max(0, Number(row?.tat ?? now) + step - budget.periodMs - now);
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** Gives back one request counted against a key (it turned out not to count). */
export async function refund(key: string, budget: Budget, handle = database()): Promise<void> {
  await handle.db
    .updateTable("rate_limits")
    .set((eb) => ({ tat: eb("tat", "-", interval(budget)) }))
    .where("key", "=", key)
    .execute();
}

/** Forgets everything counted against these keys, and against keys that start with a prefix. */
export async function forget(
  { keys = [], prefixes = [] }: { keys?: string[]; prefixes?: string[] },
  handle = database(),
): Promise<void> {
  if (!keys.length && !prefixes.length) return;
  await handle.db
    .deleteFrom("rate_limits")
    .where((eb) =>
      eb.or([
        ...(keys.length ? [eb("key", "in", keys)] : []),
        // Keys are rule names and hex digests: no LIKE wildcard can occur in a prefix.
        ...prefixes.map((prefix) => eb("key", "like", `${prefix}%`)),
      ]),
    )
    .execute();
}

/** Whether the next request against a key (or any key with the prefix) would be refused. */
export async function isExhausted(
  { key, prefix }: { key?: string; prefix?: string },
  budget: Budget,
  { now = Date.now(), handle = database() }: { now?: number; handle?: DatabaseHandle } = {},
): Promise<boolean> {
  // Refused when max(tat, now) + step - now > period, that is when tat > now + period - step.
  const row = await handle.db
    .selectFrom("rate_limits")
    .select("key")
    .where((eb) =>
      eb.or([
        ...(key ? [eb("key", "=", key)] : []),
        ...(prefix ? [eb("key", "like", `${prefix}%`)] : []),
      ]),
    )
    .where("tat", ">", now + budget.periodMs - interval(budget))
    .executeTakeFirst();
  return Boolean(row);
}

/** A key whose arrival time has passed counts nothing: drop those now and then. */
async function sweep(now: number, handle: DatabaseHandle): Promise<void> {
  if (now - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now;
  await handle.db.deleteFrom("rate_limits").where("tat", "<", now).execute();
}
