/**
 * Dutch (Belgium): replies from calendars (accepted, declined, …) and what came of them.
 * ICU message syntax, as in nl-BE.ts.
 */
export const nlBEInbound = {
  "email.declined.subject": "Geannuleerd: je weigerde de uitnodiging voor {title}",
  "email.declined.intro":
    "Je weigerde de uitnodiging voor {title} in je agenda. Daarom hebben we je inschrijving geannuleerd en je plaats doorgegeven aan wie op de wachtlijst staat. Was dat niet de bedoeling? Schrijf je opnieuw in zolang er plaats is.",
  "email.reminder.intro.confirmedWithInvite":
    "Je vroeg je inschrijving voor {title} opnieuw aan, maar je bent al ingeschreven. De uitnodiging voor je agenda zit nog eens bij deze e-mail. Met de knop hieronder bekijk of annuleer je je inschrijving.",
  "email.refreshed.intro":
    "Je agenda vroeg de laatste versie van je uitnodiging voor {title}. Die zit bij deze e-mail.",
  "email.counterDeclined.subject": "Het tijdstip van {title} ligt vast",
  "email.counterDeclined.intro":
    "Je stelde via je agenda een ander tijdstip voor {title} voor. Dat kunnen we niet aanpassen: de organisatie legt het tijdstip vast voor iedereen. Je inschrijving blijft zoals ze was. Past het tijdstip je niet? Annuleer dan je inschrijving, zodat iemand anders je plaats krijgt.",
  "email.counterDeclined.comment":
    "Het tijdstip ligt vast: de organisatie kan het niet verschuiven.",

  "attendees.calendarReply":
    "Agenda: {reply, select, accepted {aanvaard} tentative {onder voorbehoud} declined {geweigerd} other {—}}",
} as const;
