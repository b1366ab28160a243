import { type ExpressionBuilder, type Kysely, type RawBuilder, sql } from "kysely";
import { database } from "../../db/client";
import type { Database, SessionKind } from "../../db/schema";
import { largeRead } from "../../db/transaction";
import type { ReportPeriod } from "../lib/report-form";
import { SESSION_KINDS } from "../lib/session-kinds";
import { SURVEY_MIN_ANSWERS } from "../lib/survey-form";
import { brusselsDate, nowInstant } from "../lib/time";
import { type Actor, recordAudit } from "./audit.server";
import { type SessionScope, sessionInScope } from "./scope.server";

/*
 * The city's report: what its sessions of a period reached, by city, kind, partner and month,
 * for the organiser's scope. Everything is counted in the database (GROUP BY) from what
 * anonymisation keeps: the sessions, the status and moments of each registration, the person's
 * pseudonym (pseudonym.server.ts), the thank-yous sent and the survey's answers. Last year's
 * report therefore reads the same after retention has removed its people.
 *
 * How each figure is counted (docs/privacy.md and the page say the same):
 * - a session belongs to the period by its start; it is *held* once it has begun and was not
 *   cancelled; sign-ups, seats, attendance and the waiting list count held sessions only;
 * - a *seat taken* is a registration that had a seat when the session ended: confirmed, or
 *   cancelled only after the end (an erasure after the session keeps the seat it took);
 * - *attended*: a seat taken whose person was checked in; the no-shows are the other seats;
 * - *waiting, never seated*: on the waiting list when the session began (signed up before the
 *   start, never given a seat, and still waiting then: waitlisted, or cancelled after the start);
 * - *people* are distinct pseudonyms among the sign-ups (a walk-in who gave no address is a
 *   person of their own); a person is *new* when they had signed up for no held session that
 *   began before the period (for a month's row: before that month), anywhere in the
 *   installation, whatever the filters; the others are *returning*. Sign-ups
 *   without a pseudonym (erased, or their person's pseudonym gone after PSEUDONYM_MONTHS) count
 *   everywhere but among the people;
 * - the survey: answers over thank-yous sent, and the average rating from SURVEY_MIN_ANSWERS
 *   answers up (fewer would show what one person answered).
 * A person in two cities counts once in each city's row and once in the total: the rows of a
 * breakdown add up to the total for everything but the people. A session with two partners
 * counts in both partners' rows.
 */

export interface ReportFilter {
  period: ReportPeriod;
  cityId: number | null;
  kind: SessionKind | null;
  partnerId: number | null;
}

export interface ReportFigures {
  sessionsHeld: number;
  sessionsCancelled: number;
  /** Sessions of the period that have not begun yet: they count once held. */
  sessionsUpcoming: number;
  seatsOffered: number;
  signUps: number;
  seatsTaken: number;
  attended: number;
  waitingNeverSeated: number;
  people: number;
  newPeople: number;
  returningPeople: number;
  /** Distinct people checked in on a seat. */
  peoplePresent: number;
  /** Sign-ups that carry no pseudonym: counted, but not among the people. */
  withoutPseudonym: number;
  /** Thank-you mails with the survey: the people asked. */
  surveyAsked: number;
  surveyAnswers: number;
  /** The average rating (1–5); null below SURVEY_MIN_ANSWERS answers. */
  surveyAverage: number | null;
}

/** One row of a breakdown: a city, kind or partner ("none": sessions without one), or a month. */
export interface ReportRow {
  key: string;
  /** The city's or partner's name; null for a kind, a month or "no partner" (the page words it). */
  name: string | null;
  figures: ReportFigures;
}

export interface CityReport {
  total: ReportFigures;
  byMonth: ReportRow[];
  byCity: ReportRow[];
  byKind: ReportRow[];
  byPartner: ReportRow[];
}

/** The key of the partner row for sessions that have no partner. */
const NO_PARTNER = "none";

type Tally = Omit<ReportFigures, "surveyAverage"> & { ratingSum: number };

const emptyTally = (): Tally => ({
  sessionsHeld: 0,
  sessionsCancelled: 0,
  sessionsUpcoming: 0,
  seatsOffered: 0,
  signUps: 0,
  seatsTaken: 0,
  attended: 0,
  waitingNeverSeated: 0,
  people: 0,
  newPeople: 0,
  returningPeople: 0,
  peoplePresent: 0,
  withoutPseudonym: 0,
  surveyAsked: 0,
  surveyAnswers: 0,
  ratingSum: 0,
});

