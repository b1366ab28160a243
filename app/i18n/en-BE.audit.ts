import type { nlBEAudit } from "./nl-BE.audit";

/**
 * English (Belgium): the audit log's sentences. Names come from the live tables when the log is
 * shown, so these sentences take them as values: {session}, {person}, {organiser}.
 */
export const enBEAudit = {
  "log.column.client": "IP address",
  "log.self": "The person themselves",

  "audit.person.gone": "an anonymised attendee (no. {id})",
  "audit.session.gone": "session no. {id}",
  "audit.organiser.gone": "organiser no. {id}",
  "audit.city.gone": "city no. {id}",
  "audit.partner.gone": "partner no. {id}",
  "audit.city.all": "all cities",
  "audit.unknown": "{action}",

  "audit.session.create": "Session ‘{session}’ created, {capacity} places.",
  "audit.session.update":
    "Session ‘{session}’ {fields, select, none {saved without changes} other {changed: {fields}}}.{reinvited, plural, =0 {} one { # attendee got an updated invitation.} other { # attendees got an updated invitation.}}{movedToWaitlist, plural, =0 {} one { # attendee moved back to the waiting list.} other { # attendees moved back to the waiting list.}}{promoted, plural, =0 {} one { # person signed up from the waiting list.} other { # people signed up from the waiting list.}}",
  "audit.session.cancel":
    "Session ‘{session}’ cancelled; {confirmed, plural, one {# signed-up attendee} other {# signed-up attendees}} and {waitlisted, plural, one {# person on the waiting list} other {# people on the waiting list}} notified{note, select, yes {, with a message from the organisers} other {}}.",
  "audit.session.message":
    "Message sent to {audience, select, confirmed {those signed up for} waitlisted {the waiting list of} present {those present at} other {the attendees of}} ‘{session}’: {recipients, plural, one {# email} other {# emails}}{filtered, select, yes {, only to those who gave the chosen answer} other {}}.",
  "audit.registration.add":
    "{person} added by hand to ‘{session}’: {position, plural, =0 {signed up} other {on the waiting list, position #}}.",
  "audit.registration.cancel":
    "Registration of {person} for ‘{session}’ cancelled {was, select, confirmed {(was signed up)} declinedInCalendar {because the attendee declined the invitation in their calendar (was signed up)} requested {(was an open request)} other {(was on the waiting list)}}.{promotedCount, plural, =0 {} other { Signed up from the waiting list: {promoted}.}}",
  "audit.registration.approve": "Request of {person} for ‘{session}’ approved: signed up.",
  "audit.registration.decline":
    "Request of {person} for ‘{session}’ declined{reason, select, given {, with a reason in the email} other {}}.",
  "audit.registration.moveOnWaitlist":
    "{person} moved one place {direction, select, up {up} other {down}} the waiting list of ‘{session}’: from position {from} to {to}.",
  "audit.registration.checkIn": "{person} checked in as present at ‘{session}’.",
  "audit.registration.checkInUndone": "Check-in of {person} at ‘{session}’ undone.",
  "audit.registration.walkIn":
    "{person} walked in at the door of ‘{session}’ and was checked in{matched, select, confirmed { (already had a seat)} waitlisted { (was on the waiting list)} requested { (had a request)} other {}}.",
  "audit.registration.erase":
    "Data of {person} erased {by, select, admin {at the person’s request, by the administrator} other {at their own request}}.",
  "audit.survey.export":
    "Survey results of “{session}” downloaded ({answers, plural, one {# answer} other {# answers}}).",
  "audit.registration.selfUpdate":
    "{person} changed their own details for ‘{session}’ on their registration page: {fields}.",
  "audit.organiser.invite":
    "Organiser {organiser} ({role, select, admin {administrator} door {door volunteer} other {organiser}}) added.",
  "audit.organiser.remove": "Organiser {organiser} removed.",
  "audit.organiser.unlock": "Sign-in unblocked for {organiser}.",
  "audit.organiser.passwordReset": "New password set via email link.",
  "audit.organiser.signIn": "Signed in.",
  "audit.organiser.signInFailed": "Sign-in as {organiser} failed: wrong password.",
  "audit.organiser.codeFailed": "Sign-in as {organiser} failed: wrong code.",
  "audit.organiser.twoStepOn": "Two-step sign-in turned on.",
  "audit.organiser.twoStepOff": "Two-step sign-in turned off.",
  "audit.organiser.passkeyAdded": "Passkey added.",
  "audit.organiser.passkeyRemoved": "Passkey removed.",
  "audit.organiser.twoStepReset": "Two-step sign-in of {organiser} reset.",
  "audit.organiser.twoStepRequirement":
    "Two-step sign-in compulsory for: {to, select, admins {admins} everyone {admins and organisers} other {nobody}}.",
  "audit.organiser.joinThroughDomain":
    "{organiser} joined through the domain {domain}, signed in with the city’s account, as organiser of {scopes, plural, one {# city or partner} other {# cities and partners}}.",
  "audit.signInDomain.allow":
    "Domain {domain} allowed to sign in with the city’s account, for {partner, select, none {the city {city}} other {the partner {partner}}}.",
  "audit.signInDomain.remove":
    "Domain {domain} no longer allowed for {partner, select, none {the city {city}} other {the partner {partner}}}.",
  "audit.attendees.export":
    "{scope, select, session {Attendee list of ‘{session}’} other {Attendee list of {city}, sessions from {from} to {to}}} downloaded as {format, select, xlsx {Excel (xlsx)} csv {CSV (semicolon)} other {CSV (comma)}}.",
  "audit.report.export":
    "Figures for {city}, sessions from {from} to {to}{kind, select, info {, information sessions only} breakfast {, breakfast sessions only} forum {, forums only} other {}}{partner, select, none {} other {, with partner {partner} only}}, downloaded as Excel (xlsx).",

  "audit.question.gone": "question no. {id}",
  "audit.question.add":
    "{part, select, survey {Survey question} other {Question}} ‘{question}’ added to ‘{session}’.",
  "audit.question.update":
    "{part, select, survey {Survey question} other {Question}} ‘{question}’ of ‘{session}’ changed.",
  "audit.question.remove":
    "{part, select, survey {Survey question ‘{question}’ of ‘{session}’ removed.} other {Question ‘{question}’ of ‘{session}’ removed; the answers already given are kept.}}",
  "audit.question.move":
    "{part, select, survey {Survey question} other {Question}} ‘{question}’ of ‘{session}’ moved from position {from} to {to}.",
  "audit.question.copy":
    "{part, select, survey {{count, plural, one {# survey question} other {# survey questions}}} other {{count, plural, one {# question} other {# questions}}}} of ‘{source}’ copied into ‘{session}’.",

  "audit.field.title": "title",
  "audit.field.time": "time",
  "audit.field.place": "venue",
  "audit.field.capacity": "places",
  "audit.field.capacityChange": "places {from} → {to}",
  "audit.field.summary": "summary",
  "audit.field.description": "description",
  "audit.field.kind": "kind",
  "audit.field.city": "city",
  "audit.field.language": "language",
  "audit.field.registrationPeriod": "sign-up period",
  "audit.field.partners": "partners",
  "audit.field.approval": "approval of sign-ups",
  "audit.field.unlisted": "listing",
  "audit.field.emailDomains": "email domains",
  "audit.field.name": "name",
  "audit.field.organisation": "organisation",
  "audit.field.enterpriseNumber": "enterprise number",
  "audit.field.answers": "answers to the questions",
} satisfies Record<keyof typeof nlBEAudit, string>;
