import type { LoaderFunctionArgs } from "@remix-run/node";
import { DEFAULT_LOCALE, type Locale } from "~/i18n";
import { localeOfLanguage, localeOfPrefix, splitLocalePath } from "~/lib/locale-path";

/**
 * The visitor's locale, from the address: `/fr/…` is French, `/en/…` English, the rest Dutch.
 * The embed sits on partners' sites at one address and takes its language from `?taal=`.
 */
export function localeOf(request: Request): Locale {
  const url = new URL(request.url);
  if (url.pathname === EMBED_PATH) {
    return localeOfLanguage(url.searchParams.get("taal")) ?? DEFAULT_LOCALE;
  }
  return splitLocalePath(url.pathname).locale;
}

const EMBED_PATH = "/embed";

/**
 * A page route's `($lang)` segment must name a language: `/de/sessies/x` or `/xyz` is not a page
 * (404, as any unknown address), and neither is `/nl/…` (Dutch has no prefix). Every loader or
 * action of a `($lang)` route that can run on its own (the root loader, actions, resource
 * routes) checks it.
 */
export function requireKnownLanguage(params: LoaderFunctionArgs["params"]): void {
  if (params.lang !== undefined && !localeOfPrefix(params.lang)) {
    throw new Response("Not Found", { status: 404 });
  }
}
