import ICAL from "ical.js";
import { expect } from "vitest";

/**
 * Checks a calendar object the way a strict receiver would. ical.js parses it (and throws on
 * broken syntax), but it does not check what RFC 5545 and RFC 5546 require beyond syntax (its
 * maintainer in ical.js #413): the line endings, the folding, the properties each METHOD must
 * carry, a VTIMEZONE for every TZID, no floating times, DTSTAMP in UTC. This does.
 */

type Method = "REQUEST" | "CANCEL" | "PUBLISH" | "REPLY" | "DECLINECOUNTER";

/** RFC 5546 §3.2: what each VEVENT of a METHOD must hold ("1+": at least one). */
const REQUIRED: Record<Method, string[]> = {
  PUBLISH: ["uid", "dtstamp", "dtstart", "summary", "organizer"],
  REQUEST: ["uid", "dtstamp", "dtstart", "summary", "organizer", "attendee"],
  CANCEL: ["uid", "dtstamp", "organizer", "sequence"],
  REPLY: ["uid", "dtstamp", "organizer", "attendee"],
  DECLINECOUNTER: ["uid", "dtstamp", "organizer"],
};

/**
 * RFC 5546 §3.2: what a VEVENT of a METHOD must not hold ("0" in its table). A DECLINECOUNTER
 * names the event (UID, SEQUENCE), its ORGANIZER and why (COMMENT), and nothing of the event.
 */
const FORBIDDEN: Partial<Record<Method, { properties: string[]; components: string[] }>> = {
  DECLINECOUNTER: {
    properties: [
      "attach",
      "attendee",
      "categories",
      "class",
      "contact",
      "created",
      "description",
      "dtend",
      "dtstart",
      "duration",
      "exdate",
      "exrule",
      "geo",
      "last-modified",
      "location",
      "priority",
      "rdate",
      "related-to",
      "resources",
      "rrule",
      "status",
      "summary",
      "transp",
      "url",
    ],
    components: ["vtimezone", "valarm"],
  },
};

/** Properties a VEVENT holds at most once (RFC 5545 §3.6.1). */
const AT_MOST_ONCE = [
  "uid",
  "dtstamp",
  "dtstart",
  "dtend",
  "duration",
  "sequence",
  "summary",
  "description",
  "location",
  "geo",
  "status",
  "organizer",
  "url",
  "last-modified",
  "created",
  "class",
  "transp",
];

/** Times that may be local (with their TZID), UTC or a DATE, never floating. */
const ZONED = ["dtstart", "dtend", "recurrence-id", "exdate", "rdate"];
/** Times RFC 5545 wants in UTC. */
const UTC_ONLY = ["dtstamp", "last-modified", "created", "completed"];

/** A time property as jCal: [name, params, type, ...values]. */
type JCalProperty = [string, Record<string, string>, string, ...unknown[]];

function lines(ics: string): string[] {
  expect(ics.endsWith("\r\n"), "the object ends with CRLF, after END:VCALENDAR too").toBe(true);
  expect(/\r(?!\n)|(?<!\r)\n/.test(ics), "every line break is CRLF").toBe(false);
  const all = ics.slice(0, -2).split("\r\n");
  for (const line of all) {
    expect(Buffer.byteLength(line, "utf8"), `folded at 75 octets: ${line}`).toBeLessThanOrEqual(75);
  }
  expect(all[0]).toBe("BEGIN:VCALENDAR");
  expect(all.at(-1)).toBe("END:VCALENDAR");
  return all;
}

function checkTimes(component: ICAL.Component, zones: Set<string>) {
  for (const property of component.jCal[1] as JCalProperty[]) {
    const [name, params, type, ...values] = property;
    if (ZONED.includes(name)) {
      if (type === "date") continue;
      expect(type, `${name} is a DATE-TIME`).toBe("date-time");
      if (params.tzid) {
        expect(zones.has(params.tzid), `a VTIMEZONE for TZID=${params.tzid}`).toBe(true);
        for (const value of values) expect(String(value), `${name} with a TZID`).not.toMatch(/Z$/);
      } else {
        for (const value of values) {
          expect(String(value), `${name} is UTC or has a TZID, never floating`).toMatch(/Z$/);
        }
      }
    }
    if (UTC_ONLY.includes(name)) {
      expect(params.tzid, `${name} has no TZID`).toBeUndefined();
      for (const value of values) expect(String(value), `${name} is in UTC`).toMatch(/Z$/);
    }
  }
}

