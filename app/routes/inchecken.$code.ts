import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { localePath } from "~/lib/locale-path";
import { workingLanguageOf } from "~/models/organiser.server";
import { isCheckinCodeShape } from "~/models/registration.server";
import { optionalOrganiser } from "~/web/auth.server";
import { preferredLocale } from "~/web/locale.server";
import { notFound } from "~/web/not-found.server";

/**
 * What the QR code in a confirmation mail holds: one address for every language, leading to
 * the person's check-in in the language of the organiser who scans it: the one they work in
 * when they are signed in on that phone, else the phone's own (and then, after signing in, the
 * same page). Whether the code exists is for the check-in page to say, to a signed-in organiser.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  if (!isCheckinCodeShape(code)) throw notFound();
  const organiser = await optionalOrganiser(request);
  const locale = organiser ? await workingLanguageOf(organiser.id) : preferredLocale(request);
  return redirect(localePath(locale, `/beheer/inchecken/${code}`), {
    headers: { "Cache-Control": "private, no-store", Vary: "Cookie, Accept-Language" },
  });
}
