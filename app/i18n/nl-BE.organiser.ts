/** Dutch (Belgium): the organiser part of the catalogue. ICU message syntax, as in nl-BE.ts. */
export const nlBEOrganiser = {} as const;