function figuresOf({ ratingSum, ...tally }: Tally): ReportFigures {
  return {
    ...tally,
    surveyAverage:
      tally.surveyAnswers >= SURVEY_MIN_ANSWERS ? ratingSum / tally.surveyAnswers : null,
  };
}

type SessionsEb = ExpressionBuilder<Database, "sessions">;
type RowEb = ExpressionBuilder<Database, "registrations" | "sessions">;

/** The sessions the report is about: started in the period, chosen by the filters, in scope. */
function chosenSessions(scope: SessionScope, { period, cityId, kind, partnerId }: ReportFilter) {
  return (eb: SessionsEb) =>
    eb.and([
      eb("sessions.starts_at", ">=", period.start),
      eb("sessions.starts_at", "<", period.end),
      ...(cityId === null ? [] : [eb("sessions.city_id", "=", cityId)]),
      ...(kind === null ? [] : [eb("sessions.kind", "=", kind)]),
      ...(partnerId === null
        ? []
        : [
            eb.exists(
              eb
                .selectFrom("session_partners")
                .select(sql.lit(1).as("one"))
                .whereRef("session_partners.session_id", "=", "sessions.id")
                .where("session_partners.partner_id", "=", partnerId),
            ),
          ]),
      sessionInScope(scope)(eb),
    ]);
}

const held = (now: string) => (eb: SessionsEb) =>
  eb.and([eb("sessions.status", "=", "scheduled"), eb("sessions.starts_at", "<=", now)]);

/** Had a seat when the session ended: confirmed, or cancelled only after the end. */
const seatTaken = (eb: RowEb) =>
  eb.and([
    eb("registrations.confirmed_at", "is not", null),
    eb.or([
      eb("registrations.status", "=", "confirmed"),
      eb.and([
        eb("registrations.status", "=", "cancelled"),
        eb("registrations.cancelled_at", ">=", eb.ref("sessions.ends_at")),
      ]),
    ]),
  ]);

const attended = (eb: RowEb) =>
  eb.and([seatTaken(eb), eb("registrations.checked_in_at", "is not", null)]);

/** On the waiting list when the session began, and never given a seat. */
const waitingAtStart = (eb: RowEb) =>
  eb.and([
    eb("registrations.created_at", "<", eb.ref("sessions.starts_at")),
    eb("registrations.confirmed_at", "is", null),
    eb.or([
      eb("registrations.status", "=", "waitlisted"),
      eb.and([
        eb("registrations.status", "=", "cancelled"),
        eb("registrations.cancelled_at", ">=", eb.ref("sessions.starts_at")),
      ]),
    ]),
  ]);

const ones = (eb: RowEb, condition: ReturnType<typeof seatTaken>) =>
  eb.fn.sum<number | string>(eb.case().when(condition).then(sql.lit(1)).else(sql.lit(0)).end());

/**
 * The index of the period's month an instant falls in (-1 before the period), as SQL: instants
 * are UTC ISO-8601 text on both databases, so comparing them as text orders them in time.
 */
function monthIndex(instant: RawBuilder<unknown>, period: ReportPeriod): RawBuilder<number> {
  const months = period.months.map(
    (month, index) => sql`when ${instant} < ${month.end} then ${sql.lit(index)}`,
  );
  return sql<number>`case when ${instant} < ${period.start} then ${sql.lit(-1)} ${sql.join(months, sql` `)} else ${sql.lit(period.months.length)} end`;
}

function monthOf(instant: string, period: ReportPeriod): number {
  const index = period.months.findIndex((month) => instant < month.end);
  return index < 0 ? period.months.length : index;
}

const count = (value: number | string | bigint | null | undefined) => Number(value ?? 0);

/** People per group: distinct pseudonyms, those checked in, and those new in the period or month. */
async function peopleCounts(scope: SessionScope, filter: ReportFilter, now: string) {
  return largeRead((db) => peopleCountsIn(db, scope, filter, now));
}

