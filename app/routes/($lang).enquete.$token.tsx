import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormProblem } from "~/components/field";
import { Choices } from "~/components/question-fields";
import { type FormAnswer, parseForm } from "~/lib/forms";
import { SURVEY_LIMITS, SURVEY_RATINGS, surveySchema, USEFULNESS } from "~/lib/survey-form";
import {
  answerSurvey,
  openSurvey,
  type SurveySession,
  type SurveyState,
} from "~/models/survey.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useSchemaForm } from "~/web/use-form";
import { metaI18n, useI18n } from "~/web/use-i18n";

/*
 * The survey after a session (`/enquete/<token>`), opened from the thank-you mail without an
 * account: a rating, whether it was useful, one open question. It takes one answer and closes
 * 14 days after the mail (410). The link is a key, so the page is kept from caches and search
 * engines; the answer itself is stored without the person (app/models/survey.server.ts).
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

type LoaderData = { state: PageState; session: SurveySession | null; closesAt: string | null };

const page = (body: LoaderData & { result?: FormAnswer["result"] }, status = 200) =>
  Response.json(body, { status, headers: PRIVATE_HEADERS });

/** The page for a survey that is not open, or open and untouched. */
function stateAnswer(found: SurveyState, { answeredStatus = 200 } = {}) {
  switch (found.state) {
    case "unknown":
      throw notFound(PRIVATE_HEADERS);
    case "erased":
      return page({ state: "erased", session: null, closesAt: null }, 410);
    case "closed":
      return page({ state: "closed", session: found.session, closesAt: null }, 410);
    case "answered":
      return page({ state: "answered", session: found.session, closesAt: null }, answeredStatus);
    case "open":
      return page({ state: "open", session: found.session, closesAt: found.closesAt });
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  return stateAnswer(await openSurvey(params.token ?? ""));
}

export async function action({ params, request }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const token = params.token ?? "";
  const submission = parseForm(await request.formData(), surveySchema);
  if (submission.status !== "success") {
    const found = await openSurvey(token);
    if (found.state !== "open") return stateAnswer(found, { answeredStatus: 409 });
    const { session, closesAt } = found;
    return page({ state: "open", session, closesAt, result: submission.reply() }, 400);
  }
  const answered = await answerSurvey(token, submission.value);
  if (answered.ok) return page({ state: "thanks", session: answered.session, closesAt: null });
  // Answered before (the first answer stays, this one is not stored), closed, or gone.
  return stateAnswer(await openSurvey(token), { answeredStatus: 409 });
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
        <SurveyForm closesAt={shown.closesAt} result={posted?.result} />
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
  result,
}: {
  closesAt: string | null;
  result: FormAnswer["result"] | undefined;
}) {
  const { t, longDate } = useI18n();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(surveySchema, result, { id: "survey" });
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
