/** What a route module says about its pages through Remix's `handle` export. */
export interface RouteHandle {
  /**
   * The page shows a person's data (a registration, an organiser's workspace): it answers
   * with `Cache-Control: private, no-store` and `X-Robots-Tag: noindex`.
   */
  personalData?: boolean;
  /**
   * The page is made to sit in an iframe on a partner's site: any site may frame it
   * (`frame-ancestors *`), and it is shown without the site's header, footer and scripts.
   */
  embeddable?: boolean;
  /**
   * The frame of the organiser workspace: its loader names who is signed in, and the site's
   * header carries the workspace's menu for them (`WorkspaceNav`).
   */
  workspace?: boolean;
}

export const PERSONAL_DATA: RouteHandle = { personalData: true };

export const WORKSPACE: RouteHandle = { personalData: true, workspace: true };

export const EMBEDDABLE: RouteHandle = { embeddable: true };
