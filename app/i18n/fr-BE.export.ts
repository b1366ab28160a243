import type { nlBEExport } from "./nl-BE.export";

/** French (Belgium): the export part of the catalogue. ICU message syntax, as in nl-BE.ts. */
export const frBEExport = {
  "export.column.session": "Session",
  "export.column.date": "Date",
  "export.column.start": "Début",
  "export.column.end": "Fin",
  "export.column.city": "Ville",
  "export.column.venue": "Lieu",
  "export.column.name": "Nom",
  "export.column.email": "E-mail",
  "export.column.organisation": "Organisation",
  "export.column.enterpriseNumber": "Numéro d’entreprise (BCE)",
  "export.column.status": "Statut",
  "export.column.registeredAt": "Inscrit le",
  "export.column.checkedIn": "Présent",
  "export.column.source": "Ajouté par",

  "export.status.confirmed": "Inscrit",
  "export.status.waitlisted": "Liste d’attente",
  "export.checkedIn.yes": "oui",
  "export.source.organiser": "organisateur",
  "export.source.public": "site web",
  "export.source.door": "arrivé sans inscription",

  "export.sheetName": "Participants",
  // File names are cleaned to plain ASCII after translation, so keep these short and simple.
  "export.fileName.prefix": "participants",
  "export.fileName.allCities": "toutes-les-villes",

  "export.error.format":
    "Format d’export inconnu. Choisissez CSV (point-virgule), CSV (virgule) ou Excel.",
  "export.error.choose": "Choisissez une session, ou une période avec une date de début et de fin.",
  "export.error.cityId": "Ce numéro de ville n’est pas valide.",
  "export.error.from": "La date de début n’est pas une date valide. Utilisez le format AAAA-MM-JJ.",
  "export.error.to": "La date de fin n’est pas une date valide. Utilisez le format AAAA-MM-JJ.",
  "export.error.range": "La date de début doit être antérieure ou égale à la date de fin.",
  "export.error.sessionNotFound":
    "Cette session n’existe pas, ou vous n’avez pas accès à ses participants.",
  "export.error.cityNotFound": "Cette ville n’existe pas.",
} satisfies Record<keyof typeof nlBEExport, string>;
