import { describe, expect, it } from "vitest";
import type { Locale } from "../app/i18n";
import type { RegistrationMailData } from "../emails/message";
import { type MailKind, type MailSnapshot, renderSnapshot } from "../emails/render.server";

/**
 * Every kind of mail the app sends, rendered in each language as the worker renders it: a new
 * kind cannot be added without an entry here (the table is typed by kind), so none ships in
 * Dutch only. Subject, text and the invite's own words are checked; the session's title and
 * place are data, and these carry words that are the same in every language.
 */

/** Words only a Dutch text has: one of them in a French or English mail is a text left behind. */
const DUTCH_WORDS =
  /\b(je|jouw|jij|uw|inschrijving|ingeschreven|schrijf|wachtlijst|sessie|niet|geen|geannuleerd|bekijk|uitnodiging|herinnering|wanneer|waar|dag|plaats|vrij|met|voor|van|het|een|naar|wachtwoord|kies|deze|werkruimte|organisator|bericht)\b/i;

const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, "");

const PUBLIC_URL = "https://agenda.test";

function registrationMail(
  locale: Locale,
  status: "confirmed" | "waitlisted" | "cancelled" | "requested" | "declined" | "expired",
): RegistrationMailData {
  return {
    session: {
      id: 1,
      slug: "pitch-night",
      title: "Pitch Night",
      summary: "Pitch, feedback, drinks.",
      description: "",
      venue_name: "Hal 5",
      venue_address: "Kessel-Lo",
      venue_latitude: null,
      venue_longitude: null,
      starts_at: "2026-12-03T18:00:00.000Z",
      ends_at: "2026-12-03T20:00:00.000Z",
      status: "scheduled",
      city: { slug: "leuven", name: "Leuven" },
      partners: [{ slug: "unizo", name: "Unizo", website: null }],
    },
    registration: {
      id: 1,
      ical_uid: "registration-1@agenda.test",
      ical_sequence: 1,
      name: "Amira",
      email: "amira@example.org",
      locale,
      status,
    },
    links: {
      manageToken: "manage-token-123",
      checkinCode: status === "confirmed" ? "code-123456" : null,
      viewToken: "view-token-123",
    },
    organizer: { name: "Stad Leuven", email: "agenda@leuven.test" },
    publicUrl: PUBLIC_URL,
    waitlistPosition: status === "waitlisted" ? 2 : null,
    now: "2026-11-26T10:00:00.000Z",
  };
}

type DataOf<K extends MailKind> = Extract<MailSnapshot, { kind: K }>["data"];

/** One example of each kind, in a language. */
function examples(locale: Locale): { [K in MailKind]: DataOf<K> } {
  const seat = registrationMail(locale, "confirmed");
  const waiting = registrationMail(locale, "waitlisted");
  const cancelled = registrationMail(locale, "cancelled");
  const requested = registrationMail(locale, "requested");
  const password = { name: "Camille", url: `${PUBLIC_URL}/x`, validMinutes: 60, locale };
  return {
    "registration.confirmed": seat,
    "registration.promoted": seat,
    "registration.waitlisted": waiting,
    "registration.reminder": waiting,
    "registration.manageLink": seat,
    "registration.backOnWaitlist": waiting,
    "registration.cancelled": { ...cancelled, previousStatus: "confirmed" },
    "registration.requested": requested,
    "registration.requestDeclined": {
      ...registrationMail(locale, "declined"),
      reason: "Pitch, feedback, drinks.",
    },
    "registration.requestExpired": registrationMail(locale, "expired"),
    "registration.declined": cancelled,
    "registration.refreshed": seat,
    "registration.counterDeclined": seat,
    "registration.detailsUpdated": seat,
    "session.updated": {
      ...seat,
      changes: {
        time: {
          from: { startsAt: "2026-12-02T18:00:00.000Z", endsAt: "2026-12-02T20:00:00.000Z" },
          to: { startsAt: "2026-12-03T18:00:00.000Z", endsAt: "2026-12-03T20:00:00.000Z" },
        },
        place: {
          from: { venueName: "Hal 5", venueAddress: "Kessel-Lo" },
          to: { venueName: "Hal 6", venueAddress: "Kessel-Lo" },
        },
        description: true,
      },
    },
    "session.cancelled": { ...seat, note: null },
    "session.reminder": { ...seat, reminder: "dayBefore" },
    "session.thankYou": { ...seat, links: { ...seat.links, checkinCode: null }, surveyToken: "s" },
    "session.missedYou": {
      ...seat,
      links: { ...seat.links, checkinCode: null },
      nextSessions: [
        {
          slug: "pitch-night-2",
          title: "Pitch Night",
          starts_at: "2027-01-07T18:00:00.000Z",
          ends_at: "2027-01-07T20:00:00.000Z",
          venue_name: "Hal 5",
        },
      ],
    },
    "organiser.message": {
      ...seat,
      message: { audience: "confirmed", subject: "Pitch Night", body: "Pitch, feedback, drinks." },
    },
    "organiser.passwordReset": { ...password, purpose: "reset" },
    "organiser.invitation": { ...password, purpose: "invitation", validMinutes: 72 * 60 },
  };
}

