import type { nlBEAccess } from "./nl-BE.access";

/** French (Belgium): who may come to a session. The same keys as nl-BE.access.ts. */
export const frBEAccess = {
  "availability.full": "Complet",
  "signup.approvalNotice":
    "Les organisateurs choisissent les participants : votre inscription est une demande. Vous recevrez un e-mail dès qu’ils auront décidé.",
  "signup.approvalNoticeFull":
    "Toutes les places sont attribuées. Vous pouvez encore introduire une demande : si une place se libère, les organisateurs pourront encore vous choisir. Vous recevrez un e-mail dès qu’ils auront décidé.",
  "signup.submitRequest": "Demander une place",
  "signup.emailHintDomains":
    "Cette session n’est ouverte qu’aux adresses se terminant par {domains}. C’est aussi là que nous enverrons votre confirmation.",
  "errors.email.domain":
    "Cette session n’est ouverte qu’aux adresses de {domains}. Utilisez votre adresse de l’un de ces domaines.",
  "thanks.requested.title": "Votre demande a bien été reçue",
  "thanks.requested.body":
    "Les organisateurs examinent chaque demande et vous diront par e-mail si vous avez une place. D’ici là, rien n’est encore réservé pour vous.",

  "manage.status.requested":
    "Votre demande a bien été reçue. Les organisateurs n’ont pas encore décidé : vous recevrez un e-mail dès qu’ils l’auront fait.",
  "manage.status.declined": "Les organisateurs n’ont pas pu accepter votre demande.",
  "manage.status.expired":
    "La session a commencé avant que les organisateurs aient pu décider de votre demande. Votre demande est clôturée.",
  "manage.declineReason": "Explication des organisateurs :",
  "manage.withdrawRequest": "Retirer ma demande",
  "manage.confirmTitleRequested": "Voulez-vous retirer votre demande ?",
  "manage.confirmBodyRequested":
    "Les organisateurs ne l’examineront plus. Tant que les inscriptions sont ouvertes, vous pourrez introduire une nouvelle demande.",
  "manage.confirmRequested": "Oui, retirer ma demande",
  "manage.keepRequest": "Non, je maintiens ma demande",
  "manage.withdrawnNow": "Votre demande est retirée. Nous vous avons envoyé une confirmation.",

  "email.requested.subject": "Demande reçue : {title}",
  "email.requested.intro":
    "Nous avons bien reçu votre demande pour {title}. Les organisateurs examinent chaque demande et vous diront par e-mail si vous avez une place. D’ici là, rien n’est réservé pour vous : l’invitation pour votre agenda ne suivra que si votre demande est acceptée.",
  "email.requested.manage": "Consulter ou retirer votre demande",
  "email.requestDeclined.subject": "Votre demande pour {title}",
  "email.requestDeclined.intro":
    "Merci de votre intérêt pour {title}. Les organisateurs n’ont malheureusement pas pu accepter votre demande.",
  "email.requestDeclined.reason": "Explication des organisateurs :",
  "email.requestExpired.subject": "Votre demande pour {title} est clôturée",
  "email.requestExpired.intro":
    "{title} a commencé avant que les organisateurs aient pu décider de votre demande. Elle est donc clôturée.",
  "email.requestWithdrawn.subject": "Demande retirée : {title}",
  "email.requestWithdrawn.intro":
    "Votre demande pour {title} est retirée. Vous souhaitez tout de même participer ? Introduisez une nouvelle demande tant que les inscriptions sont ouvertes.",
  "email.reminder.intro.requested":
    "Vous avez de nouveau demandé une place pour {title}, mais votre demande est déjà entre les mains des organisateurs. Vous recevrez un e-mail dès qu’ils auront décidé. Le bouton ci-dessous vous permet de la consulter.",
  "email.sessionCancelled.intro.requested":
    "Malheureusement, {title} du {date} n’aura pas lieu. Votre demande devient sans objet.",

  "mailKind.registration.requested": "Demande reçue",
  "mailKind.registration.requestDeclined": "Demande refusée",
  "mailKind.registration.requestExpired": "Demande clôturée au début de la session",

  "requests.title": "Demandes ({count})",
  "requests.intro":
    "Chaque inscription à cette session est une demande ; la première figure en haut. Accepter donne une place et envoie la confirmation avec l’invitation. {seats, plural, =0 {Il n’y a plus de place libre.} one {Il reste # place libre.} other {Il reste # places libres.}}",
  "requests.none": "Aucune demande en attente.",
  "requests.closed":
    "Clôturées : {declined} refusée(s), {expired} sans décision au début de la session.",
  "requests.requestedAt": "Demandée le",
  "requests.approve": "Accepter",
  "requests.approveLabel": "Accepter la demande de {name}",
  "requests.decline": "Refuser…",
  "requests.reason": "Motif (facultatif)",
  "requests.reasonHint":
    "Figurera tel quel dans l’e-mail envoyé à la personne. Laissez vide pour refuser sans motif.",
  "requests.declineConfirm": "Refuser la demande de {name}",
  "requests.done.approved":
    "La demande de {name} est acceptée : {name} a une place et reçoit la confirmation avec l’invitation.",
  "requests.done.declined":
    "La demande de {name} est refusée. {name} en est informé(e) par e-mail.",
  "requests.refused.full":
    "Il n’y a plus de place libre : les {capacity} places sont attribuées. La demande de {name} reste en attente. Augmentez le nombre de places (Modifier) ou refusez la demande.",
  "requests.refused.notRequested":
    "La demande de {name} a déjà été tranchée ou retirée. Rien n’a été modifié.",
  "requests.refused.sessionCancelled":
    "Cette session est annulée : il n’y a plus rien à décider sur la demande de {name}.",
  "requests.refused.started":
    "Cette session a déjà commencé : il n’y a plus rien à décider sur la demande de {name}.",
  "requests.errors.reason.tooLong": "Le motif ne peut dépasser {max} caractères.",
  "attendees.count.requested": "Demandes en attente",

  "access.approval":
    "Les inscriptions sont des demandes : les organisateurs les acceptent ou les refusent.",
  "access.unlisted": "Non répertoriée : accessible uniquement par son lien.",
  "access.emailDomains": "Uniquement pour les adresses se terminant par {domains}.",
  "access.byHand":
    "La personne que vous ajoutez ici reçoit directement une place (ou la liste d’attente) : sans demande, et quelle que soit son adresse e-mail.",
  "unlisted.title": "Lien à partager",
  "unlisted.linkLabel": "Adresse de la session",
  "unlisted.linkHint":
    "Cette session ne figure dans aucune liste et les moteurs de recherche ne la montrent pas. Toute personne qui reçoit ce lien peut ouvrir la page et s’inscrire.",
  "unlisted.copy": "Copier le lien",
  "unlisted.copied": "Le lien est copié.",
  "unlisted.copyByHand":
    "La copie n’a pas fonctionné. Le lien est sélectionné : copiez-le avec Ctrl+C (ou ⌘+C sur Mac).",
  "dashboard.unlisted": "non répertoriée",
  "dashboard.requests": "{count, plural, one {# demande en attente} other {# demandes en attente}}",
  "dashboard.requested": "demande",
  "export.status.requested": "Demande",

  "sessionForm.access": "Qui peut participer",
  "sessionForm.requiresApproval":
    "Valider les inscriptions : chaque inscription est une demande, et seules les personnes acceptées reçoivent une place",
  "sessionForm.unlisted":
    "Ne pas répertorier : accessible uniquement par son lien, ni sur le site, ni dans les abonnements d’agenda, ni dans l’API, ni dans les moteurs de recherche",
  "sessionForm.unlistedHint":
    "Une session non répertoriée reçoit une adresse que personne ne peut deviner. Si une session répertoriée cesse de l’être, son ancienne adresse ne fonctionne plus.",
  "sessionForm.emailDomains": "Domaines e-mail admis (facultatif)",
  "sessionForm.emailDomainsHint":
    "Par exemple : student.kuleuven.be, kuleuven.be. Un domaine vaut exactement tel qu’écrit : kuleuven.be n’admet pas les adresses de student.kuleuven.be. Vide : toute adresse. Les personnes que vous ajoutez vous-même peuvent avoir n’importe quelle adresse.",
  "sessionForm.errors.emailDomains.invalid":
    "« {domain} » n’est pas un nom de domaine. Écrivez chaque domaine comme après le @ d’une adresse e-mail, par exemple student.kuleuven.be, et séparez-les par des virgules.",
  "sessionForm.errors.emailDomains.tooMany": "Indiquez au maximum {max} domaines.",
  "sessionForm.errors.emailDomains.tooLong": "Au maximum {max} caractères.",
} as const satisfies Record<keyof typeof nlBEAccess, string>;
