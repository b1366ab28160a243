/** Dutch: colleagues in one sign-up. French and English have the same keys. */
export const nlBEGroups = {
  "group.bring": "Ik breng collega’s mee",
  "group.bringHint":
    "Schrijf tot {max} personen in één keer in. Elke collega krijgt een eigen bevestiging, uitnodiging en link om te annuleren.",
  "group.colleague": "Collega {number}",
  "group.colleagueName": "Naam van collega {number}",
  "group.colleagueEmail": "E-mailadres van collega {number}",
  "group.sharedDetails":
    "Je collega’s komen mee onder je organisatie en ondernemingsnummer, met de antwoorden die je hierboven gaf.",
  "group.consent":
    "Geef de naam en het adres van een collega alleen door als die ermee akkoord gaat. Elke collega krijgt een e-mail van ons en kan zich zelf afmelden of zijn gegevens laten wissen.",
  "group.choice": "Als er geen plaats meer is voor iedereen",
  "group.together": "Zet ons samen op de wachtlijst: we komen allemaal of niemand",
  "group.split": "Geef de vrije plaatsen aan wie eerst staat, en zet de anderen op de wachtlijst",
  "errors.colleague.emailRequired":
    "Vul het e-mailadres van je collega in: daar sturen we de bevestiging en de uitnodiging naartoe.",
  "errors.colleague.sameEmail":
    "Dit adres staat al in deze inschrijving. Elke persoon heeft een eigen e-mailadres nodig.",
  "errors.group.tooLarge":
    "Deze sessie neemt intussen minder personen in één inschrijving. Kijk je collega’s na en verstuur opnieuw.",
  "thanks.bodyGroup":
    "We stuurden een e-mail naar {emails}: naar elk adres met alle details en een eigen link om de inschrijving te bekijken of te annuleren.",
  "session.groupSize": "Je kunt tot {max} personen in één keer inschrijven.",
  "sessionForm.groupSize": "Personen per inschrijving",
  "sessionForm.groupSizeHint":
    "1: iedereen schrijft zich apart in. Vanaf 2 kan wie zich inschrijft collega’s meebrengen, elk met een eigen plaats en uitnodiging.",
  "sessionForm.errors.groupSize.invalid": "Geef een geheel getal van {min} tot {max}.",
  "audit.field.groupSize": "personen per inschrijving",
  "privacy.sharing.colleagues":
    "Schreef een collega je in voor een sessie? Dan gaf die je naam en e-mailadres aan ons door. Je krijgt zelf een e-mail met een eigen link: daar annuleer je, download je je gegevens of laat je ze wissen.",
  "attendees.group": "Samen ingeschreven met {names}",
} as const;
