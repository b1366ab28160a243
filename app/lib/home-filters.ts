/**
 * The home page's filters, by the names its form sends them under (`/?stad=leuven&soort=info`):
 * the page reads them, and the page cache keeps a home page for each choice of them (any other
 * query is rendered, never kept).
 */
export const HOME_FILTERS = { city: "stad", kind: "soort", language: "sessietaal" } as const;

/**
 * The filters of the embed a partner puts on their site (`/embed?stad=leuven&partner=voka`):
 * the home page's city and kind, a partner, and the embed's language.
 */
export const EMBED_FILTERS = {
  city: "stad",
  kind: "soort",
  partner: "partner",
  language: "taal",
} as const;
