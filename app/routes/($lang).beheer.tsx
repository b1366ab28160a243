import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireSignedIn } from "~/web/auth.server";
import { PERSONAL_DATA } from "~/web/route-handle";
import { useI18n, useLocalePath } from "~/web/use-i18n";

export const handle = PERSONAL_DATA;

export async function loader({ request }: LoaderFunctionArgs) {
  const organiser = await requireSignedIn(request);
  return { name: organiser.name, role: organiser.role };
}

/**
 * The frame of the organiser workspace, for door volunteers too (who see no menu but their
 * check-in). Every page below checks access in its own loader too.
 */
export default function OrganiserLayout() {
  const inLocale = useLocalePath();
  const { name, role } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t("admin.title")}>
        <div className="wrap admin-nav-inner">
          <ul>
            <li>
              <NavLink to={inLocale("/beheer")} end>
                {t(role === "door" ? "door.nav.checkIn" : "admin.nav.dashboard")}
              </NavLink>
            </li>
            {role === "door" ? null : (
              <>
                <li>
                  <NavLink to={inLocale("/beheer/sessies/nieuw")}>
                    {t("admin.nav.newSession")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to={inLocale("/beheer/export")}>{t("admin.nav.export")}</NavLink>
                </li>
                <li>
                  <NavLink to={inLocale("/beheer/cijfers")}>{t("admin.nav.report")}</NavLink>
                </li>
              </>
            )}
            {role === "admin" ? (
              <>
                <li>
                  <NavLink to={inLocale("/beheer/organisatoren")}>
                    {t("admin.nav.organisers")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to={inLocale("/beheer/logboek")}>{t("admin.nav.log")}</NavLink>
                </li>
                <li>
                  <NavLink to={inLocale("/beheer/persoonsgegevens")}>
                    {t("admin.nav.personalData")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to={inLocale("/beheer/verwerkingsregister")}>
                    {t("admin.nav.register")}
                  </NavLink>
                </li>
              </>
            ) : null}
          </ul>
          <Form method="post" action={inLocale("/beheer/afmelden")} className="admin-user">
            <span>{t("admin.signedInAs", { name })}</span>
            {role === "door" ? null : (
              <NavLink to={inLocale("/beheer/mijn-account")}>{t("account.nav")}</NavLink>
            )}
            <button type="submit" className="link-button">
              {t("admin.logout")}
            </button>
          </Form>
        </div>
      </nav>
      <Outlet />
    </div>
  );
}
