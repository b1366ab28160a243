import type { ExpressionBuilder, Kysely } from "kysely";
import { database } from "../../db/client";
import type { Database, Session, SessionKind, SessionLanguage } from "../../db/schema";
import { emailDomainsOf } from "../lib/email-domains";
import { type SessionScope, sessionInScope } from "./scope.server";

interface PartnerSummary {
  slug: string;
  name: string;
  website: string | null;
}

export interface SessionDetail extends Session {
  city: { slug: string; name: string };
  partners: PartnerSummary[];
  /** The seats taken: confirmed registrations, walk-ins not counted. */
  confirmedCount: number;
  waitlistCount: number;
}

/**
 * Whether a visitor can sign up now, and how: the one place that decides it, for the
 * card, the page and the sign-up itself.
 */
export type Availability =
  | { state: "open"; seatsLeft: number }
  | { state: "waitlist" }
  | { state: "notYetOpen"; opensAt: string }
  | { state: "closed" }
  | { state: "past" }
  | { state: "cancelled" };

export function availabilityOf(
  session: Pick<
    Session,
    "status" | "starts_at" | "capacity" | "registration_opens_at" | "registration_closes_at"
  >,
  confirmedCount: number,
  now: string,
): Availability {
  if (session.status === "cancelled") return { state: "cancelled" };
  if (session.starts_at <= now) return { state: "past" };
  if (session.registration_opens_at && now < session.registration_opens_at) {
    return { state: "notYetOpen", opensAt: session.registration_opens_at };
  }
  if (session.registration_closes_at && now >= session.registration_closes_at)
    return { state: "closed" };
  const seatsLeft = session.capacity - confirmedCount;
  return seatsLeft > 0 ? { state: "open", seatsLeft } : { state: "waitlist" };
}

/**
 * Sessions with their city and their counts: the seats taken (walk-ins came in at the door,
 * outside the seats, and take none from anyone) and the people waiting, as the triggers on
 * registrations keep them on the session row (migration 2026-12-07T20-30_seat-counts), so a
 * list of sessions costs the same whatever their registrations.
 */
export function sessionsWithCounts(db: Kysely<Database>) {
  return db
    .selectFrom("sessions")
    .innerJoin("cities", "cities.id", "sessions.city_id")
    .selectAll("sessions")
    .select([
      "cities.slug as city_slug",
      "cities.name as city_name",
      "sessions.seats_taken as confirmed_count",
      "sessions.waiting_count as waitlist_count",
    ]);
}

export async function withPartners(
  db: Kysely<Database>,
  rows: Awaited<ReturnType<ReturnType<typeof sessionsWithCounts>["execute"]>>,
): Promise<SessionDetail[]> {
  const ids = rows.map((row) => row.id);
  const partners = ids.length
    ? await db
        .selectFrom("session_partners")
        .innerJoin("partners", "partners.id", "session_partners.partner_id")
        .select([
          "session_partners.session_id",
          "partners.slug",
          "partners.name",
          "partners.website",
        ])
        .where("session_partners.session_id", "in", ids)
        .orderBy("session_partners.position")
        .execute()
    : [];
  return rows.map(({ city_slug, city_name, confirmed_count, waitlist_count, ...session }) => ({
    ...session,
    city: { slug: city_slug, name: city_name },
    partners: partners
      .filter((partner) => partner.session_id === session.id)
      .map(({ slug, name, website }) => ({ slug, name, website })),
    confirmedCount: Number(confirmed_count ?? 0),
    waitlistCount: Number(waitlist_count ?? 0),
  }));
}

export interface UpcomingFilter {
  citySlug?: string;
  kind?: SessionKind;
  partnerSlug?: string;
  /** The language the session is given in. */
  language?: SessionLanguage;
  now: string;
  limit?: number;
}

/**
 * A session this partner takes part in (one of its `session_partners`). Asked as "one of the
 * partner's sessions" rather than "has this partner", so the database starts from the partner's
 * own sessions (session_partners_partner_idx) instead of testing every upcoming session.
 */
export function withPartner(partnerSlug: string) {
  return (eb: ExpressionBuilder<Database, "sessions">) =>
    eb(
      "sessions.id",
      "in",
      eb
        .selectFrom("session_partners")
        .innerJoin("partners", "partners.id", "session_partners.partner_id")
        .select("session_partners.session_id")
        .where("partners.slug", "=", partnerSlug),
    );
}

/**
 * The sessions that start after `from`, soonest first, filtered as the home page, the API and
 * the embed filter them; cancelled ones stay in, shown as such. An unlisted session is on none
 * of these lists: only its address leads to it.
 */
