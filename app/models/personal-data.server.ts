import { type Kysely, sql } from "kysely";
import { DateTime } from "luxon";
import { database } from "../../db/client";
import type { Database } from "../../db/schema";
import { writeTransaction } from "../../db/transaction";
import { config } from "../lib/config.server";
import { nowInstant } from "../lib/time";
import { closeAccountIn } from "./organiser.server";
import { fillMissingPseudonyms, forgetSpentPseudonyms } from "./pseudonym.server";
import { forgetAnswersIn } from "./question.server";
import { forgetRefusalsOfUnallowedDomains } from "./refused-address.server";

/*
 * Personal data of attendees, and how it leaves the database: anonymising one registration
 * (after the retention period, or when the person asks for erasure), and the daily retention
 * run that anonymises old registrations and empties old sent mail.
 */

/** The name an anonymised registration shows everywhere (lists, exports, the audit log). */
export const ANONYMISED_NAME = "Geanonimiseerd";

const ANONYMISED_EMAIL = { before: "geanonimiseerd-", after: "@invalid" } as const;

/**
 * The address an anonymised registration keeps: unique per registration (the unique index on
 * session and address stays satisfied), and under `.invalid` (RFC 2606) so it can never be
 * anyone's mailbox.
 */
export function anonymisedEmail(registrationId: number): string {
  return `${ANONYMISED_EMAIL.before}${registrationId}${ANONYMISED_EMAIL.after}`;
}

/**
 * Replaces the person in a registration by placeholders, inside the caller's write transaction:
 * name, email address, organisation, enterprise number and the reason a request was declined
 * go, and so do the answers to the session's questions; its manage links and check-in codes stop
 * leading to it for good. What the city counts stays: the session, the status, when it was made,
 * confirmed, cancelled and checked in, and the person's pseudonym (pseudonym.server.ts), which
 * an erasure clears itself.
 *
 * The registration's mail goes too: sent and failed messages lose their recipient and body,
 * messages not yet sent are dropped (they would go to an address that is no longer there).
 * So queue any last message to the person (an erasure receipt, say) AFTER calling this, with
 * `registrationId: null`.
 *
 * Status and seats are not touched: cancel first (and promote from the waiting list) when the
 * session is still to come. Answers whether the registration was anonymised now (false when it
 * does not exist or already was); calling it twice changes nothing more.
 */
export async function anonymiseRegistration(
  trx: Kysely<Database>,
  registrationId: number,
  now: string,
): Promise<boolean> {
  return (await anonymiseRegistrationsIn(trx, [registrationId], now)) === 1;
}

/**
 * `anonymiseRegistration` for many registrations at once, in a handful of statements whatever
 * their number (retention's batches): answers how many were anonymised now.
 */
async function anonymiseRegistrationsIn(
  trx: Kysely<Database>,
  registrationIds: number[],
  now: string,
): Promise<number> {
  if (!registrationIds.length) return 0;
  const ids = (
    await trx
      .selectFrom("registrations")
      .select("id")
      .where("id", "in", registrationIds)
      .where("anonymised_at", "is", null)
      .execute()
  ).map((row) => row.id);
  if (!ids.length) return 0;
  // anonymisedEmail(id), written by the database for each row.
  const placeholder = sql<string>`${sql.lit(ANONYMISED_EMAIL.before)} || cast(${sql.ref("id")} as text) || ${sql.lit(ANONYMISED_EMAIL.after)}`;
  await trx
    .updateTable("registrations")
    .set({
      name: ANONYMISED_NAME,
      email: placeholder,
      email_normalized: placeholder,
      organisation: null,
      enterprise_number: null,
      news_opt_in_at: null,
      calendar_reply: null,
      calendar_replied_at: null,
      decline_reason: null,
      // The mark that the person corrected their details: about details that are gone now.
      details_updated_at: null,
      anonymised_at: now,
      updated_at: now,
    })
    .where("id", "in", ids)
    .where("anonymised_at", "is", null)
    .execute();
  await forgetAnswersIn(trx, ids);

  // Every manage link and check-in code of the person leads to no one from now on (the link
  // answers "erased"): the tokens are kept only as hashes, detached from the registration.
  await trx
    .updateTable("registration_tokens")
    .set({ registration_id: null })
    .where("registration_id", "in", ids)
    .execute();

  await trx
    .deleteFrom("outbox")
    .where("registration_id", "in", ids)
    .where("status", "=", "pending")
    .execute();
  await trx
    .updateTable("outbox")
    .set(PURGED_MAIL)
    .set({ body_purged_at: now })
    .where("registration_id", "in", ids)
    .where("body_purged_at", "is", null)
    .execute();
  return ids.length;
}

/** What a mail keeps once its body and recipient are removed: its kind, status and times. */
const PURGED_MAIL = {
  to_email: "",
  to_name: "",
  subject: "",
  html: "",
  text: "",
  ics: null,
  // The snapshot of a message not rendered yet holds the person's details and links.
  data: null,
  // A mail server's refusal often quotes the recipient.
  last_error: null,
} as const;

