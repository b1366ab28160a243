import type { nlBECalendar } from "./nl-BE.calendar";

/**
 * French (Belgium): what the app writes about calendars: feeds, add-to-calendar links, the person's own invite.
 * ICU message syntax, as in nl-BE.ts.
 */
export const frBECalendar = {
  // The invite's DESCRIPTION: the session's own words, then the link to the view page.
  "calendar.invite.description":
    "{text}\n\nVoir votre inscription : {viewUrl}\nPour l’annuler, ou télécharger ou effacer vos données, utilisez le lien de votre e-mail.",

  // The view page, which the link in the invite opens.
  "view.title": "Inscription",
  "view.registeredAs": "Au nom de {name}",
  "view.mailLink.title": "Annuler votre inscription ou gérer vos données ?",
  "view.mailLink.body":
    "Utilisez le lien personnel de votre e-mail. Vous l’avez perdu ? Nous le renvoyons à l’adresse e-mail de cette inscription.",
  "view.mailLink.submit": "Envoyez-moi le lien",
  "view.linkSent":
    "S’il s’agit de votre inscription, vous recevrez sous peu un e-mail avec le lien, à l’adresse utilisée pour vous inscrire.",
  "email.manageLink.intro":
    "Vous avez demandé, via le lien de votre agenda, le lien vers votre inscription à {title}. Le bouton ci-dessous permet de la consulter ou de l’annuler, et de télécharger ou d’effacer vos données. Vous n’avez rien demandé ? Vous n’avez rien à faire.",

  // A feed's name in the calendar app (X-WR-CALNAME): "Ondernemersagenda Leuven : sessions petit-déjeuner".
  "calendar.feed.name": "Ondernemersagenda",
  "calendar.feed.nameCity": "Ondernemersagenda {city}",
  "calendar.feed.nameWith": "{name} : {what}",
  "calendar.feed.sessions": "sessions",
  "calendar.feed.kind.info": "séances d’information",
  "calendar.feed.kind.breakfast": "sessions petit-déjeuner",
  "calendar.feed.kind.forum": "forums des starters",
  "calendar.feed.withPartner": "{what} avec {partner}",

  // The subscribe block on the home, city and partner pages.
  "calendar.subscribe.title": "Les dernières sessions toujours dans votre agenda",
  "calendar.subscribe.body":
    "Abonnez-vous à l’agenda « {name} » : les nouvelles sessions et les modifications apparaîtront automatiquement dans votre application d’agenda.",
  "calendar.subscribe.webcal": "S’abonner dans votre agenda",
  "calendar.subscribe.download": "Télécharger l’agenda sous forme de fichier (.ics)",
  "calendar.subscribe.downloadHint":
    "L’abonnement ne fonctionne pas ? Copiez alors le lien du fichier et ajoutez-le dans votre application d’agenda comme agenda Internet.",

  // Add-to-calendar links: session page, confirmation mail, manage page.
  "calendar.add.title": "Ajouter à votre agenda",
  "calendar.add.google": "Google Agenda",
  "calendar.add.outlook": "Outlook.com",
  "calendar.add.office": "Microsoft 365",
  "calendar.add.opensGoogle": "(ouvre le site web de Google)",
  "calendar.add.opensMicrosoft": "(ouvre le site web de Microsoft)",
  "calendar.add.ics": "Calendrier d’Apple, Outlook ou un autre programme (.ics)",
  "calendar.add.mailIntro":
    "Vous ne voyez pas l’invitation dans votre agenda ? Ajoutez-y alors vous-même la session, avec l’un de ces liens :",

  // The manage page: the person's own invite as a file.
  "calendar.manage.title": "Dans votre agenda",
  "calendar.manage.invite": "Télécharger votre invitation (.ics)",
  "calendar.manage.inviteHint":
    "Il s’agit de la même invitation que dans votre e-mail : si vous ajoutez les deux à votre agenda, la session n’y figurera malgré tout qu’une seule fois.",

  // The promotion mail, when the seat comes free less than a day before the start.
  "calendar.promoted.soon":
    "Une place s’est libérée pour {title} et elle est pour vous. Attention : la session commence déjà {day, select, today {aujourd’hui} other {demain}} à {time}. Vous ne pouvez finalement pas venir ? Annulez alors tout de suite, pour que quelqu’un d’autre puisse encore obtenir votre place. L’invitation pour votre agenda est jointe à cet e-mail.",

  // The partner page.
  "partner.title": "Sessions avec {partner}",
  "partner.intro": "Les prochaines sessions que {partner} coorganise.",
  "partner.website": "Site web de {partner}",
} satisfies Record<keyof typeof nlBECalendar, string>;
