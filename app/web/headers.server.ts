import type { EntryContext } from "@remix-run/node";
import { config } from "../lib/config.server";
import type { RouteHandle } from "./route-handle";

/** For pages that show a person's data: no cache keeps a copy, no search engine lists it. */
export const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-store",
  "X-Robots-Tag": "noindex",
} as const;

function handlesOf(context: EntryContext): RouteHandle[] {
  return context.staticHandlerContext.matches.map(
    (match) => (context.routeModules[match.route.id]?.handle as RouteHandle | undefined) ?? {},
  );
}

/** Whether any route that renders this page marks itself as showing personal data. */
export function holdsPersonalData(context: EntryContext): boolean {
  return handlesOf(context).some((handle) => handle.personalData);
}

/** Whether the page is one made for other sites' iframes (and is not an error page). */
export function isEmbeddable(context: EntryContext): boolean {
  const { errors } = context.staticHandlerContext;
  return !errors && handlesOf(context).some((handle) => handle.embeddable);
}

/**
 * Scripts run only from this site's files or with this page's nonce (Remix's inline scripts
 * carry it), so injected markup cannot run code. No other site may frame a page, except the
 * embeds made for that (`frameable`).
 */
export function contentSecurityPolicy(nonce: string, { frameable = false } = {}): string {
  const development = config().NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The development server reloads the page over a WebSocket of its own.
    `connect-src 'self'${development ? " ws:" : ""}`,
    "form-action 'self'",
    `frame-ancestors ${frameable ? "*" : "'none'"}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}
