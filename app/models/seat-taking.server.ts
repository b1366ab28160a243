import { type Kysely, type RawBuilder, sql } from "kysely";
import { dialectOfDb } from "../../db/client";
import type { Database, RegistrationTokenPurpose } from "../../db/schema";
import type { RegistrationMailData } from "../../emails/message";
import type { snapshotRow } from "../../emails/outbox.server";
import type { StoredAnswer } from "../lib/questions";

/**
 * The one statement of a sign-up that holds the session's row: it decides who of the people
 * gets a seat, who waits and who only asks (approval), and stores them with their answers,
 * their links' hashes and their mail. Everything else (reading the session, checking its rules,
 * making the tokens and their hashes, the calendar UIDs, the mail's snapshot for each outcome)
 * is done before, so the row is locked for the time of one statement and the commit.
 *
 * PostgreSQL: one statement of CTEs. It locks the row with FOR UPDATE, and reads the seats
 * taken and the people waiting from that row, which it sees as the last commit left it; every
 * other table it sees as it was when the statement began, before it waited for the lock (a
 * count of registrations would miss the sign-ups committed meanwhile), so the counts are
 * kept on the row by triggers (migration 2026-12-07T20-30_seat-counts). An address that signs
 * up twice at the same moment is stopped by the unique index on live registrations (ON
 * CONFLICT DO NOTHING): it is then not placed, and the caller mails its owner the link again.
 * SQLite: the same decision, as the first of a few statements in the write transaction, which
 * already holds the one write lock; each statement sees the last one's rows.
 *
 * The statement checks that the session is still as it was read (its `updated_at` and its
 * calendar SEQUENCE, which every change of its rules or texts moves): when it is not, it stores
 * nothing and says `stale`, and the caller reads the session again.
 */

export type PlacedStatus = "confirmed" | "waitlisted" | "requested";

/** One person of the sign-up, with everything known before the lock. */
export interface Newcomer {
  name: string;
  email: string;
  emailNormalized: string;
  personKey: string;
  organisation: string | null;
  enterpriseNumber: string | null;
  icalUid: string;
  newsOptInAt: string | null;
  answers: readonly StoredAnswer[];
  /** The mail for each status this person may get, with the tokens it carries (hashed). */
  outcomes: Partial<Record<PlacedStatus, PreparedMail>>;
}

export interface PreparedMail {
  /** The outbox row, its data a snapshot whose registration id and waiting place are not known yet. */
  row: ReturnType<typeof snapshotRow>;
  data: RegistrationMailData;
  tokens: { purpose: RegistrationTokenPurpose; hash: string }[];
}

export interface SeatPlan {
  sessionId: number;
  /** The session as it was read: the statement stores nothing if it changed since. */
  updatedAt: string;
  icalSequence: number;
  people: readonly Newcomer[];
  /** All of the group on the waiting list when not all of them fit (else: the seats left). */
  together: boolean;
  /** The session requires approval: every person a request, no seat. */
  requested: boolean;
  groupId: string | null;
  locale: string;
  now: string;
  queuePosition: number;
}

interface PlacedPerson {
  /** Index in `plan.people`. */
  person: number;
  id: number;
  status: PlacedStatus;
}

export type SeatOutcome = { stale: true } | { stale: false; placed: PlacedPerson[] };

export async function takeSeatsIn(trx: Kysely<Database>, plan: SeatPlan): Promise<SeatOutcome> {
  return dialectOfDb(trx) === "postgres" ? inOneStatement(trx, plan) : inTurn(trx, plan);
}

const text = (value: string | null) => sql`cast(${value} as text)`;
const int = (value: number) => sql`cast(${value} as integer)`;
/**
 * A live registration with an address, said as the unique index on (session, address) says
 * it, so that the planner reaches the address through that index instead of reading every
 * registration of the session.
 */
const LIVE_WITH_ADDRESS = sql.raw(
  "r.status not in ('cancelled', 'declined', 'expired') and r.email_normalized <> ''",
);

