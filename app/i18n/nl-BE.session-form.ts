/**
 * Dutch (Belgium): the session form of the organiser workspace and its validation messages,
 * with the smaller forms about a session (cancelling it, messaging its attendees).
 * ICU message syntax, as in nl-BE.ts. Kinds and languages use "kind.*" and "language.*".
 */
export const nlBESessionForm = {
  "sessionForm.heading.create": "Nieuwe sessie",
  "sessionForm.heading.edit": "Sessie bewerken",
  "sessionForm.heading.duplicate": "Sessie kopiëren",
  "sessionForm.duplicateNotice":
    "Dit is een kopie, vier weken later op dezelfde weekdag en uren. Kijk de datum en de inschrijvingsperiode na voor je bewaart.",

  "sessionForm.title": "Titel",
  "sessionForm.summary": "Korte samenvatting",
  "sessionForm.summaryHint":
    "Eén of twee zinnen. Ze staan in het overzicht van de sessies en in de uitnodiging.",
  "sessionForm.description": "Beschrijving (optioneel)",
  "sessionForm.descriptionHint":
    "Het programma met uren, voor wie de sessie is en wat mee te brengen. Een lege regel begint een nieuwe alinea.",
  "sessionForm.kind": "Soort sessie",
  "sessionForm.cityId": "Stad",
  "sessionForm.chooseCity": "Kies een stad",
  "sessionForm.venueName": "Locatie",
  "sessionForm.venueNameHint": "Bijvoorbeeld: Stadhuis Leuven, zaal De Valk",
  "sessionForm.venueAddress": "Adres",
  "sessionForm.venueAddressHint": "Straat en nummer, postcode en gemeente",
  "sessionForm.date": "Datum",
  "sessionForm.startTime": "Begint om",
  "sessionForm.endTime": "Eindigt om",
  "sessionForm.timeHint": "Uren in Belgische tijd.",
  "sessionForm.capacity": "Aantal plaatsen",
  "sessionForm.capacityHint":
    "Wie zich inschrijft als alle plaatsen bezet zijn, komt op de wachtlijst. Met 0 komt iedereen op de wachtlijst.",
  "sessionForm.registrationWindow": "Inschrijvingsperiode",
  "sessionForm.registrationOpensAt": "Inschrijvingen openen op (optioneel)",
  "sessionForm.registrationOpensAtHint": "Leeg laten: de inschrijvingen zijn meteen open.",
  "sessionForm.registrationClosesAt": "Inschrijvingen sluiten op (optioneel)",
  "sessionForm.registrationClosesAtHint":
    "Leeg laten: inschrijven kan tot de sessie begint. Uren in Belgische tijd.",
  "sessionForm.language": "Taal van de sessie",
  "sessionForm.partnerIds": "Partners (optioneel)",
  "sessionForm.partnerIdsHint":
    "De organisaties die de sessie mee organiseren. Ze staan bij de sessie en in de e-mails.",
  "sessionForm.changeNotice":
    "Wijzig je de titel, de samenvatting, de beschrijving, het tijdstip of de locatie, dan krijgt iedereen die ingeschreven is een e-mail met een bijgewerkte uitnodiging: hun agenda past zich vanzelf aan.",
  "sessionForm.capacityBelowConfirmed":
    "Er {confirmed, plural, one {is al # persoon} other {zijn al # personen}} ingeschreven, meer dan de {capacity, plural, one {# plaats} other {# plaatsen}} die je opgeeft. Kies meer plaatsen, of bevestig dat wie het laatst een plaats kreeg terug naar de wachtlijst gaat.",
  "sessionForm.confirmMoveToWaitlist":
    "Ja, zet {count, plural, one {de laatst ingeschreven persoon} other {de # laatst ingeschreven personen}} vooraan op de wachtlijst. We sturen hen daarover een e-mail.",
  "sessionForm.submit.create": "Sessie aanmaken",
  "sessionForm.submit.edit": "Wijzigingen bewaren",
  "sessionForm.submitting": "Even geduld…",
  "sessionForm.result.created": "De sessie is aangemaakt.",
  "sessionForm.result.saved":
    "De wijzigingen zijn bewaard.{reinvited, plural, =0 {} one { # deelnemer kreeg een bijgewerkte uitnodiging.} other { # deelnemers kregen een bijgewerkte uitnodiging.}}{promoted, plural, =0 {} one { # persoon van de wachtlijst kreeg een plaats.} other { # personen van de wachtlijst kregen een plaats.}}{movedToWaitlist, plural, =0 {} one { # deelnemer staat weer op de wachtlijst.} other { # deelnemers staan weer op de wachtlijst.}}",
  "sessionForm.unavailable.cancelled":
    "Deze sessie is geannuleerd. Je kunt ze niet meer wijzigen; maak een kopie voor een nieuwe datum.",

  "sessionForm.errors.form": "De sessie is nog niet bewaard. Verbeter de velden die we aanduiden.",
  "sessionForm.errors.title.required": "Geef de sessie een titel.",
  "sessionForm.errors.title.tooLong": "De titel mag hoogstens {max} tekens lang zijn.",
  "sessionForm.errors.summary.required": "Vat de sessie samen in één of twee zinnen.",
  "sessionForm.errors.summary.tooLong": "De samenvatting mag hoogstens {max} tekens lang zijn.",
  "sessionForm.errors.description.tooLong": "De beschrijving mag hoogstens {max} tekens lang zijn.",
  "sessionForm.errors.kind.invalid": "Kies de soort sessie.",
  "sessionForm.errors.cityId.required": "Kies de stad van de sessie.",
  "sessionForm.errors.cityId.unknown": "Deze stad bestaat niet (meer). Kies een andere.",
  "sessionForm.errors.venueName.required": "Vul de locatie in.",
  "sessionForm.errors.venueName.tooLong": "De locatie mag hoogstens {max} tekens lang zijn.",
  "sessionForm.errors.venueAddress.required": "Vul het adres van de locatie in.",
  "sessionForm.errors.venueAddress.tooLong": "Het adres mag hoogstens {max} tekens lang zijn.",
  "sessionForm.errors.date.invalid": "Vul een geldige datum in.",
  "sessionForm.errors.startTime.invalid": "Vul een beginuur in, bijvoorbeeld 07:30.",
  "sessionForm.errors.endTime.invalid": "Vul een einduur in, bijvoorbeeld 09:00.",
  "sessionForm.errors.endTime.beforeStart": "Het einduur moet na het beginuur liggen.",
  "sessionForm.errors.time.skipped":
    "Die tijd bestaat niet: op {day, date, full} springt de klok van {from} naar {to}.",
  "sessionForm.errors.time.twice":
    "Die tijd bestaat twee keer: op {day, date, full} draait de klok om {from} terug naar {to}. Kies een tijd voor {to} of vanaf {from}.",
  "sessionForm.errors.capacity.invalid":
    "Vul het aantal plaatsen in als een geheel getal van 0 tot {max}.",
  "sessionForm.errors.registrationOpensAt.invalid": "Vul een geldige datum en een geldig uur in.",
  "sessionForm.errors.registrationOpensAt.afterStart":
    "De inschrijvingen moeten openen voor de sessie begint.",
  "sessionForm.errors.registrationClosesAt.invalid": "Vul een geldige datum en een geldig uur in.",
  "sessionForm.errors.registrationClosesAt.beforeOpens":
    "De inschrijvingen moeten sluiten na het moment waarop ze openen.",
  "sessionForm.errors.registrationClosesAt.afterEnd":
    "De inschrijvingen kunnen niet sluiten na het einde van de sessie.",
  "sessionForm.errors.language.invalid": "Kies de taal van de sessie.",
  "sessionForm.errors.partnerIds.invalid": "Kies de partners uit de lijst.",
  "sessionForm.errors.partnerIds.tooMany": "Kies hoogstens {max} partners.",
  "sessionForm.errors.partnerIds.unknown":
    "Een van de gekozen partners bestaat niet (meer). Kies opnieuw.",

  "sessionForm.cancel.heading": "Sessie annuleren",
  "sessionForm.cancel.intro":
    "Iedereen die ingeschreven is of op de wachtlijst staat, krijgt een e-mail. Bij wie ingeschreven is, verdwijnt de sessie ook uit de agenda. Dit kan je niet ongedaan maken.",
  "sessionForm.cancel.message": "Boodschap aan de deelnemers (optioneel)",
  "sessionForm.cancel.messageHint":
    "Bijvoorbeeld waarom de sessie niet doorgaat, of wanneer er een nieuwe datum komt. Gewone tekst.",
  "sessionForm.cancel.submit": "Annuleer deze sessie",
  "sessionForm.cancel.keep": "Nee, de sessie gaat door",
  "sessionForm.cancel.done":
    "De sessie is geannuleerd. {notified, plural, =0 {Er was niemand om te verwittigen.} one {# persoon krijgt een e-mail.} other {# personen krijgen een e-mail.}}",
  "sessionForm.errors.cancelMessage.tooLong": "De boodschap mag hoogstens {max} tekens lang zijn.",
  "sessionForm.cancel.errors.form": "De sessie is nog niet geannuleerd. Verbeter de boodschap.",
  "sessionForm.cancel.refused.alreadyCancelled":
    "Deze sessie was al geannuleerd. Niemand kreeg een tweede e-mail.",
  "sessionForm.cancel.refused.past":
    "Deze sessie is al begonnen of voorbij en kan niet meer geannuleerd worden.",

  "sessionForm.message.heading": "Bericht aan de deelnemers",
  "sessionForm.message.audience": "Aan wie?",
  "sessionForm.message.audience.confirmed": "Iedereen die ingeschreven is",
  "sessionForm.message.audience.waitlisted": "Iedereen op de wachtlijst",
  "sessionForm.message.audience.present": "Wie aanwezig was",
  "sessionForm.message.subject": "Onderwerp",
  "sessionForm.message.body": "Bericht",
  "sessionForm.message.bodyHint":
    "Gewone tekst: opmaak of HTML wordt niet overgenomen. Elke ontvanger krijgt een eigen e-mail, met de gegevens van de sessie eronder.",
  "sessionForm.message.submit": "Verstuur het bericht",
  "sessionForm.message.sent":
    "{count, plural, =0 {Er was niemand om dit bericht naar te sturen.} one {Het bericht gaat naar # persoon.} other {Het bericht gaat naar # personen.}}",
  "sessionForm.message.errors.form":
    "Het bericht is nog niet verstuurd. Verbeter de velden die we aanduiden.",
  "sessionForm.errors.audience.invalid": "Kies aan wie het bericht gaat.",
  "sessionForm.errors.subject.required": "Vul een onderwerp in.",
  "sessionForm.errors.subject.tooLong": "Het onderwerp mag hoogstens {max} tekens lang zijn.",
  "sessionForm.errors.body.required": "Schrijf een bericht.",
  "sessionForm.errors.body.tooLong": "Het bericht mag hoogstens {max} tekens lang zijn.",

  "sessionForm.attendee.alreadyRegistered":
    "{email} {status, select, waitlisted {staat al op de wachtlijst} requested {heeft al een open aanvraag} other {is al ingeschreven}} voor deze sessie. Er is geen tweede inschrijving gemaakt.",

  "attendees.add.errors.form": "Er is nog niemand toegevoegd. Verbeter de velden die we aanduiden.",
  "attendees.done.added": "{name} is ingeschreven en krijgt een bevestiging met de uitnodiging.",
  "attendees.done.waitlisted":
    "De sessie is volzet: {name} staat op de wachtlijst, op plaats {position}, en krijgt daarover een e-mail.",
  "attendees.done.cancelled":
    "{name} is uitgeschreven.{promoted, plural, =0 {} one { # persoon van de wachtlijst kreeg de vrije plaats.} other { # personen van de wachtlijst kregen een plaats.}}",
  "attendees.done.moved": "{name} staat nu op plaats {position} van de wachtlijst.",
  "attendees.done.present": "{name} is aanwezig gemeld.",
  "attendees.done.absent": "{name} is niet langer aanwezig gemeld.",
  "attendees.refused.alreadyCancelled":
    "{name} was al uitgeschreven. Er is niets gewijzigd en niemand kreeg een e-mail.",
  "attendees.refused.notWaitlisted":
    "Deze persoon staat niet (meer) op de wachtlijst. De volgorde is niet gewijzigd.",
  "attendees.refused.alreadyFirst":
    "{name} staat al vooraan op de wachtlijst. De volgorde is niet gewijzigd.",
  "attendees.refused.alreadyLast":
    "{name} staat al achteraan op de wachtlijst. De volgorde is niet gewijzigd.",
  "attendees.refused.notConfirmed":
    "{name} {status, select, waitlisted {staat op de wachtlijst} requested {heeft een open aanvraag} other {is uitgeschreven}} en kan niet aanwezig gemeld worden.",
  "attendees.refused.sessionCancelled":
    "Deze sessie is geannuleerd: er kan niemand meer bij. Er is niets bewaard.",
} as const;
