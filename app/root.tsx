import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { LanguageSuggestion } from "~/components/language-suggestion";
import { LanguageSwitch } from "~/components/language-switch";
import { WorkspaceNav, type WorkspaceUser } from "~/components/workspace-nav";
import { DEFAULT_LOCALE } from "~/i18n";
import { config } from "~/lib/config.server";
import styles from "~/styles/app.css";
import { hasSignInCookie } from "~/web/auth.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { useNonce } from "~/web/nonce";
import { refusalHeaders } from "~/web/refusals";
import type { RouteHandle } from "~/web/route-handle";
import { metaI18n, useAlternates, useI18n, useLocalePath } from "~/web/use-i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Pages set their own title; this one is for the error pages the root boundary shows. */
export const meta: MetaFunction = ({ error, matches }) => {
  const { t } = metaI18n(matches);
  return [{ title: `${t(`${errorKind(error)}.title`)} · ${t("site.name")}` }];
};

/** A refused request keeps its own headers (Retry-After) on the error page. */
export const headers = refusalHeaders;

type ErrorKind = "notFound" | "forbidden" | "tooMany" | "busy" | "error";

/**
 * Which page an error shows: not found, no access, too many requests, too busy right now, or
 * (never with details) something broke.
 */
function errorKind(error: unknown): ErrorKind {
  if (!isRouteErrorResponse(error)) return "error";
  if (error.status === 404) return "notFound";
  if (error.status === 403) return "forbidden";
  if (error.status === 429) return "tooMany";
  if (error.status === 503) return "busy";
  return "error";
}

/** What a 429 says: how long to wait, and whether it was about mail to one address. */
function tooManyText(error: unknown): { mail: boolean; minutes: number } {
  const data = isRouteErrorResponse(error) ? error.data : undefined;
  const seconds = Number(data?.retryAfter) || 60;
  return { mail: data?.limit === "mail", minutes: Math.max(1, Math.ceil(seconds / 60)) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireKnownLanguage(params);
  return {
    locale: localeOf(request),
    publicUrl: config().publicUrl,
    // An organiser's language is stored with their account: no note about the browser's.
    signedIn: await hasSignInCookie(request),
  };
}

/** The page's address in each language, for search engines; Dutch is the default. */
function Alternates() {
  const publicUrl = useRouteLoaderData<typeof loader>("root")?.publicUrl;
  const alternates = useAlternates();
  if (publicUrl === undefined) return null;
  const dutch = alternates.find((alternate) => alternate.locale === DEFAULT_LOCALE);
  return (
    <>
      {alternates.map((alternate) => (
        <link
          key={alternate.locale}
          rel="alternate"
          hrefLang={alternate.locale}
          href={`${publicUrl}${alternate.href}`}
        />
      ))}
      <link rel="alternate" hrefLang="x-default" href={`${publicUrl}${dutch?.href ?? "/"}`} />
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const inLocale = useLocalePath();
  const nonce = useNonce();
  // An error page (a 404) is in one language only: no versions to name or switch to.
  const failed = useRouteError() != null;
  const matches = useMatches();
  const embedded = matches.some((match) => (match.handle as RouteHandle)?.embeddable);
  // In the workspace: who is signed in, for its menu in the header.
  const workspace = matches.find((match) => (match.handle as RouteHandle)?.workspace)?.data as
    | WorkspaceUser
    | undefined;
  const signedIn = useRouteLoaderData<typeof loader>("root")?.signedIn ?? false;
  if (embedded) {
    // In a partner's iframe: the list alone, light, without scripts (links open the top window).
    return (
      <html lang={locale}>
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          <Links />
        </head>
        <body className="embed">
          <main id="inhoud">{children}</main>
        </body>
      </html>
    );
  }
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
        {failed ? null : <Alternates />}
      </head>
      <body>
        <a className="skip-link" href="#inhoud">
          {t("site.skipToContent")}
        </a>
        {failed || signedIn ? null : <LanguageSuggestion />}
        <header className={workspace ? "site-header site-header-workspace" : "site-header"}>
          <div className="wrap">
            <Link to={inLocale("/")} className="brand">
              <span className="brand-mark" aria-hidden="true" />
              {t("site.name")}
            </Link>
            <p className="tagline">{t("site.tagline")}</p>
            {/* On a phone the workspace has it in its menu instead (WorkspaceNav). */}
            {failed ? null : <LanguageSwitch />}
          </div>
          {workspace ? <WorkspaceNav {...workspace} languages={!failed} /> : null}
        </header>
        <main id="inhoud" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>{t("site.footer")}</p>
            <nav aria-label={t("footer.label")} className="footer-links">
              <ul>
                <li>
                  <Link to={inLocale("/privacy")}>{t("footer.privacy")}</Link>
                </li>
                <li>
                  <Link to={inLocale("/toegankelijkheid")}>{t("footer.accessibility")}</Link>
                </li>
                <li>
                  <Link to={inLocale("/voor-partners")}>{t("footer.partners")}</Link>
                </li>
                <li>
                  <Link to={inLocale("/beheer")}>{t("site.organisers")}</Link>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const inLocale = useLocalePath();
  const kind = errorKind(error);
  if (kind === "error") console.error(error);
  const { mail, minutes } = tooManyText(error);
  return (
    <div className="wrap page narrow">
      <h1>{t(`${kind}.title`)}</h1>
      <p role={kind === "tooMany" || kind === "busy" ? "alert" : undefined}>
        {kind === "tooMany"
          ? t(mail ? "tooMany.mailBody" : "tooMany.body", { minutes })
          : t(`${kind}.body`)}
      </p>
      <p>
        <Link to={inLocale("/")}>{t("notFound.link")}</Link>
      </p>
    </div>
  );
}
