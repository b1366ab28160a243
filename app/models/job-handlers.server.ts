import type { Kysely } from "kysely";
import type { Database, Job } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { nowInstant } from "../lib/time";
import type { JobKind, JobPayloads } from "./job.server";
import { mailPasswordReset } from "./password-reset.server";
import { auditFailedSignIn } from "./sign-in.server";

/** What a job of one kind does, in the write transaction that also removes it. */
type JobHandler<K extends JobKind> = (
  trx: Kysely<Database>,
  payload: JobPayloads[K],
  now: string,
) => Promise<void>;

const handlers: { [K in JobKind]: JobHandler<K> } = {
  "organiser.passwordReset": (trx, { email, locale }, now) =>
    mailPasswordReset(trx, email, { locale, now }),
  "organiser.signInFailed": (trx, payload) => auditFailedSignIn(trx, payload),
};

function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(handlers, kind);
}

function handlerOf<K extends JobKind>(kind: K): JobHandler<K> {
  return handlers[kind];
}

/**
 * Runs a claimed job once: the row is deleted first, in the write transaction that does the
 * work, so the work and the row's going commit together. Of two workers holding the same job
 * (the first one's lease ran out), the second finds the row gone and does nothing. A job that
 * throws leaves its row as it was, for the worker to try again. Answers whether it ran here.
 */
export async function runJob(
  job: Job,
  { now = nowInstant() }: { now?: string } = {},
): Promise<boolean> {
  const { kind } = job;
  if (!isJobKind(kind)) throw new Error(`no handler for job kind "${kind}"`);
  const payload = JSON.parse(job.payload);
  return writeTransaction(async (trx) => {
    const taken = await trx
      .deleteFrom("jobs")
      .where("id", "=", job.id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(taken.numDeletedRows) === 0) return false;
    await handlerOf(kind)(trx, payload, now);
    return true;
  });
}
