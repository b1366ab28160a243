import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableFrame } from "~/components/card-table";
import { describeRegister } from "~/lib/processing-register";
import { adminMeta } from "~/web/admin-meta";
import { requireAdmin } from "~/web/auth.server";
import { processingRegisterData } from "~/web/processing-register.server";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const handle = PERSONAL_DATA;

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, "register.title");

/** The register of processing, for admins: the privacy statement's data as one table. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return processingRegisterData();
}

export default function ProcessingRegister() {
  const inLocale = useLocalePath();
  const { controller, contact, dpo, register } = useLoaderData<typeof loader>();
  const i18nValues = useI18n();
  const { t } = i18nValues;
  const activities = describeRegister(i18nValues, register);
  return (
    <div className="wrap page">
      <h1 id="register-title">{t("register.title")}</h1>
      <p className="lead">{t("register.intro")}</p>
      <dl className="statement-facts">
        <div>
          <dt>{t("register.controller")}</dt>
          <dd>{controller}</dd>
        </div>
        <div>
          <dt>{t("register.contact")}</dt>
          <dd>
            <a href={`mailto:${contact}`}>{contact}</a>
          </dd>
        </div>
        <div>
          <dt>{t("register.dpo")}</dt>
          <dd>
            <a href={`mailto:${dpo}`}>{dpo}</a>
          </dd>
        </div>
      </dl>
      <div className="panel">
        {/* A register is read across: on a phone it scrolls, the activity's name staying put. */}
        <TableFrame labelledBy="register-title">
          <table className="table register-table">
            <thead>
              <tr>
                <th scope="col">{t("register.column.activity")}</th>
                <th scope="col">{t("register.column.purpose")}</th>
                <th scope="col">{t("privacy.field.subjects")}</th>
                <th scope="col">{t("privacy.field.categories")}</th>
                <th scope="col">{t("privacy.field.recipients")}</th>
                <th scope="col">{t("privacy.field.retention")}</th>
                <th scope="col">{t("privacy.field.basis")}</th>
              </tr>
            </thead>
            <tbody>
              {activities.map((activity) => (
                <tr key={activity.id}>
                  <th scope="row">{activity.title}</th>
                  <td>{activity.purpose}</td>
                  <td>
                    <CellList items={activity.subjects} />
                  </td>
                  <td>
                    <CellList items={activity.categories} />
                  </td>
                  <td>
                    <CellList items={activity.recipients} />
                  </td>
                  <td>{activity.retention}</td>
                  <td>
                    <CellList items={activity.legalBasis} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </div>
      <p>
        <Link to={inLocale("/privacy")}>{t("register.publicPage")}</Link>
      </p>
    </div>
  );
}

function CellList({ items }: { items: string[] }) {
  return (
    <ul className="cell-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
