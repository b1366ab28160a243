import { Link } from "@remix-run/react";
import type { SessionCardView } from "~/web/session-view.server";
import { useI18n, useLocalePath } from "~/web/use-i18n";
import { AvailabilityBadge } from "./availability-badge";

export function SessionCard({
  session,
  headingLevel = 2,
  linkTarget,
  note,
}: {
  session: SessionCardView;
  headingLevel?: 2 | 3;
  /** `_top` in an embed: the session opens on this site in the partner's whole window. */
  linkTarget?: "_top";
  /** One more line about the session (the embed says that it asks questions at sign-up). */
  note?: string;
}) {
  const inLocale = useLocalePath();
  const { t, shortDate, timeRange, list, locale } = useI18n();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={`card card-${session.kind}`}>
      <p className="card-kind">{t(`kind.${session.kind}`)}</p>
      <Heading className="card-title">
        <Link to={inLocale(`/sessies/${session.slug}`)} target={linkTarget}>
          {session.title}
        </Link>
      </Heading>
      <p className="card-when">
        <time dateTime={session.startsAt}>
          {shortDate(session.startsAt)} · {timeRange(session.startsAt, session.endsAt)}
        </time>
      </p>
      <p className="card-where">
        {session.venueName}, {session.city.name}
      </p>
      <p className="card-summary">{session.summary}</p>
      {locale.startsWith(session.language) ? null : (
        <p className="card-language">{t("card.givenIn", { language: session.language })}</p>
      )}
      {session.partners.length ? (
        <p className="card-partners">
          {t("card.withPartners", { partners: list(session.partners) })}
        </p>
      ) : null}
      {note ? <p className="card-note">{note}</p> : null}
      <AvailabilityBadge
        availability={session.availability}
        requiresApproval={session.requiresApproval}
      />
    </article>
  );
}
