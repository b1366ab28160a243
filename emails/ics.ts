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
import { i18n, isLocale } from "../app/i18n";
import { TIME_ZONE } from "../app/lib/time";
import type { SessionDetail } from "../app/models/session.server";
import type { Registration } from "../db/schema";

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

/** A name as an iCalendar CN parameter: it is quoted, and a quoted value cannot hold a '"'. */
const commonName = (name: string) => name.replace(/["\r\n]+/g, "'").trim();

function brussels(instant: string) {
  return DateTime.fromISO(instant, { zone: TIME_ZONE });
}

type EventSession = Pick<
  SessionDetail,
  "starts_at" | "ends_at" | "title" | "venue_name" | "venue_address" | "summary"
>;

function sessionEvent(session: EventSession, url: string, description: string): ICalEventData {
  return {
    start: brussels(session.starts_at),
    end: brussels(session.ends_at),
    timezone: TIME_ZONE,
    summary: session.title,
    description,
    url,
    location: { title: session.venue_name, address: session.venue_address },
  };
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
  return t("ics.description", { summary: session.summary, manageUrl });
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
    organizer: { ...organizer, name: commonName(organizer.name) },
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
  return cal.toString();
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
    organizer: { ...organizer, name: commonName(organizer.name) },
    attendees: [
      {
        name: commonName(registration.name),
        email: registration.email,
        role: ICalAttendeeRole.REQ,
      },
    ],
  });
  return cal.toString();
}

/** METHOD:PUBLISH: the public "add to calendar" download of a session, no attendee. */
export function sessionIcs(session: SessionDetail, sessionUrl: string, uidDomain: string): string {
  const cal = calendar(ICalCalendarMethod.PUBLISH);
  cal.createEvent({
    ...sessionEvent(session, sessionUrl, session.summary),
    id: `session-${session.id}@${uidDomain}`,
    stamp: new Date(session.updated_at),
    status: session.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
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
    organizer: { ...organizer, name: commonName(organizer.name) },
    attendees: [{ name: commonName(registration.name), email: registration.email }],
    x: [["COMMENT", comment]],
  });
  return cal.toString();
}
