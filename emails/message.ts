import { type I18n, i18n, isLocale } from "../app/i18n";
import { localePath } from "../app/lib/locale-path";
import type { SessionDetail } from "../app/models/session.server";
import type { Registration } from "../db/schema";
import type { Organizer } from "./ics";

/** What every message module returns: ready to store in the outbox and send as it is. */
export interface MailContent {
  subject: string;
  html: string;
  text: string;
  ics?: { method: "REQUEST" | "CANCEL" | "DECLINECOUNTER"; content: string };
}

/** What a message says about a session: stored with the message, so only what mails show. */
export type MailSession = Pick<
  SessionDetail,
  | "id"
  | "slug"
  | "title"
  | "summary"
  | "description"
  | "venue_name"
  | "venue_address"
  | "venue_latitude"
  | "venue_longitude"
  | "starts_at"
  | "ends_at"
  | "status"
  | "city"
  | "partners"
>;

/** What a message says about a registration: stored with the message, so only what mails show. */
export type MailRegistration = Pick<
  Registration,
  "id" | "ical_uid" | "ical_sequence" | "name" | "email" | "locale" | "status"
> & {
  /** The person's last answer to the invite, carried in its PARTSTAT; absent in older messages. */
  calendar_reply?: Registration["calendar_reply"];
};

/**
 * What every registration message is made from: a plain JSON snapshot, taken when the message
 * is queued and rendered by the worker just before sending (emails/render.server.ts).
 */
export interface RegistrationMailData {
  session: MailSession;
  registration: MailRegistration;
  /**
   * The keys of this mail's links, made for it (only their hashes are stored): the manage page,
   * the check-in QR code of a confirmed seat, and the view page its calendar object links to
   * (absent in a message without one, and in messages queued before view links existed).
   */
  links: { manageToken: string; checkinCode: string | null; viewToken?: string | null };
  organizer: Organizer;
  publicUrl: string;
  /** Place on the waiting list, 1-based, for waitlisted registrations. */
  waitlistPosition?: number | null;
  now: string;
}

/** The person's pages, in the language they signed up in (`/en/inschrijving/…` for English). */
export function mailLinks(data: RegistrationMailData) {
  const { session, links, publicUrl } = data;
  const { locale } = mailI18n(data);
  const page = (path: string) => `${publicUrl}${localePath(locale, path)}`;
  const manageUrl = page(`/inschrijving/${encodeURIComponent(links.manageToken)}`);
  return {
    sessionUrl: page(`/sessies/${encodeURIComponent(session.slug)}`),
    /** The city's page: the other sessions, for someone left without a seat. */
    citySessionsUrl: page(`/steden/${encodeURIComponent(session.city.slug)}`),
    manageUrl,
    /** Opens the manage page at its confirmation step: one click from there cancels. */
    cancelUrl: `${manageUrl}?annuleren`,
    /** For the calendar object: shows the registration, and can only mail the manage link. */
    viewUrl: links.viewToken
      ? page(`/inschrijving/bekijken/${encodeURIComponent(links.viewToken)}`)
      : null,
  };
}

export function mailI18n({ registration }: RegistrationMailData): I18n {
  return i18n(isLocale(registration.locale) ? registration.locale : undefined);
}

/**
 * What emails/ics.ts needs to build this person's invite or its cancellation, stamped now. The
 * manage link stays in the mail: the calendar object gets the view link only.
 */
export function inviteInputOf(data: RegistrationMailData) {
  const { sessionUrl, viewUrl } = mailLinks(data);
  return { ...data, sessionUrl, viewUrl, stamp: data.now };
}
