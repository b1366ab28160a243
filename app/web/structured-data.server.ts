import { DateTime } from "luxon";
import { TIME_ZONE } from "../lib/time";
import { availabilityOf, type SessionDetail } from "../models/session.server";

/**
 * A session as a schema.org Event in JSON-LD, so that search engines can show it as an event
 * (date, place, free, seats). Everything in it is what the page itself shows.
 */

const SCHEMA = "https://schema.org/";

/** The instant with the Brussels offset of its day: "2026-12-03T07:30:00+01:00". */
const brussels = (instant: string) =>
  DateTime.fromISO(instant, { zone: TIME_ZONE }).toISO({ suppressMilliseconds: true }) ?? "";

/**
 * "Brusselsestraat 63, 3000 Leuven" as its parts; an address in another shape stays whole as
 * the street, with the session's city as the locality.
 */
function postalAddress(address: string, city: string) {
  const oneLine = address.replace(/\s*[\r\n]+\s*/g, ", ");
  const parts = /^(.*?),\s*(\d{4})\s+([^,]+)$/.exec(oneLine);
  return {
    "@type": "PostalAddress",
    streetAddress: parts?.[1] ?? oneLine,
    postalCode: parts?.[2],
    addressLocality: parts?.[3] ?? city,
    addressCountry: "BE",
  };
}

function offerAvailability(state: ReturnType<typeof availabilityOf>["state"]): string {
  if (state === "open") return `${SCHEMA}InStock`;
  if (state === "notYetOpen") return `${SCHEMA}PreOrder`;
  return `${SCHEMA}SoldOut`;
}

function eventStatus(session: SessionDetail) {
  if (session.status === "cancelled") return { eventStatus: `${SCHEMA}EventCancelled` };
  if (session.previous_starts_at && session.previous_starts_at !== session.starts_at) {
    return {
      eventStatus: `${SCHEMA}EventRescheduled`,
      previousStartDate: brussels(session.previous_starts_at),
    };
  }
  return { eventStatus: `${SCHEMA}EventScheduled` };
}

export function sessionEvent(
  session: SessionDetail,
  { url, now, cityOrganizer }: { url: string; now: string; cityOrganizer: string },
) {
  const hasGeo = session.venue_latitude !== null && session.venue_longitude !== null;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: session.title,
    description: session.summary,
    url,
    startDate: brussels(session.starts_at),
    endDate: brussels(session.ends_at),
    ...eventStatus(session),
    eventAttendanceMode: `${SCHEMA}OfflineEventAttendanceMode`,
    inLanguage: session.language,
    isAccessibleForFree: true,
    location: {
      "@type": "Place",
      name: session.venue_name,
      address: postalAddress(session.venue_address, session.city.name),
      ...(hasGeo
        ? {
            geo: {
              "@type": "GeoCoordinates",
              latitude: session.venue_latitude,
              longitude: session.venue_longitude,
            },
          }
        : {}),
    },
    organizer: [
      { "@type": "GovernmentOrganization", name: cityOrganizer },
      ...session.partners.map((partner) => ({
        "@type": "Organization",
        name: partner.name,
        ...(partner.website ? { url: partner.website } : {}),
      })),
    ],
    offers: {
      "@type": "Offer",
      price: 0,
      priceCurrency: "EUR",
      availability: offerAvailability(availabilityOf(session, session.confirmedCount, now).state),
      validFrom: brussels(session.registration_opens_at ?? session.created_at),
      url,
    },
  };
}
