import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { brusselsTimeToInstant } from "../app/lib/time";
import { signUp } from "../app/models/registration.server";
import type { SessionDetail } from "../app/models/session.server";
import { database } from "../db/client";
import type { Registration } from "../db/schema";
import { cancellationIcs, declineCounterIcs, feedIcs, inviteIcs, sessionIcs } from "../emails/ics";
import { createSession, outboxFor, person, registrationsOf } from "./support/factories";
import { checkIcs } from "./support/ical-checks";

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
    seats_taken: 0,
    waiting_count: 0,
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
    requires_approval: 0,
    max_group_size: 1,
    unlisted: 0,
    email_domains: "",
    send_thank_you: 1,
    send_missed_you: 1,
    follow_up_hours: 2,
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
  viewUrl: "http://agenda.test/inschrijving/bekijken/abc",
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
      "http://agenda.test/inschrijving/bekijken/abc",
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
    expect(attendees[0]?.getParameter("partstat")).toBe("NEEDS-ACTION");
    // The line break is a parameter's `^n` (RFC 6868), not a line of its own.
    expect(attendees[0]?.getParameter("cn")).toBe(
      'Sofie "Fee" Claes\nATTENDEE:mailto:evil@example.org',
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

  it("publishes a session with the invites' ORGANIZER (RFC 5546 §3.2.1), in a feed too", () => {
    const s = session("2026-12-03", "07:30", "09:00");
    const feed = feedIcs(
      { name: "Leuven", url: "http://agenda.test/agenda.ics", sessions: [s, { ...s, id: 8 }] },
      PUBLISH,
    );
    for (const ics of [sessionIcs(s, PUBLISH), feed]) {
      for (const event of checkIcs(ics, "PUBLISH").events) {
        const organizer = event.getFirstProperty("organizer");
        expect(String(organizer?.getFirstValue())).toBe("mailto:agenda@leuven.test");
        expect(organizer?.getParameter("cn")).toBe("Stad Leuven");
      }
    }
  });

  it("publishes a session for 'add to calendar' without any attendee", () => {
    const { calendar, event } = parse(
      sessionIcs(session("2026-12-03", "07:30", "09:00"), { ...PUBLISH, publicUrl: "http://x" }),
    );
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(event.getFirstPropertyValue("uid")).toBe("session-7@agenda.test");
    expect(event.getAllProperties("attendee")).toEqual([]);
  });
});

const PUBLISH = {
  publicUrl: "http://agenda.test",
  uidDomain: "agenda.test",
  organizer: { name: "Stad Leuven", email: "agenda@leuven.test" },
};

describe("what every calendar object must be (RFC 5545/5546)", () => {
  const objects = () => {
    const s = session("2026-12-03", "07:30", "09:00");
    return {
      REQUEST: inviteIcs(input(s)),
      CANCEL: cancellationIcs(input(s, 1)),
      PUBLISH: sessionIcs(s, PUBLISH),
    } as const;
  };

  it("ends every line in CRLF, the one after END:VCALENDAR too", () => {
    for (const [method, ics] of Object.entries(objects())) {
      expect(ics.endsWith("END:VCALENDAR\r\n"), method).toBe(true);
      checkIcs(ics, method as keyof ReturnType<typeof objects>);
    }
  });

  it("passes the checks for its METHOD, with a feed of several sessions too", () => {
    const feed = feedIcs(
      {
        name: "Ondernemersagenda Leuven: ontbijtsessies, met; Unizo\\",
        url: "http://agenda.test/agenda.ics?stad=leuven",
        sessions: [
          session("2026-12-03", "07:30", "09:00"),
          { ...session("2027-04-06", "07:30", "09:00"), id: 8, status: "cancelled" },
        ],
      },
      PUBLISH,
    );
    const { events, lines } = checkIcs(feed, "PUBLISH");
    // A TEXT value, escaped (ical.js leaves X- properties as written, so the line is checked).
    expect(lines).toContain(
      "X-WR-CALNAME:Ondernemersagenda Leuven: ontbijtsessies\\, met\\; Unizo\\\\",
    );
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(lines).toContain("X-PUBLISHED-TTL:PT1H");
    expect(events.map((e) => e.getFirstPropertyValue("status"))).toEqual([
      "CONFIRMED",
      "CANCELLED",
    ]);
  });
});

