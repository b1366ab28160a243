import type { nlBEGdpr } from "./nl-BE.gdpr";

/**
 * English (Belgium): a person's own data: downloading what is kept about a registration, erasing
 * it from the manage page, the page an erased registration's link shows, and the admin's erasure
 * by address.
 */
export const enBEGdpr = {
  "gdpr.section.title": "Your data",
  "gdpr.section.body":
    "Download everything we keep about this registration, or have your data erased. Erasing cancels your registration if it’s still active; after that, this link no longer works.",
  "gdpr.download": "Download my data (JSON)",
  "gdpr.erase": "Erase my data",
  "gdpr.confirmTitle": "Do you want to erase your data?",
  "gdpr.confirmBody":
    "We cancel your registration if it’s still active (your calendar gets a cancellation) and replace your name, email address, organisation, enterprise number and your answers to the session’s questions with nothing. This can’t be undone.",
  "gdpr.confirm": "Yes, erase my data",
  "gdpr.keep": "No, keep my data",
  "gdpr.erasedTitle": "This data has been erased",
  "gdpr.erasedBody":
    "The personal data of this registration has been erased, at the attendee’s request or after the retention period. That’s why this link no longer works.",
  "gdpr.backHome": "Go to the calendar",

  "admin.nav.personalData": "Personal data",
  "gdpr.admin.title": "Erase personal data",
  "gdpr.admin.intro":
    "Has someone asked for their data to be erased? Enter the email address: all registrations with that address, for all sessions, are cancelled if still active and then anonymised. People on the waiting list move up.",
  "gdpr.admin.email": "Email address",
  "gdpr.admin.submit": "Erase data",
  "gdpr.admin.confirm": "I confirm that this person has asked for erasure.",
  "gdpr.admin.invalidEmail": "Please enter a valid email address.",
  "gdpr.admin.confirmRequired": "Please confirm that the person has asked for erasure.",
  "gdpr.admin.errors.form": "Nothing has been erased yet. Please correct the fields we’ve marked.",
  "gdpr.admin.done":
    "{count, plural, =0 {No registrations found for this address: nothing has been erased.} one {One registration erased.} other {# registrations erased.}}",

  "news.optIn":
    "Yes, also send me news for entrepreneurs from the {city} (optional, separate from this registration). You can unsubscribe at any time with one click.",
  "news.title": "News from the city",
  "news.subscribed":
    "On {date} you chose to receive news for entrepreneurs from the city. One click stops it.",
  "news.withdraw": "No more news",
  "news.withdrawn": "You’ll no longer receive news from the city.",
} satisfies Record<keyof typeof nlBEGdpr, string>;
