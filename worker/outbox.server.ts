import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from "kysely";
import { config } from "../app/lib/config.server";
import { nowInstant } from "../app/lib/time";
import { type Budget, consume } from "../app/models/rate-limit.server";
import { database } from "../db/client";
import type { Database, OutboxMessage } from "../db/schema";
import { type MailRenderer, mailRenderer, renderingHere } from "./render-pool.server";
import { afterFailedTry, failureReason } from "./retries";
import type { MailTransport } from "./transport.server";

/**
 * The sending side of the outbox (emails/outbox.server.ts queues): claims due messages,
 * renders and delivers them in order per registration, at the configured pace, and retries
 * what the mail server puts off.
 */

/** Tries of a message the mail server answers with "try again later" (4xx): about a day. */
const MAX_ATTEMPTS = 30;
/** Tries of a message the mail server refuses (5xx) before it is marked failed. */
export const MAX_REFUSALS = 3;
/**
 * How long a claimed message is this worker's. It is renewed every few seconds while the
 * message is being sent, so a slow send keeps it; after a crash, another worker takes it
 * within this time.
 */
export const LEASE_SECONDS = 15;

const later = (now: string, seconds: number) =>
  new Date(Date.parse(now) + seconds * 1000).toISOString();

/**
 * Takes up to `limit` due messages and leases them to this worker. One statement, so two
 * workers (the server's and `npm run worker`, or several instances) never take the same
 * message: on PostgreSQL the subquery skips rows another claim has locked (FOR UPDATE SKIP
 * LOCKED) and the outer condition is re-checked after any wait; SQLite runs the whole
 * statement under its write lock. At most one message per registration is taken or under way
 * at a time, the earliest queued (see `claimable`).
 */
async function claimDueMessages(
  now: string,
  limit: number,
  leaseSeconds = LEASE_SECONDS,
): Promise<OutboxMessage[]> {
  if (limit <= 0) return [];
  const { db, dialect } = database();
  // Written out twice on purpose: the subquery picks the oldest due messages, and the outer
  // copy is what PostgreSQL re-checks once a competing claim has released the row.
  const claimable = (eb: ExpressionBuilder<Database, "outbox">) =>
    eb.and([
      eb("outbox.status", "=", "pending"),
      eb("outbox.next_attempt_at", "<=", now),
      eb.or([eb("outbox.locked_until", "is", null), eb("outbox.locked_until", "<=", now)]),
      // Messages about one registration leave in the order they were queued: none while an
      // earlier one is still waiting (for its retry, too) or being sent.
      eb.not(
        eb.exists(
          eb
            .selectFrom("outbox as earlier")
            .select("earlier.id")
            .whereRef("earlier.registration_id", "=", "outbox.registration_id")
            .where("earlier.status", "=", "pending")
            .whereRef("earlier.id", "<", "outbox.id"),
        ),
      ),
    ]);
  const lease = (eb: ExpressionBuilder<Database, "outbox">) => ({
    locked_until: later(now, leaseSeconds),
    attempts: eb("attempts", "+", 1),
  });
  const due = (query: SelectQueryBuilder<Database, "outbox", object>) =>
    query
      .select("outbox.id")
      .where(claimable)
      .orderBy("outbox.next_attempt_at")
      .orderBy("outbox.id")
      .limit(limit);
  // PostgreSQL: the picked rows are locked and materialised once, in a CTE. As `id IN
  // (subquery)` the planner may run the locking subquery again for each row it joins, and
  // take more rows than the limit, or fewer.
  const claimed =
    dialect === "postgres"
      ? await db
          .with(
            (cte) => cte("picked").materialized(),
            (qc) => due(qc.selectFrom("outbox")).forUpdate().skipLocked(),
          )
          .updateTable("outbox")
          .from("picked")
          .set(lease)
          .whereRef("outbox.id", "=", "picked.id")
          .where(claimable)
          .returningAll("outbox")
          .execute()
      : await db
          .updateTable("outbox")
          .set(lease)
          .where((eb) =>
            eb.and([eb("outbox.id", "in", due(eb.selectFrom("outbox"))), claimable(eb)]),
          )
          .returningAll()
          .execute();
  return claimed.sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id - b.id);
}

/** Takes the next due message, as claimDueMessages does. */
export async function claimNextMessage(now: string): Promise<OutboxMessage | null> {
  return (await claimDueMessages(now, 1))[0] ?? null;
}

