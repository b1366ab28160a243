import type { nlBEPrivacy } from "./nl-BE.privacy";

/**
 * French (Belgium): personal data and accessibility: the privacy statement, the register of
 * processing for admins, the accessibility statement, the links to them in every footer and in
 * the sign-up form’s consent line. The meaning of each sentence follows nl-BE.privacy.ts exactly.
 */
export const frBEPrivacy = {
  "footer.label": "À propos de ce site",
  "footer.privacy": "Vie privée",
  "footer.accessibility": "Accessibilité",

  "signup.consentWithPartners":
    "{partnerCount, plural, =0 {J’accepte que la Ville de {city} utilise mes données pour organiser cette session.} one {J’accepte que la Ville de {city} et son partenaire {partners} utilisent mes données pour organiser cette session.} other {J’accepte que la Ville de {city} et ses partenaires {partners} utilisent mes données pour organiser cette session.}}",
  "signup.consentPrivacyLink": "Découvrez comment nous traitons vos données",

  // The register: one activity a row, in the words the privacy statement uses too.
  "privacy.activity.registrations.title": "Inscriptions aux sessions",
  "privacy.activity.registrations.purpose":
    "Traiter votre inscription et organiser la session : vous envoyer votre confirmation et l’invitation pour votre agenda, tenir la liste d’attente, vous prévenir si la session change ou n’a pas lieu, et enregistrer votre présence le jour même.",
  "privacy.activity.cityFigures.title": "Chiffres pour la ville",
  "privacy.activity.cityFigures.purpose":
    "Compter combien d’entrepreneurs les sessions ont atteints, qui est venu pour la première fois et qui est revenu, afin que la ville et ses partenaires puissent rendre compte de leur politique. Nous gardons pour cela avec chaque inscription un pseudonyme de votre adresse e-mail, même après l’effacement de votre nom et de votre adresse. Personne ne voit ce pseudonyme : l’espace de travail ne montre que des totaux.",
  "privacy.activity.organiserAccounts.title": "Comptes des organisateurs",
  "privacy.activity.organiserAccounts.purpose":
    "Permettre aux collaborateurs de la ville et des partenaires de se connecter en toute sécurité à l’espace de travail, ne leur montrer que ce qui concerne leur ville ou leur partenaire, et garder une trace de qui a modifié ou exporté quoi.",
  "privacy.activity.removedOrganisers.title": "Comptes d’organisateurs supprimés",
  "privacy.activity.removedOrganisers.purpose":
    "Empêcher qu’une personne supprimée par un administrateur revienne d’elle-même par le domaine de son organisation autorisé à se connecter avec le compte de la ville, jusqu’à ce qu’un administrateur l’invite à nouveau.",
  "privacy.activity.mailLog.title": "E-mails envoyés",
  "privacy.activity.mailLog.purpose":
    "Envoyer de manière fiable les confirmations, les invitations pour l’agenda, les modifications, les messages des organisateurs et les liens de réinitialisation de mot de passe, et réessayer si le serveur de messagerie est momentanément injoignable.",
  "privacy.activity.deferredWork.title": "Tâches effectuées après la réponse",
  "privacy.activity.deferredWork.purpose":
    "Qui demande un lien pour réinitialiser son mot de passe ou se connecte avec un mauvais mot de passe reçoit tout de suite une réponse ; créer et envoyer le lien et inscrire la connexion échouée au journal se fait juste après. Ainsi, la durée de la réponse ne révèle pas qui a un compte, et rien ne se perd si le serveur redémarre à ce moment-là.",
  "privacy.activity.abuseLimits.title": "Protection contre les abus",
  "privacy.activity.abuseLimits.purpose":
    "Compter combien de formulaires proviennent d’une même adresse, pour que personne ne puisse surcharger le site, deviner des mots de passe ou saturer la boîte mail de quelqu’un.",

  "privacy.subject.attendees": "participants",
  "privacy.subject.organisers": "organisateurs",

  "privacy.category.name": "nom",
  "privacy.category.email": "adresse e-mail",
  "privacy.category.organisation": "organisation ou entreprise (si vous la mentionnez)",
  "privacy.category.enterpriseNumber": "numéro d’entreprise (si vous le mentionnez)",
  "privacy.category.sessionAnswers":
    "vos réponses aux questions qu’une session pose à l’inscription (par exemple votre régime alimentaire pour un petit-déjeuner, votre orientation d’études, si vous êtes membre d’un partenaire, si vous venez en fauteuil roulant ou avec un interprète) ; elles suivent le reste de votre inscription : vous pouvez les télécharger et les effacer, et elles sont effacées avec votre nom",
  "privacy.category.signUpMoment": "la date et l’heure de votre inscription et de votre accord",
  "privacy.category.status":
    "le statut de votre inscription : confirmée, sur la liste d’attente, demandée (avec la décision des organisateurs et leur explication) ou annulée",
  "privacy.category.checkIn": "si et quand vous étiez présent (enregistrement des présences)",
  "privacy.category.language": "la langue de vos e-mails",
  "privacy.category.roleAndScope":
    "rôle, et les villes ou le partenaire pour lesquels vous travaillez",
  "privacy.category.passwordHash": "mot de passe, uniquement sous forme de hash irréversible",
  "privacy.category.signIns": "connexions et liens de réinitialisation",
  "privacy.category.auditTrail":
    "ce que vous modifiez ou exportez dans l’espace de travail (journal)",
  "privacy.category.messageContent": "objet, texte et invitation pour l’agenda de chaque message",
  "privacy.category.deliveryStatus": "quand un message a été envoyé, ou pourquoi l’envoi a échoué",
  "privacy.category.hashedAddresses":
    "un hash (SHA-256) de votre adresse IP et de votre adresse e-mail, jamais les adresses elles-mêmes",
  "privacy.category.requestMoments": "quand vous avez envoyé un formulaire",
  "privacy.category.pseudonym":
    "un pseudonyme de votre adresse e-mail : un code calculé à partir de votre adresse avec une clé secrète, dont on ne peut pas retrouver l’adresse",

  "privacy.recipient.cityOrganisers": "les organisateurs de la ville",
  "privacy.recipient.sessionPartners":
    "{partnerCount, plural, =0 {les partenaires de la session à laquelle vous vous inscrivez} other {les partenaires de la session à laquelle vous vous inscrivez, un ou plusieurs parmi : {partners}}}",
  "privacy.recipient.admins": "les administrateurs de l’Ondernemersagenda",
  "privacy.recipient.mailServer": "le serveur de messagerie qui distribue nos e-mails",
  "privacy.recipient.nobody": "personne en dehors de l’Ondernemersagenda elle-même",

  "privacy.retention.monthsAfterSession":
    "{months, plural, one {# mois} other {# mois}} après la session ; nous remplaçons alors votre nom, votre adresse e-mail, votre organisation et votre numéro d’entreprise par une valeur de substitution et nous effaçons vos réponses aux questions de la session",
  "privacy.retention.monthsAfterLastSession":
    "{pseudonymMonths, plural, one {# mois} other {# mois}} après votre dernière session ; si vous effacez vos données, le pseudonyme disparaît aussitôt",
  "privacy.retention.daysAfterSending":
    "{days, plural, one {# jour} other {# jours}} après l’envoi ; nous effaçons alors le destinataire et le contenu du message",
  "privacy.retention.untilAccountRemoved":
    "jusqu’à ce qu’un administrateur supprime le compte ; seuls votre nom et les mentions vous concernant dans le journal sont ensuite conservés",
  "privacy.retention.whileDomainAllowed":
    "jusqu’à ce qu’un administrateur vous invite à nouveau, ou jusqu’au lendemain du jour où votre domaine n’est plus autorisé",
  "privacy.retention.aboutADay": "environ un jour",
  "privacy.retention.untilDone":
    "jusqu’à ce que la tâche soit faite, en général en quelques secondes ; si elle échoue encore après plusieurs essais, nous la gardons {days, plural, one {# jour} other {# jours}} de plus pour en chercher la cause",

  "privacy.basis.consent":
    "consentement (article 6.1.a du RGPD), que vous donnez en cochant la case lors de votre inscription",
  "privacy.basis.publicTask":
    "mission d’intérêt public (article 6.1.e du RGPD) : la politique économique locale de la ville",

  "privacy.field.subjects": "Personnes concernées",
  "privacy.field.categories": "Données",
  "privacy.field.recipients": "Destinataires",
  "privacy.field.retention": "Durée de conservation",
  "privacy.field.basis": "Base juridique",

  // The privacy statement.
  "privacy.title": "Déclaration de confidentialité",
  "privacy.lead":
    "Les données que l’Ondernemersagenda conserve à votre sujet lorsque vous vous inscrivez à une session ou travaillez comme organisateur : pourquoi, avec qui nous les partageons, combien de temps nous les conservons et quels sont vos droits.",
  "privacy.controller.title": "Qui est responsable ?",
  "privacy.controller.body":
    "{controller} est responsable de vos données à caractère personnel dans l’Ondernemersagenda (le responsable du traitement).",
  "privacy.controller.contact": "Questions sur vos données",
  "privacy.controller.dpo": "Délégué à la protection des données",
  "privacy.activities.title": "Ce que nous conservons et pourquoi",
  "privacy.sharing.title": "Avec qui nous partageons vos données",
  "privacy.sharing.body":
    "La ville organise souvent ses sessions avec des partenaires. Si vous vous inscrivez, les organisateurs de la ville et des partenaires de cette session voient votre inscription. Ces partenaires sont indiqués sur la page de la session et dans la phrase par laquelle vous donnez votre accord.",
  "privacy.sharing.partners":
    "{partnerCount, plural, =0 {Nous ne collaborons actuellement avec aucun partenaire.} one {Notre partenaire : {partners}.} other {Nos partenaires : {partners}.}}",
  "privacy.sharing.nobodyElse":
    "Personne d’autre ne reçoit vos données, à part le serveur de messagerie qui distribue nos e-mails. Nous ne les vendons pas et ne les utilisons pas à des fins publicitaires.",
  "privacy.retention.title": "Combien de temps nous conservons vos données",
  "privacy.rights.title": "Vos droits",
  "privacy.rights.access":
    "Consulter et télécharger vos données : ouvrez le lien figurant dans votre e-mail de confirmation. Cette page vous montre ce que nous conservons sur votre inscription et vous permet de le télécharger.",
  "privacy.rights.rectification":
    "Rectifier vos données : via le même lien, vous corrigez vous-même votre nom, votre organisation, votre numéro d’entreprise et vos réponses, jusqu’à la clôture des inscriptions. Pour changer d’adresse e-mail, annulez votre inscription et inscrivez-vous à nouveau.",
  "privacy.rights.erasure":
    "Faire effacer vos données ou retirer votre consentement : via le même lien. Votre inscription est alors annulée.",
  "privacy.rights.other":
    "Faire rectifier vos données, vous opposer au traitement ou poser une autre question : écrivez à {contact} ou à notre délégué à la protection des données, {dpo}. Nous répondons dans un délai d’un mois.",
  "privacy.rights.organisers":
    "Vous êtes organisateur ? Un administrateur modifie ou supprime votre compte. Pour vos autres droits, écrivez à {contact}.",
  "privacy.complaint.title": "Introduire une plainte",
  "privacy.complaint.body":
    "Vous n’êtes pas satisfait de la manière dont nous traitons vos données ? Dites-le-nous d’abord. Vous pouvez aussi introduire une plainte auprès de la Commission de contrôle flamande du traitement des données à caractère personnel (Vlaamse Toezichtcommissie) :",
  "privacy.complaint.link": "vlaamsetoezichtcommissie.be",

  // The register of processing (art. 30 GDPR), for admins.
  "register.title": "Registre des activités de traitement",
  "register.intro":
    "Les données à caractère personnel que l’Ondernemersagenda traite, pourquoi et pendant combien de temps. La déclaration de confidentialité présente les mêmes informations aux visiteurs ; toutes deux les lisent dans une seule et même liste dans le code.",
  "register.controller": "Responsable du traitement",
  "register.contact": "Contact",
  "register.dpo": "Délégué à la protection des données",
  "register.column.activity": "Traitement",
  "register.column.purpose": "Finalité",
  "register.publicPage": "La déclaration de confidentialité pour les visiteurs",
  "admin.nav.register": "Registre des traitements",

  // The accessibility statement.
  "accessibility.title": "Déclaration d’accessibilité",
  "accessibility.lead":
    "{controller} veut que tout le monde puisse utiliser l’Ondernemersagenda, y compris les personnes qui utilisent un lecteur d’écran, uniquement le clavier ou un agrandissement de l’écran. Cette déclaration s’applique à {site}, comme le prévoit le décret de gouvernance (Bestuursdecreet) du 7 décembre 2018.",
  "accessibility.status.title": "État de conformité",
  "accessibility.status.body":
    "Ce site est partiellement conforme aux Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA. Ce qui n’est pas encore en ordre ou n’a pas encore été contrôlé est indiqué ci-dessous.",
  "accessibility.checked.title": "Comment nous le contrôlons",
  "accessibility.checked.body":
    "Des tests automatiques dans le navigateur contrôlent ces pages avec axe-core au regard des règles des WCAG 2.1 A et AA, et n’y trouvent aucune erreur :",
  "accessibility.checked.home": "l’agenda (la page d’accueil)",
  "accessibility.checked.session": "la page d’une session, avec le formulaire d’inscription",
  "accessibility.checked.thanks": "la confirmation après votre inscription",
  "accessibility.checked.manage": "la page où vous consultez et annulez votre inscription",
  "accessibility.checked.notFound": "la page d’erreur « Page introuvable »",
  "accessibility.checked.statements":
    "la déclaration de confidentialité et la présente déclaration d’accessibilité",
  "accessibility.checked.dashboard":
    "pour les organisateurs : la vue d’ensemble de l’espace de travail",
  "accessibility.checked.newSession": "pour les organisateurs : la création d’une nouvelle session",
  "accessibility.checked.attendees":
    "pour les organisateurs : la liste des participants d’une session",
  "accessibility.checked.checkin":
    "pour les organisateurs : la liste d’enregistrement des présences, sur un écran de GSM",
  "accessibility.checked.more":
    "Les mêmes tests vérifient aussi que vous pouvez vous inscrire et annuler sans JavaScript, et que l’agenda, la page d’une ville et la page d’une session tiennent sur un écran de 360 pixels de large sans défilement horizontal. Les tests automatiques ne détectent pas tous les problèmes ; un contrôle manuel complet, par exemple avec un lecteur d’écran, n’a pas encore été effectué.",
  "accessibility.gaps.title": "Ce qui n’est pas encore accessible ou n’a pas été contrôlé",
  "accessibility.gaps.pages":
    "Les tests ne contrôlent pas encore ces pages : la page d’une ville, la connexion et le mot de passe oublié, et, dans l’espace de travail, la modification, l’annulation et l’exportation de sessions, les messages aux participants, la gestion des organisateurs, le journal, le registre des traitements, l’effacement de données à caractère personnel et la page d’enregistrement de la présence d’un seul participant.",
  "accessibility.gaps.errors":
    "Les formulaires affichant des messages d’erreur ne sont pas contrôlés automatiquement ; ils le sont seulement sans erreur.",
  "accessibility.gaps.qr":
    "Le code QR de votre e-mail de confirmation est destiné à l’organisateur, qui le scanne avec l’appareil photo d’un GSM pour enregistrer votre présence. Sans appareil photo, c’est possible aussi : l’organisateur cherche votre nom dans la liste d’enregistrement des présences et le touche une fois.",
  "accessibility.gaps.mail":
    "Les e-mails que nous envoyons (confirmations, invitations, messages) ne sont pas contrôlés automatiquement.",
  "accessibility.gaps.files":
    "Le site ne propose pas de documents PDF. Les exports destinés aux organisateurs (CSV et Excel) ne font pas partie de ce contrôle.",
  "accessibility.prepared.title": "Établissement de la présente déclaration",
  "accessibility.prepared.body":
    "Nous avons établi cette déclaration le {date}, sur la base d’une auto-évaluation avec les tests automatiques décrits ci-dessus.",
  "accessibility.report.title": "Signaler un problème",
  "accessibility.report.body":
    "Vous êtes bloqué sur ce site, ou vous avez besoin d’une information sous une forme que vous pouvez utiliser ? Écrivez à {contact} en indiquant la page concernée et ce qui ne fonctionne pas. Nous chercherons une solution avec vous.",
  "accessibility.enforcement.title": "Procédure de mise en œuvre",
  "accessibility.enforcement.body":
    "Vous n’êtes pas satisfait de notre réponse ? Vous pouvez alors introduire une plainte auprès du Service de médiation flamand (Vlaamse Ombudsdienst) :",
  "accessibility.enforcement.link": "vlaamseombudsdienst.be",
} satisfies Record<keyof typeof nlBEPrivacy, string>;
