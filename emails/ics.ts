import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAlarmType,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from "ical-generator";
import { DateTime } from "luxon";
import { DEFAULT_LOCALE, i18n, isLocale, type Locale } from "../app/i18n";
import { oneLinePlace } from "../app/lib/calendar-links";
import { localePath } from "../app/lib/locale-path";
import { withoutControlCharacters } from "../app/lib/text";
import { TIME_ZONE } from "../app/lib/time";
import type { CalendarReply, Registration, Session } from "../db/schema";

/**
 * Every calendar object the app emits. Invites follow RFC 5546 and what Outlook, Gmail and
 * Apple Calendar need to treat them as real invitations: METHOD in the body and in the MIME
 * part, a stable UID per registration, SEQUENCE raised when the time changes (RFC 5546 §2.1.4),
 * an ORGANIZER that can receive replies, and Brussels times with their VTIMEZONE. A calendar is
 * often shared, delegated or forwarded: nothing in it opens more than the registration's view
 * page (see app/models/registration-token.server.ts).
 */

const PRODUCT_ID = { company: "Ondernemersagenda", product: "Ondernemersagenda", language: "NL" };
/** PRODUCT_ID as ical-generator writes it, for the object written here by hand. */
const PRODID = `-//${PRODUCT_ID.company}//${PRODUCT_ID.product}//${PRODUCT_ID.language}`;

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

/* Content lines written here ---------------------------------------------------------------- */

/**
 * A parameter value (CN, SENT-BY), quoted and encoded as RFC 6868 says: `^` as `^^`, a line
 * break as `^n`, `"` as `^'`. RFC 5545 has no backslash escapes in parameter values, so a
 * backslash stays one; ical-generator writes them doubled (and a quote as `\"`), which libical
 * reads as more backslashes than ical.js does. That is why the properties that carry a person's
 * name, ORGANIZER and ATTENDEE, are written here.
 */
function parameterValue(value: string): string {
  const encoded = withoutControlCharacters(value, { multiLine: true })
    .replace(/\^/g, "^^")
    .replace(/\n/g, "^n")
    .replace(/"/g, "^'");
  return `"${encoded}"`;
}

/** An iCalendar TEXT value (RFC 5545 §3.3.11): `\`, `;`, `,` and line breaks escaped. */
function textValue(value: string): string {
  return withoutControlCharacters(value, { multiLine: true })
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, "\\n");
}

/** An address as a CAL-ADDRESS: a mailto URI, without anything that could end the line. */
const calAddress = (email: string) => `mailto:${withoutControlCharacters(email).trim()}`;

/**
 * RFC 5545 §3.1: a content line longer than 75 octets goes on in lines that start with a
 * space, never splitting a character's UTF-8 bytes.
 */
function fold(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > 75) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n");
}

/** One content line, folded: `NAME;PARAM=value:value` with the parameters already encoded. */
function contentLine(name: string, parameters: [string, string][], value: string): string {
  const params = parameters.map(([key, encoded]) => `;${key}=${encoded}`).join("");
  return fold(`${name}${params}:${value}`);
}

/** DTSTAMP and other UTC times: `20261125T090000Z`. */
const utcStamp = (instant: string) =>
  new Date(instant)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

function organizerLine({ name, email, sentBy }: Organizer): string {
  const parameters: [string, string][] = [["CN", parameterValue(name)]];
  if (sentBy && sentBy.toLowerCase() !== email.toLowerCase()) {
    parameters.push(["SENT-BY", parameterValue(calAddress(sentBy))]);
  }
  return contentLine("ORGANIZER", parameters, calAddress(email));
}

/** The person's answer to the invite so far: a re-sent invite keeps it (ACCEPTED stays so). */
function participationOf(reply: CalendarReply | null | undefined): string {
  if (reply === "accepted") return "ACCEPTED";
  if (reply === "tentative") return "TENTATIVE";
  return "NEEDS-ACTION";
}

function attendeeLine(
  { name, email, calendar_reply }: InviteInput["registration"],
  { asking }: { asking: boolean },
): string {
  const parameters: [string, string][] = [["ROLE", "REQ-PARTICIPANT"]];
  if (asking) parameters.push(["PARTSTAT", participationOf(calendar_reply)], ["RSVP", "TRUE"]);
  parameters.push(["CN", parameterValue(name)]);
  return contentLine("ATTENDEE", parameters, calAddress(email));
}

/**
 * Adds content lines at the top of every VEVENT ical-generator wrote, before its VALARM (RFC
 * 5545 §3.6.1 puts an event's properties before its alarms). A TEXT value's line breaks are
 * escaped and a folded line goes on after a space, so BEGIN:VEVENT at the start of a line is
 * always the start of an event.
 */
