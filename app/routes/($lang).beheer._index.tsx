import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CardTable, Cell } from "~/components/card-table";
import { FillBar } from "~/components/fill-bar";
import { WeekChart } from "~/components/week-chart";
import type { MessageKey } from "~/i18n";
import { organiserDashboard } from "~/models/dashboard.server";
import { doorSessions } from "~/models/door.server";
import { adminMeta } from "~/web/admin-meta";
import { requireSignedIn } from "~/web/auth.server";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "dashboard.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireSignedIn(request);
  if (organiser.role === "door") {
    // A door volunteer's workspace is the check-in of their sessions: no figures, no mail.
    const ids = organiser.scope.all ? [] : (organiser.scope.sessionIds ?? []);
    return { doorSessions: await doorSessions(ids) };
  }
  return organiserDashboard(organiser.scope);
}

const MAIL_KINDS = new Set([
  "registration.confirmed",
  "registration.promoted",
  "registration.waitlisted",
  "registration.reminder",
  "registration.manageLink",
  "registration.backOnWaitlist",
  "registration.cancelled",
  "registration.declined",
  "registration.requested",
  "registration.requestDeclined",
  "registration.requestExpired",
  "registration.refreshed",
  "registration.counterDeclined",
  "registration.detailsUpdated",
  "session.updated",
  "session.cancelled",
  "session.reminder",
  "session.thankYou",
  "session.missedYou",
  "organiser.message",
  "organiser.passwordReset",
  "organiser.invitation",
]);

const mailKindKey = (kind: string): MessageKey =>
  MAIL_KINDS.has(kind) ? (`mailKind.${kind}` as MessageKey) : "mailKind.other";

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Workspace() {
  const data = useLoaderData<typeof loader>();
  return "doorSessions" in data ? (
    <DoorLanding sessions={data.doorSessions} />
  ) : (
    <Dashboard {...data} />
  );
}

