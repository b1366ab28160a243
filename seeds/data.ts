import type { QuestionType, SessionKind, SessionLanguage } from "../db/schema";

export interface SeedCity {
  slug: string;
  name: string;
  province: string;
}
export interface SeedPartner {
  slug: string;
  name: string;
  website: string | null;
}
/**
 * A question a seed session asks besides the dietary question every breakfast starts with. Its
 * choices get their keys from their Dutch labels, as choices made in the editor do; `answers`
 * are what seeded attendees answer to a text question, in turn (every third one answers).
 */
export interface SeedQuestion {
  type: QuestionType;
  label: string;
  labelFr?: string;
  labelEn?: string;
  help?: string;
  required?: boolean;
  display?: "radio" | "select";
  choices?: string[];
  maxLength?: number;
  answers?: string[];
  /** Asked of each colleague a sign-up brings (the default), or once for the whole sign-up. */
  perPerson?: boolean;
}

export interface SeedSession {
  /** Stable, unique, lowercase-ascii-with-hyphens, without a date: the key that makes loading idempotent. */
  slug: string;
  city: string; // a SeedCity slug
  kind: SessionKind; // "info" | "breakfast" | "forum"
  title: string; // Dutch, as a city would publish it, max ~90 chars
  summary: string; // one or two Dutch sentences, max ~220 chars
  description: string; // 2-4 short Dutch paragraphs separated by "\n\n": programme with times, for whom, what to bring
  venueName: string;
  venueAddress: string; // real-looking Belgian address: "Straat 12, 3000 Leuven"
  /** The venue's coordinates (WGS84), where known: GEO in calendars. */
  venueLatitude?: number;
  venueLongitude?: number;
  /** Days from the day the seed is loaded (negative = in the past). */
  daysFromNow: number;
  startTime: string; // "HH:mm", Brussels wall-clock time (breakfasts ~07:30-09:00, info sessions often 19:00-21:00 or 12:00-13:30, forums afternoons/evenings)
  endTime: string; // "HH:mm", after startTime, same day
  capacity: number;
  language: SessionLanguage; // "nl" mostly; a couple "en" (e.g. student forum for international students)
  partners: string[]; // SeedPartner slugs, 0-3
  /** Registration closes this many days before the start (optional). */
  closesDaysBefore?: number;
  /** Registration opens this many days from now (optional; for a session announced but not open yet). */
  opensInDays?: number;
  cancelled?: boolean;
  /** How many people the seed signs up; more than capacity puts the rest on the waiting list. */
  attendees: number;
  /** A sign-up is a request the organisers approve or decline (a jury picks the pitches). */
  requiresApproval?: boolean;
  /** How many of the attendees, the last to sign up, are requests still to decide. */
  requests?: number;
  /** On no list: reachable by its address only (the slug then carries a part nobody guesses). */
  unlisted?: boolean;
  /** Only addresses of these domains may sign up (the seed's own people are at example.org). */
  emailDomains?: string[];
  /** What the sign-up asks besides name, email and organisation (a breakfast: after its dietary question). */
  questions?: SeedQuestion[];
  /** People one sign-up may bring, the person included (the seed signs up some such groups). */
  groupSize?: number;
}

export const cities: SeedCity[] = [
  { slug: "leuven", name: "Leuven", province: "Vlaams-Brabant" },
  { slug: "gent", name: "Gent", province: "Oost-Vlaanderen" },
  { slug: "antwerpen", name: "Antwerpen", province: "Antwerpen" },
  { slug: "mechelen", name: "Mechelen", province: "Antwerpen" },
  { slug: "hasselt", name: "Hasselt", province: "Limburg" },
];

export const partners: SeedPartner[] = [
  {
    slug: "voka",
    name: "Voka – Kamer van Koophandel Vlaams-Brabant",
    website: "https://www.voka.be",
  },
  { slug: "unizo", name: "Unizo", website: "https://www.unizo.be" },
  { slug: "flanders-dc", name: "Flanders DC", website: "https://www.flandersdc.be" },
  { slug: "fablab-leuven", name: "FabLab Leuven", website: null },
  { slug: "ku-leuven", name: "KU Leuven", website: "https://www.kuleuven.be" },
  {
    slug: "vlaio",
    name: "VLAIO – Agentschap Innoveren & Ondernemen",
    website: "https://www.vlaio.be",
  },
  { slug: "leuven-mindgate", name: "Leuven MindGate", website: "https://www.leuvenmindgate.be" },
  { slug: "pmv", name: "PMV – Participatiemaatschappij Vlaanderen", website: "https://www.pmv.eu" },
];

// Coordinates (WGS84, to within about 100 m) of the venues we could place; the others have none,
// and their sessions go out without GEO, as a session an organiser enters does.
const STADHUIS_LEUVEN = {
  venueName: "Stadhuis Leuven",
  venueAddress: "Grote Markt 9, 3000 Leuven",
  venueLatitude: 50.8789,
  venueLongitude: 4.7011,
};
const PROVINCIEHUIS = {
  venueName: "Provinciehuis Vlaams-Brabant",
  venueAddress: "Provincieplein 1, 3010 Kessel-Lo",
  venueLatitude: 50.8814,
  venueLongitude: 4.717,
};
const ROMAANSE_POORT = {
  venueName: "Romaanse Poort",
  venueAddress: "Brusselsestraat 63, 3000 Leuven",
  venueLatitude: 50.8795,
  venueLongitude: 4.6963,
};
const TWEEBRONNEN = {
  venueName: "Bibliotheek Tweebronnen",
  venueAddress: "Rijschoolstraat 4, 3000 Leuven",
};
const STUK = {
  venueName: "STUK",
  venueAddress: "Naamsestraat 96, 3000 Leuven",
  venueLatitude: 50.8735,
  venueLongitude: 4.7008,
};
const FABLAB = { venueName: "FabLab Leuven", venueAddress: "Kapeldreef 60, 3001 Heverlee" };
const UNIVERSITEITSHAL = {
  venueName: "Promotiezaal, Universiteitshal KU Leuven",
  venueAddress: "Naamsestraat 22, 3000 Leuven",
  venueLatitude: 50.8774,
  venueLongitude: 4.7004,
};
const STADHUIS_GENT = {
  venueName: "Stadhuis Gent",
  venueAddress: "Botermarkt 1, 9000 Gent",
  venueLatitude: 51.0546,
  venueLongitude: 3.7253,
};
const DE_KROOK = {
  venueName: "De Krook",
  venueAddress: "Miriam Makebaplein 1, 9000 Gent",
  venueLatitude: 51.0485,
  venueLongitude: 3.7277,
};
const HET_PAND = {
  venueName: "Het Pand (UGent)",
  venueAddress: "Onderbergen 1, 9000 Gent",
  venueLatitude: 51.0536,
  venueLongitude: 3.7198,
};
const VIERNULVIER = {
  venueName: "Viernulvier",
  venueAddress: "Sint-Pietersnieuwstraat 23, 9000 Gent",
  venueLatitude: 51.0478,
  venueLongitude: 3.7279,
};
const STADHUIS_ANTWERPEN = {
  venueName: "Stadhuis Antwerpen",
  venueAddress: "Grote Markt 1, 2000 Antwerpen",
  venueLatitude: 51.2213,
  venueLongitude: 4.3997,
};
const HAVENHUIS = {
  venueName: "Havenhuis",
  venueAddress: "Zaha Hadidplein 1, 2030 Antwerpen",
  venueLatitude: 51.2476,
  venueLongitude: 4.406,
};
const PERMEKE = {
  venueName: "Bibliotheek Permeke",
  venueAddress: "De Coninckplein 25, 2060 Antwerpen",
};
const DE_STUDIO = {
  venueName: "De Studio",
  venueAddress: "Maarschalk Gérardstraat 4, 2000 Antwerpen",
};
const STADHUIS_MECHELEN = {
  venueName: "Stadhuis Mechelen",
  venueAddress: "Grote Markt 21, 2800 Mechelen",
  venueLatitude: 51.0283,
  venueLongitude: 4.4806,
};
const LAMOT = { venueName: "Lamot", venueAddress: "Van Beethovenstraat 8, 2800 Mechelen" };
const PREDIKHEREN = {
  venueName: "Bibliotheek Het Predikheren",
  venueAddress: "Goswin de Stassartstraat 17, 2800 Mechelen",
};
const STADHUIS_HASSELT = {
  venueName: "Stadhuis Hasselt",
  venueAddress: "Limburgplein 1, 3500 Hasselt",
};
const CORDA = { venueName: "Corda Campus", venueAddress: "Kempische Steenweg 303, 3500 Hasselt" };
const UHASSELT = {
  venueName: "UHasselt – Campus Hasselt",
  venueAddress: "Martelarenlaan 42, 3500 Hasselt",
};

