import type { nlBEReport } from "./nl-BE.report";

/** English: the city's report, as nl-BE.report.ts. */
export const enBEReport = {
  "admin.nav.report": "Figures",

  "report.title": "Figures",
  "report.intro":
    "What the sessions of a period reached, by month, city, kind and partner: to put in a report. You see the sessions you may manage.",
  "report.subtitle": "Sessions from {from} to {to} inclusive",
  "report.filteredBy": "Only: {filters}.",

  "report.filters": "Period and filters",
  "report.period": "Period",
  "report.period.jaar": "The whole year",
  "report.period.k1": "1st quarter (January–March)",
  "report.period.k2": "2nd quarter (April–June)",
  "report.period.k3": "3rd quarter (July–September)",
  "report.period.k4": "4th quarter (October–December)",
  "report.period.data": "Dates of your choice (from … to … inclusive)",
  "report.year": "Year",
  "report.from": "From",
  "report.to": "To (inclusive)",
  "report.datesHint":
    "Only for ‘Dates of your choice’, {years} years at most. A session counts in the period in which it starts.",
  "report.city": "City",
  "report.allCities": "All cities",
  "report.kind": "Kind of session",
  "report.allKinds": "All kinds",
  "report.partner": "Partner",
  "report.allPartners": "All partners",
  "report.show": "Show the figures",

  "report.error.period": "Choose a period: the whole year, a quarter or dates.",
  "report.error.year": "Choose a year between 2000 and 2100.",
  "report.error.from": "The start date is not a valid date. Use the form YYYY-MM-DD.",
  "report.error.to": "The end date is not a valid date. Use the form YYYY-MM-DD.",
  "report.error.fromMissing": "Fill in a start date, or choose the whole year or a quarter.",
  "report.error.toMissing": "Fill in an end date, or choose the whole year or a quarter.",
  "report.error.range": "The end date cannot be before the start date.",
  "report.error.tooLong":
    "A period covers {years, plural, one {# year} other {# years}} at most: choose a later start or an earlier end.",
  "report.error.city": "This is not a valid city number.",
  "report.error.kind": "Choose a kind of session from the list.",
  "report.error.partner": "This is not a valid partner number.",
  "report.invalid": "No figures are shown: first correct the period or the filters.",

  "report.download": "Download every table (Excel, .xlsx)",
  "report.print": "Print",
  "report.printHint":
    "You can also print with your browser: the menu, filters and buttons are left out, the charts and tables stay.",

  "report.summary": "In short",
  "report.empty": "There are no sessions in this period with these filters.",
  "report.upcoming":
    "{count, plural, one {# session of this period has} other {# sessions of this period have}} not started yet: they count once held.",
  "report.withoutPseudonym":
    "{count, plural, one {# sign-up counts} other {# sign-ups count}} without a person: erased at the person's request, or the person has not come for more than {months} months. They do not count among the entrepreneurs, new or returning.",
  "report.peopleNote":
    "Someone who came in two cities counts once in each city and once in the total: the entrepreneurs of the rows do not add up to the total. A session with two partners counts for both partners.",

  "report.byMonth": "By month",
  "report.byCity": "By city",
  "report.byKind": "By kind of session",
  "report.byPartner": "By partner",
  "report.caption.sessions":
    "Sessions, seats and attendance {group}, with the period's total at the bottom",
  "report.caption.people":
    "Entrepreneurs and survey {group}, with the period's total at the bottom",
  "report.group.byMonth": "Month",
  "report.group.byCity": "City",
  "report.group.byKind": "Kind",
  "report.group.byPartner": "Partner",
  "report.total": "Total",
  "report.noPartner": "No partner",
  "report.notShown": "not shown",

  "report.chart.title": "Entrepreneurs {group}: signed up and present",
  "report.per.byMonth": "by month",
  "report.per.byCity": "by city",
  "report.per.byKind": "by kind of session",
  "report.per.byPartner": "by partner",
  "report.chart.desc":
    "Bar chart with two bars a row: entrepreneurs signed up and present. The table below gives the same figures, and more.",
  "report.chart.people": "Entrepreneurs signed up",
  "report.chart.present": "Entrepreneurs present",

  "report.figure.sessionsHeld": "Sessions held",
  "report.figure.sessionsCancelled": "Sessions cancelled",
  "report.figure.sessionsUpcoming": "Sessions to come",
  "report.figure.seatsOffered": "Seats offered",
  "report.figure.signUps": "Sign-ups",
  "report.figure.seatsTaken": "Seats taken",
  "report.figure.attended": "Attended",
  "report.figure.attendanceRate": "Attendance",
  "report.figure.noShowRate": "No-shows",
  "report.figure.waitingNeverSeated": "Waiting list, never seated",
  "report.figure.people": "Entrepreneurs",
  "report.figure.newPeople": "New",
  "report.figure.returningPeople": "Returning",
  "report.figure.peoplePresent": "Entrepreneurs present",
  "report.figure.surveyAnswers": "Survey answers",
  "report.figure.responseRate": "Response rate",
  "report.figure.surveyAverage": "Average rating (1–5)",

  "report.definitions": "How we count",
  "report.define.sessionsHeld":
    "Sessions that have begun and were not cancelled. A session belongs to the period (and the month) in which it starts. Every figure below is about sessions held.",
  "report.define.sessionsCancelled": "Sessions of the period that were cancelled.",
  "report.define.seatsOffered": "The seats of the sessions held, added up.",
  "report.define.signUps":
    "Every sign-up, whatever came of it: a seat, the waiting list, a request, a cancellation.",
  "report.define.seatsTaken":
    "Sign-ups that had a seat when the session ended (a later cancellation or erasure does not change that).",
  "report.define.attended": "Seats taken by someone who was checked in.",
  "report.define.attendanceRate": "Attended divided by seats taken; ‘no-shows’ are the rest.",
  "report.define.waitingNeverSeated":
    "People on the waiting list when the session began who never got a seat: demand the session could not take in.",
  "report.define.people":
    "Distinct people among the sign-ups, recognised by a pseudonym of their email address that is kept after anonymisation: people, not sign-ups.",
  "report.define.newPeople":
    "Entrepreneurs who, before the period (for a month: before that month), had signed up for no session held, in any city or with any partner. The others are returning.",
  "report.define.peoplePresent": "Distinct people who were present at least once.",
  "report.define.survey":
    "Answers to the survey after the session, divided by the thank-you mails with the survey. The average rating is shown from {min} answers up, so that no one can find a single answer.",

  "report.fileName": "figures",
  "report.sheet.summary": "Summary",
  "report.sheet.figure": "Figure",
  "report.sheet.value": "Value",
  "report.sheet.period": "Period",
  "report.sheet.filters": "Filters",
  "report.sheet.noFilters": "none",
} satisfies Record<keyof typeof nlBEReport, string>;
