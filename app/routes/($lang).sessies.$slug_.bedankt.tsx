import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSessionBySlug } from "~/models/session.server";
import { takeSignedUpEmail } from "~/web/flash.server";
import { found } from "~/web/not-found.server";
import { PERSONAL_DATA } from "~/web/route-handle";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

export const handle = PERSONAL_DATA;

export const meta: MetaFunction = ({ matches }) => [
  { title: `${metaI18n(matches).t("thanks.title")} · ${metaI18n(matches).t("site.name")}` },
];

/**
 * The same page whether the sign-up was new, went to the waiting list or repeated an
 * earlier one: what happened is told only in the mailbox of the address.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = found(await getSessionBySlug(params.slug ?? ""));
  const { email, cookie } = await takeSignedUpEmail(request);
  return data(
    { title: session.title, slug: session.slug, email },
    { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } },
  );
}

export default function Thanks() {
  const inLocale = useLocalePath();
  const { title, slug, email } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="wrap page narrow">
      <div className="success" role="status">
        <h1>{t("thanks.title")}</h1>
        <p className="lead">
          <Link to={inLocale(`/sessies/${slug}`)}>{title}</Link>
        </p>
        <p>{email ? t("thanks.body", { email }) : t("thanks.bodyNoEmail")}</p>
        <p className="hint">{t("thanks.spam")}</p>
      </div>
      <p>
        <Link to={inLocale("/")}>{t("thanks.back")}</Link>
      </p>
    </div>
  );
}
