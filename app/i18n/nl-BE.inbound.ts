/**
 * Dutch (Belgium): replies from calendars (accepted, declined, …) and what came of them.
 * ICU message syntax, as in nl-BE.ts.
 */
export const nlBEInbound = {};
