/**
 * Personal data and accessibility: the privacy statement, the register of processing for admins
 * (both read app/lib/processing-register.ts), the accessibility statement, the links to them in
 * every footer and in the sign-up form's consent line.
 */
export const nlBEPrivacy = {
  "footer.label": "Over deze website",
  "footer.privacy": "Privacy",
  "footer.accessibility": "Toegankelijkheid",

  "signup.consentWithPartners":
    "{partnerCount, plural, =0 {Ik ga ermee akkoord dat de Stad {city} mijn gegevens gebruikt om deze sessie te organiseren.} one {Ik ga ermee akkoord dat de Stad {city} en haar partner {partners} mijn gegevens gebruiken om deze sessie te organiseren.} other {Ik ga ermee akkoord dat de Stad {city} en haar partners {partners} mijn gegevens gebruiken om deze sessie te organiseren.}}",
  "signup.consentPrivacyLink": "Lees hoe we met je gegevens omgaan",

  // The register: one activity a row, in the words the privacy statement uses too.
  "privacy.activity.registrations.title": "Inschrijvingen voor sessies",
  "privacy.activity.registrations.purpose":
    "Je inschrijving verwerken en de sessie organiseren: je bevestiging en agenda-uitnodiging sturen, de wachtlijst bijhouden, je laten weten als de sessie verandert of niet doorgaat, en je inchecken op de dag zelf.",
  "privacy.activity.cityFigures.title": "Cijfers voor de stad",
  "privacy.activity.cityFigures.purpose":
    "Tellen hoeveel ondernemers de sessies bereikten, wie voor het eerst kwam en wie terugkwam, zodat de stad en haar partners over hun beleid kunnen rapporteren. Daarvoor bewaren we bij elke inschrijving een pseudoniem van je e-mailadres, ook nadat je naam en adres gewist zijn. Niemand krijgt het pseudoniem te zien: de werkruimte toont alleen totalen.",
  "privacy.activity.organiserAccounts.title": "Accounts van organisatoren",
  "privacy.activity.organiserAccounts.purpose":
    "Medewerkers van de stad en van de partners veilig laten aanmelden in de werkruimte, hen enkel laten zien wat bij hun stad of partner hoort, en bijhouden wie wat wijzigde of exporteerde.",
  "privacy.activity.removedOrganisers.title": "Verwijderde accounts van organisatoren",
  "privacy.activity.removedOrganisers.purpose":
    "Wie een beheerder verwijderde, niet vanzelf opnieuw laten binnenkomen via het domein van de organisatie dat aanmelden met het account van de stad toelaat, tot een beheerder die persoon opnieuw uitnodigt.",
  "privacy.activity.mailLog.title": "Verstuurde e-mails",
  "privacy.activity.mailLog.purpose":
    "Bevestigingen, agenda-uitnodigingen, wijzigingen, berichten van de organisatoren en herstellinks voor wachtwoorden betrouwbaar versturen, en opnieuw proberen als de mailserver even niet bereikbaar is.",
  "privacy.activity.deferredWork.title": "Werk dat na het antwoord gebeurt",
  "privacy.activity.deferredWork.purpose":
    "Wie een herstellink voor een wachtwoord vraagt of zich aanmeldt met een verkeerd wachtwoord, krijgt meteen antwoord; de herstellink maken en versturen en de mislukte aanmelding in het logboek schrijven, gebeurt vlak daarna. Zo verraadt de duur van het antwoord niet wie een account heeft, en gaat er niets verloren als de server net dan herstart.",
  "privacy.activity.abuseLimits.title": "Bescherming tegen misbruik",
  "privacy.activity.abuseLimits.purpose":
    "Tellen hoeveel formulieren er van één adres komen, zodat niemand de website kan overbelasten, wachtwoorden kan raden of iemands mailbox kan volsturen.",

  "privacy.subject.attendees": "deelnemers",
  "privacy.subject.organisers": "organisatoren",

  "privacy.category.name": "naam",
  "privacy.category.email": "e-mailadres",
  "privacy.category.organisation": "organisatie of bedrijf (als je die invult)",
  "privacy.category.enterpriseNumber": "ondernemingsnummer (als je het invult)",
  "privacy.category.sessionAnswers":
    "je antwoorden op de vragen die een sessie bij de inschrijving stelt (bijvoorbeeld voedingswensen bij een ontbijt, je studierichting, of je lid bent van een partner, of je met een rolstoel of tolk komt); ze volgen de rest van je inschrijving: je kunt ze downloaden en wissen, en ze worden samen met je naam gewist",
  "privacy.category.signUpMoment": "wanneer je je inschreef en akkoord ging",
  "privacy.category.status":
    "of je ingeschreven bent, op de wachtlijst staat, een plaats aanvroeg (en wat de organisatie daarover besliste, met haar toelichting) of annuleerde",
  "privacy.category.checkIn": "of en wanneer je aanwezig was (check-in)",
  "privacy.category.language": "de taal van je e-mails",
  "privacy.category.roleAndScope": "rol, en de steden of partner waarvoor je werkt",
  "privacy.category.passwordHash": "wachtwoord, enkel als onomkeerbare hash",
  "privacy.category.signIns": "aanmeldingen en herstellinks",
  "privacy.category.auditTrail": "wat je in de werkruimte wijzigt of exporteert (logboek)",
  "privacy.category.messageContent": "onderwerp, tekst en agenda-uitnodiging van elk bericht",
  "privacy.category.deliveryStatus": "wanneer een bericht verstuurd werd, of waarom het mislukte",
  "privacy.category.hashedAddresses":
    "een hash (SHA-256) van je IP-adres en e-mailadres, nooit de adressen zelf",
  "privacy.category.requestMoments": "wanneer je een formulier verstuurde",
  "privacy.category.pseudonym":
    "een pseudoniem van je e-mailadres: een code die met een geheime sleutel uit je adres berekend wordt en er niet naar terug te rekenen is",

  "privacy.recipient.cityOrganisers": "de organisatoren van de stad",
  "privacy.recipient.sessionPartners":
    "{partnerCount, plural, =0 {de partners van de sessie waarvoor je je inschrijft} other {de partners van de sessie waarvoor je je inschrijft, een of meer van: {partners}}}",
  "privacy.recipient.admins": "de beheerders van de Ondernemersagenda",
  "privacy.recipient.mailServer": "de mailserver die onze e-mails aflevert",
  "privacy.recipient.nobody": "niemand buiten de Ondernemersagenda zelf",

  "privacy.retention.monthsAfterSession":
    "{months, plural, one {# maand} other {# maanden}} na de sessie; dan vervangen we je naam, e-mailadres, organisatie en ondernemingsnummer door een plaatshouder en wissen we je antwoorden op de vragen van de sessie",
  "privacy.retention.monthsAfterLastSession":
    "{pseudonymMonths, plural, one {# maand} other {# maanden}} na je laatste sessie; wis je je gegevens, dan verdwijnt het pseudoniem meteen",
  "privacy.retention.daysAfterSending":
    "{days, plural, one {# dag} other {# dagen}} na verzending; dan wissen we de ontvanger en de inhoud van het bericht",
  "privacy.retention.untilAccountRemoved":
    "tot een beheerder het account verwijdert; daarna blijven enkel je naam en je vermeldingen in het logboek bewaard",
  "privacy.retention.whileDomainAllowed":
    "tot een beheerder je opnieuw uitnodigt, of tot de dag nadat je domein niet langer toegelaten is",
  "privacy.retention.aboutADay": "ongeveer een dag",
  "privacy.retention.untilDone":
    "tot het werk gedaan is, meestal binnen enkele seconden; lukt het na herhaalde pogingen niet, dan bewaren we het nog {days, plural, one {# dag} other {# dagen}} om de oorzaak te zoeken",

  "privacy.basis.consent":
    "toestemming (artikel 6.1.a AVG), die je geeft met het vinkje bij je inschrijving",
  "privacy.basis.publicTask":
    "taak van algemeen belang (artikel 6.1.e AVG): het lokale economische beleid van de stad",

  "privacy.field.subjects": "Over wie",
  "privacy.field.categories": "Welke gegevens",
  "privacy.field.recipients": "Wie ze krijgt",
  "privacy.field.retention": "Hoe lang",
  "privacy.field.basis": "Rechtsgrond",

  // The privacy statement.
  "privacy.title": "Privacyverklaring",
  "privacy.lead":
    "Wat de Ondernemersagenda over je bijhoudt als je je inschrijft voor een sessie of als organisator werkt: waarom, met wie we het delen, hoe lang we het bewaren en welke rechten je hebt.",
  "privacy.controller.title": "Wie is verantwoordelijk?",
  "privacy.controller.body":
    "{controller} is verantwoordelijk voor je persoonsgegevens in de Ondernemersagenda (de verwerkingsverantwoordelijke).",
  "privacy.controller.contact": "Vragen over je gegevens",
  "privacy.controller.dpo": "Functionaris voor gegevensbescherming",
  "privacy.activities.title": "Wat we bijhouden en waarom",
  "privacy.sharing.title": "Met wie we je gegevens delen",
  "privacy.sharing.body":
    "De stad organiseert haar sessies vaak samen met partners. Schrijf je je in, dan zien de organisatoren van de stad en van de partners van die sessie je inschrijving. Welke partners dat zijn, staat op de pagina van de sessie en in de zin waarmee je akkoord gaat.",
  "privacy.sharing.partners":
    "{partnerCount, plural, =0 {Op dit moment werken we met geen enkele partner samen.} one {Onze partner: {partners}.} other {Onze partners: {partners}.}}",
  "privacy.sharing.nobodyElse":
    "Verder krijgt niemand je gegevens, behalve de mailserver die onze e-mails aflevert. We verkopen ze niet en gebruiken ze niet voor reclame.",
  "privacy.retention.title": "Hoe lang we je gegevens bewaren",
  "privacy.rights.title": "Je rechten",
  "privacy.rights.access":
    "Je gegevens inzien en downloaden: open de link in je bevestigingsmail. Op die pagina zie je wat we over je inschrijving bewaren en download je het.",
  "privacy.rights.rectification":
    "Je gegevens verbeteren: via dezelfde link pas je je naam, organisatie, ondernemingsnummer en antwoorden zelf aan, tot de inschrijvingen sluiten. Je e-mailadres wijzig je door je inschrijving te annuleren en je opnieuw in te schrijven.",
  "privacy.rights.erasure":
    "Je gegevens laten wissen of je toestemming intrekken: via dezelfde link. Je inschrijving vervalt dan.",
  "privacy.rights.other":
    "Je gegevens laten verbeteren, bezwaar maken of een andere vraag stellen: mail naar {contact} of naar onze functionaris voor gegevensbescherming, {dpo}. We antwoorden binnen een maand.",
  "privacy.rights.organisers":
    "Ben je organisator? Een beheerder past je account aan of verwijdert het. Voor je andere rechten mail je naar {contact}.",
  "privacy.complaint.title": "Een klacht indienen",
  "privacy.complaint.body":
    "Ben je niet tevreden over hoe we met je gegevens omgaan? Laat het ons eerst weten. Je kunt ook klacht indienen bij de Vlaamse Toezichtcommissie voor de verwerking van persoonsgegevens:",
  "privacy.complaint.link": "vlaamsetoezichtcommissie.be",

  // The register of processing (art. 30 GDPR), for admins.
  "register.title": "Verwerkingsregister",
  "register.intro":
    "Welke persoonsgegevens de Ondernemersagenda verwerkt, waarom en hoe lang. De privacyverklaring toont dezelfde gegevens aan bezoekers; beide lezen ze uit één lijst in de code.",
  "register.controller": "Verwerkingsverantwoordelijke",
  "register.contact": "Contact",
  "register.dpo": "Functionaris voor gegevensbescherming",
  "register.column.activity": "Verwerking",
  "register.column.purpose": "Doel",
  "register.publicPage": "De privacyverklaring voor bezoekers",
  "admin.nav.register": "Verwerkingsregister",

  // The accessibility statement.
  "accessibility.title": "Toegankelijkheidsverklaring",
  "accessibility.lead":
    "{controller} wil dat iedereen de Ondernemersagenda kan gebruiken, ook wie met een schermlezer, alleen met het toetsenbord of met een vergroting werkt. Deze verklaring geldt voor {site}, zoals het Bestuursdecreet van 7 december 2018 vraagt.",
  "accessibility.status.title": "Nalevingsstatus",
  "accessibility.status.body":
    "Deze website is gedeeltelijk in overeenstemming met de Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA. Wat nog niet in orde is of nog niet gecontroleerd werd, staat hieronder.",
  "accessibility.checked.title": "Hoe we dat controleren",
  "accessibility.checked.body":
    "Automatische browsertests controleren deze pagina's met axe-core op de regels van WCAG 2.1 A en AA, en vinden er geen fouten:",
  "accessibility.checked.home": "de agenda (de startpagina)",
  "accessibility.checked.session": "de pagina van een sessie, met het inschrijvingsformulier",
  "accessibility.checked.thanks": "de bevestiging na je inschrijving",
  "accessibility.checked.manage": "de pagina waar je je inschrijving bekijkt en annuleert",
  "accessibility.checked.notFound": "de foutpagina 'Pagina niet gevonden'",
  "accessibility.checked.statements": "de privacyverklaring en deze toegankelijkheidsverklaring",
  "accessibility.checked.dashboard": "voor organisatoren: het overzicht van de werkruimte",
  "accessibility.checked.newSession": "voor organisatoren: een nieuwe sessie aanmaken",
  "accessibility.checked.attendees": "voor organisatoren: de deelnemerslijst van een sessie",
  "accessibility.checked.checkin":
    "voor organisatoren: de incheck-lijst, op het scherm van een gsm",
  "accessibility.checked.more":
    "Dezelfde tests controleren ook dat je je zonder JavaScript kunt inschrijven en annuleren, en dat de agenda, de pagina van een stad en de pagina van een sessie op een scherm van 360 pixels breed passen zonder zijwaarts te scrollen. Automatische tests vinden niet alle problemen; een volledige controle met de hand, bijvoorbeeld met een schermlezer, gebeurde nog niet.",
  "accessibility.gaps.title": "Wat nog niet toegankelijk is of niet gecontroleerd werd",
  "accessibility.gaps.pages":
    "Deze pagina's controleren de tests nog niet: de pagina van een stad, aanmelden en wachtwoord vergeten, en in de werkruimte het bewerken, annuleren en exporteren van sessies, berichten aan deelnemers, het beheer van organisatoren, het logboek, het verwerkingsregister, het wissen van persoonsgegevens en de incheck-pagina van één deelnemer.",
  "accessibility.gaps.errors":
    "Formulieren met foutmeldingen worden niet automatisch gecontroleerd, alleen zonder fouten.",
  "accessibility.gaps.qr":
    "De QR-code in je bevestigingsmail is voor de organisator, die hem met de camera van een gsm scant om je in te checken. Zonder camera gaat het ook: de organisator zoekt je naam in de incheck-lijst en tikt één keer.",
  "accessibility.gaps.mail":
    "De e-mails die we sturen (bevestigingen, uitnodigingen, berichten) worden niet automatisch gecontroleerd.",
  "accessibility.gaps.files":
    "De website biedt geen PDF-documenten aan. De exports voor organisatoren (CSV en Excel) vallen buiten deze controle.",
  "accessibility.prepared.title": "Opstelling van deze verklaring",
  "accessibility.prepared.body":
    "We stelden deze verklaring op {date}, op basis van een eigen beoordeling met de automatische tests hierboven.",
  "accessibility.report.title": "Een probleem melden",
  "accessibility.report.body":
    "Loop je vast op deze website, of heb je informatie nodig in een vorm die je wel kunt gebruiken? Mail naar {contact} en zeg op welke pagina en wat er misgaat. We zoeken samen met jou een oplossing.",
  "accessibility.enforcement.title": "Handhavingsprocedure",
  "accessibility.enforcement.body":
    "Ben je niet tevreden met ons antwoord? Dan kun je een klacht indienen bij de Vlaamse Ombudsdienst:",
  "accessibility.enforcement.link": "vlaamseombudsdienst.be",
} as const;
