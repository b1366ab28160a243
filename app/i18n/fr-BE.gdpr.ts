import type { nlBEGdpr } from "./nl-BE.gdpr";

/**
 * French (Belgium): a person’s own data: downloading what is kept about a registration, erasing
 * it from the manage page, the page an erased registration’s link shows, the admin’s erasure.
 */
export const frBEGdpr = {
  "gdpr.section.title": "Vos données",
  "gdpr.section.body":
    "Téléchargez tout ce que nous conservons sur cette inscription, ou faites effacer vos données. L’effacement annule votre inscription si elle est encore en cours ; ce lien ne fonctionnera plus ensuite.",
  "gdpr.download": "Télécharger mes données (JSON)",
  "gdpr.erase": "Effacer mes données",
  "gdpr.confirmTitle": "Voulez-vous effacer vos données ?",
  "gdpr.confirmBody":
    "Nous annulons votre inscription si elle est encore en cours (votre agenda reçoit une annulation) et nous effaçons votre nom, votre adresse e-mail, votre organisation, votre numéro d’entreprise et vos réponses aux questions de la session, sans rien garder à leur place. Cette action est irréversible.",
  "gdpr.confirm": "Oui, effacer mes données",
  "gdpr.keep": "Non, ne pas effacer",
  "gdpr.erasedTitle": "Ces données ont été effacées",
  "gdpr.erasedBody":
    "Les données à caractère personnel de cette inscription ont été effacées, à la demande du participant ou à l’expiration du délai de conservation. C’est pourquoi ce lien ne fonctionne plus.",
  "gdpr.backHome": "Retour à l’agenda",

  "admin.nav.personalData": "Données personnelles",
  "gdpr.admin.title": "Effacer des données personnelles",
  "gdpr.admin.intro":
    "Une personne demande l’effacement de ses données ? Indiquez son adresse e-mail : toutes les inscriptions avec cette adresse, pour toutes les sessions, sont annulées si elles sont encore en cours, puis anonymisées. Les personnes sur la liste d’attente avancent d’une place.",
  "gdpr.admin.email": "Adresse e-mail",
  "gdpr.admin.submit": "Effacer les données",
  "gdpr.admin.confirm": "Je confirme que cette personne a demandé l’effacement de ses données.",
  "gdpr.admin.invalidEmail": "Indiquez une adresse e-mail valide.",
  "gdpr.admin.confirmRequired": "Confirmez que la personne a demandé l’effacement.",
  "gdpr.admin.errors.form": "Rien n’a encore été effacé. Corrigez les champs indiqués.",
  "gdpr.admin.done":
    "{count, plural, =0 {Aucune inscription trouvée pour cette adresse : rien n’a été effacé.} one {Une inscription effacée.} other {# inscriptions effacées.}}",

  "news.optIn":
    "Oui, envoyez-moi aussi les actualités de la {city} pour les entrepreneurs (facultatif, indépendamment de cette inscription). Je peux me désabonner à tout moment en un clic.",
  "news.title": "Actualités de la ville",
  "news.subscribed":
    "Le {date}, vous avez choisi de recevoir les actualités de la ville pour les entrepreneurs. Un clic suffit pour arrêter.",
  "news.withdraw": "Ne plus recevoir les actualités",
  "news.withdrawn": "Vous ne recevrez plus les actualités de la ville.",
} satisfies Record<keyof typeof nlBEGdpr, string>;
