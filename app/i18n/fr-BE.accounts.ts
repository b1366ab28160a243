import type { nlBEAccounts } from "./nl-BE.accounts";

/** Français (Belgique) : le compte de l’organisateur, la vérification en deux étapes, les appareils. */
export const frBEAccounts = {
  "account.nav": "Mon compte",
  "account.title": "Mon compte",
  "account.intro": "Vous vous connectez en tant que {email}.",
  "account.errors.unknownAction": "Cette action nous est inconnue. Rechargez la page.",

  "twoStep.title": "Vérification en deux étapes",
  "twoStep.explain":
    "Après votre mot de passe, nous demandons un code d’une application d’authentification sur votre téléphone. Quelqu’un qui connaît votre mot de passe n’a alors toujours pas accès aux données des participants.",
  "twoStep.status.on": "La vérification en deux étapes est activée.",
  "twoStep.status.off": "La vérification en deux étapes est désactivée.",
  "twoStep.status.required":
    "Un administrateur a rendu la vérification en deux étapes obligatoire : vous ne pouvez pas la désactiver.",
  "twoStep.recoveryLeft":
    "{count, plural, =0 {Il ne vous reste aucun code de secours.} one {Il vous reste # code de secours.} other {Il vous reste # codes de secours.}}",
  "twoStep.setup.begin": "Activer la vérification en deux étapes",
  "twoStep.setup.begun": "Scannez le code QR et confirmez avec un code de votre application.",
  "twoStep.setup.again": "Recommencer avec une nouvelle clé",
  "twoStep.setup.scan":
    "Ouvrez une application d’authentification (par exemple Microsoft Authenticator, Google Authenticator ou FreeOTP) et scannez ce code QR.",
  "twoStep.setup.qrAlt": "Code QR pour votre application d’authentification",
  "twoStep.setup.typeKey":
    "Le scan ne fonctionne pas ? Tapez alors cette clé dans votre application :",
  "twoStep.setup.codeLabel": "Code de votre application",
  "twoStep.setup.codeHint": "Les six chiffres que votre application affiche maintenant.",
  "twoStep.setup.confirm": "Confirmer et activer",
  "twoStep.recovery.title": "Vos codes de secours",
  "twoStep.recovery.intro":
    "La vérification en deux étapes est activée. Conservez ces {count} codes de secours en lieu sûr : vous ne les verrez qu’une fois. Si vous perdez votre téléphone, connectez-vous avec l’un d’eux ; chaque code ne fonctionne qu’une fois.",
  "twoStep.off.open": "Désactiver la vérification en deux étapes",
  "twoStep.off.codeLabel": "Code de votre application ou code de secours",
  "twoStep.off.submit": "Désactiver",
  "twoStep.off.done":
    "La vérification en deux étapes est désactivée. Vos autres appareils ont été déconnectés.",

  "twoStep.code.title": "Code de votre application",
  "twoStep.code.intro":
    "Votre mot de passe est correct. Saisissez maintenant le code de votre application d’authentification.",
  "twoStep.code.label": "Code",
  "twoStep.code.hint":
    "Les six chiffres de votre application, ou l’un de vos codes de secours si vous n’avez pas votre téléphone.",
  "twoStep.code.submit": "Se connecter",
  "twoStep.code.cancel": "Annuler et se déconnecter",
  "twoStep.code.expired": "Cela a pris trop de temps. Connectez-vous à nouveau.",

  "twoStep.enrol.title": "Configurer la vérification en deux étapes",
  "twoStep.enrol.intro":
    "La vérification en deux étapes est obligatoire pour votre compte. Configurez-la maintenant ; vous accéderez ensuite à l’espace de travail.",
  "twoStep.enrol.doneTitle": "La vérification en deux étapes est configurée",
  "twoStep.enrol.continue": "Continuer vers l’espace de travail",

  "twoStep.errors.form": "Le code n’a pas été accepté.",
  "twoStep.errors.codeRequired": "Saisissez le code.",
  "twoStep.errors.wrongCode":
    "Ce code est incorrect ou a déjà été utilisé. Attendez le code suivant dans votre application et réessayez.",
  "twoStep.errors.alreadyOn": "La vérification en deux étapes est déjà activée.",
  "twoStep.errors.notOn": "La vérification en deux étapes n’est pas activée.",
  "twoStep.errors.notStarted": "Recommencez d’abord la configuration.",
  "twoStep.errors.required":
    "Un administrateur a rendu la vérification en deux étapes obligatoire : vous ne pouvez pas la désactiver.",
  "twoStep.errors.locked": "Trop de codes erronés à la suite. Réessayez à partir de {time}.",
  "twoStep.errors.requirement": "Choisissez qui doit utiliser la vérification en deux étapes.",

  "twoStep.requirement.title": "Rendre la vérification en deux étapes obligatoire",
  "twoStep.requirement.label": "Qui doit utiliser la vérification en deux étapes ?",
  "twoStep.requirement.hint":
    "Qui ne l’a pas encore la configure à sa prochaine connexion. Les bénévoles à l’entrée ne sont pas concernés.",
  "twoStep.requirement.nobody": "Personne (libre choix)",
  "twoStep.requirement.admins": "Les administrateurs",
  "twoStep.requirement.everyone": "Les administrateurs et les organisateurs",
  "twoStep.requirement.save": "Enregistrer",
  "twoStep.requirement.saved.nobody":
    "La vérification en deux étapes n’est plus obligatoire pour personne.",
  "twoStep.requirement.saved.admins":
    "La vérification en deux étapes est désormais obligatoire pour les administrateurs.",
  "twoStep.requirement.saved.everyone":
    "La vérification en deux étapes est désormais obligatoire pour les administrateurs et les organisateurs.",

  "organisers.column.twoStep": "Vérification en deux étapes",
  "organisers.twoStep.on": "Activée",
  "organisers.twoStep.off": "Désactivée",
  "organisers.twoStepReset": "Réinitialiser",
  "organisers.twoStepResetConfirm": "Oui, réinitialiser la vérification en deux étapes de {name}",
  "organisers.twoStepResetDone":
    "La vérification en deux étapes de {name} a été réinitialisée ; {name} a été déconnecté partout.",
  "organisers.errors.resetSelf":
    "Vous désactivez votre propre vérification en deux étapes sur la page de votre compte, pas ici.",

  "devices.title": "Appareils connectés",
  "devices.intro":
    "Vous êtes connecté ici. Si vous ne reconnaissez pas un appareil, déconnectez-le et choisissez un nouveau mot de passe.",
  "devices.column.device": "Appareil",
  "devices.column.signedIn": "Connecté le",
  "devices.column.lastSeen": "Dernière activité",
  "devices.column.address": "Depuis l’adresse",
  "devices.thisDevice": "Cet appareil",
  "devices.unknown": "Navigateur inconnu",
  "devices.unknownAddress": "Inconnue",
  "devices.signOut": "Déconnecter",
  "devices.signOutOthers": "Déconnecter tous les autres appareils",
  "devices.signedOut": "Cet appareil a été déconnecté.",
  "devices.othersSignedOut":
    "{count, plural, =0 {Aucun autre appareil n’était connecté.} one {# autre appareil a été déconnecté.} other {# autres appareils ont été déconnectés.}}",
  "devices.errors.gone": "Cet appareil n’est pas (ou plus) connecté.",
  "cityLogin.button": "Se connecter avec son compte de la ville",
  "cityLogin.or": "Ou connectez-vous avec votre adresse e-mail et votre mot de passe :",
  "cityLogin.only":
    "Avec une adresse de la ville, connectez-vous avec le bouton « {button} », pas avec un mot de passe.",
  "cityLogin.failed.title": "La connexion n’a pas abouti",
  "cityLogin.failed.refused":
    "La connexion auprès de la ville n’a pas pu être confirmée (elle avait expiré, avait déjà servi ou n’a pas commencé dans ce navigateur). Rien n’a changé. Veuillez réessayer.",
  "cityLogin.failed.unverified":
    "Votre compte de la ville n’a pas transmis d’adresse e-mail confirmée. Demandez au service informatique de la ville d’ajouter l’adresse e-mail à votre compte.",
  "cityLogin.failed.notInvited":
    "Vous êtes connecté auprès de la ville, mais cette adresse n’a pas accès à l’agenda. Demandez à un administrateur de vous inviter.",
  "cityLogin.failed.removedByAdmin":
    "Vous êtes connecté auprès de la ville, mais un administrateur a fermé votre compte dans l’agenda. Demandez à un administrateur de vous inviter à nouveau.",
  "cityLogin.failed.doorAccessEnded":
    "Votre accès de bénévole à l’entrée a pris fin avec votre séance.",
  "cityLogin.failed.unavailable":
    "Le service de connexion de la ville ne répond pas pour le moment. Réessayez dans quelques minutes.",
  "cityLogin.failed.again": "Retour à la connexion",

  "organisers.joinedThroughDomain":
    "Entré par un domaine : se connecte uniquement avec le compte de la ville.",
  "signInDomains.title": "Connexion par domaine",
  "signInDomains.intro":
    "Laissez entrer d’eux-mêmes les collaborateurs d’un partenaire ou d’un service de la ville. Qui se connecte avec le bouton de la ville, avec une adresse e-mail confirmée par la ville d’un domaine ci-dessous, reçoit un compte d’organisateur de la ville ou du partenaire indiqué. Jamais d’administrateur : ceux-là, invitez-les sous Organisateurs.",
  "signInDomains.noProvider":
    "La ville n’a pas encore relié de service de connexion : d’ici là, personne n’entre par un domaine.",
  "signInDomains.leavers":
    "Qui est entré par un domaine n’a ni mot de passe ni clé d’accès : seul son compte auprès de la ville le laisse entrer. Si le service informatique désactive le compte de quelqu’un qui part, cette personne ne peut plus se connecter. Retirer un domaine ne laisse plus entrer personne de nouveau, mais les comptes déjà créés restent : supprimez-les sous Organisateurs. Qui y est supprimé ne revient plus par le domaine, jusqu’à ce qu’un administrateur l’invite à nouveau.",
  "signInDomains.link": "Connexion par domaine",
  "signInDomains.linkIntro":
    "Les collaborateurs d’un partenaire ou d’un service de la ville peuvent s’ouvrir l’accès avec le compte de la ville, si vous autorisez leur domaine.",
  "signInDomains.column.domain": "Domaine",
  "signInDomains.column.scope": "Voit",
  "signInDomains.column.accounts": "Comptes",
  "signInDomains.scope.city": "Ville {name}",
  "signInDomains.scope.partner": "Partenaire {name}",
  "signInDomains.none": "Aucun domaine n’est encore autorisé.",
  "signInDomains.remove": "Retirer",
  "signInDomains.removeConfirm": "Oui, retirer {domain} pour {scope}",
  "signInDomains.removed":
    "{domain} n’est plus autorisé. Qui est déjà entré par ce domaine garde son compte.",
  "signInDomains.addTitle": "Autoriser un domaine",
  "signInDomains.domain": "Domaine",
  "signInDomains.domainHint":
    "Seulement ce qui suit le @, par exemple voka.be. Un sous-domaine (student.kuleuven.be) s’autorise à part.",
  "signInDomains.scopeLabel": "Pour",
  "signInDomains.scopeHint":
    "Qui entre par ce domaine voit les sessions de cette ville ou de ce partenaire.",
  "signInDomains.add": "Autoriser",
  "signInDomains.added": "{domain} est autorisé pour {scope}.",
  "signInDomains.errors.form": "Le domaine n’a pas été autorisé. Vérifiez le champ ci-dessous.",
  "signInDomains.errors.required": "Indiquez un domaine, par exemple voka.be.",
  "signInDomains.errors.withAt":
    "Indiquez seulement le domaine, sans le @ ni ce qui le précède : par exemple voka.be.",
  "signInDomains.errors.invalid":
    "« {domain} » n’est pas un nom de domaine. Indiquez seulement le domaine, sans https:// ni / : par exemple voka.be.",
  "signInDomains.errors.scope": "Choisissez une ville ou un partenaire dans la liste.",
  "signInDomains.errors.alreadyAllowed":
    "Ce domaine est déjà autorisé pour cette ville ou ce partenaire.",
  "signInDomains.errors.notFound": "Ce domaine n’est pas (ou plus) dans la liste.",
  "passkeys.title": "Clés d’accès",
  "passkeys.explain":
    "Avec une clé d’accès, vous vous connectez sans mot de passe ni code : votre appareil demande votre code PIN, votre empreinte ou votre visage. Une clé d’accès ne fonctionne que sur ce site : un site imité ne peut pas l’utiliser.",
  "passkeys.column.name": "Nom",
  "passkeys.column.added": "Ajoutée",
  "passkeys.column.lastUsed": "Dernière utilisation",
  "passkeys.neverUsed": "Pas encore",
  "passkeys.none": "Vous n’avez pas encore de clé d’accès.",
  "passkeys.add": "Ajouter une clé d’accès",
  "passkeys.added": "Clé d’accès ajoutée : {name}.",
  "passkeys.remove": "Supprimer",
  "passkeys.removed":
    "La clé d’accès est supprimée. Déconnectez sous Appareils connectés ceux qui l’ont encore utilisée.",
  "passkeys.needsScript": "Les clés d’accès ne fonctionnent qu’avec JavaScript activé.",
  "passkeys.unsupported": "Ce navigateur ne prend pas en charge les clés d’accès.",
  "passkeys.signIn.title": "Se connecter avec une clé d’accès",
  "passkeys.signIn.button": "Utiliser une clé d’accès",
  "passkeys.errors.invalid": "Cette clé d’accès n’a pas été acceptée. Réessayez.",
  "passkeys.errors.tooMany": "Vous avez déjà dix clés d’accès. Supprimez-en une d’abord.",
  "passkeys.errors.gone": "Cette clé d’accès n’existe pas (ou plus).",
  "passkeys.errors.cancelled":
    "Aucune clé d’accès n’a été utilisée. Réessayez si vous le souhaitez.",
  "passkeys.errors.failed": "Cela n’a pas fonctionné. Rechargez la page et réessayez.",
  "passkeys.errors.signInFailed":
    "Cette clé d’accès est inconnue ou n’a pas été acceptée. Connectez-vous avec votre mot de passe.",
} satisfies Record<keyof typeof nlBEAccounts, string>;
