/**
 * The Dutch (Belgium) catalogue: the source every other locale translates.
 * Messages use ICU syntax (intl-messageformat): {name} for values, plural/select for the rest.
 */
export const nlBE = {
  "site.name": "Ondernemersagenda",
  "site.tagline": "Gratis sessies voor ondernemers in je stad",
  "site.skipToContent": "Naar de inhoud",
  "site.organisers": "Voor organisatoren",
  "language.switch": "Taal",
  "language.suggestion": "Deze pagina bestaat ook in het Nederlands.",
  "language.suggestionLink": "Lees ze in het Nederlands",
  "language.dismiss": "Sluiten",
  "site.footer":
    "Infosessies, ontbijtsessies en startersfora van de steden en hun economische partners. Deelnemen is gratis.",

  "kind.info": "Infosessie",
  "kind.breakfast": "Ontbijtsessie",
  "kind.forum": "Startersforum",
  "kind.plural.info": "Infosessies",
  "kind.plural.breakfast": "Ontbijtsessies",
  "kind.plural.forum": "Startersfora",
  "language.nl": "Nederlands",
  "language.en": "Engels",
  "language.fr": "Frans",

  "home.title": "Sessies voor ondernemers",
  "home.intro":
    "Infosessies, ontbijtsessies en startersfora van je stad en haar partners. Gratis, en inschrijven duurt een minuut.",
  "home.count":
    "{count, plural, =0 {Geen sessies gevonden} one {# sessie gepland} other {# sessies gepland}}",
  "home.empty":
    "Er staan geen sessies gepland die aan je keuze voldoen. Kies een andere stad of soort sessie.",
  "home.byCity": "Sessies per stad",
  "filter.legend": "Sessies filteren",
  "filter.city": "Stad",
  "filter.allCities": "Alle steden",
  "filter.kind": "Soort sessie",
  "filter.allKinds": "Alle soorten",
  "filter.language": "Taal",
  "filter.allLanguages": "Alle talen",
  "filter.submit": "Toon sessies",
  "filter.reset": "Wis filters",

  "city.title": "Sessies in {city}",
  "city.intro": "Alle komende sessies voor ondernemers in {city}, de eerstvolgende bovenaan.",
  "city.others": "Andere steden",

  "availability.open": "{seats, plural, one {Nog # plaats vrij} other {Nog # plaatsen vrij}}",
  "availability.waitlist": "Volzet – wachtlijst",
  "availability.notYetOpen": "Inschrijven vanaf {date}",
  "availability.closed": "Inschrijvingen gesloten",
  "availability.past": "Afgelopen",
  "availability.cancelled": "Geannuleerd",
  "card.withPartners": "Met {partners}",
  "card.givenIn":
    "{language, select, en {In het Engels} fr {In het Frans} other {In het Nederlands}}",

  "session.when": "Wanneer",
  "session.where": "Waar",
  "session.organisers": "Organisatie",
  "session.language": "Taal",
  "session.seats": "Plaatsen",
  "session.seatsTaken":
    "{confirmed} van {capacity} plaatsen ingenomen{waiting, plural, =0 {} one {, # persoon op de wachtlijst} other {, # personen op de wachtlijst}}",
  "session.cityOrganiser": "Stad {city}",
  "session.backToList": "Alle sessies",
  "session.metaDescription": "{kind} in {city} op {date}. {summary}",

  "signup.title": "Inschrijven",
  "signup.waitlistNotice":
    "Deze sessie is volzet. Schrijf je in op de wachtlijst: komt er een plaats vrij, dan krijg je die automatisch en sturen we je een uitnodiging.",
  "signup.name": "Naam",
  "signup.email": "E-mailadres",
  "signup.emailHint": "Hier sturen we je bevestiging en de uitnodiging voor je agenda naartoe.",
  "signup.organisation": "Organisatie of bedrijf (optioneel)",
  "signup.enterpriseNumber": "Ondernemingsnummer (optioneel)",
  "signup.enterpriseNumberHint": "Tien cijfers, bijvoorbeeld 0123.456.749",
  "signup.submit": "Schrijf me in",
  "signup.submitWaitlist": "Zet me op de wachtlijst",
  "signup.submitting": "Even geduld…",
  "signup.unavailable.cancelled": "Deze sessie is geannuleerd. Je kunt je niet meer inschrijven.",
  "signup.unavailable.past": "Deze sessie heeft al plaatsgevonden.",
  "signup.unavailable.closed": "De inschrijvingen voor deze sessie zijn gesloten.",
  "signup.unavailable.notYetOpen": "De inschrijvingen openen op {date}.",

  "errors.form": "Je inschrijving is nog niet verstuurd. Verbeter de velden die we aanduiden.",
  "errors.required": "Vul dit veld in.",
  "errors.tooLong": "Hoogstens {max} tekens.",
  "errors.invalid": "Deze waarde kunnen we niet gebruiken. Kijk ze even na.",
  "errors.name.required": "Vul je naam in.",
  "errors.name.tooLong": "Je naam mag hoogstens {max} tekens lang zijn.",
  "errors.text.invalidCharacters": "Dit veld bevat tekens die we niet kunnen gebruiken.",
  "errors.email.invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.be.",
  "errors.organisation.tooLong": "De naam van je organisatie mag hoogstens {max} tekens lang zijn.",
  "errors.enterpriseNumber.invalid":
    "Dit is geen geldig ondernemingsnummer. Het telt tien cijfers, bijvoorbeeld 0123.456.749.",
  "errors.consent.required": "Je kunt je pas inschrijven als je hiermee akkoord gaat.",

  "thanks.title": "Bedankt voor je inschrijving",
  "thanks.body":
    "We stuurden een e-mail naar {email} met alle details en een persoonlijke link om je inschrijving te bekijken of te annuleren.",
  "thanks.bodyNoEmail":
    "We stuurden je een e-mail met alle details en een persoonlijke link om je inschrijving te bekijken of te annuleren.",
  "thanks.spam": "Niets ontvangen binnen een paar minuten? Kijk in je map met ongewenste e-mail.",
  "thanks.back": "Terug naar alle sessies",

  "manage.title": "Je inschrijving",
  "manage.status.confirmed": "Je bent ingeschreven. We verwachten je graag.",
  "manage.status.waitlisted":
    "Je staat op de wachtlijst, op plaats {position}. Komt er een plaats vrij, dan krijg je die automatisch.",
  "manage.status.cancelled": "Deze inschrijving is geannuleerd.",
  "manage.registeredAs": "Ingeschreven als {name} ({email})",
  "manage.cancel": "Inschrijving annuleren",
  "manage.leaveWaitlist": "Van de wachtlijst gaan",
  "manage.confirmTitle": "Wil je je inschrijving annuleren?",
  "manage.confirmBody":
    "Je plaats gaat naar de eerste persoon op de wachtlijst. Zolang er plaatsen vrij zijn, kun je je later opnieuw inschrijven.",
  "manage.confirm": "Ja, annuleer mijn inschrijving",
  "manage.confirmTitleWaitlisted": "Wil je van de wachtlijst gaan?",
  "manage.confirmBodyWaitlisted":
    "Je plaats op de wachtlijst vervalt. Wil je later toch komen, dan schrijf je je opnieuw in.",
  "manage.confirmWaitlisted": "Ja, haal me van de wachtlijst",
  "manage.keep": "Nee, ik blijf ingeschreven",
  "manage.cancelledNow": "Je inschrijving is geannuleerd. We stuurden je een bevestiging.",
  "manage.alreadyCancelled": "Deze inschrijving was al geannuleerd. Er is niets veranderd.",
  "manage.errors.past": "Deze sessie is al begonnen of voorbij: annuleren kan niet meer.",
  "manage.errors.unknownAction": "Deze actie kennen we niet. Gebruik de knoppen op de pagina.",
  "manage.signUpAgain": "Opnieuw inschrijven",
  "manage.sessionCancelled": "Deze sessie gaat niet door.",

  "notFound.title": "Pagina niet gevonden",
  "notFound.body":
    "Deze pagina bestaat niet (meer). Misschien is de link onvolledig, of is de sessie verwijderd.",
  "notFound.link": "Naar alle sessies",
  "error.title": "Er ging iets mis",
  "forbidden.title": "Geen toegang",
  "forbidden.body":
    "Deze pagina is er niet voor jouw account. Denk je dat je ze wel zou moeten zien, vraag het dan aan een beheerder.",
  "error.body": "Dat had niet mogen gebeuren. Probeer het over enkele minuten opnieuw.",

  "email.greeting": "Dag {name},",
  "email.confirmed.subject": "Ingeschreven: {title} op {date}",
  "email.confirmed.intro":
    "Je bent ingeschreven voor {title}. De uitnodiging voor je agenda zit bij deze e-mail.",
  "email.promoted.subject": "Er kwam een plaats vrij: je bent ingeschreven voor {title}",
  "email.promoted.intro":
    "Goed nieuws: er kwam een plaats vrij voor {title} en die is voor jou. De uitnodiging voor je agenda zit bij deze e-mail.",
  "email.waitlisted.subject": "Op de wachtlijst: {title}",
  "email.waitlisted.intro":
    "{title} is volzet. Je staat op de wachtlijst, op plaats {position}. Komt er een plaats vrij, dan krijg je die automatisch en sturen we je de uitnodiging voor je agenda.",
  "email.cancelled.subject": "Geannuleerd: je inschrijving voor {title}",
  "email.cancelled.intro":
    "Je inschrijving voor {title} is geannuleerd. Wie op de wachtlijst staat, krijgt je plaats. Kom je toch? Schrijf je opnieuw in zolang er plaats is.",
  "email.waitlistLeft.subject": "Van de wachtlijst: {title}",
  "email.waitlistLeft.intro": "Je staat niet meer op de wachtlijst voor {title}.",
  "email.reminder.subject": "Je inschrijving voor {title}",
  "email.reminder.intro.waitlisted":
    "Je vroeg je inschrijving voor {title} opnieuw aan, maar je staat al op de wachtlijst, op plaats {position}. Met de knop hieronder bekijk je ze.",
  "email.when": "Wanneer",
  "email.where": "Waar",
  "email.organisers": "Organisatie",
  "email.manage": "Bekijk of annuleer je inschrijving",
  "email.sessionPage": "Meer over deze sessie",
  "email.cantCome": "Kan je toch niet komen? Geef je plaats dan door aan iemand anders.",
  "email.cancelLink": "Annuleer je inschrijving",
  "email.qrAlt": "QR-code om je aan te melden bij het onthaal",
  "email.qrHint": "Toon deze code bij het onthaal: zo ben je sneller binnen.",
  "email.signUpAgain": "Opnieuw inschrijven",
  "email.footer":
    "Je krijgt deze e-mail omdat je je inschreef via de Ondernemersagenda. Deze link is persoonlijk: stuur deze e-mail niet door.",
} as const;
