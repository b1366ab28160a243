import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { describeRegister } from "~/lib/processing-register";
import { processingRegisterData } from "~/web/processing-register.server";
import { metaI18n, useI18n } from "~/web/use-i18n";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = metaI18n(matches);
  return [
    { title: `${t("privacy.title")} · ${t("site.name")}` },
    { name: "description", content: t("privacy.lead") },
  ];
};

/** The privacy statement: who answers for the data, and the register in plain words. */
export async function loader() {
  return processingRegisterData();
}

export default function PrivacyPage() {
  const { controller, contact, dpo, register } = useLoaderData<typeof loader>();
  const i18nValues = useI18n();
  const { t, list } = i18nValues;
  const activities = describeRegister(i18nValues, register);
  return (
    <div className="wrap page narrow statement">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>

      <h2>{t("privacy.controller.title")}</h2>
      <p>{t("privacy.controller.body", { controller })}</p>
      <dl className="statement-facts">
        <div>
          <dt>{t("privacy.controller.contact")}</dt>
          <dd>
            <a href={`mailto:${contact}`}>{contact}</a>
          </dd>
        </div>
        <div>
          <dt>{t("privacy.controller.dpo")}</dt>
          <dd>
            <a href={`mailto:${dpo}`}>{dpo}</a>
          </dd>
        </div>
      </dl>

      <h2>{t("privacy.activities.title")}</h2>
      {activities.map((activity) => (
        <section
          key={activity.id}
          className="processing"
          aria-labelledby={`verwerking-${activity.id}`}
        >
          <h3 id={`verwerking-${activity.id}`}>{activity.title}</h3>
          <p>{activity.purpose}</p>
          <dl className="statement-facts">
            <div>
              <dt>{t("privacy.field.subjects")}</dt>
              <dd>{list(activity.subjects)}</dd>
            </div>
            <div>
              <dt>{t("privacy.field.categories")}</dt>
              <dd>
                <ul>
                  {activity.categories.map((category) => (
                    <li key={category}>{category}</li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>{t("privacy.field.recipients")}</dt>
              <dd>{list(activity.recipients)}</dd>
            </div>
            <div>
              <dt>{t("privacy.field.retention")}</dt>
              <dd>{activity.retention}</dd>
            </div>
            <div>
              <dt>{t("privacy.field.basis")}</dt>
              <dd>{list(activity.legalBasis)}</dd>
            </div>
          </dl>
        </section>
      ))}

      <h2>{t("privacy.sharing.title")}</h2>
      <p>{t("privacy.sharing.body")}</p>
      <p>{t("privacy.sharing.colleagues")}</p>
      <p>
        {t("privacy.sharing.partners", {
          partnerCount: register.partners.length,
          partners: list(register.partners),
        })}
      </p>
      <p>{t("privacy.sharing.nobodyElse")}</p>

      <h2>{t("privacy.retention.title")}</h2>
      <dl className="statement-facts">
        {activities.map((activity) => (
          <div key={activity.id}>
            <dt>{activity.title}</dt>
            <dd>{activity.retention}</dd>
          </div>
        ))}
      </dl>

      <h2>{t("privacy.rights.title")}</h2>
      <ul>
        <li>{t("privacy.rights.access")}</li>
        <li>{t("privacy.rights.rectification")}</li>
        <li>{t("privacy.rights.erasure")}</li>
        <li>{t("privacy.rights.other", { contact, dpo })}</li>
        <li>{t("privacy.rights.organisers", { contact })}</li>
      </ul>

      <h2>{t("privacy.complaint.title")}</h2>
      <p>
        {t("privacy.complaint.body")}{" "}
        <a href="https://www.vlaamsetoezichtcommissie.be">{t("privacy.complaint.link")}</a>
      </p>
    </div>
  );
}
