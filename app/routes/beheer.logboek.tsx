import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { i18n } from "~/i18n";
import { requireAdmin } from "~/lib/auth.server";
import { useI18n } from "~/lib/use-i18n";
import { listAuditEntries } from "~/models/audit.server";

const when = new Intl.DateTimeFormat("nl-BE", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Brussels",
});

export const meta: MetaFunction = () => [
  { title: `${i18n().t("log.title")} · ${i18n().t("admin.title")}` },
];

/** The audit log: for admins, who answer for every city. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { entries: await listAuditEntries() };
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="wrap page">
      <h1>{t("log.title")}</h1>
      <p className="lead">{t("log.intro")}</p>
      {entries.length ? (
        <div className="panel table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("log.column.when")}</th>
                <th scope="col">{t("log.column.who")}</th>
                <th scope="col">{t("log.column.what")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">
                    <time dateTime={entry.created_at}>
                      {when.format(new Date(entry.created_at))}
                    </time>
                  </td>
                  <td>{entry.organiser_name ?? t("log.system")}</td>
                  <td>{entry.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("log.empty")}</p>
      )}
    </div>
  );
}
