import { getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormProblem } from "~/components/field";
import { i18n } from "~/i18n";
import { requireOrganiser } from "~/lib/auth.server";
import { redirectWithNotice, takeNotice } from "~/lib/flash.server";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import { clientOf } from "~/lib/rate-limits.server";
import { scanCheckInSchema } from "~/lib/session-form";
import { useSchemaForm } from "~/lib/use-form";
import { useI18n } from "~/lib/use-i18n";
import { findByCheckinCode, setCheckedIn } from "~/models/attendee.server";
import { isSessionInScope } from "~/models/scope.server";
import { getSessionById } from "~/models/session.server";

export const meta: MetaFunction = () => [
  { title: `${i18n().t("checkin.scanTitle")} · ${i18n().t("admin.title")}` },
];

/** Where the QR code in a confirmation leads: that person's check-in, for an organiser of the session. */
async function attendeeFor(request: Request, code: string | undefined) {
  const organiser = await requireOrganiser(request);
  const attendee = await findByCheckinCode(code ?? "");
  if (!attendee || !(await isSessionInScope(organiser.scope, attendee.sessionId))) {
    throw new Response("Not Found", { status: 404 });
  }
  return { organiser, attendee };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { attendee } = await attendeeFor(request, params.code);
  const session = await getSessionById(attendee.sessionId);
  const { notice, headers } = await takeNotice(request);
  return json(
    {
      name: attendee.name,
      organisation: attendee.organisation,
      status: attendee.status,
      present: Boolean(attendee.checkedInAt),
      session: { id: attendee.sessionId, title: session?.title ?? "" },
      notice,
    },
    { headers },
  );
}

interface ActionData {
  result: FormResult;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organiser, attendee } = await attendeeFor(request, params.code);
  const submission = parseForm(await request.formData(), scanCheckInSchema);
  if (submission.status !== "success") {
    return json<ActionData>({ result: submission.reply() }, { status: 400 });
  }
  const { present } = submission.value;
  const result = await setCheckedIn(attendee.id, present, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  if (result.ok) {
    return redirectWithNotice(request, new URL(request.url).pathname, {
      key: present ? "attendees.done.present" : "attendees.done.absent",
      values: { name: result.name },
    });
  }
  if (result.reason === "notFound") throw new Response("Not Found", { status: 404 });
  const refusal = formMessage("attendees.refused.notConfirmed", {
    name: result.name,
    status: result.status,
  });
  return json<ActionData>({ result: submission.reply({ formErrors: refusal }) }, { status: 409 });
}

export default function ScanCheckIn() {
  const { name, organisation, status, present, session, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useI18n();
  const [form] = useSchemaForm(scanCheckInSchema, actionData?.result, { id: "scan-check-in" });
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={`/beheer/sessies/${session.id}`}>{session.title}</Link>
      </p>
      <h1>{name}</h1>
      {organisation ? <p className="lead">{organisation}</p> : null}
      {notice ? (
        <p className="success" role="status">
          {t(notice.key, notice.values)}
        </p>
      ) : null}
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
        <Link to={`/beheer/sessies/${session.id}/inchecken`}>{t("checkin.toList")}</Link>
      </p>
    </div>
  );
}
