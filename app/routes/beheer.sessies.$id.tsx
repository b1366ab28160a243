import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConfirmAction } from "~/components/confirm-action";
import { FillBar } from "~/components/fill-bar";
import { PlainField as Field } from "~/components/plain-field";
import { i18n, type MessageKey } from "~/i18n";
import { requireSessionAccess } from "~/lib/auth.server";
import { localeOf } from "~/lib/locale.server";
import { clientOf } from "~/lib/rate-limits.server";
import { parseAttendeeForm, parseRowId } from "~/lib/session-form";
import { useI18n } from "~/lib/use-i18n";
import {
  addAttendee,
  cancelAttendee,
  listAttendees,
  moveOnWaitlist,
  sessionIdOfRegistration,
  setCheckedIn,
} from "~/models/attendee.server";
import { getSessionById } from "~/models/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.session.title ?? ""} · ${i18n().t("admin.title")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sessionId } = await requireSessionAccess(request, params.id);
  const search = new URL(request.url).searchParams.get("zoek")?.trim() ?? "";
  const [session, attendees] = await Promise.all([
    getSessionById(sessionId),
    listAttendees(sessionId, { search }),
  ]);
  if (!session || !attendees) throw new Response("Not Found", { status: 404 });
  return {
    search,
    attendees,
    session: {
      id: session.id,
      slug: session.slug,
      title: session.title,
      kind: session.kind,
      city: session.city.name,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      venueName: session.venue_name,
      cancelled: session.status === "cancelled",
    },
  };
}

type Notice = { key: MessageKey; values?: Record<string, string | number> };
interface ActionData {
  notice?: Notice;
  /** A request no button of this page sends. */
  error?: MessageKey;
  errors?: Record<string, MessageKey>;
  values?: Record<string, string>;
}

const reply = (data: ActionData, status = 200) => Response.json(data, { status });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const by = { organiserId: organiser.id, clientAddress: clientOf(context) };

  if (intent === "add") {
    const parsed = parseAttendeeForm(form);
    const values = Object.fromEntries(
      ["name", "email", "organisation", "enterpriseNumber", "dietaryNeeds"].map((field) => [
        field,
        String(form.get(field) ?? ""),
      ]),
    );
    if (!parsed.ok)
      return reply({ errors: parsed.errors as Record<string, MessageKey>, values }, 400);
    const result = await addAttendee(sessionId, parsed.data, { ...by, locale: localeOf(request) });
    if (result.ok) {
      return result.status === "confirmed"
        ? reply({
            notice: { key: "sessionForm.attendee.added", values: { name: parsed.data.name } },
          })
        : reply({
            notice: {
              key: "sessionForm.attendee.waitlisted",
              values: { name: parsed.data.name, position: result.position },
            },
          });
    }
    if (result.reason === "alreadyRegistered") {
      return reply(
        {
          notice: {
            key: "sessionForm.attendee.alreadyRegistered",
            values: { email: parsed.data.email, status: result.status },
          },
          values,
        },
        409,
      );
    }
    return reply({ notice: { key: "attendees.cancelled" } }, 409);
  }

  // Every other action names one registration, which must belong to this session.
  const registrationId = parseRowId(form.get("registrationId"));
  if (registrationId === null || (await sessionIdOfRegistration(registrationId)) !== sessionId) {
    throw new Response("Not Found", { status: 404 });
  }
  switch (intent) {
    case "cancel": {
      const result = await cancelAttendee(registrationId, by);
      return reply(
        {
          notice: {
            key: "attendees.done.cancelled",
            values: { name: String(form.get("name") ?? "") },
          },
        },
        result.ok ? 200 : 409,
      );
    }
    case "up":
    case "down": {
      const result = await moveOnWaitlist(registrationId, intent, by);
      return reply({ notice: { key: "attendees.done.moved" } }, result.ok ? 200 : 409);
    }
    case "present":
    case "absent": {
      const result = await setCheckedIn(registrationId, intent === "present", by);
      return reply({ notice: { key: "attendees.done.checkedIn" } }, result.ok ? 200 : 409);
    }
    default:
      return reply({ error: "edge.badRequest.body" }, 400);
  }
}

/** "bewaard,uitgenodigd:3,plaats:1,wachtlijst:0" from the edit page, as readable lines. */
function savedNotices(param: string | null): Notice[] {
  if (!param) return [];
  const parts = new Map(
    param.split(",").map((part): [string, string] => {
      const [name = "", value = ""] = part.split(":");
      return [name, value];
    }),
  );
  const notices: Notice[] = [
    { key: parts.has("aangemaakt") ? "attendees.notice.created" : "attendees.notice.saved" },
  ];
  const count = (name: string) => Number(parts.get(name) ?? 0);
  if (count("uitgenodigd"))
    notices.push({ key: "sessionForm.result.reinvited", values: { count: count("uitgenodigd") } });
  if (count("plaats"))
    notices.push({ key: "sessionForm.result.promoted", values: { count: count("plaats") } });
  if (count("wachtlijst"))
    notices.push({
      key: "sessionForm.result.movedToWaitlist",
      values: { count: count("wachtlijst") },
    });
  return notices;
}

