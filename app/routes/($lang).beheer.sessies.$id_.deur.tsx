import { getCollectionProps, getFormProps } from "@conform-to/react";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmAction } from "~/components/confirm-action";
import { EmailField, Field, FieldErrors, FormProblem } from "~/components/field";
import { FlashNotice } from "~/components/flash-notice";
import { doorInvitationSchema, endDoorAccessSchema } from "~/lib/door-form";
import { type FormResult, formMessage, parseForm } from "~/lib/forms";
import type { Actor } from "~/models/audit.server";
import { doorVolunteersOf, endDoorAccess, inviteDoorVolunteer } from "~/models/door.server";
import { adminMeta } from "~/web/admin-meta";
import { requireSessionAccess } from "~/web/auth.server";
import { redirectWithNotice, takeNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf, enforce } from "~/web/rate-limits.server";
import { refusalHeaders, revalidateAfterRefusal } from "~/web/refusals";
import { requireManagedSession } from "~/web/session-admin.server";
import { useSchemaForm } from "~/web/use-form";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const headers = refusalHeaders;
export const shouldRevalidate = revalidateAfterRefusal;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "door.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireManagedSession(request, params.id);
  const [volunteers, { notice, headers }] = await Promise.all([
    doorVolunteersOf(session.id),
    takeNotice(request),
  ]);
  return data(
    { session: { id: session.id, title: session.title }, volunteers, notice },
    { headers },
  );
}

/** What a refused post answers: the invitation's result, or that of an "end access" button. */
interface ActionData {
  invitation?: FormResult;
  volunteer?: FormResult;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const by: Actor = { organiserId: organiser.id, clientAddress: clientOf(context) };
  const formData = await request.formData();
  const page = `/beheer/sessies/${sessionId}/deur`;
  if (formData.get("intent") === "end") {
    const submission = parseForm(formData, endDoorAccessSchema);
    const result =
      submission.status === "success"
        ? await endDoorAccess(sessionId, submission.value.volunteerId, by)
        : ({ ok: false, reason: "notFound" } as const);
    if (!result.ok) {
      const volunteer = submission.reply({ formErrors: formMessage("door.errors.notFound") });
      return data({ volunteer } satisfies ActionData, { status: 404 });
    }
    return redirectWithNotice(request, page, { key: "door.ended", values: { name: result.name } });
  }
  const submission = parseForm(formData, doorInvitationSchema);
  const refuse = (invitation: FormResult, status = 400) =>
    data({ invitation } satisfies ActionData, { status });
  if (submission.status !== "success") return refuse(submission.reply());
  await enforce(["invite.organiser", String(organiser.id)]);
  const { name, email, reach } = submission.value;
  const result = await inviteDoorVolunteer(
    sessionId,
    { name, email, wholeDay: reach === "day", locale: localeOf(request) },
    by,
  );
  if (!result.ok) {
    if (result.reason === "emailTaken") {
      return refuse(
        submission.reply({ fieldErrors: { email: formMessage("door.errors.emailTaken") } }),
      );
    }
    return refuse(submission.reply({ formErrors: formMessage("door.errors.sessionOver") }), 409);
  }
  return redirectWithNotice(request, page, {
    key: "door.invited",
    values: { name: result.name, email: result.email },
  });
}

/** Who checks people in at the door of this session, and inviting someone to. */
export default function DoorVolunteers() {
  const { session, volunteers, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t, shortDate, time } = useI18n();
  const inLocale = useLocalePath();
  const [form, fields] = useSchemaForm(doorInvitationSchema, actionData?.invitation, {
    id: notice ? `door-${JSON.stringify(notice)}` : "door",
    defaultValue: { reach: "session", intent: "invite" },
  });
  const ended = actionData?.volunteer?.error?.[""]?.[0];
  return (
    <div className="wrap page narrow">
      <p className="breadcrumb">
        <Link to={inLocale(`/beheer/sessies/${session.id}`)}>{session.title}</Link>
      </p>
      <h1>{t("door.title")}</h1>
      <p className="lead">{t("door.intro")}</p>
      <FlashNotice notice={notice} />
      <section aria-labelledby="door-list">
        <h2 id="door-list">{t("door.list.title")}</h2>
        {ended ? (
          <p className="error" role="alert">
            {t(ended.key, ended.values)}
          </p>
        ) : null}
        {volunteers.length ? (
          <ul className="plain-list">
            {volunteers.map((volunteer) => (
              <li key={volunteer.id}>
                <strong>{volunteer.name}</strong> ({volunteer.email}){" "}
                <span className="muted">
                  {t(volunteer.wholeDay ? "door.list.day" : "door.list.session")}
                  {" · "}
                  {volunteer.until
                    ? t("door.list.until", {
                        date: shortDate(volunteer.until),
                        time: time(volunteer.until),
                      })
                    : t("door.list.over")}
                </span>
                <ConfirmAction
                  label={t("door.end")}
                  confirmLabel={t("door.endConfirm", { name: volunteer.name })}
                  intent="end"
                  fields={{ volunteerId: volunteer.id }}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("door.list.none")}</p>
        )}
      </section>
      <section aria-labelledby="door-invite" className="panel">
        <h2 id="door-invite">{t("door.invite.title")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormProblem form={form} summary={t("door.errors.form")} />
          <input type="hidden" name="intent" value="invite" />
          <Field meta={fields.name} label={t("door.name")} autoComplete="off" />
          <EmailField meta={fields.email} label={t("door.email")} autoComplete="off" />
          <fieldset
            className="fieldset"
            aria-invalid={fields.reach.errors ? true : undefined}
            aria-describedby={fields.reach.errors ? fields.reach.errorId : undefined}
          >
            <legend>{t("door.reach")}</legend>
            {getCollectionProps(fields.reach, {
              type: "radio",
              options: ["session", "day"],
            }).map(({ key, ...radio }) => (
              <label key={key} className="checkbox">
                <input {...radio} />
                {t(radio.value === "day" ? "door.reach.day" : "door.reach.session")}
              </label>
            ))}
            <FieldErrors meta={fields.reach} />
          </fieldset>
          <p className="hint">{t("door.invite.hint")}</p>
          <button type="submit" className="button">
            {t("door.invite.submit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