export const sessions: SeedSession[] = [
  // ── Leuven ──────────────────────────────────────────────────────────────
  {
    slug: "leuven-ontbijt-premies-leeg-handelspand",
    city: "leuven",
    kind: "breakfast",
    title: "Ontbijtsessie: premies voor een nieuwe zaak in een leeg handelspand",
    summary:
      "Open je binnenkort een winkel of horecazaak in een leegstaand pand in de binnenstad? Ontdek bij een ontbijt welke starterspremie en leegstandspremie de stad voorziet.",
    description:
      "We starten om 07:30 met koffie en een ontbijt. Om 07:50 licht de dienst Economie de starterspremie en de leegstandspremie toe: wie er recht op heeft, welke panden in aanmerking komen en hoe je de aanvraag indient. Om 08:20 vertelt een jonge handelaar uit de Diestsestraat hoe zij haar zaak opstartte. Vanaf 08:40 is er tijd voor vragen; we sluiten af om 09:00.\n\nVoor wie: startende handelaars en horecaondernemers, en eigenaars van een leegstaand handelspand die een huurder zoeken.\n\nBreng je ondernemingsplan of een korte schets van je concept mee. Heb je al een pand op het oog, noteer dan het adres: we bekijken samen of het in de afgebakende kernwinkelgebieden ligt.",
    ...STADHUIS_LEUVEN,
    daysFromNow: 9,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 25,
    language: "nl",
    partners: ["unizo"],
    closesDaysBefore: 2,
    attendees: 29,
  },
  {
    slug: "leuven-ontbijt-werken-stationsomgeving",
    city: "leuven",
    kind: "breakfast",
    title: "Ontbijt met de stad: de werken in de stationsomgeving en de bereikbaarheid van je zaak",
    summary:
      "De projectleiders van de werken rond het station geven een stand van zaken: welke fases komen eraan, hoe blijven klanten en leveranciers je zaak vinden en waar kan je terecht met vragen.",
    description:
      "Vanaf 07:30 staan koffie en broodjes klaar. Om 07:45 overloopt het projectteam de planning van de komende fases, met de omleidingen voor auto’s, bussen en fietsers. Om 08:15 lichten de ondernemerscoach en Unizo toe welke steun er is bij hinder, zoals de hinderpremie en de gezamenlijke communicatie van de handelaarsvereniging. Tot 09:00 is er ruimte voor vragen per straat.\n\nVoor wie: handelaars, horecazaken en vrije beroepen in de Bondgenotenlaan, de Martelarenlaan, de Diestsesteenweg en de omliggende straten.\n\nBreng gerust je vragen over leveringen, laad- en loszones of parkeren voor je klanten mee. Op de sessie kan je je ook inschrijven voor de nieuwsbrief over de werken.",
    ...ROMAANSE_POORT,
    daysFromNow: 16,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 30,
    language: "nl",
    partners: ["unizo", "voka"],
    closesDaysBefore: 2,
    attendees: 28,
  },
  {
    slug: "leuven-ontbijt-omgevingsvergunning-winkel",
    city: "leuven",
    kind: "breakfast",
    title: "Ontbijtsessie: een omgevingsvergunning voor de verbouwing van je winkel",
    summary:
      "Nieuwe gevel, andere indeling of een uithangbord? Ontdek bij een ontbijt wanneer je een omgevingsvergunning nodig hebt en hoe je een aanvraag vlot indient via het Omgevingsloket.",
    description:
      "Om 07:30 ontvangen we je met koffie en een ontbijt. Van 07:50 tot 08:30 legt een medewerker van de dienst Omgeving uit welke werken vergunningsplichtig zijn, welke meldingsplichtig en welke vrijgesteld, met aandacht voor beschermd erfgoed in de binnenstad. Daarna beantwoorden we tot 09:00 jullie vragen.\n\nVoor wie: handelaars en horecaondernemers die hun pand willen verbouwen, een gevel willen aanpassen of een reclamebord of zonnewering willen plaatsen.\n\nBreng foto’s of plannen van je pand mee als je een concreet project hebt. Na de sessie kan je een afspraak maken voor een individueel vooroverleg.",
    ...PROVINCIEHUIS,
    daysFromNow: 30,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 35,
    language: "nl",
    partners: [],
    closesDaysBefore: 2,
    attendees: 12,
  },
  {
    slug: "leuven-ontbijt-kmo-portefeuille-vlaio",
    city: "leuven",
    kind: "breakfast",
    title: "Ontbijtsessie: subsidies voor kmo’s – de KMO-portefeuille en andere VLAIO-steun",
    summary:
      "Een adviseur van VLAIO overloopt de belangrijkste Vlaamse subsidies voor kleine ondernemingen, van de KMO-portefeuille voor opleiding en advies tot de kmo-groeisubsidie.",
    description:
      "We beginnen om 07:30 met een ontbijt. Om 07:45 geeft VLAIO een overzicht van de steunmaatregelen: de KMO-portefeuille, de kmo-groeisubsidie, de ontwikkelingssteun en de steun voor innovatieprojecten. Om 08:25 getuigt een Leuvense ondernemer over haar eerste aanvraag. Tot 09:00 is er tijd voor vragen en om even bij te praten met de adviseurs.\n\nVoor wie: zelfstandigen en kmo’s met minder dan 250 werknemers die willen investeren in opleiding, advies of groei.\n\nNeem je ondernemingsnummer mee: zo kunnen de adviseurs na de sessie meteen nagaan voor welke steun je in aanmerking komt.",
    ...STADHUIS_LEUVEN,
    daysFromNow: 44,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 45,
    language: "nl",
    partners: ["vlaio", "voka"],
    closesDaysBefore: 2,
    attendees: 8,
  },
  {
    slug: "leuven-info-starten-als-zelfstandige",
    city: "leuven",
    kind: "info",
    title: "Infosessie: starten als zelfstandige in hoofd- of bijberoep",
    summary:
      "Alles wat je moet regelen voor je eerste factuur: ondernemingsnummer, ondernemingsloket, btw, sociaal verzekeringsfonds en de keuze tussen hoofd- en bijberoep.",
    description:
      "Om 19:00 verwelkomt de dienst Economie je. Van 19:10 tot 20:10 overlopen we samen met Unizo de stappen om te starten: je inschrijving in de Kruispuntbank van Ondernemingen via een ondernemingsloket, de btw-plicht, je aansluiting bij een sociaal verzekeringsfonds en de sociale bijdragen. Na een korte pauze bespreken we tot 21:00 jullie vragen.\n\nVoor wie: iedereen die een eigen zaak wil starten, als hoofdberoep of naast een job als werknemer.\n\nJe hoeft niets mee te brengen. Wie al een idee voor een ondernemingsnaam heeft, kan die na afloop samen met ons nakijken.",
    ...TWEEBRONNEN,
    daysFromNow: 6,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 40,
    language: "nl",
    partners: ["unizo"],
    attendees: 39,
  },
  {
    slug: "leuven-info-e-facturatie",
    city: "leuven",
    kind: "info",
    title: "Middagsessie: e-facturatie tussen bedrijven – zo pak je het aan",
    summary:
      "Sinds 1 januari 2026 moeten Belgische ondernemingen hun facturen aan andere ondernemingen elektronisch versturen via Peppol. Wat betekent dat voor jouw boekhouding en je software?",
    description:
      "We starten om 12:00 met een broodjeslunch. Om 12:15 leggen we uit wat e-facturatie precies is, wat Peppol doet en waarom een pdf per e-mail niet meer volstaat. Om 12:45 tonen we hoe je met een boekhoudpakket of een gratis basisoplossing e-facturen verstuurt en ontvangt. Tot 13:30 is er tijd voor vragen.\n\nVoor wie: zelfstandigen en kleine ondernemingen die facturen sturen aan andere ondernemingen, en hun boekhouders.\n\nNeem gerust je laptop mee en vraag vooraf aan je boekhouder of softwareleverancier of je al op Peppol geregistreerd bent.",
    ...STADHUIS_LEUVEN,
    daysFromNow: 5,
    startTime: "12:00",
    endTime: "13:30",
    capacity: 100,
    language: "nl",
    partners: ["unizo", "voka"],
    closesDaysBefore: 1,
    attendees: 27,
    // A firm comes with whoever does its invoices and its bookkeeper.
    groupSize: 3,
    questions: [
      {
        type: "oneChoice",
        label: "Welk boekhoudpakket gebruik je?",
        labelFr: "Quel logiciel comptable utilisez-vous ?",
        labelEn: "Which accounting package do you use?",
        help: "Zo tonen we de stappen in de pakketten die in de zaal gebruikt worden.",
        required: true,
        // One package per firm: asked once, whoever comes along.
        perPerson: false,
        display: "select",
        choices: ["Exact Online", "Octopus", "Yuki", "WinBooks", "Horus", "BOB", "Andere"],
      },
    ],
  },
  {
    slug: "leuven-info-etalage-naar-webshop",
    city: "leuven",
    kind: "info",
    title: "Infosessie: van etalage naar webshop – digitaal verkopen als kleine handelaar",
    summary:
      "Hoe begin je met online verkopen zonder je winkel uit het oog te verliezen? Praktische tips over webshopplatformen, betalen, verzenden en click-and-collect.",
    description:
      "Van 19:00 tot 19:45 geeft een digitaal coach van Unizo een overzicht van de mogelijkheden: van een eenvoudige online catalogus tot een volwaardige webshop. Om 19:45 vertellen twee Leuvense handelaars hoe zij online verkopen combineren met hun winkel. Na de pauze gaat het tot 21:00 over de regels voor verkoop op afstand, zoals het herroepingsrecht en de algemene voorwaarden.\n\nVoor wie: winkeliers, ambachtslui en makers die (meer) online willen verkopen.\n\nBreng een lijstje mee van de producten die je online wil aanbieden; zo krijg je gerichter advies tijdens de vragenronde.",
    ...TWEEBRONNEN,
    daysFromNow: 23,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 60,
    language: "nl",
    partners: ["unizo"],
    attendees: 31,
  },
  {
    slug: "leuven-info-eerste-werknemer",
    city: "leuven",
    kind: "info",
    title: "Middagsessie: je eerste werknemer aanwerven",
    summary:
      "Klaar om iemand in dienst te nemen? We overlopen de stappen, de kosten en de voordelen voor werkgevers die hun eerste werknemer aanwerven.",
    description:
      "Om 12:00 staat er een lichte lunch klaar. Van 12:15 tot 13:00 lichten een sociaal secretariaat en Voka toe wat je moet regelen: de Dimona-aangifte, de arbeidsovereenkomst, het paritair comité, de verzekering arbeidsongevallen en de vermindering van de werkgeversbijdragen voor een eerste werknemer. Tot 13:30 beantwoorden we jullie vragen.\n\nVoor wie: zelfstandigen en zaakvoerders die binnen het jaar een eerste werknemer willen aanwerven.\n\nHeb je al een functie in gedachten? Schrijf kort op welke taken de nieuwe medewerker krijgt en hoeveel uren per week; dan kunnen we concreter rekenen.",
    ...ROMAANSE_POORT,
    daysFromNow: 37,
    startTime: "12:00",
    endTime: "13:30",
    capacity: 40,
    language: "nl",
    partners: ["voka"],
    attendees: 17,
  },
  {
    slug: "leuven-info-boekhouding-voor-starters",
    city: "leuven",
    kind: "info",
    title: "Infosessie: boekhouding voor beginnende ondernemers",
    summary:
      "Inkomsten en uitgaven bijhouden, btw-aangiftes, voorafbetalingen en wat je aan je boekhouder overlaat: een heldere kennismaking met de basis van een goede administratie.",
    description:
      "Van 19:00 tot 19:50 legt een boekhouder de basis uit: het verschil tussen een eenmanszaak en een vennootschap voor je boekhouding, welke documenten je bijhoudt en hoe lang, en hoe de btw-aangifte werkt. Na de pauze gaat het om 20:05 over voorafbetalingen en hoe je een buffer opbouwt voor belastingen en sociale bijdragen. We ronden af om 21:00.\n\nVoor wie: starters en zelfstandigen in bijberoep die hun administratie beter willen begrijpen.\n\nBreng pen en papier of een laptop mee; je krijgt een voorbeeld van een eenvoudig kasboek dat je meteen kan gebruiken.",
    ...TWEEBRONNEN,
    daysFromNow: 51,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 50,
    language: "nl",
    partners: ["unizo"],
    attendees: 5,
  },
  {
    slug: "leuven-info-financiering-crowdfunding-winwinlening",
    city: "leuven",
    kind: "info",
    title: "Infosessie: financiering zonder bank – crowdfunding en de Winwinlening",
    summary:
      "Niet elk project past in een klassiek bankkrediet. Ontdek hoe je geld ophaalt bij je klanten en je netwerk, via crowdfunding of een Winwinlening van vrienden en familie.",
    description:
      "Om 19:00 opent de stad de avond. Om 19:10 legt PMV uit hoe de Winwinlening werkt: een achtergestelde lening van familie, vrienden of kennissen, met een fiscaal voordeel voor wie leent. Om 19:45 vertelt VLAIO over de waarborgregeling en de startlening. Na de pauze getuigen twee ondernemers over hun crowdfundingcampagne: wat werkte, wat niet en hoeveel tijd het vroeg. We sluiten af om 21:00.\n\nVoor wie: starters en groeiende ondernemingen met een concreet investeringsproject.\n\nBreng als je dat hebt een ruwe begroting of financieel plan mee; na de sessie kan je kort je situatie voorleggen aan de sprekers.",
    ...PROVINCIEHUIS,
    daysFromNow: 58,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 70,
    language: "nl",
    partners: ["pmv", "vlaio"],
    attendees: 22,
  },
  {
    slug: "leuven-info-design-thinking",
    city: "leuven",
    kind: "info",
    title: "Infosessie: design thinking voor ondernemers – met Flanders DC",
    summary:
      "Hoe ontwerp je een product of dienst vanuit wat je klant echt nodig heeft? Flanders DC toont de aanpak van design thinking met korte, praktische oefeningen.",
    description:
      "Om 19:00 stelt Flanders DC de vijf stappen van design thinking voor: inleven, afbakenen, ideeën bedenken, een prototype maken en testen. Van 19:40 tot 20:50 ga je in kleine groepen aan de slag met een echte uitdaging van een Leuvense ondernemer. Om 20:50 delen de groepen hun resultaat en om 21:30 sluiten we af.\n\nVoor wie: ondernemers en creatieve starters die hun aanbod willen vernieuwen of een nieuw idee willen toetsen.\n\nJe hoeft geen ervaring te hebben. Breng wel een concrete vraag uit je eigen zaak mee; met een beetje geluk werkt jouw groep eraan.",
    ...ROMAANSE_POORT,
    daysFromNow: 12,
    startTime: "19:00",
    endTime: "21:30",
    capacity: 30,
    language: "nl",
    partners: ["flanders-dc"],
    attendees: 34,
  },
  {
    slug: "leuven-info-prototypes-fablab",
    city: "leuven",
    kind: "info",
    title: "Infosessie: prototypes maken met 3D-printen en lasersnijden in FabLab Leuven",
    summary:
      "Maak kennis met de machines van FabLab Leuven en ontdek hoe je als ondernemer snel en goedkoop een eerste prototype bouwt voor je product.",
    description:
      "Om 19:00 krijg je een rondleiding door het FabLab, langs de 3D-printers, de lasersnijder, de vinylsnijder en de elektronicahoek. Om 19:30 toont een medewerker hoe je van een schets naar een printbaar ontwerp gaat, en om 20:15 vertelt een starter hoe zij haar product in vijf versies heeft verbeterd. Tot 21:00 is er ruimte voor vragen over open dagen en het gebruik van de machines.\n\nVoor wie: makers, ontwerpers en ondernemers met een productidee dat ze tastbaar willen maken.\n\nDraag gesloten schoenen, want we lopen door de werkplaats. Heb je al een ontwerp op een usb-stick of in de cloud, neem het dan mee.",
    ...FABLAB,
    daysFromNow: 20,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 30,
    language: "nl",
    partners: ["fablab-leuven", "ku-leuven"],
    attendees: 33,
  },
  {
    slug: "leuven-forum-studentenstartups",
    city: "leuven",
    kind: "forum",
    title: "Studentenstartupforum Leuven: pitches van studentondernemers",
    summary:
      "Tien studententeams pitchen hun start-up voor een jury van ondernemers en investeerders. Daarna is er een netwerkmoment met Leuvense bedrijven en de stad.",
    description:
      "Om 16:00 opent de schepen van Economie het forum, samen met Student Entrepreneurship van KU Leuven. Van 16:20 tot 18:00 pitchen tien studententeams elk vijf minuten, gevolgd door vragen van de jury. Om 18:15 maakt de jury de winnaars van de publieksprijs en de juryprijs bekend, waarna we tot 20:00 netwerken bij een drankje.\n\nVoor wie: studenten met ondernemersplannen, studentondernemers, en ondernemers en investeerders die jong talent willen ontmoeten.\n\nWil je zelf pitchen? Dien je kandidatuur in bij Student Entrepreneurship; bezoekers hoeven niets voor te bereiden. Neem visitekaartjes mee voor het netwerkmoment.",
    ...UNIVERSITEITSHAL,
    daysFromNow: 26,
    startTime: "16:00",
    endTime: "20:00",
    capacity: 150,
    language: "nl",
    partners: ["ku-leuven", "voka", "leuven-mindgate"],
    attendees: 58,
    // The jury picks who pitches; students and KU Leuven staff only.
    requiresApproval: true,
    requests: 6,
    emailDomains: ["student.kuleuven.be", "kuleuven.be"],
    questions: [
      {
        type: "oneChoice",
        label: "Welke richting studeer je?",
        labelEn: "What do you study?",
        required: true,
        display: "select",
        choices: [
          "Economie en bedrijfskunde",
          "Ingenieurswetenschappen",
          "Informatica",
          "Rechten",
          "Geneeskunde en biomedische wetenschappen",
          "Wetenschappen",
          "Sociale wetenschappen",
          "Letteren en kunsten",
          "Ik studeer niet (meer)",
        ],
      },
      {
        type: "oneChoice",
        label: "In welke fase zit je team?",
        labelEn: "What stage is your team at?",
        help: "Zo zetten we je bij het netwerkmoment aan een tafel met teams die even ver staan.",
        display: "radio",
        choices: [
          "We hebben een idee",
          "We bouwen een prototype",
          "We hebben onze eerste klanten",
          "We zoeken financiering",
          "Ik heb (nog) geen team",
        ],
      },
    ],
  },
  {
    slug: "leuven-ledenontbijt-voka-vlaams-brabant-k3x9q2m7wz4p",
    city: "leuven",
    kind: "breakfast",
    title: "Ledenontbijt Voka Vlaams-Brabant",
    summary:
      "Het maandelijkse ontbijt voor de leden van Voka Vlaams-Brabant: nieuws van de kamer, een gastspreker en tijd om andere bedrijfsleiders uit de regio te leren kennen.",
    description:
      "Vanaf 07:30 staan koffie en een ontbijt klaar. Om 07:50 brengt de gedelegeerd bestuurder van Voka Vlaams-Brabant het nieuws van de kamer, om 08:10 vertelt een Leuvense bedrijfsleider hoe haar bedrijf de overname door een nieuwe generatie voorbereidt. Tot 09:00 is er tijd om te netwerken.\n\nVoor wie: leden van Voka Vlaams-Brabant en de collega’s die ze meebrengen. De uitnodiging loopt via de kamer; deze pagina staat niet in de agenda.\n\nNeem visitekaartjes mee.",
    ...PROVINCIEHUIS,
    daysFromNow: 19,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 60,
    language: "nl",
    partners: ["voka"],
    closesDaysBefore: 2,
    attendees: 31,
    unlisted: true,
    questions: [
      {
        type: "mustTick",
        label: "Ik ben lid van Voka – Kamer van Koophandel Vlaams-Brabant",
        labelFr: "Je suis membre de Voka – Kamer van Koophandel Vlaams-Brabant",
        labelEn: "I am a member of Voka – Kamer van Koophandel Vlaams-Brabant",
        help: "Dit ontbijt is voorbehouden aan leden; Voka kijkt het lidmaatschap na aan de hand van je ondernemingsnummer.",
      },
    ],
  },
  {
    slug: "leuven-forum-international-student-founders",
    city: "leuven",
    kind: "forum",
    title: "Forum voor internationale studentondernemers (in het Engels)",
    summary:
      "Een forum in het Engels voor internationale studenten die in België een zaak willen starten: verblijfsstatuut, beroepskaart, ondernemingsnummer en pitches van collega’s.",
    description:
      "Om 17:00 verwelkomen we je in de theaterzaal van STUK. Van 17:15 tot 18:15 leggen experts uit wat je als internationale student moet regelen om hier te ondernemen, van verblijfsstatuut en beroepskaart tot je inschrijving in de Kruispuntbank van Ondernemingen. Van 18:30 tot 19:30 pitchen zes internationale studententeams. Daarna netwerken we tot 20:30.\n\nVoor wie: internationale studenten en pas afgestudeerden van KU Leuven en de Leuvense hogescholen. Het forum is volledig in het Engels.\n\nNeem je studentenkaart mee. Heb je al een concreet idee, bereid dan een pitch van één minuut voor: tijdens het netwerkmoment is er een open micro.",
    ...STUK,
    daysFromNow: 40,
    startTime: "17:00",
    endTime: "20:30",
    capacity: 120,
    language: "en",
    partners: ["ku-leuven", "leuven-mindgate"],
    attendees: 36,
  },
  {
    slug: "leuven-forum-student-zelfstandige",
    city: "leuven",
    kind: "forum",
    title: "Studentenforum: ondernemen naast je studies met het statuut student-zelfstandige",
    summary:
      "Studenten die al een zaak runnen, vertellen hoe ze studeren en ondernemen combineren. Experts leggen uit wat het statuut van student-zelfstandige inhoudt.",
    description:
      "Om 15:00 leggen een sociaal verzekeringsfonds en Student Entrepreneurship uit wat het statuut van student-zelfstandige inhoudt: sociale bijdragen, het groeipakket, belastingen en de grenzen die je in het oog moet houden. Om 16:00 volgt een panelgesprek met vier studentondernemers. Van 17:00 tot 18:30 is er een infomarkt met standen van de partners.\n\nVoor wie: studenten die al ondernemen of dat willen doen, en ouders die meer willen weten.\n\nDe inschrijvingen openen binnenkort. Breng je vragen over je eigen situatie mee: op de infomarkt kan je die één op één stellen.",
    ...UNIVERSITEITSHAL,
    daysFromNow: 85,
    startTime: "15:00",
    endTime: "18:30",
    capacity: 80,
    language: "nl",
    partners: ["ku-leuven", "unizo"],
    opensInDays: 8,
    attendees: 0,
  },
  {
    slug: "leuven-info-nachteconomie",
    city: "leuven",
    kind: "info",
    title: "Infosessie: nachteconomie in Leuven – sluitingsuren, geluid en veiligheid",
    summary:
      "Voor uitbaters van cafés, clubs en late zaken: wat zegt het politiereglement, hoe ga je om met geluidsnormen en hoe werk je samen met buren en de nachtburgemeester?",
    description:
      "Om 19:00 schetst de stad de plannen rond de nachteconomie. Om 19:20 lichten de politie en de milieudienst de regels toe over sluitingsuren, geluidsniveaus en de verplichte geluidsmeting. Om 20:00 vertellen twee uitbaters hoe ze met buurtbewoners afspraken maakten. Tot 21:00 is er een open gesprek.\n\nVoor wie: uitbaters van horecazaken en organisatoren van evenementen en fuiven in Leuven.\n\nHeb je een concrete vraag over je eigen zaak, stuur ze dan vooraf via het inschrijvingsformulier; zo kunnen de sprekers zich voorbereiden.",
    ...STUK,
    daysFromNow: 65,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 60,
    language: "nl",
    partners: [],
    attendees: 9,
  },
  {
    slug: "leuven-info-standplaats-markten",
    city: "leuven",
    kind: "info",
    title: "Middagsessie: een standplaats op de wekelijkse markt en de jaarmarkt",
    summary:
      "Hoe krijg je een vaste of losse standplaats op de Leuvense markten? De marktleider legt de toewijzing, de abonnementen en de regels voor foodtrucks uit.",
    description:
      "Om 12:00 licht de marktleider toe hoe standplaatsen worden toegewezen, hoe de wachtlijst werkt en wat een abonnement kost. Om 12:40 bespreken we de regels voor ambulante handel: de machtiging als werkgever of aangestelde, verzekeringen en hygiëne bij voeding. Tot 13:30 is er tijd voor vragen.\n\nVoor wie: marktkramers, foodtrucks en starters die via de markt hun product willen testen.\n\nNeem je ondernemingsnummer en, als je die al hebt, je machtiging ambulante handel mee.",
    ...STADHUIS_LEUVEN,
    daysFromNow: 2,
    startTime: "12:00",
    endTime: "13:30",
    capacity: 30,
    language: "nl",
    partners: ["unizo"],
    closesDaysBefore: 3,
    attendees: 18,
  },
  {
    slug: "leuven-ontbijt-terrasvergunning",
    city: "leuven",
    kind: "breakfast",
    title: "Ontbijtsessie voor horeca: je terrasvergunning aanvragen of verlengen",
    summary:
      "Hoe groot mag je terras zijn, welke meubels en windschermen zijn toegelaten en wanneer dien je je aanvraag in? Een ontbijt met de dienst die de terrasvergunningen behandelt.",
    description:
      "Vanaf 07:30 is er koffie en een ontbijt. Om 07:45 overlopen we het terrasreglement: de maximale oppervlakte, de vrije doorgang voor voetgangers en rolstoelgebruikers, de regels voor meubilair, parasols en windschermen, en de retributie. Om 08:20 tonen we hoe je de aanvraag online indient. Tot 09:00 is er tijd voor vragen per straat of plein.\n\nVoor wie: uitbaters van cafés, restaurants, bakkerijen en ijssalons met een terras of plannen voor een terras.\n\nBreng een eenvoudige schets van je terras met afmetingen mee; we bekijken samen of ze binnen het reglement past.",
    ...STADHUIS_LEUVEN,
    daysFromNow: 72,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 40,
    language: "nl",
    partners: [],
    closesDaysBefore: 2,
    attendees: 0,
  },
  {
    slug: "leuven-info-circulair-ondernemen",
    city: "leuven",
    kind: "info",
    title: "Infosessie: circulair ondernemen – herstellen, hergebruiken en delen",
    summary:
      "Ondernemers die herstellen, verhuren of hergebruikte materialen verwerken, tonen hoe circulair werken ook financieel loont. Deze sessie gaat niet door; een nieuwe datum volgt.",
    description:
      "Het programma liep van 19:00 tot 21:00, met een inleiding over circulaire verdienmodellen, getuigenissen van een fietsenhersteller en een kledingverhuurder, en een overzicht van de steun van VLAIO voor circulaire projecten.\n\nDeze sessie is geannuleerd omdat twee sprekers verhinderd zijn. We plannen een nieuwe datum en verwittigen iedereen die interesse toonde.",
    ...TWEEBRONNEN,
    daysFromNow: 14,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 50,
    language: "nl",
    partners: ["vlaio"],
    cancelled: true,
    attendees: 0,
  },
  {
    slug: "leuven-ontbijt-nieuwe-busroutes-binnenstad",
    city: "leuven",
    kind: "breakfast",
    title: "Ontbijtsessie: de nieuwe busroutes in de binnenstad en wat ze betekenen voor je zaak",
    summary:
      "De Lijn en de stad stellen de nieuwe busroutes door de binnenstad voor, met de gevolgen voor haltes, leveringen en de bereikbaarheid van winkelstraten.",
    description:
      "Om 07:30 ontvangen we je met koffie. Om 07:45 tonen De Lijn en de mobiliteitsdienst het nieuwe netplan en de verplaatste haltes. Om 08:15 bespreken we de aangepaste venstertijden voor leveringen in het voetgangersgebied. Tot 09:00 is er ruimte voor vragen.\n\nVoor wie: handelaars en horecaondernemers in de binnenstad.\n\nDe presentatie en het netplan zijn na afloop bij de dienst Economie op te vragen.",
    ...ROMAANSE_POORT,
    daysFromNow: -18,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 30,
    language: "nl",
    partners: ["unizo"],
    attendees: 24,
  },
  {
    slug: "leuven-info-exporteren-eerste-stappen",
    city: "leuven",
    kind: "info",
    title: "Infosessie: exporteren – de eerste stappen naar buitenlandse klanten",
    summary:
      "Welke markt kies je, hoe zit het met btw en douane, en welke steun bieden Voka en Flanders Investment & Trade aan kleine exporteurs?",
    description:
      "Van 12:00 tot 12:45 geeft Voka een overzicht van wat er komt kijken bij een eerste exportstap: marktkeuze, leveringsvoorwaarden, btw binnen en buiten de EU en douaneformaliteiten. Om 12:45 vertelt een Leuvense ondernemer hoe hij zijn eerste klant in Duitsland vond. Tot 13:30 is er tijd voor vragen.\n\nVoor wie: kmo’s en zelfstandigen die hun product of dienst ook over de grens willen verkopen.\n\nBreng een overzicht van je product en je huidige klanten mee; de adviseurs van Voka plannen na de sessie graag een vervolggesprek.",
    ...PROVINCIEHUIS,
    daysFromNow: -40,
    startTime: "12:00",
    endTime: "13:30",
    capacity: 40,
    language: "nl",
    partners: ["voka"],
    attendees: 18,
  },
  {
    slug: "leuven-info-toegankelijke-zaak",
    city: "leuven",
    kind: "info",
    title: "Infosessie: je zaak toegankelijk maken voor iedereen",
    summary:
      "Een drempel aan de deur, een smalle paskamer, een website die een schermlezer niet kan lezen: hoe maak je je zaak toegankelijk, en welke steun is er?",
    description:
      "Om 19:00 verwelkomt de dienst Economie je, samen met de toegankelijkheidsambtenaar van de stad. Van 19:10 tot 20:00 overlopen we wat de Vlaamse regels voor toegankelijkheid vragen bij een verbouwing, en welke eenvoudige aanpassingen je zaak meteen vlotter maken: een hellend vlak, een verlaagde toonbank, een inductielus. Om 20:00 vertelt een ervaringsdeskundige wat hij als rolstoelgebruiker in de binnenstad tegenkomt. Tot 21:00 is er tijd voor vragen.\n\nVoor wie: handelaars, horecazaken en vrije beroepen met een eigen ruimte.\n\nDe zaal is rolstoeltoegankelijk en we voorzien een tolk Vlaamse Gebarentaal als je dat bij de inschrijving vraagt.",
    ...STADHUIS_LEUVEN,
    daysFromNow: 33,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 50,
    language: "nl",
    partners: ["unizo"],
    attendees: 17,
    questions: [
      {
        type: "yesNo",
        label: "Kom je met een rolstoel, of heb je een tolk Vlaamse Gebarentaal nodig?",
        labelFr:
          "Venez-vous en fauteuil roulant, ou avez-vous besoin d’un interprète en langue des signes flamande ?",
        labelEn:
          "Are you coming in a wheelchair, or do you need a Flemish Sign Language interpreter?",
        required: true,
      },
      {
        type: "shortText",
        label: "Wat kunnen we voor je regelen?",
        labelFr: "Que pouvons-nous prévoir pour vous ?",
        labelEn: "What can we arrange for you?",
        help: "Bijvoorbeeld een plaats vooraan, een tolk of een parkeerplaats dicht bij de ingang.",
        maxLength: 200,
        answers: [
          "Een plaats voor mijn rolstoel vooraan",
          "Een tolk Vlaamse Gebarentaal",
          "Parkeerplaats dicht bij de ingang",
        ],
      },
    ],
  },

  // ── Gent ────────────────────────────────────────────────────────────────
  {
    slug: "gent-ontbijt-lez-leveringen",
    city: "gent",
    kind: "breakfast",
    title: "Ontbijtsessie: de lage-emissiezone en leveringen in het centrum",
    summary:
      "Welke bestelwagens mogen de lage-emissiezone in, wat als je voertuig niet voldoet en hoe organiseer je leveringen slimmer? Een ontbijt voor handelaars en leveranciers.",
    description:
      "Om 07:30 staat het ontbijt klaar. Om 07:45 lichten de mobiliteitsdienst en Unizo de regels van de lage-emissiezone toe, de dagpassen en de uitzonderingen. Om 08:15 stelt een koerierscoöperatie uit Gent haar aanbod voor gebundelde leveringen met cargofietsen voor. Tot 09:00 is er tijd voor vragen.\n\nVoor wie: winkeliers, horeca en ambachtslui die in de binnenstad leveren of geleverd worden.\n\nNoteer de nummerplaat en de euronorm van je bestelwagen; zo kunnen we meteen nagaan of hij de zone in mag.",
    ...STADHUIS_GENT,
    daysFromNow: 11,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 45,
    language: "nl",
    partners: ["unizo"],
    closesDaysBefore: 2,
    attendees: 43,
  },
  {
    slug: "gent-info-eigen-zaak-starten",
    city: "gent",
    kind: "info",
    title: "Infosessie: je eigen zaak starten in Gent – van idee tot ondernemingsnummer",
    summary:
      "Een avond over de eerste stappen als ondernemer: je idee toetsen, een ondernemingsvorm kiezen, je inschrijven in de KBO en de steun die stad en VLAIO bieden.",
    description:
      "Om 19:00 opent het ondernemerscentrum van de stad de sessie. Van 19:10 tot 20:00 overlopen Unizo en VLAIO de praktische stappen: eenmanszaak of vennootschap, ondernemingsloket, btw en sociaal verzekeringsfonds. Na een korte pauze stellen stedelijke diensten tot 21:00 hun aanbod voor, zoals de begeleiding van starters en de huurpremie voor handelspanden.\n\nVoor wie: aspirant-ondernemers en mensen die net gestart zijn.\n\nBreng je vragen mee; na afloop kan je een gratis startgesprek inplannen met een ondernemerscoach.",
    ...DE_KROOK,
    daysFromNow: 19,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 100,
    language: "nl",
    partners: ["unizo", "vlaio"],
    attendees: 28,
  },
  {
    slug: "gent-info-intellectuele-eigendom-creatief",
    city: "gent",
    kind: "info",
    title:
      "Middagsessie: ontwerpen en beschermen – intellectuele eigendom voor creatieve ondernemers",
    summary:
      "Merk, model, auteursrecht of octrooi? Flanders DC legt uit hoe je als ontwerper of maker je werk beschermt en wat je regelt in contracten met klanten.",
    description:
      "Om 12:00 krijg je een broodjeslunch. Van 12:15 tot 13:00 geeft Flanders DC een overzicht van de vormen van intellectuele eigendom en van de valkuilen: wie bezit een ontwerp dat je voor een klant maakt, en wat als iemand je werk kopieert? Tot 13:30 is er tijd voor vragen.\n\nVoor wie: ontwerpers, illustratoren, fotografen, makers en andere creatieve ondernemers.\n\nBreng een voorbeeld mee van een contract of offerte die je gebruikt; tijdens de vragenronde kijken we naar de clausules over rechten.",
    ...DE_KROOK,
    daysFromNow: 33,
    startTime: "12:00",
    endTime: "13:30",
    capacity: 30,
    language: "nl",
    partners: ["flanders-dc"],
    attendees: 33,
  },
  {
    slug: "gent-forum-student-startups",
    city: "gent",
    kind: "forum",
    title: "Gents studentenforum: pitch je start-up (in het Engels)",
    summary:
      "Studenten uit Gentse hogescholen en de universiteit pitchen hun start-up in het Engels voor ondernemers, coaches en investeerders. Internationale studenten zijn welkom.",
    description:
      "Om 15:00 opent de stad het forum in de refter van Het Pand. Van 15:15 tot 17:00 pitchen acht studententeams, gevolgd door feedback van een jury met VLAIO en Flanders DC. Om 17:15 volgt een workshop over je eerste klanten vinden. We sluiten af met een netwerkmoment tot 19:00.\n\nVoor wie: studenten en pas afgestudeerden met een ondernemingsidee, en ondernemers die willen meedenken. De voertaal is Engels.\n\nWie wil pitchen, stuurt vooraf een korte voorstelling van zijn project. Bezoekers hoeven niets mee te brengen.",
    ...HET_PAND,
    daysFromNow: 47,
    startTime: "15:00",
    endTime: "19:00",
    capacity: 120,
    language: "en",
    partners: ["vlaio", "flanders-dc"],
    attendees: 22,
  },
  {
    slug: "gent-ontbijt-terrassen-binnenstad",
    city: "gent",
    kind: "breakfast",
    title: "Ontbijtsessie: terrassen op pleinen en in winkelstraten",
    summary:
      "Een toelichting bij de regels voor terrassen in de Gentse binnenstad, met aandacht voor toegankelijkheid, terrasschermen en de aanvraagprocedure.",
    description:
      "Om 07:30 begonnen we met een ontbijt. Om 07:45 overliep de dienst Economie het terrasreglement en de aanvraagprocedure, en om 08:20 volgden vragen over concrete pleinen en straten. We sloten af om 09:00.\n\nVoor wie: horecaondernemers met een terras of plannen voor een terras.\n\nDe presentatie kan je opvragen bij het ondernemerscentrum.",
    ...VIERNULVIER,
    daysFromNow: -12,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 40,
    language: "nl",
    partners: [],
    attendees: 21,
  },

  // ── Antwerpen ───────────────────────────────────────────────────────────
  {
    slug: "antwerpen-ontbijt-werven-bereikbaarheid",
    city: "antwerpen",
    kind: "breakfast",
    title: "Ontbijtsessie: grote werven in de stad – je zaak bereikbaar houden tijdens de werken",
    summary:
      "Wat kan je doen als er een werf voor je deur komt? De stad en Unizo geven tips over communicatie, alternatieve routes en de hinderpremie.",
    description:
      "Om 07:30 ontvangen we je met koffie en een ontbijt. Om 07:50 geeft de stad een overzicht van de grote werven van de komende maanden en hoe je de planning per straat opvolgt. Om 08:15 legt Unizo uit hoe de hinderpremie en de compensatie voor zelfstandigen werken. Tot 09:00 delen handelaars hun ervaringen.\n\nVoor wie: handelaars, horeca en dienstverleners in straten waar werken gepland zijn.\n\nBreng je vragen over je eigen straat mee. De werfcoördinatoren zijn aanwezig om ze te beantwoorden.",
    ...STADHUIS_ANTWERPEN,
    daysFromNow: 8,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 60,
    language: "nl",
    partners: ["unizo"],
    closesDaysBefore: 2,
    attendees: 19,
  },
  {
    slug: "antwerpen-info-exporteren-via-de-haven",
    city: "antwerpen",
    kind: "info",
    title: "Middagsessie: exporteren via de haven – douane, incoterms en je eerste zending",
    summary:
      "Een praktische kennismaking met internationale handel voor kleine ondernemingen: welke documenten je nodig hebt, wie wat betaalt en hoe een expediteur je helpt.",
    description:
      "Om 12:00 krijg je een broodjeslunch met uitzicht op de haven. Om 12:15 legt een expediteur uit hoe een zending verloopt, welke incoterms je kiest en welke douanedocumenten nodig zijn buiten de EU. Om 12:50 toont VLAIO welke steun er is voor een eerste exportproject. Tot 13:30 is er tijd voor vragen.\n\nVoor wie: kmo’s en starters die goederen naar het buitenland willen verkopen of er willen aankopen.\n\nNeem een identiteitsbewijs mee: voor het Havenhuis is aanmelding aan het onthaal verplicht.",
    ...HAVENHUIS,
    daysFromNow: 28,
    startTime: "12:00",
    endTime: "13:30",
    capacity: 80,
    language: "nl",
    partners: ["vlaio"],
    attendees: 21,
  },
  {
    slug: "antwerpen-info-peppol-e-facturen",
    city: "antwerpen",
    kind: "info",
    title: "Infosessie: aan de slag met Peppol – e-facturen versturen en ontvangen",
    summary:
      "Stuur je nog pdf-facturen naar andere bedrijven? We tonen stap voor stap hoe je via Peppol e-facturen verstuurt en ontvangt, ook zonder dure software.",
    description:
      "Om 19:00 leggen we uit wat de verplichting tot e-facturatie tussen ondernemingen inhoudt en waarom je op Peppol geregistreerd moet zijn. Om 19:40 volgt een demonstratie van een boekhoudpakket en van de gratis basisoplossing van de overheid. Na de pauze beantwoorden we tot 21:00 vragen over creditnota’s, buitenlandse klanten en archivering.\n\nVoor wie: zelfstandigen en kleine ondernemingen die facturen uitwisselen met andere ondernemingen.\n\nBreng je laptop mee als je wil meevolgen, en je ondernemingsnummer om je Peppol-registratie op te zoeken.",
    ...PERMEKE,
    daysFromNow: 15,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 40,
    language: "nl",
    partners: ["unizo"],
    attendees: 44,
  },
  {
    slug: "antwerpen-forum-circulaire-ondernemers",
    city: "antwerpen",
    kind: "forum",
    title: "Forum circulair ondernemen: jonge ondernemers tonen hun aanpak",
    summary:
      "Jonge Antwerpse ondernemers die herstellen, hergebruiken of verhuren, pitchen hun aanpak. Daarna ga je in gesprek met investeerders en de stedelijke diensten.",
    description:
      "Om 17:00 opent de stad het forum. Van 17:15 tot 18:45 pitchen acht circulaire start-ups, van een herstelatelier voor elektro tot een verhuurplatform voor babykleding. Om 19:00 gaat een panel met VLAIO en een investeerder in op financiering van circulaire verdienmodellen. Van 20:00 tot 21:00 is er een netwerkmoment.\n\nVoor wie: studenten, starters en ondernemers die circulair willen werken, en iedereen die hen wil ondersteunen.\n\nWil je pitchen? Meld het in het inschrijvingsformulier; de organisatoren nemen contact met je op.",
    ...DE_STUDIO,
    daysFromNow: 54,
    startTime: "17:00",
    endTime: "21:00",
    capacity: 100,
    language: "nl",
    partners: ["vlaio"],
    attendees: 23,
  },
  {
    slug: "antwerpen-info-kmo-portefeuille-praktijk",
    city: "antwerpen",
    kind: "info",
    title: "Infosessie: de KMO-portefeuille in de praktijk",
    summary:
      "Hoe vraag je de KMO-portefeuille aan voor een opleiding of advies, welke dienstverleners komen in aanmerking en hoe verloopt de betaling?",
    description:
      "Van 19:00 tot 19:45 toonde een adviseur hoe je een aanvraag indient en welke dienstverleners erkend zijn. Om 20:00 gaf een boekhouder tips om de subsidie goed in je boekhouding te verwerken. Tot 21:00 was er tijd voor vragen.\n\nVoor wie: zelfstandigen en kmo’s die een opleiding of advies willen laten subsidiëren.\n\nDe presentatie is op te vragen bij het ondernemersloket van de stad.",
    ...PERMEKE,
    daysFromNow: -6,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 60,
    language: "nl",
    partners: ["vlaio", "unizo"],
    attendees: 26,
  },

  // ── Mechelen ────────────────────────────────────────────────────────────
  {
    slug: "mechelen-ontbijt-nieuwe-zaak-binnenstad",
    city: "mechelen",
    kind: "breakfast",
    title: "Ontbijtsessie: een nieuwe zaak in de Mechelse binnenstad – premies en begeleiding",
    summary:
      "De stad helpt starters die een leeg handelspand in de binnenstad openen. Ontdek bij een ontbijt welke premies er zijn en hoe de pandenbegeleiding werkt.",
    description:
      "Om 07:30 ontvangen we je met koffie en een ontbijt in de Schepenzaal. Om 07:45 legt de dienst Economie uit welke premies er zijn voor nieuwe handelszaken en hoe je een aanvraag indient. Om 08:15 vertelt een starter die vorig jaar een zaak opende over haar ervaring. Tot 09:00 is er tijd voor vragen.\n\nVoor wie: startende handelaars en ondernemers die een tweede vestiging zoeken in Mechelen.\n\nBreng een korte beschrijving van je concept mee. De pandenmakelaar van de stad neemt een lijst mee van beschikbare handelspanden.",
    ...STADHUIS_MECHELEN,
    daysFromNow: 13,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 30,
    language: "nl",
    partners: ["unizo"],
    closesDaysBefore: 2,
    attendees: 29,
  },
  {
    slug: "mechelen-info-sociaal-statuut",
    city: "mechelen",
    kind: "info",
    title: "Infosessie: je sociaal statuut als zelfstandige – bijdragen, pensioen en verzekeringen",
    summary:
      "Hoe worden je sociale bijdragen berekend, wat gebeurt er als je ziek wordt en hoe bouw je een aanvullend pensioen op? Een heldere uitleg voor starters en zelfstandigen.",
    description:
      "Van 19:00 tot 19:50 legt een sociaal verzekeringsfonds uit hoe de voorlopige en definitieve sociale bijdragen werken, en wat het overbruggingsrecht inhoudt. Na de pauze gaat het om 20:05 over arbeidsongeschiktheid, een verzekering gewaarborgd inkomen en het vrij aanvullend pensioen voor zelfstandigen. Tot 21:00 is er tijd voor vragen.\n\nVoor wie: zelfstandigen in hoofd- en bijberoep, en wie de overstap overweegt.\n\nNeem je laatste afrekening van je sociaal verzekeringsfonds mee als je vragen over je eigen bijdragen hebt.",
    ...PREDIKHEREN,
    daysFromNow: 22,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 50,
    language: "nl",
    partners: ["unizo"],
    attendees: 19,
  },
  {
    slug: "mechelen-info-marktkramers",
    city: "mechelen",
    kind: "info",
    title: "Middagsessie voor marktkramers: een vaste standplaats op de Mechelse markten",
    summary:
      "Alles over standplaatsen op de wekelijkse markten en de jaarmarkt: de wachtlijst, abonnementen, elektriciteit op de markt en de regels voor voedingskramen.",
    description:
      "Om 12:00 stelt de marktdienst zich voor en legt ze uit hoe standplaatsen worden toegewezen. Om 12:30 gaat het over praktische zaken: elektriciteit, afval en de opbouwuren. Tot 13:30 is er een vragenronde met de marktleider.\n\nVoor wie: marktkramers, foodtrucks en starters die hun product op de markt willen verkopen.\n\nNeem je machtiging ambulante handel mee als je die al hebt.",
    ...LAMOT,
    daysFromNow: 41,
    startTime: "12:00",
    endTime: "13:30",
    capacity: 40,
    language: "nl",
    partners: [],
    attendees: 0,
  },
  {
    slug: "mechelen-forum-jonge-ondernemers",
    city: "mechelen",
    kind: "forum",
    title: "Forum jonge ondernemers Mechelen: pitchen en netwerken",
    summary:
      "Jonge Mechelse ondernemers pitchen hun zaak voor een jury en het publiek. Daarna is er tijd om te netwerken met lokale bedrijven, coaches en de stad.",
    description:
      "Om 18:00 opent de schepen van Economie het forum. Van 18:15 tot 19:45 pitchen acht jonge ondernemers hun zaak in drie minuten. Om 20:00 reikt de jury met VLAIO de publieksprijs en de juryprijs uit. Tot 21:30 netwerken we bij een hapje en een drankje.\n\nVoor wie: ondernemers jonger dan 35, studenten met plannen en iedereen die het Mechelse ondernemerschap een duw wil geven.\n\nNeem visitekaartjes mee. Wie wil pitchen, meldt dat bij de inschrijving.",
    ...LAMOT,
    daysFromNow: 63,
    startTime: "18:00",
    endTime: "21:30",
    capacity: 80,
    language: "nl",
    partners: ["vlaio"],
    attendees: 17,
  },

  // ── Hasselt ─────────────────────────────────────────────────────────────
  {
    slug: "hasselt-ontbijt-werken-grote-ring",
    city: "hasselt",
    kind: "breakfast",
    title:
      "Ontbijtsessie: werken aan de Grote Ring – bereikbaarheid en communicatie met je klanten",
    summary:
      "De stad geeft een stand van zaken over de werken aan de Grote Ring en de invalswegen, met tips om je klanten te informeren en je leveringen te plannen.",
    description:
      "Om 07:30 ontvangen we je met koffie en een ontbijt. Om 07:45 toont het projectteam de fasering van de werken en de omleidingen. Om 08:15 geeft Unizo tips om klanten te informeren via je etalage, sociale media en de gezamenlijke campagne van de stad. Tot 09:00 kan je je vragen stellen.\n\nVoor wie: handelaars en horecaondernemers langs de Grote Ring en in de aanpalende winkelstraten.\n\nBreng gerust je vragen over leveringen en parkeren mee. De werfcoördinator is aanwezig.",
    ...STADHUIS_HASSELT,
    daysFromNow: 10,
    startTime: "07:30",
    endTime: "09:00",
    capacity: 30,
    language: "nl",
    partners: ["unizo"],
    closesDaysBefore: 2,
    attendees: 29,
  },
  {
    slug: "hasselt-info-starterssteun-limburg",
    city: "hasselt",
    kind: "info",
    title: "Infosessie: starterssteun in Hasselt en Limburg – premies, coaching en netwerken",
    summary:
      "Een overzicht van de steun voor starters in Hasselt en Limburg: stedelijke premies, begeleiding door VLAIO en Unizo, en lokale ondernemersnetwerken.",
    description:
      "Om 19:00 verwelkomt de stad je op Corda Campus. Van 19:10 tot 20:00 overlopen VLAIO en Unizo de steun voor starters: van de KMO-portefeuille tot startersbegeleiding en microkredieten. Na de pauze stellen lokale ondernemersnetwerken zich voor. We sluiten af om 21:00.\n\nVoor wie: aspirant-ondernemers en starters in Hasselt en omgeving.\n\nJe hoeft niets mee te brengen. Wie al gestart is, neemt best zijn ondernemingsnummer mee.",
    ...CORDA,
    daysFromNow: 24,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 70,
    language: "nl",
    partners: ["vlaio", "unizo"],
    attendees: 16,
  },
  {
    slug: "hasselt-forum-studentenondernemers",
    city: "hasselt",
    kind: "forum",
    title: "Limburgs studentenforum: van idee naar eerste klant",
    summary:
      "Studenten van UHasselt en de Limburgse hogescholen pitchen hun ondernemingsidee en krijgen feedback van ervaren ondernemers.",
    description:
      "Om 14:00 opent het forum in de aula van de oude gevangenis. Van 14:15 tot 15:45 pitchen acht studententeams. Om 16:00 volgt een workshop over je eerste klanten vinden en je prijs bepalen. Van 17:00 tot 18:00 is er een netwerkmoment.\n\nVoor wie: studenten en pas afgestudeerden met ondernemersplannen, en ondernemers die willen coachen.\n\nWie wil pitchen, bereidt een pitch van drie minuten voor. Bezoekers hoeven niets voor te bereiden.",
    ...UHASSELT,
    daysFromNow: 36,
    startTime: "14:00",
    endTime: "18:00",
    capacity: 90,
    language: "nl",
    partners: ["vlaio"],
    attendees: 24,
  },
  {
    slug: "hasselt-info-digitale-veiligheid",
    city: "hasselt",
    kind: "info",
    title: "Middagsessie: digitale veiligheid voor kleine ondernemingen",
    summary:
      "Phishing, gehackte accounts en verloren bestanden kunnen een kleine zaak lamleggen. Praktische tips om je zaak digitaal veiliger te maken.",
    description:
      "Om 12:00 starten we met een broodjeslunch. Van 12:15 tot 13:00 toont een expert hoe je phishingmails herkent, waarom tweestapsverificatie belangrijk is en hoe je regelmatig back-ups maakt. Tot 13:30 is er tijd voor vragen.\n\nVoor wie: zelfstandigen en kleine ondernemingen die hun computers, webshop of kassasysteem beter willen beveiligen.\n\nNeem je smartphone of laptop mee: we stellen samen tweestapsverificatie in voor je belangrijkste accounts.",
    ...CORDA,
    daysFromNow: 77,
    startTime: "12:00",
    endTime: "13:30",
    capacity: 40,
    language: "nl",
    partners: ["unizo"],
    attendees: 3,
  },
];

