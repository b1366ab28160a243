import { type Kysely, type RawBuilder, sql } from "kysely";
import { dialectOfDb } from "../../db/client";
import type { Database, Registration, RegistrationTokenPurpose } from "../../db/schema";
import type { MailRegistration, RegistrationMailData } from "../../emails/message";
import { newMessageId, supersedeUnsentInvites } from "../../emails/outbox.server";
import type { RegistrationMailKind } from "../../emails/render.server";
import { newRegistrationToken } from "./registration-token.server";

/**
 * A seat given back and the waiting list promoted, in a fixed number of statements however many
 * people take the seats: the decision of who fits (the waiting list in its order, groups that
 * come together as one) is SQL, every promoted person is changed by one UPDATE, and their links
 * and mail are stored by one INSERT each. What the mail says about the session, its links'
 * tokens (and their hashes) and the Message-IDs are made before, outside the lock; what it says
 * about each person is taken from their row as the statement changes it, so nothing read before
 * the lock has to be right about the people.
 *
 * PostgreSQL: the cancellation is one statement that locks the session's row, checks that the
 * session (and the registration's status) is still as read, cancels and queues the person's
 * mail. The promotion cannot be part of it: a statement sees every table but the locked row as
 * it was when the statement began, before it waited for the lock, and the waiting list may have
 * changed meanwhile (someone promoted by the cancellation that held the row before, someone who
 * signed up). So the promotion is the next statement, which sees everything committed before the
 * lock was had: it supersedes the person's invites that have not left, decides who fits, promotes
 * them and queues their mail, all at once. Row held: two statements and the commit.
 * SQLite: the same, as a few statements in the write transaction, which holds the one write lock.
 */

/** The tokens (and their hashes) and the Message-ID of one mail, made before the lock. */
export interface MailKeys {
  messageId: string;
  manage: Token;
  checkin: Token | null;
  view: Token | null;
}

interface Token {
  token: string;
  hash: string;
}

/**
 * A registration mail as notify queues it, but for its registration and links: what it says about
 * the session (and anything of its kind), whether its links carry a check-in code and a view page.
 */
export interface MailTemplate {
  kind: RegistrationMailKind;
  icsMethod: "REQUEST" | "CANCEL" | "DECLINECOUNTER" | null;
  base: Omit<RegistrationMailData, "registration" | "links"> & Record<string, unknown>;
  checkin: boolean;
  view: boolean;
}

export interface PromotionPlan {
  sessionId: number;
  now: string;
  /** The promoted people's mail. */
  mail: MailTemplate;
  /**
   * Keys for the first people promoted: at least as many as can be promoted, as far as the caller
   * could tell. PostgreSQL promotes no one when more fit (the caller reads again and retries);
   * SQLite makes more under its lock.
   */
  keys: MailKeys[];
}

export interface CancellationPlan {
  registrationId: number;
  /** The status the registration was read in: nothing is stored when it has another now. */
  previousStatus: "confirmed" | "waitlisted" | "requested";
  sessionId: number;
  /** The session as read before the lock, when it was (its mail says so): nothing is stored if it changed. */
  readSession: { updatedAt: string; icalSequence: number } | null;
  now: string;
  mail: MailTemplate;
  keys: MailKeys;
  /** Given when the cancellation gives a seat back (a confirmed registration). */
  promotion: PromotionPlan | null;
  /** The COMMIT that follows releases the row without waiting for the disk (as a sign-up's). */
  quickCommit: boolean;
}

export type CancellationOutcome =
  | { stale: true }
  | { stale: false; registration: Registration; promoted: Registration[] };

/** The keys of `count` mails made from this template. */
export function mailKeys(mail: Pick<MailTemplate, "checkin" | "view">, count: number): MailKeys[] {
  return Array.from({ length: count }, () => ({
    messageId: newMessageId(),
    manage: newRegistrationToken("manage"),
    checkin: mail.checkin ? newRegistrationToken("checkin") : null,
    view: mail.view ? newRegistrationToken("view") : null,
  }));
}

/** What a message says about a registration: what the snapshot keeps. */
export function mailRegistration(registration: Registration): MailRegistration {
  const { id, ical_uid, ical_sequence, name, email, locale, status, calendar_reply } = registration;
  return { id, ical_uid, ical_sequence, name, email, locale, status, calendar_reply };
}

