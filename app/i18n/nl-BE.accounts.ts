/**
 * An organiser's own account: two-step sign-in (the code after the password, setting it up,
 * recovery codes), the devices they are signed in on, and what admins decide about both.
 */
export const nlBEAccounts = {
  "account.nav": "Mijn account",
  "account.title": "Mijn account",
  "account.intro": "Je meldt je aan als {email}.",
  "account.errors.unknownAction": "Die actie kennen we niet. Laad de pagina opnieuw.",

  "twoStep.title": "Tweestapsverificatie",
  "twoStep.explain":
    "Na je wachtwoord vragen we een code uit een authenticator-app op je telefoon. Wie je wachtwoord kent, kan dan nog niet aan de gegevens van deelnemers.",
  "twoStep.status.on": "Tweestapsverificatie staat aan.",
  "twoStep.status.off": "Tweestapsverificatie staat uit.",
  "twoStep.status.required":
    "Een beheerder heeft tweestapsverificatie verplicht gemaakt: je kunt ze niet uitzetten.",
  "twoStep.recoveryLeft":
    "{count, plural, =0 {Je hebt geen herstelcodes meer.} one {Je hebt nog # herstelcode.} other {Je hebt nog # herstelcodes.}}",
  "twoStep.setup.begin": "Tweestapsverificatie aanzetten",
  "twoStep.setup.begun": "Scan de QR-code en bevestig met een code uit je app.",
  "twoStep.setup.again": "Opnieuw beginnen met een nieuwe sleutel",
  "twoStep.setup.scan":
    "Open een authenticator-app (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP) en scan deze QR-code.",
  "twoStep.setup.qrAlt": "QR-code voor je authenticator-app",
  "twoStep.setup.typeKey": "Lukt scannen niet? Typ dan deze sleutel in je app:",
  "twoStep.setup.codeLabel": "Code uit je app",
  "twoStep.setup.codeHint": "De zes cijfers die je app nu toont.",
  "twoStep.setup.confirm": "Bevestigen en aanzetten",
  "twoStep.recovery.title": "Je herstelcodes",
  "twoStep.recovery.intro":
    "Tweestapsverificatie staat aan. Bewaar deze {count} herstelcodes op een veilige plek: je ziet ze maar één keer. Is je telefoon weg, dan meld je je aan met één ervan; elke code werkt één keer.",
  "twoStep.off.open": "Tweestapsverificatie uitzetten",
  "twoStep.off.codeLabel": "Code uit je app of een herstelcode",
  "twoStep.off.submit": "Uitzetten",
  "twoStep.off.done": "Tweestapsverificatie staat uit. Je andere toestellen zijn afgemeld.",

  "twoStep.code.title": "Code uit je app",
  "twoStep.code.intro": "Je wachtwoord klopt. Geef nu de code uit je authenticator-app.",
  "twoStep.code.label": "Code",
  "twoStep.code.hint":
    "De zes cijfers uit je app, of een van je herstelcodes als je je telefoon niet bij de hand hebt.",
  "twoStep.code.submit": "Aanmelden",
  "twoStep.code.cancel": "Annuleren en afmelden",
  "twoStep.code.expired": "Dat duurde te lang. Meld je opnieuw aan.",

  "twoStep.enrol.title": "Tweestapsverificatie instellen",
  "twoStep.enrol.intro":
    "Voor jouw account is tweestapsverificatie verplicht. Stel ze nu in; daarna kom je in de werkruimte.",
  "twoStep.enrol.doneTitle": "Tweestapsverificatie is ingesteld",
  "twoStep.enrol.continue": "Verder naar de werkruimte",

  "twoStep.errors.form": "De code is niet aanvaard.",
  "twoStep.errors.codeRequired": "Geef de code.",
  "twoStep.errors.wrongCode":
    "Die code klopt niet, of werd al gebruikt. Wacht op de volgende code in je app en probeer opnieuw.",
  "twoStep.errors.alreadyOn": "Tweestapsverificatie staat al aan.",
  "twoStep.errors.notOn": "Tweestapsverificatie staat niet aan.",
  "twoStep.errors.notStarted": "Begin eerst opnieuw met instellen.",
  "twoStep.errors.required":
    "Een beheerder heeft tweestapsverificatie verplicht gemaakt: je kunt ze niet uitzetten.",
  "twoStep.errors.locked": "Te veel foute codes na elkaar. Probeer het opnieuw vanaf {time}.",
  "twoStep.errors.requirement": "Kies wie tweestapsverificatie moet gebruiken.",

  "twoStep.requirement.title": "Tweestapsverificatie verplichten",
  "twoStep.requirement.label": "Wie moet tweestapsverificatie gebruiken?",
  "twoStep.requirement.hint":
    "Wie ze nog niet heeft, stelt ze in bij de volgende aanmelding. Deurvrijwilligers vallen er niet onder.",
  "twoStep.requirement.nobody": "Niemand (vrije keuze)",
  "twoStep.requirement.admins": "Beheerders",
  "twoStep.requirement.everyone": "Beheerders en organisatoren",
  "twoStep.requirement.save": "Bewaren",
  "twoStep.requirement.saved.nobody": "Tweestapsverificatie is voor niemand meer verplicht.",
  "twoStep.requirement.saved.admins": "Tweestapsverificatie is nu verplicht voor beheerders.",
  "twoStep.requirement.saved.everyone":
    "Tweestapsverificatie is nu verplicht voor beheerders en organisatoren.",

  "organisers.column.twoStep": "Tweestapsverificatie",
  "organisers.twoStep.on": "Aan",
  "organisers.twoStep.off": "Uit",
  "organisers.twoStepReset": "Resetten",
  "organisers.twoStepResetConfirm": "Ja, reset de tweestapsverificatie van {name}",
  "organisers.twoStepResetDone":
    "De tweestapsverificatie van {name} is gereset; {name} is overal afgemeld.",
  "organisers.errors.resetSelf":
    "Je eigen tweestapsverificatie zet je uit op je accountpagina, niet hier.",

  "devices.title": "Aangemelde toestellen",
  "devices.intro":
    "Hier ben je nu aangemeld. Herken je een toestel niet, meld het dan af en kies een nieuw wachtwoord.",
  "devices.column.device": "Toestel",
  "devices.column.signedIn": "Aangemeld",
  "devices.column.lastSeen": "Laatst gezien",
  "devices.column.address": "Vanaf adres",
  "devices.thisDevice": "Dit toestel",
  "devices.unknown": "Onbekende browser",
  "devices.unknownAddress": "Onbekend",
  "devices.signOut": "Afmelden",
  "devices.signOutOthers": "Alle andere toestellen afmelden",
  "devices.signedOut": "Dat toestel is afgemeld.",
  "devices.othersSignedOut":
    "{count, plural, =0 {Er was geen ander toestel aangemeld.} one {# ander toestel is afgemeld.} other {# andere toestellen zijn afgemeld.}}",
  "devices.errors.gone": "Dat toestel is niet (meer) aangemeld.",
  "cityLogin.button": "Aanmelden met je account van de stad",
  "cityLogin.or": "Of meld je aan met je e-mailadres en wachtwoord:",
  "cityLogin.only":
    "Met een adres van de stad meld je je aan met de knop ‘{button}’, niet met een wachtwoord.",
  "cityLogin.failed.title": "Aanmelden is niet gelukt",
  "cityLogin.failed.refused":
    "De aanmelding bij de stad kon niet bevestigd worden (ze was verlopen, al gebruikt of niet in deze browser begonnen). Er is niets veranderd. Probeer het opnieuw.",
  "cityLogin.failed.unverified":
    "Je account bij de stad gaf geen bevestigd e-mailadres door. Vraag de ICT-dienst van de stad om het e-mailadres in je account te zetten.",
  "cityLogin.failed.notInvited":
    "Je bent aangemeld bij de stad, maar dit adres heeft geen toegang tot de agenda. Vraag een beheerder om je uit te nodigen.",
  "cityLogin.failed.removedByAdmin":
    "Je bent aangemeld bij de stad, maar een beheerder heeft je account in de agenda gesloten. Vraag een beheerder om je opnieuw uit te nodigen.",
  "cityLogin.failed.doorAccessEnded": "Je toegang als deurvrijwilliger is afgelopen met je sessie.",
  "cityLogin.failed.unavailable":
    "De aanmelddienst van de stad antwoordt nu niet. Probeer het over enkele minuten opnieuw.",
  "cityLogin.failed.again": "Terug naar aanmelden",

  "organisers.joinedThroughDomain":
    "Kwam erbij via een domein: meldt zich alleen aan met het account van de stad.",
  "signInDomains.title": "Aanmelden per domein",
  "signInDomains.intro":
    "Laat de medewerkers van een partner of stadsdienst zelf binnen. Wie zich aanmeldt met de knop van de stad, met een e-mailadres van een domein hieronder dat de stad bevestigt, krijgt een account als organisator van de stad of partner die erbij staat. Nooit als beheerder: die nodig je uit bij Organisatoren.",
  "signInDomains.noProvider":
    "De stad heeft nog geen aanmelddienst gekoppeld: tot dan komt niemand via een domein binnen.",
  "signInDomains.leavers":
    "Wie via een domein binnenkwam, heeft geen wachtwoord en geen passkey: alleen het account bij de stad laat hem binnen. Zet de ICT-dienst het account van iemand die vertrekt af, dan kan die zich niet meer aanmelden. Een domein verwijderen laat niemand nieuw meer binnen, maar de accounts die er al mee gemaakt zijn, blijven bestaan: verwijder die bij Organisatoren. Wie je daar verwijdert, komt niet meer binnen via het domein, tot een beheerder hem opnieuw uitnodigt.",
  "signInDomains.link": "Aanmelden per domein",
  "signInDomains.linkIntro":
    "Medewerkers van een partner of stadsdienst kunnen zichzelf toegang geven met het account van de stad, als je hun domein toelaat.",
  "signInDomains.column.domain": "Domein",
  "signInDomains.column.scope": "Ziet",
  "signInDomains.column.accounts": "Accounts",
  "signInDomains.scope.city": "Stad {name}",
  "signInDomains.scope.partner": "Partner {name}",
  "signInDomains.none": "Er zijn nog geen domeinen toegelaten.",
  "signInDomains.remove": "Verwijderen",
  "signInDomains.removeConfirm": "Ja, verwijder {domain} voor {scope}",
  "signInDomains.removed":
    "{domain} is niet langer toegelaten. Wie er al mee binnenkwam, behoudt zijn account.",
  "signInDomains.addTitle": "Domein toelaten",
  "signInDomains.domain": "Domein",
  "signInDomains.domainHint":
    "Alleen wat na de @ komt, bijvoorbeeld voka.be. Een subdomein (student.kuleuven.be) laat je apart toe.",
  "signInDomains.scopeLabel": "Voor",
  "signInDomains.scopeHint":
    "Wie via dit domein binnenkomt, ziet de sessies van deze stad of partner.",
  "signInDomains.add": "Toelaten",
  "signInDomains.added": "{domain} is toegelaten voor {scope}.",
  "signInDomains.errors.form": "Het domein is niet toegelaten. Kijk het veld hieronder na.",
  "signInDomains.errors.required": "Vul een domein in, bijvoorbeeld voka.be.",
  "signInDomains.errors.withAt":
    "Vul alleen het domein in, zonder @ en wat ervoor staat: bijvoorbeeld voka.be.",
  "signInDomains.errors.invalid":
    "‘{domain}’ is geen domeinnaam. Vul alleen het domein in, zonder https:// of /: bijvoorbeeld voka.be.",
  "signInDomains.errors.scope": "Kies een stad of partner uit de lijst.",
  "signInDomains.errors.alreadyAllowed": "Dit domein is al toegelaten voor die stad of partner.",
  "signInDomains.errors.notFound": "Dit domein staat niet (meer) op de lijst.",

  "passkeys.title": "Passkeys",
  "passkeys.explain":
    "Met een passkey meld je je aan zonder wachtwoord en zonder code: je toestel vraagt je pincode, vingerafdruk of gezicht. Een passkey werkt alleen op deze website, dus een nagemaakte site kan hem niet gebruiken.",
  "passkeys.column.name": "Naam",
  "passkeys.column.added": "Toegevoegd",
  "passkeys.column.lastUsed": "Laatst gebruikt",
  "passkeys.neverUsed": "Nog niet",
  "passkeys.none": "Je hebt nog geen passkeys.",
  "passkeys.add": "Passkey toevoegen",
  "passkeys.added": "Passkey toegevoegd: {name}.",
  "passkeys.remove": "Verwijderen",
  "passkeys.removed":
    "De passkey is verwijderd. Wie er nog mee aangemeld is, meld je af bij Aangemelde toestellen.",
  "passkeys.needsScript": "Passkeys werken alleen met JavaScript aan.",
  "passkeys.unsupported": "Deze browser ondersteunt geen passkeys.",
  "passkeys.signIn.title": "Aanmelden met een passkey",
  "passkeys.signIn.button": "Passkey gebruiken",
  "passkeys.errors.invalid": "Die passkey is niet aanvaard. Probeer het opnieuw.",
  "passkeys.errors.tooMany": "Je hebt al tien passkeys. Verwijder er eerst een.",
  "passkeys.errors.gone": "Die passkey bestaat niet (meer).",
  "passkeys.errors.cancelled": "Er is geen passkey gebruikt. Probeer het opnieuw als je wilt.",
  "passkeys.errors.failed": "Dat lukte niet. Laad de pagina opnieuw en probeer het nog eens.",
  "passkeys.errors.signInFailed":
    "Die passkey kennen we niet, of hij is niet aanvaard. Meld je aan met je wachtwoord.",
};
