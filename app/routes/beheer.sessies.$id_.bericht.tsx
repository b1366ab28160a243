import { getCollectionProps, getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FieldErrors, FormProblem } from "~/components/field";
import { i18n } from "~/i18n";
import { requireSessionAccess } from "~/lib/auth.server";
import { redirectWithNotice, takeNotice } from "~/lib/flash.server";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import { clientOf } from "~/lib/rate-limits.server";
import { attendeeMessageSchema, MESSAGE_AUDIENCES } from "~/lib/session-form";
import { useSchemaForm } from "~/lib/use-form";
import { useI18n } from "~/lib/use-i18n";
import { messageAttendees } from "~/models/attendee.server";
import { getSessionById } from "~/models/session.server";

export const meta: MetaFunction = () => [
  { title: `${i18n().t("sessionForm.message.heading")} · ${i18n().t("admin.title")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId } = await requireSessionAccess(request, params.id);
  const session = await getSessionById(sessionId);
  if (!session) throw new Response("Not Found", { status: 404 });
  const { notice, headers } = await takeNotice(request);
  return json({ id: session.id, title: session.title, notice }, { headers });
}

interface ActionData {
  result: FormResult;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const submission = parseForm(await request.formData(), attendeeMessageSchema);
  if (submission.status !== "success") {
    return json<ActionData>({ result: submission.reply() }, { status: 400 });
  }
  const result = await messageAttendees(sessionId, submission.value, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  if (!result.ok) {
    if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
    const empty = formMessage("sessionForm.errors.body.required");
    return json<ActionData>({ result: submission.reply({ formErrors: empty }) }, { status: 400 });
  }
  return redirectWithNotice(request, `/beheer/sessies/${sessionId}/bericht`, {
    key: "sessionForm.message.sent",
    values: { count: result.queued },
  });
}

export default function MessageAttendees() {
  const session = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(attendeeMessageSchema, actionData?.result, {
    // A new, empty form once a message went out.
    id: session.notice ? `message-${JSON.stringify(session.notice)}` : "message",
    defaultValue: { audience: "confirmed" },
  });
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={`/beheer/sessies/${session.id}`}>{session.title}</Link>
      </p>
      <h1>{t("sessionForm.message.heading")}</h1>
      {session.notice ? (
        <p className="success" role="status">
          {t(session.notice.key, session.notice.values)}
        </p>
      ) : null}
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
