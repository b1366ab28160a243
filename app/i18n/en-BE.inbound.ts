import type { nlBEInbound } from "./nl-BE.inbound";

/**
 * English (Belgium): replies from calendars (accepted, declined, …) and what came of them.
 * ICU message syntax, as in nl-BE.ts.
 */
export const enBEInbound = {
  "email.declined.subject": "Cancelled: you declined the invitation for {title}",
  "email.declined.intro":
    "You declined the invitation for {title} in your calendar, so we’ve cancelled your registration and given your place to the next person on the waiting list. Didn’t mean to? Sign up again while places are available.",
  "email.reminder.intro.confirmedWithInvite":
    "You tried to sign up for {title} again, but you’re already signed up. The calendar invitation is attached to this email once more. Use the button below to view or cancel your registration.",
  "email.refreshed.intro":
    "Your calendar asked for the latest version of your invitation for {title}. It’s attached to this email.",
  "email.counterDeclined.subject": "The time of {title} is fixed",
  "email.counterDeclined.intro":
    "You proposed a different time for {title} through your calendar. We can’t change it: the organisers set the time for everyone. Your registration stays as it was. If the time doesn’t suit you, please cancel your registration, so someone else can have your place.",
  "email.counterDeclined.comment": "The time is fixed: the organisers can’t move it.",

  "attendees.calendarReply":
    "Calendar: {reply, select, accepted {accepted} tentative {tentative} declined {declined} other {—}}",
} satisfies Record<keyof typeof nlBEInbound, string>;
