import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { i18n } from "~/i18n";
import { requireOrganiser } from "~/lib/auth.server";
import { clientOf } from "~/lib/rate-limits.server";
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
  return {
    name: attendee.name,
    organisation: attendee.organisation,
    status: attendee.status,
    present: Boolean(attendee.checkedInAt),
    session: { id: attendee.sessionId, title: session?.title ?? "" },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organiser, attendee } = await attendeeFor(request, params.code);
  const form = await request.formData();
  const result = await setCheckedIn(attendee.id, form.get("present") === "true", {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  return Response.json(result, { status: result.ok ? 200 : 409 });
}

export default function ScanCheckIn() {
  const { name, organisation, status, present, session } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={`/beheer/sessies/${session.id}`}>{session.title}</Link>
      </p>
      <h1>{name}</h1>
      {organisation ? <p className="lead">{organisation}</p> : null}
      {status === "confirmed" ? (
        <Form method="post" className="panel">
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
