/** Dutch (Belgium): the organiser workspace (sign-in, dashboard, attendees, check-in, exports). */
export const nlBEOrganiser = {
  "admin.title": "Beheer",
  "admin.nav.dashboard": "Overzicht",
  "admin.nav.newSession": "Nieuwe sessie",
  "admin.nav.export": "Exporteren",
  "admin.nav.log": "Logboek",
  "admin.nav.publicSite": "Publieke agenda",
  "admin.signedInAs": "Aangemeld als {name}",
  "admin.logout": "Afmelden",
  "admin.forbidden": "Je hebt geen toegang tot deze pagina.",

  "login.title": "Aanmelden voor organisatoren",
  "login.email": "E-mailadres",
  "login.password": "Wachtwoord",
  "login.submit": "Aanmelden",
  "login.invalid": "Dit e-mailadres en wachtwoord horen niet bij elkaar.",
  "login.locked":
    "Te veel foute wachtwoorden na elkaar. Je account is vergrendeld tot {time}. Kies intussen eventueel een nieuw wachtwoord.",
  "login.forgot": "Wachtwoord vergeten?",
  "login.loggedOut": "Je bent afgemeld.",
  "login.passwordChanged": "Je nieuwe wachtwoord is ingesteld. Meld je aan.",

  "reset.title": "Wachtwoord vergeten",
  "reset.intro":
    "Vul je e-mailadres in. We sturen je een link waarmee je een nieuw wachtwoord kiest.",
  "reset.submit": "Stuur me een link",
  "reset.sent":
    "Als dit adres bij een organisator hoort, staat er binnen enkele minuten een link in de mailbox. De link is één uur geldig.",
  "reset.newTitle": "Kies een nieuw wachtwoord",
  "reset.newPassword": "Nieuw wachtwoord",
  "reset.newPasswordHint": "Minstens {min} tekens. Een zin van enkele woorden werkt goed.",
  "reset.repeat": "Herhaal het wachtwoord",
  "reset.save": "Wachtwoord opslaan",
  "reset.tooShort": "Je wachtwoord moet minstens {min} tekens tellen.",
  "reset.mismatch": "De twee wachtwoorden zijn niet gelijk.",
  "reset.invalidLink": "Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.",
  "reset.email.subject": "Een nieuw wachtwoord voor de Ondernemersagenda",
  "reset.email.intro":
    "Met de knop hieronder kies je een nieuw wachtwoord voor je organisatorenaccount. De link werkt één keer en {minutes} minuten lang.",
  "reset.email.button": "Kies een nieuw wachtwoord",
  "reset.email.notYou":
    "Vroeg je dit niet aan? Dan hoef je niets te doen: je wachtwoord blijft wat het was.",

  "dashboard.title": "Overzicht",
  "dashboard.upcoming": "Komende sessies",
  "dashboard.none": "Er staan geen sessies gepland die jij beheert.",
  "dashboard.fill": "{confirmed} van {capacity} plaatsen",
  "dashboard.waiting": "{count, plural, =0 {geen wachtlijst} one {# wachtend} other {# wachtend}}",
  "dashboard.fillLabel": "{percent} procent volzet",
  "dashboard.perWeek": "Inschrijvingen per week",
  "dashboard.perWeekCaption": "Nieuwe inschrijvingen per week, de laatste {weeks} weken",
  "dashboard.weekOf": "Week van {date}",
  "dashboard.lastWeek": "De voorbije 7 dagen",
  "dashboard.lastWeekCount":
    "{count, plural, =0 {Geen nieuwe inschrijvingen} one {# nieuwe inschrijving} other {# nieuwe inschrijvingen}}",
  "dashboard.column.session": "Sessie",
  "dashboard.column.when": "Wanneer",
  "dashboard.column.fill": "Bezetting",
  "dashboard.column.name": "Naam",
  "dashboard.column.signedUp": "Ingeschreven",
  "dashboard.cancelled": "Geannuleerd",
  "dashboard.waitlisted": "wachtlijst",
} as const;