/** A door volunteer's start: the check-in list of each of their sessions. */
function DoorLanding({
  sessions,
}: {
  sessions: Extract<LoaderData, { doorSessions: unknown }>["doorSessions"];
}) {
  const inLocale = useLocalePath();
  const { t, shortDate, time } = useI18n();
  return (
    <div className="wrap page narrow">
      <h1>{t("door.mySessions")}</h1>
      <ul className="plain-list">
        {sessions.map((session) => (
          <li key={session.id}>
            <Link to={inLocale(`/beheer/sessies/${session.id}/inchecken`)} className="button">
              {shortDate(session.startsAt)} {time(session.startsAt)} · {session.title}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Dashboard({
  upcoming,
  past,
  weeks,
  lastWeek,
  failedMail,
}: Exclude<LoaderData, { doorSessions: unknown }>) {
  const inLocale = useLocalePath();
  const { t, shortDate, timeRange, time } = useI18n();
  const failedColumns = [
    t("dashboard.failedMail.column.to"),
    t("dashboard.failedMail.column.kind"),
    t("dashboard.failedMail.column.session"),
    t("dashboard.failedMail.column.reason"),
  ];
  const upcomingColumns = [
    t("dashboard.column.session"),
    t("dashboard.column.when"),
    t("dashboard.column.fill"),
  ];
  return (
    <div className="wrap page">
      <h1>{t("dashboard.title")}</h1>
      {failedMail.count > 0 ? (
        <section aria-labelledby="failed-mail-title" className="panel">
          <h2 id="failed-mail-title">{t("dashboard.failedMail.title")}</h2>
          <p>
            {t("dashboard.failedMail.intro", { count: failedMail.count, days: failedMail.days })}
          </p>
          <CardTable columns={failedColumns.map((label) => ({ label }))}>
            {failedMail.newest.map((mail) => (
              <tr key={mail.id}>
                <Cell title>
                  {mail.toEmail ? (
                    <>
                      {mail.toName}
                      <div className="muted">{mail.toEmail}</div>
                    </>
                  ) : (
                    t("dashboard.failedMail.erased")
                  )}
                </Cell>
                <Cell label={failedColumns[1]}>
                  {t(mailKindKey(mail.kind))}
                  <div className="muted nowrap">
                    {shortDate(mail.failedAt)} {time(mail.failedAt)}
                  </div>
                </Cell>
                <Cell label={failedColumns[2]}>
                  {mail.sessionId ? (
                    <Link to={inLocale(`/beheer/sessies/${mail.sessionId}`)}>
                      {mail.sessionTitle}
                    </Link>
                  ) : (
                    t("dashboard.failedMail.noSession")
                  )}
                </Cell>
                <Cell label={failedColumns[3]}>{mail.reason}</Cell>
              </tr>
            ))}
          </CardTable>
        </section>
      ) : null}
      <div className="dashboard-grid">
        <section aria-labelledby="upcoming-title" className="panel dashboard-upcoming">
          <h2 id="upcoming-title">{t("dashboard.upcoming")}</h2>
          {upcoming.length ? (
            <CardTable columns={upcomingColumns.map((label) => ({ label }))}>
              {upcoming.map((session) => (
                <tr key={session.id}>
                  <Cell title>
                    <Link to={inLocale(`/beheer/sessies/${session.id}`)}>{session.title}</Link>
                    <div className="muted">
                      {t(`kind.${session.kind}`)} · {session.city}
                      {session.status === "cancelled" ? ` · ${t("dashboard.cancelled")}` : ""}
                      {session.unlisted ? ` · ${t("dashboard.unlisted")}` : ""}
                    </div>
                    {session.requests ? (
                      <div>
                        <Link to={inLocale(`/beheer/sessies/${session.id}#requests-title`)}>
                          {t("dashboard.requests", { count: session.requests })}
                        </Link>
                      </div>
                    ) : null}
                  </Cell>
                  <Cell label={upcomingColumns[1]} nowrap>
                    {shortDate(session.startsAt)}
                    <br />
                    {timeRange(session.startsAt, session.endsAt)}
                  </Cell>
                  <Cell label={upcomingColumns[2]}>
                    <FillBar
                      confirmed={session.confirmed}
                      capacity={session.capacity}
                      waiting={session.waiting}
                    />
                  </Cell>
                </tr>
              ))}
            </CardTable>
          ) : (
            <p>{t("dashboard.none")}</p>
          )}
        </section>
        <div className="dashboard-side">
          <section aria-labelledby="week-title" className="panel">
            <h2 id="week-title">{t("dashboard.perWeek")}</h2>
            <WeekChart weeks={weeks} />
          </section>
          {past.length ? (
            <section aria-labelledby="past-title" className="panel">
              <h2 id="past-title">{t("dashboard.past")}</h2>
              <ul className="recent">
                {past.map((session) => (
                  <li key={session.id}>
                    <Link to={inLocale(`/beheer/sessies/${session.id}`)}>{session.title}</Link>
                    <div className="muted">
                      {shortDate(session.startsAt)} ·{" "}
                      {t("dashboard.attendance", {
                        present: session.present,
                        absent: session.confirmed - session.present,
                      })}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="recent-title" className="panel">
            <h2 id="recent-title">{t("dashboard.lastWeek")}</h2>
            <p className="big-number">{t("dashboard.lastWeekCount", { count: lastWeek.count })}</p>
            <ul className="recent">
              {lastWeek.newest.map((r) => (
                <li key={r.id}>
                  <strong>{r.name}</strong>
                  {r.organisation ? ` (${r.organisation})` : ""}
                  {r.status === "waitlisted" ? ` · ${t("dashboard.waitlisted")}` : ""}
                  {r.status === "requested" ? ` · ${t("dashboard.requested")}` : ""}
                  <br />
                  <Link to={inLocale(`/beheer/sessies/${r.session_id}`)}>{r.session_title}</Link>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}
