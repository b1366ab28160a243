import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormProblem } from "~/components/field";
import { type FormAnswer, formMessage } from "~/lib/forms";
import { cancelSessionSchema } from "~/lib/session-form";
import { cancelSession } from "~/models/session-editing.server";
import { adminMeta } from "~/web/admin-meta";
import { requireSessionAccess } from "~/web/auth.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { readForm, refuse, requireManagedSession, toSessionPage } from "~/web/session-admin.server";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "sessionForm.cancel.heading");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireManagedSession(request, params.id);
  return {
    id: session.id,
    title: session.title,
    cancelled: session.status === "cancelled",
    confirmed: session.confirmedCount,
    waiting: session.waitlistCount,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const form = await readForm(request, cancelSessionSchema);
  if (form.refused) return form.refused;
  const { submission } = form;
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
  if (result.reason === "notFound") throw notFound();
  return refuse(
    submission.reply({ formErrors: formMessage(`sessionForm.cancel.refused.${result.reason}`) }),
    409,
  );
}

export default function CancelSession() {
  const inLocale = useLocalePath();
  const session = useLoaderData<typeof loader>();
  const actionData = useActionData<FormAnswer>();
  const { t } = useI18n();
  const [form, fields] = useSchemaForm(cancelSessionSchema, actionData?.result, {
    id: "cancel-session",
  });
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={inLocale(`/beheer/sessies/${session.id}`)}>{session.title}</Link>
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
          <Link to={inLocale(`/beheer/sessies/${session.id}`)} className="button button-secondary">
            {t("sessionForm.cancel.keep")}
          </Link>
        </Form>
      )}
    </div>
  );
}
