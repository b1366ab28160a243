import type { nlBEOwnDetails } from "./nl-BE.own-details";

/**
 * French (Belgium): a person correcting their own details on their manage page, the mail with the
 * invite on their new name, and the mark organisers see. ICU message syntax, as in nl-BE.ts.
 */
export const frBEOwnDetails = {
  "details.title": "Corriger vos données",
  "details.editableUntil":
    "Une erreur ? Vous pouvez corriger vos données ici jusqu’au {date} à {time}.",
  "details.email": "Adresse e-mail : {email}",
  "details.emailFixed":
    "Cette adresse ne peut pas être modifiée ici. Vous voulez utiliser une autre adresse ? Annulez alors cette inscription et inscrivez-vous à nouveau avec cette adresse. Si la session est complète entre-temps, vous serez sur la liste d’attente.",
  "details.submit": "Enregistrer mes données",
  "details.submitting": "Enregistrement…",
  "details.errors.form": "Vos données n’ont pas été enregistrées. Corrigez les champs indiqués.",
  "details.saved": "Vos données ont été enregistrées.",
  "details.savedWithInvite":
    "Vos données ont été enregistrées. Nous vous avons envoyé une invitation mise à jour pour votre agenda, à votre nouveau nom.",
  "details.unchanged": "Rien n’a changé : vos données étaient déjà ainsi.",
  "details.locked.closed":
    "Les inscriptions à cette session sont clôturées : vos données ne peuvent plus être modifiées.",
  "details.locked.cancelled":
    "Cette session n’aura pas lieu : vos données ne peuvent plus être modifiées.",
  "details.locked.past":
    "Cette session a déjà commencé ou est terminée : vos données ne peuvent plus être modifiées.",
  "details.locked.notLive":
    "Cette inscription n’est plus en cours : il n’y a plus de données à modifier.",

  "email.detailsUpdated.subject": "Invitation mise à jour : {title}",
  "email.detailsUpdated.intro":
    "Vous avez modifié votre nom pour {title}. Voici à nouveau votre invitation, à votre nouveau nom : votre agenda actualise l’événement qui s’y trouve déjà. Votre inscription elle-même ne change pas.",

  "mailKind.registration.detailsUpdated": "Invitation au nom modifié",

  "attendees.selfUpdated": "Données modifiées par la personne le {date} à {time}",
} satisfies Record<keyof typeof nlBEOwnDetails, string>;
