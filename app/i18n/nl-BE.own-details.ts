/**
 * Dutch (Belgium): a person correcting their own details on their manage page, the mail with the
 * invite on their new name, and the mark organisers see. ICU message syntax, as in nl-BE.ts.
 */
export const nlBEOwnDetails = {
  "details.title": "Je gegevens aanpassen",
  "details.editableUntil":
    "Klopt er iets niet? Je kunt je gegevens hier aanpassen tot {date} om {time}.",
  "details.email": "E-mailadres: {email}",
  "details.emailFixed":
    "Dit adres kun je hier niet wijzigen. Wil je een ander adres gebruiken? Annuleer dan deze inschrijving en schrijf je opnieuw in met dat adres. Is de sessie intussen volzet, dan kom je op de wachtlijst.",
  "details.submit": "Gegevens bewaren",
  "details.submitting": "Bezig met bewaren…",
  "details.errors.form": "Je gegevens zijn niet bewaard. Verbeter de velden die we aanduiden.",
  "details.saved": "Je gegevens zijn bewaard.",
  "details.savedWithInvite":
    "Je gegevens zijn bewaard. We stuurden je een bijgewerkte uitnodiging voor je agenda, op je nieuwe naam.",
  "details.unchanged": "Er is niets veranderd: je gegevens waren al zo.",
  "details.locked.closed":
    "De inschrijvingen voor deze sessie zijn gesloten: je gegevens aanpassen kan niet meer.",
  "details.locked.cancelled": "Deze sessie gaat niet door: je gegevens aanpassen kan niet meer.",
  "details.locked.past":
    "Deze sessie is al begonnen of voorbij: je gegevens aanpassen kan niet meer.",
  "details.locked.notLive":
    "Deze inschrijving loopt niet meer: er zijn geen gegevens meer aan te passen.",

  "email.detailsUpdated.subject": "Bijgewerkte uitnodiging: {title}",
  "email.detailsUpdated.intro":
    "Je paste je naam aan voor {title}. Hier is je uitnodiging opnieuw, op je nieuwe naam: je agenda werkt het evenement bij dat er al staat. Je inschrijving zelf blijft zoals ze was.",

  "mailKind.registration.detailsUpdated": "Uitnodiging op gewijzigde naam",

  "attendees.selfUpdated": "Gegevens zelf aangepast op {date} om {time}",
} as const;
