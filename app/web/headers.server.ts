import type { EntryContext } from "@remix-run/node";
import { config } from "../lib/config.server";
import type { RouteHandle } from "./route-handle";

/**
 * The protection every answer of the site carries, whatever made it (a page, a file, the API,
 * an export, a refusal at the edge, a static file): server/app.ts adds each one an answer does
 * not set itself. A page sets its own Content-Security-Policy (with its scripts' nonce); any
 * other answer gets one that lets nothing load or frame it. X-Frame-Options follows the
 * policy's frame-ancestors, so only an answer made to be framed (the embed) goes without.
 */
export function securityHeadersFor(
  set: { contentSecurityPolicy?: string },
  { https }: { https: boolean },
): Record<string, string> {
  const policy = set.contentSecurityPolicy ?? ANSWER_POLICY;
  return {
    "Content-Security-Policy": policy,
    ...(/frame-ancestors \*/.test(policy) ? {} : { "X-Frame-Options": "DENY" }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/** For an answer that is no page: nothing in it may load anything, no site may frame it. */
const ANSWER_POLICY = "default-src 'none'; frame-ancestors 'none'";

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
