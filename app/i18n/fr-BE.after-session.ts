import type { nlBEAfterSession } from "./nl-BE.after-session";

/**
 * French (Belgium): after a session, the thank-you with its survey and the "we missed you" mail,
 * their settings in the session form, the survey page and its results in the workspace.
 * ICU message syntax, as in nl-BE.ts.
 */
export const frBEAfterSession = {
  "afterSession.form.legend": "Après la session",
  "afterSession.form.hint":
    "Les personnes enregistrées à l’accueil reçoivent un e-mail de remerciement avec une courte enquête. Celles qui avaient une place et ne sont pas venues reçoivent les prochaines sessions de cette ville et de ce type. Une session annulée n’envoie ni l’un ni l’autre.",
  "afterSession.form.sendThankYou": "Remerciement avec enquête aux présents",
  "afterSession.form.sendMissedYou": "E-mail « vous nous avez manqué » aux absents",
  "afterSession.form.followUpHours": "Heures après la fin",
  "afterSession.form.followUpHoursHint": "De 0 à 72 ; vide : 2.",
  "sessionForm.errors.followUpHours.invalid":
    "Indiquez un nombre entier d’heures de {min} à {max}.",
  "afterSession.settings":
    "Après la session ({hours, plural, one {# heure} other {# heures}} après la fin) : {mails, select, both {remerciement avec enquête et « vous nous avez manqué ».} thankYou {remerciement avec enquête.} missedYou {« vous nous avez manqué ».} other {aucun e-mail.}}",

  "afterSession.email.thankYou.subject": "Merci d’être venu·e : {title}",
  "afterSession.email.thankYou.intro":
    "Merci d’avoir participé à « {title} ». Nous espérons que cela vous a été utile pour votre entreprise.",
  "afterSession.email.thankYou.survey":
    "Pouvez-vous nous dire en deux minutes ce que vous en avez pensé ? L’enquête est ouverte jusqu’au {date}.",
  "afterSession.email.thankYou.anonymous":
    "Vos réponses sont conservées sans votre nom ni votre adresse e-mail : personne ne peut savoir ce que vous avez répondu.",
  "afterSession.email.thankYou.certificate": "Besoin d’une attestation de participation ?",
  "afterSession.email.thankYou.certificateLink": "Téléchargez votre attestation (pdf)",
  "afterSession.email.thankYou.action": "Répondre à l’enquête",
  "afterSession.email.missedYou.subject": "Vous nous avez manqué : {title}",
  "afterSession.email.missedYou.intro":
    "Vous aviez une place pour « {title} », mais nous ne vous avons pas vu·e. Dommage ! Une prochaine session vous conviendra peut-être mieux.",
  "afterSession.email.missedYou.next": "Les prochaines sessions de ce type :",
  "afterSession.email.missedYou.noneYet":
    "Aucune autre session de ce type n’est encore prévue. Revenez bientôt.",
  "afterSession.email.missedYou.action": "Toutes les sessions à {city}",
  "mailKind.session.thankYou": "Remerciement avec enquête",
  "mailKind.session.missedYou": "« Vous nous avez manqué »",

  "survey.title": "Enquête de satisfaction",
  "survey.about": "À propos de « {title} » à {city}, {when}.",
  "survey.anonymous":
    "Vos réponses sont conservées sans votre nom ni votre adresse e-mail. Vous pouvez répondre une seule fois.",
  "survey.closesOn": "L’enquête est ouverte jusqu’au {date}.",
  "survey.rating.legend": "Comment évaluez-vous cette session ?",
  "survey.rating.help": "1 est mauvais, 5 est excellent.",
  "survey.rating.option": "{rating, select, 1 {1 – mauvais} 5 {5 – excellent} other {{rating}}}",
  "survey.useful.legend": "Était-ce utile pour votre entreprise ?",
  "survey.useful.yes": "Oui",
  "survey.useful.somewhat": "Un peu",
  "survey.useful.no": "Non",
  "survey.comment.label": "Souhaitez-vous ajouter quelque chose ?",
  "survey.comment.hint": "Facultatif. {max} caractères au plus. N’écrivez pas de noms.",
  "survey.submit": "Envoyer mes réponses",
  "survey.submitting": "Envoi en cours…",
  "survey.errors.form": "L’enquête n’est pas encore complète. Vérifiez les questions ci-dessous.",
  "survey.errors.rating.required": "Choisissez une note de 1 à 5.",
  "survey.errors.useful.required": "Choisissez oui, un peu ou non.",
  "survey.errors.comment.tooLong": "{max} caractères au plus.",
  "survey.thanks.title": "Merci !",
  "survey.thanks.body":
    "Nous avons bien reçu vos réponses. Elles nous aident à améliorer les prochaines sessions.",
  "survey.answered.title": "Déjà répondu",
  "survey.answered.body":
    "Quelqu’un a déjà répondu à cette enquête. Nous gardons les premières réponses ; rien n’a changé.",
  "survey.closed.title": "L’enquête est fermée",
  "survey.closed.body":
    "Cette enquête était ouverte 14 jours et n’accepte plus de réponses. Merci de votre intérêt.",
  "survey.erased.title": "Ce lien ne fonctionne plus",
  "survey.erased.body":
    "L’inscription liée à ce lien a été effacée. L’enquête n’est plus disponible.",

  "survey.results.link": "Enquête de satisfaction",
  "survey.results.title": "Résultats de l’enquête",
  "survey.results.back": "Retour à la session",
  "survey.results.answers":
    "{answers, plural, =0 {Aucune réponse} one {# réponse} other {# réponses}} pour {sent, plural, =0 {aucune enquête envoyée} one {# enquête envoyée} other {# enquêtes envoyées}}.",
  "survey.results.rate": "Taux de réponse : {rate} %.",
  "survey.results.tooFew":
    "Les résultats apparaissent à partir de {min} réponses : avec moins, on pourrait deviner qui a répondu quoi.",
  "survey.results.tooFewToExport": "Il y a encore trop peu de réponses pour les télécharger.",
  "survey.results.rating": "Note",
  "survey.results.average": "En moyenne {average} sur 5.",
  "survey.results.ratingCaption": "Réponses par note",
  "survey.results.usefulCaption": "Réponses à « Était-ce utile pour votre entreprise ? »",
  "survey.results.column.rating": "Note",
  "survey.results.column.useful": "Utile",
  "survey.results.column.comment": "Remarque",
  "survey.results.column.count": "Nombre",
  "survey.results.column.share": "Part",
  "survey.results.noComments": "Personne n’a répondu à la question ouverte.",
  "survey.results.export": "Télécharger",
  "survey.results.exportHint": "Sans noms : une ligne par réponse, dans un ordre quelconque.",
  "survey.results.fileName": "enquete-satisfaction",
  "surveyQuestions.title": "Questions de l’enquête",
  "surveyQuestions.link": "Questions de l’enquête ({count})",
  "surveyQuestions.intro":
    "Les personnes présentes à la session ({date}) reçoivent ensuite une enquête de trois questions fixes : une note, l’utilité pour leur entreprise et une question ouverte. Vous pouvez y ajouter au plus {max} questions à vous. Les réponses restent anonymes, elles aussi.",
  "surveyQuestions.none": "L’enquête ne pose que ses trois questions fixes.",
  "surveyQuestions.required": "Obligatoire : pas d’envoi de l’enquête sans réponse",
  "surveyQuestions.locked":
    "L’enquête a déjà des réponses. Ses questions sont désormais figées, pour que chaque réponse reste liée à la question posée.",
  "surveyQuestions.refused.tooMany":
    "L’enquête pose au plus {max} questions à vous. Supprimez-en d’abord une.",
  "surveyQuestions.refused.locked":
    "L’enquête a déjà des réponses : ses questions ne peuvent plus changer.",
  "surveyQuestions.done.removed": "Question « {label} » supprimée.",
  "survey.errors.changed":
    "Les questions de l’enquête viennent de changer. Vérifiez vos réponses et envoyez-les à nouveau.",
  "survey.results.questionAnswered":
    "{answered, plural, =0 {Personne n’a répondu à cette question.} one {# personne sur {answers} a répondu à cette question.} other {# personnes sur {answers} ont répondu à cette question.}}",
  "survey.results.questionCaption": "Réponses à « {label} »",
  "survey.results.severalHint":
    "Chaque personne pouvait cocher plusieurs choix : les parts ne font pas 100 % au total.",
  "survey.results.column.answer": "Réponse",

  "audit.field.afterSession": "e-mails après la session",
} satisfies Record<keyof typeof nlBEAfterSession, string>;
