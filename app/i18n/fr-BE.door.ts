import type { nlBEDoor } from "./nl-BE.door";

/** French (Belgium): door volunteers, as nl-BE.door.ts. */
export const frBEDoor = {
  "door.title": "Bénévoles à l’entrée",
  "door.intro":
    "Un bénévole à l’entrée ne voit que les noms de la liste de présence et indique qui est là : pas d’adresses e-mail, de réponses, d’exports ni d’autres sessions. L’accès prend fin de lui-même deux heures après la session, ou après minuit pour une journée entière.",
  "door.link": "Bénévoles à l’entrée",
  "door.list.title": "Avec accès",
  "door.list.none": "Personne pour l’instant.",
  "door.list.session": "cette session",
  "door.list.day": "toutes les sessions de ce jour",
  "door.list.until": "jusqu’au {date} à {time}",
  "door.list.over": "accès terminé",
  "door.end": "Mettre fin à l’accès",
  "door.endConfirm": "Oui, mettre fin à l’accès de {name}",
  "door.ended": "L’accès de {name} a pris fin.",
  "door.invite.title": "Inviter quelqu’un",
  "door.invite.hint":
    "Cette personne reçoit un e-mail avec un lien pour choisir un mot de passe, puis se connecte sur la page de connexion habituelle.",
  "door.invite.submit": "Inviter",
  "door.invited": "{name} a reçu un e-mail à {email} pour choisir un mot de passe.",
  "door.name": "Nom",
  "door.email": "Adresse e-mail",
  "door.reach": "Accès pour",
  "door.reach.session": "Cette session uniquement",
  "door.reach.day": "Toutes les sessions de ce jour que vous gérez",
  "door.errors.form": "L’invitation n’a pas été envoyée. Vérifiez les champs indiqués.",
  "door.errors.name": "Indiquez un nom.",
  "door.errors.nameTooLong": "Un nom compte au plus {max} caractères.",
  "door.errors.email": "Indiquez une adresse e-mail valide, comme nom@exemple.be.",
  "door.errors.emailTaken":
    "Un compte existe déjà avec cette adresse. Utilisez une autre adresse ou mettez d’abord fin à l’accès précédent.",
  "door.errors.reach": "Choisissez cette session ou toute la journée.",
  "door.errors.sessionOver": "Cette session est terminée : il n’y a plus personne à enregistrer.",
  "door.errors.notFound": "Ce bénévole n’a pas (ou plus) d’accès pour cette session.",
  "door.nav.checkIn": "Enregistrement",
  "door.mySessions": "Vos sessions",
  "door.signIn.ended":
    "Votre accès de bénévole à l’entrée est terminé : il prend fin de lui-même après la session. Demandez une nouvelle invitation à l’organisateur si vous aidez à nouveau.",
  "door.email.subject": "Votre accès à l’entrée pour l’Ondernemersagenda",
  "door.email.intro":
    "Vous aidez à l’entrée de la session « {session} »{wholeDay, select, yes { et des autres sessions de ce jour} other {}} : vous voyez les noms des participants et indiquez qui est là. Choisissez un mot de passe dans les {hours} heures avec le bouton ci-dessous. Votre accès prend fin de lui-même après la session.",
  "door.email.button": "Choisir votre mot de passe",
  "door.email.notYou": "Vous n’attendiez pas cet e-mail ? Vous pouvez l’ignorer.",
  "organisers.role.door": "Bénévole à l’entrée",
} satisfies Record<keyof typeof nlBEDoor, string>;
