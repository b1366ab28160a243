import { describe, expect, it } from "vitest";
import { createSession } from "./support/factories";
import { send } from "./support/http";

interface EventData {
  "@type": string;
  name: string;
  description: string;
  url: string;
  startDate: string;
  endDate: string;
  eventStatus: string;
  previousStartDate?: string;
  eventAttendanceMode: string;
  inLanguage: string;
  location: {
    "@type": string;
    name: string;
    address: Record<string, string>;
    geo?: { latitude: number; longitude: number };
  };
  organizer: { name: string }[];
  offers: {
    price: number;
    priceCurrency: string;
    availability: string;
    validFrom: string;
    url: string;
  };
}

/** The page as a search engine reads it: its JSON-LD, and what it shows a person. */
async function sessionPage(slug: string) {
  const html = await (await send(`/sessies/${slug}`)).text();
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  const event = JSON.parse(scripts[0]?.[1] ?? "") as EventData;
  const shown = {
    title: /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1],
    start: /<time dateTime="([^"]+)"/.exec(html)?.[1],
    html,
  };
  return { event, shown };
}

const fromHtml = (text = "") =>
  text
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");

describe("a session page as a schema.org Event", () => {
  it("says what the page shows: name, times with the Brussels offset, place, organisers, a free offer", async () => {
    const session = await createSession({
      title: "Ontbijtsessie: subsidies & premies",
      venue_name: "Romaanse Poort",
      venue_address: "Brusselsestraat 63, 3000 Leuven",
      venue_latitude: 50.8786,
      venue_longitude: 4.6965,
      starts_at: "2027-01-14T07:30:00.000Z",
      ends_at: "2027-01-14T09:00:00.000Z",
      registration_opens_at: "2026-11-01T08:00:00.000Z",
      partners: ["Unizo", "Voka"],
    });
    const { event, shown } = await sessionPage(session.slug);

    expect(event["@type"]).toBe("Event");
    expect(event.name).toBe(fromHtml(shown.title));
    expect(Date.parse(event.startDate)).toBe(Date.parse(shown.start ?? ""));
    expect(event.startDate).toBe("2027-01-14T08:30:00+01:00");
    expect(event.endDate).toBe("2027-01-14T10:00:00+01:00");
    expect(event.eventStatus).toBe("https://schema.org/EventScheduled");
    expect(event.eventAttendanceMode).toBe("https://schema.org/OfflineEventAttendanceMode");
    expect(event.inLanguage).toBe("nl");
    expect(event.location).toMatchObject({
      "@type": "Place",
      name: "Romaanse Poort",
      address: {
        "@type": "PostalAddress",
        streetAddress: "Brusselsestraat 63",
        postalCode: "3000",
        addressLocality: "Leuven",
        addressCountry: "BE",
      },
      geo: { latitude: 50.8786, longitude: 4.6965 },
    });
    expect(shown.html).toContain("Romaanse Poort");
    expect(event.organizer.map((o) => o.name)).toEqual(["Stad Leuven", "Unizo", "Voka"]);
    for (const organizer of event.organizer) expect(shown.html).toContain(organizer.name);
    expect(event.offers).toMatchObject({
      price: 0,
      priceCurrency: "EUR",
      availability: "https://schema.org/InStock",
      validFrom: "2026-11-01T09:00:00+01:00",
      url: `http://agenda.test/sessies/${session.slug}`,
    });
    expect(event.url).toBe(event.offers.url);
  });

  it("says sold out when the waiting list takes the sign-ups, and summer time in summer", async () => {
    const session = await createSession({
      capacity: 1,
      starts_at: "2027-06-10T16:00:00.000Z",
      ends_at: "2027-06-10T18:00:00.000Z",
    });
    await send(`/sessies/${session.slug}`, {
      form: { name: "An Peeters", email: "an@example.org", consent: "on" },
    });
    const { event, shown } = await sessionPage(session.slug);
    expect(event.offers.availability).toBe("https://schema.org/SoldOut");
    expect(shown.html).toContain("wachtlijst");
    expect(event.startDate).toBe("2027-06-10T18:00:00+02:00");
  });

  it("says cancelled, and rescheduled with the start it had before", async () => {
    const cancelled = await createSession({ status: "cancelled" });
    expect((await sessionPage(cancelled.slug)).event.eventStatus).toBe(
      "https://schema.org/EventCancelled",
    );

    const moved = await createSession({
      starts_at: "2027-02-11T07:30:00.000Z",
      ends_at: "2027-02-11T09:00:00.000Z",
      previous_starts_at: "2027-02-04T07:30:00.000Z",
    });
    const { event } = await sessionPage(moved.slug);
    expect(event.eventStatus).toBe("https://schema.org/EventRescheduled");
    expect(event.previousStartDate).toBe("2027-02-04T08:30:00+01:00");
  });

  it("keeps a hostile title inside its JSON", async () => {
    const session = await createSession({
      title: 'Sessie </script><script>alert("x")</script>',
      summary: "Een \u2028 lijn",
    });
    const { event, shown } = await sessionPage(session.slug);
    expect(event.name).toBe('Sessie </script><script>alert("x")</script>');
    expect(shown.html).not.toContain('<script>alert("x")');
    expect(event.description).toBe("Een \u2028 lijn");
  });
});
