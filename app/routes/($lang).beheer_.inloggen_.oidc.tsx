import type { LoaderFunctionArgs } from "@remix-run/node";
import { cityProvider, startCitySignIn } from "~/web/city-sign-in.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";

/** The button "sign in with the city's account": off to the city's provider (404 without one). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireKnownLanguage(params);
  if (!cityProvider()) throw notFound();
  return startCitySignIn(
    request,
    localeOf(request),
    new URL(request.url).searchParams.get("terug"),
  );
}
