/**
 * A person's own data: downloading what is kept about a registration, erasing it from the
 * manage page, the page an erased registration's link shows, and the admin's erasure by address.
 */
export const nlBEGdpr = {
  "gdpr.section.title": "Je gegevens",
  "gdpr.section.body":
    "Download alles wat we over deze inschrijving bijhouden, of laat je gegevens wissen. Wissen annuleert je inschrijving als ze nog loopt; daarna werkt deze link niet meer.",
  "gdpr.download": "Download mijn gegevens (JSON)",
  "gdpr.erase": "Wis mijn gegevens",
  "gdpr.confirmTitle": "Wil je je gegevens wissen?",
  "gdpr.confirmBody":
    "We annuleren je inschrijving als ze nog loopt (je agenda krijgt een annulering) en vervangen je naam, e-mailadres, organisatie, ondernemingsnummer en je antwoorden op de vragen van de sessie door niets. Dit kan niet ongedaan worden gemaakt.",
  "gdpr.confirm": "Ja, wis mijn gegevens",
  "gdpr.keep": "Nee, niet wissen",
  "gdpr.erasedTitle": "Deze gegevens zijn gewist",
  "gdpr.erasedBody":
    "De persoonsgegevens van deze inschrijving zijn gewist, op vraag van de deelnemer of na de bewaartermijn. Deze link werkt daarom niet meer.",
  "gdpr.backHome": "Naar de agenda",

  "admin.nav.personalData": "Persoonsgegevens",
  "gdpr.admin.title": "Persoonsgegevens wissen",
  "gdpr.admin.intro":
    "Vraagt iemand om zijn of haar gegevens te wissen? Vul het e-mailadres in: alle inschrijvingen met dat adres, voor alle sessies, worden geannuleerd als ze nog lopen en daarna geanonimiseerd. Wie op de wachtlijst stond, schuift op.",
  "gdpr.admin.email": "E-mailadres",
  "gdpr.admin.submit": "Gegevens wissen",
  "gdpr.admin.confirm": "Ik bevestig dat deze persoon om wissing heeft gevraagd.",
  "gdpr.admin.invalidEmail": "Vul een geldig e-mailadres in.",
  "gdpr.admin.confirmRequired": "Bevestig dat de persoon om wissing heeft gevraagd.",
  "gdpr.admin.errors.form": "Er is nog niets gewist. Verbeter de velden die we aanduiden.",
  "gdpr.admin.done":
    "{count, plural, =0 {Geen inschrijvingen gevonden voor dit adres: er is niets gewist.} one {Eén inschrijving gewist.} other {# inschrijvingen gewist.}}",

  "news.optIn":
    "Ja, stuur me ook nieuws van {city} voor ondernemers (optioneel, los van deze inschrijving). Afmelden kan altijd met één klik.",
  "news.title": "Nieuws van de stad",
  "news.subscribed":
    "Je koos op {date} om nieuws van de stad voor ondernemers te krijgen. Dat stopt met één klik.",
  "news.withdraw": "Geen nieuws meer",
  "news.withdrawn": "Je krijgt geen nieuws van de stad meer.",
};