/* Retention ---------------------------------------------------------------------------------- */

export interface RetentionRun {
  /** Registrations anonymised by this run. */
  registrations: number;
  /** Sent mails whose body and recipient were removed by this run. */
  mails: number;
  /** Door volunteers' accounts closed by this run, a month after their session. */
  doorAccounts: number;
  /** Registrations whose pseudonym this run cleared, PSEUDONYM_MONTHS after the person's last session. */
  pseudonyms: number;
  /** Removed organisers' refused addresses dropped because their domain is allowed for nothing. */
  refusedAddresses: number;
}

export interface RetentionOptions {
  /** The moment to count back from (UTC ISO-8601): tests move the clock by passing it. */
  now?: string;
  /** Months after a session's end that its registrations keep their person (RETENTION_MONTHS). */
  retentionMonths?: number;
  /** Days after sending that a mail keeps its body and recipient (OUTBOX_KEEP_DAYS). */
  outboxKeepDays?: number;
  /** Months after a person's last session that their pseudonym is kept (PSEUDONYM_MONTHS). */
  pseudonymMonths?: number;
  /** Checked between batches: once true, the run stops early (the next one finishes the job). */
  stopping?: () => boolean;
}

/**
 * Registrations anonymised per write transaction, and mails emptied per statement: each one
 * holds the write lock (SQLite) for a few milliseconds however much is due, so sign-ups and
 * check-ins go on during a run that has a year to catch up on.
 */
const BATCH = 50;
const MAIL_BATCH = 50;

/**
 * The sessions that ended before `endedBefore` and still have a registration that holds its
 * person, oldest first: read outside any write transaction, through the index of registrations
 * not anonymised yet, so what a run walks is a probe per ended session, never every registration
 * anonymised before.
 */
async function sessionsDueForRetention(endedBefore: string): Promise<number[]> {
  const rows = await database()
    .db.selectFrom("sessions")
    .select("sessions.id")
    .where("sessions.ends_at", "<", endedBefore)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("registrations")
          .select("registrations.id")
          .whereRef("registrations.session_id", "=", "sessions.id")
          .where("registrations.anonymised_at", "is", null),
      ),
    )
    .orderBy("sessions.ends_at")
    .orderBy("sessions.id")
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Anonymises every registration whose session ended more than RETENTION_MONTHS ago (after
 * giving any registration without one its pseudonym, which anonymisation keeps for the report),
 * clears the pseudonyms of people whose last session ended more than PSEUDONYM_MONTHS ago (never
 * sooner than their anonymisation), closes the accounts of door volunteers whose session ended
 * more than OUTBOX_KEEP_DAYS ago, forgets the removed organisers' addresses kept out of a domain
 * that is allowed for nothing any more, and empties every mail sent more than OUTBOX_KEEP_DAYS ago
 * (pending and failed mail is kept, for the worker and for whoever looks into a failure).
 * Running it again changes nothing more.
 */
export async function applyRetention({
  now = nowInstant(),
  retentionMonths = config().RETENTION_MONTHS,
  outboxKeepDays = config().OUTBOX_KEEP_DAYS,
  pseudonymMonths = config().PSEUDONYM_MONTHS,
  stopping = () => false,
}: RetentionOptions = {}): Promise<RetentionRun> {
  const { db } = database();
  const run: RetentionRun = {
    registrations: 0,
    mails: 0,
    doorAccounts: 0,
    pseudonyms: 0,
    refusedAddresses: 0,
  };
  const utc = DateTime.fromISO(now, { zone: "utc" });
  const endedBefore = utc.minus({ months: retentionMonths }).toISO() ?? now;
  const sentBefore = utc.minus({ days: outboxKeepDays }).toISO() ?? now;
  const lastSessionBefore =
    utc.minus({ months: Math.max(pseudonymMonths, retentionMonths) }).toISO() ?? now;

  await fillMissingPseudonyms(stopping);

  for (const sessionId of await sessionsDueForRetention(endedBefore)) {
    for (;;) {
      if (stopping()) return run;
      const done = await writeTransaction(async (trx) => {
        // The session ended before the cut-off when it was listed; checked again here, in the
        // transaction, in case it was moved since.
        const due = await trx
          .selectFrom("registrations")
          .innerJoin("sessions", "sessions.id", "registrations.session_id")
          .select("registrations.id")
          .where("registrations.session_id", "=", sessionId)
          .where("sessions.ends_at", "<", endedBefore)
          .where("registrations.anonymised_at", "is", null)
          .orderBy("registrations.id")
          .limit(BATCH)
          .execute();
        run.registrations += await anonymiseRegistrationsIn(
          trx,
          due.map((row) => row.id),
          now,
        );
        return due.length < BATCH;
      });
      if (done) break;
    }
  }
  run.pseudonyms = await forgetSpentPseudonyms(lastSessionBefore, stopping);

  run.mails = await emptySentMail(sentBefore, now, stopping);

  // Organisers' traces: the client address of old log entries (the entry itself stays), and
  // sign-in sessions and password links that can no longer be used.
  await db
    .updateTable("audit_log")
    .set({ client_address: null })
    .where("created_at", "<", endedBefore)
    .where("client_address", "is not", null)
    .execute();
  await db.deleteFrom("auth_sessions").where("expires_at", "<", now).execute();
  await db.deleteFrom("password_resets").where("expires_at", "<", now).execute();
  run.doorAccounts = await closeSpentDoorAccounts(sentBefore, now);
  run.refusedAddresses = await forgetRefusalsOfUnallowedDomains();
  // A job is deleted once done; one given up (kept for a look, its payload may hold an address)
  // goes as long after as sent mail keeps its body.
  await db
    .deleteFrom("jobs")
    .where("status", "=", "failed")
    .where("failed_at", "<", sentBefore)
    .execute();
  return run;
}