function withLines(ics: string, lines: string[]): string {
  const begin = "\r\nBEGIN:VEVENT\r\n";
  // A function, not a string: a name may hold `$&`, which a replacement string would expand.
  return ics.replaceAll(begin, () => `${begin}${lines.join("\r\n")}\r\n`);
}

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

export interface InviteInput {
  session: EventSession;
  registration: Pick<Registration, "ical_uid" | "ical_sequence" | "name" | "email" | "locale"> & {
    calendar_reply?: CalendarReply | null;
  };
  organizer: Organizer;
  sessionUrl: string;
  /** The registration's view page; null for a message queued before view links existed. */
  viewUrl: string | null;
  /** When this version of the invite was made (DTSTAMP). */
  stamp: string;
}

/** The session's own words, then the view link; never the manage link (see the top of this file). */
function personalDescription({ session, registration, viewUrl }: InviteInput) {
  if (!viewUrl) return sessionText(session);
  const { t } = i18n(isLocale(registration.locale) ? registration.locale : undefined);
  return t("calendar.invite.description", { text: sessionText(session), viewUrl });
}

/**
 * METHOD:REQUEST: the invite itself, and each later version of it (same UID; SEQUENCE raised
 * when the time changed, a newer DTSTAMP otherwise). The attendee's PARTSTAT is their last
 * answer, so a version that does not ask again (a new title, the invite sent again) keeps it.
 */
export function inviteIcs(input: InviteInput): string {
  const { session, registration, organizer, sessionUrl, stamp } = input;
  const cal = calendar(ICalCalendarMethod.REQUEST);
  cal.createEvent({
    ...sessionEvent(session, sessionUrl, personalDescription(input)),
    id: registration.ical_uid,
    sequence: registration.ical_sequence,
    stamp: new Date(stamp),
    status: ICalEventStatus.CONFIRMED,
    alarms: [{ type: ICalAlarmType.display, trigger: 60 * 60 }],
  });
  const people = [organizerLine(organizer), attendeeLine(registration, { asking: true })];
  return withFinalLineBreak(withLines(cal.toString(), people));
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
  });
  const people = [organizerLine(organizer), attendeeLine(registration, { asking: false })];
  return withFinalLineBreak(withLines(cal.toString(), people));
}

/** What a published (public) event is made of: the session as the pages show it. */
export type PublishedSession = EventSession &
  Pick<Session, "id" | "slug" | "status" | "updated_at" | "ical_sequence">;

export interface PublishOptions {
  publicUrl: string;
  /** The UID's domain: the site's host name, so UIDs are unique across sites. */
  uidDomain: string;
  /** Who publishes the events: the invites' ORGANIZER (RFC 5546 §3.2.1 wants one in PUBLISH). */
  organizer: Organizer;
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
  return withFinalLineBreak(withLines(cal.toString(), [organizerLine(options.organizer)]));
}

/** A one-line TEXT value: ical-generator writes a calendar's name as it is given. */
const text = (value: string) => textValue(value.replace(/[\r\n]+/g, " ").trim());

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
  return withFinalLineBreak(withLines(cal.toString(), [organizerLine(options.organizer)]));
}

/**
 * METHOD:DECLINECOUNTER: the answer to an attendee's calendar proposing another time. The
 * session's time is the organisers' to set; the invite stays as it was. RFC 5546 §3.2.8 allows
 * in its VEVENT only DTSTAMP, ORGANIZER and UID (one each), SEQUENCE (the invite's, required
 * when not 0), COMMENT, RECURRENCE-ID (for an instance of a recurring event), REQUEST-STATUS
 * and X- properties; no ATTENDEE, no DTSTART, SUMMARY, LOCATION, DESCRIPTION or URL, no
 * VTIMEZONE and no VALARM. ical-generator always writes an event's start, so it is written here.
 */
export function declineCounterIcs(
  { registration, organizer, stamp }: Pick<InviteInput, "registration" | "organizer" | "stamp">,
  comment: string,
): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "METHOD:DECLINECOUNTER",
    "BEGIN:VEVENT",
    contentLine("UID", [], textValue(registration.ical_uid)),
    // libical's restriction table refuses SEQUENCE here; RFC 5546 wants it when it is not 0.
    ...(registration.ical_sequence > 0 ? [`SEQUENCE:${registration.ical_sequence}`] : []),
    `DTSTAMP:${utcStamp(stamp)}`,
    organizerLine(organizer),
    contentLine("COMMENT", [], textValue(comment)),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.join("\r\n")}\r\n`;
}
