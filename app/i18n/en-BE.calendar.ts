import type { nlBECalendar } from "./nl-BE.calendar";

/**
 * English (Belgium): what the app writes about calendars: feeds, add-to-calendar links, the person's own invite.
 * ICU message syntax, as in nl-BE.ts.
 */
export const enBECalendar = {
  // The invite's DESCRIPTION: the session's own words, then the link to the view page.
  "calendar.invite.description":
    "{text}\n\nYour registration: {viewUrl}\nTo cancel it, or to download or erase your data, use the link in your email.",

  // The view page, which the link in the invite opens.
  "view.title": "Registration",
  "view.registeredAs": "In the name of {name}",
  "view.mailLink.title": "Cancel your registration or manage your data?",
  "view.mailLink.body":
    "Use the personal link in your email. Lost it? We send it again to this registration’s email address.",
  "view.mailLink.submit": "Send me the link",
  "view.linkSent":
    "If this is your registration, an email with the link is on its way to the address you signed up with.",
  "email.manageLink.intro":
    "You asked, through the link in your calendar, for the link to your registration for {title}. With the button below you can view or cancel it, and download or erase your data. Didn’t ask for this? Then there is nothing to do.",

  // A feed's name in the calendar app (X-WR-CALNAME): "Ondernemersagenda Leuven: breakfast sessions".
  "calendar.feed.name": "Ondernemersagenda",
  "calendar.feed.nameCity": "Ondernemersagenda {city}",
  "calendar.feed.nameWith": "{name}: {what}",
  "calendar.feed.sessions": "sessions",
  "calendar.feed.kind.info": "info sessions",
  "calendar.feed.kind.breakfast": "breakfast sessions",
  "calendar.feed.kind.forum": "start-up forums",
  "calendar.feed.withPartner": "{what} with {partner}",

  // The subscribe block on the home, city and partner pages.
  "calendar.subscribe.title": "Always have the latest sessions in your calendar",
  "calendar.subscribe.body":
    "Subscribe to the calendar ‘{name}’, and new sessions and changes will appear in your calendar app automatically.",
  "calendar.subscribe.webcal": "Subscribe in your calendar",
  "calendar.subscribe.download": "Download the calendar as a file (.ics)",
  "calendar.subscribe.downloadHint":
    "Subscribing doesn’t work? Then copy the link to the file and add it in your calendar app as an internet calendar.",

  // Add-to-calendar links: session page, confirmation mail, manage page.
  "calendar.add.title": "Add to your calendar",
  "calendar.add.google": "Google Calendar",
  "calendar.add.outlook": "Outlook.com",
  "calendar.add.office": "Microsoft 365",
  "calendar.add.opensGoogle": "(opens Google’s website)",
  "calendar.add.opensMicrosoft": "(opens Microsoft’s website)",
  "calendar.add.ics": "Apple Calendar, Outlook or another app (.ics)",
  "calendar.add.mailIntro":
    "Don’t see the invitation in your calendar? Then add the session yourself, with one of these links:",

  // The manage page: the person's own invite as a file.
  "calendar.manage.title": "In your calendar",
  "calendar.manage.invite": "Download your invitation (.ics)",
  "calendar.manage.inviteHint":
    "This is the same invitation as the one in your email: if you add both to your calendar, the session still appears only once.",

  // The promotion mail, when the seat comes free less than a day before the start.
  "calendar.promoted.soon":
    "A place came free for {title} and it’s yours. Please note: the session starts {day, select, today {today} other {tomorrow}} at {time}. Can’t make it after all? Please cancel straight away, so someone else can still have your place. The calendar invitation is attached to this email.",

  // The partner page.
  "partner.title": "Sessions with {partner}",
  "partner.intro": "The upcoming sessions that {partner} is co-organising.",
  "partner.website": "{partner} website",
} satisfies Record<keyof typeof nlBECalendar, string>;