describe("the place", () => {
  const romaansePoort = {
    ...session("2026-12-03", "07:30", "09:00"),
    venue_name: "Romaanse Poort",
    venue_address: "Brusselsestraat 63\n3000 Leuven",
  };

  it("is one line, venue and address, with the address's line breaks as commas", () => {
    for (const ics of [inviteIcs(input(romaansePoort)), sessionIcs(romaansePoort, PUBLISH)]) {
      const { events, lines } = checkIcs(
        ics,
        ics.includes("METHOD:REQUEST") ? "REQUEST" : "PUBLISH",
      );
      expect(events[0]?.getFirstPropertyValue("location")).toBe(
        "Romaanse Poort, Brusselsestraat 63, 3000 Leuven",
      );
      expect(lines.filter((line) => line.startsWith("LOCATION"))).toEqual([
        "LOCATION:Romaanse Poort\\, Brusselsestraat 63\\, 3000 Leuven",
      ]);
    }
  });

  it("has GEO when both coordinates are known, and none when either is missing", () => {
    const placed = { ...romaansePoort, venue_latitude: 50.8787, venue_longitude: 4.6965 };
    const { events } = checkIcs(inviteIcs(input(placed)), "REQUEST");
    expect(events[0]?.getFirstPropertyValue("geo")).toEqual([50.8787, 4.6965]);
    for (const half of [
      { ...romaansePoort, venue_latitude: 50.8787 },
      { ...romaansePoort, venue_longitude: 4.6965 },
    ]) {
      expect(checkIcs(sessionIcs(half, PUBLISH), "PUBLISH").events[0]?.hasProperty("geo")).toBe(
        false,
      );
    }
  });
});

describe("the invite's text", () => {
  it("carries the summary, the description and then the view link", () => {
    const s = {
      ...session("2026-12-03", "07:30", "09:00"),
      description: "07:30 ontbijt\n\n08:00 toelichting door de dienst Economie",
    };
    const { events } = checkIcs(inviteIcs(input(s)), "REQUEST");
    expect(events[0]?.getFirstPropertyValue("description")).toBe(
      "Alles over je terrasvergunning, met koffie.\n\n07:30 ontbijt\n\n08:00 toelichting door de dienst Economie\n\nJe inschrijving bekijken: http://agenda.test/inschrijving/bekijken/abc\nAnnuleren, of je gegevens downloaden of wissen, doe je met de link in je e-mail.",
    );
  });
});

describe("the invite a sign-up mails", () => {
  it("has a UID in the site's own domain; a registration made before keeps the one it has", async () => {
    const created = await createSession();
    expect((await signUp(created.slug, person(1), { locale: "nl-BE" })).ok).toBe(true);
    const [registration] = await registrationsOf(created.id);
    expect(registration?.ical_uid).toMatch(/^[0-9a-f-]{36}@agenda\.test$/);
    const [mail] = await outboxFor(created.id, "deelnemer1@example.org");
    expect(checkIcs(mail?.ics ?? "", "REQUEST").events[0]?.getFirstPropertyValue("uid")).toBe(
      registration?.ical_uid,
    );

    // Given before UIDs had a domain: calendars know the event by it, so it stays.
    const before = "5c2f7e0a-2222-4b4b-9999-abcdefabcdef@ondernemersagenda";
    await database()
      .db.updateTable("registrations")
      .set({ ical_uid: before })
      .where("id", "=", registration?.id ?? 0)
      .execute();
    expect((await signUp(created.slug, person(1), { locale: "nl-BE" })).ok).toBe(true);
    const again = (await outboxFor(created.id, "deelnemer1@example.org")).at(-1);
    expect(again?.kind).toBe("registration.reminder");
    expect(checkIcs(again?.ics ?? "", "REQUEST").events[0]?.getFirstPropertyValue("uid")).toBe(
      before,
    );
    expect((await registrationsOf(created.id))[0]?.ical_uid).toBe(before);
  });

  it("carries the session's description and its place's GEO, as the downloaded one does", async () => {
    const created = await createSession({
      description: "07:30 ontbijt\n\n08:00 toelichting door de dienst Economie",
      venue_latitude: 50.8786,
      venue_longitude: 4.6965,
    });
    expect((await signUp(created.slug, person(1), { locale: "nl-BE" })).ok).toBe(true);
    const [mail] = await outboxFor(created.id, "deelnemer1@example.org");
    const [event] = checkIcs(mail?.ics ?? "", "REQUEST").events;
    expect(event?.getFirstPropertyValue("description")).toContain(
      "08:00 toelichting door de dienst Economie",
    );
    expect(event?.getFirstPropertyValue("geo")).toEqual([50.8786, 4.6965]);
  });
});

