import type { LoaderFunctionArgs } from "@remix-run/node";
import { deviceLabel } from "~/lib/user-agent";
import { cityProvider, finishCitySignIn } from "~/web/city-sign-in.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";
import { clientOf, enforce } from "~/web/rate-limits.server";

/**
 * The way back from the city's provider (the redirect URI the city registers): into the
 * workspace, or to a page that says why not.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireKnownLanguage(params);
  if (!cityProvider()) throw notFound();
  const client = clientOf(context);
  await enforce(["login.client", client]);
  return finishCitySignIn(request, {
    client,
    device: deviceLabel(request.headers.get("User-Agent")),
  });
}
