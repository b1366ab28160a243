/**
 * Dutch (Belgium): door volunteers: inviting one for a session or its day, their mail, what
 * their pages say, and their sign-in once the access has ended. ICU message syntax, as in
 * nl-BE.ts.
 */
export const nlBEDoor = {
  "door.title": "Vrijwilligers aan de deur",
  "door.intro":
    "Een vrijwilliger aan de deur ziet alleen de namen op de aanwezigheidslijst en duidt aan wie er is: geen e-mailadressen, antwoorden, exports of andere sessies. De toegang stopt vanzelf twee uur na de sessie, of na middernacht voor een hele dag.",
  "door.link": "Vrijwilligers aan de deur",
  "door.list.title": "Met toegang",
  "door.list.none": "Nog niemand.",
  "door.list.session": "deze sessie",
  "door.list.day": "alle sessies van die dag",
  "door.list.until": "tot {date} om {time}",
  "door.list.over": "toegang voorbij",
  "door.end": "Toegang beëindigen",
  "door.endConfirm": "Ja, beëindig de toegang van {name}",
  "door.ended": "De toegang van {name} is beëindigd.",
  "door.invite.title": "Iemand uitnodigen",
  "door.invite.hint":
    "Die persoon krijgt een e-mail met een link om een wachtwoord te kiezen en meldt daarna aan op de gewone aanmeldpagina.",
  "door.invite.submit": "Uitnodigen",
  "door.invited": "{name} kreeg een e-mail op {email} om een wachtwoord te kiezen.",
  "door.name": "Naam",
  "door.email": "E-mailadres",
  "door.reach": "Toegang voor",
  "door.reach.session": "Alleen deze sessie",
  "door.reach.day": "Alle sessies van die dag die jij beheert",
  "door.errors.form": "De uitnodiging is niet verstuurd. Kijk de gemarkeerde velden na.",
  "door.errors.name": "Vul een naam in.",
  "door.errors.nameTooLong": "Een naam is hoogstens {max} tekens lang.",
  "door.errors.email": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.be.",
  "door.errors.emailTaken":
    "Met dit adres bestaat al een account. Gebruik een ander adres of beëindig eerst de vorige toegang.",
  "door.errors.reach": "Kies deze sessie of de hele dag.",
  "door.errors.sessionOver": "Deze sessie is voorbij: er valt niemand meer in te checken.",
  "door.errors.notFound": "Die vrijwilliger heeft geen toegang (meer) voor deze sessie.",
  "door.nav.checkIn": "Inchecken",
  "door.mySessions": "Jouw sessies",
  "door.signIn.ended":
    "Je toegang als vrijwilliger aan de deur is voorbij: ze stopt vanzelf na de sessie. Vraag de organisator om een nieuwe uitnodiging als je opnieuw helpt.",
  "door.email.subject": "Je toegang aan de deur voor de Ondernemersagenda",
  "door.email.intro":
    "Je helpt aan de deur van ‘{session}’{wholeDay, select, yes { en de andere sessies die dag} other {}}: je ziet de namen van wie komt en duidt aan wie er is. Kies met de knop hieronder binnen {hours} uur een wachtwoord. Je toegang stopt vanzelf na de sessie.",
  "door.email.button": "Kies je wachtwoord",
  "door.email.notYou": "Verwacht je deze e-mail niet? Dan mag je hem negeren.",
  "organisers.role.door": "Vrijwilliger aan de deur",
};
