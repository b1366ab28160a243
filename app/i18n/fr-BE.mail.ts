import type { nlBEMail } from "./nl-BE.mail";

/** French (Belgium): what organisers are told about mail that could not be delivered. */
export const frBEMail = {
  "dashboard.failedMail.title": "E-mails non envoyés",
  "dashboard.failedMail.intro":
    "{count, plural, one {Un e-mail a été refusé par le serveur de messagerie ces {days} derniers jours et ne sera plus envoyé.} other {# e-mails ont été refusés par le serveur de messagerie ces {days} derniers jours et ne seront plus envoyés.}} Contactez vous-même les destinataires concernés.",
  "dashboard.failedMail.column.to": "À",
  "dashboard.failedMail.column.kind": "Message",
  "dashboard.failedMail.column.session": "Session",
  "dashboard.failedMail.column.reason": "Réponse du serveur de messagerie",
  "dashboard.failedMail.erased": "(données effacées)",
  "dashboard.failedMail.noSession": "—",

  "mailKind.registration.confirmed": "Confirmation d’inscription",
  "mailKind.registration.promoted": "Place libérée",
  "mailKind.registration.waitlisted": "Sur la liste d’attente",
  "mailKind.registration.reminder": "Rappel de l’inscription",
  "mailKind.registration.manageLink": "Lien de l’inscription redemandé",
  "mailKind.registration.backOnWaitlist": "De retour sur la liste d’attente",
  "mailKind.registration.cancelled": "Annulation",
  "mailKind.registration.declined": "Annulation après refus dans l’agenda",
  "mailKind.registration.refreshed": "Invitation envoyée à nouveau",
  "mailKind.registration.counterDeclined": "Autre horaire refusé",
  "mailKind.session.updated": "Session modifiée",
  "mailKind.session.cancelled": "Session annulée",
  "mailKind.organiser.message": "Message de l’organisation",
  "mailKind.organiser.passwordReset": "Nouveau mot de passe",
  "mailKind.organiser.invitation": "Invitation en tant qu’organisateur",
  "mailKind.other": "Autre message",
} satisfies Record<keyof typeof nlBEMail, string>;
