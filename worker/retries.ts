/**
 * How the worker tries again: the outbox's messages and the jobs wait 30 s, 1 min, 2 min, …
 * (capped at one hour) after each failed try, and a row given up is kept, marked `failed`, for a
 * look.
 */

/** Wait before attempt n+1: 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(attempts - 1, 0), 3600);
}

/** What a failed try writes on its row: due again after the wait, or given up. */
export function afterFailedTry({
  error,
  attempts,
  gaveUp,
  now,
}: {
  error: unknown;
  attempts: number;
  gaveUp: boolean;
  now: string;
}) {
  return {
    status: gaveUp ? ("failed" as const) : ("pending" as const),
    failed_at: gaveUp ? now : null,
    locked_until: null,
    last_error: failureReason(error),
    next_attempt_at: new Date(Date.parse(now) + retryDelaySeconds(attempts) * 1000).toISOString(),
  };
}

/** The part of an error a row keeps. */
export function failureReason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}
