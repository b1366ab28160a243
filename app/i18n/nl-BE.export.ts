/** Dutch (Belgium): the export part of the catalogue. ICU message syntax, as in nl-BE.ts. */
export const nlBEExport = {} as const;
