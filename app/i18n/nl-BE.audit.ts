/**
 * The audit log's sentences. An entry stores a key (its action) and ids, counts and field
 * names; names come from the live tables when the log is shown, so these sentences take them
 * as values: {session}, {person}, {organiser}. A person who is no longer there reads as
 * "audit.person.gone".
 */
export const nlBEAudit = {
  "log.column.client": "Vanaf",
  "log.self": "De deelnemer zelf",

  "audit.person.gone": "een geanonimiseerde deelnemer (nr. {id})",
  "audit.session.gone": "sessie nr. {id}",
  "audit.organiser.gone": "organisator nr. {id}",
  "audit.city.gone": "stad nr. {id}",
  "audit.partner.gone": "partner nr. {id}",
  "audit.city.all": "alle steden",
  "audit.unknown": "{action}",

  "audit.session.create": "Sessie ‘{session}’ aangemaakt, {capacity} plaatsen.",
  "audit.session.update":
    "Sessie ‘{session}’ {fields, select, none {bewaard zonder wijzigingen} other {gewijzigd: {fields}}}.{reinvited, plural, =0 {} one { # deelnemer kreeg een bijgewerkte uitnodiging.} other { # deelnemers kregen een bijgewerkte uitnodiging.}}{movedToWaitlist, plural, =0 {} one { # deelnemer terug naar de wachtlijst.} other { # deelnemers terug naar de wachtlijst.}}{promoted, plural, =0 {} one { # persoon van de wachtlijst ingeschreven.} other { # personen van de wachtlijst ingeschreven.}}",
  "audit.session.cancel":
    "Sessie ‘{session}’ geannuleerd; {confirmed, plural, one {# ingeschrevene} other {# ingeschrevenen}} en {waitlisted, plural, one {# wachtende} other {# wachtenden}} verwittigd{note, select, yes {, met een boodschap van de organisatie} other {}}.",
  "audit.session.message":
    "Bericht gestuurd aan de {audience, select, confirmed {ingeschrevenen} waitlisted {wachtenden} present {aanwezigen} other {deelnemers}} van ‘{session}’: {recipients, plural, one {# e-mail} other {# e-mails}}{filtered, select, yes {, enkel aan wie een gekozen antwoord gaf} other {}}.",
  "audit.registration.add":
    "{person} met de hand toegevoegd aan ‘{session}’: {position, plural, =0 {ingeschreven} other {op de wachtlijst, plaats #}}.",
  "audit.registration.cancel":
    "Inschrijving van {person} voor ‘{session}’ geannuleerd {was, select, confirmed {(was ingeschreven)} declinedInCalendar {omdat de deelnemer de uitnodiging in de agenda weigerde (was ingeschreven)} requested {(was een open aanvraag)} other {(was op de wachtlijst)}}.{promotedCount, plural, =0 {} other { Van de wachtlijst ingeschreven: {promoted}.}}",
  "audit.registration.approve": "Aanvraag van {person} voor ‘{session}’ goedgekeurd: ingeschreven.",
  "audit.registration.decline":
    "Aanvraag van {person} voor ‘{session}’ geweigerd{reason, select, given {, met een reden in de e-mail} other {}}.",
  "audit.registration.moveOnWaitlist":
    "{person} op de wachtlijst van ‘{session}’ een plaats {direction, select, up {hoger} other {lager}} gezet: van plaats {from} naar {to}.",
  "audit.registration.checkIn": "{person} aangemeld als aanwezig op ‘{session}’.",
  "audit.registration.checkInUndone": "Aanwezigheid van {person} op ‘{session}’ ongedaan gemaakt.",
  "audit.registration.walkIn":
    "{person} binnengelopen aan de deur van ‘{session}’ en aanwezig gemeld{matched, select, confirmed { (had al een plaats)} waitlisted { (stond op de wachtlijst)} requested { (had een aanvraag)} other {}}.",
  "audit.registration.erase":
    "Gegevens van {person} gewist op {by, select, admin {vraag van de persoon, door de beheerder} other {eigen vraag}}.",
  "audit.survey.export":
    "Enquêteresultaten van ‘{session}’ gedownload ({answers, plural, one {# antwoord} other {# antwoorden}}).",
  "audit.registration.selfUpdate":
    "{person} paste de eigen gegevens voor ‘{session}’ aan op de pagina van de inschrijving: {fields}.",
  "audit.organiser.invite":
    "Organisator {organiser} ({role, select, admin {beheerder} door {vrijwilliger aan de deur} other {organisator}}) toegevoegd.",
  "audit.organiser.remove": "Organisator {organiser} verwijderd.",
  "audit.organiser.unlock": "Aanmelden weer toegelaten voor {organiser}.",
  "audit.organiser.passwordReset": "Nieuw wachtwoord ingesteld via e-maillink.",
  "audit.organiser.signIn": "Aangemeld.",
  "audit.organiser.signInFailed": "Aanmelden als {organiser} mislukt: verkeerd wachtwoord.",
  "audit.organiser.codeFailed": "Aanmelden als {organiser} mislukt: verkeerde code.",
  "audit.organiser.twoStepOn": "Tweestapsverificatie aangezet.",
  "audit.organiser.twoStepOff": "Tweestapsverificatie uitgezet.",
  "audit.organiser.passkeyAdded": "Passkey toegevoegd.",
  "audit.organiser.passkeyRemoved": "Passkey verwijderd.",
  "audit.organiser.twoStepReset": "Tweestapsverificatie van {organiser} gereset.",
  "audit.organiser.twoStepRequirement":
    "Tweestapsverificatie verplicht voor: {to, select, admins {beheerders} everyone {beheerders en organisatoren} other {niemand}}.",
  "audit.organiser.joinThroughDomain":
    "{organiser} kwam erbij via het domein {domain}, aangemeld met het account van de stad, als organisator van {scopes, plural, one {# stad of partner} other {# steden en partners}}.",
  "audit.signInDomain.allow":
    "Domein {domain} toegelaten voor aanmelden met het account van de stad, voor {partner, select, none {de stad {city}} other {de partner {partner}}}.",
  "audit.signInDomain.remove":
    "Domein {domain} niet langer toegelaten voor {partner, select, none {de stad {city}} other {de partner {partner}}}.",
  "audit.attendees.export":
    "{scope, select, session {Deelnemerslijst van ‘{session}’} other {Deelnemerslijst van {city}, sessies van {from} tot {to}}} gedownload als {format, select, xlsx {Excel (xlsx)} csv {CSV (puntkomma)} other {CSV (komma)}}.",
  "audit.report.export":
    "Cijfers van {city}, sessies van {from} tot {to}{kind, select, info {, alleen infosessies} breakfast {, alleen ontbijtsessies} forum {, alleen startersfora} other {}}{partner, select, none {} other {, alleen met partner {partner}}}, gedownload als Excel (xlsx).",

  "audit.question.gone": "vraag nr. {id}",
  "audit.question.add":
    "{part, select, survey {Enquêtevraag} other {Vraag}} ‘{question}’ toegevoegd aan ‘{session}’.",
  "audit.question.update":
    "{part, select, survey {Enquêtevraag} other {Vraag}} ‘{question}’ van ‘{session}’ gewijzigd.",
  "audit.question.remove":
    "{part, select, survey {Enquêtevraag ‘{question}’ van ‘{session}’ verwijderd.} other {Vraag ‘{question}’ van ‘{session}’ verwijderd; de antwoorden die er al waren, blijven bewaard.}}",
  "audit.question.move":
    "{part, select, survey {Enquêtevraag} other {Vraag}} ‘{question}’ van ‘{session}’ verplaatst van plaats {from} naar {to}.",
  "audit.question.copy":
    "{part, select, survey {{count, plural, one {# enquêtevraag} other {# enquêtevragen}}} other {{count, plural, one {# vraag} other {# vragen}}}} van ‘{source}’ overgenomen in ‘{session}’.",

  "audit.field.title": "titel",
  "audit.field.time": "tijdstip",
  "audit.field.place": "plaats",
  "audit.field.capacity": "plaatsen",
  "audit.field.capacityChange": "plaatsen {from} → {to}",
  "audit.field.summary": "samenvatting",
  "audit.field.description": "beschrijving",
  "audit.field.kind": "soort",
  "audit.field.city": "stad",
  "audit.field.language": "taal",
  "audit.field.registrationPeriod": "inschrijvingsperiode",
  "audit.field.partners": "partners",
  "audit.field.approval": "goedkeuring van inschrijvingen",
  "audit.field.unlisted": "vermelding",
  "audit.field.emailDomains": "e-maildomeinen",
  "audit.field.name": "naam",
  "audit.field.organisation": "organisatie",
  "audit.field.enterpriseNumber": "ondernemingsnummer",
  "audit.field.answers": "antwoorden op de vragen",
} as const;
