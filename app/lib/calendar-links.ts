/**
 * "Add to calendar" links for the web calendars that cannot open a file from a page: Google
 * Calendar and Outlook (personal and Microsoft 365). Neither provider documents them; these are
 * the forms both have accepted for years. Times are UTC instants with a Z, so they need no zone.
 */

import type { I18n } from "../i18n";

export interface CalendarLinkEvent {
  title: string;
  /** UTC ISO-8601 instants. */
  startsAt: string;
  endsAt: string;
  /** The place on one line: "venue, address". */
  place: string;
  /** A short text; the session page's address is added after it. */
  details: string;
  url: string;
}

/** One line, for a title or a place: line breaks and control characters become spaces. */
const oneLine = (value: string) =>
  value
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it takes out
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The place on one line, "venue, address": Outlook shows a location as one line and Google
 * uses it as the Maps query, so a line break would cut the address off or search for the
 * venue's name alone. Line breaks inside an address become ", ".
 */
export function oneLinePlace(place: { venue_name: string; venue_address: string }) {
  return [place.venue_name, place.venue_address]
    .flatMap((part) => part.split(/\s*[\r\n]+\s*/))
    .map((part) => oneLine(part))
    .filter(Boolean)
    .join(", ");
}

const body = ({ details, url }: CalendarLinkEvent) =>
  [details.trim(), url].filter(Boolean).join("\n\n");

/**
 * A query string with every value percent-encoded (spaces as %20): Outlook shows a "+" as a
 * plus, so URLSearchParams' form encoding will not do.
 */
function query(values: [string, string][]) {
  return values.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join("&");
}

/** "2026-12-03T06:30:00.000Z" → "20261203T063000Z" */
const compactUtc = (instant: string) =>
  new Date(instant)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** "2026-12-03T06:30:00.000Z" → "2026-12-03T06:30:00Z" */
const plainUtc = (instant: string) => new Date(instant).toISOString().replace(/\.\d{3}/, "");

function googleCalendarLink(event: CalendarLinkEvent): string {
  return `https://calendar.google.com/calendar/render?${query([
    ["action", "TEMPLATE"],
    ["text", oneLine(event.title)],
    ["dates", `${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`],
    ["details", body(event)],
    ["location", oneLine(event.place)],
  ])}`;
}

function outlookLink(host: string, event: CalendarLinkEvent): string {
  return `https://${host}/calendar/0/deeplink/compose?${query([
    ["path", "/calendar/action/compose"],
    ["rru", "addevent"],
    ["subject", oneLine(event.title)],
    ["startdt", plainUtc(event.startsAt)],
    ["enddt", plainUtc(event.endsAt)],
    ["body", body(event)],
    ["location", oneLine(event.place)],
  ])}`;
}

/** Every link at once, as the component and the mail show them. */
export function calendarLinks(event: CalendarLinkEvent) {
  return {
    google: googleCalendarLink(event),
    outlook: outlookLink("outlook.live.com", event),
    office: outlookLink("outlook.office.com", event),
  };
}

/** The three links with their names, each saying whose site it opens (pages and mail alike). */
export function namedCalendarLinks(t: I18n["t"], event: CalendarLinkEvent) {
  const links = calendarLinks(event);
  return [
    { href: links.google, label: t("calendar.add.google"), opens: t("calendar.add.opensGoogle") },
    {
      href: links.outlook,
      label: t("calendar.add.outlook"),
      opens: t("calendar.add.opensMicrosoft"),
    },
    {
      href: links.office,
      label: t("calendar.add.office"),
      opens: t("calendar.add.opensMicrosoft"),
    },
  ];
}
