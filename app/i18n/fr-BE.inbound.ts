import type { nlBEInbound } from "./nl-BE.inbound";

/**
 * French (Belgium): replies from calendars (accepted, declined, …) and what came of them.
 * ICU message syntax, as in nl-BE.ts.
 */
export const frBEInbound = {
  "email.declined.subject": "Inscription annulée : vous avez refusé l’invitation pour {title}",
  "email.declined.intro":
    "Vous avez refusé l’invitation pour {title} dans votre agenda. Nous avons donc annulé votre inscription et transmis votre place aux personnes sur la liste d’attente. Ce n’était pas votre intention ? Inscrivez-vous à nouveau tant qu’il reste des places.",
  "email.reminder.intro.confirmedWithInvite":
    "Vous avez demandé à nouveau à vous inscrire à {title}, mais votre inscription est déjà confirmée. L’invitation pour votre agenda est à nouveau jointe à cet e-mail. Le bouton ci-dessous vous permet de consulter ou d’annuler votre inscription.",
  "email.refreshed.intro":
    "Votre agenda a demandé la dernière version de votre invitation pour {title}. Elle est jointe à cet e-mail.",
  "email.counterDeclined.subject": "L’horaire de {title} est fixé",
  "email.counterDeclined.intro":
    "Vous avez proposé, via votre agenda, un autre horaire pour {title}. Nous ne pouvons pas le modifier : l’organisation fixe l’horaire pour tout le monde. Votre inscription reste inchangée. L’horaire ne vous convient pas ? Annulez alors votre inscription, pour que quelqu’un d’autre puisse obtenir votre place.",
  "email.counterDeclined.comment": "L’horaire est fixé : l’organisation ne peut pas le modifier.",

  "attendees.calendarReply":
    "Agenda : {reply, select, accepted {accepté} tentative {sous réserve} declined {refusé} other {—}}",
} satisfies Record<keyof typeof nlBEInbound, string>;
