import type { nlBENotifications } from "./nl-BE.notifications";

/**
 * French (Belgium): the messages about sessions an organiser changed, cancelled or wrote about.
 * The greeting, the session's essentials and the footer come from the "email.*" keys of fr-BE.ts.
 */
export const frBENotifications = {
  "email.sessionUpdated.subject": "Modification : {title} le {date}",
  "email.sessionUpdated.intro":
    "La session {title} a été modifiée. Votre inscription reste valable. L’invitation mise à jour est jointe à cet e-mail, pour que votre agenda s’adapte automatiquement.",
  "email.sessionUpdated.changes": "Qu’est-ce qui a changé ?",
  "email.sessionUpdated.time": "Nouvel horaire : {to}",
  "email.sessionUpdated.place": "Nouveau lieu : {to}",
  "email.sessionUpdated.title": "Nouveau titre : {to}",
  "email.sessionUpdated.summary": "Nouveau résumé : {to}",
  "email.sessionUpdated.description":
    "La description de la session a été modifiée. Vous pouvez la consulter sur la page de la session.",
  "email.sessionUpdated.was": "Auparavant : {from}",

  "email.sessionCancelled.subject": "Annulation : {title} le {date}",
  "email.sessionCancelled.intro.confirmed":
    "Nous sommes au regret de vous informer que la session {title} du {date} n’aura pas lieu. Votre inscription est donc annulée, et cet e-mail retire aussi la session de votre agenda.",
  "email.sessionCancelled.intro.waitlisted":
    "Nous sommes au regret de vous informer que la session {title} du {date} n’aura pas lieu. Vous étiez sur la liste d’attente ; celle-ci est supprimée.",
  "email.sessionCancelled.note": "Message de l’organisation :",
  "email.sessionCancelled.otherSessions": "Voir les autres sessions à {city}",

  "email.backOnWaitlist.subject": "De retour sur la liste d’attente : {title}",
  "email.backOnWaitlist.intro":
    "Le nombre de places pour la session {title} a été réduit et, de ce fait, vous n’avez plus de place. Vous êtes toutefois en tête de la liste d’attente, en position {position}. Si une place se libère, elle vous est attribuée automatiquement et nous vous envoyons une nouvelle invitation. Cet e-mail retire provisoirement la session de votre agenda.",

  "email.organiserMessage.subject": "{subject} – {title}",
  "email.organiserMessage.intro": "L’organisation de {title} vous adresse ce message :",
  "email.organiserMessage.signature":
    "Vous avez reçu ce message de l’organisation de cette session, via l’Ondernemersagenda, parce que vous {audience, select, waitlisted {êtes sur la liste d’attente} present {étiez présent} other {êtes inscrit}}.",
} satisfies Record<keyof typeof nlBENotifications, string>;
