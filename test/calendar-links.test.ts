import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { calendarLinks, oneLinePlace } from "../app/lib/calendar-links";
import { brusselsTimeToInstant } from "../app/lib/time";
import { eraseRegistrationByToken } from "../app/models/erasure.server";
import { cancelRegistration, signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import type { RegistrationMailData } from "../emails/message";
import { registrationConfirmedEmail } from "../emails/registration-confirmed";
import { createSession, outboxFor, person, registrationsOf } from "./support/factories";
import { send } from "./support/http";
import { checkIcs } from "./support/ical-checks";
import { linksOf } from "./support/tokens";

const HOSTILE = 'Koffie & "croissants" #1: 100% gratis?\r\nLOCATION:elders\tén meer';
const event = {
  title: HOSTILE,
  startsAt: brusselsTimeToInstant("2026-12-03", "07:30"),
  endsAt: brusselsTimeToInstant("2026-12-03", "09:00"),
  place: oneLinePlace({
    venue_name: "Romaanse Poort",
    venue_address: "Brusselsestraat 63\n3000 Leuven",
  }),
  details: "Alles over je premie & meer.\nTweede regel #2",
  url: "http://agenda.test/sessies/koffie?x=1&y=2",
};

describe("add-to-calendar links", () => {
  it("give Google the title, UTC times, place and a way back, each value encoded", () => {
    const link = new URL(calendarLinks(event).google);
    expect(`${link.origin}${link.pathname}`).toBe("https://calendar.google.com/calendar/render");
    expect([...link.searchParams.keys()]).toEqual([
      "action",
      "text",
      "dates",
      "details",
      "location",
    ]);
    expect(link.searchParams.get("action")).toBe("TEMPLATE");
    expect(link.searchParams.get("text")).toBe(
      'Koffie & "croissants" #1: 100% gratis? LOCATION:elders én meer',
    );
    // 07:30 in Brussels in December is 06:30 UTC.
    expect(link.searchParams.get("dates")).toBe("20261203T063000Z/20261203T080000Z");
    expect(link.searchParams.get("location")).toBe(
      "Romaanse Poort, Brusselsestraat 63, 3000 Leuven",
    );
    expect(link.searchParams.get("details")).toBe(
      "Alles over je premie & meer.\nTweede regel #2\n\nhttp://agenda.test/sessies/koffie?x=1&y=2",
    );
    expect(link.hash).toBe("");
  });

  it("give Outlook.com and Microsoft 365 the same, spaces as %20 (Outlook shows a + as a +)", () => {
    const links = calendarLinks(event);
    for (const [key, host] of [
      ["outlook", "outlook.live.com"],
      ["office", "outlook.office.com"],
    ] as const) {
      const raw = links[key];
      expect(raw).not.toMatch(/[\s"#+]/);
      const link = new URL(raw);
      expect(`${link.origin}${link.pathname}`).toBe(`https://${host}/calendar/0/deeplink/compose`);
      expect(Object.fromEntries(link.searchParams)).toEqual({
        path: "/calendar/action/compose",
        rru: "addevent",
        subject: 'Koffie & "croissants" #1: 100% gratis? LOCATION:elders én meer',
        startdt: "2026-12-03T06:30:00Z",
        enddt: "2026-12-03T08:00:00Z",
        body: "Alles over je premie & meer.\nTweede regel #2\n\nhttp://agenda.test/sessies/koffie?x=1&y=2",
        location: "Romaanse Poort, Brusselsestraat 63, 3000 Leuven",
      });
    }
  });

  it("keep the hour right in summer time", () => {
    const summer = {
      ...event,
      startsAt: brusselsTimeToInstant("2027-06-10", "19:00"),
      endsAt: brusselsTimeToInstant("2027-06-10", "21:00"),
    };
    const links = calendarLinks(summer);
    expect(new URL(links.google).searchParams.get("dates")).toBe(
      "20270610T170000Z/20270610T190000Z",
    );
    expect(new URL(links.office).searchParams.get("startdt")).toBe("2027-06-10T17:00:00Z");
  });
});

/** A seat given `hoursBefore` the start of a session at 08:00 Brussels time on 3 December. */
function promotedData(hoursBefore: number): RegistrationMailData {
  const startsAt = brusselsTimeToInstant("2026-12-03", "08:00");
  return {
    session: {
      id: 1,
      slug: "ontbijtsessie",
      title: "Ontbijtsessie: premies",
      summary: "Welke premies kan je zaak krijgen?",
      description: "07:30 ontbijt, 08:00 toelichting.",
      venue_name: "Romaanse Poort",
      venue_address: "Brusselsestraat 63, 3000 Leuven",
      venue_latitude: 50.8786,
      venue_longitude: 4.6965,
      starts_at: startsAt,
      ends_at: brusselsTimeToInstant("2026-12-03", "09:30"),
      status: "scheduled",
      city: { slug: "leuven", name: "Leuven" },
      partners: [],
    },
    registration: {
      id: 1,
      ical_uid: "uid-1@ondernemersagenda",
      ical_sequence: 0,
      name: "An Peeters",
      email: "an@example.org",
      locale: "nl-BE",
      status: "confirmed",
    },
    links: { manageToken: "beheer-token", checkinCode: "incheck-code" },
    organizer: { name: "Ondernemersagenda Leuven", email: "agenda@leuven.test" },
    publicUrl: "http://agenda.test",
    now: new Date(Date.parse(startsAt) - hoursBefore * 3_600_000).toISOString(),
  };
}

describe("the mail that confirms a seat", () => {
  it("carries the add-to-calendar links, in the HTML and in the text", async () => {
    const mail = await registrationConfirmedEmail(promotedData(72), "confirmed");
    const links = calendarLinks({
      title: "Ontbijtsessie: premies",
      startsAt: promotedData(0).session.starts_at,
      endsAt: promotedData(0).session.ends_at,
      place: "Romaanse Poort, Brusselsestraat 63, 3000 Leuven",
      details: "Welke premies kan je zaak krijgen?",
      url: "http://agenda.test/sessies/ontbijtsessie",
    });
    for (const href of Object.values(links)) {
      expect(mail.html).toContain(`href="${href.replaceAll("&", "&amp;")}"`);
      expect(mail.text).toContain(href);
    }
    expect(mail.text).toContain("Google Agenda (opent de website van Google)");
    expect(mail.text).toContain("Microsoft 365 (opent de website van Microsoft)");
  });

  it("says plainly when a seat from the waiting list comes less than a day before the start", async () => {
    const tomorrow = await registrationConfirmedEmail(promotedData(20), "promoted");
    expect(tomorrow.text).toContain("de sessie begint al morgen om 08:00");
    const today = await registrationConfirmedEmail(promotedData(3), "promoted");
    expect(today.text).toContain("de sessie begint al vandaag om 08:00");
    for (const hours of [24, 72]) {
      const later = await registrationConfirmedEmail(promotedData(hours), "promoted");
      expect(later.text).not.toContain("begint al");
      expect(later.text).toContain("Goed nieuws: er kwam een plaats vrij");
    }
    // A seat taken at sign-up is no surprise: the usual words.
    const confirmed = await registrationConfirmedEmail(promotedData(3), "confirmed");
    expect(confirmed.text).not.toContain("begint al");
  });

  it("says it when the seat really comes free that late, through the waiting list", async () => {
    const startsAt = new Date(Date.now() + 5 * 3_600_000);
    const session = await createSession({
      capacity: 1,
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    });
    for (const n of [1, 2]) {
      expect((await signUp(session.slug, person(n), { locale: "nl-BE" })).ok).toBe(true);
    }
    const [first] = await registrationsOf(session.id);
    const cancelled = await cancelRegistration((await linksOf(first?.id ?? 0)).manageToken);
    expect(cancelled.ok).toBe(true);
    const mails = await outboxFor(session.id, "deelnemer2@example.org");
    const promoted = mails.find((mail) => mail.kind === "registration.promoted");
    const start = DateTime.fromJSDate(startsAt, { zone: "Europe/Brussels" });
    const day = start.hasSame(DateTime.now().setZone("Europe/Brussels"), "day")
      ? "vandaag"
      : "morgen";
    expect(promoted?.text).toContain(`de sessie begint al ${day} om ${start.toFormat("HH:mm")}`);
  });
});

describe("the person's own invite (/inschrijving/<token>/uitnodiging.ics)", () => {
  const PRIVATE = "private, no-store";

  async function signedUp(capacity = 10) {
    const session = await createSession({ capacity });
    return session;
  }

  it("is the invite of the mail: the same UID and SEQUENCE, METHOD:REQUEST, kept by no cache", async () => {
    const session = await signedUp();
    expect((await signUp(session.slug, person(1), { locale: "nl-BE" })).ok).toBe(true);
    const [registration] = await registrationsOf(session.id);
    const [mail] = await outboxFor(session.id, "deelnemer1@example.org");
    const { manageToken } = await linksOf(registration?.id ?? 0);

    const response = await send(`/inschrijving/${manageToken}/uitnodiging.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(
      "text/calendar; charset=utf-8; method=REQUEST",
    );
    expect(response.headers.get("Cache-Control")).toBe(PRIVATE);
    const downloaded = checkIcs(await response.text(), "REQUEST").events[0];
    const mailed = checkIcs(mail?.ics ?? "", "REQUEST").events[0];
    for (const property of ["uid", "sequence", "dtstart", "dtend", "summary", "location", "url"]) {
      expect(String(downloaded?.getFirstPropertyValue(property)), property).toBe(
        String(mailed?.getFirstPropertyValue(property)),
      );
    }
    expect(String(downloaded?.getFirstPropertyValue("attendee")).toLowerCase()).toBe(
      "mailto:deelnemer1@example.org",
    );
    // A view link of its own, as the mail's invite has; never the manage link.
    expect(downloaded?.getFirstPropertyValue("description")).toMatch(
      /http:\/\/agenda\.test\/inschrijving\/bekijken\/[\w-]+/,
    );
    expect(downloaded?.getFirstPropertyValue("description")).not.toContain(manageToken);
    expect(downloaded?.getFirstProperty("attendee")?.getParameter("partstat")).toBe("NEEDS-ACTION");

    // Once their calendar accepted, the file says so: importing it asks nothing again.
    await database()
      .db.updateTable("registrations")
      .set({ calendar_reply: "accepted", calendar_replied_at: new Date().toISOString() })
      .where("id", "=", registration?.id ?? 0)
      .execute();
    const accepted = await send(`/inschrijving/${manageToken}/uitnodiging.ics`);
    expect(
      checkIcs(await accepted.text(), "REQUEST")
        .events[0]?.getFirstProperty("attendee")
        ?.getParameter("partstat"),
    ).toBe("ACCEPTED");

    // After a change was mailed (a higher SEQUENCE), the file is that version.
    await database()
      .db.updateTable("registrations")
      .set({ ical_sequence: 3 })
      .where("id", "=", registration?.id ?? 0)
      .execute();
    const later = await send(`/inschrijving/${manageToken}/uitnodiging.ics`);
    expect(
      checkIcs(await later.text(), "REQUEST").events[0]?.getFirstPropertyValue("sequence"),
    ).toBe(3);
  });

  it("is offered on the manage page of a seat, with the add-to-calendar links", async () => {
    const session = await signedUp();
    expect((await signUp(session.slug, person(1), { locale: "nl-BE" })).ok).toBe(true);
    const [registration] = await registrationsOf(session.id);
    const { manageToken } = await linksOf(registration?.id ?? 0);
    const html = await (await send(`/inschrijving/${manageToken}`)).text();
    expect(html).toContain(`href="/inschrijving/${manageToken}/uitnodiging.ics"`);
    expect(html).toContain("https://calendar.google.com/calendar/render?");
    expect(html).toContain("https://outlook.office.com/calendar/0/deeplink/compose?");
  });

  it("is 409 while waiting or once cancelled, 410 once erased, 404 for a link to no one", async () => {
    const session = await signedUp(1);
    for (const n of [1, 2]) {
      expect((await signUp(session.slug, person(n), { locale: "nl-BE" })).ok).toBe(true);
    }
    const [seat, waiting] = await registrationsOf(session.id);
    expect(waiting?.status).toBe("waitlisted");
    const waitingToken = (await linksOf(waiting?.id ?? 0)).manageToken;
    const seatToken = (await linksOf(seat?.id ?? 0)).manageToken;
    const get = (token: string) => send(`/inschrijving/${token}/uitnodiging.ics`);

    const waitingAnswer = await get(waitingToken);
    expect(waitingAnswer.status).toBe(409);
    expect(waitingAnswer.headers.get("Cache-Control")).toBe(PRIVATE);
    expect(await (await send(`/inschrijving/${waitingToken}`)).text()).not.toContain(
      "uitnodiging.ics",
    );

    // The session is cancelled: the mail took the event out of calendars; no invite brings it back.
    await database()
      .db.updateTable("sessions")
      .set({ status: "cancelled" })
      .where("id", "=", session.id)
      .execute();
    expect((await get(seatToken)).status).toBe(409);
    await database()
      .db.updateTable("sessions")
      .set({ status: "scheduled" })
      .where("id", "=", session.id)
      .execute();
    expect((await get(seatToken)).status).toBe(200);

    expect((await cancelRegistration(seatToken)).ok).toBe(true);
    expect((await get(seatToken)).status).toBe(409);

    expect((await eraseRegistrationByToken(seatToken)).ok).toBe(true);
    const erased = await get(seatToken);
    expect(erased.status).toBe(410);
    expect(erased.headers.get("Cache-Control")).toBe(PRIVATE);

    const unknown = await get("geen-geldige-link");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("Cache-Control")).toBe(PRIVATE);
  });
});
