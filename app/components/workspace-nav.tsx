import { Form, NavLink, useLocation, useSubmit } from "@remix-run/react";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { LanguageSwitch } from "~/components/language-switch";
import { useSignOutGuard } from "~/web/use-door-queue";
import { useI18n, useLocalePath } from "~/web/use-i18n";
import type { OrganiserRole } from "../../db/schema";

/** Who is signed in to the workspace, as its frame's loader says. */
export interface WorkspaceUser {
  name: string;
  role: OrganiserRole;
}

/**
 * The workspace's bar in the site's header: its pages, then who is signed in, their account and
 * the way out. On a phone the pages, the account and the language switch fold behind one
 * button beside the brand, so the work starts near the top of the screen, and the name and
 * "Afmelden" share the line below; from 40rem the pages stand in a row (the header has the
 * language switch, the account link sits beside the name).
 */
export function WorkspaceNav({
  name,
  role,
  languages = true,
}: WorkspaceUser & {
  /** False on an error page, which is in one language only. */
  languages?: boolean;
}) {
  const inLocale = useLocalePath();
  const { t } = useI18n();
  // Check-ins this phone has not sent yet hold the sign-out back (app/web/use-door-queue.ts).
  const signOut = useSignOutGuard(useSubmit());
  return (
    <div className="admin-nav">
      <div className="wrap admin-nav-inner">
        <Menu label={t("admin.menu")}>
          <nav aria-label={t("admin.title")}>
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
              {role === "door" ? null : (
                // On a phone the account is in the menu; from 40rem beside the name (below).
                <li className="workspace-menu-account">
                  <NavLink to={inLocale("/beheer/mijn-account")}>{t("account.nav")}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          {/* The header has the switch from 40rem, this one is for a phone's menu. */}
          {languages ? <LanguageSwitch /> : null}
        </Menu>
        <Form
          method="post"
          action={inLocale("/beheer/afmelden")}
          className="admin-user"
          onSubmit={signOut.onSubmit}
        >
          <span className="admin-user-name">
            {/* On a phone the name alone: the prefix is for screen readers there. */}
            <span className="admin-user-prefix">{t("admin.signedInAs")}</span> {name}
          </span>
          {role === "door" ? null : (
            <NavLink to={inLocale("/beheer/mijn-account")} className="admin-user-account">
              {t("account.nav")}
            </NavLink>
          )}
          <button type="submit" className="link-button" disabled={signOut.checking}>
            {t("admin.logout")}
          </button>
        </Form>
        {signOut.waiting ? (
          <div className="sign-out-waiting" role="alert">
            <p>{t("admin.logout.waiting", { count: signOut.waiting })}</p>
            <button type="button" className="link-button" onClick={signOut.discard}>
              {t("admin.logout.discard", { count: signOut.waiting })}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/**
 * What folds away on a phone. The server sends a <details>, which opens and closes without
 * JavaScript; once the page runs, a button with `aria-expanded` takes its place, closes the menu
 * on Escape and after each page change. From 40rem the stylesheet shows the contents and hides
 * the button (`::details-content` for the <details>, where the browser knows it).
 */
function Menu({ label, children }: { label: string; children: ReactNode }) {
  const { key } = useLocation();
  const panel = useId();
  const details = useRef<HTMLDetailsElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [running, setRunning] = useState(false);
  // Open on the page it was opened on: another page (a new location key) finds it closed.
  const [openOn, setOpenOn] = useState<string | null>(null);
  useEffect(() => {
    // Opened before the scripts ran: it stays open. (Later the <details> is gone: nothing to do.)
    if (details.current?.open) setOpenOn(key);
    setRunning(true);
  }, [key]);
  if (!running) {
    return (
      <details className="workspace-menu" ref={details}>
        <summary className="workspace-menu-button">
          <MenuIcon />
          {label}
        </summary>
        <div className="workspace-menu-panel">{children}</div>
      </details>
    );
  }
  const open = openOn === key;
  const close = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpenOn(null);
    button.current?.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape from anywhere in the open menu
    <div className="workspace-menu" onKeyDown={close}>
      <button
        ref={button}
        type="button"
        className="workspace-menu-button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpenOn(open ? null : key)}
      >
        <MenuIcon />
        {label}
      </button>
      <div id={panel} className="workspace-menu-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

function MenuIcon() {
  return (
    <svg className="workspace-menu-icon" viewBox="0 0 16 12" aria-hidden="true" focusable="false">
      <path d="M0 1h16M0 6h16M0 11h16" />
    </svg>
  );
}
