import type { nlBESecurity } from "./nl-BE.security";

/** French (Belgium): what the site says when it refuses a request: abuse limits and the like. */
export const frBESecurity = {
  "tooMany.title": "Un instant",
  "tooMany.body":
    "Nous avons reçu trop de demandes en même temps. Veuillez réessayer dans {minutes, plural, one {une minute} other {# minutes}}.",
  "tooMany.mailBody":
    "Nous avons déjà envoyé plusieurs e-mails à cette adresse au cours de la dernière heure. Pour éviter les abus, vous pourrez réessayer dans {minutes, plural, one {une minute} other {# minutes}}.",
  "busy.title": "Forte affluence",
  "busy.body":
    "De nombreuses personnes s’inscrivent en ce moment. Veuillez réessayer dans quelques secondes.",

  "edge.forbidden.title": "Formulaire refusé",
  "edge.forbidden.body":
    "Ce formulaire ne provient pas de ce site : nous ne l’avons donc pas traité. Rouvrez la page et envoyez le formulaire depuis celle-ci.",
  "edge.tooLarge.title": "Trop de données",
  "edge.tooLarge.body":
    "Ce formulaire contient plus de données que nous n’en acceptons. Raccourcissez le texte et réessayez.",
  "edge.unsupported.title": "Formulaire illisible",
  "edge.unsupported.body":
    "Nous n’avons pas pu lire ce formulaire. Rouvrez la page et envoyez le formulaire depuis celle-ci.",
  "edge.badRequest.title": "Demande non valide",
  "edge.badRequest.body": "Nous n’avons pas pu lire cette demande.",
  "edge.backHome": "Voir toutes les sessions",
} satisfies Record<keyof typeof nlBESecurity, string>;
