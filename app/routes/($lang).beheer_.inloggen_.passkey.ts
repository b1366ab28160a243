import type { ActionFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n";
import { type PasskeyAnswer, passkeySignInSchema } from "~/lib/passkey-form";
import { addMinutes, nowInstant } from "~/lib/time";
import { deviceLabel } from "~/lib/user-agent";
import { rememberWorkingLanguage } from "~/models/organiser.server";
import { passkeySignInOptions, signInWithPasskey } from "~/models/passkey.server";
import { safeRedirectPath, signInCookie } from "~/web/auth.server";
import { cityButtonLabel, mustUseCityAccount } from "~/web/city-sign-in.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf, enforce, pauseBeforeRefusing } from "~/web/rate-limits.server";

/**
 * Signing in with a passkey, for the button on the sign-in page (app/web/passkey.client.ts):
 * `options` hands out a challenge for any passkey of this site; `verify` checks the answer and,
 * when it is right, sets the sign-in cookie of a full sign-in (a passkey with user
 * verification is both steps) and names the page to go on to. Every post counts against the
 * client's sign-in limit, as the password form's do; a wrong answer also against the account's.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const client = clientOf(context);
  await enforce(["login.client", client]);
  const answer = (body: PasskeyAnswer, status = 200, headers: HeadersInit = {}) =>
    Response.json(body, { status, headers: { ...PRIVATE_HEADERS, ...headers } });
  const parsed = passkeySignInSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return answer({ error: "passkeys.errors.signInFailed" }, 400);
  if (parsed.data.intent === "options") return answer({ options: await passkeySignInOptions() });
  const result = await signInWithPasskey(parsed.data.response, {
    client,
    device: deviceLabel(request.headers.get("User-Agent")),
    mayUse: (organiser) => !mustUseCityAccount(organiser),
  });
  const locale = localeOf(request);
  if (result.ok) {
    await rememberWorkingLanguage(result.organiser.id, locale);
    return answer({ to: safeRedirectPath(parsed.data.terug ?? null, locale) }, 200, {
      "Set-Cookie": await signInCookie(request, result.sessionToken),
    });
  }
  if (result.reason === "invalid") return answer({ error: "passkeys.errors.signInFailed" }, 400);
  if (result.reason === "doorAccessEnded") return answer({ error: "door.signIn.ended" }, 403);
  if (result.reason === "notHere") {
    const button = cityButtonLabel(locale);
    return answer({ error: "cityLogin.only", values: { button } }, 403);
  }
  await pauseBeforeRefusing();
  const time = i18n(locale).time(addMinutes(nowInstant(), result.retryAfterSeconds / 60));
  return answer({ error: "login.locked", values: { time } }, 429, {
    "Retry-After": String(result.retryAfterSeconds),
  });
}
