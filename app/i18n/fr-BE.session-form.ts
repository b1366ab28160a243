import type { nlBESessionForm } from "./nl-BE.session-form";

/**
 * French (Belgium): the session form of the organiser workspace and its validation messages,
 * with the smaller forms about a session (cancelling it, messaging its attendees).
 */
export const frBESessionForm = {
  "sessionForm.heading.create": "Nouvelle session",
  "sessionForm.heading.edit": "Modifier la session",
  "sessionForm.heading.duplicate": "Copier la session",
  "sessionForm.duplicateNotice":
    "Ceci est une copie, quatre semaines plus tard, le même jour de la semaine et aux mêmes heures. Vérifiez la date et la période d’inscription avant d’enregistrer.",

  "sessionForm.title": "Titre",
  "sessionForm.summary": "Résumé",
  "sessionForm.summaryHint":
    "Une ou deux phrases. Elles figurent dans la liste des sessions et dans l’invitation.",
  "sessionForm.description": "Description (facultatif)",
  "sessionForm.descriptionHint":
    "Le programme avec les heures, le public visé et ce qu’il faut apporter. Une ligne vide commence un nouveau paragraphe.",
  "sessionForm.kind": "Type de session",
  "sessionForm.cityId": "Ville",
  "sessionForm.chooseCity": "Choisissez une ville",
  "sessionForm.venueName": "Lieu",
  "sessionForm.venueNameHint": "Par exemple : Stadhuis Leuven, zaal De Valk",
  "sessionForm.venueAddress": "Adresse",
  "sessionForm.venueAddressHint": "Rue et numéro, code postal et commune",
  "sessionForm.date": "Date",
  "sessionForm.startTime": "Début",
  "sessionForm.endTime": "Fin",
  "sessionForm.timeHint": "Heures à indiquer à l’heure belge.",
  "sessionForm.capacity": "Nombre de places",
  "sessionForm.capacityHint":
    "Les personnes qui s’inscrivent quand toutes les places sont prises arrivent sur la liste d’attente. Avec 0, tout le monde arrive sur la liste d’attente.",
  "sessionForm.registrationWindow": "Période d’inscription",
  "sessionForm.registrationOpensAt": "Ouverture des inscriptions (facultatif)",
  "sessionForm.registrationOpensAtHint": "Si vide : les inscriptions sont ouvertes tout de suite.",
  "sessionForm.registrationClosesAt": "Clôture des inscriptions (facultatif)",
  "sessionForm.registrationClosesAtHint":
    "Si vide : on peut s’inscrire jusqu’au début de la session. Heures à l’heure belge.",
  "sessionForm.language": "Langue de la session",
  "sessionForm.partnerIds": "Partenaires (facultatif)",
  "sessionForm.partnerIdsHint":
    "Les organisations qui coorganisent la session. Elles sont mentionnées avec la session et dans les e-mails.",
  "sessionForm.changeNotice":
    "Si vous modifiez le titre, le résumé, la description, l’horaire ou le lieu, toutes les personnes inscrites reçoivent un e-mail avec une invitation mise à jour : leur agenda s’adapte automatiquement.",
  "sessionForm.capacityBelowConfirmed":
    "{confirmed, plural, one {# personne est déjà inscrite} other {# personnes sont déjà inscrites}}, alors que vous n’indiquez que {capacity, plural, one {# place} other {# places}}. Prévoyez plus de places, ou confirmez que les dernières personnes à avoir obtenu une place retournent sur la liste d’attente.",
  "sessionForm.confirmMoveToWaitlist":
    "Oui, placer {count, plural, one {la dernière personne inscrite} other {les # dernières personnes inscrites}} en tête de la liste d’attente. Chaque personne concernée en est informée par e-mail.",
  "sessionForm.submit.create": "Créer la session",
  "sessionForm.submit.edit": "Enregistrer les modifications",
  "sessionForm.submitting": "Un instant…",
  "sessionForm.result.created": "La session a été créée.",
  "sessionForm.result.saved":
    "Les modifications ont été enregistrées.{reinvited, plural, =0 {} one { # participant a reçu une invitation mise à jour.} other { # participants ont reçu une invitation mise à jour.}}{promoted, plural, =0 {} one { # personne de la liste d’attente a obtenu une place.} other { # personnes de la liste d’attente ont obtenu une place.}}{movedToWaitlist, plural, =0 {} one { # participant est retourné sur la liste d’attente.} other { # participants sont retournés sur la liste d’attente.}}",
  "sessionForm.unavailable.cancelled":
    "Cette session est annulée. Elle ne peut plus être modifiée ; faites-en une copie pour une nouvelle date.",

  "sessionForm.errors.form":
    "La session n’a pas encore été enregistrée. Corrigez les champs indiqués.",
  "sessionForm.errors.title.required": "Donnez un titre à la session.",
  "sessionForm.errors.title.tooLong": "Le titre ne peut pas dépasser {max} caractères.",
  "sessionForm.errors.summary.required": "Résumez la session en une ou deux phrases.",
  "sessionForm.errors.summary.tooLong": "Le résumé ne peut pas dépasser {max} caractères.",
  "sessionForm.errors.description.tooLong": "La description ne peut pas dépasser {max} caractères.",
  "sessionForm.errors.kind.invalid": "Choisissez le type de session.",
  "sessionForm.errors.cityId.required": "Choisissez la ville de la session.",
  "sessionForm.errors.cityId.unknown": "Cette ville n’existe pas ou plus. Choisissez-en une autre.",
  "sessionForm.errors.venueName.required": "Indiquez le lieu.",
  "sessionForm.errors.venueName.tooLong": "Le lieu ne peut pas dépasser {max} caractères.",
  "sessionForm.errors.venueAddress.required": "Indiquez l’adresse du lieu.",
  "sessionForm.errors.venueAddress.tooLong": "L’adresse ne peut pas dépasser {max} caractères.",
  "sessionForm.errors.date.invalid": "Indiquez une date valide.",
  "sessionForm.errors.startTime.invalid": "Indiquez une heure de début, par exemple 07:30.",
  "sessionForm.errors.endTime.invalid": "Indiquez une heure de fin, par exemple 09:00.",
  "sessionForm.errors.endTime.beforeStart":
    "L’heure de fin doit être postérieure à l’heure de début.",
  "sessionForm.errors.time.skipped":
    "Cette heure n’existe pas : le {day, date, full}, l’heure passe directement de {from} à {to}.",
  "sessionForm.errors.time.twice":
    "Cette heure existe deux fois : le {day, date, full}, à {from}, l’heure recule à {to}. Choisissez une heure avant {to} ou à partir de {from}.",
  "sessionForm.errors.capacity.invalid":
    "Indiquez le nombre de places sous la forme d’un nombre entier de 0 à {max}.",
  "sessionForm.errors.registrationOpensAt.invalid": "Indiquez une date et une heure valides.",
  "sessionForm.errors.registrationOpensAt.afterStart":
    "Les inscriptions doivent ouvrir avant le début de la session.",
  "sessionForm.errors.registrationClosesAt.invalid": "Indiquez une date et une heure valides.",
  "sessionForm.errors.registrationClosesAt.beforeOpens":
    "Les inscriptions doivent clôturer après leur ouverture.",
  "sessionForm.errors.registrationClosesAt.afterEnd":
    "Les inscriptions ne peuvent pas clôturer après la fin de la session.",
  "sessionForm.errors.language.invalid": "Choisissez la langue de la session.",
  "sessionForm.errors.partnerIds.invalid": "Choisissez les partenaires dans la liste.",
  "sessionForm.errors.partnerIds.tooMany": "Choisissez au maximum {max} partenaires.",
  "sessionForm.errors.partnerIds.unknown":
    "Un des partenaires choisis n’existe pas ou plus. Faites un nouveau choix.",

  "sessionForm.cancel.heading": "Annuler la session",
  "sessionForm.cancel.intro":
    "Toutes les personnes inscrites ou sur la liste d’attente reçoivent un e-mail. Pour les personnes inscrites, la session disparaît aussi de leur agenda. Cette action est irréversible.",
  "sessionForm.cancel.message": "Message aux participants (facultatif)",
  "sessionForm.cancel.messageHint":
    "Par exemple, pourquoi la session n’a pas lieu ou quand une nouvelle date sera fixée. Texte brut.",
  "sessionForm.cancel.submit": "Annuler cette session",
  "sessionForm.cancel.keep": "Non, la session a bien lieu",
  "sessionForm.cancel.done":
    "La session a été annulée. {notified, plural, =0 {Il n’y avait personne à prévenir.} one {# personne reçoit un e-mail.} other {# personnes reçoivent un e-mail.}}",
  "sessionForm.errors.cancelMessage.tooLong": "Le message ne peut pas dépasser {max} caractères.",
  "sessionForm.cancel.errors.form": "La session n’a pas encore été annulée. Corrigez le message.",
  "sessionForm.cancel.refused.alreadyCancelled":
    "Cette session était déjà annulée. Personne n’a reçu de deuxième e-mail.",
  "sessionForm.cancel.refused.past":
    "Cette session a déjà commencé ou est terminée : elle ne peut plus être annulée.",

  "sessionForm.message.heading": "Message aux participants",
  "sessionForm.message.audience": "À qui ?",
  "sessionForm.message.audience.confirmed": "Toutes les personnes inscrites",
  "sessionForm.message.audience.waitlisted": "Toutes les personnes sur la liste d’attente",
  "sessionForm.message.audience.present": "Les personnes présentes",
  "sessionForm.message.subject": "Objet",
  "sessionForm.message.body": "Message",
  "sessionForm.message.bodyHint":
    "Texte brut : la mise en forme et le HTML ne sont pas repris. Chaque destinataire reçoit son propre e-mail, avec les informations de la session en dessous.",
  "sessionForm.message.submit": "Envoyer le message",
  "sessionForm.message.sent":
    "{count, plural, =0 {Il n’y avait personne à qui envoyer ce message.} one {Le message est envoyé à # personne.} other {Le message est envoyé à # personnes.}}",
  "sessionForm.message.errors.form":
    "Le message n’a pas encore été envoyé. Corrigez les champs indiqués.",
  "sessionForm.errors.audience.invalid": "Choisissez à qui envoyer le message.",
  "sessionForm.errors.subject.required": "Indiquez un objet.",
  "sessionForm.errors.subject.tooLong": "L’objet ne peut pas dépasser {max} caractères.",
  "sessionForm.errors.body.required": "Rédigez un message.",
  "sessionForm.errors.body.tooLong": "Le message ne peut pas dépasser {max} caractères.",

  "sessionForm.attendee.alreadyRegistered":
    "{email} {status, select, waitlisted {figure déjà sur la liste d’attente} requested {a déjà une demande en attente} other {est déjà inscrit}} pour cette session. Aucune deuxième inscription n’a été créée.",

  "attendees.add.errors.form": "Personne n’a encore été ajouté. Corrigez les champs indiqués.",
  "attendees.done.added":
    "Inscription de {name} confirmée ; un e-mail de confirmation avec l’invitation lui est envoyé.",
  "attendees.done.waitlisted":
    "La session est complète : {name} est sur la liste d’attente, en position {position}, et en est informé par e-mail.",
  "attendees.done.cancelled":
    "Désinscription de {name} effectuée.{promoted, plural, =0 {} one { # personne de la liste d’attente a obtenu la place libérée.} other { # personnes de la liste d’attente ont obtenu une place.}}",
  "attendees.done.moved": "{name} est maintenant en position {position} sur la liste d’attente.",
  "attendees.done.present": "Présence de {name} enregistrée.",
  "attendees.done.absent": "{name} n’est plus indiqué comme présent.",
  "attendees.refused.alreadyCancelled":
    "{name} était déjà désinscrit. Rien n’a été modifié et personne n’a reçu d’e-mail.",
  "attendees.refused.notWaitlisted":
    "Cette personne ne figure pas ou plus sur la liste d’attente. L’ordre n’a pas été modifié.",
  "attendees.refused.alreadyFirst":
    "{name} est déjà en tête de la liste d’attente. L’ordre n’a pas été modifié.",
  "attendees.refused.alreadyLast":
    "{name} est déjà en dernière position sur la liste d’attente. L’ordre n’a pas été modifié.",
  "attendees.refused.notConfirmed":
    "{name} {status, select, waitlisted {est sur la liste d’attente} requested {a une demande en attente} other {est désinscrit}} : sa présence ne peut pas être enregistrée.",
  "attendees.refused.sessionCancelled":
    "Cette session est annulée : plus personne ne peut y être ajouté. Rien n’a été enregistré.",
} satisfies Record<keyof typeof nlBESessionForm, string>;
