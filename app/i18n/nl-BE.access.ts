/**
 * Dutch (Belgium): who may come to a session. Requests that organisers approve or decline,
 * sessions reachable only by their link, and sessions for addresses of some domains only; on
 * the public pages, in the mail, in the workspace and in the session form. ICU message syntax,
 * as in nl-BE.ts.
 */
export const nlBEAccess = {
  "availability.full": "Volzet",
  "signup.approvalNotice":
    "De organisatie kiest wie er deelneemt: je inschrijving is een aanvraag. Je krijgt een e-mail zodra ze beslist.",
  "signup.approvalNoticeFull":
    "Alle plaatsen zijn vergeven. Je kunt nog een aanvraag indienen: komt er een plaats vrij, dan kan de organisatie je alsnog kiezen. Je krijgt een e-mail zodra ze beslist.",
  "signup.submitRequest": "Vraag een plaats aan",
  "signup.emailHintDomains":
    "Deze sessie staat alleen open voor adressen die eindigen op {domains}. Hier sturen we ook je bevestiging naartoe.",
  "errors.email.domain":
    "Deze sessie staat alleen open voor adressen van {domains}. Gebruik je adres van een van die domeinen.",
  "thanks.requested.title": "Je aanvraag is ontvangen",
  "thanks.requested.body":
    "De organisatie bekijkt elke aanvraag en laat je per e-mail weten of je een plaats krijgt. Tot dan is er nog niets voor je gereserveerd.",

  "manage.status.requested":
    "Je aanvraag is ontvangen. De organisatie beslist nog: je krijgt een e-mail zodra ze dat doet.",
  "manage.status.declined": "De organisatie heeft je aanvraag niet aanvaard.",
  "manage.status.expired":
    "De sessie begon voor de organisatie over je aanvraag kon beslissen. Je aanvraag is gesloten.",
  "manage.declineReason": "Toelichting van de organisatie:",
  "manage.withdrawRequest": "Aanvraag intrekken",
  "manage.confirmTitleRequested": "Wil je je aanvraag intrekken?",
  "manage.confirmBodyRequested":
    "De organisatie bekijkt je aanvraag dan niet meer. Zolang de inschrijvingen open zijn, kun je later opnieuw een aanvraag indienen.",
  "manage.confirmRequested": "Ja, trek mijn aanvraag in",
  "manage.keepRequest": "Nee, mijn aanvraag blijft staan",
  "manage.withdrawnNow": "Je aanvraag is ingetrokken. We stuurden je een bevestiging.",

  "email.requested.subject": "Aanvraag ontvangen: {title}",
  "email.requested.intro":
    "We ontvingen je aanvraag voor {title}. De organisatie bekijkt elke aanvraag en laat je per e-mail weten of je een plaats krijgt. Tot dan is er nog niets voor je gereserveerd: de uitnodiging voor je agenda volgt pas als je aanvraag goedgekeurd is.",
  "email.requested.manage": "Bekijk of trek je aanvraag in",
  "email.requestDeclined.subject": "Je aanvraag voor {title}",
  "email.requestDeclined.intro":
    "Bedankt voor je interesse in {title}. De organisatie kon je aanvraag helaas niet aanvaarden.",
  "email.requestDeclined.reason": "Toelichting van de organisatie:",
  "email.requestExpired.subject": "Je aanvraag voor {title} is gesloten",
  "email.requestExpired.intro":
    "{title} is begonnen voor de organisatie over je aanvraag kon beslissen. Je aanvraag is daarom gesloten.",
  "email.requestWithdrawn.subject": "Aanvraag ingetrokken: {title}",
  "email.requestWithdrawn.intro":
    "Je aanvraag voor {title} is ingetrokken. Wil je toch deelnemen? Dien opnieuw een aanvraag in zolang de inschrijvingen open zijn.",
  "email.reminder.intro.requested":
    "Je vroeg opnieuw een plaats aan voor {title}, maar je aanvraag ligt al bij de organisatie. Je krijgt een e-mail zodra ze beslist. Met de knop hieronder bekijk je je aanvraag.",
  "email.sessionCancelled.intro.requested":
    "Helaas: {title} op {date} gaat niet door. Je aanvraag vervalt.",

  "mailKind.registration.requested": "Aanvraag ontvangen",
  "mailKind.registration.requestDeclined": "Aanvraag geweigerd",
  "mailKind.registration.requestExpired": "Aanvraag gesloten bij de start",

  "requests.title": "Aanvragen ({count})",
  "requests.intro":
    "Elke inschrijving voor deze sessie is een aanvraag; de eerste staat bovenaan. Goedkeuren geeft een plaats en stuurt de bevestiging met de uitnodiging. {seats, plural, =0 {Er is geen plaats meer vrij.} one {Er is nog # plaats vrij.} other {Er zijn nog # plaatsen vrij.}}",
  "requests.none": "Er zijn geen open aanvragen.",
  "requests.closed": "Gesloten: {declined} geweigerd, {expired} zonder beslissing bij de start.",
  "requests.requestedAt": "Aangevraagd op",
  "requests.approve": "Goedkeuren",
  "requests.approveLabel": "Keur de aanvraag van {name} goed",
  "requests.decline": "Weigeren…",
  "requests.reason": "Reden (optioneel)",
  "requests.reasonHint":
    "Staat zo in de e-mail aan de persoon. Laat leeg om te weigeren zonder reden.",
  "requests.declineConfirm": "Weiger de aanvraag van {name}",
  "requests.done.approved":
    "De aanvraag van {name} is goedgekeurd: {name} heeft een plaats en krijgt de bevestiging met de uitnodiging.",
  "requests.done.declined":
    "De aanvraag van {name} is geweigerd. {name} krijgt daarover een e-mail.",
  "requests.refused.full":
    "Er is geen plaats meer vrij: alle {capacity} plaatsen zijn gegeven. De aanvraag van {name} blijft open. Verhoog het aantal plaatsen (Bewerken) of weiger de aanvraag.",
  "requests.refused.notRequested":
    "Over de aanvraag van {name} is al beslist, of ze werd ingetrokken. Er is niets gewijzigd.",
  "requests.refused.sessionCancelled":
    "Deze sessie is geannuleerd: over de aanvraag van {name} valt niets meer te beslissen.",
  "requests.refused.started":
    "Deze sessie is al begonnen: over de aanvraag van {name} valt niets meer te beslissen.",
  "requests.errors.reason.tooLong": "De reden mag hoogstens {max} tekens lang zijn.",
  "attendees.count.requested": "Open aanvragen",

  "access.approval": "Inschrijvingen zijn aanvragen: de organisatie keurt ze goed of weigert ze.",
  "access.unlisted": "Niet vermeld: alleen bereikbaar via de link.",
  "access.emailDomains": "Alleen voor adressen die eindigen op {domains}.",
  "access.byHand":
    "Wie je hier toevoegt, krijgt meteen een plaats (of de wachtlijst): zonder aanvraag, en met elk e-mailadres.",
  "unlisted.title": "Link om te delen",
  "unlisted.linkLabel": "Adres van de sessie",
  "unlisted.linkHint":
    "Deze sessie staat in geen enkele lijst en zoekmachines tonen ze niet. Wie deze link krijgt, kan de pagina openen en zich inschrijven.",
  "unlisted.copy": "Kopieer de link",
  "unlisted.copied": "De link is gekopieerd.",
  "unlisted.copyByHand":
    "Kopiëren lukte niet. De link is geselecteerd: kopieer hem met Ctrl+C (of ⌘+C op een Mac).",
  "dashboard.unlisted": "niet vermeld",
  "dashboard.requests": "{count, plural, one {# open aanvraag} other {# open aanvragen}}",
  "dashboard.requested": "aanvraag",
  "export.status.requested": "Aanvraag",

  "sessionForm.access": "Wie kan deelnemen",
  "sessionForm.requiresApproval":
    "Inschrijvingen goedkeuren: elke inschrijving is een aanvraag, en pas wie je goedkeurt krijgt een plaats",
  "sessionForm.unlisted":
    "Niet vermelden: alleen bereikbaar via de link, niet op de website, in agenda-abonnementen, de API of zoekmachines",
  "sessionForm.unlistedHint":
    "Een sessie die niet vermeld wordt, krijgt een adres dat niemand kan raden. Zet je een vermelde sessie op niet vermeld, dan werkt haar oude adres niet meer.",
  "sessionForm.emailDomains": "Toegelaten e-maildomeinen (optioneel)",
  "sessionForm.emailDomainsHint":
    "Bijvoorbeeld: student.kuleuven.be, kuleuven.be. Een domein geldt precies zoals je het schrijft: kuleuven.be laat geen adressen van student.kuleuven.be toe. Leeg: elk adres. Wie je zelf toevoegt, mag elk adres hebben.",
  "sessionForm.errors.emailDomains.invalid":
    "‘{domain}’ is geen domeinnaam. Schrijf elk domein zoals na de @ in een e-mailadres, bijvoorbeeld student.kuleuven.be, en scheid ze met komma’s.",
  "sessionForm.errors.emailDomains.tooMany": "Geef hoogstens {max} domeinen op.",
  "sessionForm.errors.emailDomains.tooLong": "Hoogstens {max} tekens.",
} as const;
