/** What the site says when it refuses a request: abuse limits and requests it cannot take. */
export const nlBESecurity = {
  "tooMany.title": "Even geduld",
  "tooMany.body":
    "Er kwamen te veel aanvragen tegelijk binnen. Probeer het over {minutes, plural, one {een minuut} other {# minuten}} opnieuw.",
  "tooMany.mailBody":
    "We stuurden het voorbije uur al verschillende e-mails naar dit adres. Om misbruik te voorkomen, kan je het over {minutes, plural, one {een minuut} other {# minuten}} opnieuw proberen.",
  "busy.title": "Even druk",
  "busy.body":
    "Er melden zich nu veel mensen tegelijk aan. Probeer het over enkele seconden opnieuw.",

  "edge.forbidden.title": "Formulier geweigerd",
  "edge.forbidden.body":
    "Dit formulier kwam niet van deze website, en daarom hebben we het niet verwerkt. Open de pagina opnieuw en verstuur het formulier van daar.",
  "edge.tooLarge.title": "Te veel gegevens",
  "edge.tooLarge.body":
    "Dit formulier bevat meer gegevens dan we aannemen. Maak de tekst korter en probeer het opnieuw.",
  "edge.unsupported.title": "Formulier niet leesbaar",
  "edge.unsupported.body":
    "We konden dit formulier niet lezen. Open de pagina opnieuw en verstuur het formulier van daar.",
  "edge.badRequest.title": "Ongeldige aanvraag",
  "edge.badRequest.body": "We konden deze aanvraag niet lezen.",
  "edge.backHome": "Naar alle sessies",
} as const;
