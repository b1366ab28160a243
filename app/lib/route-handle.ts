/** What a route module says about its pages through Remix's `handle` export. */
export interface RouteHandle {
  /**
   * The page shows a person's data (a registration, an organiser's workspace): it answers
   * with `Cache-Control: private, no-store` and `X-Robots-Tag: noindex`.
   */
  personalData?: boolean;
}

export const PERSONAL_DATA: RouteHandle = { personalData: true };
