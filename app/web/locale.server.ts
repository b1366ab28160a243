import type { LoaderFunctionArgs } from "@remix-run/node";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, type Locale } from "~/i18n";
import {
  LOCALES_IN_ORDER,
  localeOfLanguage,
  localeOfPrefix,
  splitLocalePath,
} from "~/lib/locale-path";
import { notFound } from "./not-found.server";

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
  if (!hasKnownLanguage(params)) throw notFound();
}

/** Whether a route's `($lang)` segment, when there is one, names a language. */
export function hasKnownLanguage(params: LoaderFunctionArgs["params"]): boolean {
  return params.lang === undefined || localeOfPrefix(params.lang) !== undefined;
}

/**
 * The language a browser asks for first (`Accept-Language`) among ours, else Dutch: only for
 * an address that has no language of its own and leads on to a page (the QR check-in link).
 * Pages never decide by it: they are the same for every browser, and kept in a shared cache.
 */
export function preferredLocale(request: Request): Locale {
  const header = request.headers.get("Accept-Language");
  if (!header) return DEFAULT_LOCALE;
  const negotiator = new Negotiator({ headers: { "accept-language": header } });
  const [best] = negotiator.languages([...LOCALES_IN_ORDER]);
  return LOCALES_IN_ORDER.find((locale) => locale === best) ?? DEFAULT_LOCALE;
}
