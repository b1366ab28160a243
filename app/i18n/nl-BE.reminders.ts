/**
 * Dutch (Belgium): reminders before a session, and the reminder settings of the session form.
 * ICU message syntax, as in nl-BE.ts.
 */
export const nlBEReminders = {};
