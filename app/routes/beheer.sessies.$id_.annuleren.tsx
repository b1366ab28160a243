import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PlainField as Field } from "~/components/plain-field";
import { i18n, type MessageKey } from "~/i18n";
import { requireSessionAccess } from "~/lib/auth.server";
import { clientOf } from "~/lib/rate-limits.server";
import { parseCancelSessionForm, SESSION_LIMITS } from "~/lib/session-form";
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
  error?: MessageKey;
  notified?: number;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const parsed = parseCancelSessionForm(await request.formData());
  if (!parsed.ok)
    return Response.json({ error: parsed.errors.message } satisfies ActionData, { status: 400 });
  const result = await cancelSession(sessionId, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
    message: parsed.data.message,
  });
  if (!result.ok) {
    if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
    return Response.json({ error: "sessionForm.unavailable.cancelled" } satisfies ActionData, {
      status: 409,
    });
  }
  return Response.json({ notified: result.confirmed + result.waitlisted } satisfies ActionData);
}

export default function CancelSession() {
  const session = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useI18n();
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={`/beheer/sessies/${session.id}`}>{session.title}</Link>
      </p>
      <h1>{t("sessionForm.cancel.heading")}</h1>
      {actionData?.notified !== undefined ? (
        <p className="success" role="status">
          {t("sessionForm.cancel.done", { notified: actionData.notified })}
        </p>
      ) : session.cancelled ? (
        <p className="notice">{t("attendees.cancelled")}</p>
      ) : (
        <Form method="post" className="panel confirm">
          <p>{t("sessionForm.cancel.intro")}</p>
          <Field
            name="message"
            multiline
            label={t("sessionForm.cancel.message")}
            hint={t("sessionForm.cancel.messageHint")}
            maxLength={SESSION_LIMITS.cancelNote}
            error={
              actionData?.error
                ? t(actionData.error, { max: SESSION_LIMITS.cancelNote })
                : undefined
            }
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
