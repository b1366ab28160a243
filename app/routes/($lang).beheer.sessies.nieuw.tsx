import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SessionForm } from "~/components/session-form";
import { formMessage } from "~/lib/forms";
import { parseRowId, type SessionFormValues } from "~/lib/session-form";
import { questionSources } from "~/models/question.server";
import { isSessionInScope } from "~/models/scope.server";
import { sessionFormOptions } from "~/models/session.server";
import { createSession, duplicateValues } from "~/models/session-editing.server";
import { adminMeta } from "~/web/admin-meta";
import { requireOrganiser } from "~/web/auth.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import {
  MISSING_REFERENCE,
  readSessionForm,
  refuse,
  type SessionFormAnswer,
  toSessionPage,
} from "~/web/session-admin.server";
import { useI18n } from "~/web/use-i18n";

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "sessionForm.heading.create");

const EMPTY: SessionFormValues = {
  title: "",
  summary: "",
  description: "",
  kind: "info",
  cityId: "",
  venueName: "",
  venueAddress: "",
  date: "",
  startTime: "",
  endTime: "",
  capacity: "40",
  registrationOpensAt: "",
  registrationClosesAt: "",
  language: "nl",
  partnerIds: [],
  // Both reminders are on unless the organiser turns them off.
  remindDayBefore: "on",
  remindTwoHours: "on",
  // After the end: a thank-you with the survey and a "we missed you", two hours later.
  sendThankYou: "on",
  sendMissedYou: "on",
  followUpHours: "2",
  // Open to anyone, listed everywhere, unless the organiser says otherwise.
  requiresApproval: "",
  unlisted: "",
  emailDomains: "",
  groupSize: "1",
};

/** A new session, or with ?kopie=ID a copy of one (a monthly breakfast is copied, not retyped). */
export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const [options, sources] = await Promise.all([
    sessionFormOptions(organiser.scope),
    questionSources(organiser.scope),
  ]);
  const copyOf = parseRowId(new URL(request.url).searchParams.get("kopie"));
  if (copyOf && (await isSessionInScope(organiser.scope, copyOf))) {
    const values = await duplicateValues(copyOf);
    // A copy asks what the session it copies asks.
    const copyQuestionsFrom = sources.some((source) => source.id === copyOf) ? String(copyOf) : "";
    if (values)
      return { ...options, sources, values: { ...values, copyQuestionsFrom }, copy: true };
  }
  const values =
    options.cities.length === 1 ? { ...EMPTY, cityId: String(options.cities[0]?.id) } : EMPTY;
  return { ...options, sources, values, copy: false };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const organiser = await requireOrganiser(request);
  const form = await readSessionForm(request, organiser);
  if (form.refused) return form.refused;
  const { copyQuestionsFrom } = form.data;
  if (copyQuestionsFrom !== null && !(await isSessionInScope(organiser.scope, copyQuestionsFrom))) {
    const unknown = formMessage("questionForm.errors.copyFrom.required");
    return refuse(form.submission.reply({ fieldErrors: { copyQuestionsFrom: unknown } }), 400);
  }
  const result = await createSession(form.data, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
    copyQuestionsFrom,
  });
  if (!result.ok) {
    const { field, message } = MISSING_REFERENCE[result.reason];
    return refuse(form.submission.reply({ fieldErrors: { [field]: [message] } }), 400);
  }
  return toSessionPage(request, result.session.id, { key: "sessionForm.result.created" });
}

export default function NewSession() {
  const { cities, partners, sources, values, copy } = useLoaderData<typeof loader>();
  const actionData = useActionData<SessionFormAnswer>();
  const { t } = useI18n();
  return (
    <div className="wrap page">
      <h1>{t(copy ? "sessionForm.heading.duplicate" : "sessionForm.heading.create")}</h1>
      {copy ? <p className="notice">{t("sessionForm.duplicateNotice")}</p> : null}
      <SessionForm
        mode="create"
        values={values}
        lastResult={actionData?.result}
        cities={cities}
        partners={partners}
        questionSources={sources}
      />
    </div>
  );
}
