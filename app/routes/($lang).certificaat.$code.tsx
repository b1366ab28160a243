import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { durationText } from "~/lib/certificate";
import { verifyCertificate } from "~/models/certificate.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { PERSONAL_DATA } from "~/web/route-handle";
import { metaI18n, useI18n } from "~/web/use-i18n";

/*
 * The address on a certificate of attendance (`/certificaat/<code>`, also in its QR code):
 * anyone who is shown the certificate may open it. It says whether we issued it and shows what
 * the certificate shows (name, session, date, duration, city, partners), nothing more: no
 * address, no organisation, no answers. The person's name makes it personal data: no cache
 * keeps it and no search engine lists it.
 */

export const handle = PERSONAL_DATA;

export const meta: MetaFunction = ({ matches }) => {
  const { t } = metaI18n(matches);
  return [
    { title: `${t("certificate.verify.title")} · ${t("site.name")}` },
    { name: "robots", content: "noindex" },
    { name: "referrer", content: "same-origin" },
  ];
};

const STATUS = { genuine: 200, unknown: 404, erased: 410 } as const;

export async function loader({ params }: LoaderFunctionArgs) {
  const verification = await verifyCertificate(params.code ?? "");
  return data(verification, { status: STATUS[verification.state], headers: PRIVATE_HEADERS });
}

export default function CertificateVerificationPage() {
  const verification = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="wrap page narrow">
      <h1>{t("certificate.verify.title")}</h1>
      {verification.state === "genuine" ? (
        <section className="card" aria-labelledby="verdict">
          <h2 id="verdict" className="status status-confirmed">
            {t("certificate.verify.genuine")}
          </h2>
          <p>{t("certificate.verify.genuineBody", { city: verification.facts.city })}</p>
          <dl className="statement-facts">
            <dt>{t("certificate.verify.name")}</dt>
            <dd>{verification.facts.name}</dd>
            <dt>{t("certificate.verify.session")}</dt>
            <dd>{verification.facts.sessionTitle}</dd>
            <dt>{t("certificate.date")}</dt>
            <dd>
              {i18n.longDate(verification.facts.startsAt)},{" "}
              {i18n.timeRange(verification.facts.startsAt, verification.facts.endsAt)}
            </dd>
            <dt>{t("certificate.duration")}</dt>
            <dd>{durationText(i18n, verification.facts.startsAt, verification.facts.endsAt)}</dd>
            <dt>{t("certificate.verify.city")}</dt>
            <dd>{t("certificate.issuer", { city: verification.facts.city })}</dd>
            {verification.facts.partners.length ? (
              <>
                <dt>{t("certificate.partners")}</dt>
                <dd>{i18n.list(verification.facts.partners)}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : verification.state === "erased" ? (
        <section className="card" aria-labelledby="verdict">
          <h2 id="verdict" className="status status-cancelled">
            {t("certificate.verify.erased")}
          </h2>
          <p>{t("certificate.verify.erasedBody")}</p>
        </section>
      ) : (
        <section className="card" aria-labelledby="verdict">
          <h2 id="verdict" className="status status-cancelled">
            {t("certificate.verify.unknown")}
          </h2>
          <p>{t("certificate.verify.unknownBody")}</p>
        </section>
      )}
    </div>
  );
}
