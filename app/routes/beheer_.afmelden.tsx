import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/lib/auth.server";
import { redirectWithNotice } from "~/lib/flash.server";

/** Signing out is a POST (a link or an image elsewhere cannot sign anyone out). */
export async function action({ request }: ActionFunctionArgs) {
  return redirectWithNotice(
    request,
    "/beheer/inloggen",
    { key: "login.loggedOut" },
    { "Set-Cookie": await signOut(request) },
  );
}

export async function loader() {
  return redirect("/beheer");
}