async function peopleCountsIn(
  db: Kysely<Database>,
  scope: SessionScope,
  filter: ReportFilter,
  now: string,
) {
  const { period } = filter;
  const p = (column: string) => sql.ref(`p.${column}`);
  const people = (newcomer: RawBuilder<unknown>) =>
    [
      sql<number | string>`count(distinct ${p("k")})`.as("people"),
      sql<number | string>`count(distinct case when ${p("came")} = 1 then ${p("k")} end)`.as(
        "present",
      ),
      sql<number | string>`count(distinct case when ${newcomer} then ${p("k")} end)`.as(
        "newcomers",
      ),
    ] as const;
  const label = (dimension: string) => sql<string>`${sql.lit(dimension)}`.as("dim");
  const newInPeriod = sql`${p("fm")} >= 0`;

  const rows = await db
    .with(
      (cte) => cte("f").materialized(),
      (qb) =>
        qb
          .selectFrom("registrations")
          .innerJoin("sessions", "sessions.id", "registrations.session_id")
          .select((eb) => [
            "registrations.person_key as k",
            "sessions.id as sid",
            "sessions.city_id as city",
            "sessions.kind as kind",
            monthIndex(sql.ref("sessions.starts_at"), period).as("m"),
            eb.case().when(attended(eb)).then(sql.lit(1)).else(sql.lit(0)).end().as("came"),
          ])
          .where(chosenSessions(scope, filter))
          .where(held(now))
          .where("registrations.person_key", "is not", null),
    )
    // When each person first signed up for a held session, anywhere: new or returning.
    .with("firsts", (qb) =>
      qb
        .selectFrom("registrations")
        .innerJoin("sessions", "sessions.id", "registrations.session_id")
        .select((eb) => [
          "registrations.person_key as k",
          eb.fn.min("sessions.starts_at").as("first_at"),
          // A number per person: counting distinct numbers is cheaper than 32-digit keys.
          sql<number>`row_number() over ()`.as("id"),
        ])
        .where("sessions.status", "=", "scheduled")
        .where("sessions.starts_at", "<", period.end)
        .where("registrations.person_key", "in", qb.selectFrom("f").select("f.k"))
        .groupBy("registrations.person_key"),
    )
    .with(
      (cte) => cte("p").materialized(),
      (qb) =>
        qb
          .selectFrom("f")
          .innerJoin("firsts", "firsts.k", "f.k")
          .select([
            "firsts.id as k",
            "f.sid",
            "f.city",
            "f.kind",
            "f.m",
            "f.came",
            monthIndex(sql.ref("firsts.first_at"), period).as("fm"),
          ]),
    )
    .selectFrom("p")
    .select([label("total"), sql<string>`''`.as("g"), ...people(newInPeriod)])
    .unionAll((eb) => [
      eb
        .selectFrom("p")
        .select([
          label("city"),
          sql<string>`cast(${p("city")} as text)`.as("g"),
          ...people(newInPeriod),
        ])
        .groupBy("p.city"),
      eb
        .selectFrom("p")
        .select([label("kind"), sql<string>`${p("kind")}`.as("g"), ...people(newInPeriod)])
        .groupBy("p.kind"),
      eb
        .selectFrom("p")
        .leftJoin("session_partners", "session_partners.session_id", "p.sid")
        .select([
          label("partner"),
          sql<string>`coalesce(cast(${sql.ref("session_partners.partner_id")} as text), ${NO_PARTNER})`.as(
            "g",
          ),
          ...people(newInPeriod),
        ])
        .groupBy("session_partners.partner_id"),
      eb
        .selectFrom("p")
        .select([
          label("month"),
          sql<string>`cast(${p("m")} as text)`.as("g"),
          ...people(sql`${p("fm")} = ${p("m")}`),
        ])
        .groupBy("p.m"),
    ])
    .execute();
  const byGroup = new Map<string, { people: number; present: number; newcomers: number }>();
  for (const row of rows) {
    byGroup.set(`${row.dim}:${row.g}`, {
      people: count(row.people),
      present: count(row.present),
      newcomers: count(row.newcomers),
    });
  }
  return byGroup;
}

