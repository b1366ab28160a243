import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from "ical-generator";
import { DateTime } from "luxon";
import { DEFAULT_LOCALE, i18n, isLocale, type Locale } from "../app/i18n";
import { oneLinePlace } from "../app/lib/calendar-links";
import { localePath } from "../app/lib/locale-path";
import { TIME_ZONE } from "../app/lib/time";
import type { Registration, Session } from "../db/schema";

/**
 * Every calendar object the app emits. Invites follow RFC 5546 and what Outlook, Gmail and
 * Apple Calendar need to treat them as real invitations: METHOD in the body and in the MIME
 * part, a stable UID per registration, SEQUENCE raised on every change, an ORGANIZER that can
 * receive replies, and Brussels times with their VTIMEZONE.
 */

const PRODUCT_ID = { company: "Ondernemersagenda", product: "Ondernemersagenda", language: "NL" };

export interface Organizer {
  name: string;
  email: string;
  /**
   * The address the mail comes from, when it is not the ORGANIZER's (RFC 6047 §2.3: the
   * ORGANIZER then says who sent it on its behalf, or Outlook shows "on behalf of" and Gmail
   * may warn).
   */
  sentBy?: string | null;
}

function calendar(method: ICalCalendarMethod) {
  return ical({
    method,
    prodId: PRODUCT_ID,
    // No calendar-wide zone: with one, ical-generator writes DTSTAMP as local time, while
    // RFC 5545 wants UTC. The generator still adds the VTIMEZONE of every event's TZID.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
}

/**
 * RFC 5545 §3.1 makes every content line end in CRLF, the last one too; ical-generator leaves
 * END:VCALENDAR bare, which strict parsers (and some Outlook versions) refuse.
 */
const withFinalLineBreak = (ics: string) => (ics.endsWith("\r\n") ? ics : `${ics}\r\n`);

/** A name as an iCalendar CN parameter: it is quoted, and a quoted value cannot hold a '"'. */
const commonName = (name: string) => name.replace(/["\r\n]+/g, "'").trim();

function brussels(instant: string) {
  return DateTime.fromISO(instant, { zone: TIME_ZONE });
}

/** What a calendar object says about a session; coordinates and the long text where known. */
type EventSession = Pick<
  Session,
  "starts_at" | "ends_at" | "title" | "venue_name" | "venue_address" | "summary"
> &
  Partial<Pick<Session, "description" | "venue_latitude" | "venue_longitude">>;

/**
 * LOCATION and, with both coordinates, GEO. Given as a title only: ical-generator would put an
 * address on a second line, and would add X-APPLE-STRUCTURED-LOCATION only with a radius,
 * which Apple Calendar does not need to find a place it can geocode from this line.
 */
function location(session: EventSession): ICalEventData["location"] {
  const title = oneLinePlace(session);
  const { venue_latitude: lat, venue_longitude: lon } = session;
  if (lat == null || lon == null) return { title };
  return { title, geo: { lat, lon } };
}

/** The session's own words, short then long: what a calendar shows under the event. */
function sessionText(session: EventSession) {
  return [session.summary, session.description ?? ""]
    .map((part) => part.trim())
    .filter(Boolean)
    .join("\n\n");
}

function sessionEvent(session: EventSession, url: string, description: string): ICalEventData {
  return {
    start: brussels(session.starts_at),
    end: brussels(session.ends_at),
    timezone: TIME_ZONE,
    summary: session.title,
    description,
    url,
    location: location(session),
  };
}

function organizerOf({ name, email, sentBy }: Organizer) {
  const differs = sentBy && sentBy.toLowerCase() !== email.toLowerCase();
  return { name: commonName(name), email, ...(differs ? { sentBy } : {}) };
}

export interface InviteInput {
  session: EventSession;
  registration: Pick<Registration, "ical_uid" | "ical_sequence" | "name" | "email" | "locale">;
  organizer: Organizer;
  sessionUrl: string;
  manageUrl: string;
  /** When this version of the invite was made (DTSTAMP). */
  stamp: string;
}

function personalDescription({ session, registration, manageUrl }: InviteInput) {
  const { t } = i18n(isLocale(registration.locale) ? registration.locale : undefined);
  return t("calendar.invite.description", { text: sessionText(session), manageUrl });
}

/** METHOD:REQUEST: the invite itself, and each later version of it (same UID, higher SEQUENCE). */
export function inviteIcs(input: InviteInput): string {
  const { session, registration, organizer, sessionUrl, stamp } = input;
  const cal = calendar(ICalCalendarMethod.REQUEST);
  cal.createEvent({
    ...sessionEvent(session, sessionUrl, personalDescription(input)),
    id: registration.ical_uid,
    sequence: registration.ical_sequence,
    stamp: new Date(stamp),
    status: ICalEventStatus.CONFIRMED,
    organizer: organizerOf(organizer),
    attendees: [
      {
        name: commonName(registration.name),
        email: registration.email,
        rsvp: true,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
      },
    ],
    alarms: [{ type: ICalAlarmType.display, trigger: 60 * 60 }],
  });
  return withFinalLineBreak(cal.toString());
}

/** METHOD:CANCEL: takes the event out of the attendee's calendar. */
export function cancellationIcs(input: InviteInput): string {
  const { session, registration, organizer, sessionUrl, stamp } = input;
  const cal = calendar(ICalCalendarMethod.CANCEL);
  cal.createEvent({
    ...sessionEvent(session, sessionUrl, personalDescription(input)),
    id: registration.ical_uid,
    sequence: registration.ical_sequence,
    stamp: new Date(stamp),
    status: ICalEventStatus.CANCELLED,
    organizer: organizerOf(organizer),
    attendees: [
      {
        name: commonName(registration.name),
        email: registration.email,
        role: ICalAttendeeRole.REQ,
      },
    ],
  });
  return withFinalLineBreak(cal.toString());
}

/** What a published (public) event is made of: the session as the pages show it. */
export type PublishedSession = EventSession &
  Pick<Session, "id" | "slug" | "status" | "updated_at" | "ical_sequence">;

export interface PublishOptions {
  publicUrl: string;
  /** The UID's domain: the site's host name, so UIDs are unique across sites. */
  uidDomain: string;
  /** The language of the session pages the events link to; Dutch when not given. */
  locale?: Locale;
}

/**
 * The session as a public event: the same UID, SEQUENCE and LAST-MODIFIED in its own .ics file
 * and in every feed, so a calendar that has it from both sees one event, updated in place.
 * DTSTAMP is the last change too, so the same session always gives the same bytes (and ETag).
 */
function publishEvent(
  cal: ReturnType<typeof calendar>,
  session: PublishedSession,
  { publicUrl, uidDomain, locale = DEFAULT_LOCALE }: PublishOptions,
) {
  const changed = new Date(session.updated_at);
  const page = localePath(locale, `/sessies/${encodeURIComponent(session.slug)}`);
  cal.createEvent({
    ...sessionEvent(session, `${publicUrl}${page}`, sessionText(session)),
    id: `session-${session.id}@${uidDomain}`,
    sequence: session.ical_sequence,
    stamp: changed,
    lastModified: changed,
    status: session.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** METHOD:PUBLISH: the public "add to calendar" download of a session, no attendee. */
export function sessionIcs(session: PublishedSession, options: PublishOptions): string {
  const cal = calendar(ICalCalendarMethod.PUBLISH);
  publishEvent(cal, session, options);
  return withFinalLineBreak(cal.toString());
}

/** An iCalendar TEXT value: ical-generator writes a calendar's name as it is given. */
const text = (value: string) =>
  value
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .trim();

const ONE_HOUR = 60 * 60;

/**
 * METHOD:PUBLISH with many events: a feed people subscribe to. Calendar apps poll it; the hour
 * is what REFRESH-INTERVAL (RFC 7986) and Outlook's X-PUBLISHED-TTL ask of them.
 */
export function feedIcs(
  feed: { name: string; url: string; sessions: PublishedSession[] },
  options: PublishOptions,
): string {
  const cal = calendar(ICalCalendarMethod.PUBLISH);
  cal.name(text(feed.name));
  cal.source(feed.url);
  cal.ttl(ONE_HOUR);
  for (const session of feed.sessions) publishEvent(cal, session, options);
  return withFinalLineBreak(cal.toString());
}

/**
 * METHOD:DECLINECOUNTER (RFC 5546 §3.2.8): the answer to an attendee's calendar proposing
 * another time. The session's time is the organisers' to set; the invite stays as it was.
 */
export function declineCounterIcs(input: InviteInput, comment: string): string {
  const { session, registration, organizer, sessionUrl, stamp } = input;
  const cal = calendar(ICalCalendarMethod.DECLINECOUNTER);
  cal.createEvent({
    ...sessionEvent(session, sessionUrl, personalDescription(input)),
    id: registration.ical_uid,
    sequence: registration.ical_sequence,
    stamp: new Date(stamp),
    organizer: organizerOf(organizer),
    attendees: [{ name: commonName(registration.name), email: registration.email }],
    x: [["COMMENT", text(comment)]],
  });
  return withFinalLineBreak(cal.toString());
}