/** Kinds whose words depend on the registration: each way a request can reach them. */
function requestVariants(locale: Locale): MailSnapshot[] {
  const requested = registrationMail(locale, "requested");
  const withdrawn = registrationMail(locale, "cancelled");
  return [
    { kind: "registration.cancelled", data: { ...withdrawn, previousStatus: "requested" } },
    { kind: "registration.reminder", data: requested },
    { kind: "session.cancelled", data: { ...requested, note: null } },
    {
      kind: "registration.requestDeclined",
      data: { ...registrationMail(locale, "declined"), reason: null },
    },
  ];
}

const GREETING: Record<Exclude<Locale, "nl-BE">, string> = {
  "fr-BE": "Bonjour",
  "en-BE": "Hello",
};

describe("every kind of mail, in French and English", () => {
  for (const locale of ["fr-BE", "en-BE"] as const) {
    for (const [kind, data] of Object.entries(examples(locale))) {
      it(`${locale} ${kind}`, async () => {
        const mail = await renderSnapshot({ kind, data } as MailSnapshot);
        expect(mail.html).toContain(`lang="${locale}"`);
        expect(mail.text).toContain(GREETING[locale]);
        expect(withoutLinks(`${mail.subject}\n${mail.text}`)).not.toMatch(DUTCH_WORDS);
        if (mail.ics) {
          const unfolded = mail.ics.content.replace(/\r\n[ \t]/g, "");
          for (const name of ["DESCRIPTION", "COMMENT"]) {
            const value = new RegExp(`^${name}[^:]*:(.*)$`, "m").exec(unfolded)?.[1] ?? "";
            expect(withoutLinks(value.replace(/\\n/g, " ")), name).not.toMatch(DUTCH_WORDS);
          }
        }
        // Every link to a page of this site is to that page in the mail's language (a file, such
        // as the certificate PDF, is in the registration's language whatever its address).
        const prefix = `/${locale.slice(0, 2)}/`;
        const pages = [...mail.text.matchAll(/https:\/\/agenda\.test(\/[^\s)>"]*)/g)]
          .map((match) => match[1] ?? "")
          .filter((path) => !/\.(png|ics|pdf)$|^\/x$|^\/inchecken\//.test(path));
        for (const path of pages) expect(path.startsWith(prefix), path).toBe(true);
      });
    }
  }

  for (const locale of ["fr-BE", "en-BE"] as const) {
    it(`${locale}: a request withdrawn, asked again, cancelled with its session, declined without a reason`, async () => {
      for (const snapshot of requestVariants(locale)) {
        const mail = await renderSnapshot(snapshot);
        expect(mail.ics, snapshot.kind).toBeUndefined();
        expect(withoutLinks(`${mail.subject}\n${mail.text}`), snapshot.kind).not.toMatch(
          DUTCH_WORDS,
        );
      }
    });
  }

  it("a mail queued before organisers had a language is Dutch", async () => {
    const { locale: _, ...before } = examples("nl-BE")["organiser.passwordReset"];
    const mail = await renderSnapshot({ kind: "organiser.passwordReset", data: before });
    expect(mail.html).toContain('lang="nl-BE"');
  });
});
