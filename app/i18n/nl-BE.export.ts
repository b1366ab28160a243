/** Dutch (Belgium): the export part of the catalogue. ICU message syntax, as in nl-BE.ts. */
export const nlBEExport = {
  "export.column.session": "Sessie",
  "export.column.date": "Datum",
  "export.column.start": "Start",
  "export.column.end": "Einde",
  "export.column.city": "Stad",
  "export.column.venue": "Locatie",
  "export.column.name": "Naam",
  "export.column.email": "E-mail",
  "export.column.organisation": "Organisatie",
  "export.column.enterpriseNumber": "Ondernemingsnummer",
  "export.column.status": "Status",
  "export.column.registeredAt": "Ingeschreven op",
  "export.column.checkedIn": "Aanwezig",
  "export.column.source": "Toegevoegd door",

  "export.status.confirmed": "Ingeschreven",
  "export.status.waitlisted": "Wachtlijst",
  "export.checkedIn.yes": "ja",
  "export.source.organiser": "organisator",
  "export.source.public": "website",
  "export.source.door": "binnengelopen aan de deur",

  "export.sheetName": "Deelnemers",
  // File names are cleaned to plain ASCII after translation, so keep these short and simple.
  "export.fileName.prefix": "deelnemers",
  "export.fileName.allCities": "alle-steden",

  "export.error.format": "Onbekend exportformaat. Kies CSV (puntkomma), CSV (komma) of Excel.",
  "export.error.choose": "Kies één sessie, of een periode met een begin- en einddatum.",
  "export.error.cityId": "Dit is geen geldig stadsnummer.",
  "export.error.from": "De begindatum is geen geldige datum. Gebruik de vorm JJJJ-MM-DD.",
  "export.error.to": "De einddatum is geen geldige datum. Gebruik de vorm JJJJ-MM-DD.",
  "export.error.range": "De begindatum moet vóór of op de einddatum liggen.",
  "export.error.sessionNotFound": "Deze sessie bestaat niet, of je mag haar deelnemers niet zien.",
  "export.error.cityNotFound": "Deze stad bestaat niet.",
} as const;
