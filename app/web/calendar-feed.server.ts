import { i18n, type Locale } from "~/i18n";
import type { SessionKind } from "../../db/schema";
import { type FeedSelection, feedName, feedUrls, type PageFeed } from "../lib/calendar-feed";
import { config } from "../lib/config.server";

/** The feed a page offers: its filters' feed in its language, with the name calendar apps show. */
export function feedOfPage(
  page: FeedSelection & {
    cityName?: string;
    partnerName?: string;
    kind?: SessionKind | null;
    locale: Locale;
  },
): PageFeed {
  const name = feedName(i18n(page.locale).t, {
    cityName: page.cityName,
    kind: page.kind,
    partnerName: page.partnerName,
  });
  return { name, ...feedUrls(config().publicUrl, page) };
}
