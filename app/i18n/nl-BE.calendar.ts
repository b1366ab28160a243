/**
 * Dutch (Belgium): what the app writes about calendars: feeds, add-to-calendar links, the person's own invite.
 * ICU message syntax, as in nl-BE.ts.
 */
export const nlBECalendar = {};
