import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { DEFAULT_LOCALE, i18n } from "~/i18n";
import { localeOf } from "~/lib/locale.server";
import { useI18n } from "~/lib/use-i18n";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Pages set their own title; this one is for the error pages the root boundary shows. */
export const meta: MetaFunction = ({ error }) => {
  const { t } = i18n(DEFAULT_LOCALE);
  return [{ title: `${t(`${errorKind(error)}.title`)} · ${t("site.name")}` }];
};

/** Which page an error shows: not found, no access, or (never with details) something broke. */
function errorKind(error: unknown): "notFound" | "forbidden" | "error" {
  if (isRouteErrorResponse(error) && error.status === 404) return "notFound";
  if (isRouteErrorResponse(error) && error.status === 403) return "forbidden";
  return "error";
}

export async function loader({ request }: LoaderFunctionArgs) {
  return { locale: localeOf(request) };
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#inhoud">
          {t("site.skipToContent")}
        </a>
        <header className="site-header">
          <div className="wrap">
            <Link to="/" className="brand">
              <span className="brand-mark" aria-hidden="true" />
              {t("site.name")}
            </Link>
            <p className="tagline">{t("site.tagline")}</p>
          </div>
        </header>
        <main id="inhoud" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>{t("site.footer")}</p>
            <p>
              <Link to="/beheer">{t("site.organisers")}</Link>
            </p>
          </div>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = i18n(DEFAULT_LOCALE);
  const kind = errorKind(error);
  if (kind === "error") console.error(error);
  return (
    <div className="wrap page narrow">
      <h1>{t(`${kind}.title`)}</h1>
      <p>{t(`${kind}.body`)}</p>
      <p>
        <Link to="/">{t("notFound.link")}</Link>
      </p>
    </div>
  );
}