describe("names in parameters (RFC 6868)", () => {
  const HARD = 'Jan \\ "Janneke" ^ Peeters, BV; afd.: verkoop\nLeuven';

  it("reach a calendar as written: ^ and quotes and line breaks encoded, a backslash as it is", () => {
    const ics = inviteIcs({
      ...input(session("2026-12-03", "07:30", "09:00")),
      registration: { ...registration, name: HARD },
      organizer: { name: 'Stad "Leuven" \\ ^ Economie', email: "agenda@leuven.test" },
    });
    const { events, lines } = checkIcs(ics, "REQUEST");
    expect(events[0]?.getFirstProperty("attendee")?.getParameter("cn")).toBe(HARD);
    expect(events[0]?.getFirstProperty("organizer")?.getParameter("cn")).toBe(
      'Stad "Leuven" \\ ^ Economie',
    );
    // As written: RFC 6868's ^^, ^' and ^n; one backslash, as RFC 5545 knows no escapes here.
    expect(lines.find((line) => line.startsWith("ATTENDEE"))).toContain(
      `;CN="Jan \\ ^'Janneke^' ^^ Peeters, BV; afd.: verkoop^nLeuven":mailto:sofie@example.org`,
    );
    const cancel = checkIcs(
      cancellationIcs(input(session("2026-12-03", "07:30", "09:00"), 1)),
      "CANCEL",
    );
    expect(cancel.events[0]?.getFirstProperty("attendee")?.getParameter("cn")).toBe(
      'Sofie "Fee" Claes\nATTENDEE:mailto:evil@example.org',
    );
  });

  it("come through the mail a sign-up queues unchanged", async () => {
    const name = 'An \\ "Anneke" ^ De Smet, BV; dienst: aankoop';
    const created = await createSession();
    expect((await signUp(created.slug, person(1, { name }), { locale: "nl-BE" })).ok).toBe(true);
    const [mail] = await outboxFor(created.id, "deelnemer1@example.org");
    const [event] = checkIcs(mail?.ics ?? "", "REQUEST").events;
    expect(event?.getAllProperties("attendee")).toHaveLength(1);
    expect(event?.getFirstProperty("attendee")?.getParameter("cn")).toBe(name);
  });
});

describe("the attendee's answer", () => {
  it("is carried in the PARTSTAT of an invite sent again: ACCEPTED and TENTATIVE stay", () => {
    const s = session("2026-12-03", "07:30", "09:00");
    const partstat = (calendar_reply: "accepted" | "tentative" | "declined" | null) =>
      checkIcs(
        inviteIcs({ ...input(s), registration: { ...registration, calendar_reply } }),
        "REQUEST",
      )
        .events[0]?.getFirstProperty("attendee")
        ?.getParameter("partstat");
    expect(partstat("accepted")).toBe("ACCEPTED");
    expect(partstat("tentative")).toBe("TENTATIVE");
    expect(partstat(null)).toBe("NEEDS-ACTION");
    expect(partstat("declined")).toBe("NEEDS-ACTION");
  });
});

describe("DECLINECOUNTER (RFC 5546 §3.2.8)", () => {
  const counter = (sequence: number) =>
    declineCounterIcs(
      input(session("2026-12-03", "07:30", "09:00"), sequence),
      "Het tijdstip ligt vast; de organisatie, niet de agenda, kiest het.",
    );

  it("names the event, its organizer and why, and nothing of the event itself", () => {
    const { calendar, events, lines } = checkIcs(counter(2), "DECLINECOUNTER");
    const [event] = events;
    const names = (event?.getAllProperties() ?? []).map((property) => property.name).sort();
    expect(names).toEqual(["comment", "dtstamp", "organizer", "sequence", "uid"]);
    expect(event?.getFirstPropertyValue("uid")).toBe(registration.ical_uid);
    expect(event?.getFirstPropertyValue("sequence")).toBe(2);
    expect(String(event?.getFirstPropertyValue("dtstamp"))).toBe("2026-11-25T09:00:00Z");
    expect(event?.getFirstPropertyValue("comment")).toBe(
      "Het tijdstip ligt vast; de organisatie, niet de agenda, kiest het.",
    );
    expect(calendar.getAllSubcomponents("vtimezone")).toEqual([]);
    expect(lines).toContain("PRODID:-//Ondernemersagenda//Ondernemersagenda//NL");
  });

  it("leaves SEQUENCE out when it is 0, which RFC 5546 allows", () => {
    const { events } = checkIcs(counter(0), "DECLINECOUNTER");
    expect(events[0]?.hasProperty("sequence")).toBe(false);
  });
});

