import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormProblem } from "~/components/field";
import { i18n } from "~/i18n";
import { requireSessionAccess } from "~/lib/auth.server";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import { clientOf } from "~/lib/rate-limits.server";
import { toSessionPage } from "~/lib/session-admin.server";
import { cancelSessionSchema } from "~/lib/session-form";
import { useSchemaForm } from "~/lib/use-form";
import { useI18n } from "~/lib/use-i18n";
import { getSessionById } from "~/models/session.server";
import { cancelSession } from "~/models/session-editing.server";

export const meta: MetaFunction = () => [
  { title: `${i18n().t("sessionForm.cancel.heading")} · ${i18n().t("admin.title")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId } = await requireSessionAccess(request, params.id);
  const session = await getSessionById(sessionId);
  if (!session) throw new Response("Not Found", { status: 404 });
  return {
    id: session.id,
    title: session.title,
    cancelled: session.status === "cancelled",
    confirmed: session.confirmedCount,
    waiting: session.waitlistCount,
  };
}

interface ActionData {
  result: FormResult;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const submission = parseForm(await request.formData(), cancelSessionSchema);
  if (submission.status !== "success") {
    return json<ActionData>({ result: submission.reply() }, { status: 400 });
  }
  const result = await cancelSession(sessionId, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
    message: submission.value.message,
  });
  if (result.ok) {
    return toSessionPage(request, sessionId, {
      key: "sessionForm.cancel.done",
      values: { notified: result.confirmed + result.waitlisted },
    });
  }
  if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
  return json<ActionData>(
    {
      result: submission.reply({
        formErrors: formMessage(`sessionForm.cancel.refused.${result.reason}`),
      }),
    },
    { status: 409 },
  );
}

export default function CancelSession() {
  const session = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(cancelSessionSchema, actionData?.result, {
    id: "cancel-session",
  });
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={`/beheer/sessies/${session.id}`}>{session.title}</Link>
      </p>
      <h1>{t("sessionForm.cancel.heading")}</h1>
      {session.cancelled ? (
        <>
          <FormProblem form={form} summary={t("sessionForm.cancel.errors.form")} />
          <p className="notice">{t("attendees.cancelled")}</p>
        </>
      ) : (
        <Form method="post" className="panel confirm" {...getFormProps(form)}>
          <FormProblem form={form} summary={t("sessionForm.cancel.errors.form")} />
          <p>{t("sessionForm.cancel.intro")}</p>
          <Field
            meta={fields.message}
            multiline
            label={t("sessionForm.cancel.message")}
            hint={t("sessionForm.cancel.messageHint")}
          />
          <button type="submit" className="button button-danger">
            {t("sessionForm.cancel.submit")}
          </button>{" "}
          <Link to={`/beheer/sessies/${session.id}`} className="button button-secondary">
            {t("sessionForm.cancel.keep")}
          </Link>
        </Form>
      )}
    </div>
  );
}
