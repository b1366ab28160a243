import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { brusselsTimeToInstant } from "../app/lib/time";
import type { SessionDetail } from "../app/models/session.server";
import type { Registration } from "../db/schema";
import { cancellationIcs, inviteIcs, sessionIcs } from "../emails/ics";

function session(date: string, from: string, to: string): SessionDetail {
  return {
    id: 7,
    slug: "ontbijtsessie-vergunningen",
    city_id: 1,
    kind: "breakfast",
    title: "Ontbijtsessie: vergunningen, terrassen; en meer",
    summary: "Alles over je terrasvergunning, met koffie.",
    description: "",
    venue_name: "Stadhuis Leuven",
    venue_address: "Grote Markt 9, 3000 Leuven",
    starts_at: brusselsTimeToInstant(date, from),
    ends_at: brusselsTimeToInstant(date, to),
    capacity: 40,
    registration_opens_at: null,
    registration_closes_at: null,
    language: "nl",
    status: "scheduled",
    created_at: "2026-11-01T10:00:00.000Z",
    updated_at: "2026-11-01T10:00:00.000Z",
    ical_sequence: 0,
    previous_starts_at: null,
    venue_latitude: null,
    venue_longitude: null,
    remind_day_before: 1,
    remind_two_hours: 1,
    city: { slug: "leuven", name: "Leuven" },
    partners: [],
    confirmedCount: 0,
    waitlistCount: 0,
  };
}

const registration = {
  ical_uid: "3b1f0c1e-1111-4a4a-8888-123456789abc@ondernemersagenda",
  ical_sequence: 0,
  name: 'Sofie "Fee" Claes\r\nATTENDEE:mailto:evil@example.org',
  email: "sofie@example.org",
  locale: "nl-BE",
} satisfies Partial<Registration>;

const input = (s: SessionDetail, sequence = 0) => ({
  session: s,
  registration: { ...registration, ical_sequence: sequence },
  organizer: { name: "Stad Leuven", email: "agenda@leuven.test" },
  sessionUrl: "http://agenda.test/sessies/ontbijtsessie-vergunningen",
  manageUrl: "http://agenda.test/inschrijving/abc",
  stamp: "2026-11-25T09:00:00.000Z",
});

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT");
  return { calendar, event };
}

describe("calendar invites", () => {
  it("has everything RFC 5546 asks of a REQUEST, with Brussels times and their VTIMEZONE", () => {
    const ics = inviteIcs(input(session("2026-12-03", "07:30", "09:00")));
    expect(ics).toContain("\r\n");
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const { calendar, event } = parse(ics);

    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("uid")).toBe(registration.ical_uid);
    expect(event.getFirstPropertyValue("sequence")).toBe(0);
    expect(String(event.getFirstPropertyValue("organizer"))).toBe("mailto:agenda@leuven.test");
    expect(event.getFirstPropertyValue("summary")).toBe(
      "Ontbijtsessie: vergunningen, terrassen; en meer",
    );
    expect(event.getFirstPropertyValue("location")).toContain("Grote Markt 9, 3000 Leuven");
    expect(event.getFirstPropertyValue("url")).toBe(
      "http://agenda.test/sessies/ontbijtsessie-vergunningen",
    );
    expect(event.getFirstPropertyValue("description")).toContain(
      "http://agenda.test/inschrijving/abc",
    );

    const stamp = event.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.zone?.tzid).toBe("UTC");

    const start = event.getFirstProperty("dtstart") as ICAL.Property;
    expect(start.getParameter("tzid")).toBe("Europe/Brussels");
    expect((start.getFirstValue() as ICAL.Time).toString()).toBe("2026-12-03T07:30:00");
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe(
      "Europe/Brussels",
    );

    // Resolved through the VTIMEZONE, the start is the right instant: 06:30 UTC in winter.
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent("vtimezone") as ICAL.Component);
    const time = (start.getFirstValue() as ICAL.Time).clone();
    time.zone = zone;
    expect(time.toJSDate().toISOString()).toBe("2026-12-03T06:30:00.000Z");
  });

  it("keeps the hour right on the far side of a daylight-saving change", () => {
    const { calendar, event } = parse(inviteIcs(input(session("2027-04-06", "07:30", "09:00"))));
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent("vtimezone") as ICAL.Component);
    const time = (event.getFirstPropertyValue("dtstart") as ICAL.Time).clone();
    time.zone = zone;
    expect(time.toJSDate().toISOString()).toBe("2027-04-06T05:30:00.000Z");
  });

  it("invites the attendee with RSVP, and a name cannot add properties", () => {
    const { event } = parse(inviteIcs(input(session("2026-12-03", "07:30", "09:00"))));
    const attendees = event.getAllProperties("attendee");
    expect(attendees).toHaveLength(1);
    expect(String(attendees[0]?.getFirstValue()).toLowerCase()).toBe("mailto:sofie@example.org");
    expect(attendees[0]?.getParameter("rsvp")).toBe("TRUE");
    expect(attendees[0]?.getParameter("cn")).toBe(
      "Sofie 'Fee' Claes'ATTENDEE:mailto:evil@example.org",
    );
  });

  it("cancels with the same UID, a higher SEQUENCE, STATUS:CANCELLED and no alarm", () => {
    const { calendar, event } = parse(
      cancellationIcs(input(session("2026-12-03", "07:30", "09:00"), 1)),
    );
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.getFirstPropertyValue("uid")).toBe(registration.ical_uid);
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("organizer")).toBeTruthy();
    expect(event.getAllSubcomponents("valarm")).toEqual([]);
  });

  it("publishes a session for 'add to calendar' without any attendee", () => {
    const { calendar, event } = parse(
      sessionIcs(session("2026-12-03", "07:30", "09:00"), "http://x", "agenda.test"),
    );
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(event.getFirstPropertyValue("uid")).toBe("session-7@agenda.test");
    expect(event.getAllProperties("attendee")).toEqual([]);
  });
});
