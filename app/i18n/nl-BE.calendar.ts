/**
 * Dutch (Belgium): what the app writes about calendars: feeds, add-to-calendar links, the person's own invite.
 * ICU message syntax, as in nl-BE.ts.
 */
export const nlBECalendar = {
  // The invite's DESCRIPTION: the session's own words, then the link to the view page (never the
  // manage link: a calendar is often shared, delegated or forwarded).
  "calendar.invite.description":
    "{text}\n\nJe inschrijving bekijken: {viewUrl}\nAnnuleren, of je gegevens downloaden of wissen, doe je met de link in je e-mail.",

  // The view page, which the link in the invite opens: whoever reads the calendar may hold it.
  "view.title": "Inschrijving",
  "view.registeredAs": "Op naam van {name}",
  "view.mailLink.title": "Je inschrijving annuleren of je gegevens beheren?",
  "view.mailLink.body":
    "Dat doe je met de persoonlijke link in je e-mail. Kwijt? Dan sturen we hem opnieuw naar het e-mailadres van deze inschrijving.",
  "view.mailLink.submit": "Stuur me de link",
  "view.linkSent":
    "Is dit jouw inschrijving? Dan krijg je zo een e-mail met de link, op het adres waarmee je je inschreef.",
  "email.manageLink.intro":
    "Je vroeg via de link in je agenda de link naar je inschrijving voor {title}. Met de knop hieronder bekijk of annuleer je ze, en download of wis je je gegevens. Vroeg je dit niet? Dan hoef je niets te doen.",

  // A feed's name in the calendar app (X-WR-CALNAME): "Ondernemersagenda Leuven: ontbijtsessies".
  "calendar.feed.name": "Ondernemersagenda",
  "calendar.feed.nameCity": "Ondernemersagenda {city}",
  "calendar.feed.nameWith": "{name}: {what}",
  "calendar.feed.sessions": "sessies",
  "calendar.feed.kind.info": "infosessies",
  "calendar.feed.kind.breakfast": "ontbijtsessies",
  "calendar.feed.kind.forum": "startersfora",
  "calendar.feed.withPartner": "{what} met {partner}",

  // The subscribe block on the home, city and partner pages.
  "calendar.subscribe.title": "Altijd de nieuwste sessies in je agenda",
  "calendar.subscribe.body":
    "Abonneer je op de agenda ‘{name}’: nieuwe sessies en wijzigingen verschijnen dan vanzelf in je agenda-app.",
  "calendar.subscribe.webcal": "Abonneer in je agenda",
  "calendar.subscribe.download": "Download de agenda als bestand (.ics)",
  "calendar.subscribe.downloadHint":
    "Werkt abonneren niet? Kopieer dan de link van het bestand en voeg die in je agenda-app toe als agenda via internet.",

  // Add-to-calendar links: session page, confirmation mail, manage page.
  "calendar.add.title": "Zet in je agenda",
  "calendar.add.google": "Google Agenda",
  "calendar.add.outlook": "Outlook.com",
  "calendar.add.office": "Microsoft 365",
  "calendar.add.opensGoogle": "(opent de website van Google)",
  "calendar.add.opensMicrosoft": "(opent de website van Microsoft)",
  "calendar.add.ics": "Apple Agenda, Outlook of een ander programma (.ics)",
  "calendar.add.mailIntro":
    "Zie je de uitnodiging niet in je agenda? Zet de sessie er dan zelf in, met een van deze links:",

  // The manage page: the person's own invite as a file.
  "calendar.manage.title": "In je agenda",
  "calendar.manage.invite": "Download je uitnodiging (.ics)",
  "calendar.manage.inviteHint":
    "Dit is dezelfde uitnodiging als in je e-mail: zet je ze allebei in je agenda, dan staat de sessie er toch maar één keer in.",

  // The promotion mail, when the seat comes free less than a day before the start.
  "calendar.promoted.soon":
    "Er kwam een plaats vrij voor {title} en die is voor jou. Let op: de sessie begint al {day, select, today {vandaag} other {morgen}} om {time}. Kan je toch niet komen? Annuleer dan meteen, zodat iemand anders je plaats nog kan krijgen. De uitnodiging voor je agenda zit bij deze e-mail.",

  // The partner page.
  "partner.title": "Sessies met {partner}",
  "partner.intro": "De komende sessies die {partner} mee organiseert.",
  "partner.website": "Website van {partner}",
} as const;
