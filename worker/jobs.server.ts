import type { ExpressionBuilder } from "kysely";
import { addMinutes, nowInstant } from "../app/lib/time";
import { runJob } from "../app/models/job-handlers.server";
import { database } from "../db/client";
import type { Database, Job } from "../db/schema";
import { afterFailedTry, retryDelaySeconds } from "./retries";

/**
 * The running side of the jobs queue (app/models/job.server.ts queues): each worker round
 * claims the due jobs, runs each once, tries a failing one again later and gives it up after
 * MAX_JOB_ATTEMPTS tries.
 */

/**
 * Tries of a job before it is given up, waiting as the outbox does between tries (30 s, 1, 2,
 * 4, … 32 min): about an hour in all.
 */
export const MAX_JOB_ATTEMPTS = 8;
/** How long a claimed job is this worker's; after a crash, another worker takes it then. */
const LEASE_MINUTES = 1;
/** Jobs one claim takes. */
const BATCH = 10;

/**
 * Takes up to `limit` due jobs and leases them to this worker, in one statement, so that
 * several workers never take the same job: PostgreSQL skips the rows another claim has locked
 * (FOR UPDATE SKIP LOCKED) and re-checks the condition after any wait; SQLite runs the whole
 * statement under its write lock. Each claim counts as a try.
 */
async function claimDueJobs(now: string, limit: number) {
  const { db, dialect } = database();
  const claimable = (eb: ExpressionBuilder<Database, "jobs">) =>
    eb.and([
      eb("jobs.status", "=", "pending"),
      eb("jobs.next_attempt_at", "<=", now),
      eb.or([eb("jobs.locked_until", "is", null), eb("jobs.locked_until", "<=", now)]),
    ]);
  const lease = (eb: ExpressionBuilder<Database, "jobs">) => ({
    locked_until: addMinutes(now, LEASE_MINUTES),
    attempts: eb("attempts", "+", 1),
  });
  const due = db
    .selectFrom("jobs")
    .select("jobs.id")
    .where(claimable)
    .orderBy("jobs.next_attempt_at")
    .orderBy("jobs.id")
    .limit(limit);
  const claimed =
    dialect === "postgres"
      ? await db
          .with(
            (cte) => cte("picked").materialized(),
            () => due.forUpdate().skipLocked(),
          )
          .updateTable("jobs")
          .from("picked")
          .set(lease)
          .whereRef("jobs.id", "=", "picked.id")
          .where(claimable)
          .returningAll("jobs")
          .execute()
      : await db
          .updateTable("jobs")
          .set(lease)
          .where((eb) => eb.and([eb("jobs.id", "in", due), claimable(eb)]))
          .returningAll()
          .execute();
  return claimed.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id - b.id);
}

/**
 * Sets a failed job's next try, or gives it up after its last: status `failed`, kept as it is
 * for a look until the daily retention run. Either way the log says so, with the job's number
 * and kind (never its payload, which may hold an address).
 */
async function recordFailure(job: Job, error: unknown, now: string) {
  const { db } = database();
  const gaveUp = job.attempts >= MAX_JOB_ATTEMPTS;
  await db
    .updateTable("jobs")
    .set(afterFailedTry({ error, attempts: job.attempts, gaveUp, now }))
    .where("id", "=", job.id)
    .where("status", "=", "pending")
    .execute();
  const what = gaveUp
    ? "given up; kept for a look"
    : `tried again in ${retryDelaySeconds(job.attempts)} s`;
  console.error(`job ${job.id} (${job.kind}) failed, try ${job.attempts}, ${what}:`, error);
}

export interface JobsRun {
  done: number;
  failed: number;
}

/**
 * Runs every job that is due now, one after another, and returns once none is left (or once
 * `stopping` says so, after the job under way). A job that fails holds up no other.
 */
export async function processJobs({
  now = nowInstant,
  stopping = () => false,
}: {
  now?: () => string;
  stopping?: () => boolean;
} = {}): Promise<JobsRun> {
  const run: JobsRun = { done: 0, failed: 0 };
  while (!stopping()) {
    const jobs = await claimDueJobs(now(), BATCH);
    if (jobs.length === 0) break;
    for (const job of jobs) {
      if (stopping()) {
        // Handed back untried: the next worker takes it at once.
        await database()
          .db.updateTable("jobs")
          .set((eb) => ({ locked_until: null, attempts: eb("attempts", "-", 1) }))
          .where("id", "=", job.id)
          .where("status", "=", "pending")
          .execute();
        continue;
      }
      try {
        if (await runJob(job, { now: now() })) run.done++;
      } catch (error) {
        run.failed++;
        await recordFailure(job, error, now()).catch((failure) =>
          console.error(`job ${job.id}: could not record the failed try:`, failure),
        );
      }
    }
  }
  return run;
}
