import type { nlBEAccess } from "./nl-BE.access";

/** English: who may come to a session. The same keys as nl-BE.access.ts. */
export const enBEAccess = {
  "availability.full": "Full",
  "signup.approvalNotice":
    "The organisers choose who takes part: your sign-up is a request. You’ll get an email as soon as they decide.",
  "signup.approvalNoticeFull":
    "All seats have been given. You can still send a request: if a seat comes free, the organisers may still choose you. You’ll get an email as soon as they decide.",
  "signup.submitRequest": "Request a seat",
  "signup.emailHintDomains":
    "This session is open only to addresses ending in {domains}. That’s also where we’ll send your confirmation.",
  "errors.email.domain":
    "This session is open only to addresses of {domains}. Use your address of one of those domains.",
  "thanks.requested.title": "Your request has been received",
  "thanks.requested.body":
    "The organisers review every request and will tell you by email whether you have a seat. Until then, nothing is reserved for you yet.",

  "manage.status.requested":
    "Your request has been received. The organisers haven’t decided yet: you’ll get an email as soon as they do.",
  "manage.status.declined": "The organisers could not accept your request.",
  "manage.status.expired":
    "The session began before the organisers could decide on your request. Your request is closed.",
  "manage.declineReason": "The organisers explain:",
  "manage.withdrawRequest": "Withdraw my request",
  "manage.confirmTitleRequested": "Do you want to withdraw your request?",
  "manage.confirmBodyRequested":
    "The organisers will no longer consider it. As long as sign-ups are open, you can send a new request later.",
  "manage.confirmRequested": "Yes, withdraw my request",
  "manage.keepRequest": "No, keep my request",
  "manage.withdrawnNow": "Your request has been withdrawn. We’ve sent you a confirmation.",

  "email.requested.subject": "Request received: {title}",
  "email.requested.intro":
    "We’ve received your request for {title}. The organisers review every request and will tell you by email whether you have a seat. Until then nothing is reserved for you: the invitation for your calendar follows only once your request is approved.",
  "email.requested.manage": "View or withdraw your request",
  "email.requestDeclined.subject": "Your request for {title}",
  "email.requestDeclined.intro":
    "Thank you for your interest in {title}. Unfortunately, the organisers could not accept your request.",
  "email.requestDeclined.reason": "The organisers explain:",
  "email.requestExpired.subject": "Your request for {title} is closed",
  "email.requestExpired.intro":
    "{title} began before the organisers could decide on your request, so your request is closed.",
  "email.requestWithdrawn.subject": "Request withdrawn: {title}",
  "email.requestWithdrawn.intro":
    "Your request for {title} has been withdrawn. Would you like to take part after all? Send a new request while sign-ups are open.",
  "email.reminder.intro.requested":
    "You asked for a seat at {title} again, but your request is already with the organisers. You’ll get an email as soon as they decide. The button below shows your request.",
  "email.sessionCancelled.intro.requested":
    "Unfortunately, {title} on {date} will not take place. Your request lapses.",

  "mailKind.registration.requested": "Request received",
  "mailKind.registration.requestDeclined": "Request declined",
  "mailKind.registration.requestExpired": "Request closed at the start",

  "requests.title": "Requests ({count})",
  "requests.intro":
    "Every sign-up for this session is a request; the first is at the top. Approving gives a seat and sends the confirmation with the invitation. {seats, plural, =0 {No seat is free any more.} one {# seat is still free.} other {# seats are still free.}}",
  "requests.none": "There are no open requests.",
  "requests.closed": "Closed: {declined} declined, {expired} undecided at the start.",
  "requests.requestedAt": "Requested on",
  "requests.approve": "Approve",
  "requests.approveLabel": "Approve the request of {name}",
  "requests.decline": "Decline…",
  "requests.reason": "Reason (optional)",
  "requests.reasonHint":
    "Goes into the email to the person as you write it. Leave empty to decline without a reason.",
  "requests.declineConfirm": "Decline the request of {name}",
  "requests.done.approved":
    "The request of {name} is approved: {name} has a seat and gets the confirmation with the invitation.",
  "requests.done.declined": "The request of {name} is declined. {name} gets an email about it.",
  "requests.refused.full":
    "No seat is free: all {capacity} seats have been given. The request of {name} stays open. Raise the number of seats (Edit) or decline the request.",
  "requests.refused.notRequested":
    "The request of {name} has already been decided or withdrawn. Nothing was changed.",
  "requests.refused.sessionCancelled":
    "This session is cancelled: there is nothing left to decide on the request of {name}.",
  "requests.refused.started":
    "This session has already begun: there is nothing left to decide on the request of {name}.",
  "requests.errors.reason.tooLong": "The reason may be at most {max} characters long.",
  "attendees.count.requested": "Open requests",

  "access.approval": "Sign-ups are requests: the organisers approve or decline them.",
  "access.unlisted": "Unlisted: reachable only by its link.",
  "access.emailDomains": "Only for addresses ending in {domains}.",
  "access.byHand":
    "Whoever you add here gets a seat straight away (or the waiting list): without a request, and with any email address.",
  "unlisted.title": "Link to share",
  "unlisted.linkLabel": "Address of the session",
  "unlisted.linkHint":
    "This session is on no list and search engines don’t show it. Anyone who gets this link can open the page and sign up.",
  "unlisted.copy": "Copy the link",
  "unlisted.copied": "The link has been copied.",
  "unlisted.copyByHand":
    "Copying didn’t work. The link is selected: copy it with Ctrl+C (or ⌘+C on a Mac).",
  "dashboard.unlisted": "unlisted",
  "dashboard.requests": "{count, plural, one {# open request} other {# open requests}}",
  "dashboard.requested": "request",
  "export.status.requested": "Request",

  "sessionForm.access": "Who can take part",
  "sessionForm.requiresApproval":
    "Approve sign-ups: every sign-up is a request, and only those you approve get a seat",
  "sessionForm.unlisted":
    "Unlisted: reachable only by its link, not on the website, in calendar subscriptions, the API or search engines",
  "sessionForm.unlistedHint":
    "An unlisted session gets an address nobody can guess. If a listed session becomes unlisted, its old address stops working.",
  "sessionForm.emailDomains": "Allowed email domains (optional)",
  "sessionForm.emailDomainsHint":
    "For example: student.kuleuven.be, kuleuven.be. A domain counts exactly as you write it: kuleuven.be does not admit addresses of student.kuleuven.be. Empty: any address. People you add yourself may have any address.",
  "sessionForm.errors.emailDomains.invalid":
    "‘{domain}’ is not a domain name. Write each domain as it follows the @ in an email address, for example student.kuleuven.be, and separate them with commas.",
  "sessionForm.errors.emailDomains.tooMany": "Give at most {max} domains.",
  "sessionForm.errors.emailDomains.tooLong": "At most {max} characters.",
} as const satisfies Record<keyof typeof nlBEAccess, string>;
