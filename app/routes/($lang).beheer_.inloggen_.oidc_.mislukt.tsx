import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CITY_SIGN_IN_FAILURES, type CitySignInFailure } from "~/web/city-sign-in.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { PERSONAL_DATA } from "~/web/route-handle";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

export const handle = PERSONAL_DATA;

export const meta: MetaFunction = ({ matches }) => [
  {
    title: `${metaI18n(matches).t("cityLogin.failed.title")} · ${metaI18n(matches).t("site.name")}`,
  },
  { name: "robots", content: "noindex" },
];

const STATUS: Record<CitySignInFailure, number> = {
  refused: 400,
  unverified: 403,
  notInvited: 403,
  removedByAdmin: 403,
  doorAccessEnded: 403,
  unavailable: 503,
};

/** Why a sign-in with the city's account was refused; nothing was created for it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireKnownLanguage(params);
  const asked = new URL(request.url).searchParams.get("reden");
  const reason = CITY_SIGN_IN_FAILURES.find((known) => known === asked) ?? "refused";
  return data({ reason }, { status: STATUS[reason], headers: { "Cache-Control": "no-store" } });
}

export default function CitySignInFailed() {
  const { reason } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const inLocale = useLocalePath();
  return (
    <div className="wrap page narrow">
      <h1>{t("cityLogin.failed.title")}</h1>
      <p className="panel" role="alert">
        {t(`cityLogin.failed.${reason}`)}
      </p>
      <p>
        <Link to={inLocale("/beheer/inloggen")}>{t("cityLogin.failed.again")}</Link>
      </p>
    </div>
  );
}