/**
 * Cancels the registration and, when it gave a seat back, promotes whoever fits; `stale` when the
 * session or the registration is no longer as read (nothing stored: read again and retry).
 */
export async function cancelAndPromoteIn(
  trx: Kysely<Database>,
  plan: CancellationPlan,
): Promise<CancellationOutcome> {
  return dialectOfDb(trx) === "postgres" ? cancelInStatements(trx, plan) : cancelInTurn(trx, plan);
}

/**
 * Gives the seats that are free to whoever fits on the waiting list. Call in a transaction that
 * locked the session; `stale` only on PostgreSQL, when more people fit than the plan has keys for.
 */
export async function promoteIn(
  trx: Kysely<Database>,
  plan: PromotionPlan,
): Promise<{ stale: true } | { stale: false; promoted: Registration[] }> {
  if (dialectOfDb(trx) === "postgres") {
    const outcome = await promotionStatement(trx, plan, { supersedeOf: null, quickCommit: false });
    return outcome.ok ? { stale: false, promoted: outcome.promoted } : { stale: true };
  }
  return { stale: false, promoted: await promoteInTurn(trx, plan) };
}

const text = (value: string | null) => sql`cast(${value} as text)`;
const int = (value: number) => sql`cast(${value} as integer)`;

/**
 * Who of the waiting list takes the free seats, as `chosen (id)`: in the list's order (queue
 * position, then id), one person at a time, except the people of a sign-up that asked to come
 * all together, who are one unit at the place of the first of them. A unit that does not fit the
 * seats left keeps its place and the ones behind it that fit take the seats; the walk stops when
 * no seat is left. Nothing is free once the session is cancelled or has begun.
 *
 * The walk reads the list one person at a time from its index, from the front, as far as it
 * must: one step for a seat given back to someone who waits alone, not the whole list.
 */
function decision(sessionId: number, now: string) {
  const session = int(sessionId);
  const waiting = (alias: string) =>
    sql`${sql.raw(alias)}.session_id = ${session} and ${sql.raw(alias)}.status = 'waitlisted'`;
  const together = sql.raw("r.group_id is not null and r.group_together = 1");
  /** The people of r's group waiting, r's unit when r's group comes together. */
  const ofGroup = sql`${waiting("g")} and g.group_id = r.group_id and g.group_together = 1`;
  // Each step is one person, with the seats left before them, the size of their unit, and
  // whether their unit was decided at an earlier place (their group's first): whether they
  // take seats is known from these, so each is asked of the database once.
  const takes = (w: string) => sql.raw(`${w}.decided = 0 and ${w}.size <= ${w}.seats`);
  const seatsAfter = sql`w.seats - case when ${takes("w")} then w.size else 0 end`;
  return sql`walk (queue_position, id, seats, size, decided, group_id) as (
      select cast(${-Number.MAX_VALUE} as double precision), 0,
        cast(case when status = 'cancelled' or starts_at <= ${text(now)} or capacity <= seats_taken
          then 0 else capacity - seats_taken end as bigint), cast(0 as bigint), 1,
        cast(null as text)
      from sessions where id = ${session}
      union all
      select r.queue_position, r.id, ${seatsAfter},
        case when ${together}
          then (select count(*) from registrations g where ${ofGroup}) else 1 end,
        case when ${together} and exists (select 1 from registrations g where ${ofGroup}
            and (g.queue_position < r.queue_position
              or (g.queue_position = r.queue_position and g.id < r.id)))
          then 1 else 0 end,
        case when ${together} then r.group_id end
      from walk w join registrations r on r.id = (
        select x.id from registrations x
        where ${waiting("x")} and x.queue_position >= w.queue_position
          and (x.queue_position > w.queue_position or x.id > w.id)
        order by x.queue_position, x.id limit 1)
      where ${seatsAfter} > 0
    ),
    chosen (id) as (
      select w.id from walk w where ${takes("w")} and w.group_id is null
      union
      select g.id from walk w join registrations g on g.group_id = w.group_id
      where ${takes("w")} and ${waiting("g")} and g.group_together = 1
    )`;
}

/**
 * The promoted seat's columns. Someone an organiser sent back to the waiting list had their
 * invite cancelled at this SEQUENCE: the new invite must be newer, or calendars ignore it. A
 * first invite stays at 0.
 */