/**
 * The one mail an erased person still gets is the CANCEL that takes the event out of their
 * calendar (see erasure.server.ts): once it has left, its recipient and body go too.
 */
async function purgeIfErased(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ to_email: "", to_name: "", subject: "", html: "", text: "", ics: null, data: null })
    .set({ body_purged_at: now })
    .where("id", "=", id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("registrations")
          .select("registrations.id")
          .whereRef("registrations.id", "=", "outbox.registration_id")
          .where("registrations.anonymised_at", "is not", null),
      ),
    )
    .execute();
}

/** Strips line breaks from anything that ends up in a mail header. */
const headerSafe = (value: string) => value.replace(/[\r\n\u2028\u2029]+/g, " ").trim();

type RenderedFields = Pick<
  OutboxMessage,
  "subject" | "html" | "text" | "ics" | "ics_method" | "data" | "rendered_at"
>;

/**
 * Renders a message queued as a snapshot: what its row holds once rendered (the snapshot
 * goes: the rendered message holds all of it). Null for a message already rendered. Rendering
 * is deterministic (the snapshot holds every value, its DTSTAMP included), so a message sent
 * again after a crash carries the same content.
 */
async function renderedFieldsOf(
  message: OutboxMessage,
  now: string,
  renderer: MailRenderer,
): Promise<RenderedFields | null> {
  if (message.rendered_at !== null || message.data === null) return null;
  const content = await renderer.render(message.kind, message.data);
  return {
    subject: content.subject,
    html: content.html,
    text: content.text,
    ics: content.ics?.content ?? null,
    ics_method: content.ics?.method ?? null,
    data: null,
    rendered_at: now,
  };
}

/**
 * Renders a message queued as a snapshot and stores the result on its row, as sent (in this
 * thread unless told otherwise: it renders one message, not a stream of them).
 */
export async function renderQueued(
  message: OutboxMessage,
  now = nowInstant(),
  renderer = renderingHere,
): Promise<OutboxMessage> {
  const rendered = await renderedFieldsOf(message, now, renderer);
  if (!rendered) return message;
  await database()
    .db.updateTable("outbox")
    .set(rendered)
    .where("id", "=", message.id)
    .where("rendered_at", "is", null)
    .execute();
  return { ...message, ...rendered };
}

async function deliver(message: OutboxMessage, transport: MailTransport): Promise<void> {
  const { MAIL_FROM } = config();
  await transport.send({
    from: MAIL_FROM,
    messageId: message.message_id ?? undefined,
    to: { name: headerSafe(message.to_name), address: message.to_email },
    subject: headerSafe(message.subject),
    text: message.text,
    html: message.html,
    icalEvent: message.ics
      ? {
          method: message.ics_method ?? "REQUEST",
          filename: "uitnodiging.ics",
          content: message.ics,
        }
      : undefined,
  });
}

/**
 * What a failed attempt says about whom:
 * - `server`: the mail server cannot be reached or will not take mail now (connection refused
 *   or lost, timeouts, TLS, a refused login, 421 "service not available"). Nothing is wrong
 *   with the message: it stays due, its attempt does not count, and the worker waits for the
 *   server (see startOutboxWorker) instead of pushing every message into a backoff of its own.
 * - `refused`: the server refused this message for good (5xx), or it cannot be made at all:
 *   a few tries, then it is marked failed and shown to organisers.
 * - `later`: the server asks to try this message again later (other 4xx): exponential backoff.
 */
type FailureKind = "server" | "refused" | "later";

const SERVER_ERROR_CODES = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "ETLS",
  "EAUTH",
  "EPROTOCOL",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

function classifyFailure(error: unknown): FailureKind {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  if (code === "EAUTH") return "server";
  if (typeof responseCode === "number") {
    if (responseCode === 421) return "server";
    if (responseCode >= 500) return "refused";
    if (responseCode >= 400) return "later";
  }
  if (code && SERVER_ERROR_CODES.has(code)) return "server";
  return "refused";
}

export interface OutboxRun {
  sent: number;
  failed: number;
  /** Set when the mail server could not be reached: the run stopped there. */
  unreachable?: true;
}

export interface OutboxOptions {
  now?: () => string;
  /** Checked before each claim: once true, the run finishes what is under way and returns. */
  stopping?: () => boolean;
  /** Messages sent at once (OUTBOX_CONCURRENCY). */
  concurrency?: number;
  /** At most this many messages in any period, counted across every worker (MAIL_RATE_PER_MINUTE). */
  rate?: Budget | null;
  leaseSeconds?: number;
  /** Where messages are rendered (MAIL_RENDER_THREADS threads of the process's pool). */
  renderer?: MailRenderer;
}

