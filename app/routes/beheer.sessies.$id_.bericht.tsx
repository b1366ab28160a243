import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PlainField as Field } from "~/components/plain-field";
import { i18n, type MessageKey } from "~/i18n";
import { requireSessionAccess } from "~/lib/auth.server";
import { clientOf } from "~/lib/rate-limits.server";
import { MESSAGE_AUDIENCES, parseAttendeeMessageForm, SESSION_LIMITS } from "~/lib/session-form";
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
  return { id: session.id, title: session.title };
}

interface ActionData {
  errors?: Partial<Record<"audience" | "subject" | "body", MessageKey>>;
  values?: { audience: string; subject: string; body: string };
  queued?: number;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const form = await request.formData();
  const values = {
    audience: String(form.get("audience") ?? ""),
    subject: String(form.get("subject") ?? ""),
    body: String(form.get("body") ?? ""),
  };
  const parsed = parseAttendeeMessageForm(form);
  if (!parsed.ok)
    return Response.json({ errors: parsed.errors, values } satisfies ActionData, { status: 400 });
  const result = await messageAttendees(sessionId, parsed.data, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  if (!result.ok)
    return Response.json(
      { errors: { body: "sessionForm.errors.body.required" }, values } satisfies ActionData,
      { status: 400 },
    );
  return Response.json({ queued: result.queued } satisfies ActionData);
}

export default function MessageAttendees() {
  const session = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useI18n();
  const errors = actionData?.errors ?? {};
  const limit = (key: MessageKey | undefined, max: number) => (key ? t(key, { max }) : undefined);
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={`/beheer/sessies/${session.id}`}>{session.title}</Link>
      </p>
      <h1>{t("sessionForm.message.heading")}</h1>
      {actionData?.queued !== undefined ? (
        <p className="success" role="status">
          {t("sessionForm.message.sent", { count: actionData.queued })}
        </p>
      ) : null}
      <Form
        method="post"
        className="panel"
        noValidate
        key={actionData?.queued !== undefined ? "sent" : "form"}
      >
        <fieldset className="fieldset">
          <legend>{t("sessionForm.message.audience")}</legend>
          {MESSAGE_AUDIENCES.map((audience) => (
            <label key={audience} className="checkbox">
              <input
                type="radio"
                name="audience"
                value={audience}
                defaultChecked={(actionData?.values?.audience ?? "confirmed") === audience}
              />
              {t(`sessionForm.message.audience.${audience}`)}
            </label>
          ))}
          {errors.audience ? <p className="error">{t(errors.audience)}</p> : null}
        </fieldset>
        <Field
          name="subject"
          label={t("sessionForm.message.subject")}
          required
          maxLength={SESSION_LIMITS.messageSubject}
          defaultValue={actionData?.queued === undefined ? actionData?.values?.subject : ""}
          error={limit(errors.subject, SESSION_LIMITS.messageSubject)}
        />
        <Field
          name="body"
          multiline
          label={t("sessionForm.message.body")}
          hint={t("sessionForm.message.bodyHint")}
          maxLength={SESSION_LIMITS.messageBody}
          defaultValue={actionData?.queued === undefined ? actionData?.values?.body : ""}
          error={limit(errors.body, SESSION_LIMITS.messageBody)}
        />
        <button type="submit" className="button">
          {t("sessionForm.message.submit")}
        </button>
      </Form>
    </div>
  );
}
