import { EMBED_FILTERS } from "../lib/home-filters";
import { languageParam, localeOfLanguage } from "../lib/locale-path";
import { isSessionKind } from "../lib/session-kinds";
import { listCities } from "../models/session.server";
import { listPartners } from "../models/session-api.server";

/**
 * The filters of an embed (`/embed?stad=leuven&soort=breakfast&partner=voka&taal=en`) and of
 * the page that makes its snippet: the home page's names, a partner, and the embed's language. A value that names nothing is
 * left out, as on the home page, so a stale snippet still shows sessions.
 */
export async function embedFilter(params: URLSearchParams) {
  const [cities, partners] = await Promise.all([listCities(), listPartners()]);
  const city = cities.find((c) => c.slug === params.get(EMBED_FILTERS.city)) ?? null;
  const partner = partners.find((p) => p.slug === params.get(EMBED_FILTERS.partner)) ?? null;
  const kind = params.get(EMBED_FILTERS.kind);
  const language = localeOfLanguage(params.get(EMBED_FILTERS.language)) ?? null;
  return { cities, partners, city, partner, kind: isSessionKind(kind) ? kind : null, language };
}

export type EmbedFilter = Awaited<ReturnType<typeof embedFilter>>;

/** The query string of an embed with these filters ("" for none). */
export function embedQuery({
  city,
  kind,
  partner,
  language,
}: Pick<EmbedFilter, "city" | "kind" | "partner"> & { language?: EmbedFilter["language"] }) {
  const query = new URLSearchParams();
  if (city) query.set(EMBED_FILTERS.city, city.slug);
  if (kind) query.set(EMBED_FILTERS.kind, kind);
  if (partner) query.set(EMBED_FILTERS.partner, partner.slug);
  const taal = language ? languageParam(language) : null;
  if (taal) query.set(EMBED_FILTERS.language, taal);
  const text = query.toString();
  return text ? `?${text}` : "";
}