/** The CTEs that read the row, pick the newcomers and decide, and the INSERT of the people. */
function decision(plan: SeatPlan, lock: RawBuilder<unknown>) {
  const people = sql.join(
    plan.people.map(
      (p, i) =>
        sql`(${int(i)}, ${text(p.name)}, ${text(p.email)}, ${text(p.emailNormalized)}, ${text(p.personKey)}, ${text(p.organisation)}, ${text(p.enterpriseNumber)}, ${text(p.icalUid)}, ${text(p.newsOptInAt)})`,
    ),
  );
  const now = text(plan.now);
  const ctes = sql`locked as (
      select id, capacity, seats_taken, waiting_count from sessions
      where id = ${int(plan.sessionId)} and updated_at = ${text(plan.updatedAt)}
        and ical_sequence = ${int(plan.icalSequence)}
      ${lock}
    ),
    people (idx, name, email, email_normalized, person_key, organisation, enterprise_number, ical_uid, news_opt_in_at) as (
      values ${people}
    ),
    newcomers as (
      select p.*, row_number() over (order by p.idx) - 1 as place
      from people p
      where exists (select 1 from locked) and not exists (
        select 1 from registrations r where r.session_id = ${int(plan.sessionId)}
          and r.email_normalized = p.email_normalized and ${LIVE_WITH_ADDRESS})
    ),
    seats as (
      select case
          when ${int(plan.requested ? 1 : 0)} = 1 then 0
          when (select count(*) from newcomers) <= free then (select count(*) from newcomers)
          when ${int(plan.together ? 1 : 0)} = 1 then 0
          else free
        end as seats
      from (select case when capacity > seats_taken then capacity - seats_taken else 0 end as free
            from locked) f
    ),
    decided as (
      select n.*, case
          when ${int(plan.requested ? 1 : 0)} = 1 then 'requested'
          when n.place < s.seats then 'confirmed'
          else 'waitlisted'
        end as status
      from newcomers n cross join seats s
    )`;
  const insert = sql`insert into registrations (session_id, ical_uid, ical_sequence, queue_position,
      name, email, email_normalized, person_key, organisation, enterprise_number, locale, status,
      source, consented_at, news_opt_in_at, created_at, updated_at, confirmed_at, cancelled_at,
      group_id, group_together)
    select ${int(plan.sessionId)}, d.ical_uid, 0, cast(${plan.queuePosition} as double precision),
      d.name, d.email, d.email_normalized, d.person_key, d.organisation, d.enterprise_number,
      ${text(plan.locale)}, d.status, 'public', ${now}, d.news_opt_in_at, ${now}, ${now},
      case when d.status = 'confirmed' then ${now} end, null,
      case when (select count(*) from newcomers) > 1 then ${text(plan.groupId)} end,
      case when (select count(*) from newcomers) > 1 then ${int(plan.together ? 1 : 0)} else 0 end
    from decided d where true order by d.idx
    on conflict do nothing
    returning id, email_normalized, status`;
  return { ctes, insert };
}

/** The outcomes a person may have, as rows: their mail and their tokens, by status. */
function outcomesOf(plan: SeatPlan) {
  return plan.people.flatMap((person, idx) =>
    Object.entries(person.outcomes).map(([status, mail]) => ({
      idx,
      status: status as PlacedStatus,
      mail: mail as PreparedMail,
    })),
  );
}

async function inOneStatement(trx: Kysely<Database>, plan: SeatPlan): Promise<SeatOutcome> {
  const { ctes, insert } = decision(plan, sql`for update`);
  const outcomes = outcomesOf(plan);
  const tokens = outcomes.flatMap(({ idx, status, mail }) =>
    mail.tokens.map(
      (t) => sql`(${int(idx)}, ${text(status)}, ${text(t.purpose)}, ${text(t.hash)})`,
    ),
  );
  const mails = outcomes.map(
    ({ idx, status, mail: { row } }) =>
      sql`(${int(idx)}, ${text(status)}, ${text(row.kind)}, ${text(row.ics_method)}, ${text(row.message_id)}, ${text(row.to_email)}, ${text(row.to_name)}, ${text(row.data)})`,
  );
  const answers = plan.people.flatMap((person, idx) =>
    person.answers.map((a) => sql`(${int(idx)}, ${int(a.questionId)}, ${text(a.value)})`),
  );
  const now = text(plan.now);
  const answering = answers.length
    ? sql`, answers (idx, question_id, value) as (values ${sql.join(answers)}),
      answered as (
        insert into registration_answers (registration_id, question_id, value)
        select pl.id, a.question_id, a.value from placed pl join answers a on a.idx = pl.idx
      )`
    : sql``;
  const { rows } = await sql<{
    locked: number;
    id: number | null;
    idx: number | null;
    status: PlacedStatus | null;
  }>`
    with ${ctes},
    inserted as (${insert}),
    placed as (
      select i.id, i.status, p.idx, case when i.status = 'waitlisted' then
          (select waiting_count from locked)
          - (select count(*) from registrations w where w.session_id = ${int(plan.sessionId)}
               and w.status = 'waitlisted'
               and w.queue_position > cast(${plan.queuePosition} as double precision))
          + row_number() over (partition by i.status order by i.id)
        end as waiting_place
      from inserted i join people p on p.email_normalized = i.email_normalized
    ),
    tokens (idx, status, purpose, token_hash) as (values ${sql.join(tokens)}),
    issued as (
      insert into registration_tokens (token_hash, registration_id, purpose, created_at)
      select t.token_hash, pl.id, t.purpose, ${now}
      from placed pl join tokens t on t.idx = pl.idx and t.status = pl.status
    ),
    mails (idx, status, kind, ics_method, message_id, to_email, to_name, data) as (
      values ${sql.join(mails)}
    ),
    queued as (
      insert into outbox (kind, registration_id, to_email, to_name, subject, html, text, ics,
        ics_method, status, attempts, next_attempt_at, created_at, message_id, data, rendered_at)
      select m.kind, pl.id, m.to_email, m.to_name, '', '', '', null, m.ics_method, 'pending', 0,
        ${now}, ${now}, m.message_id,
        cast(jsonb_set(jsonb_set(cast(m.data as jsonb), '{registration,id}', to_jsonb(pl.id)),
          '{waitlistPosition}', coalesce(to_jsonb(pl.waiting_place), 'null'::jsonb)) as text),
        null
      from placed pl join mails m on m.idx = pl.idx and m.status = pl.status
    )
    ${answering}
    select (select count(*) from locked) as locked, pl.id, pl.idx, pl.status,
      -- The COMMIT that follows releases the row without waiting for the disk (see
      -- docs/performance.md: as SQLite's synchronous = NORMAL in WAL mode does).
      set_config('synchronous_commit', 'off', true) as durable
    from (select 1 as one) o left join placed pl on true
  `.execute(trx);
  if (Number(rows[0]?.locked ?? 0) === 0) return { stale: true };
  return {
    stale: false,
    placed: rows.flatMap((row) =>
      row.id === null || row.idx === null || row.status === null
        ? []
        : [{ person: Number(row.idx), id: row.id, status: row.status }],
    ),
  };
}

