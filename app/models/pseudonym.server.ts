import { createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { config } from "../lib/config.server";
import { normalizeEmail } from "../lib/email-field";

/*
 * The one-way pseudonym of a person that lets the city's report count people rather than
 * sign-ups, and tell new people from returning ones, after retention has anonymised them.
 *
 * It is an HMAC of the normalised address under a key derived from SESSION_SECRET: the same for
 * every registration of one address, and no one without the secret can find it from an address
 * (or an address from it), a copy of the database included. Anonymisation by retention keeps
 * it, so last year's figures read the same afterwards; it is cleared when the person erases
 * their data, and by the daily retention run PSEUDONYM_MONTHS after the person's last session.
 * docs/privacy.md says what is kept and why. The derivation is frozen in the migration that
 * filled it for older registrations (2026-12-07T17-50_report-pseudonyms): change neither alone.
 */

let derived: { secret: string; key: Buffer } | undefined;

/** A key of its own, so a value made here can never stand for a cookie's signature or a code. */
function pseudonymKey(): Buffer {
  const secret = config().sessionSecret;
  if (derived?.secret !== secret) {
    derived = { secret, key: createHmac("sha256", secret).update("report-person/v1").digest() };
  }
  return derived.key;
}

/**
 * The pseudonym of the person behind an address: 32 hex digits (128 bits). Someone who gave no
 * address (a walk-in at the door) is a person of their own: a random key, like no other.
 */
export function personKey(email: string): string {
  const address = normalizeEmail(email);
  if (!address) return randomBytes(16).toString("hex");
  return createHmac("sha256", pseudonymKey()).update(address).digest("hex").slice(0, 32);
}

/** Registrations handled per write transaction: the write lock is held briefly each time. */
const BATCH = 500;

/**
 * Gives a pseudonym to every registration that still has its person but none yet (registrations
 * stored before the migration could make them, by a migration run without SESSION_SECRET).
 * Run before anonymising, so no registration loses its address without leaving its pseudonym.
 */
export async function fillMissingPseudonyms(stopping: () => boolean = () => false) {
  let filled = 0;
  for (;;) {
    if (stopping()) return filled;
    const done = await writeTransaction(async (trx) => {
      const rows = await trx
        .selectFrom("registrations")
        .select(["id", "email_normalized"])
        .where("person_key", "is", null)
        .where("anonymised_at", "is", null)
        .orderBy("id")
        .limit(BATCH)
        .execute();
      for (const row of rows) {
        await trx
          .updateTable("registrations")
          .set({ person_key: personKey(row.email_normalized) })
          .where("id", "=", row.id)
          .execute();
      }
      filled += rows.length;
      return rows.length < BATCH;
    });
    if (done) return filled;
  }
}

/**
 * Clears the pseudonym of every person whose last session ended before `endedBefore`, from
 * registrations already anonymised (a person still there keeps theirs with their address).
 * All of a person's registrations lose it at once, so a period whose people keep theirs also
 * still knows who came before it. Answers how many registrations lost it.
 */
export async function forgetSpentPseudonyms(
  endedBefore: string,
  stopping: () => boolean = () => false,
): Promise<number> {
  const { db } = database();
  const spent = await db
    .selectFrom("registrations")
    .innerJoin("sessions", "sessions.id", "registrations.session_id")
    .select("registrations.person_key")
    .where("registrations.person_key", "is not", null)
    .groupBy("registrations.person_key")
    .having((eb) => eb.fn.max("sessions.ends_at"), "<", endedBefore)
    .execute();
  const keys = spent.flatMap((row) => (row.person_key === null ? [] : [row.person_key]));
  let forgotten = 0;
  for (let at = 0; at < keys.length; at += BATCH) {
    if (stopping()) break;
    const batch = keys.slice(at, at + BATCH);
    forgotten += await writeTransaction(async (trx) => {
      const result = await trx
        .updateTable("registrations")
        .set({ person_key: null })
        .where("person_key", "in", batch)
        .where("anonymised_at", "is not", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    });
  }
  return forgotten;
}

/** Erasure of one registration: its pseudonym goes with its person. */
export async function forgetPseudonymIn(
  trx: Kysely<Database>,
  registrationId: number,
): Promise<void> {
  await trx
    .updateTable("registrations")
    .set({ person_key: null })
    .where("id", "=", registrationId)
    .execute();
}

/**
 * Erasure of an address everywhere: the pseudonym goes from every registration that carries it,
 * those anonymised by retention long ago included (they no longer hold the address itself).
 */
export async function forgetPersonPseudonymIn(trx: Kysely<Database>, email: string): Promise<void> {
  await trx
    .updateTable("registrations")
    .set({ person_key: null })
    .where("person_key", "=", personKey(email))
    .execute();
}