/**
 * Empties the mail sent before `sentBefore`, MAIL_BATCH at a time: the mails still holding a
 * body are found through their own index (outbox_unpurged_idx), oldest first, and each batch is
 * one short statement.
 */
async function emptySentMail(sentBefore: string, now: string, stopping: () => boolean) {
  const { db } = database();
  let emptied = 0;
  for (;;) {
    if (stopping()) return emptied;
    const due = await db
      .selectFrom("outbox")
      .select("id")
      .where("body_purged_at", "is", null)
      .where("sent_at", "<", sentBefore)
      .where("status", "=", "sent")
      .orderBy("sent_at")
      .limit(MAIL_BATCH)
      .execute();
    if (!due.length) return emptied;
    const purged = await db
      .updateTable("outbox")
      .set(PURGED_MAIL)
      .set({ body_purged_at: now })
      .where(
        "id",
        "in",
        due.map((row) => row.id),
      )
      .where("status", "=", "sent")
      .where("body_purged_at", "is", null)
      .executeTakeFirst();
    emptied += Number(purged.numUpdatedRows);
    if (due.length < MAIL_BATCH) return emptied;
  }
}

/**
 * Door volunteers' accounts whose session ended before `endedBefore` (or is gone) are closed as
 * an organiser's removal closes one: their access ended long ago, and their address goes.
 */
async function closeSpentDoorAccounts(endedBefore: string, now: string): Promise<number> {
  return writeTransaction(async (trx) => {
    const spent = await trx
      .selectFrom("organisers")
      .leftJoin("sessions", "sessions.id", "organisers.door_session_id")
      .select(["organisers.id", "organisers.email"])
      .where("organisers.role", "=", "door")
      .where("organisers.removed_at", "is", null)
      .where((eb) =>
        eb.or([eb("sessions.id", "is", null), eb("sessions.ends_at", "<", endedBefore)]),
      )
      .execute();
    for (const account of spent) await closeAccountIn(trx, account, now);
    return spent.length;
  });
}

const RETENTION_JOB = "retention";

/**
 * The daily retention run, for the mail workers: every worker may call it as often as it likes,
 * and per UTC day only the first to insert that day's row in `maintenance_runs` runs it. The
 * insert is one atomic statement on both databases (a unique key, ON CONFLICT DO NOTHING), so
 * workers racing at midnight run it once. A run that fails or is stopped gives its day back, so
 * another worker (or the next check) runs it after all. Answers the run, or null when this
 * day's run was already taken.
 */
export async function runDailyRetention(
  options: RetentionOptions = {},
): Promise<RetentionRun | null> {
  const { now = nowInstant() } = options;
  const { db } = database();
  const day = now.slice(0, 10);
  const claimed = await db
    .insertInto("maintenance_runs")
    .values({ job: RETENTION_JOB, day, started_at: now, finished_at: null, result: null })
    .onConflict((conflict) => conflict.columns(["job", "day"]).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return null;

  const release = () =>
    db
      .deleteFrom("maintenance_runs")
      .where("job", "=", RETENTION_JOB)
      .where("day", "=", day)
      .execute();
  let run: RetentionRun;
  try {
    run = await applyRetention({ ...options, now });
    // Replies from calendars, once acted on, hold no message any more; after as long as sent
    // mail keeps its body, what they were and what came of them goes too, and so does a reply
    // given up after its processing kept failing (kept whole until then, for a look).
    const keptFrom =
      DateTime.fromISO(now, { zone: "utc" })
        .minus({ days: options.outboxKeepDays ?? config().OUTBOX_KEEP_DAYS })
        .toISO() ?? now;
    await db
      .deleteFrom("inbound_mail")
      .where("status", "in", ["processed", "failed"])
      .where("processed_at", "<", keptFrom)
      .execute();
  } catch (error) {
    await release().catch(() => {});
    throw error;
  }
  if (options.stopping?.()) {
    await release();
    return run;
  }
  await db
    .updateTable("maintenance_runs")
    .set({ finished_at: nowInstant(), result: JSON.stringify(run) })
    .where("job", "=", RETENTION_JOB)
    .where("day", "=", day)
    .execute();
  return run;
}
