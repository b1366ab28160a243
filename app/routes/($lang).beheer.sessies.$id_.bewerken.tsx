import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SessionForm } from "~/components/session-form";
import { formMessage } from "~/lib/forms";
import { getSessionById, sessionFormOptions } from "~/models/session.server";
import { sessionFormValues, updateSession } from "~/models/session-editing.server";
import { adminMeta } from "~/web/admin-meta";
import { requireSessionAccess } from "~/web/auth.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import {
  MISSING_REFERENCE,
  readSessionForm,
  refuse,
  type SessionFormAnswer,
  toSessionPage,
} from "~/web/session-admin.server";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "sessionForm.heading.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const [values, session, options] = await Promise.all([
    sessionFormValues(sessionId),
    getSessionById(sessionId),
    sessionFormOptions(organiser.scope),
  ]);
  if (!values || !session) throw notFound();
  return {
    ...options,
    values,
    sessionId,
    title: session.title,
    cancelled: session.status === "cancelled",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const form = await readSessionForm(request, organiser);
  if (form.refused) return form.refused;
  const result = await updateSession(sessionId, form.data, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
    confirmMoveToWaitlist: form.data.confirmMoveToWaitlist,
  });
  if (result.ok) {
    const { reinvited, promoted, movedToWaitlist } = result;
    return toSessionPage(request, sessionId, {
      key: "sessionForm.result.saved",
      values: { reinvited, promoted, movedToWaitlist },
    });
  }
  const reply = form.submission.reply;
  switch (result.reason) {
    case "notFound":
      throw notFound();
    case "unknownCity":
    case "unknownPartner": {
      const { field, message } = MISSING_REFERENCE[result.reason];
      return refuse(reply({ fieldErrors: { [field]: [message] } }), 400);
    }
    case "capacityBelowConfirmed":
      return refuse(reply(), 409, {
        capacityConflict: { confirmed: result.confirmedCount, capacity: form.data.capacity },
      });
    case "cancelled":
      return refuse(reply({ formErrors: formMessage("sessionForm.unavailable.cancelled") }), 409);
  }
}

export default function EditSession() {
  const inLocale = useLocalePath();
  const { cities, partners, values, sessionId, title, cancelled } = useLoaderData<typeof loader>();
  const actionData = useActionData<SessionFormAnswer>();
  const { t } = useI18n();
  return (
    <div className="wrap page">
      <p className="breadcrumb">
        <Link to={inLocale(`/beheer/sessies/${sessionId}`)}>{title}</Link>
      </p>
      <h1>{t("sessionForm.heading.edit")}</h1>
      {cancelled ? (
        <p className="notice">{t("sessionForm.unavailable.cancelled")}</p>
      ) : (
        <SessionForm
          mode="edit"
          values={values}
          lastResult={actionData?.result}
          capacityConflict={actionData?.capacityConflict}
          cities={cities}
          partners={partners}
          questionsHref={inLocale(`/beheer/sessies/${sessionId}/vragen`)}
        />
      )}
    </div>
  );
}