/**
 * SQLite: the decision and the people in one statement, then their links, answers and mail;
 * the write transaction holds the one write lock throughout, and nothing between them waits
 * for anything but the database (better-sqlite3 answers at once).
 */
async function inTurn(trx: Kysely<Database>, plan: SeatPlan): Promise<SeatOutcome> {
  const { ctes, insert } = decision(plan, sql``);
  const { rows: inserted } = await sql<{
    id: number;
    email_normalized: string;
    status: PlacedStatus;
  }>`with ${ctes} ${insert}`.execute(trx);
  if (!inserted.length) {
    const same = await trx
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", plan.sessionId)
      .where("updated_at", "=", plan.updatedAt)
      .where("ical_sequence", "=", plan.icalSequence)
      .executeTakeFirst();
    return same ? { stale: false, placed: [] } : { stale: true };
  }
  const idxOf = new Map(plan.people.map((p, idx) => [p.emailNormalized, idx]));
  const placed = inserted
    .map((row) => ({
      person: idxOf.get(row.email_normalized) ?? -1,
      id: row.id,
      status: row.status,
    }))
    .sort((a, b) => a.id - b.id);
  const waiting = placed.filter((p) => p.status === "waitlisted").map((p) => p.id);
  const places = new Map<number, number>();
  if (waiting.length) {
    const rows = await trx
      .selectFrom("registrations as r")
      .select((eb) => [
        "r.id",
        eb
          .selectFrom("registrations as w")
          .select(eb.fn.countAll<number>().as("n"))
          .whereRef("w.session_id", "=", "r.session_id")
          .where("w.status", "=", "waitlisted")
          .where((w) =>
            w.or([
              w("w.queue_position", "<", w.ref("r.queue_position")),
              w.and([
                w("w.queue_position", "=", w.ref("r.queue_position")),
                w("w.id", "<=", w.ref("r.id")),
              ]),
            ]),
          )
          .as("place"),
      ])
      .where("r.id", "in", waiting)
      .execute();
    for (const row of rows) places.set(row.id, Number(row.place));
  }
  const tokens = [];
  const mails = [];
  const answers = [];
  for (const { person, id, status } of placed) {
    const newcomer = plan.people[person];
    const mail = newcomer?.outcomes[status];
    if (!newcomer || !mail) throw new Error(`no mail prepared for a ${status} registration`);
    for (const t of mail.tokens) {
      tokens.push({
        token_hash: t.hash,
        registration_id: id,
        purpose: t.purpose,
        created_at: plan.now,
      });
    }
    const data = {
      ...mail.data,
      registration: { ...mail.data.registration, id },
      waitlistPosition: places.get(id) ?? null,
    };
    mails.push({ ...mail.row, registration_id: id, data: JSON.stringify(data) });
    for (const a of newcomer.answers) {
      answers.push({ registration_id: id, question_id: a.questionId, value: a.value });
    }
  }
  await trx.insertInto("registration_tokens").values(tokens).execute();
  await trx.insertInto("outbox").values(mails).execute();
  if (answers.length) await trx.insertInto("registration_answers").values(answers).execute();
  return { stale: false, placed };
}
