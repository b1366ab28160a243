import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/lib/auth.server";

/** Signing out is a POST (a link or an image elsewhere cannot sign anyone out). */
export async function action({ request }: ActionFunctionArgs) {
  return redirect("/beheer/inloggen?melding=afgemeld", {
    headers: { "Set-Cookie": await signOut(request) },
  });
}

export async function loader() {
  return redirect("/beheer");
}
