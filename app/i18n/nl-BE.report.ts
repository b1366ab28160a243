/**
 * The city's report (/beheer/cijfers): its filters, figures, tables, charts, the definitions of
 * what is counted, and its Excel download.
 */
export const nlBEReport = {
  "admin.nav.report": "Cijfers",

  "report.title": "Cijfers",
  "report.intro":
    "Wat de sessies van een periode bereikten, per maand, stad, soort en partner: om in een verslag over te nemen. Je ziet de sessies die je mag beheren.",
  "report.subtitle": "Sessies van {from} tot en met {to}",
  "report.filteredBy": "Alleen: {filters}.",

  "report.filters": "Periode en filters",
  "report.period": "Periode",
  "report.period.jaar": "Heel het jaar",
  "report.period.k1": "1e kwartaal (januari–maart)",
  "report.period.k2": "2e kwartaal (april–juni)",
  "report.period.k3": "3e kwartaal (juli–september)",
  "report.period.k4": "4e kwartaal (oktober–december)",
  "report.period.data": "Eigen data (van … tot en met)",
  "report.year": "Jaar",
  "report.from": "Van",
  "report.to": "Tot en met",
  "report.datesHint":
    "Alleen voor ‘Eigen data’, hoogstens {years} jaar. Een sessie telt mee in de periode waarin ze begint.",
  "report.city": "Stad",
  "report.allCities": "Alle steden",
  "report.kind": "Soort sessie",
  "report.allKinds": "Alle soorten",
  "report.partner": "Partner",
  "report.allPartners": "Alle partners",
  "report.show": "Cijfers tonen",

  "report.error.period": "Kies een periode: heel het jaar, een kwartaal of eigen data.",
  "report.error.year": "Kies een jaar tussen 2000 en 2100.",
  "report.error.from": "De begindatum is geen geldige datum. Gebruik de vorm JJJJ-MM-DD.",
  "report.error.to": "De einddatum is geen geldige datum. Gebruik de vorm JJJJ-MM-DD.",
  "report.error.fromMissing": "Vul een begindatum in, of kies heel het jaar of een kwartaal.",
  "report.error.toMissing": "Vul een einddatum in, of kies heel het jaar of een kwartaal.",
  "report.error.range": "De einddatum mag niet vóór de begindatum liggen.",
  "report.error.tooLong":
    "Een periode beslaat hoogstens {years, plural, one {# jaar} other {# jaar}}: kies een latere begindatum of een vroegere einddatum.",
  "report.error.city": "Dit is geen geldig stadsnummer.",
  "report.error.kind": "Kies een soort sessie uit de lijst.",
  "report.error.partner": "Dit is geen geldig partnernummer.",
  "report.invalid": "Er zijn geen cijfers getoond: verbeter eerst de periode of de filters.",

  "report.download": "Alle tabellen downloaden (Excel, .xlsx)",
  "report.print": "Afdrukken",
  "report.printHint":
    "Afdrukken kan ook met je browser: menu, filters en knoppen vallen dan weg, de grafieken en tabellen blijven.",

  "report.summary": "In het kort",
  "report.empty": "In deze periode zijn er met deze filters geen sessies.",
  "report.upcoming":
    "{count, plural, one {# sessie van deze periode moet} other {# sessies van deze periode moeten}} nog beginnen: ze tellen mee zodra ze plaatsvonden.",
  "report.withoutPseudonym":
    "{count, plural, one {# inschrijving telt} other {# inschrijvingen tellen}} mee zonder persoon: gewist op vraag van de persoon, of de persoon kwam meer dan {months} maanden niet meer. Bij de ondernemers, nieuw en terugkerend tellen ze niet mee.",
  "report.peopleNote":
    "Wie in twee steden kwam, telt bij elke stad één keer en in het totaal één keer: de ondernemers in de rijen tellen dus niet op tot het totaal. Een sessie met twee partners telt bij beide partners.",

  "report.byMonth": "Per maand",
  "report.byCity": "Per stad",
  "report.byKind": "Per soort sessie",
  "report.byPartner": "Per partner",
  "report.caption.sessions":
    "Sessies, plaatsen en opkomst {group}, met het totaal van de periode onderaan",
  "report.caption.people": "Ondernemers en enquête {group}, met het totaal van de periode onderaan",
  "report.group.byMonth": "Maand",
  "report.group.byCity": "Stad",
  "report.group.byKind": "Soort",
  "report.group.byPartner": "Partner",
  "report.total": "Totaal",
  "report.noPartner": "Zonder partner",
  "report.notShown": "niet getoond",

  "report.chart.title": "Ondernemers {group}: ingeschreven en aanwezig",
  "report.per.byMonth": "per maand",
  "report.per.byCity": "per stad",
  "report.per.byKind": "per soort sessie",
  "report.per.byPartner": "per partner",
  "report.chart.desc":
    "Staafdiagram met per rij twee staven: ingeschreven en aanwezige ondernemers. De tabel eronder geeft dezelfde cijfers en meer.",
  "report.chart.people": "Ingeschreven ondernemers",
  "report.chart.present": "Aanwezige ondernemers",

  "report.figure.sessionsHeld": "Sessies gehouden",
  "report.figure.sessionsCancelled": "Sessies geannuleerd",
  "report.figure.sessionsUpcoming": "Sessies nog te komen",
  "report.figure.seatsOffered": "Plaatsen aangeboden",
  "report.figure.signUps": "Inschrijvingen",
  "report.figure.seatsTaken": "Plaatsen ingenomen",
  "report.figure.attended": "Aanwezig",
  "report.figure.attendanceRate": "Opkomst",
  "report.figure.noShowRate": "Niet opgedaagd",
  "report.figure.waitingNeverSeated": "Wachtlijst zonder plaats",
  "report.figure.people": "Ondernemers",
  "report.figure.newPeople": "Nieuw",
  "report.figure.returningPeople": "Terugkerend",
  "report.figure.peoplePresent": "Ondernemers aanwezig",
  "report.figure.surveyAnswers": "Enquête-antwoorden",
  "report.figure.responseRate": "Antwoordpercentage",
  "report.figure.surveyAverage": "Gemiddelde score (1–5)",

  "report.definitions": "Hoe we tellen",
  "report.define.sessionsHeld":
    "Sessies die begonnen zijn en niet geannuleerd werden. Een sessie hoort bij de periode (en de maand) waarin ze begint. Alle cijfers hieronder gaan over gehouden sessies.",
  "report.define.sessionsCancelled": "Sessies van de periode die geannuleerd werden.",
  "report.define.seatsOffered": "De plaatsen van de gehouden sessies samen.",
  "report.define.signUps":
    "Elke inschrijving, wat er ook van werd: een plaats, de wachtlijst, een aanvraag, een annulering.",
  "report.define.seatsTaken":
    "Inschrijvingen die een plaats hadden toen de sessie afliep (een latere annulering of wissing verandert dat niet).",
  "report.define.attended": "Ingenomen plaatsen van wie ingecheckt werd.",
  "report.define.attendanceRate":
    "Aanwezig gedeeld door plaatsen ingenomen; ‘niet opgedaagd’ is de rest.",
  "report.define.waitingNeverSeated":
    "Wie op de wachtlijst stond toen de sessie begon en nooit een plaats kreeg: vraag die de sessie niet kon opvangen.",
  "report.define.people":
    "Verschillende personen onder de inschrijvingen, herkend aan een pseudoniem van hun e-mailadres dat na de anonimisering bewaard blijft: personen, geen inschrijvingen.",
  "report.define.newPeople":
    "Ondernemers die zich vóór de periode (bij een maand: vóór die maand) voor geen enkele gehouden sessie inschreven, in welke stad of bij welke partner ook. De anderen zijn terugkerend.",
  "report.define.peoplePresent": "Verschillende personen die minstens één keer aanwezig waren.",
  "report.define.survey":
    "Antwoorden op de enquête na de sessie, gedeeld door het aantal bedankmails met de enquête. De gemiddelde score tonen we vanaf {min} antwoorden, zodat niemand één antwoord kan terugvinden.",

  "report.fileName": "cijfers",
  "report.sheet.summary": "Overzicht",
  "report.sheet.figure": "Cijfer",
  "report.sheet.value": "Waarde",
  "report.sheet.period": "Periode",
  "report.sheet.filters": "Filters",
  "report.sheet.noFilters": "geen",
} as const;
