import type { nlBEAccounts } from "./nl-BE.accounts";

/** English (Belgium): the organiser's own account, two-step sign-in, signed-in devices. */
export const enBEAccounts = {
  "account.nav": "My account",
  "account.title": "My account",
  "account.intro": "You sign in as {email}.",
  "account.errors.unknownAction": "We don’t know that action. Please reload the page.",

  "twoStep.title": "Two-step sign-in",
  "twoStep.explain":
    "After your password we ask for a code from an authenticator app on your phone. Someone who knows your password still can’t reach attendees’ data.",
  "twoStep.status.on": "Two-step sign-in is on.",
  "twoStep.status.off": "Two-step sign-in is off.",
  "twoStep.status.required":
    "An admin has made two-step sign-in compulsory: you can’t turn it off.",
  "twoStep.recoveryLeft":
    "{count, plural, =0 {You have no recovery codes left.} one {You have # recovery code left.} other {You have # recovery codes left.}}",
  "twoStep.setup.begin": "Turn on two-step sign-in",
  "twoStep.setup.begun": "Scan the QR code and confirm with a code from your app.",
  "twoStep.setup.again": "Start again with a new key",
  "twoStep.setup.scan":
    "Open an authenticator app (for example Microsoft Authenticator, Google Authenticator or FreeOTP) and scan this QR code.",
  "twoStep.setup.qrAlt": "QR code for your authenticator app",
  "twoStep.setup.typeKey": "Can’t scan it? Type this key into your app instead:",
  "twoStep.setup.codeLabel": "Code from your app",
  "twoStep.setup.codeHint": "The six digits your app shows now.",
  "twoStep.setup.confirm": "Confirm and turn on",
  "twoStep.recovery.title": "Your recovery codes",
  "twoStep.recovery.intro":
    "Two-step sign-in is on. Keep these {count} recovery codes somewhere safe: you’ll only see them once. If you lose your phone, sign in with one of them; each code works once.",
  "twoStep.off.open": "Turn off two-step sign-in",
  "twoStep.off.codeLabel": "Code from your app or a recovery code",
  "twoStep.off.submit": "Turn off",
  "twoStep.off.done": "Two-step sign-in is off. Your other devices have been signed out.",

  "twoStep.code.title": "Code from your app",
  "twoStep.code.intro": "Your password is right. Now enter the code from your authenticator app.",
  "twoStep.code.label": "Code",
  "twoStep.code.hint":
    "The six digits from your app, or one of your recovery codes if you don’t have your phone to hand.",
  "twoStep.code.submit": "Sign in",
  "twoStep.code.cancel": "Cancel and sign out",
  "twoStep.code.expired": "That took too long. Please sign in again.",

  "twoStep.enrol.title": "Set up two-step sign-in",
  "twoStep.enrol.intro":
    "Two-step sign-in is compulsory for your account. Set it up now; then you’ll go on to the workspace.",
  "twoStep.enrol.doneTitle": "Two-step sign-in is set up",
  "twoStep.enrol.continue": "Continue to the workspace",

  "twoStep.errors.form": "The code wasn’t accepted.",
  "twoStep.errors.codeRequired": "Enter the code.",
  "twoStep.errors.wrongCode":
    "That code isn’t right, or was already used. Wait for the next code in your app and try again.",
  "twoStep.errors.alreadyOn": "Two-step sign-in is already on.",
  "twoStep.errors.notOn": "Two-step sign-in isn’t on.",
  "twoStep.errors.notStarted": "Please start the setup again first.",
  "twoStep.errors.required":
    "An admin has made two-step sign-in compulsory: you can’t turn it off.",
  "twoStep.errors.locked": "Too many wrong codes in a row. Try again from {time}.",
  "twoStep.errors.requirement": "Choose who must use two-step sign-in.",

  "twoStep.requirement.title": "Make two-step sign-in compulsory",
  "twoStep.requirement.label": "Who must use two-step sign-in?",
  "twoStep.requirement.hint":
    "Anyone who doesn’t have it yet sets it up at their next sign-in. Door volunteers aren’t included.",
  "twoStep.requirement.nobody": "Nobody (their own choice)",
  "twoStep.requirement.admins": "Admins",
  "twoStep.requirement.everyone": "Admins and organisers",
  "twoStep.requirement.save": "Save",
  "twoStep.requirement.saved.nobody": "Two-step sign-in is no longer compulsory for anyone.",
  "twoStep.requirement.saved.admins": "Two-step sign-in is now compulsory for admins.",
  "twoStep.requirement.saved.everyone":
    "Two-step sign-in is now compulsory for admins and organisers.",

  "organisers.column.twoStep": "Two-step sign-in",
  "organisers.twoStep.on": "On",
  "organisers.twoStep.off": "Off",
  "organisers.twoStepReset": "Reset",
  "organisers.twoStepResetConfirm": "Yes, reset {name}’s two-step sign-in",
  "organisers.twoStepResetDone":
    "{name}’s two-step sign-in has been reset; {name} has been signed out everywhere.",
  "organisers.errors.resetSelf":
    "You turn off your own two-step sign-in on your account page, not here.",

  "devices.title": "Signed-in devices",
  "devices.intro":
    "You’re signed in here. If you don’t recognise a device, sign it out and choose a new password.",
  "devices.column.device": "Device",
  "devices.column.signedIn": "Signed in",
  "devices.column.lastSeen": "Last seen",
  "devices.column.address": "From address",
  "devices.thisDevice": "This device",
  "devices.unknown": "Unknown browser",
  "devices.unknownAddress": "Unknown",
  "devices.signOut": "Sign out",
  "devices.signOutOthers": "Sign out all other devices",
  "devices.signedOut": "That device has been signed out.",
  "devices.othersSignedOut":
    "{count, plural, =0 {No other device was signed in.} one {# other device has been signed out.} other {# other devices have been signed out.}}",
  "devices.errors.gone": "That device isn’t (or is no longer) signed in.",
  "cityLogin.button": "Sign in with your city account",
  "cityLogin.or": "Or sign in with your email address and password:",
  "cityLogin.only": "With a city address, sign in with the ‘{button}’ button, not with a password.",
  "cityLogin.failed.title": "Signing in didn’t work",
  "cityLogin.failed.refused":
    "The city couldn’t confirm this sign-in (it had expired, had already been used or wasn’t started in this browser). Nothing has changed. Please try again.",
  "cityLogin.failed.unverified":
    "Your city account didn’t pass on a confirmed email address. Ask the city’s IT department to add the email address to your account.",
  "cityLogin.failed.notInvited":
    "You’re signed in with the city, but this address has no access to the calendar. Ask an admin to invite you.",
  "cityLogin.failed.removedByAdmin":
    "You’re signed in with the city, but an admin closed your account in the calendar. Ask an admin to invite you again.",
  "cityLogin.failed.doorAccessEnded": "Your door volunteer access ended with your session.",
  "cityLogin.failed.unavailable":
    "The city’s sign-in service isn’t answering right now. Please try again in a few minutes.",
  "cityLogin.failed.again": "Back to sign-in",

  "organisers.joinedThroughDomain":
    "Joined through a domain: signs in with the city’s account only.",
  "signInDomains.title": "Sign-in by domain",
  "signInDomains.intro":
    "Let the staff of a partner or a city department in by themselves. Whoever signs in with the city’s button, with an email address of a domain below that the city confirms, gets an account as organiser of the city or partner next to it. Never as admin: invite admins under Organisers.",
  "signInDomains.noProvider":
    "The city has not connected a sign-in service yet: until it does, nobody comes in through a domain.",
  "signInDomains.leavers":
    "Whoever came in through a domain has no password and no passkey: only their account with the city lets them in. When the IT department disables the account of someone who leaves, they can no longer sign in. Removing a domain lets nobody new in, but the accounts already made through it stay: remove those under Organisers. Whoever you remove there doesn’t come back in through the domain until an admin invites them again.",
  "signInDomains.link": "Sign-in by domain",
  "signInDomains.linkIntro":
    "Staff of a partner or a city department can give themselves access with the city’s account, if you allow their domain.",
  "signInDomains.column.domain": "Domain",
  "signInDomains.column.scope": "Sees",
  "signInDomains.column.accounts": "Accounts",
  "signInDomains.scope.city": "City {name}",
  "signInDomains.scope.partner": "Partner {name}",
  "signInDomains.none": "No domains are allowed yet.",
  "signInDomains.remove": "Remove",
  "signInDomains.removeConfirm": "Yes, remove {domain} for {scope}",
  "signInDomains.removed":
    "{domain} is no longer allowed. Whoever already came in through it keeps their account.",
  "signInDomains.addTitle": "Allow a domain",
  "signInDomains.domain": "Domain",
  "signInDomains.domainHint":
    "Only what comes after the @, for example voka.be. A subdomain (student.kuleuven.be) is allowed separately.",
  "signInDomains.scopeLabel": "For",
  "signInDomains.scopeHint":
    "Whoever comes in through this domain sees the sessions of this city or partner.",
  "signInDomains.add": "Allow",
  "signInDomains.added": "{domain} is allowed for {scope}.",
  "signInDomains.errors.form": "The domain was not allowed. Check the field below.",
  "signInDomains.errors.required": "Enter a domain, for example voka.be.",
  "signInDomains.errors.withAt":
    "Enter only the domain, without the @ and what comes before it: for example voka.be.",
  "signInDomains.errors.invalid":
    "‘{domain}’ is not a domain name. Enter only the domain, without https:// or /: for example voka.be.",
  "signInDomains.errors.scope": "Choose a city or partner from the list.",
  "signInDomains.errors.alreadyAllowed": "This domain is already allowed for that city or partner.",
  "signInDomains.errors.notFound": "This domain is not (or no longer) on the list.",
  "passkeys.title": "Passkeys",
  "passkeys.explain":
    "With a passkey you sign in without a password or code: your device asks for your PIN, fingerprint or face. A passkey only works on this website, so a look-alike site cannot use it.",
  "passkeys.column.name": "Name",
  "passkeys.column.added": "Added",
  "passkeys.column.lastUsed": "Last used",
  "passkeys.neverUsed": "Not yet",
  "passkeys.none": "You have no passkeys yet.",
  "passkeys.add": "Add a passkey",
  "passkeys.added": "Passkey added: {name}.",
  "passkeys.remove": "Remove",
  "passkeys.removed":
    "The passkey was removed. Sign out any device still signed in with it under Signed-in devices.",
  "passkeys.needsScript": "Passkeys only work with JavaScript turned on.",
  "passkeys.unsupported": "This browser does not support passkeys.",
  "passkeys.signIn.title": "Sign in with a passkey",
  "passkeys.signIn.button": "Use a passkey",
  "passkeys.errors.invalid": "That passkey was not accepted. Please try again.",
  "passkeys.errors.tooMany": "You already have ten passkeys. Remove one first.",
  "passkeys.errors.gone": "That passkey does not exist (any more).",
  "passkeys.errors.cancelled": "No passkey was used. Try again if you like.",
  "passkeys.errors.failed": "That did not work. Reload the page and try again.",
  "passkeys.errors.signInFailed":
    "We do not know that passkey, or it was not accepted. Sign in with your password.",
} satisfies Record<keyof typeof nlBEAccounts, string>;
