/**
 * The home page's filters, by the names its form sends them under (`/?stad=leuven&soort=info`):
 * the page reads them, and the page cache keeps a home page for each choice of them (any other
 * query is rendered, never kept).
 */
export const HOME_FILTERS = { city: "stad", kind: "soort", language: "sessietaal" } as const;
