import type { nlBEAudit } from "./nl-BE.audit";

/**
 * French (Belgium): the audit log's sentences. Names come from the live tables when the log is
 * shown, as values: {session}, {person}, {organiser}. See nl-BE.audit.ts.
 */
export const frBEAudit = {
  "log.column.client": "Provenance",
  "log.self": "La personne elle-même",

  "audit.person.gone": "un participant anonymisé (n° {id})",
  "audit.session.gone": "session n° {id}",
  "audit.organiser.gone": "organisateur n° {id}",
  "audit.city.gone": "ville n° {id}",
  "audit.partner.gone": "partenaire n° {id}",
  "audit.city.all": "toutes les villes",
  "audit.unknown": "{action}",

  "audit.session.create": "Session « {session} » créée, {capacity} places.",
  "audit.session.update":
    "Session « {session} » {fields, select, none {enregistrée sans modification} other {modifiée : {fields}}}.{reinvited, plural, =0 {} one { # participant a reçu une invitation mise à jour.} other { # participants ont reçu une invitation mise à jour.}}{movedToWaitlist, plural, =0 {} one { # participant renvoyé sur la liste d’attente.} other { # participants renvoyés sur la liste d’attente.}}{promoted, plural, =0 {} one { # personne inscrite depuis la liste d’attente.} other { # personnes inscrites depuis la liste d’attente.}}",
  "audit.session.cancel":
    "Session « {session} » annulée ; {confirmed, plural, one {# inscrit} other {# inscrits}} et {waitlisted, plural, one {# personne en attente} other {# personnes en attente}} prévenus{note, select, yes {, avec un message de l’organisation} other {}}.",
  "audit.session.message":
    "Message envoyé aux {audience, select, confirmed {inscrits} waitlisted {personnes en attente} present {présents} other {participants}} de « {session} » : {recipients, plural, one {# e-mail} other {# e-mails}}{filtered, select, yes {, uniquement à ceux qui ont donné la réponse choisie} other {}}.",
  "audit.registration.add":
    "{person} ajouté manuellement à « {session} » : {position, plural, =0 {inscrit} other {sur la liste d’attente, position #}}.",
  "audit.registration.cancel":
    "Inscription de {person} à « {session} » annulée {was, select, confirmed {(statut précédent : inscrit)} declinedInCalendar {parce que le participant a refusé l’invitation dans son agenda (statut précédent : inscrit)} requested {(statut précédent : demande en attente)} other {(statut précédent : liste d’attente)}}.{promotedCount, plural, =0 {} other { Inscrits depuis la liste d’attente : {promoted}.}}",
  "audit.registration.approve":
    "Demande de {person} pour « {session} » acceptée : inscription faite.",
  "audit.registration.decline":
    "Demande de {person} pour « {session} » refusée{reason, select, given {, avec un motif dans l’e-mail} other {}}.",
  "audit.registration.moveOnWaitlist":
    "{person} déplacé d’une place vers le {direction, select, up {haut} other {bas}} sur la liste d’attente de « {session} » : de la position {from} à {to}.",
  "audit.registration.checkIn": "{person} enregistré comme présent à « {session} ».",
  "audit.registration.checkInUndone": "Présence de {person} à « {session} » annulée.",
  "audit.registration.walkIn":
    "{person} arrivé sans inscription à l’entrée de « {session} » et enregistré comme présent{matched, select, confirmed { (avait déjà une place)} waitlisted { (était sur la liste d’attente)} requested { (avait une demande)} other {}}.",
  "audit.registration.erase":
    "Données de {person} effacées {by, select, admin {à la demande de la personne, par l’administrateur} other {à sa propre demande}}.",
  "audit.survey.export":
    "Résultats de l’enquête de « {session} » téléchargés ({answers, plural, one {# réponse} other {# réponses}}).",
  "audit.registration.selfUpdate":
    "{person} a modifié ses propres données pour « {session} » sur la page de son inscription : {fields}.",
  "audit.organiser.invite":
    "Organisateur {organiser} ({role, select, admin {administrateur} door {bénévole à l’entrée} other {organisateur}}) ajouté.",
  "audit.organiser.remove": "Organisateur {organiser} supprimé.",
  "audit.organiser.unlock": "Connexion de nouveau autorisée pour {organiser}.",
  "audit.organiser.passwordReset": "Nouveau mot de passe défini via un lien par e-mail.",
  "audit.organiser.signIn": "Connexion.",
  "audit.organiser.signInFailed":
    "Échec de la connexion en tant que {organiser} : mot de passe erroné.",
  "audit.organiser.codeFailed": "Échec de connexion en tant que {organiser} : code incorrect.",
  "audit.organiser.twoStepOn": "Vérification en deux étapes activée.",
  "audit.organiser.twoStepOff": "Vérification en deux étapes désactivée.",
  "audit.organiser.passkeyAdded": "Clé d’accès ajoutée.",
  "audit.organiser.passkeyRemoved": "Clé d’accès supprimée.",
  "audit.organiser.twoStepReset": "Vérification en deux étapes de {organiser} réinitialisée.",
  "audit.organiser.twoStepRequirement":
    "Vérification en deux étapes obligatoire pour : {to, select, admins {les administrateurs} everyone {les administrateurs et les organisateurs} other {personne}}.",
  "audit.organiser.joinThroughDomain":
    "{organiser} a rejoint l’agenda par le domaine {domain}, connecté avec le compte de la ville, comme organisateur de {scopes, plural, one {# ville ou partenaire} other {# villes et partenaires}}.",
  "audit.signInDomain.allow":
    "Domaine {domain} autorisé pour la connexion avec le compte de la ville, pour {partner, select, none {la ville {city}} other {le partenaire {partner}}}.",
  "audit.signInDomain.remove":
    "Domaine {domain} retiré pour {partner, select, none {la ville {city}} other {le partenaire {partner}}}.",
  "audit.attendees.export":
    "{scope, select, session {Liste des participants de « {session} »} other {Liste des participants pour {city}, sessions du {from} au {to}}} téléchargée au format {format, select, xlsx {Excel (xlsx)} csv {CSV (point-virgule)} other {CSV (virgule)}}.",
  "audit.report.export":
    "Chiffres pour {city}, sessions du {from} au {to}{kind, select, info {, séances d’information uniquement} breakfast {, petits-déjeuners uniquement} forum {, forums uniquement} other {}}{partner, select, none {} other {, avec le partenaire {partner} uniquement}}, téléchargés au format Excel (xlsx).",

  "audit.question.gone": "question n° {id}",
  "audit.question.add":
    "{part, select, survey {Question d’enquête} other {Question}} « {question} » ajoutée à « {session} ».",
  "audit.question.update":
    "{part, select, survey {Question d’enquête} other {Question}} « {question} » de « {session} » modifiée.",
  "audit.question.remove":
    "{part, select, survey {Question d’enquête « {question} » de « {session} » supprimée.} other {Question « {question} » de « {session} » supprimée ; les réponses déjà données sont conservées.}}",
  "audit.question.move":
    "{part, select, survey {Question d’enquête} other {Question}} « {question} » de « {session} » déplacée de la position {from} à {to}.",
  "audit.question.copy":
    "{part, select, survey {{count, plural, one {# question d’enquête reprise} other {# questions d’enquête reprises}}} other {{count, plural, one {# question reprise} other {# questions reprises}}}} de « {source} » dans « {session} ».",

  "audit.field.title": "titre",
  "audit.field.time": "horaire",
  "audit.field.place": "lieu",
  "audit.field.capacity": "places",
  "audit.field.capacityChange": "places {from} → {to}",
  "audit.field.summary": "résumé",
  "audit.field.description": "description",
  "audit.field.kind": "type",
  "audit.field.city": "ville",
  "audit.field.language": "langue",
  "audit.field.registrationPeriod": "période d’inscription",
  "audit.field.partners": "partenaires",
  "audit.field.approval": "validation des inscriptions",
  "audit.field.unlisted": "référencement",
  "audit.field.emailDomains": "domaines e-mail",
  "audit.field.name": "nom",
  "audit.field.organisation": "organisation",
  "audit.field.enterpriseNumber": "numéro d’entreprise",
  "audit.field.answers": "réponses aux questions",
} satisfies Record<keyof typeof nlBEAudit, string>;
