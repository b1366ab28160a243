import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { config } from "../app/lib/config.server";
import type { Database } from "../db/schema";
import type { MailContent } from "./message";
import { calendarMethodOf, type MailSnapshot } from "./render.server";

/**
 * A durable queue of outgoing mail. Messages are written in the same transaction as the change
 * they report, so a sign-up never exists without its confirmation, and a mail server that is
 * down delays mail without losing it. The transaction stores what the message is made of (its
 * kind and a JSON snapshot of its data, emails/render.server.ts); the worker renders it just
 * before sending, so nothing slow happens while the transaction holds its locks. The worker
 * that sends it is worker/outbox.server.ts.
 */

export interface Recipient {
  name: string;
  email: string;
}

/** The Message-ID of a new message: random, in the domain of the sender's address. */
export function newMessageId(): string {
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
  const row = snapshotRow(mail.to, mail.mail, mail.now);
  if (row.ics_method === "CANCEL" && mail.registrationId !== null) {
    await supersedeUnsentInvites(trx, mail.registrationId, mail.now);
  }
  await trx
    .insertInto("outbox")
    .values({ ...row, registration_id: mail.registrationId })
    .execute();
}

/**
 * The outbox row of a snapshot, but for its registration: for a statement that stores the
 * registration and its mail at once (the sign-up), which fills `registration_id` and patches
 * the registration's id into `data`. Not for a CANCEL, which must supersede invites first.
 */
export function snapshotRow(to: Recipient, mail: MailSnapshot, now: string) {
  return {
    to_email: to.email,
    to_name: to.name,
    status: "pending" as const,
    attempts: 0,
    next_attempt_at: now,
    created_at: now,
    message_id: newMessageId(),
    kind: mail.kind,
    subject: "",
    html: "",
    text: "",
    ics: null,
    ics_method: calendarMethodOf(mail),
    data: JSON.stringify(mail.data),
    rendered_at: null,
  };
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
export async function supersedeUnsentInvites(
  trx: Kysely<Database>,
  registrationId: number,
  now: string,
) {
  await trx
    .updateTable("outbox")
    .set({ status: "superseded", locked_until: null })
    .where("registration_id", "=", registrationId)
    .where("status", "=", "pending")
    .where("ics_method", "=", "REQUEST")
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .execute();
}