/** Per session: what additive figures it brings, with its survey and its partners. */
async function sessionTallies(scope: SessionScope, filter: ReportFilter) {
  const { db } = database();
  const chosen = db
    .selectFrom("sessions")
    .select("sessions.id")
    .where(chosenSessions(scope, filter));
  const [sessions, surveys, thankYous, partners] = await Promise.all([
    db
      .selectFrom("sessions")
      .leftJoin("registrations", "registrations.session_id", "sessions.id")
      .select((eb) => [
        "sessions.id",
        "sessions.city_id",
        "sessions.kind",
        "sessions.status",
        "sessions.starts_at",
        "sessions.capacity",
        eb.fn.count<number | string>("registrations.id").as("sign_ups"),
        ones(eb, seatTaken(eb)).as("seats_taken"),
        ones(eb, attended(eb)).as("attended"),
        ones(eb, waitingAtStart(eb)).as("waiting"),
        ones(
          eb,
          eb.and([
            eb("registrations.id", "is not", null),
            eb("registrations.person_key", "is", null),
          ]),
        ).as("without_key"),
      ])
      .where(chosenSessions(scope, filter))
      .groupBy("sessions.id")
      .execute(),
    db
      .selectFrom("survey_responses")
      .select((eb) => [
        "survey_responses.session_id",
        eb.fn.countAll<number | string>().as("answers"),
        eb.fn.sum<number | string>("survey_responses.rating").as("rating_sum"),
      ])
      .where("survey_responses.session_id", "in", chosen)
      .groupBy("survey_responses.session_id")
      .execute(),
    db
      .selectFrom("session_follow_ups")
      .select((eb) => [
        "session_follow_ups.session_id",
        eb.fn.countAll<number | string>().as("sent"),
      ])
      .where("session_follow_ups.kind", "=", "thankYou")
      .where("session_follow_ups.session_id", "in", chosen)
      .groupBy("session_follow_ups.session_id")
      .execute(),
    db
      .selectFrom("session_partners")
      .innerJoin("partners", "partners.id", "session_partners.partner_id")
      .select(["session_partners.session_id", "partners.id", "partners.name"])
      .where("session_partners.session_id", "in", chosen)
      .execute(),
  ]);
  const survey = new Map(surveys.map((row) => [row.session_id, row]));
  const sent = new Map(thankYous.map((row) => [row.session_id, count(row.sent)]));
  const partnersOf = new Map<number, number[]>();
  const partnerNames = new Map<number, string>();
  for (const row of partners) {
    partnersOf.set(row.session_id, [...(partnersOf.get(row.session_id) ?? []), row.id]);
    partnerNames.set(row.id, row.name);
  }
  return {
    partnerNames,
    sessions: sessions.map((session) => ({
      ...session,
      partnerIds: partnersOf.get(session.id) ?? [],
      surveyAnswers: count(survey.get(session.id)?.answers),
      ratingSum: count(survey.get(session.id)?.rating_sum),
      surveyAsked: sent.get(session.id) ?? 0,
    })),
  };
}