function checkEvent(event: ICAL.Component, method: Method, zones: Set<string>) {
  const uid = String(event.getFirstPropertyValue("uid") ?? "(no UID)");
  for (const name of REQUIRED[method]) {
    expect(event.hasProperty(name), `${method} ${uid}: ${name.toUpperCase()}`).toBe(true);
  }
  for (const name of FORBIDDEN[method]?.properties ?? []) {
    expect(event.hasProperty(name), `${method} ${uid}: no ${name.toUpperCase()}`).toBe(false);
  }
  for (const name of FORBIDDEN[method]?.components ?? []) {
    expect(event.getAllSubcomponents(name), `${method} ${uid}: no ${name.toUpperCase()}`).toEqual(
      [],
    );
  }
  for (const name of AT_MOST_ONCE) {
    expect(
      event.getAllProperties(name).length,
      `${uid}: one ${name.toUpperCase()} at most`,
    ).toBeLessThanOrEqual(1);
  }
  expect(
    event.hasProperty("dtend") && event.hasProperty("duration"),
    `${uid}: DTEND or DURATION, not both`,
  ).toBe(false);
  checkTimes(event, zones);
  const start = event.getFirstPropertyValue("dtstart") as ICAL.Time | null;
  const end = event.getFirstPropertyValue("dtend") as ICAL.Time | null;
  if (start && end) {
    expect(end.toUnixTime(), `${uid}: DTEND after DTSTART`).toBeGreaterThan(start.toUnixTime());
  }
  const geo = event.getFirstProperty("geo");
  if (geo) {
    const [lat, lon] = geo.getFirstValue() as number[];
    expect(Math.abs(lat ?? 91) <= 90 && Math.abs(lon ?? 181) <= 180, `${uid}: GEO`).toBe(true);
  }
  const status = event.getFirstPropertyValue("status");
  if (status !== null) {
    expect(["TENTATIVE", "CONFIRMED", "CANCELLED"]).toContain(status);
  }
  if (method === "CANCEL") {
    expect(status, `${uid}: a CANCEL says STATUS:CANCELLED`).toBe("CANCELLED");
    expect(event.getAllSubcomponents("valarm"), `${uid}: no alarm in a CANCEL`).toEqual([]);
  }
  if (method === "PUBLISH") {
    expect(event.getAllProperties("attendee"), `${uid}: a PUBLISH names no attendee`).toEqual([]);
  }
  if (method === "REPLY") {
    const attendees = event.getAllProperties("attendee");
    expect(attendees, `${uid}: a REPLY names exactly one attendee`).toHaveLength(1);
    expect(attendees[0]?.getParameter("partstat"), `${uid}: with its PARTSTAT`).toBeTruthy();
  }
  for (const alarm of event.getAllSubcomponents("valarm")) {
    expect(alarm.hasProperty("action") && alarm.hasProperty("trigger"), "VALARM").toBe(true);
  }
}

export interface CheckedCalendar {
  calendar: ICAL.Component;
  events: ICAL.Component[];
  /** The unfolded content lines, for what a test wants to see as written. */
  lines: string[];
}

/**
 * Parses `ics` with ical.js and checks it against RFC 5545/5546 for `method`; fails the test
 * on the first problem. Returns the parsed calendar and its events.
 */
export function checkIcs(ics: string, method: Method): CheckedCalendar {
  const raw = lines(ics);
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe("vcalendar");
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  expect(calendar.getFirstPropertyValue("prodid")).toBeTruthy();
  expect(calendar.getAllProperties("method")).toHaveLength(1);
  expect(calendar.getFirstPropertyValue("method")).toBe(method);

  const zones = new Set<string>();
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    const tzid = zone.getFirstPropertyValue("tzid");
    expect(tzid, "a VTIMEZONE has a TZID").toBeTruthy();
    expect(
      zone.getAllSubcomponents("standard").length + zone.getAllSubcomponents("daylight").length,
      `VTIMEZONE ${tzid} has STANDARD or DAYLIGHT`,
    ).toBeGreaterThan(0);
    zones.add(String(tzid));
  }
  for (const name of FORBIDDEN[method]?.components ?? []) {
    expect(calendar.getAllSubcomponents(name), `${method}: no ${name.toUpperCase()}`).toEqual([]);
  }
  const events = calendar.getAllSubcomponents("vevent");
  if (method !== "PUBLISH") expect(events.length, `a ${method} holds an event`).toBeGreaterThan(0);
  // iTIP: every event of one message is about the same UID (RFC 5546 §1.4).
  if (method !== "PUBLISH") {
    expect(new Set(events.map((e) => e.getFirstPropertyValue("uid"))).size).toBe(1);
  }
  for (const event of events) checkEvent(event, method, zones);
  return { calendar, events, lines: unfold(raw) };
}

function unfold(raw: string[]): string[] {
  const out: string[] = [];
  for (const line of raw) {
    if (/^[ \t]/.test(line) && out.length) out[out.length - 1] += line.slice(1);
    else out.push(line);
  }
  return out;
}