const promotedColumns = (now: string) => sql`status = 'confirmed', confirmed_at = ${text(now)},
  updated_at = ${text(now)},
  ical_sequence = case when ical_sequence > 0 then ical_sequence + 1 else 0 end`;

/* PostgreSQL ---------------------------------------------------------------------------------- */

/** The snapshot's JSON for the registration row `r` with the keys row `k` (PostgreSQL). */
function snapshotSql(mail: MailTemplate, r: string, k: string) {
  const col = (name: string) => sql.raw(`${r}.${name}`);
  const key = (name: string) => sql.raw(`${k}.${name}`);
  const registration = sql`jsonb_build_object('id', ${col("id")}, 'ical_uid', ${col("ical_uid")},
    'ical_sequence', ${col("ical_sequence")}, 'name', ${col("name")}, 'email', ${col("email")},
    'locale', ${col("locale")}, 'status', ${col("status")},
    'calendar_reply', ${col("calendar_reply")})`;
  const links = mail.view
    ? sql`jsonb_build_object('manageToken', ${key("manage_token")},
        'checkinCode', ${key("checkin_token")}, 'viewToken', ${key("view_token")})`
    : sql`jsonb_build_object('manageToken', ${key("manage_token")},
        'checkinCode', ${key("checkin_token")})`;
  return sql`cast(cast(${JSON.stringify(mail.base)} as jsonb)
    || jsonb_build_object('registration', ${registration}, 'links', ${links}) as text)`;
}

/** The keys as rows `(k, message_id, manage_token, …)`, numbered from 1 (a row 0 that matches no one). */
function keysSql(keys: readonly MailKeys[]) {
  const rows = [
    sql`(0, ${text(null)}, ${text(null)}, ${text(null)}, ${text(null)}, ${text(null)}, ${text(null)}, ${text(null)})`,
    ...keys.map(
      (k, i) =>
        sql`(${int(i + 1)}, ${text(k.messageId)}, ${text(k.manage.token)}, ${text(k.manage.hash)}, ${text(k.checkin?.token ?? null)}, ${text(k.checkin?.hash ?? null)}, ${text(k.view?.token ?? null)}, ${text(k.view?.hash ?? null)})`,
    ),
  ];
  return sql`(k, message_id, manage_token, manage_hash, checkin_token, checkin_hash, view_token,
    view_hash) as (values ${sql.join(rows)})`;
}

/** The links' tokens of the numbered rows `n` joined with their keys `k`, as rows to insert. */
const TOKENS_OF_KEYS = sql.raw(`cross join lateral (values ('manage', k.manage_hash),
  ('checkin', k.checkin_hash), ('view', k.view_hash)) t (purpose, token_hash)
  where t.token_hash is not null`);

function outboxInsert(mail: MailTemplate, now: string, from: RawBuilder<unknown>) {
  return sql`insert into outbox (kind, registration_id, to_email, to_name, subject, html, text, ics,
      ics_method, status, attempts, next_attempt_at, created_at, message_id, data, rendered_at)
    select ${text(mail.kind)}, n.id, n.email, n.name, '', '', '', null, ${text(mail.icsMethod)},
      'pending', 0, ${text(now)}, ${text(now)}, k.message_id, ${snapshotSql(mail, "n", "k")}, null
    ${from}`;
}

/**
 * The promotion as one statement: the person's invites that have not left superseded (when a
 * cancellation's CANCEL was just queued: see supersedeUnsentInvites), the decision, the promoted
 * rows, their links and their mail. It runs after the statement that took the lock, so it sees
 * the waiting list as the last holder of the row left it.
 */
