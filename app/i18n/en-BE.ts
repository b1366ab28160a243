import type { nlBE } from "./nl-BE";

/**
 * English (Belgium): the public pages and their mail. Translates nl-BE.ts key for key.
 * ICU message syntax, as in nl-BE.ts; typographic apostrophes (’) keep ICU quoting out of the way.
 */
export const enBE = {
  "site.name": "Ondernemersagenda",
  "site.tagline": "Free sessions for entrepreneurs in your city",
  "site.skipToContent": "Skip to content",
  "site.organisers": "For organisers",
  "language.switch": "Language",
  "language.suggestion": "This page is also available in English.",
  "language.suggestionLink": "Read it in English",
  "language.dismiss": "Close",
  "site.footer":
    "Info sessions, breakfast sessions and start-up forums by the cities and their economic partners. Taking part is free.",

  "kind.info": "Info session",
  "kind.breakfast": "Breakfast session",
  "kind.forum": "Start-up forum",
  "kind.plural.info": "Info sessions",
  "kind.plural.breakfast": "Breakfast sessions",
  "kind.plural.forum": "Start-up forums",
  "language.nl": "Dutch",
  "language.en": "English",
  "language.fr": "French",

  "home.title": "Sessions for entrepreneurs",
  "home.intro":
    "Info sessions, breakfast sessions and start-up forums by your city and its partners. Free, and signing up takes a minute.",
  "home.count":
    "{count, plural, =0 {No sessions found} one {# session coming up} other {# sessions coming up}}",
  "home.empty":
    "There are no sessions coming up that match your choice. Try another city or kind of session.",
  "home.byCity": "Sessions by city",
  "filter.legend": "Filter sessions",
  "filter.city": "City",
  "filter.allCities": "All cities",
  "filter.kind": "Kind of session",
  "filter.allKinds": "All kinds",
  "filter.language": "Language",
  "filter.allLanguages": "All languages",
  "filter.submit": "Show sessions",
  "filter.reset": "Clear filters",

  "city.title": "Sessions in {city}",
  "city.intro": "All upcoming sessions for entrepreneurs in {city}, the next one first.",
  "city.others": "Other cities",

  "availability.open": "{seats, plural, one {# place left} other {# places left}}",
  "availability.waitlist": "Full – waiting list",
  "availability.notYetOpen": "Sign-up opens {date}",
  "availability.closed": "Sign-up closed",
  "availability.past": "Ended",
  "availability.cancelled": "Cancelled",
  "card.withPartners": "With {partners}",
  "card.givenIn": "{language, select, en {In English} fr {In French} other {In Dutch}}",

  "session.when": "When",
  "session.where": "Where",
  "session.organisers": "Organised by",
  "session.language": "Language",
  "session.seats": "Places",
  "session.seatsTaken":
    "{confirmed} of {capacity} places taken{waiting, plural, =0 {} one {, # person on the waiting list} other {, # people on the waiting list}}",
  "session.cityOrganiser": "City of {city}",
  "session.backToList": "All sessions",
  "session.metaDescription": "{kind} in {city} on {date}. {summary}",

  "signup.title": "Sign up",
  "signup.waitlistNotice":
    "This session is full. Join the waiting list: if a place comes free, it’s yours automatically and we’ll send you an invitation.",
  "signup.name": "Name",
  "signup.email": "Email address",
  "signup.emailHint": "We’ll send your confirmation and the calendar invitation here.",
  "signup.organisation": "Organisation or company (optional)",
  "signup.enterpriseNumber": "Enterprise number, KBO/BCE (optional)",
  "signup.enterpriseNumberHint": "Ten digits, for example 0123.456.749",
  "signup.submit": "Sign me up",
  "signup.submitWaitlist": "Put me on the waiting list",
  "signup.submitting": "Just a moment…",
  "signup.unavailable.cancelled": "This session has been cancelled. You can no longer sign up.",
  "signup.unavailable.past": "This session has already taken place.",
  "signup.unavailable.closed": "Sign-up for this session has closed.",
  "signup.unavailable.notYetOpen": "Sign-up opens on {date}.",

  "errors.form": "Your registration hasn’t been sent yet. Please correct the fields we’ve marked.",
  "errors.required": "Please fill in this field.",
  "errors.tooLong": "{max} characters at most.",
  "errors.invalid": "We can’t use this value. Please check it.",
  "errors.name.required": "Please enter your name.",
  "errors.name.tooLong": "Your name can be {max} characters long at most.",
  "errors.text.invalidCharacters": "This field contains characters we can’t use.",
  "errors.email.invalid": "Please enter a valid email address, for example name@company.be.",
  "errors.organisation.tooLong": "Your organisation’s name can be {max} characters long at most.",
  "errors.enterpriseNumber.invalid":
    "This isn’t a valid enterprise number. It has ten digits, for example 0123.456.749.",
  "errors.consent.required": "You can only sign up if you agree to this.",

  "thanks.title": "Thank you for signing up",
  "thanks.body":
    "We’ve sent an email to {email} with all the details and a personal link to view or cancel your registration.",
  "thanks.bodyNoEmail":
    "We’ve sent you an email with all the details and a personal link to view or cancel your registration.",
  "thanks.spam": "Nothing in your inbox after a few minutes? Check your spam folder.",
  "thanks.back": "Back to all sessions",

  "manage.title": "Your registration",
  "manage.status.confirmed": "You’re signed up. We look forward to seeing you.",
  "manage.status.waitlisted":
    "You’re on the waiting list, in position {position}. If a place comes free, it’s yours automatically.",
  "manage.status.cancelled": "This registration has been cancelled.",
  "manage.registeredAs": "Signed up as {name} ({email})",
  "manage.cancel": "Cancel registration",
  "manage.leaveWaitlist": "Leave the waiting list",
  "manage.confirmTitle": "Do you want to cancel your registration?",
  "manage.confirmBody":
    "Your place will go to the first person on the waiting list. As long as places are free, you can sign up again later.",
  "manage.confirm": "Yes, cancel my registration",
  "manage.confirmTitleWaitlisted": "Do you want to leave the waiting list?",
  "manage.confirmBodyWaitlisted":
    "You’ll lose your place on the waiting list. If you decide to come after all, just sign up again.",
  "manage.confirmWaitlisted": "Yes, take me off the waiting list",
  "manage.keep": "No, keep my registration",
  "manage.cancelledNow": "Your registration has been cancelled. We’ve sent you a confirmation.",
  "manage.alreadyCancelled": "This registration was already cancelled. Nothing has changed.",
  "manage.errors.past":
    "This session has already started or is over, so it can no longer be cancelled.",
  "manage.errors.unknownAction":
    "We don’t recognise this action. Please use the buttons on the page.",
  "manage.signUpAgain": "Sign up again",
  "manage.sessionCancelled": "This session will not take place.",

  "notFound.title": "Page not found",
  "notFound.body":
    "This page doesn’t exist (any more). The link may be incomplete, or the session may have been removed.",
  "notFound.link": "Go to all sessions",
  "error.title": "Something went wrong",
  "forbidden.title": "No access",
  "forbidden.body":
    "This page isn’t available to your account. If you think you should be able to see it, please ask an administrator.",
  "error.body": "That shouldn’t have happened. Please try again in a few minutes.",

  "email.greeting": "Hello {name},",
  "email.confirmed.subject": "You’re signed up: {title} on {date}",
  "email.confirmed.intro":
    "You’re signed up for {title}. The calendar invitation is attached to this email.",
  "email.promoted.subject": "A place came free: you’re signed up for {title}",
  "email.promoted.intro":
    "Good news: a place came free for {title} and it’s yours. The calendar invitation is attached to this email.",
  "email.waitlisted.subject": "On the waiting list: {title}",
  "email.waitlisted.intro":
    "{title} is full. You’re on the waiting list, in position {position}. If a place comes free, it’s yours automatically and we’ll send you the calendar invitation.",
  "email.cancelled.subject": "Cancelled: your registration for {title}",
  "email.cancelled.intro":
    "Your registration for {title} has been cancelled. Your place goes to the next person on the waiting list. Want to come after all? Sign up again while places are available.",
  "email.waitlistLeft.subject": "Off the waiting list: {title}",
  "email.waitlistLeft.intro": "You’re no longer on the waiting list for {title}.",
  "email.reminder.subject": "Your registration for {title}",
  "email.reminder.intro.waitlisted":
    "You tried to sign up for {title} again, but you’re already on the waiting list, in position {position}. Use the button below to view your registration.",
  "email.when": "When",
  "email.where": "Where",
  "email.organisers": "Organised by",
  "email.manage": "View or cancel your registration",
  "email.sessionPage": "More about this session",
  "email.cantCome": "Can’t make it after all? Please cancel, so someone else can have your place.",
  "email.cancelLink": "Cancel your registration",
  "email.qrAlt": "QR code to check in at the reception desk",
  "email.qrHint": "Show this code at the reception desk to get in faster.",
  "email.signUpAgain": "Sign up again",
  "email.footer":
    "You’re receiving this email because you signed up through Ondernemersagenda. This link is personal: please don’t forward this email.",
} satisfies Record<keyof typeof nlBE, string>;