/** Flemish first and last names to make seeded attendees from. */
export const firstNames: string[] = [
  "Jan",
  "Pieter",
  "Els",
  "An",
  "Katrien",
  "Wouter",
  "Sofie",
  "Bart",
  "Lies",
  "Tom",
  "Griet",
  "Koen",
  "Hanne",
  "Joris",
  "Liesbeth",
  "Stijn",
  "Nele",
  "Thomas",
  "Lotte",
  "Bram",
  "Ine",
  "Jens",
  "Eline",
  "Maarten",
  "Femke",
  "Sander",
  "Marieke",
  "Dries",
  "Jolien",
  "Wim",
  "Ann-Sofie",
  "Kobe",
  "Lien",
  "Arne",
  "Mohamed",
  "Fatima",
  "Yusuf",
  "Samira",
  "Ayşe",
  "Emre",
  "Karim",
  "Nadia",
  "Ilias",
  "Amina",
  "Dorota",
  "Olena",
  "Chloé",
  "Geert",
];

export const lastNames: string[] = [
  "Peeters",
  "Janssens",
  "Maes",
  "Jacobs",
  "Mertens",
  "Willems",
  "Claes",
  "Goossens",
  "Wouters",
  "De Smet",
  "Vermeulen",
  "Van den Broeck",
  "Hermans",
  "Lemmens",
  "Aerts",
  "Van Damme",
  "Verstraeten",
  "Cools",
  "Smets",
  "Michiels",
  "De Clercq",
  "Vandenberghe",
  "Coppens",
  "Van Hoof",
  "Vermeiren",
  "Segers",
  "Wuyts",
  "Claessens",
  "Verhoeven",
  "Van Dyck",
  "Boeckx",
  "Timmermans",
  "Geerts",
  "Vanderlinden",
  "Pauwels",
  "Dewulf",
  "Baert",
  "Vanhove",
  "Dubois",
  "El Amrani",
  "Benali",
  "Yılmaz",
  "Kaya",
  "Nowak",
  "Bouzid",
  "Kowalczyk",
];

