import { database } from "../../db/client";
import type { SessionKind, SessionLanguage } from "../../db/schema";
import { type SessionDetail, upcomingSessionsQuery, withPartners } from "./session.server";

/** What the public API may ask of the sessions: all optional but the period's start. */
export interface SessionQuery {
  city?: string;
  kind?: SessionKind;
  partner?: string;
  language?: SessionLanguage;
  /** Sessions that start after this instant (the home page: now). */
  from: string;
  /** …and before this one. */
  to?: string;
  limit: number;
  /** Where the previous page ended: its last session's start and id. */
  after?: { startsAt: string; id: number };
}

export interface SessionPage {
  sessions: SessionDetail[];
  /** The last session of this page when there is a next one. */
  last: SessionDetail | null;
}

/**
 * One page of sessions, soonest first, cancelled ones included (as on the home page). Pages
 * follow (start, id), so a session added or moved meanwhile never makes a page repeat or skip
 * one that stays where it was.
 */
export async function listSessionPage(query: SessionQuery): Promise<SessionPage> {
  const { db } = database();
  let select = upcomingSessionsQuery(db, {
    citySlug: query.city,
    kind: query.kind,
    partnerSlug: query.partner,
    language: query.language,
    from: query.from,
  });
  if (query.to) select = select.where("sessions.starts_at", "<", query.to);
  const after = query.after;
  if (after) {
    select = select.where((eb) =>
      eb.or([
        eb("sessions.starts_at", ">", after.startsAt),
        eb.and([eb("sessions.starts_at", "=", after.startsAt), eb("sessions.id", ">", after.id)]),
      ]),
    );
  }
  const rows = await select.limit(query.limit + 1).execute();
  const sessions = await withPartners(db, rows.slice(0, query.limit));
  return { sessions, last: rows.length > query.limit ? (sessions.at(-1) ?? null) : null };
}

/** The partners one can filter on, by name. */
export async function listPartners() {
  return database().db.selectFrom("partners").select(["slug", "name"]).orderBy("name").execute();
}
