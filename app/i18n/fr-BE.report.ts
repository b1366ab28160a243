import type { nlBEReport } from "./nl-BE.report";

/** French (Belgium): the city's report, as nl-BE.report.ts. */
export const frBEReport = {
  "admin.nav.report": "Chiffres",

  "report.title": "Chiffres",
  "report.intro":
    "Ce que les sessions d’une période ont atteint, par mois, ville, type et partenaire : à reprendre dans un rapport. Vous voyez les sessions que vous pouvez gérer.",
  "report.subtitle": "Sessions du {from} au {to} inclus",
  "report.filteredBy": "Uniquement : {filters}.",

  "report.filters": "Période et filtres",
  "report.period": "Période",
  "report.period.jaar": "Toute l’année",
  "report.period.k1": "1er trimestre (janvier–mars)",
  "report.period.k2": "2e trimestre (avril–juin)",
  "report.period.k3": "3e trimestre (juillet–septembre)",
  "report.period.k4": "4e trimestre (octobre–décembre)",
  "report.period.data": "Dates au choix (du … au … inclus)",
  "report.year": "Année",
  "report.from": "Du",
  "report.to": "Au (inclus)",
  "report.datesHint":
    "Uniquement pour « Dates au choix », {years} ans au plus. Une session compte dans la période où elle commence.",
  "report.city": "Ville",
  "report.allCities": "Toutes les villes",
  "report.kind": "Type de session",
  "report.allKinds": "Tous les types",
  "report.partner": "Partenaire",
  "report.allPartners": "Tous les partenaires",
  "report.show": "Afficher les chiffres",

  "report.error.period": "Choisissez une période : toute l’année, un trimestre ou des dates.",
  "report.error.year": "Choisissez une année entre 2000 et 2100.",
  "report.error.from": "La date de début n’est pas une date valable. Utilisez la forme AAAA-MM-JJ.",
  "report.error.to": "La date de fin n’est pas une date valable. Utilisez la forme AAAA-MM-JJ.",
  "report.error.fromMissing":
    "Indiquez une date de début, ou choisissez toute l’année ou un trimestre.",
  "report.error.toMissing":
    "Indiquez une date de fin, ou choisissez toute l’année ou un trimestre.",
  "report.error.range": "La date de fin ne peut pas précéder la date de début.",
  "report.error.tooLong":
    "Une période couvre au plus {years, plural, one {# an} other {# ans}} : choisissez un début plus tardif ou une fin plus tôt.",
  "report.error.city": "Ce n’est pas un numéro de ville valable.",
  "report.error.kind": "Choisissez un type de session dans la liste.",
  "report.error.partner": "Ce n’est pas un numéro de partenaire valable.",
  "report.invalid": "Aucun chiffre n’est affiché : corrigez d’abord la période ou les filtres.",

  "report.download": "Télécharger tous les tableaux (Excel, .xlsx)",
  "report.print": "Imprimer",
  "report.printHint":
    "Vous pouvez aussi imprimer avec votre navigateur : le menu, les filtres et les boutons disparaissent, les graphiques et les tableaux restent.",

  "report.summary": "En bref",
  "report.empty": "Aucune session dans cette période avec ces filtres.",
  "report.upcoming":
    "{count, plural, one {# session de cette période n’a} other {# sessions de cette période n’ont}} pas encore commencé : elles comptent une fois tenues.",
  "report.withoutPseudonym":
    "{count, plural, one {# inscription compte} other {# inscriptions comptent}} sans personne : effacées à la demande de la personne, ou la personne n’est plus venue depuis plus de {months} mois. Elles ne comptent pas parmi les entrepreneurs, nouveaux et fidèles.",
  "report.peopleNote":
    "Qui est venu dans deux villes compte une fois dans chaque ville et une fois dans le total : les entrepreneurs des lignes ne s’additionnent donc pas jusqu’au total. Une session avec deux partenaires compte pour les deux.",

  "report.byMonth": "Par mois",
  "report.byCity": "Par ville",
  "report.byKind": "Par type de session",
  "report.byPartner": "Par partenaire",
  "report.caption.sessions":
    "Sessions, places et présence {group}, avec le total de la période en bas",
  "report.caption.people": "Entrepreneurs et enquête {group}, avec le total de la période en bas",
  "report.group.byMonth": "Mois",
  "report.group.byCity": "Ville",
  "report.group.byKind": "Type",
  "report.group.byPartner": "Partenaire",
  "report.total": "Total",
  "report.noPartner": "Sans partenaire",
  "report.notShown": "non affiché",

  "report.chart.title": "Entrepreneurs {group} : inscrits et présents",
  "report.per.byMonth": "par mois",
  "report.per.byCity": "par ville",
  "report.per.byKind": "par type de session",
  "report.per.byPartner": "par partenaire",
  "report.chart.desc":
    "Diagramme à barres, deux barres par ligne : entrepreneurs inscrits et présents. Le tableau en dessous donne les mêmes chiffres, et d’autres.",
  "report.chart.people": "Entrepreneurs inscrits",
  "report.chart.present": "Entrepreneurs présents",

  "report.figure.sessionsHeld": "Sessions tenues",
  "report.figure.sessionsCancelled": "Sessions annulées",
  "report.figure.sessionsUpcoming": "Sessions à venir",
  "report.figure.seatsOffered": "Places offertes",
  "report.figure.signUps": "Inscriptions",
  "report.figure.seatsTaken": "Places occupées",
  "report.figure.attended": "Présents",
  "report.figure.attendanceRate": "Taux de présence",
  "report.figure.noShowRate": "Absents",
  "report.figure.waitingNeverSeated": "Liste d’attente sans place",
  "report.figure.people": "Entrepreneurs",
  "report.figure.newPeople": "Nouveaux",
  "report.figure.returningPeople": "Fidèles",
  "report.figure.peoplePresent": "Entrepreneurs présents",
  "report.figure.surveyAnswers": "Réponses à l’enquête",
  "report.figure.responseRate": "Taux de réponse",
  "report.figure.surveyAverage": "Note moyenne (1–5)",

  "report.definitions": "Comment nous comptons",
  "report.define.sessionsHeld":
    "Les sessions qui ont commencé et n’ont pas été annulées. Une session appartient à la période (et au mois) où elle commence. Tous les chiffres ci-dessous portent sur les sessions tenues.",
  "report.define.sessionsCancelled": "Les sessions de la période qui ont été annulées.",
  "report.define.seatsOffered": "Les places des sessions tenues, additionnées.",
  "report.define.signUps":
    "Chaque inscription, quelle qu’en soit la suite : une place, la liste d’attente, une demande, une annulation.",
  "report.define.seatsTaken":
    "Les inscriptions qui avaient une place à la fin de la session (une annulation ou un effacement plus tard n’y change rien).",
  "report.define.attended": "Les places occupées par quelqu’un qui a été enregistré à l’entrée.",
  "report.define.attendanceRate":
    "Présents divisés par places occupées ; « absents » est le reste.",
  "report.define.waitingNeverSeated":
    "Les personnes sur la liste d’attente au début de la session, qui n’ont jamais eu de place : la demande que la session n’a pas pu accueillir.",
  "report.define.people":
    "Des personnes distinctes parmi les inscriptions, reconnues à un pseudonyme de leur adresse e-mail gardé après l’anonymisation : des personnes, pas des inscriptions.",
  "report.define.newPeople":
    "Les entrepreneurs qui, avant la période (pour un mois : avant ce mois), ne s’étaient inscrits à aucune session tenue, dans quelque ville ou chez quelque partenaire que ce soit. Les autres sont fidèles.",
  "report.define.peoplePresent": "Des personnes distinctes présentes au moins une fois.",
  "report.define.survey":
    "Les réponses à l’enquête après la session, divisées par le nombre de mails de remerciement avec l’enquête. La note moyenne est affichée à partir de {min} réponses, afin que personne ne retrouve une réponse seule.",

  "report.fileName": "chiffres",
  "report.sheet.summary": "Résumé",
  "report.sheet.figure": "Chiffre",
  "report.sheet.value": "Valeur",
  "report.sheet.period": "Période",
  "report.sheet.filters": "Filtres",
  "report.sheet.noFilters": "aucun",
} satisfies Record<keyof typeof nlBEReport, string>;
