import type { ExpressionBuilder, Kysely } from "kysely";
import { config } from "../app/lib/config.server";
import { type DatabaseHandle, database } from "../db/client";
import type { Database, OutboxMessage } from "../db/schema";
import type { MailContent } from "./message";
import type { MailTransport } from "./transport.server";

/**
 * A durable queue of outgoing mail. Messages are written in the same transaction as the change
 * they report, so a sign-up never exists without its confirmation, and a mail server that is
 * down delays mail without losing it.
 */

export const MAX_ATTEMPTS = 30;
const LEASE_SECONDS = 120;

export interface Recipient {
  name: string;
  email: string;
}

export async function enqueueMail(
  trx: Kysely<Database>,
  mail: {
    kind: string;
    registrationId: number | null;
    to: Recipient;
    content: MailContent;
    now: string;
  },
): Promise<void> {
  await trx
    .insertInto("outbox")
    .values({
      kind: mail.kind,
      registration_id: mail.registrationId,
      to_email: mail.to.email,
      to_name: mail.to.name,
      subject: mail.content.subject,
      html: mail.content.html,
      text: mail.content.text,
      ics: mail.content.ics?.content ?? null,
      ics_method: mail.content.ics?.method ?? null,
      status: "pending",
      attempts: 0,
      next_attempt_at: mail.now,
      created_at: mail.now,
    })
    .execute();
}

/** Wait before attempt n+1: 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(attempts - 1, 0), 3600);
}

const later = (now: string, seconds: number) =>
  new Date(Date.parse(now) + seconds * 1000).toISOString();

/**
 * Takes the next due message and leases it to this worker. One statement, so two workers
 * (the server's and `npm run worker`) never take the same message: on PostgreSQL the subquery
 * skips rows another claim has locked and the outer condition is re-checked after any wait;
 * SQLite runs the whole statement under its write lock.
 */
export async function claimNextMessage(
  now: string,
  { db, dialect }: DatabaseHandle = database(),
): Promise<OutboxMessage | null> {
  // Written out twice on purpose: the subquery picks the oldest due message, and the outer
  // copy is what PostgreSQL re-checks once a competing claim has released the row.
  const claimable = (eb: ExpressionBuilder<Database, "outbox">) =>
    eb.and([
      eb("outbox.status", "=", "pending"),
      eb("outbox.next_attempt_at", "<=", now),
      eb.or([eb("outbox.locked_until", "is", null), eb("outbox.locked_until", "<=", now)]),
    ]);
  const claimed = await db
    .updateTable("outbox")
    .set((eb) => ({ locked_until: later(now, LEASE_SECONDS), attempts: eb("attempts", "+", 1) }))
    .where((eb) =>
      eb.and([
        eb(
          "outbox.id",
          "=",
          eb
            .selectFrom("outbox")
            .select("outbox.id")
            .where(claimable)
            .orderBy("outbox.next_attempt_at")
            .orderBy("outbox.id")
            .limit(1)
            .$if(dialect === "postgres", (query) => query.forUpdate().skipLocked()),
        ),
        claimable(eb),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  return claimed ?? null;
}

/**
 * The one mail an erased person still gets is the CANCEL that takes the event out of their
 * calendar (see erasure.server.ts): once it has left, its recipient and body go too.
 */
async function purgeIfErased(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ to_email: "", to_name: "", subject: "", html: "", text: "", ics: null })
    .set({ body_purged_at: now })
    .where("id", "=", id)
    .where((eb) =>
      eb(
        "registration_id",
        "in",
        eb.selectFrom("registrations").select("id").where("anonymised_at", "is not", null),
      ),
    )
    .execute();
}

/** Strips line breaks from anything that ends up in a mail header. */
const headerSafe = (value: string) => value.replace(/[\r\n\u2028\u2029]+/g, " ").trim();

export async function deliver(message: OutboxMessage, transport: MailTransport): Promise<void> {
  const { MAIL_FROM } = config();
  await transport.send({
    from: MAIL_FROM,
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

export interface OutboxRun {
  sent: number;
  failed: number;
}

/**
 * Sends every message that is due now; failures are rescheduled with backoff. Once `stopping`
 * says so, it returns after the message under way instead of taking the next.
 */
export async function processOutbox(
  transport: MailTransport,
  {
    now = () => new Date().toISOString(),
    handle = database(),
    stopping = (): boolean => false,
  } = {},
): Promise<OutboxRun> {
  const run: OutboxRun = { sent: 0, failed: 0 };
  for (;;) {
    if (stopping()) return run;
    const { db } = handle;
    const message = await claimNextMessage(now(), handle);
    if (!message) return run;
    try {
      await deliver(message, transport);
      await db
        .updateTable("outbox")
        .set({ status: "sent", sent_at: now(), locked_until: null, last_error: null })
        .where("id", "=", message.id)
        .execute();
      await purgeIfErased(db, message.id, now());
      run.sent++;
    } catch (error) {
      const gaveUp = message.attempts >= MAX_ATTEMPTS;
      const reason = error instanceof Error ? error.message : String(error);
      await db
        .updateTable("outbox")
        .set({
          status: gaveUp ? "failed" : "pending",
          locked_until: null,
          last_error: reason.slice(0, 1000),
          next_attempt_at: later(now(), retryDelaySeconds(message.attempts)),
        })
        .where("id", "=", message.id)
        .execute();
      console.error(
        `mail ${message.id} (${message.kind}) not sent, attempt ${message.attempts}: ${reason}`,
      );
      run.failed++;
      // The mail server is likely down: leave the rest for the next round instead of
      // burning one attempt of every queued message now.
      return run;
    }
  }
}

/** How often a worker asks whether today's daily work has been done (by any worker). */
const DAILY_CHECK_MS = 60 * 60 * 1000;

/**
 * Polls the outbox until stopped. `daily` is work the worker also does once a day (the
 * retention run): it is asked about every hour and must itself make sure that several workers
 * do it once a day (see runDailyRetention).
 */
export function startOutboxWorker(
  transport: MailTransport,
  {
    pollMs = config().OUTBOX_POLL_MS,
    daily,
  }: {
    pollMs?: number;
    daily?: (options: { stopping: () => boolean }) => Promise<unknown>;
  } = {},
): { stop: () => Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  let nextDailyCheck = 0;
  const dailyWork = async () => {
    if (!daily || stopped || Date.now() < nextDailyCheck) return;
    nextDailyCheck = Date.now() + DAILY_CHECK_MS;
    await daily({ stopping: () => stopped }).catch((error) =>
      console.error("daily maintenance:", error),
    );
  };
  const tick = () => {
    current = processOutbox(transport, { stopping: () => stopped })
      .catch((error) => console.error("outbox worker:", error))
      .then(dailyWork)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  tick();
  return {
    /** Resolves once the message being sent (if any) is sent or rescheduled. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
