/** Seconds a client is asked to wait when the database was too busy to answer in time. */
const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * A query waited too long for a lock (PostgreSQL's `lock_timeout`, SQLite's busy timeout, this
 * process's turn at the SQLite writer, a free pooled connection) and gave up instead of hanging.
 *
 * It is a Response so that whatever page or form hit it answers 503 with `Retry-After` through
 * Remix's own handling of a thrown Response (the root error page shows its "busy" text), without
 * every route catching it; a script or the mail worker sees an error with a message.
 */
export class DatabaseBusy extends Response {
  readonly name = "DatabaseBusy";
  readonly message: string;

  constructor(reason: string) {
    super(JSON.stringify({ retryAfter: BUSY_RETRY_AFTER_SECONDS }), {
      status: 503,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Retry-After": String(BUSY_RETRY_AFTER_SECONDS),
        "Cache-Control": "no-store",
      },
    });
    this.message = `database busy: ${reason}`;
  }

  toString(): string {
    return `${this.name}: ${this.message}`;
  }
}
