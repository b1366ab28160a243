import type { nlBE } from "./nl-BE";

/**
 * The French (Belgium) catalogue of the public pages and their mail: the same keys as nl-BE.ts,
 * in ICU message syntax. Apostrophes are typographic (’) so that none starts an ICU quote.
 */
export const frBE = {
  "site.name": "Ondernemersagenda",
  "site.tagline": "Des sessions gratuites pour les entrepreneurs de votre ville",
  "site.skipToContent": "Aller au contenu",
  "site.organisers": "Espace organisateurs",
  "language.switch": "Langue",
  "language.suggestion": "Cette page existe aussi en français.",
  "language.suggestionLink": "La lire en français",
  "language.dismiss": "Fermer",
  "site.footer":
    "Séances d’information, sessions petit-déjeuner et forums des starters des villes et de leurs partenaires économiques. La participation est gratuite.",

  "kind.info": "Séance d’information",
  "kind.breakfast": "Session petit-déjeuner",
  "kind.forum": "Forum des starters",
  "kind.plural.info": "Séances d’information",
  "kind.plural.breakfast": "Sessions petit-déjeuner",
  "kind.plural.forum": "Forums des starters",
  "language.nl": "Néerlandais",
  "language.en": "Anglais",
  "language.fr": "Français",

  "home.title": "Sessions pour entrepreneurs",
  "home.intro":
    "Séances d’information, sessions petit-déjeuner et forums des starters de votre ville et de ses partenaires. C’est gratuit, et l’inscription prend une minute.",
  "home.count":
    "{count, plural, =0 {Aucune session trouvée} one {# session programmée} other {# sessions programmées}}",
  "home.empty":
    "Aucune session programmée ne correspond à votre choix. Choisissez une autre ville ou un autre type de session.",
  "home.byCity": "Sessions par ville",
  "filter.legend": "Filtrer les sessions",
  "filter.city": "Ville",
  "filter.allCities": "Toutes les villes",
  "filter.kind": "Type de session",
  "filter.allKinds": "Tous les types",
  "filter.language": "Langue",
  "filter.allLanguages": "Toutes les langues",
  "filter.submit": "Afficher les sessions",
  "filter.reset": "Effacer les filtres",

  "city.title": "Sessions à {city}",
  "city.intro":
    "Toutes les prochaines sessions pour entrepreneurs à {city}, la plus proche en premier.",
  "city.others": "Autres villes",

  "availability.open": "{seats, plural, one {Encore # place libre} other {Encore # places libres}}",
  "availability.waitlist": "Complet – liste d’attente",
  "availability.notYetOpen": "Inscriptions à partir du {date}",
  "availability.closed": "Inscriptions clôturées",
  "availability.past": "Terminée",
  "availability.cancelled": "Annulée",
  "card.withPartners": "Avec {partners}",
  "card.givenIn": "{language, select, en {En anglais} fr {En français} other {En néerlandais}}",

  "session.when": "Quand",
  "session.where": "Où",
  "session.organisers": "Organisation",
  "session.language": "Langue",
  "session.seats": "Places",
  "session.seatsTaken":
    "Places occupées : {confirmed} sur {capacity}{waiting, plural, =0 {} one {, # personne sur la liste d’attente} other {, # personnes sur la liste d’attente}}",
  "session.cityOrganiser": "Ville de {city}",
  "session.backToList": "Toutes les sessions",
  "session.metaDescription": "{kind} à {city} le {date}. {summary}",

  "signup.title": "Inscription",
  "signup.waitlistNotice":
    "Cette session est complète. Inscrivez-vous sur la liste d’attente : si une place se libère, elle vous est attribuée automatiquement et nous vous envoyons une invitation.",
  "signup.name": "Nom",
  "signup.email": "Adresse e-mail",
  "signup.emailHint":
    "C’est à cette adresse que nous envoyons votre confirmation et l’invitation pour votre agenda.",
  "signup.organisation": "Organisation ou entreprise (facultatif)",
  "signup.enterpriseNumber": "Numéro d’entreprise BCE (facultatif)",
  "signup.enterpriseNumberHint": "Dix chiffres, par exemple 0123.456.749",
  "signup.submit": "Je m’inscris",
  "signup.submitWaitlist": "M’inscrire sur la liste d’attente",
  "signup.submitting": "Un instant…",
  "signup.unavailable.cancelled":
    "Cette session est annulée. Il n’est plus possible de s’y inscrire.",
  "signup.unavailable.past": "Cette session a déjà eu lieu.",
  "signup.unavailable.closed": "Les inscriptions à cette session sont clôturées.",
  "signup.unavailable.notYetOpen": "Les inscriptions ouvrent le {date}.",

  "errors.form": "Votre inscription n’a pas encore été envoyée. Corrigez les champs indiqués.",
  "errors.required": "Veuillez remplir ce champ.",
  "errors.tooLong": "{max} caractères maximum.",
  "errors.invalid": "Nous ne pouvons pas utiliser cette valeur. Veuillez la vérifier.",
  "errors.name.required": "Veuillez indiquer votre nom.",
  "errors.name.tooLong": "Votre nom ne peut pas dépasser {max} caractères.",
  "errors.text.invalidCharacters":
    "Ce champ contient des caractères que nous ne pouvons pas utiliser.",
  "errors.email.invalid": "Indiquez une adresse e-mail valide, par exemple nom@entreprise.be.",
  "errors.organisation.tooLong":
    "Le nom de votre organisation ne peut pas dépasser {max} caractères.",
  "errors.enterpriseNumber.invalid":
    "Ce numéro d’entreprise n’est pas valide. Il compte dix chiffres, par exemple 0123.456.749.",
  "errors.consent.required": "Pour vous inscrire, vous devez marquer votre accord.",

  "thanks.title": "Merci pour votre inscription",
  "thanks.body":
    "Nous avons envoyé un e-mail à {email} avec tous les détails et un lien personnel pour consulter ou annuler votre inscription.",
  "thanks.bodyNoEmail":
    "Nous vous avons envoyé un e-mail avec tous les détails et un lien personnel pour consulter ou annuler votre inscription.",
  "thanks.spam":
    "Rien reçu après quelques minutes ? Vérifiez votre dossier de courrier indésirable.",
  "thanks.back": "Retour à toutes les sessions",

  "manage.title": "Votre inscription",
  "manage.status.confirmed":
    "Votre inscription est confirmée. Nous nous réjouissons de vous accueillir.",
  "manage.status.waitlisted":
    "Vous êtes sur la liste d’attente, en position {position}. Si une place se libère, elle vous est attribuée automatiquement.",
  "manage.status.cancelled": "Cette inscription est annulée.",
  "manage.registeredAs": "Inscription au nom de {name} ({email})",
  "manage.cancel": "Annuler l’inscription",
  "manage.leaveWaitlist": "Quitter la liste d’attente",
  "manage.confirmTitle": "Voulez-vous annuler votre inscription ?",
  "manage.confirmBody":
    "Votre place ira à la première personne de la liste d’attente. Tant qu’il reste des places, vous pourrez vous réinscrire plus tard.",
  "manage.confirm": "Oui, annuler mon inscription",
  "manage.confirmTitleWaitlisted": "Voulez-vous quitter la liste d’attente ?",
  "manage.confirmBodyWaitlisted":
    "Vous perdrez votre place sur la liste d’attente. Si vous souhaitez finalement venir, il vous suffira de vous réinscrire.",
  "manage.confirmWaitlisted": "Oui, me retirer de la liste d’attente",
  "manage.keep": "Non, je garde mon inscription",
  "manage.cancelledNow": "Votre inscription est annulée. Nous vous avons envoyé une confirmation.",
  "manage.alreadyCancelled": "Cette inscription était déjà annulée. Rien n’a changé.",
  "manage.errors.past":
    "Cette session a déjà commencé ou est terminée : il n’est plus possible d’annuler.",
  "manage.errors.unknownAction":
    "Nous ne connaissons pas cette action. Utilisez les boutons de la page.",
  "manage.signUpAgain": "Se réinscrire",
  "manage.sessionCancelled": "Cette session n’aura pas lieu.",

  "notFound.title": "Page introuvable",
  "notFound.body":
    "Cette page n’existe pas ou plus. Le lien est peut-être incomplet, ou la session a été supprimée.",
  "notFound.link": "Voir toutes les sessions",
  "error.title": "Un problème est survenu",
  "forbidden.title": "Accès refusé",
  "forbidden.body":
    "Cette page n’est pas accessible avec votre compte. Si vous pensez devoir y avoir accès, adressez-vous à un administrateur.",
  "error.body": "Cela n’aurait pas dû arriver. Veuillez réessayer dans quelques minutes.",

  "email.greeting": "Bonjour {name},",
  "email.confirmed.subject": "Inscription confirmée : {title} le {date}",
  "email.confirmed.intro":
    "Votre inscription à {title} est confirmée. L’invitation pour votre agenda est jointe à cet e-mail.",
  "email.promoted.subject": "Une place s’est libérée : votre inscription à {title} est confirmée",
  "email.promoted.intro":
    "Bonne nouvelle : une place s’est libérée pour {title} et elle est pour vous. L’invitation pour votre agenda est jointe à cet e-mail.",
  "email.waitlisted.subject": "Sur la liste d’attente : {title}",
  "email.waitlisted.intro":
    "La session {title} est complète. Vous êtes sur la liste d’attente, en position {position}. Si une place se libère, elle vous est attribuée automatiquement et nous vous envoyons l’invitation pour votre agenda.",
  "email.cancelled.subject": "Annulation : votre inscription à {title}",
  "email.cancelled.intro":
    "Votre inscription à {title} est annulée. Votre place ira à une personne de la liste d’attente. Vous pouvez finalement venir ? Réinscrivez-vous tant qu’il reste de la place.",
  "email.waitlistLeft.subject": "Retrait de la liste d’attente : {title}",
  "email.waitlistLeft.intro": "Vous ne figurez plus sur la liste d’attente de {title}.",
  "email.reminder.subject": "Votre inscription à {title}",
  "email.reminder.intro.waitlisted":
    "Vous avez demandé à nouveau à vous inscrire à {title}, mais vous êtes déjà sur la liste d’attente, en position {position}. Le bouton ci-dessous vous permet de consulter votre inscription.",
  "email.when": "Quand",
  "email.where": "Où",
  "email.organisers": "Organisation",
  "email.manage": "Consulter ou annuler votre inscription",
  "email.sessionPage": "En savoir plus sur cette session",
  "email.cantCome":
    "Vous ne pouvez finalement pas venir ? Libérez votre place pour quelqu’un d’autre.",
  "email.cancelLink": "Annuler votre inscription",
  "email.qrAlt": "Code QR à présenter à l’accueil",
  "email.qrHint": "Présentez ce code à l’accueil : vous entrerez plus rapidement.",
  "email.signUpAgain": "Se réinscrire",
  "email.footer":
    "Vous recevez cet e-mail parce que vous avez utilisé l’Ondernemersagenda pour vous inscrire. Ce lien est personnel : ne transférez pas cet e-mail.",
} satisfies Record<keyof typeof nlBE, string>;