/** Small Flemish business names for the organisation field. */
export const organisations: string[] = [
  "Bakkerij Vandenbroeck",
  "Fietsatelier De Spaak",
  "Koffiebar Het Boontje",
  "Boekhandel ’t Ezelsoor",
  "Schoenmakerij Lemmens",
  "Bloemenwinkel Fleur & Zo",
  "Kapsalon Knipoog",
  "Traiteur Smets",
  "Slagerij Wuyts",
  "Kaashandel Het Zuivelhuis",
  "Studio Lijnwerk",
  "Naaiatelier Draad & Co",
  "Webbureau Pixelpoort",
  "Boekhoudkantoor Claes & Partners",
  "Brasserie De Oude Vaart",
  "Frituur ’t Hoekske",
  "Kinderkledij Mini Mol",
  "Houtatelier Noest",
  "Tweedehandswinkel De Vondst",
  "Elektro Hermans",
  "Yogastudio Adem",
  "Chocolaterie Cacaoboon",
  "Tweewielers Mertens",
  "Drukkerij De Letterbak",
  "Loodgieterij Van Hoof",
  "Restaurant Anatolia",
  "Biowinkel De Groene Mand",
  "Herstelplaats cv",
  "Interieurstudio Vermeiren",
  "Foodtruck Lekker Onderweg",
];
