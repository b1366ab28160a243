import type { nlBECertificate } from "./nl-BE.certificate";

/** French (Belgium): the certificate of attendance and its verification page. */
export const frBECertificate = {
  "certificate.issuer": "Ville de {city}",
  "certificate.heading": "Attestation de participation",
  "certificate.confirms": "La Ville de {city} atteste que",
  "certificate.attended": "a participé à la séance",
  "certificate.date": "Date",
  "certificate.duration": "Durée",
  "certificate.partners": "Partenaires",
  "certificate.hours": "{hours, plural, one {# heure} other {# heures}}",
  "certificate.minutes": "{minutes, plural, one {# minute} other {# minutes}}",
  "certificate.verifyAt": "Vérifier l’authenticité : scannez le code QR ou rendez-vous sur",
  "certificate.fileName": "attestation",
  "certificate.documentTitle": "Attestation de participation : {title}",
  "certificate.none":
    "Il n’y a pas d’attestation de participation pour cette inscription : elle n’existe qu’une fois votre présence enregistrée à la séance et la séance commencée.",

  "certificate.manage.title": "Attestation de participation",
  "certificate.manage.body":
    "Vous étiez présent·e. Votre attestation de participation indique votre nom, la séance, la date, la durée et les partenaires, avec une adresse où chacun peut vérifier qu’elle est authentique.",
  "certificate.manage.download": "Télécharger l’attestation (PDF)",

  "certificate.verify.title": "Vérifier une attestation de participation",
  "certificate.verify.genuine": "Authentique",
  "certificate.verify.genuineBody":
    "La Ville de {city} a délivré cette attestation. Voici ce qu’indiquent nos données : vérifiez que l’attestation que vous avez reçue dit la même chose.",
  "certificate.verify.name": "Nom",
  "certificate.verify.session": "Séance",
  "certificate.verify.city": "Délivrée par",
  "certificate.verify.unknown": "Pas authentique ou inconnue",
  "certificate.verify.unknownBody":
    "Nous n’avons délivré aucune attestation avec ce code. Vérifiez que vous avez recopié l’adresse entièrement et correctement ; si c’est le cas, l’attestation n’est pas authentique.",
  "certificate.verify.erased": "Plus vérifiable",
  "certificate.verify.erasedBody":
    "Cette attestation ne peut plus être vérifiée : les données du participant ont été effacées depuis.",
} satisfies Record<keyof typeof nlBECertificate, string>;
