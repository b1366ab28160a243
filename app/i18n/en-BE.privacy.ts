import type { nlBEPrivacy } from "./nl-BE.privacy";

/**
 * English (Belgium): personal data and accessibility: the privacy statement, the register of
 * processing for admins (both read app/lib/processing-register.ts), the accessibility statement,
 * the links to them in every footer and in the sign-up form's consent line.
 */
export const enBEPrivacy = {
  "footer.label": "About this website",
  "footer.privacy": "Privacy",
  "footer.accessibility": "Accessibility",

  "signup.consentWithPartners":
    "{partnerCount, plural, =0 {I agree that the City of {city} uses my data to organise this session.} one {I agree that the City of {city} and its partner {partners} use my data to organise this session.} other {I agree that the City of {city} and its partners {partners} use my data to organise this session.}}",
  "signup.consentPrivacyLink": "Read how we handle your data",

  // The register: one activity a row, in the words the privacy statement uses too.
  "privacy.activity.registrations.title": "Registrations for sessions",
  "privacy.activity.registrations.purpose":
    "Processing your registration and organising the session: sending your confirmation and calendar invitation, keeping the waiting list, letting you know if the session changes or is cancelled, and checking you in on the day.",
  "privacy.activity.cityFigures.title": "Figures for the city",
  "privacy.activity.cityFigures.purpose":
    "Counting how many entrepreneurs the sessions reached, who came for the first time and who came back, so that the city and its partners can report on their policy. For that we keep a pseudonym of your email address with each sign-up, also after your name and address have been erased. Nobody gets to see the pseudonym: the workspace shows totals only.",
  "privacy.activity.organiserAccounts.title": "Organiser accounts",
  "privacy.activity.organiserAccounts.purpose":
    "Letting staff of the city and of the partners sign in to the workspace securely, showing them only what belongs to their city or partner, and recording who changed or exported what.",
  "privacy.activity.removedOrganisers.title": "Removed organiser accounts",
  "privacy.activity.removedOrganisers.purpose":
    "Keeping someone an admin removed from simply coming back in through their organisation’s domain that may sign in with the city’s account, until an admin invites them again.",
  "privacy.activity.mailLog.title": "Emails sent",
  "privacy.activity.mailLog.purpose":
    "Reliably sending confirmations, calendar invitations, changes, messages from the organisers and password reset links, and trying again if the mail server is briefly unavailable.",
  "privacy.activity.deferredWork.title": "Work done after the answer",
  "privacy.activity.deferredWork.purpose":
    "Whoever asks for a link to reset their password, or signs in with a wrong password, gets an answer at once; making and sending the link and writing the failed sign-in to the activity log happens right after. That way the time the answer takes does not reveal who has an account, and nothing is lost if the server restarts just then.",
  "privacy.activity.abuseLimits.title": "Protection against abuse",
  "privacy.activity.abuseLimits.purpose":
    "Counting how many forms come from one address, so that nobody can overload the website, guess passwords or flood someone’s inbox.",

  "privacy.subject.attendees": "attendees",
  "privacy.subject.organisers": "organisers",

  "privacy.category.name": "name",
  "privacy.category.email": "email address",
  "privacy.category.organisation": "organisation or company (if you fill it in)",
  "privacy.category.enterpriseNumber": "enterprise number, KBO/BCE (if you fill it in)",
  "privacy.category.sessionAnswers":
    "your answers to the questions a session asks at sign-up (for example dietary requirements at a breakfast, your field of study, whether you’re a member of a partner, whether you come with a wheelchair or an interpreter); they follow the rest of your registration: you can download and erase them, and they’re erased with your name",
  "privacy.category.signUpMoment": "when you signed up and gave your consent",
  "privacy.category.status":
    "whether you’re signed up, on the waiting list, asked for a seat (and what the organisers decided, with their explanation) or have cancelled",
  "privacy.category.checkIn": "whether and when you were present (check-in)",
  "privacy.category.language": "the language of your emails",
  "privacy.category.roleAndScope": "role, and the cities or partner you work for",
  "privacy.category.passwordHash": "password, only as an irreversible hash",
  "privacy.category.signIns": "sign-ins and password reset links",
  "privacy.category.auditTrail": "what you change or export in the workspace (activity log)",
  "privacy.category.messageContent": "subject, text and calendar invitation of each message",
  "privacy.category.deliveryStatus": "when a message was sent, or why sending it failed",
  "privacy.category.hashedAddresses":
    "a hash (SHA-256) of your IP address and email address, never the addresses themselves",
  "privacy.category.requestMoments": "when you sent a form",
  "privacy.category.pseudonym":
    "a pseudonym of your email address: a code computed from your address with a secret key, from which the address cannot be worked out",

  "privacy.recipient.cityOrganisers": "the city’s organisers",
  "privacy.recipient.sessionPartners":
    "{partnerCount, plural, =0 {the partners of the session you sign up for} other {the partners of the session you sign up for, one or more of: {partners}}}",
  "privacy.recipient.admins": "the administrators of Ondernemersagenda",
  "privacy.recipient.mailServer": "the mail server that delivers our emails",
  "privacy.recipient.nobody": "nobody outside Ondernemersagenda itself",

  "privacy.retention.monthsAfterSession":
    "{months, plural, one {# month} other {# months}} after the session; then we replace your name, email address, organisation and enterprise number with a placeholder and erase your answers to the session’s questions",
  "privacy.retention.monthsAfterLastSession":
    "{pseudonymMonths, plural, one {# month} other {# months}} after your last session; if you erase your data, the pseudonym goes at once",
  "privacy.retention.daysAfterSending":
    "{days, plural, one {# day} other {# days}} after sending; then we erase the recipient and the content of the message",
  "privacy.retention.untilAccountRemoved":
    "until an administrator removes the account; after that, only your name and the entries about you in the activity log are kept",
  "privacy.retention.whileDomainAllowed":
    "until an admin invites you again, or until the day after your domain is no longer allowed",
  "privacy.retention.aboutADay": "about a day",
  "privacy.retention.untilDone":
    "until the work is done, usually within seconds; if it still fails after several tries, we keep it {days, plural, one {# day} other {# days}} longer to look into the cause",

  "privacy.basis.consent":
    "consent (Article 6(1)(a) GDPR), which you give by ticking the box when you sign up",
  "privacy.basis.publicTask":
    "a task carried out in the public interest (Article 6(1)(e) GDPR): the city’s local economic policy",

  "privacy.field.subjects": "About whom",
  "privacy.field.categories": "Which data",
  "privacy.field.recipients": "Who receives it",
  "privacy.field.retention": "How long",
  "privacy.field.basis": "Legal basis",

  // The privacy statement.
  "privacy.title": "Privacy statement",
  "privacy.lead":
    "What Ondernemersagenda keeps about you when you sign up for a session or work as an organiser: why, who we share it with, how long we keep it and what rights you have.",
  "privacy.controller.title": "Who is responsible?",
  "privacy.controller.body":
    "{controller} is responsible for your personal data in Ondernemersagenda (the data controller).",
  "privacy.controller.contact": "Questions about your data",
  "privacy.controller.dpo": "Data protection officer",
  "privacy.activities.title": "What we keep and why",
  "privacy.sharing.title": "Who we share your data with",
  "privacy.sharing.body":
    "The city often organises its sessions together with partners. If you sign up, the organisers of the city and of that session’s partners see your registration. Which partners these are is shown on the session’s page and in the sentence you agree to.",
  "privacy.sharing.partners":
    "{partnerCount, plural, =0 {We currently don’t work with any partners.} one {Our partner: {partners}.} other {Our partners: {partners}.}}",
  "privacy.sharing.nobodyElse":
    "Nobody else receives your data, except the mail server that delivers our emails. We don’t sell it and don’t use it for advertising.",
  "privacy.retention.title": "How long we keep your data",
  "privacy.rights.title": "Your rights",
  "privacy.rights.access":
    "Viewing and downloading your data: open the link in your confirmation email. That page shows what we keep about your registration, and you can download it there.",
  "privacy.rights.rectification":
    "Correcting your data: through the same link you correct your name, organisation, enterprise number and answers yourself, until registration closes. To change your email address, cancel your registration and sign up again.",
  "privacy.rights.erasure":
    "Having your data erased or withdrawing your consent: through the same link. Your registration then lapses.",
  "privacy.rights.other":
    "Having your data corrected, objecting or asking another question: email {contact} or our data protection officer, {dpo}. We reply within one month.",
  "privacy.rights.organisers":
    "Are you an organiser? An administrator changes or removes your account. For your other rights, email {contact}.",
  "privacy.complaint.title": "Making a complaint",
  "privacy.complaint.body":
    "Not happy with how we handle your data? Please let us know first. You can also make a complaint to the Flemish Supervisory Commission for the processing of personal data (Vlaamse Toezichtcommissie):",
  "privacy.complaint.link": "vlaamsetoezichtcommissie.be",

  // The register of processing (art. 30 GDPR), for admins.
  "register.title": "Register of processing activities",
  "register.intro":
    "Which personal data Ondernemersagenda processes, why and for how long. The privacy statement shows the same information to visitors; both read it from one list in the code.",
  "register.controller": "Data controller",
  "register.contact": "Contact",
  "register.dpo": "Data protection officer",
  "register.column.activity": "Processing activity",
  "register.column.purpose": "Purpose",
  "register.publicPage": "The privacy statement for visitors",
  "admin.nav.register": "Processing register",

  // The accessibility statement.
  "accessibility.title": "Accessibility statement",
  "accessibility.lead":
    "{controller} wants everyone to be able to use Ondernemersagenda, including people who use a screen reader, only a keyboard or magnification. This statement applies to {site}, as required by the Flemish Governance Decree (Bestuursdecreet) of 7 December 2018.",
  "accessibility.status.title": "Compliance status",
  "accessibility.status.body":
    "This website is partially compliant with the Web Content Accessibility Guidelines (WCAG) 2.1, level AA. What isn’t compliant yet, or hasn’t been checked yet, is listed below.",
  "accessibility.checked.title": "How we check this",
  "accessibility.checked.body":
    "Automated browser tests check these pages with axe-core against the WCAG 2.1 A and AA rules, and find no errors:",
  "accessibility.checked.home": "the calendar (the home page)",
  "accessibility.checked.session": "a session’s page, with the sign-up form",
  "accessibility.checked.thanks": "the confirmation after you sign up",
  "accessibility.checked.manage": "the page where you view and cancel your registration",
  "accessibility.checked.notFound": "the error page “Page not found”",
  "accessibility.checked.statements": "the privacy statement and this accessibility statement",
  "accessibility.checked.dashboard": "for organisers: the workspace overview",
  "accessibility.checked.newSession": "for organisers: creating a new session",
  "accessibility.checked.attendees": "for organisers: a session’s attendee list",
  "accessibility.checked.checkin": "for organisers: the check-in list, on a mobile phone screen",
  "accessibility.checked.more":
    "The same tests also check that you can sign up and cancel without JavaScript, and that the calendar, a city’s page and a session’s page fit on a screen 360 pixels wide without scrolling sideways. Automated tests don’t find every problem; a full manual check, for example with a screen reader, has not been done yet.",
  "accessibility.gaps.title": "What isn’t accessible yet or hasn’t been checked",
  "accessibility.gaps.pages":
    "The tests don’t check these pages yet: a city’s page, signing in and forgotten password, and in the workspace: editing, cancelling and exporting sessions, messages to attendees, managing organisers, the activity log, the processing register, erasing personal data and the check-in page for a single attendee.",
  "accessibility.gaps.errors":
    "Forms showing error messages aren’t checked automatically, only forms without errors.",
  "accessibility.gaps.qr":
    "The QR code in your confirmation email is for the organiser, who scans it with a mobile phone camera to check you in. It also works without a camera: the organiser looks up your name in the check-in list and taps once.",
  "accessibility.gaps.mail":
    "The emails we send (confirmations, invitations, messages) aren’t checked automatically.",
  "accessibility.gaps.files":
    "The website doesn’t offer any PDF documents. The exports for organisers (CSV and Excel) are outside the scope of this check.",
  "accessibility.prepared.title": "Preparation of this statement",
  "accessibility.prepared.body":
    "We prepared this statement on {date}, based on our own assessment with the automated tests above.",
  "accessibility.report.title": "Reporting a problem",
  "accessibility.report.body":
    "Are you stuck on this website, or do you need information in a format you can use? Email {contact} and tell us which page and what goes wrong. We’ll work with you to find a solution.",
  "accessibility.enforcement.title": "Enforcement procedure",
  "accessibility.enforcement.body":
    "Not satisfied with our reply? Then you can make a complaint to the Flemish Ombudsman (Vlaamse Ombudsdienst):",
  "accessibility.enforcement.link": "vlaamseombudsdienst.be",
} satisfies Record<keyof typeof nlBEPrivacy, string>;
