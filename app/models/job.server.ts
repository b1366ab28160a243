import type { Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database } from "../../db/schema";
import type { Locale } from "../i18n";
import { nowInstant } from "../lib/time";

/*
 * Jobs: work a request leaves for after its answer, as a row the worker runs (what each kind
 * does is in job-handlers.server.ts, the claiming and retrying in worker/jobs.server.ts). A
 * request writes its row before it answers, so a stop, a crash or a deploy right after the
 * answer loses nothing: whichever worker runs next does the work. The request's own work stays
 * the same whatever the job will find: one row, written the same way.
 */

/** Every kind of job, with what it carries (stored as JSON in `jobs.payload`). */
export interface JobPayloads {
  /**
   * Someone asked for a password link for `email` (normalised). The job finds out whether the
   * address has an account; if so, it makes the link and queues the mail, in `locale`.
   */
  "organiser.passwordReset": { email: string; locale: Locale };
  /**
   * A sign-in failed at `at`. `organiserId` is the account the address named, null for an
   * address that has none: then the job records nothing, and the client address is not kept.
   */
  "organiser.signInFailed": {
    organiserId: number | null;
    clientAddress: string | null;
    at: string;
  };
}

export type JobKind = keyof JobPayloads;

/** Queues a job, due at once. One insert, whatever it carries. */
export async function queueJob<K extends JobKind>(
  kind: K,
  payload: JobPayloads[K],
  { now = nowInstant() }: { now?: string } = {},
): Promise<void> {
  await database()
    .db.insertInto("jobs")
    .values({ kind, payload: JSON.stringify(payload), next_attempt_at: now, created_at: now })
    .execute();
}

/** The kinds whose payload names an email address (in `email`, normalised). */
const NAMING_AN_ADDRESS: readonly JobKind[] = ["organiser.passwordReset"];

/**
 * Deletes every job, waiting or given up, whose payload names this address, in the caller's
 * transaction: an erasure or a removed account leaves no copy of the address behind in the
 * queue. Answers how many went.
 */
export async function forgetJobsNaming(trx: Kysely<Database>, email: string): Promise<number> {
  const address = email.trim().toLowerCase();
  const rows = await trx
    .selectFrom("jobs")
    .select(["id", "payload"])
    .where("kind", "in", NAMING_AN_ADDRESS)
    .execute();
  const ids = rows
    .filter((row) => (JSON.parse(row.payload) as { email?: unknown }).email === address)
    .map((row) => row.id);
  if (ids.length) await trx.deleteFrom("jobs").where("id", "in", ids).execute();
  return ids.length;
}
