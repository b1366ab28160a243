import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SessionCard } from "~/components/session-card";
import { i18n } from "~/i18n";
import { localePath } from "~/lib/locale-path";
import { nowInstant } from "~/lib/time";
import { questionsOfSessions } from "~/models/question.server";
import { listSessionPage } from "~/models/session-api.server";
import { embedFilter, embedQuery } from "~/web/embed-filter.server";
import { localeOf } from "~/web/locale.server";
import { EMBEDDABLE } from "~/web/route-handle";
import { sessionCardView } from "~/web/session-view.server";
import { useI18n } from "~/web/use-i18n";

/**
 * The list of sessions made to sit in an iframe on a partner's site (the snippet comes from
 * /voor-partners): light, no scripts, and every link opens this site in the whole window.
 */
export const handle = EMBEDDABLE;

export const meta: MetaFunction = () => {
  const { t } = i18n();
  return [
    { title: `${t("home.title")} · ${t("site.name")}` },
    { name: "robots", content: "noindex" },
  ];
};

/** Enough for any partner's page; the link at the bottom leads to the rest. */
const EMBED_SIZE = 30;

export async function loader({ request }: LoaderFunctionArgs) {
  const filter = await embedFilter(new URL(request.url).searchParams);
  const now = nowInstant();
  const { sessions } = await listSessionPage({
    city: filter.city?.slug,
    kind: filter.kind ?? undefined,
    partner: filter.partner?.slug,
    from: now,
    limit: EMBED_SIZE,
  });
  const questions = await questionsOfSessions(sessions.map((session) => session.id));
  return {
    city: filter.city?.name ?? null,
    sessions: sessions.map((session) => ({
      ...sessionCardView(session, now),
      questionCount: questions.get(session.id)?.length ?? 0,
    })),
    // The rest on this site, in the embed's language: the home page knows no partner filter.
    moreHref: localePath(
      localeOf(request),
      `/${embedQuery({ ...filter, partner: null, language: null })}`,
    ),
  };
}

export default function Embed() {
  const { city, sessions, moreHref } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="embed-list">
      <h1>{city ? t("embed.titleCity", { city }) : t("home.title")}</h1>
      {sessions.length ? (
        <div className="cards">
          {sessions.map((session) => (
            <SessionCard
              key={session.slug}
              session={session}
              linkTarget="_top"
              note={
                session.questionCount
                  ? t("embed.asksQuestions", { count: session.questionCount })
                  : undefined
              }
            />
          ))}
        </div>
      ) : (
        <p className="empty">{t("home.empty")}</p>
      )}
      <p className="embed-more">
        <a href={moreHref} target="_top">
          {t("embed.more")}
        </a>
      </p>
    </div>
  );
}
