import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SessionForm } from "~/components/session-form";
import { i18n } from "~/i18n";
import { requireSessionAccess } from "~/lib/auth.server";
import { clientOf } from "~/lib/rate-limits.server";
import { readSessionForm, toSessionPage } from "~/lib/session-admin.server";
import type { SessionFormErrors, SessionFormValues } from "~/lib/session-form";
import { useI18n } from "~/lib/use-i18n";
import { getSessionById, sessionFormOptions } from "~/models/session.server";
import { sessionFormValues, updateSession } from "~/models/session-editing.server";

export const meta: MetaFunction = () => [
  { title: `${i18n().t("sessionForm.heading.edit")} · ${i18n().t("admin.title")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const [values, session, options] = await Promise.all([
    sessionFormValues(sessionId),
    getSessionById(sessionId),
    sessionFormOptions(organiser.scope),
  ]);
  if (!values || !session) throw new Response("Not Found", { status: 404 });
  return {
    ...options,
    values,
    sessionId,
    title: session.title,
    cancelled: session.status === "cancelled",
  };
}

interface ActionData {
  values: SessionFormValues;
  errors?: SessionFormErrors;
  capacityConflict?: { confirmed: number; capacity: number };
  unavailable?: boolean;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const form = await readSessionForm(request, organiser);
  if (!form.data)
    return Response.json({ values: form.values, errors: form.errors } satisfies ActionData, {
      status: 400,
    });
  const result = await updateSession(sessionId, form.data, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
    confirmMoveToWaitlist: form.data.confirmMoveToWaitlist,
  });
  if (result.ok) {
    const notice = [
      `bewaard`,
      `uitgenodigd:${result.reinvited}`,
      `plaats:${result.promoted}`,
      `wachtlijst:${result.movedToWaitlist}`,
    ];
    return toSessionPage(sessionId, notice.join(","));
  }
  switch (result.reason) {
    case "notFound":
      throw new Response("Not Found", { status: 404 });
    case "invalid":
      return Response.json({ values: form.values, errors: result.errors } satisfies ActionData, {
        status: 400,
      });
    case "capacityBelowConfirmed":
      return Response.json(
        {
          values: form.values,
          capacityConflict: { confirmed: result.confirmedCount, capacity: form.data.capacity },
        } satisfies ActionData,
        { status: 409 },
      );
    case "cancelled":
      return Response.json({ values: form.values, unavailable: true } satisfies ActionData, {
        status: 409,
      });
  }
}

export default function EditSession() {
  const { cities, partners, values, sessionId, title, cancelled } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useI18n();
  return (
    <div className="wrap page">
      <p className="breadcrumb">
        <Link to={`/beheer/sessies/${sessionId}`}>{title}</Link>
      </p>
      <h1>{t("sessionForm.heading.edit")}</h1>
      {cancelled || actionData?.unavailable ? (
        <p className="notice">{t("sessionForm.unavailable.cancelled")}</p>
      ) : (
        <SessionForm
          key={JSON.stringify(actionData ?? {})}
          mode="edit"
          values={actionData?.values ?? values}
          errors={actionData?.errors}
          capacityConflict={actionData?.capacityConflict}
          cities={cities}
          partners={partners}
        />
      )}
    </div>
  );
}