/** The key under which every worker counts the messages it sends, for MAIL_RATE_PER_MINUTE. */
export const SEND_RATE_KEY = "mail:send";

function rateFromConfig(): Budget | null {
  const perMinute = config().MAIL_RATE_PER_MINUTE;
  return perMinute ? { limit: perMinute, periodMs: 60_000 } : null;
}

/**
 * Sends every message that is due now, `concurrency` at a time, within the send rate, and
 * returns once none is left (or the rate is used up, or the server cannot be reached). Each
 * message is rendered just before its first attempt. Once `stopping` says so, it returns
 * after the messages under way instead of taking more.
 */
export async function processOutbox(
  transport: MailTransport,
  {
    now: clock,
    stopping = (): boolean => false,
    concurrency = config().OUTBOX_CONCURRENCY,
    rate = rateFromConfig(),
    leaseSeconds = LEASE_SECONDS,
    renderer = mailRenderer(),
  }: OutboxOptions = {},
): Promise<OutboxRun> {
  const { db } = database();
  const now = clock ?? nowInstant;
  // A run on a clock of its own counts the send rate on that clock too; on the real one, the
  // budget reads the time once it holds its key (see consume).
  const budgetClock = () => (clock ? { now: Date.parse(clock()) } : {});
  const run: OutboxRun = { sent: 0, failed: 0 };
  const inFlight = new Map<number, Promise<void>>();
  let rateSpent = false;

  // While messages are being sent, their leases are renewed: a slow server keeps them ours.
  const renewal = setInterval(
    () => {
      if (inFlight.size === 0) return;
      db.updateTable("outbox")
        .set({ locked_until: later(now(), leaseSeconds) })
        .where("id", "in", [...inFlight.keys()])
        .where("status", "=", "pending")
        .execute()
        .catch((error) => console.error("outbox lease renewal:", error));
    },
    (leaseSeconds * 1000) / 3,
  );
  renewal.unref();

  const send = async (message: OutboxMessage) => {
    let delivered = false;
    // Stored with whatever the attempt ends in (one write, not two): a retry sends these bytes.
    let rendered: Partial<RenderedFields> = {};
    try {
      rendered = (await renderedFieldsOf(message, now(), renderer)) ?? {};
      // The budget is taken the moment the message goes, not when it was claimed, so that
      // what the budget counts is what the mail server sees.
      if (rate && !(await consume(SEND_RATE_KEY, rate, budgetClock())).ok) {
        rateSpent = true;
        await release(db, message, rendered);
        return;
      }
      await deliver({ ...message, ...rendered }, transport);
      delivered = true;
      await db
        .updateTable("outbox")
        .set({ ...rendered, status: "sent", sent_at: now(), locked_until: null, last_error: null })
        .where("id", "=", message.id)
        .execute();
      // Only a CANCEL can be left of an erased person (see purgeIfErased).
      if (message.ics_method === "CANCEL") await purgeIfErased(db, message.id, now());
      run.sent++;
    } catch (error) {
      if (delivered) {
        // The server has it, the outbox does not know: it goes again once the lease ends,
        // with the same Message-ID, so the copy is recognisably the same message.
        console.error(`mail ${message.id} sent but not recorded as sent:`, error);
        return;
      }
      const kind = classifyFailure(error);
      if (kind === "server") run.unreachable = true;
      else run.failed++;
      await recordFailure(db, message, error, kind, now(), rendered).catch((failure) =>
        console.error(`mail ${message.id}: could not record the failed attempt:`, failure),
      );
    }
  };

  try {
    for (;;) {
      const room = run.unreachable || rateSpent || stopping() ? 0 : concurrency - inFlight.size;
      if (room > 0) {
        const batch = await claimDueMessages(now(), room, leaseSeconds);
        for (const message of batch) {
          inFlight.set(
            message.id,
            send(message).finally(() => inFlight.delete(message.id)),
          );
        }
      }
      if (inFlight.size === 0) return run;
      // Fill each place as it frees up: a sent message may also make the next one about the
      // same registration due.
      await Promise.race(inFlight.values());
    }
  } finally {
    clearInterval(renewal);
  }
}

