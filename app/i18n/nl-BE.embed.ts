/**
 * Dutch (Belgium): the sessions on partners' sites (the embed and the page that explains it).
 * ICU message syntax, as in nl-BE.ts.
 */
export const nlBEEmbed = {
  "embed.titleCity": "Sessies voor ondernemers in {city}",
  "embed.more": "Alle sessies op Ondernemersagenda",
  "footer.partners": "Voor partners",

  "partners.title": "Onze sessies op je eigen website",
  "partners.intro":
    "Ben je partner van de stad, zoals VOKA, Unizo of de universiteit? Toon de sessies voor ondernemers dan ook op je eigen website. Ze blijven vanzelf up-to-date, met de vrije plaatsen van dat moment.",
  "partners.embed.title": "Kopieer en plak de lijst",
  "partners.embed.choose": "Kies welke sessies je toont",
  "partners.embed.partner": "Partner",
  "partners.embed.allPartners": "Alle partners",
  "partners.embed.language": "Taal van de lijst",
  "partners.embed.make": "Maak de code",
  "partners.embed.snippet": "Code voor je website",
  "partners.embed.how":
    "Plak deze code in een HTML-blok van je website. Wie op een sessie klikt, komt op onze site terecht om zich in te schrijven.",
  "partners.embed.preview": "Zo ziet het eruit",
  "partners.api.title": "Liever zelf vormgeven?",
  "partners.api.intro":
    "Met onze open API haal je dezelfde sessies op als JSON, met filters per stad, soort, partner, taal en periode. Een sleutel heb je niet nodig.",
  "partners.api.document": "Beschrijving van de API (OpenAPI)",
};