export function upcomingSessionsQuery(
  db: Kysely<Database>,
  filter: Omit<UpcomingFilter, "now" | "limit"> & { from: string },
) {
  let query = sessionsWithCounts(db)
    .where("sessions.starts_at", ">", filter.from)
    .where("sessions.unlisted", "=", 0);
  if (filter.citySlug) query = query.where("cities.slug", "=", filter.citySlug);
  if (filter.kind) query = query.where("sessions.kind", "=", filter.kind);
  if (filter.partnerSlug) query = query.where(withPartner(filter.partnerSlug));
  if (filter.language) query = query.where("sessions.language", "=", filter.language);
  return query.orderBy("sessions.starts_at").orderBy("sessions.id");
}

/** Sessions that have not started yet, soonest first; cancelled ones stay visible as such. */
export async function listUpcomingSessions({
  now,
  limit = 200,
  ...filter
}: UpcomingFilter): Promise<SessionDetail[]> {
  const { db } = database();
  const rows = await upcomingSessionsQuery(db, { ...filter, from: now })
    .limit(limit)
    .execute();
  return withPartners(db, rows);
}

/** The sessions an organiser may see that have not ended, soonest first. */
export async function listSessionsInScope(
  scope: SessionScope,
  { now, limit = 200 }: { now: string; limit?: number },
): Promise<SessionDetail[]> {
  const { db } = database();
  const rows = await sessionsWithCounts(db)
    .where(sessionInScope(scope))
    .where("sessions.ends_at", ">", now)
    .orderBy("sessions.starts_at")
    .orderBy("sessions.id")
    .limit(limit)
    .execute();
  return withPartners(db, rows);
}

export async function getSessionBySlug(slug: string): Promise<SessionDetail | null> {
  const { db } = database();
  const rows = await sessionsWithCounts(db).where("sessions.slug", "=", slug).execute();
  const [session] = await withPartners(db, rows);
  return session ?? null;
}

/**
 * Who may sign up for a session, as its form checks before anything else: the domains its
 * addresses must be of (none: any). Null when there is no such session.
 */
/** What a session's sign-up form checks besides its questions: the domains, people per sign-up. */
export async function signUpRulesBySlug(
  slug: string,
): Promise<{ emailDomains: string[]; groupSize: number } | null> {
  const row = await database()
    .db.selectFrom("sessions")
    .select(["email_domains", "max_group_size"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row
    ? { emailDomains: emailDomainsOf(row.email_domains), groupSize: row.max_group_size }
    : null;
}

export async function getSessionById(id: number): Promise<SessionDetail | null> {
  return getSessionByIdIn(database().db, id);
}

/** A session as getSessionById gives it, read in the caller's transaction. */
export async function getSessionByIdIn(
  trx: Kysely<Database>,
  id: number,
): Promise<SessionDetail | null> {
  const rows = await sessionsWithCounts(trx).where("sessions.id", "=", id).execute();
  const [session] = await withPartners(trx, rows);
  return session ?? null;
}

export async function listCities() {
  return database().db.selectFrom("cities").select(["slug", "name"]).orderBy("name").execute();
}

export async function getCityBySlug(slug: string) {
  const city = await database()
    .db.selectFrom("cities")
    .select(["slug", "name", "province"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return city ?? null;
}

export async function getPartnerBySlug(slug: string) {
  const partner = await database()
    .db.selectFrom("partners")
    .select(["slug", "name", "website"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return partner ?? null;
}

/** The cities and partners a session form may offer this organiser. */
export async function sessionFormOptions(scope: SessionScope) {
  const { db } = database();
  let cities = db.selectFrom("cities").select(["id", "name"]).orderBy("name");
  // An organiser of some cities plans sessions there; a partner's organiser plans in any city.
  if (!scope.all && scope.cityIds.length && !scope.partnerIds.length) {
    cities = cities.where("id", "in", scope.cityIds);
  }
  const partners = await db.selectFrom("partners").select(["id", "name"]).orderBy("name").execute();
  return { cities: await cities.execute(), partners };
}

/**
 * Whether a session with this city and these partners is the organiser's to create or keep:
 * the same rule as the scope they see, so nobody makes a session they could not open after.
 */
export function isInScope(scope: SessionScope, cityId: number, partnerIds: number[]): boolean {
  if (scope.all) return true;
  return scope.cityIds.includes(cityId) || partnerIds.some((id) => scope.partnerIds.includes(id));
}
