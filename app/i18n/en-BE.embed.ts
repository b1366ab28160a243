import type { nlBEEmbed } from "./nl-BE.embed";

/**
 * English (Belgium): the sessions on partners' sites (the embed and the page that explains it).
 * ICU message syntax, as in nl-BE.ts.
 */
export const enBEEmbed = {
  "embed.titleCity": "Sessions for entrepreneurs in {city}",
  "embed.more": "All sessions on Ondernemersagenda",
  "footer.partners": "For partners",

  "partners.title": "Our sessions on your own website",
  "partners.intro":
    "Are you one of the city’s partners, like VOKA, Unizo or the university? Then show the sessions for entrepreneurs on your own website too. They stay up to date on their own, with the places available at that moment.",
  "partners.embed.title": "Copy and paste the list",
  "partners.embed.choose": "Choose which sessions to show",
  "partners.embed.partner": "Partner",
  "partners.embed.allPartners": "All partners",
  "partners.embed.language": "Language of the list",
  "partners.embed.make": "Create the code",
  "partners.embed.snippet": "Code for your website",
  "partners.embed.how":
    "Paste this code into an HTML block on your website. Anyone who clicks a session comes to our site to sign up.",
  "partners.embed.preview": "What it looks like",
  "partners.api.title": "Prefer to design it yourself?",
  "partners.api.intro":
    "With our open API, you can fetch the same sessions as JSON, filtered by city, kind, partner, language and period. You don’t need a key.",
  "partners.api.document": "API description (OpenAPI)",
} satisfies Record<keyof typeof nlBEEmbed, string>;
