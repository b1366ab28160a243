import { randomUUID } from "node:crypto";
import type { ExpressionBuilder, Kysely } from "kysely";
import { config } from "../app/lib/config.server";
import { type DatabaseHandle, database } from "../db/client";
import type { Database, OutboxMessage } from "../db/schema";
import type { MailContent } from "./message";
import {
  calendarMethodOf,
  type MailSnapshot,
  parseSnapshot,
  renderSnapshot,
} from "./render.server";
import type { MailTransport } from "./transport.server";

/**
 * A durable queue of outgoing mail. Messages are written in the same transaction as the change
 * they report, so a sign-up never exists without its confirmation, and a mail server that is
 * down delays mail without losing it. The transaction stores what the message is made of (its
 * kind and a JSON snapshot of its data, emails/render.server.ts); the worker renders it just
 * before sending, so nothing slow happens while the transaction holds its locks.
 */

export const MAX_ATTEMPTS = 30;
const LEASE_SECONDS = 120;

export interface Recipient {
  name: string;
  email: string;
}

/** The Message-ID of a new message: random, in the domain of the sender's address. */
function newMessageId(): string {
  const { MAIL_FROM } = config();
  const address = /<([^>]+)>/.exec(MAIL_FROM)?.[1] ?? MAIL_FROM;
  const domain = address.split("@")[1]?.trim() || "ondernemersagenda.local";
  return `<${randomUUID()}@${domain}>`;
}

/**
 * Queues a message in the caller's transaction: a snapshot (`mail`) that the worker renders
 * when it sends it, or content already rendered (`content`, for a message that needs no
 * rendering). A CANCEL supersedes the invites of the same registration that have not left yet
 * (see supersedeUnsentInvites).
 */
export async function enqueueMail(
  trx: Kysely<Database>,
  mail: { registrationId: number | null; to: Recipient; now: string } & (
    | { mail: MailSnapshot }
    | { kind: string; content: MailContent }
  ),
): Promise<void> {
  const common = {
    registration_id: mail.registrationId,
    to_email: mail.to.email,
    to_name: mail.to.name,
    status: "pending" as const,
    attempts: 0,
    next_attempt_at: mail.now,
    created_at: mail.now,
    message_id: newMessageId(),
  };
  if ("content" in mail) {
    await trx
      .insertInto("outbox")
      .values({
        ...common,
        kind: mail.kind,
        subject: mail.content.subject,
        html: mail.content.html,
        text: mail.content.text,
        ics: mail.content.ics?.content ?? null,
        ics_method: mail.content.ics?.method ?? null,
        rendered_at: mail.now,
      })
      .execute();
    return;
  }
  const method = calendarMethodOf(mail.mail);
  if (method === "CANCEL" && mail.registrationId !== null) {
    await supersedeUnsentInvites(trx, mail.registrationId, mail.now);
  }
  await trx
    .insertInto("outbox")
    .values({
      ...common,
      kind: mail.mail.kind,
      subject: "",
      html: "",
      text: "",
      ics: null,
      ics_method: method,
      data: JSON.stringify(mail.mail.data),
      rendered_at: null,
    })
    .execute();
}

/**
 * An invite (REQUEST) that has not left yet and is followed by a CANCEL for the same
 * registration is not sent at all: the person gets the message that says where they stand
 * now, with the CANCEL, instead of an invite for a seat they no longer have followed by its
 * withdrawal. The CANCEL itself always goes: if an earlier attempt did reach the calendar
 * after all (an attempt whose outcome is unknown), the CANCEL takes it out again; for a UID
 * the calendar never saw, it does nothing. A message being sent right now (leased) is left
 * alone; the CANCEL waits for it (see claimable).
 */
async function supersedeUnsentInvites(trx: Kysely<Database>, registrationId: number, now: string) {
  await trx
    .updateTable("outbox")
    .set({ status: "superseded", locked_until: null })
    .where("registration_id", "=", registrationId)
    .where("status", "=", "pending")
    .where("ics_method", "=", "REQUEST")
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
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
      // Messages about one registration leave in the order they were queued: none while an
      // earlier one is still waiting or being sent.
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
    .set({ to_email: "", to_name: "", subject: "", html: "", text: "", ics: null, data: null })
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

/**
 * Renders a message queued as a snapshot and stores the result on its row (the snapshot goes:
 * the rendered message holds all of it), so that every attempt sends the same bytes. A message
 * already rendered is returned as it is.
 */
export async function renderQueued(
  message: OutboxMessage,
  { db }: DatabaseHandle = database(),
  now = new Date().toISOString(),
): Promise<OutboxMessage> {
  if (message.rendered_at !== null || message.data === null) return message;
  const content = await renderSnapshot(parseSnapshot(message.kind, message.data));
  const rendered = {
    subject: content.subject,
    html: content.html,
    text: content.text,
    ics: content.ics?.content ?? null,
    ics_method: content.ics?.method ?? null,
    data: null,
    rendered_at: now,
  };
  await db
    .updateTable("outbox")
    .set(rendered)
    .where("id", "=", message.id)
    .where("rendered_at", "is", null)
    .execute();
  return { ...message, ...rendered };
}

export async function deliver(message: OutboxMessage, transport: MailTransport): Promise<void> {
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
      await deliver(await renderQueued(message, handle, now()), transport);
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
