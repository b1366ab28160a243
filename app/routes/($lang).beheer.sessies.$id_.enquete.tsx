import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { TableFrame } from "~/components/card-table";
import { DownloadLinks } from "~/components/download-links";
import { questionsPath } from "~/lib/question-form";
import { answerText, inLanguage, isText } from "~/lib/questions";
import { SURVEY_MIN_ANSWERS, USEFULNESS } from "~/lib/survey-form";
import { type OwnQuestionResult, surveyResults } from "~/models/survey.server";
import { adminMeta } from "~/web/admin-meta";
import { requireManagedSession } from "~/web/session-admin.server";
import { useI18n, useLocalePath } from "~/web/use-i18n";

/**
 * The survey's results of one session, for its organisers: how many answered of those asked,
 * the ratings and the usefulness as tables (each with a bar drawn beside its figure), then each
 * of the session's own questions (choices and scores as such tables, a score's average too, the
 * answers to a text question as a list sorted by their text), and the open answers. Nothing names
 * anyone; below three answers the page gives the count alone.
 */

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "survey.results.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireManagedSession(request, params.id);
  return {
    session: {
      id: session.id,
      title: session.title,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
    },
    results: await surveyResults(session.id),
  };
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** A bar as wide as its share: drawn for the eye, the figure beside it is the table's. */
function Bar({ share }: { share: number }) {
  return (
    <svg
      className="survey-bar"
      viewBox="0 0 100 1"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect width={share} height="1" />
    </svg>
  );
}

/** Answers per value: the count and the share, with the share's bar beside it. */
function ShareTable({
  caption,
  heading,
  total,
  rows,
}: {
  caption: string;
  heading: string;
  total: number;
  rows: { key: string; label: string; count: number }[];
}) {
  const { t } = useI18n();
  const captionId = useId();
  // A distribution is read as a table: it fits a phone, and scrolls in its frame where not.
  return (
    <TableFrame labelledBy={captionId}>
      <table className="table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">{t("survey.results.column.count")}</th>
            <th scope="col">{t("survey.results.column.share")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const share = percent(row.count, total);
            return (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.count}</td>
                <td className="survey-share">
                  <Bar share={share} /> {share} %
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableFrame>
  );
}

/** Answers typed by people, as a list: sorted by their text, so their order tells nothing. */
function TextAnswers({ texts }: { texts: string[] }) {
  return (
    <ul className="survey-comments">
      {texts.map((text, index) => (
        // Texts may repeat; their place in this sorted list is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: a sorted, fixed list
        <li key={index}>{text}</li>
      ))}
    </ul>
  );
}

/** One of the session's own questions: how many answered it, and what they answered. */
function OwnQuestion({ result, answers }: { result: OwnQuestionResult; answers: number }) {
  const { t, locale } = useI18n();
  const { question } = result;
  const label = inLanguage(question.label, locale);
  const titleId = `question-${question.id}-title`;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{label}</h2>
      <p>{t("survey.results.questionAnswered", { answered: result.answered, answers })}</p>
      {result.average === null ? null : (
        <p>{t("survey.results.average", { average: result.average.toFixed(1) })}</p>
      )}
      {question.type === "severalChoices" && result.answered ? (
        <p className="hint">{t("survey.results.severalHint")}</p>
      ) : null}
      {result.counts.length && result.answered ? (
        <ShareTable
          caption={t("survey.results.questionCaption", { label })}
          heading={t(
            question.type === "scale"
              ? "survey.results.column.rating"
              : "survey.results.column.answer",
          )}
          total={result.answered}
          rows={result.counts.map(({ value, count }) => ({
            key: value,
            label: answerText(question, value, locale),
            count,
          }))}
        />
      ) : null}
      {isText(question.type) && result.texts.length ? <TextAnswers texts={result.texts} /> : null}
    </section>
  );
}

export default function SurveyResults() {
  const { session, results } = useLoaderData<typeof loader>();
  const { t, dateTimeRange } = useI18n();
  const inLocale = useLocalePath();
  const exportUrl = (format: string) =>
    inLocale(`/beheer/sessies/${session.id}/enquete.csv?formaat=${format}`);
  return (
    <div className="wrap page">
      <p className="breadcrumb">
        <Link to={inLocale(`/beheer/sessies/${session.id}`)}>{t("survey.results.back")}</Link>
      </p>
      <h1>{t("survey.results.title")}</h1>
      <p className="lead">
        {session.title} ·{" "}
        <time dateTime={session.startsAt}>{dateTimeRange(session.startsAt, session.endsAt)}</time>
      </p>
      <p>
        {t("survey.results.answers", { answers: results.answers, sent: results.sent })}
        {results.sent > 0
          ? ` ${t("survey.results.rate", { rate: percent(results.answers, results.sent) })}`
          : null}
      </p>
      <p>
        <Link to={inLocale(questionsPath(session.id, "survey"))}>{t("surveyQuestions.title")}</Link>
      </p>
      {!results.shown ? (
        <p className="notice">{t("survey.results.tooFew", { min: SURVEY_MIN_ANSWERS })}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="rating-title">
            <h2 id="rating-title">{t("survey.results.rating")}</h2>
            <p>{t("survey.results.average", { average: results.average.toFixed(1) })}</p>
            <ShareTable
              caption={t("survey.results.ratingCaption")}
              heading={t("survey.results.column.rating")}
              total={results.answers}
              rows={results.ratings.map((count, index) => ({
                key: String(index + 1),
                label: t("survey.rating.option", { rating: index + 1 }),
                count,
              }))}
            />
          </section>
          <section className="panel" aria-labelledby="useful-title">
            <h2 id="useful-title">{t("survey.useful.legend")}</h2>
            <ShareTable
              caption={t("survey.results.usefulCaption")}
              heading={t("survey.results.column.useful")}
              total={results.answers}
              rows={USEFULNESS.map((value) => ({
                key: value,
                label: t(`survey.useful.${value}`),
                count: results.useful[value],
              }))}
            />
          </section>
          {results.own.map((result) => (
            <OwnQuestion key={result.question.id} result={result} answers={results.answers} />
          ))}
          <section className="panel" aria-labelledby="comments-title">
            <h2 id="comments-title">{t("survey.comment.label")}</h2>
            {results.comments.length ? (
              <TextAnswers texts={results.comments} />
            ) : (
              <p className="muted">{t("survey.results.noComments")}</p>
            )}
          </section>
          <section className="panel" aria-labelledby="survey-export-title">
            <h2 id="survey-export-title">{t("survey.results.export")}</h2>
            <p className="hint">{t("survey.results.exportHint")}</p>
            <DownloadLinks href={exportUrl} />
          </section>
        </>
      )}
    </div>
  );
}
