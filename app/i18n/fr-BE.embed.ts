import type { nlBEEmbed } from "./nl-BE.embed";

/** French (Belgium): the sessions on partners’ sites (the embed and the page that explains it). */
export const frBEEmbed = {
  "embed.titleCity": "Sessions pour entrepreneurs à {city}",
  "embed.more": "Toutes les sessions sur l’Ondernemersagenda",
  "footer.partners": "Espace partenaires",

  "partners.title": "Nos sessions sur votre propre site",
  "partners.intro":
    "Vous êtes partenaire de la ville, comme VOKA, Unizo ou l’université ? Affichez aussi les sessions pour entrepreneurs sur votre propre site. Elles restent automatiquement à jour, avec les places libres du moment.",
  "partners.embed.title": "Copiez et collez la liste",
  "partners.embed.choose": "Choisissez les sessions à afficher",
  "partners.embed.partner": "Partenaire",
  "partners.embed.allPartners": "Tous les partenaires",
  "partners.embed.language": "Langue de la liste",
  "partners.embed.make": "Générer le code",
  "partners.embed.snippet": "Code pour votre site",
  "partners.embed.how":
    "Collez ce code dans un bloc HTML de votre site. En cliquant sur une session, les visiteurs arrivent sur notre site pour s’y inscrire.",
  "partners.embed.preview": "Aperçu",
  "partners.api.title": "Vous préférez gérer la mise en page vous-même ?",
  "partners.api.intro":
    "Notre API ouverte vous permet de récupérer les mêmes sessions en JSON, avec des filtres par ville, type, partenaire, langue et période. Aucune clé n’est nécessaire.",
  "partners.api.document": "Description de l’API (OpenAPI)",
} satisfies Record<keyof typeof nlBEEmbed, string>;
