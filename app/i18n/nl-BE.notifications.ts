/** Dutch (Belgium): the notifications part of the catalogue. ICU message syntax, as in nl-BE.ts. */
export const nlBENotifications = {} as const;
