import { database } from "../../db/client";
import type { SessionKind } from "../../db/schema";
import type { PublishedSession } from "../../emails/ics";
import { getCityBySlug, getPartnerBySlug, withPartner } from "./session.server";

/** A feed stays a reasonable download; a city publishes far fewer sessions ahead than this. */
const FEED_LIMIT = 500;

export interface FeedFilter {
  citySlug?: string;
  kind?: SessionKind;
  partnerSlug?: string;
}

interface Feed {
  city: { slug: string; name: string } | null;
  partner: { slug: string; name: string } | null;
  kind: SessionKind | null;
  sessions: PublishedSession[];
}

export type FeedOutcome = { ok: true; feed: Feed } | { ok: false; reason: "notFound" };

/**
 * The sessions a subscribed calendar should hold: every session that has not ended, cancelled
 * ones included (as cancelled, so calendars that have them strike them out) until they are
 * over. Only what the public page shows: no counts (they would change the feed on every
 * sign-up), no attendees.
 */
export async function feedOf(filter: FeedFilter, now: string): Promise<FeedOutcome> {
  const city = filter.citySlug ? await getCityBySlug(filter.citySlug) : null;
  const partner = filter.partnerSlug ? await getPartnerBySlug(filter.partnerSlug) : null;
  if ((filter.citySlug && !city) || (filter.partnerSlug && !partner)) {
    return { ok: false, reason: "notFound" };
  }
  let query = database()
    .db.selectFrom("sessions")
    .innerJoin("cities", "cities.id", "sessions.city_id")
    .select([
      "sessions.id",
      "sessions.slug",
      "sessions.status",
      "sessions.updated_at",
      "sessions.ical_sequence",
      "sessions.title",
      "sessions.summary",
      "sessions.description",
      "sessions.venue_name",
      "sessions.venue_address",
      "sessions.venue_latitude",
      "sessions.venue_longitude",
      "sessions.starts_at",
      "sessions.ends_at",
    ])
    .where("sessions.ends_at", ">", now)
    // An unlisted session is in no one's calendar but its attendees'.
    .where("sessions.unlisted", "=", 0);
  if (city) query = query.where("cities.slug", "=", city.slug);
  if (filter.kind) query = query.where("sessions.kind", "=", filter.kind);
  if (partner) query = query.where(withPartner(partner.slug));
  const sessions = await query
    .orderBy("sessions.starts_at")
    .orderBy("sessions.id")
    .limit(FEED_LIMIT)
    .execute();
  return {
    ok: true,
    feed: {
      city: city && { slug: city.slug, name: city.name },
      partner: partner && { slug: partner.slug, name: partner.name },
      kind: filter.kind ?? null,
      sessions,
    },
  };
}