/** Gives a claimed message back untried: due again at once, the claim not counted as a try. */
async function release(
  db: Kysely<Database>,
  message: OutboxMessage,
  rendered: Partial<RenderedFields>,
  lastError?: string,
): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({
      ...rendered,
      locked_until: null,
      attempts: eb("attempts", "-", 1),
      ...(lastError === undefined ? {} : { last_error: lastError }),
    }))
    .where("id", "=", message.id)
    .where("status", "=", "pending")
    .execute();
}

async function recordFailure(
  db: Kysely<Database>,
  message: OutboxMessage,
  error: unknown,
  kind: FailureKind,
  now: string,
  rendered: Partial<RenderedFields>,
): Promise<void> {
  const reason = failureReason(error);
  if (kind === "server") {
    // Not the message's fault: due again as soon as the server answers, the try not counted.
    await release(db, message, rendered, reason);
    return;
  }
  const gaveUp =
    kind === "refused" ? message.attempts >= MAX_REFUSALS : message.attempts >= MAX_ATTEMPTS;
  await db
    .updateTable("outbox")
    .set({
      ...rendered,
      ...afterFailedTry({ error, attempts: message.attempts, gaveUp, now }),
    })
    .where("id", "=", message.id)
    .where("status", "=", "pending")
    .execute();
  console.error(
    `mail ${message.id} (${message.kind}) not sent, attempt ${message.attempts}${gaveUp ? ", given up" : ""}: ${reason}`,
  );
}

/** Work a worker does before each round (see startOutboxWorker). */
export type WorkerTask = (options: { stopping: () => boolean }) => Promise<unknown>;

/** How often a worker asks whether today's daily work has been done (by any worker). */
const DAILY_CHECK_MS = 60 * 60 * 1000;
/** While the mail server cannot be reached, how often the worker asks whether it is back. */
const PROBE_MS = 3000;

/**
 * Polls the outbox until stopped. When the mail server cannot be reached, the worker stops
 * sending and asks the server every PROBE_MS whether it is back; the moment it answers, every
 * waiting message goes. `daily` is work the worker also does once a day (the retention run):
 * it is asked about every hour and must itself make sure that several workers do it once a
 * day (see runDailyRetention).
 */
export function startOutboxWorker(
  transport: MailTransport,
  {
    pollMs = config().OUTBOX_POLL_MS,
    probeMs = PROBE_MS,
    daily,
    tasks = [],
    ...options
  }: {
    pollMs?: number;
    probeMs?: number;
    daily?: (options: { stopping: () => boolean }) => Promise<unknown>;
    /**
     * Work done before each round, whether or not the mail server answers (running jobs,
     * queueing due reminders, acting on replies from calendars). Each must be safe with several
     * workers, and should return soon once `stopping` says so.
     */
    tasks?: ReadonlyArray<WorkerTask>;
  } & Omit<OutboxOptions, "stopping"> = {},
): { stop: () => Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  let nextDailyCheck = 0;
  let unreachableSince: number | null = null;
  const dailyWork = async () => {
    if (!daily || stopped || Date.now() < nextDailyCheck) return;
    nextDailyCheck = Date.now() + DAILY_CHECK_MS;
    await daily({ stopping: () => stopped }).catch((error) =>
      console.error("daily maintenance:", error),
    );
  };
  const sendRound = async (): Promise<number> => {
    for (const task of tasks) {
      if (stopped) break;
      await task({ stopping: () => stopped }).catch((error) =>
        console.error("outbox worker task:", error),
      );
    }
    if (unreachableSince !== null) {
      const back = await (transport.verify?.() ?? Promise.resolve()).then(
        () => true,
        () => false,
      );
      if (!back) return probeMs;
      console.log(
        `mail server answers again after ${Math.round((Date.now() - unreachableSince) / 1000)} s: sending what waited`,
      );
      unreachableSince = null;
    }
    const run = await processOutbox(transport, { ...options, stopping: () => stopped });
    if (run.unreachable) {
      unreachableSince = Date.now();
      console.error(`mail server cannot be reached: asking again every ${probeMs / 1000} s`);
      return probeMs;
    }
    return pollMs;
  };
  const tick = () => {
    let wait = pollMs;
    current = sendRound()
      .then((next) => {
        wait = next;
      })
      .catch((error) => console.error("outbox worker:", error))
      .then(dailyWork)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, wait);
      });
  };
  tick();
  return {
    /** Resolves once the messages being sent (if any) are sent or rescheduled. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
