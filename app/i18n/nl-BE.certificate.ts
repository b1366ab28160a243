/**
 * Dutch (Belgium): the certificate of attendance (the PDF, its link on the manage page) and the
 * public page that says whether a certificate is genuine. ICU message syntax, as in nl-BE.ts.
 */
export const nlBECertificate = {
  "certificate.issuer": "Stad {city}",
  "certificate.heading": "Attest van deelname",
  "certificate.confirms": "Stad {city} bevestigt dat",
  "certificate.attended": "aanwezig was op de sessie",
  "certificate.date": "Datum",
  "certificate.duration": "Duur",
  "certificate.partners": "Partners",
  "certificate.hours": "{hours, plural, one {# uur} other {# uur}}",
  "certificate.minutes": "{minutes, plural, one {# minuut} other {# minuten}}",
  "certificate.verifyAt": "Echtheid nagaan: scan de QR-code of ga naar",
  "certificate.fileName": "attest",
  "certificate.documentTitle": "Attest van deelname: {title}",
  "certificate.none":
    "Voor deze inschrijving is er geen attest van deelname: dat is er pas wanneer je op de sessie als aanwezig bent ingecheckt en de sessie begonnen is.",

  "certificate.manage.title": "Attest van deelname",
  "certificate.manage.body":
    "Je was erbij. Je attest van deelname vermeldt je naam, de sessie, de datum, de duur en de partners, met een adres waarop iedereen kan nagaan dat het echt is.",
  "certificate.manage.download": "Attest downloaden (PDF)",

  "certificate.verify.title": "Attest van deelname nagaan",
  "certificate.verify.genuine": "Echt",
  "certificate.verify.genuineBody":
    "Stad {city} reikte dit attest uit. Zo staat het in onze gegevens: kijk na of het attest dat je kreeg hetzelfde vermeldt.",
  "certificate.verify.name": "Naam",
  "certificate.verify.session": "Sessie",
  "certificate.verify.city": "Uitgereikt door",
  "certificate.verify.unknown": "Niet echt of onbekend",
  "certificate.verify.unknownBody":
    "We reikten geen attest uit met deze code. Kijk na of je het adres volledig en juist overnam; klopt het, dan is het attest niet echt.",
  "certificate.verify.erased": "Niet meer na te gaan",
  "certificate.verify.erasedBody":
    "Dit attest kan niet meer worden nagegaan: de gegevens van de deelnemer zijn intussen gewist.",
};
