/**
 * Dutch (Belgium): the messages about sessions an organiser changed, cancelled or wrote about.
 * ICU message syntax, as in nl-BE.ts; the greeting, the session's essentials and the footer
 * come from the "email.*" keys there.
 */
export const nlBENotifications = {
  "email.sessionUpdated.subject": "Gewijzigd: {title} op {date}",
  "email.sessionUpdated.intro":
    "Er is iets veranderd aan {title}. Je inschrijving blijft gewoon geldig. De bijgewerkte uitnodiging zit bij deze e-mail, zodat je agenda zich vanzelf aanpast.",
  "email.sessionUpdated.changes": "Wat is er veranderd?",
  "email.sessionUpdated.time": "Nieuw tijdstip: {to}",
  "email.sessionUpdated.place": "Nieuwe plaats: {to}",
  "email.sessionUpdated.title": "Nieuwe titel: {to}",
  "email.sessionUpdated.summary": "Nieuwe samenvatting: {to}",
  "email.sessionUpdated.description":
    "De omschrijving van de sessie werd aangepast. Je leest ze op de pagina van de sessie.",
  "email.sessionUpdated.was": "Was: {from}",

  "email.sessionCancelled.subject": "Gaat niet door: {title} op {date}",
  "email.sessionCancelled.intro.confirmed":
    "Helaas: {title} op {date} gaat niet door. Je inschrijving vervalt, en met deze e-mail verdwijnt de sessie ook uit je agenda.",
  "email.sessionCancelled.intro.waitlisted":
    "Helaas: {title} op {date} gaat niet door. Je stond op de wachtlijst; die vervalt.",
  "email.sessionCancelled.note": "Bericht van de organisatie:",
  "email.sessionCancelled.otherSessions": "Bekijk de andere sessies in {city}",

  "email.backOnWaitlist.subject": "Terug op de wachtlijst: {title}",
  "email.backOnWaitlist.intro":
    "Het aantal plaatsen voor {title} is verlaagd, en daardoor heb je geen plaats meer. Je staat wel vooraan op de wachtlijst, op plaats {position}. Komt er een plaats vrij, dan krijg je die automatisch en sturen we je opnieuw een uitnodiging. Met deze e-mail verdwijnt de sessie voorlopig uit je agenda.",

  "email.organiserMessage.subject": "{subject} – {title}",
  "email.organiserMessage.intro": "De organisatie van {title} stuurt je dit bericht:",
  "email.organiserMessage.signature":
    "Dit bericht kreeg je van de organisatie van deze sessie, via de Ondernemersagenda, omdat je {audience, select, waitlisted {op de wachtlijst staat} present {erbij was} other {ingeschreven bent}}.",
} as const;
