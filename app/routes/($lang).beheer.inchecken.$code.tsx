import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import type { FormAnswer } from "~/lib/forms";
import { scanCheckInSchema } from "~/lib/session-form";
import { findByCheckinCode, setCheckedIn } from "~/models/attendee.server";
import { isSessionInScope } from "~/models/scope.server";
import { getSessionById } from "~/models/session.server";
import { adminMeta } from "~/web/admin-meta";
import { requireSignedIn } from "~/web/auth.server";
import { takeNotice } from "~/web/flash.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { clientOf } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { answerCheckIn, readForm } from "~/web/session-admin.server";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "checkin.scanTitle");

/**
 * Where the QR code in a confirmation leads: that person's check-in, for an organiser of the
 * session or a door volunteer at it.
 */
async function attendeeFor(request: Request, code: string | undefined) {
  const organiser = await requireSignedIn(request);
  const attendee = await findByCheckinCode(code ?? "");
  if (!attendee || !(await isSessionInScope(organiser.scope, attendee.sessionId))) {
    throw notFound();
  }
  return { organiser, attendee };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organiser, attendee } = await attendeeFor(request, params.code);
  const session = await getSessionById(attendee.sessionId);
  const { notice, headers } = await takeNotice(request);
  const door = organiser.role === "door";
  return data(
    {
      door,
      name: attendee.name,
      // A door volunteer gets the name and the state only.
      organisation: door ? null : attendee.organisation,
      status: attendee.status,
      present: Boolean(attendee.checkedInAt),
      session: { id: attendee.sessionId, title: session?.title ?? "" },
      notice,
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const { organiser, attendee } = await attendeeFor(request, params.code);
  const form = await readForm(request, scanCheckInSchema);
  if (form.refused) return form.refused;
  const { present } = form.submission.value;
  const result = await setCheckedIn(attendee.id, present, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  return answerCheckIn(request, result, {
    present,
    backTo: new URL(request.url).pathname,
    reply: form.submission.reply,
  });
}

export default function ScanCheckIn() {
  const inLocale = useLocalePath();
  const { door, name, organisation, status, present, session, notice } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<FormAnswer>();
  const { t } = useI18n();
  const [form] = useSchemaForm(scanCheckInSchema, actionData?.result, { id: "scan-check-in" });
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        {door ? (
          session.title
        ) : (
          <Link to={inLocale(`/beheer/sessies/${session.id}`)}>{session.title}</Link>
        )}
      </p>
      <h1>{name}</h1>
      {organisation ? <p className="lead">{organisation}</p> : null}
      <FlashNotice notice={notice} />
      <FormProblem form={form} summary={t("edge.badRequest.body")} />
      {status === "confirmed" ? (
        <Form method="post" className="panel" {...getFormProps(form)}>
          {present ? (
            <p className="success" role="status">
              {t("checkin.isPresent", { name })}
            </p>
          ) : null}
          <input type="hidden" name="present" value={String(!present)} />
          <button
            type="submit"
            className={present ? "button button-secondary" : "button button-primary checkin-big"}
          >
            {t(present ? "checkin.undo" : "checkin.markPresent")}
          </button>
        </Form>
      ) : (
        <p className="notice">
          {t(status === "waitlisted" ? "checkin.scanWaitlisted" : "checkin.scanCancelled", {
            name,
          })}
        </p>
      )}
      <p>
        <Link to={inLocale(`/beheer/sessies/${session.id}/inchecken`)}>{t("checkin.toList")}</Link>
      </p>
    </div>
  );
}
