import { type CalendarLinkEvent, namedCalendarLinks } from "~/lib/calendar-links";
import { useI18n } from "~/web/use-i18n";

/**
 * "Zet in je agenda": the web calendars by link (each says it opens Google's or Microsoft's
 * site), and a calendar file for every other app. Plain links: they work without JavaScript.
 */
export function AddToCalendar({
  session,
  file,
}: {
  session: Omit<CalendarLinkEvent, "details"> & { summary: string };
  /** The .ics to download: the public event, or the person's own invite. */
  file: { href: string; label: string };
}) {
  const { t } = useI18n();
  const { title, startsAt, endsAt, place, summary, url } = session;
  const external = namedCalendarLinks(t, {
    title,
    startsAt,
    endsAt,
    place,
    details: summary,
    url,
  });
  return (
    <ul className="calendar-links">
      {external.map((link) => (
        <li key={link.href}>
          <a href={link.href} rel="noopener noreferrer">
            {link.label} <span className="visually-hidden">{link.opens}</span>
          </a>
        </li>
      ))}
      <li>
        <a href={file.href} download rel="nofollow">
          {file.label}
        </a>
      </li>
    </ul>
  );
}

/** The subscribe links of a feed: webcal:// opens the calendar app, https is the file itself. */
export function SubscribeToFeed({
  feed,
}: {
  feed: { name: string; https: string; webcal: string };
}) {
  const { t } = useI18n();
  return (
    <section className="subscribe" aria-labelledby="subscribe-title">
      <h2 id="subscribe-title">{t("calendar.subscribe.title")}</h2>
      <p>{t("calendar.subscribe.body", { name: feed.name })}</p>
      <ul className="calendar-links">
        <li>
          <a href={feed.webcal} className="button button-secondary">
            {t("calendar.subscribe.webcal")}
          </a>
        </li>
        <li>
          <a href={feed.https} rel="nofollow">
            {t("calendar.subscribe.download")}
          </a>
        </li>
      </ul>
      <p className="hint">{t("calendar.subscribe.downloadHint")}</p>
    </section>
  );
}
