/**
 * Dutch (Belgium): after a session, the thank-you with its survey and the "we missed you" mail,
 * their settings in the session form, the survey page and its results in the workspace.
 * ICU message syntax, as in nl-BE.ts.
 */
export const nlBEAfterSession = {
  "afterSession.form.legend": "Na afloop",
  "afterSession.form.hint":
    "Wie ingecheckt is, krijgt een bedankmail met een korte enquête. Wie een plaats had en niet kwam, krijgt een mail met de volgende sessies van deze stad en soort. Een geannuleerde sessie stuurt geen van beide.",
  "afterSession.form.sendThankYou": "Bedankmail met enquête aan wie er was",
  "afterSession.form.sendMissedYou": "Mail ‘we hebben je gemist’ aan wie niet kwam",
  "afterSession.form.followUpHours": "Uren na het einde",
  "afterSession.form.followUpHoursHint": "Van 0 tot 72; leeg laten is 2.",
  "sessionForm.errors.followUpHours.invalid": "Geef een geheel aantal uren van {min} tot {max}.",
  "afterSession.settings":
    "Na afloop ({hours, plural, one {# uur} other {# uur}} na het einde): {mails, select, both {bedankmail met enquête en ‘we hebben je gemist’.} thankYou {bedankmail met enquête.} missedYou {‘we hebben je gemist’.} other {geen mail.}}",

  "afterSession.email.thankYou.subject": "Bedankt voor je komst: {title}",
  "afterSession.email.thankYou.intro":
    "Bedankt dat je naar ‘{title}’ kwam. We hopen dat je er iets aan had voor je zaak.",
  "afterSession.email.thankYou.survey":
    "Wil je ons in twee minuten zeggen wat je ervan vond? De enquête staat open tot {date}.",
  "afterSession.email.thankYou.anonymous":
    "Je antwoorden worden bewaard zonder je naam of e-mailadres: niemand kan zien wat jij antwoordde.",
  "afterSession.email.thankYou.certificate": "Wil je een attest van je deelname?",
  "afterSession.email.thankYou.certificateLink": "Download je attest (pdf)",
  "afterSession.email.thankYou.action": "Enquête invullen",
  "afterSession.email.missedYou.subject": "We hebben je gemist: {title}",
  "afterSession.email.missedYou.intro":
    "Je had een plaats voor ‘{title}’, maar we hebben je niet gezien. Jammer! Misschien past een volgende sessie beter.",
  "afterSession.email.missedYou.next": "De volgende sessies van deze soort:",
  "afterSession.email.missedYou.noneYet":
    "Er staat nog geen volgende sessie van deze soort gepland. Kijk later nog eens.",
  "afterSession.email.missedYou.action": "Alle sessies in {city}",
  "mailKind.session.thankYou": "Bedankmail met enquête",
  "mailKind.session.missedYou": "‘We hebben je gemist’",

  "survey.title": "Enquête",
  "survey.about": "Over ‘{title}’ in {city}, {when}.",
  "survey.anonymous":
    "Je antwoorden worden bewaard zonder je naam of e-mailadres. Je kan de enquête één keer invullen.",
  "survey.closesOn": "De enquête staat open tot {date}.",
  "survey.rating.legend": "Hoe beoordeel je deze sessie?",
  "survey.rating.help": "1 is slecht, 5 is uitstekend.",
  "survey.rating.option": "{rating, select, 1 {1 – slecht} 5 {5 – uitstekend} other {{rating}}}",
  "survey.useful.legend": "Had je er iets aan voor je zaak?",
  "survey.useful.yes": "Ja",
  "survey.useful.somewhat": "Een beetje",
  "survey.useful.no": "Nee",
  "survey.comment.label": "Wat wil je ons nog meegeven?",
  "survey.comment.hint": "Niet verplicht. Hoogstens {max} tekens. Schrijf geen namen.",
  "survey.submit": "Antwoorden versturen",
  "survey.submitting": "Bezig met versturen…",
  "survey.errors.form": "De enquête is nog niet volledig. Kijk de vragen hieronder na.",
  "survey.errors.rating.required": "Kies een score van 1 tot 5.",
  "survey.errors.useful.required": "Kies ja, een beetje of nee.",
  "survey.errors.comment.tooLong": "Hoogstens {max} tekens.",
  "survey.thanks.title": "Bedankt!",
  "survey.thanks.body":
    "We hebben je antwoorden ontvangen. Ze helpen ons de volgende sessies beter te maken.",
  "survey.answered.title": "Al ingevuld",
  "survey.answered.body":
    "Deze enquête werd al ingevuld. We bewaren de eerste antwoorden; er is niets veranderd.",
  "survey.closed.title": "De enquête is gesloten",
  "survey.closed.body":
    "Deze enquête stond 14 dagen open en neemt geen antwoorden meer aan. Bedankt voor je interesse.",
  "survey.erased.title": "Deze link werkt niet meer",
  "survey.erased.body":
    "De inschrijving bij deze link werd gewist. De enquête is niet meer beschikbaar.",

  "survey.results.link": "Enquête",
  "survey.results.title": "Resultaten van de enquête",
  "survey.results.back": "Terug naar de sessie",
  "survey.results.answers":
    "{answers, plural, =0 {Nog geen antwoorden} one {# antwoord} other {# antwoorden}} op {sent, plural, =0 {nog geen verstuurde enquêtes} one {# verstuurde enquête} other {# verstuurde enquêtes}}.",
  "survey.results.rate": "Respons: {rate} %.",
  "survey.results.tooFew":
    "De resultaten verschijnen vanaf {min} antwoorden: met minder zou je kunnen raden wie wat antwoordde.",
  "survey.results.tooFewToExport": "Er zijn nog te weinig antwoorden om te downloaden.",
  "survey.results.rating": "Score",
  "survey.results.average": "Gemiddeld {average} op 5.",
  "survey.results.ratingCaption": "Antwoorden per score",
  "survey.results.usefulCaption": "Antwoorden op ‘Had je er iets aan voor je zaak?’",
  "survey.results.column.rating": "Score",
  "survey.results.column.useful": "Nuttig",
  "survey.results.column.comment": "Opmerking",
  "survey.results.column.count": "Aantal",
  "survey.results.column.share": "Aandeel",
  "survey.results.noComments": "Niemand schreef iets bij de open vraag.",
  "survey.results.export": "Downloaden",
  "survey.results.exportHint": "Zonder namen: één rij per antwoord, in willekeurige volgorde.",
  "survey.results.fileName": "enquete",
  "surveyQuestions.title": "Vragen in de enquête",
  "surveyQuestions.link": "Enquêtevragen ({count})",
  "surveyQuestions.intro":
    "Wie op de sessie ({date}) aanwezig was, krijgt na afloop een enquête met drie vaste vragen: een score, of de sessie iets opbracht voor de zaak, en een open vraag. Hier voeg je er hoogstens {max} eigen vragen aan toe. Ook de antwoorden daarop blijven anoniem.",
  "surveyQuestions.none": "De enquête stelt enkel de drie vaste vragen.",
  "surveyQuestions.required": "Verplicht: zonder antwoord kan de enquête niet verstuurd worden",
  "surveyQuestions.locked":
    "De enquête heeft al antwoorden. Haar vragen liggen nu vast, zodat elk antwoord bij de vraag blijft die gesteld werd.",
  "surveyQuestions.refused.tooMany":
    "De enquête stelt hoogstens {max} eigen vragen. Verwijder er eerst een.",
  "surveyQuestions.refused.locked":
    "De enquête heeft al antwoorden: haar vragen kunnen niet meer veranderen.",
  "surveyQuestions.done.removed": "Vraag ‘{label}’ verwijderd.",
  "survey.errors.changed":
    "De vragen van de enquête zijn net veranderd. Kijk je antwoorden na en verstuur ze opnieuw.",
  "survey.results.questionAnswered":
    "{answered, plural, =0 {Niemand beantwoordde deze vraag.} one {# van de {answers} beantwoordde deze vraag.} other {# van de {answers} beantwoordden deze vraag.}}",
  "survey.results.questionCaption": "Antwoorden op ‘{label}’",
  "survey.results.severalHint":
    "Wie antwoordde, kon meer dan één keuze aanduiden: de aandelen tellen niet op tot 100 %.",
  "survey.results.column.answer": "Antwoord",

  "audit.field.afterSession": "mails na afloop",
};