export default function SessionAttendees() {
  const { session, attendees, search } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const { t, dateTimeRange } = useI18n();
  const { counts } = attendees;
  const notices = [
    ...savedNotices(params.get("melding")),
    ...(actionData?.notice ? [actionData.notice] : []),
  ];
  const addErrors = actionData?.errors ?? {};
  const exportUrl = (format: string) => `/beheer/sessies/${session.id}/export?formaat=${format}`;

  return (
    <div className="wrap page">
      <p className="breadcrumb">
        <Link to="/beheer">{t("attendees.back")}</Link>
      </p>
      <p className={`kind-label kind-${session.kind}`}>
        {t(`kind.${session.kind}`)} · {session.city}
      </p>
      <h1>{session.title}</h1>
      <p>
        <time dateTime={session.startsAt}>{dateTimeRange(session.startsAt, session.endsAt)}</time> ·{" "}
        {session.venueName}
      </p>
      {session.cancelled ? (
        <p className="notice notice-danger">{t("attendees.cancelled")}</p>
      ) : null}
      {notices.map((notice) => (
        <p className="success" role="status" key={notice.key}>
          {t(notice.key, notice.values)}
        </p>
      ))}
      {actionData?.error ? (
        <p className="error-summary" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}

      <nav className="toolbar" aria-label={t("attendees.actions")}>
        <Link to={`/beheer/sessies/${session.id}/inchecken`} className="button">
          {t("attendees.checkIn")}
        </Link>
        <Link to={`/beheer/sessies/${session.id}/bericht`} className="button button-secondary">
          {t("attendees.message")}
        </Link>
        {session.cancelled ? null : (
          <Link to={`/beheer/sessies/${session.id}/bewerken`} className="button button-secondary">
            {t("attendees.edit")}
          </Link>
        )}
        <Link to={`/beheer/sessies/nieuw?kopie=${session.id}`} className="button button-secondary">
          {t("attendees.duplicate")}
        </Link>
        {session.cancelled ? null : (
          <Link to={`/beheer/sessies/${session.id}/annuleren`} className="button button-secondary">
            {t("attendees.cancelSession")}
          </Link>
        )}
        <Link to={`/sessies/${session.slug}`}>{t("attendees.publicPage")}</Link>
      </nav>

      <div className="dashboard-grid">
        <div>
          <section className="panel" aria-labelledby="counts-title">
            <h2 id="counts-title">{t("attendees.counts")}</h2>
            <FillBar
              confirmed={counts.confirmed}
              capacity={counts.capacity}
              waiting={counts.waitlisted}
            />
            <dl className="counts">
              <div>
                <dt>{t("attendees.count.confirmed")}</dt>
                <dd>{counts.confirmed}</dd>
              </div>
              <div>
                <dt>{t("attendees.count.capacity")}</dt>
                <dd>{counts.capacity}</dd>
              </div>
              <div>
                <dt>{t("attendees.count.waitlisted")}</dt>
                <dd>{counts.waitlisted}</dd>
              </div>
              <div>
                <dt>{t("attendees.count.present")}</dt>
                <dd>{counts.present}</dd>
              </div>
              <div>
                <dt>{t("attendees.count.absent")}</dt>
                <dd>{counts.absent}</dd>
              </div>
            </dl>
          </section>

          <Form method="get" className="search" role="search">
            <label htmlFor="zoek">{t("attendees.search")}</label>
            <div className="search-row">
              <input id="zoek" name="zoek" type="search" defaultValue={search} key={search} />
              <button type="submit" className="button">
                {t("attendees.searchSubmit")}
              </button>
              {search ? <Link to=".">{t("attendees.searchReset")}</Link> : null}
            </div>
          </Form>

          <section className="panel table-scroll" aria-labelledby="confirmed-title">
            <h2 id="confirmed-title">
              {t("attendees.confirmedTitle", { count: attendees.confirmed.length })}
            </h2>
            {attendees.confirmed.length ? (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("attendees.column.name")}</th>
                    <th scope="col">{t("attendees.column.organisation")}</th>
                    {session.kind === "breakfast" ? (
                      <th scope="col">{t("attendees.column.dietary")}</th>
                    ) : null}
                    <th scope="col">{t("attendees.column.present")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("attendees.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {attendees.confirmed.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <strong>{a.name}</strong>
                        <div className="muted">{a.email}</div>
                        {a.source === "organiser" ? (
                          <div className="muted">{t("attendees.byHand")}</div>
                        ) : null}
                      </td>
                      <td>{a.organisation}</td>
                      {session.kind === "breakfast" ? <td>{a.dietaryNeeds}</td> : null}
                      <td>
                        <Form method="post" replace>
                          <input type="hidden" name="registrationId" value={a.id} />
                          <input
                            type="hidden"
                            name="intent"
                            value={a.checkedInAt ? "absent" : "present"}
                          />
                          <button
                            type="submit"
                            className={
                              a.checkedInAt
                                ? "button button-small"
                                : "button button-secondary button-small"
                            }
                            aria-pressed={Boolean(a.checkedInAt)}
                          >
                            {t(a.checkedInAt ? "attendees.present" : "attendees.markPresent")}
                          </button>
                        </Form>
                      </td>
                      <td>
                        <ConfirmAction
                          label={t("attendees.cancelAttendee")}
                          confirmLabel={t("attendees.cancelAttendeeConfirm", { name: a.name })}
                          intent="cancel"
                          fields={{ registrationId: a.id, name: a.name }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{t("attendees.none")}</p>
            )}
          </section>

          <section className="panel table-scroll" aria-labelledby="waitlist-title">
            <h2 id="waitlist-title">
              {t("attendees.waitlistTitle", { count: attendees.waitlisted.length })}
            </h2>
            {attendees.waitlisted.length ? (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("attendees.column.position")}</th>
                    <th scope="col">{t("attendees.column.name")}</th>
                    <th scope="col">{t("attendees.column.organisation")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("attendees.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {attendees.waitlisted.map((a) => (
                    <tr key={a.id}>
                      <td>{a.position}</td>
                      <td>
                        <strong>{a.name}</strong>
                        <div className="muted">{a.email}</div>
                      </td>
                      <td>{a.organisation}</td>
                      <td>
                        <Form method="post" replace className="inline-actions">
                          <input type="hidden" name="registrationId" value={a.id} />
                          <input type="hidden" name="name" value={a.name} />
                          <button
                            type="submit"
                            name="intent"
                            value="up"
                            className="button button-secondary button-small"
                            aria-label={t("attendees.moveUpLabel", { name: a.name })}
                          >
                            ↑ {t("attendees.moveUp")}
                          </button>
                          <button
                            type="submit"
                            name="intent"
                            value="down"
                            className="button button-secondary button-small"
                            aria-label={t("attendees.moveDownLabel", { name: a.name })}
                          >
                            ↓ {t("attendees.moveDown")}
                          </button>
                        </Form>
                        <ConfirmAction
                          label={t("attendees.cancelAttendee")}
                          confirmLabel={t("attendees.cancelAttendeeConfirm", { name: a.name })}
                          intent="cancel"
                          fields={{ registrationId: a.id, name: a.name }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{t("attendees.none")}</p>
            )}
          </section>
        </div>

        <div>
          <section className="panel" aria-labelledby="export-title">
            <h2 id="export-title">{t("attendees.export")}</h2>
            <ul className="plain-list">
              <li>
                <a href={exportUrl("csv")} download>
                  {t("attendees.exportCsv")}
                </a>
              </li>
              <li>
                <a href={exportUrl("csv-comma")} download>
                  {t("attendees.exportCsvComma")}
                </a>
              </li>
              <li>
                <a href={exportUrl("xlsx")} download>
                  {t("attendees.exportXlsx")}
                </a>
              </li>
            </ul>
          </section>
          {session.cancelled ? null : (
            <section className="panel" aria-labelledby="add-title">
              <h2 id="add-title">{t("attendees.addTitle")}</h2>
              <p className="hint">{t("attendees.addIntro")}</p>
              <Form
                method="post"
                noValidate
                key={actionData?.notice?.key === "sessionForm.attendee.added" ? Date.now() : "add"}
              >
                <input type="hidden" name="intent" value="add" />
                <Field
                  name="name"
                  label={t("signup.name")}
                  required
                  defaultValue={actionData?.values?.name}
                  error={addErrors.name ? t(addErrors.name, { max: 120 }) : undefined}
                />
                <Field
                  name="email"
                  type="email"
                  label={t("signup.email")}
                  required
                  defaultValue={actionData?.values?.email}
                  error={addErrors.email ? t(addErrors.email) : undefined}
                />
                <Field
                  name="organisation"
                  label={t("signup.organisation")}
                  defaultValue={actionData?.values?.organisation}
                  error={
                    addErrors.organisation ? t(addErrors.organisation, { max: 160 }) : undefined
                  }
                />
                {session.kind === "breakfast" ? (
                  <Field
                    name="dietaryNeeds"
                    label={t("signup.dietary")}
                    multiline
                    defaultValue={actionData?.values?.dietaryNeeds}
                    error={
                      addErrors.dietaryNeeds ? t(addErrors.dietaryNeeds, { max: 500 }) : undefined
                    }
                  />
                ) : addErrors.dietaryNeeds ? (
                  <p className="error" role="alert">
                    {t(addErrors.dietaryNeeds, { max: 500 })}
                  </p>
                ) : null}
                {/* A field this form does not show, posted all the same: still say what is wrong. */}
                {addErrors.enterpriseNumber ? (
                  <p className="error" role="alert">
                    {t(addErrors.enterpriseNumber)}
                  </p>
                ) : null}
                <button type="submit" className="button">
                  {t("attendees.addSubmit")}
                </button>
              </Form>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
