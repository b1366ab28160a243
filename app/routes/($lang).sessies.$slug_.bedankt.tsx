import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getSessionBySlug } from "~/models/session.server";
import { takeSignedUpEmails } from "~/web/flash.server";
import { found } from "~/web/not-found.server";
import { PERSONAL_DATA } from "~/web/route-handle";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

export const handle = PERSONAL_DATA;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: `${metaI18n(matches).t(data?.requested ? "thanks.requested.title" : "thanks.title")} · ${metaI18n(matches).t("site.name")}`,
  },
];

/**
 * The same page whether the sign-up was new, went to the waiting list or repeated an
 * earlier one: what happened is told only in the mailbox of each address (the person's and
 * those of the colleagues they brought). Where sign-ups are
 * requests, it says that a request was received, not that there is a seat.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = found(await getSessionBySlug(params.slug ?? ""));
  const { emails, cookie } = await takeSignedUpEmails(request);
  return data(
    {
      title: session.title,
      slug: session.slug,
      emails,
      requested: session.requires_approval === 1,
    },
    { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } },
  );
}

export default function Thanks() {
  const inLocale = useLocalePath();
  const { title, slug, emails, requested } = useLoaderData<typeof loader>();
  const { t, list } = useI18n();
  return (
    <div className="wrap page narrow">
      <div className="success" role="status">
        <h1>{t(requested ? "thanks.requested.title" : "thanks.title")}</h1>
        <p className="lead">
          <Link to={inLocale(`/sessies/${slug}`)}>{title}</Link>
        </p>
        {requested ? <p>{t("thanks.requested.body")}</p> : null}
        <p>
          {emails.length > 1
            ? t("thanks.bodyGroup", { emails: list(emails) })
            : emails.length
              ? t("thanks.body", { email: emails[0] ?? "" })
              : t("thanks.bodyNoEmail")}
        </p>
        <p className="hint">{t("thanks.spam")}</p>
      </div>
      <p>
        <Link to={inLocale("/")}>{t("thanks.back")}</Link>
      </p>
    </div>
  );
}
