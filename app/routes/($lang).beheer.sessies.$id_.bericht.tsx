import { getCollectionProps, getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldErrors, FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import { SelectField } from "~/components/select-field";
import { i18n } from "~/i18n";
import { type FormAnswer, formMessage } from "~/lib/forms";
import { answerText, filterValues, inLanguage } from "~/lib/questions";
import { attendeeMessageSchema, MESSAGE_AUDIENCES } from "~/lib/session-form";
import { messageAttendees } from "~/models/attendee.server";
import { listQuestions } from "~/models/question.server";
import { adminMeta } from "~/web/admin-meta";
import { requireSessionAccess } from "~/web/auth.server";
import { redirectWithNotice, takeNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { readForm, refuse, requireManagedSession } from "~/web/session-admin.server";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) =>
  adminMeta(matches, "sessionForm.message.heading");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireManagedSession(request, params.id);
  const { notice, headers } = await takeNotice(request);
  const locale = localeOf(request);
  // "Only those who answered …": each answer one can pick people by, as "question: answer".
  const filters = (await listQuestions(session.id)).flatMap((question) =>
    filterValues(question).map((value) => ({
      value: `${question.id}:${value}`,
      label: i18n(locale).t("questions.filter.option", {
        question: inLanguage(question.label, locale),
        answer: answerText(question, value, locale),
      }),
    })),
  );
  return data({ id: session.id, title: session.title, filters, notice }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const form = await readForm(request, attendeeMessageSchema);
  if (form.refused) return form.refused;
  const { submission } = form;
  const result = await messageAttendees(sessionId, submission.value, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  if (!result.ok) {
    if (result.reason === "notFound") throw notFound();
    if (result.reason === "unknownAnswer") {
      const unknown = formMessage("questions.filter.unknown");
      return refuse(submission.reply({ fieldErrors: { answer: unknown } }), 400);
    }
    const empty = formMessage("sessionForm.errors.body.required");
    return refuse(submission.reply({ formErrors: empty }), 400);
  }
  return redirectWithNotice(request, `/beheer/sessies/${sessionId}/bericht`, {
    key: "sessionForm.message.sent",
    values: { count: result.queued },
  });
}

export default function MessageAttendees() {
  const session = useLoaderData<typeof loader>();
  const actionData = useActionData<FormAnswer>();
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(attendeeMessageSchema, actionData?.result, {
    // A new, empty form once a message went out.
    id: session.notice ? `message-${JSON.stringify(session.notice)}` : "message",
    defaultValue: { audience: "confirmed" },
  });
  const inLocale = useLocalePath();
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={inLocale(`/beheer/sessies/${session.id}`)}>{session.title}</Link>
      </p>
      <h1>{t("sessionForm.message.heading")}</h1>
      <FlashNotice notice={session.notice} />
      <Form method="post" className="panel" {...getFormProps(form)}>
        <FormProblem form={form} summary={t("sessionForm.message.errors.form")} />
        <fieldset
          className="fieldset"
          aria-invalid={fields.audience.errors ? true : undefined}
          aria-describedby={fields.audience.errors ? fields.audience.errorId : undefined}
        >
          <legend>{t("sessionForm.message.audience")}</legend>
          {getCollectionProps(fields.audience, {
            type: "radio",
            options: [...MESSAGE_AUDIENCES],
          }).map(({ key, ...radio }) => (
            <label key={key} className="checkbox">
              <input {...radio} />
              {t(
                `sessionForm.message.audience.${radio.value as (typeof MESSAGE_AUDIENCES)[number]}`,
              )}
            </label>
          ))}
          <FieldErrors meta={fields.audience} />
        </fieldset>
        {session.filters.length ? (
          <SelectField
            meta={fields.answer}
            label={t("questions.filter.label")}
            hint={t("questions.filter.hint")}
            options={[{ value: "", label: t("questions.filter.everyone") }, ...session.filters]}
          />
        ) : null}
        <Field meta={fields.subject} label={t("sessionForm.message.subject")} />
        <Field
          meta={fields.body}
          multiline
          label={t("sessionForm.message.body")}
          hint={t("sessionForm.message.bodyHint")}
        />
        <button type="submit" className="button">
          {t("sessionForm.message.submit")}
        </button>
      </Form>
    </div>
  );
}
