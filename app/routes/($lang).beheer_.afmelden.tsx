import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { localePath } from "~/lib/locale-path";
import { signOut } from "~/web/auth.server";
import { redirectWithNotice } from "~/web/flash.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";

/**
 * Signing out is a POST (a link or an image elsewhere cannot sign anyone out). It also empties
 * what the site kept on the device: the check-in lists and their copies for use without a
 * network, the service worker that served them, and anything still queued there.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  return redirectWithNotice(
    request,
    "/beheer/inloggen",
    { key: "login.loggedOut" },
    { "Set-Cookie": await signOut(request), "Clear-Site-Data": '"cache", "storage"' },
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // A redirect from here would win over the root's 404 for /de/…: the check comes first.
  requireKnownLanguage(params);
  return redirect(localePath(localeOf(request), "/beheer"));
}
