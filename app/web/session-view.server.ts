import type { SessionDetail } from "~/models/session.server";
import { availabilityOf } from "~/models/session.server";

/** What a page needs of a session: no more, so nothing private reaches the browser. */
export function sessionCardView(session: SessionDetail, now: string) {
  return {
    slug: session.slug,
    title: session.title,
    summary: session.summary,
    kind: session.kind,
    language: session.language,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    venueName: session.venue_name,
    city: session.city,
    partners: session.partners.map((p) => p.name),
    availability: availabilityOf(session, session.confirmedCount, now),
    requiresApproval: session.requires_approval === 1,
  };
}

export type SessionCardView = ReturnType<typeof sessionCardView>;
