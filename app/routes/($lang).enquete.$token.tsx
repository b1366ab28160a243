import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { Field, FormProblem } from "~/components/field";
import { Choices, QuestionFields } from "~/components/question-fields";
import { type FormAnswer, formMessage, parseForm } from "~/lib/forms";
import { type AskedQuestion, askedIn, storedAnswers } from "~/lib/questions";
import { SURVEY_LIMITS, SURVEY_RATINGS, surveyFormSchema, USEFULNESS } from "~/lib/survey-form";
import {
  answerSurvey,
  openSurvey,
  type SurveySession,
  type SurveyState,
} from "~/models/survey.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useSchemaForm } from "~/web/use-form";
import { metaI18n, useI18n } from "~/web/use-i18n";

/*
 * The survey after a session (`/enquete/<token>`), opened from the thank-you mail without an
 * account: a rating, whether it was useful, the questions of its own the session adds, one open
 * question. It takes one answer and closes 14 days after the mail (410). The link is a key, so
 * the page is kept from caches and search engines; the answer itself is stored without the
 * person (app/models/survey.server.ts).
 */

export const handle = PERSONAL_DATA;

export const meta: MetaFunction = ({ matches }) => {
  const { t } = metaI18n(matches);
  return [
    { title: `${t("survey.title")} · ${t("site.name")}` },
    { name: "robots", content: "noindex" },
    { name: "referrer", content: "same-origin" },
  ];
};

type PageState = "open" | "thanks" | "answered" | "closed" | "erased";

type LoaderData = {
  state: PageState;
  session: SurveySession | null;
  closesAt: string | null;
  /** The session's own questions, while the survey is open. */
  questions: AskedQuestion[];
};

const page = (body: LoaderData & { result?: FormAnswer["result"] }, status = 200) =>
  Response.json(body, { status, headers: PRIVATE_HEADERS });

/**
 * The page for a survey as it stands: not open, or open with its form (with `result`: as posted,
 * with what was wrong, answered with `status`).
 */
function stateAnswer(
  found: SurveyState,
  request: Request,
  {
    answeredStatus = 200,
    result,
    status = 200,
  }: { answeredStatus?: number; result?: FormAnswer["result"]; status?: number } = {},
) {
  const closed = { closesAt: null, questions: [] };
  switch (found.state) {
    case "unknown":
      throw notFound(PRIVATE_HEADERS);
    case "erased":
      return page({ state: "erased", session: null, ...closed }, 410);
    case "closed":
      return page({ state: "closed", session: found.session, ...closed }, 410);
    case "answered":
      return page({ state: "answered", session: found.session, ...closed }, answeredStatus);
    case "open": {
      const locale = localeOf(request);
      const { session, closesAt } = found;
      const questions = found.questions.map((question) => askedIn(question, locale));
      return page({ state: "open", session, closesAt, questions, result }, status);
    }
  }
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  return stateAnswer(await openSurvey(params.token ?? ""), request);
}

export async function action({ params, request }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const token = params.token ?? "";
  const found = await openSurvey(token);
  if (found.state !== "open") return stateAnswer(found, request, { answeredStatus: 409 });
  const locale = localeOf(request);
  const questions = found.questions.map((question) => askedIn(question, locale));
  const submission = parseForm(await request.formData(), surveyFormSchema(questions));
  if (submission.status !== "success") {
    return stateAnswer(found, request, { result: submission.reply(), status: 400 });
  }
  const answered = await answerSurvey(token, submission.value, {
    asked: questions.map((question) => question.id),
    answers: storedAnswers(questions, submission.value),
  });
  if (answered.ok) {
    return page({ state: "thanks", session: answered.session, closesAt: null, questions: [] });
  }
  // The session's own questions changed since they were read: the form again, as it now is.
  const result =
    answered.reason === "changed"
      ? submission.reply({ formErrors: formMessage("survey.errors.changed") })
      : undefined;
  // Answered before (the first answer stays, this one is not stored), closed, or gone.
  return stateAnswer(await openSurvey(token), request, {
    answeredStatus: 409,
    result,
    status: 409,
  });
}

export default function SurveyPage() {
  const loaded = useLoaderData<LoaderData>();
  const posted = useActionData<LoaderData & { result?: FormAnswer["result"] }>();
  const { t, dateTimeRange } = useI18n();
  const shown = posted ?? loaded;
  const { session } = shown;
  return (
    <div className="wrap page narrow">
      <h1>{t("survey.title")}</h1>
      {session ? (
        <p className="lead">
          {t("survey.about", {
            title: session.title,
            when: dateTimeRange(session.starts_at, session.ends_at),
            city: session.city,
          })}
        </p>
      ) : null}
      {shown.state === "open" ? (
        <SurveyForm closesAt={shown.closesAt} questions={shown.questions} result={posted?.result} />
      ) : (
        <section className="panel" aria-live="polite">
          <h2>{t(`survey.${shown.state}.title`)}</h2>
          <p>{t(`survey.${shown.state}.body`)}</p>
        </section>
      )}
    </div>
  );
}

function SurveyForm({
  closesAt,
  questions,
  result,
}: {
  closesAt: string | null;
  questions: AskedQuestion[];
  result: FormAnswer["result"] | undefined;
}) {
  const { t, longDate } = useI18n();
  const navigation = useNavigation();
  const schema = useMemo(() => surveyFormSchema(questions), [questions]);
  const [form, fields] = useSchemaForm(schema, result, { id: "survey" });
  return (
    <Form method="post" className="panel" {...getFormProps(form)}>
      <FormProblem form={form} summary={t("survey.errors.form")} />
      <p>{t("survey.anonymous")}</p>
      {closesAt ? (
        <p className="hint">{t("survey.closesOn", { date: longDate(closesAt) })}</p>
      ) : null}
      <Choices
        meta={fields.rating}
        legend={t("survey.rating.legend")}
        help={t("survey.rating.help")}
        type="radio"
        required
        options={SURVEY_RATINGS.map((value) => ({
          value,
          label: t("survey.rating.option", { rating: Number(value) }),
        }))}
      />
      <Choices
        meta={fields.useful}
        legend={t("survey.useful.legend")}
        help={undefined}
        type="radio"
        required
        options={USEFULNESS.map((value) => ({ value, label: t(`survey.useful.${value}`) }))}
      />
      <QuestionFields questions={questions} fields={fields} />
      <Field
        meta={fields.comment}
        label={t("survey.comment.label")}
        hint={t("survey.comment.hint", { max: SURVEY_LIMITS.comment })}
        multiline
        rows={4}
      />
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting" ? t("survey.submitting") : t("survey.submit")}
      </button>
    </Form>
  );
}
