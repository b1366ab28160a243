import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CardTable, Cell } from "~/components/card-table";
import type { I18n, MessageKey } from "~/i18n";
import { type AuditEntryView, type AuditName, listAuditEntries } from "~/models/audit.server";
import { adminMeta } from "~/web/admin-meta";
import { requireAdmin } from "~/web/auth.server";
import { useI18n } from "~/web/use-i18n";

const when = new Intl.DateTimeFormat("nl-BE", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Brussels",
});

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "log.title");

/**
 * The audit log: for admins, who answer for every city. Entries travel as keys, ids and names;
 * the page says them in the reader's language.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { entries: await listAuditEntries() };
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const count = (value: unknown): number => (typeof value === "number" ? value : 0);

/** The entry's sentence from the catalogue, with names as the live tables have them now. */
function sentence(entry: AuditEntryView, { t, list }: Pick<I18n, "t" | "list">): string {
  const { details } = entry;
  const nameOr = (named: AuditName | null, gone: MessageKey) =>
    named ? (named.name ?? t(gone, { id: named.id })) : "";
  const person = (named: AuditName | null) => nameOr(named, "audit.person.gone");
  const fields = Array.isArray(details.fields)
    ? details.fields.map((field) =>
        field === "capacity" && typeof details.capacityFrom === "number"
          ? t("audit.field.capacityChange", {
              from: details.capacityFrom,
              to: count(details.capacityTo),
            })
          : t(`audit.field.${field}` as MessageKey),
      )
    : [];
  const values = {
    ...Object.fromEntries(
      Object.entries(details).filter(
        (pair): pair is [string, string | number] =>
          typeof pair[1] === "string" || typeof pair[1] === "number",
      ),
    ),
    person: person(entry.subject),
    organiser: nameOr(entry.subject, "audit.organiser.gone"),
    session: nameOr(entry.session, "audit.session.gone"),
    city: entry.city ? nameOr(entry.city, "audit.city.gone") : t("audit.city.all"),
    partner: entry.partner ? nameOr(entry.partner, "audit.partner.gone") : "none",
    scope: entry.session ? "session" : "period",
    fields: fields.length ? list(fields) : "none",
    note: details.note ? "yes" : "no",
    filtered: details.filtered ? "yes" : "no",
    position: count(details.position),
    promoted: list(entry.promoted.map(person)),
    promotedCount: entry.promoted.length,
    question: nameOr(entry.question, "audit.question.gone"),
    source: nameOr(entry.source, "audit.session.gone"),
    // The form a question is of: entries written before the survey had questions name none.
    part: text(details.part) || "signUp",
    from: text(details.from) || count(details.from),
    to: text(details.to) || count(details.to),
  };
  try {
    return t(`audit.${entry.action}` as MessageKey, values);
  } catch {
    // An action this version has no sentence for (a newer version wrote it), or a value missing.
    return t("audit.unknown", { action: entry.action });
  }
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>();
  const language = useI18n();
  const { t } = language;
  return (
    <div className="wrap page">
      <h1>{t("log.title")}</h1>
      <p className="lead">{t("log.intro")}</p>
      {entries.length ? (
        <div className="panel">
          <CardTable
            columns={[
              { label: t("log.column.when") },
              { label: t("log.column.who") },
              { label: t("log.column.what") },
              { label: t("log.column.client") },
            ]}
          >
            {entries.map((entry) => (
              <tr key={entry.id}>
                <Cell title nowrap>
                  <time dateTime={entry.createdAt}>{when.format(new Date(entry.createdAt))}</time>
                </Cell>
                <Cell label={t("log.column.who")}>
                  {entry.actorName ?? t(entry.details.by === "self" ? "log.self" : "log.system")}
                </Cell>
                <Cell label={t("log.column.what")}>
                  {entry.summary ?? sentence(entry, language)}
                </Cell>
                <Cell label={t("log.column.client")}>{entry.clientAddress ?? ""}</Cell>
              </tr>
            ))}
          </CardTable>
        </div>
      ) : (
        <p>{t("log.empty")}</p>
      )}
    </div>
  );
}