/** The report of a period for an organiser's scope. */
export async function cityReport(
  scope: SessionScope,
  filter: ReportFilter,
  now = nowInstant(),
): Promise<CityReport> {
  const { db } = database();
  const { period } = filter;
  const [{ sessions, partnerNames }, people] = await Promise.all([
    sessionTallies(scope, filter),
    peopleCounts(scope, filter, now),
  ]);
  const cityIds = [...new Set(sessions.map((session) => session.city_id))];
  const cities = cityIds.length
    ? await db.selectFrom("cities").select(["id", "name"]).where("id", "in", cityIds).execute()
    : [];

  const total = emptyTally();
  const groups = {
    month: new Map(period.months.map((_, index) => [String(index), emptyTally()])),
    city: new Map<string, Tally>(),
    kind: new Map<string, Tally>(),
    partner: new Map<string, Tally>(),
  };
  const tallyOf = (group: Map<string, Tally>, key: string) => {
    let tally = group.get(key);
    if (!tally) {
      tally = emptyTally();
      group.set(key, tally);
    }
    return tally;
  };
  for (const session of sessions) {
    const isHeld = session.status === "scheduled" && session.starts_at <= now;
    const targets = [
      total,
      tallyOf(groups.month, String(monthOf(session.starts_at, period))),
      tallyOf(groups.city, String(session.city_id)),
      tallyOf(groups.kind, session.kind),
      ...(session.partnerIds.length ? session.partnerIds.map(String) : [NO_PARTNER]).map((key) =>
        tallyOf(groups.partner, key),
      ),
    ];
    for (const tally of targets) {
      if (session.status === "cancelled") tally.sessionsCancelled++;
      else if (!isHeld) tally.sessionsUpcoming++;
      else {
        tally.sessionsHeld++;
        tally.seatsOffered += session.capacity;
        tally.signUps += count(session.sign_ups);
        tally.seatsTaken += count(session.seats_taken);
        tally.attended += count(session.attended);
        tally.waitingNeverSeated += count(session.waiting);
        tally.withoutPseudonym += count(session.without_key);
        tally.surveyAsked += session.surveyAsked;
        tally.surveyAnswers += session.surveyAnswers;
        tally.ratingSum += session.ratingSum;
      }
    }
  }
  const withPeople = (dimension: string, key: string, tally: Tally): ReportFigures => {
    const found = people.get(`${dimension}:${key}`);
    if (found) {
      tally.people = found.people;
      tally.peoplePresent = found.present;
      tally.newPeople = found.newcomers;
      tally.returningPeople = found.people - found.newcomers;
    }
    return figuresOf(tally);
  };
  // Every month of the period has its row; a city, kind or partner one when it had a session
  // held or cancelled (one whose sessions are all still to come has nothing to report yet).
  const rowsOf = (dimension: keyof typeof groups, name: (key: string) => string | null) =>
    [...groups[dimension]]
      .filter(
        ([, tally]) => dimension === "month" || tally.sessionsHeld + tally.sessionsCancelled > 0,
      )
      .map(([key, tally]) => ({
        key,
        name: name(key),
        figures: withPeople(dimension, key, tally),
      }));
  const cityNames = new Map(cities.map((city) => [String(city.id), city.name]));
  const byName = (a: ReportRow, b: ReportRow) =>
    (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff", "nl");
  return {
    total: withPeople("total", "", total),
    byMonth: rowsOf("month", () => null).map((row, index) => ({
      ...row,
      key: period.months[index]?.key ?? row.key,
    })),
    byCity: rowsOf("city", (key) => cityNames.get(key) ?? null).sort(byName),
    byKind: rowsOf("kind", () => null).sort(
      (a, b) =>
        SESSION_KINDS.indexOf(a.key as SessionKind) - SESSION_KINDS.indexOf(b.key as SessionKind),
    ),
    byPartner: rowsOf("partner", (key) => partnerNames.get(Number(key)) ?? null).sort(byName),
  };
}

/**
 * The report as a download, written to the audit log as every download of the workspace is:
 * the period and the filters, no figures.
 */
export async function exportCityReport(
  scope: SessionScope,
  filter: ReportFilter,
  { organiserId, clientAddress, now = nowInstant() }: Actor,
): Promise<CityReport> {
  const report = await cityReport(scope, filter, now);
  await recordAudit(
    {
      organiserId,
      action: "report.export",
      subjectType: "export",
      subjectId: null,
      details: {
        from: filter.period.from,
        to: filter.period.to,
        cityId: filter.cityId,
        kind: filter.kind ?? "",
        partnerId: filter.partnerId,
      },
      clientAddress,
    },
    { now },
  );
  return report;
}

/** What the report's filters offer: the cities, partners and years of the sessions in scope. */
export async function reportOptions(scope: SessionScope, now = nowInstant()) {
  const { db } = database();
  const [cities, partners, span] = await Promise.all([
    db
      .selectFrom("cities")
      .select(["cities.id", "cities.name"])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("sessions")
            .select(sql.lit(1).as("one"))
            .whereRef("sessions.city_id", "=", "cities.id")
            .where(sessionInScope(scope)),
        ),
      )
      .orderBy("cities.name")
      .execute(),
    // The partners of the sessions in scope. For an organiser, found from those sessions: asked
    // per partner, every session of a regional partner would be looked at. For an admin, any
    // link of the partner will do.
    db
      .selectFrom("partners")
      .select(["partners.id", "partners.name"])
      .where((eb) =>
        scope.all
          ? eb.exists(
              eb
                .selectFrom("session_partners")
                .select(sql.lit(1).as("one"))
                .whereRef("session_partners.partner_id", "=", "partners.id"),
            )
          : eb(
              "partners.id",
              "in",
              eb
                .selectFrom("session_partners")
                .innerJoin("sessions", "sessions.id", "session_partners.session_id")
                .select("session_partners.partner_id")
                .where(sessionInScope(scope)),
            ),
      )
      .orderBy("partners.name")
      .execute(),
    db
      .selectFrom("sessions")
      .select((eb) => [
        eb.fn.min("sessions.starts_at").as("first"),
        eb.fn.max("sessions.starts_at").as("last"),
      ])
      .where(sessionInScope(scope))
      .executeTakeFirst(),
  ]);
  const yearOf = (instant: string) => Number(brusselsDate(instant).slice(0, 4));
  const thisYear = yearOf(now);
  const first = Math.min(thisYear, span?.first ? yearOf(span.first) : thisYear);
  const last = Math.max(thisYear, span?.last ? yearOf(span.last) : thisYear);
  const years = Array.from({ length: last - first + 1 }, (_, index) => last - index);
  return { cities, partners, years };
}
