import { type I18n, i18n, type Locale } from "~/i18n";
import type { SessionKind } from "../../db/schema";
import { languageParam } from "./locale-path";

/**
 * The subscribable feeds: one address, `/agenda.ics`, with the home page's filters (`stad`,
 * `soort`) and `partner`, and the language of its name and links (`taal`, as the embed). Any
 * page's filters and language are its feed's; the parameters always come in this order, so one
 * feed has one URL (and one cache entry).
 */
export interface FeedSelection {
  city?: string | null;
  kind?: SessionKind | null;
  partner?: string | null;
  /** Dutch when not given. */
  locale?: Locale;
}

function feedPath({ city, kind, partner, locale }: FeedSelection): string {
  const query = new URLSearchParams();
  if (city) query.set("stad", city);
  if (kind) query.set("soort", kind);
  if (partner) query.set("partner", partner);
  const taal = locale ? languageParam(locale) : null;
  if (taal) query.set("taal", taal);
  const search = query.toString();
  return search ? `/agenda.ics?${search}` : "/agenda.ics";
}

export interface PageFeed {
  name: string;
  https: string;
  webcal: string;
}

/**
 * The meta of a page of sessions: its title and description, and its feed as
 * `<link rel="alternate" type="text/calendar">`, how browsers and tools find it.
 */
export function sessionListMeta(title: string, description: string, feed: PageFeed) {
  return [
    { title: `${title} · ${i18n().t("site.name")}` },
    { name: "description", content: description },
    {
      tagName: "link",
      rel: "alternate",
      type: "text/calendar",
      href: feed.https,
      title: feed.name,
    },
  ];
}

/** The feed's https address and its webcal:// twin, which calendar apps open as a subscription. */
export function feedUrls(publicUrl: string, selection: FeedSelection) {
  const https = `${publicUrl}${feedPath(selection)}`;
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** "Ondernemersagenda Leuven: ontbijtsessies met Unizo": the name calendar apps show. */
export function feedName(
  t: I18n["t"],
  {
    cityName,
    kind,
    partnerName,
  }: { cityName?: string; kind?: SessionKind | null; partnerName?: string },
): string {
  const name = cityName ? t("calendar.feed.nameCity", { city: cityName }) : t("calendar.feed.name");
  const sessions = kind ? t(`calendar.feed.kind.${kind}`) : null;
  const what = partnerName
    ? t("calendar.feed.withPartner", {
        what: sessions ?? t("calendar.feed.sessions"),
        partner: partnerName,
      })
    : sessions;
  return what ? t("calendar.feed.nameWith", { name, what }) : name;
}