describe("the organizer", () => {
  it("carries SENT-BY when the mail comes from another address than the ORGANIZER's", () => {
    const ics = inviteIcs({
      ...input(session("2026-12-03", "07:30", "09:00")),
      organizer: {
        name: "Stad Leuven",
        email: "agenda@leuven.test",
        sentBy: "noreply@leuven.test",
      },
    });
    const organizer = checkIcs(ics, "REQUEST").events[0]?.getFirstProperty("organizer");
    expect(String(organizer?.getFirstValue())).toBe("mailto:agenda@leuven.test");
    expect(organizer?.getParameter("sent-by")).toBe("mailto:noreply@leuven.test");
  });

  it("is MAIL_FROM itself without CALENDAR_ORGANIZER: no SENT-BY (this file's settings)", async () => {
    const created = await createSession();
    expect((await signUp(created.slug, person(1), { locale: "nl-BE" })).ok).toBe(true);
    const [mail] = await outboxFor(created.id, "deelnemer1@example.org");
    const organizer = checkIcs(mail?.ics ?? "", "REQUEST").events[0]?.getFirstProperty("organizer");
    expect(String(organizer?.getFirstValue())).toBe("mailto:agenda@leuven.test");
    expect(organizer?.getParameter("cn")).toBe("Ondernemersagenda Leuven");
    expect(organizer?.getParameter("sent-by")).toBeUndefined();
  });
});

describe("the public event of a session", () => {
  it("follows the session's SEQUENCE and last change, and says when it is cancelled", () => {
    const s = {
      ...session("2026-12-03", "07:30", "09:00"),
      ical_sequence: 3,
      updated_at: "2026-11-20T08:15:00.000Z",
      status: "cancelled" as const,
    };
    const { events } = checkIcs(sessionIcs(s, PUBLISH), "PUBLISH");
    const event = events[0] as ICAL.Component;
    expect(event.getFirstPropertyValue("sequence")).toBe(3);
    expect(String(event.getFirstPropertyValue("last-modified"))).toBe("2026-11-20T08:15:00Z");
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("url")).toBe(
      "http://agenda.test/sessies/ontbijtsessie-vergunningen",
    );
  });
});

describe("the checker (test/support/ical-checks.ts)", () => {
  const good = inviteIcs(input(session("2026-12-03", "07:30", "09:00")));
  const line = (ics: string, name: string) =>
    ics.split("\r\n").find((l) => l.startsWith(name)) ?? "";

  it("passes a good invite and refuses each thing a strict receiver would", () => {
    expect(() => checkIcs(good, "REQUEST")).not.toThrow();
    const broken: [string, string, "REQUEST" | "CANCEL" | "PUBLISH"][] = [
      ["no CRLF at the end", good.slice(0, -2), "REQUEST"],
      ["bare LF line breaks", good.replaceAll("\r\n", "\n"), "REQUEST"],
      [
        "a line over 75 octets",
        good.replace("SUMMARY:", `X-LONG:${"é".repeat(40)}\r\nSUMMARY:`),
        "REQUEST",
      ],
      ["another METHOD", good, "PUBLISH"],
      ["no ATTENDEE in a REQUEST", good.replace(/ATTENDEE[\s\S]*?\r\n(?! )/, ""), "REQUEST"],
      ["no ORGANIZER in a REQUEST", good.replace(/ORGANIZER[\s\S]*?\r\n(?! )/, ""), "REQUEST"],
      [
        "a floating DTSTART",
        good.replace(line(good, "DTSTART;TZID="), "DTSTART:20261203T073000"),
        "REQUEST",
      ],
      [
        "a TZID without its VTIMEZONE",
        good.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, ""),
        "REQUEST",
      ],
      [
        "DTSTAMP in local time",
        good.replace(line(good, "DTSTAMP"), "DTSTAMP;TZID=Europe/Brussels:20261125T100000"),
        "REQUEST",
      ],
      ["a CANCEL that is not CANCELLED", good.replace("METHOD:REQUEST", "METHOD:CANCEL"), "CANCEL"],
      ["two SUMMARY", good.replace("SUMMARY:", "SUMMARY:x\r\nSUMMARY:"), "REQUEST"],
    ];
    for (const [what, ics, method] of broken) {
      expect(() => checkIcs(ics, method), what).toThrow();
    }
  });
});