async function promotionStatement(
  trx: Kysely<Database>,
  plan: PromotionPlan,
  { supersedeOf, quickCommit }: { supersedeOf: number | null; quickCommit: boolean },
): Promise<{ ok: boolean; promoted: Registration[] }> {
  const now = text(plan.now);
  const superseding =
    supersedeOf === null
      ? sql``
      : sql`superseded as (
          update outbox set status = 'superseded', locked_until = null
          where registration_id = ${int(supersedeOf)} and status = 'pending'
            and ics_method = 'REQUEST' and (locked_until is null or locked_until <= ${now})
        ),`;
  const { rows } = await sql<PromotedRow>`
    with recursive ${superseding}
    ${decision(plan.sessionId, plan.now)},
    allowed as (select count(*) <= ${int(plan.keys.length)} as ok from chosen),
    promoted as (
      update registrations r set ${promotedColumns(plan.now)}
      from chosen c where r.id = c.id and (select ok from allowed)
      returning r.*
    ),
    keys ${keysSql(plan.keys)},
    numbered as (
      -- A registration without an address (a walk-in's) is never mailed.
      select p.*, row_number() over (order by p.queue_position, p.id) as k
      from promoted p where p.email <> ''
    ),
    issued as (
      insert into registration_tokens (token_hash, registration_id, purpose, created_at)
      select t.token_hash, n.id, t.purpose, ${now}
      from numbered n join keys k on k.k = n.k ${TOKENS_OF_KEYS}
    ),
    queued as (
      ${outboxInsert(plan.mail, plan.now, sql`from numbered n join keys k on k.k = n.k order by n.k`)}
    )
    select (select ok from allowed) as ok, p.*
      ${quickCommit ? sql`, set_config('synchronous_commit', 'off', true) as durable` : sql``}
    from (select 1 as one) o left join promoted p on true
    order by p.queue_position, p.id
  `.execute(trx);
  const promoted = rows.flatMap(({ ok: _ok, durable: _durable, ...row }) =>
    row.id === null ? [] : [row as Registration],
  );
  return { ok: rows[0]?.ok === true, promoted };
}

type PromotedRow = Omit<Registration, "id"> & {
  id: number | null;
  ok: boolean;
  durable?: string;
};

/** The cancellation's own statement: the lock, the checks, the cancelled row and its mail. */
async function cancelInStatements(
  trx: Kysely<Database>,
  plan: CancellationPlan,
): Promise<CancellationOutcome> {
  const now = text(plan.now);
  const unchanged = plan.readSession
    ? sql`and updated_at = ${text(plan.readSession.updatedAt)}
        and ical_sequence = ${int(plan.readSession.icalSequence)}`
    : sql``;
  const lastStatement = plan.promotion === null;
  const { rows } = await sql<
    Omit<Registration, "id"> & { id: number | null; locked: number | string; durable?: string }
  >`
    with locked as (
      select id from sessions where id = ${int(plan.sessionId)} ${unchanged}
      for update
    ),
    cancelled as (
      update registrations set status = 'cancelled', cancelled_at = ${now}, updated_at = ${now},
        ical_sequence = ical_sequence + ${int(plan.previousStatus === "confirmed" ? 1 : 0)}
      where id = ${int(plan.registrationId)} and session_id = ${int(plan.sessionId)}
        and status = ${text(plan.previousStatus)} and exists (select 1 from locked)
      returning *
    ),
    keys ${keysSql([plan.keys])},
    numbered as (select c.*, 1 as k from cancelled c where c.email <> ''),
    issued as (
      insert into registration_tokens (token_hash, registration_id, purpose, created_at)
      select t.token_hash, n.id, t.purpose, ${now}
      from numbered n join keys k on k.k = n.k ${TOKENS_OF_KEYS}
    ),
    queued as (${outboxInsert(plan.mail, plan.now, sql`from numbered n join keys k on k.k = n.k`)})
    select (select count(*) from locked) as locked, c.*
      ${lastStatement && plan.quickCommit ? sql`, set_config('synchronous_commit', 'off', true) as durable` : sql``}
    from (select 1 as one) o left join cancelled c on true
  `.execute(trx);
  const [row] = rows;
  if (!row || Number(row.locked) === 0 || row.id === null) return { stale: true };
  const { locked: _locked, durable: _durable, ...cancelled } = row;
  const registration = cancelled as Registration;
  if (!plan.promotion) {
    return { stale: false, registration, promoted: [] };
  }
  const promotion = await promotionStatement(trx, plan.promotion, {
    supersedeOf: plan.mail.icsMethod === "CANCEL" ? plan.registrationId : null,
    quickCommit: plan.quickCommit,
  });
  if (!promotion.ok) return { stale: true };
  return { stale: false, registration, promoted: promotion.promoted };
}

/* SQLite -------------------------------------------------------------------------------------- */

interface Mailed {
  mail: MailTemplate;
  keys: MailKeys;
  registration: Registration;
}

