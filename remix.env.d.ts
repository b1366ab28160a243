/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

import "@remix-run/node";

declare module "@remix-run/node" {
  /** Loader and action data travel as single fetch serialises them (remix.config.js). */
  interface Future {
    v3_singleFetch: true;
  }

  /** What `server/app.ts` hands every loader and action. */
  interface AppLoadContext {
    /** The client's IP address (from X-Forwarded-For when TRUST_PROXY=on). */
    clientAddress?: string;
    /** The nonce the page's inline scripts carry, for the Content-Security-Policy. */
    cspNonce?: string;
  }
}
