import type { nlBEGroups } from "./nl-BE.groups";

/** French: colleagues in one sign-up. The same keys as nl-BE.groups.ts. */
export const frBEGroups = {
  "group.bring": "Je viens avec des collègues",
  "group.bringHint":
    "Inscrivez jusqu’à {max} personnes en une fois. Chaque collègue reçoit sa propre confirmation, son invitation et un lien pour annuler.",
  "group.colleague": "Collègue {number}",
  "group.colleagueName": "Nom du collègue {number}",
  "group.colleagueEmail": "Adresse e-mail du collègue {number}",
  "group.sharedDetails":
    "Vos collègues viennent au nom de votre organisation et de votre numéro d’entreprise, avec les réponses que vous avez données ci-dessus.",
  "group.consent":
    "Ne transmettez le nom et l’adresse d’un collègue qu’avec son accord. Chaque collègue reçoit un e-mail de notre part et peut se désinscrire ou faire effacer ses données lui-même.",
  "group.choice": "S’il n’y a plus de place pour tout le monde",
  "group.together": "Mettez-nous ensemble sur la liste d’attente : nous venons tous ou personne",
  "group.split":
    "Donnez les places libres aux premiers de la liste et mettez les autres sur la liste d’attente",
  "errors.colleague.emailRequired":
    "Indiquez l’adresse e-mail de votre collègue : nous y envoyons la confirmation et l’invitation.",
  "errors.colleague.sameEmail":
    "Cette adresse figure déjà dans cette inscription. Chaque personne a besoin de sa propre adresse e-mail.",
  "errors.group.tooLarge":
    "Cette séance accepte désormais moins de personnes par inscription. Vérifiez vos collègues et envoyez à nouveau.",
  "thanks.bodyGroup":
    "Nous avons envoyé un e-mail à {emails} : à chaque adresse, avec tous les détails et un lien personnel pour consulter ou annuler l’inscription.",
  "session.groupSize": "Vous pouvez inscrire jusqu’à {max} personnes en une fois.",
  "sessionForm.groupSize": "Personnes par inscription",
  "sessionForm.groupSizeHint":
    "1 : chacun s’inscrit séparément. À partir de 2, la personne qui s’inscrit peut venir avec des collègues, chacun avec sa place et son invitation.",
  "sessionForm.errors.groupSize.invalid": "Indiquez un nombre entier de {min} à {max}.",
  "audit.field.groupSize": "personnes par inscription",
  "privacy.sharing.colleagues":
    "Un collègue vous a inscrit à une séance ? Il nous a alors transmis votre nom et votre adresse e-mail. Vous recevez vous-même un e-mail avec votre propre lien : vous pouvez y annuler, télécharger vos données ou les faire effacer.",
  "attendees.group": "Inscrit avec {names}",
} as const satisfies Record<keyof typeof nlBEGroups, string>;
