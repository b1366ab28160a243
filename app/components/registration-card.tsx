import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export interface CardSession {
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  venueAddress: string;
  cancelled: boolean;
}

/**
 * A registration as the manage and view pages show it: the session (linked to its page), when
 * and where, then what the page says about the person and their status.
 */
export function RegistrationCard({
  session,
  children,
}: {
  session: CardSession;
  children: ReactNode;
}) {
  const inLocale = useLocalePath();
  const { t, dateTimeRange } = useI18n();
  return (
    <section className="registration-card" aria-labelledby="session-title">
      <h2 id="session-title">
        <Link to={inLocale(`/sessies/${session.slug}`)}>{session.title}</Link>
      </h2>
      <p>
        <time dateTime={session.startsAt}>{dateTimeRange(session.startsAt, session.endsAt)}</time>
        <br />
        {session.venueName}, {session.venueAddress}
      </p>
      {children}
      {session.cancelled ? <p className="notice">{t("manage.sessionCancelled")}</p> : null}
    </section>
  );
}