/** The person's mail as notify makes it, for this registration row. */
function snapshotOf({ mail, keys, registration }: Mailed): string {
  const links: RegistrationMailData["links"] = {
    manageToken: keys.manage.token,
    checkinCode: keys.checkin?.token ?? null,
  };
  if (keys.view) links.viewToken = keys.view.token;
  const { session, organizer, publicUrl, now, waitlistPosition, ...extras } = mail.base;
  return JSON.stringify({
    session,
    registration: mailRegistration(registration),
    links,
    organizer,
    publicUrl,
    now,
    waitlistPosition,
    ...extras,
  });
}

/** Every link and mail of these people, in one INSERT each. */
async function storeMail(trx: Kysely<Database>, mailed: readonly Mailed[], now: string) {
  const withAddress = mailed.filter((m) => m.registration.email !== "");
  if (!withAddress.length) return;
  const tokens = withAddress.flatMap(({ keys, registration }) =>
    (
      [
        ["manage", keys.manage],
        ["checkin", keys.checkin],
        ["view", keys.view],
      ] as const
    ).flatMap(([purpose, token]) =>
      token
        ? [
            {
              token_hash: token.hash,
              registration_id: registration.id,
              purpose: purpose as RegistrationTokenPurpose,
              created_at: now,
            },
          ]
        : [],
    ),
  );
  await trx.insertInto("registration_tokens").values(tokens).execute();
  await trx
    .insertInto("outbox")
    .values(
      withAddress.map((m) => ({
        kind: m.mail.kind,
        registration_id: m.registration.id,
        to_email: m.registration.email,
        to_name: m.registration.name,
        subject: "",
        html: "",
        text: "",
        ics: null,
        ics_method: m.mail.icsMethod,
        status: "pending" as const,
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
        message_id: m.keys.messageId,
        data: snapshotOf(m),
        rendered_at: null,
      })),
    )
    .execute();
}

/** Whoever fits, promoted by one UPDATE; in the waiting list's order. */
async function promotedRows(trx: Kysely<Database>, plan: PromotionPlan): Promise<Registration[]> {
  const { rows } = await sql<Registration>`
    update registrations set ${promotedColumns(plan.now)}
    where id in (with recursive ${decision(plan.sessionId, plan.now)} select id from chosen)
    returning *
  `.execute(trx);
  return rows.sort((a, b) => a.queue_position - b.queue_position || a.id - b.id);
}

/** The promoted people with their mail's keys: those made before, then more if more fit. */
function withKeys(plan: PromotionPlan, promoted: readonly Registration[]): Mailed[] {
  const keys = [
    ...plan.keys,
    ...mailKeys(plan.mail, Math.max(0, promoted.length - plan.keys.length)),
  ];
  return promoted.map((registration, i) => ({
    mail: plan.mail,
    keys: keys[i] as MailKeys,
    registration,
  }));
}

async function promoteInTurn(trx: Kysely<Database>, plan: PromotionPlan) {
  const promoted = await promotedRows(trx, plan);
  await storeMail(trx, withKeys(plan, promoted), plan.now);
  return promoted;
}

async function cancelInTurn(
  trx: Kysely<Database>,
  plan: CancellationPlan,
): Promise<CancellationOutcome> {
  const unchanged = plan.readSession
    ? sql`and s.updated_at = ${text(plan.readSession.updatedAt)}
        and s.ical_sequence = ${int(plan.readSession.icalSequence)}`
    : sql``;
  const { rows } = await sql<Registration>`
    update registrations set status = 'cancelled', cancelled_at = ${text(plan.now)},
      updated_at = ${text(plan.now)},
      ical_sequence = ical_sequence + ${int(plan.previousStatus === "confirmed" ? 1 : 0)}
    where id = ${int(plan.registrationId)} and session_id = ${int(plan.sessionId)}
      and status = ${text(plan.previousStatus)}
      and exists (select 1 from sessions s where s.id = ${int(plan.sessionId)} ${unchanged})
    returning *
  `.execute(trx);
  const [registration] = rows;
  if (!registration) return { stale: true };
  if (plan.mail.icsMethod === "CANCEL") {
    await supersedeUnsentInvites(trx, registration.id, plan.now);
  }
  const promoted = plan.promotion ? await promotedRows(trx, plan.promotion) : [];
  const mailed: Mailed[] = [
    { mail: plan.mail, keys: plan.keys, registration },
    ...(plan.promotion ? withKeys(plan.promotion, promoted) : []),
  ];
  await storeMail(trx, mailed, plan.now);
  return { stale: false, registration, promoted };
}
