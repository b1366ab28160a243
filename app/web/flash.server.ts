import { createCookieSessionStorage, data, redirect } from "@remix-run/node";
import { localePath } from "~/lib/locale-path";
import { localeOf } from "~/web/locale.server";
import { config } from "../lib/config.server";
import type { FormMessage } from "../lib/forms";
import { cookieName, isSecure } from "./cookies.server";

/**
 * What the next page should say, for one request: the notice of what an action did (a
 * catalogue key and its values, so the page says it in the reader's language), or the address a
 * confirmation went to. Notices travel only here, never in the address bar.
 */
export type Notice = FormMessage;

const storage = createCookieSessionStorage<
  Record<string, never>,
  { signedUpEmails: string[]; notice: Notice }
>({
  cookie: {
    name: cookieName("oa_flash"),
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 600,
    secure: config().publicUrl.startsWith("https://"),
    secrets: [config().sessionSecret],
  },
});

/** The addresses a sign-up mailed (the person's, then their colleagues'), for the thank-you page. */
export async function flashSignedUpEmails(request: Request, emails: string[]): Promise<string> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.flash("signedUpEmails", emails);
  return storage.commitSession(session, { secure: isSecure(request) });
}

export async function takeSignedUpEmails(
  request: Request,
): Promise<{ emails: string[]; cookie: string }> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const emails = session.get("signedUpEmails") ?? [];
  return { emails, cookie: await storage.commitSession(session, { secure: isSecure(request) }) };
}

/**
 * A redirect after an action that succeeded, with what the next page should say about it. `to`
 * is the site path (`/beheer/…`); it is followed in the request's language (`/fr/beheer/…`).
 */
export async function redirectWithNotice(
  request: Request,
  to: string,
  notice: Notice,
  headers: HeadersInit = {},
): Promise<Response> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.flash("notice", notice);
  const response = redirect(localePath(localeOf(request), to), { headers });
  response.headers.append(
    "Set-Cookie",
    await storage.commitSession(session, { secure: isSecure(request) }),
  );
  return response;
}

/**
 * The notice waiting for this page, if any. Send `headers` with the loader's answer: they clear
 * the notice, so it is said once.
 */
export async function takeNotice(
  request: Request,
): Promise<{ notice: Notice | null; headers: { "Set-Cookie": string } }> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const notice = session.get("notice") ?? null;
  const cookie = await storage.commitSession(session, { secure: isSecure(request) });
  return { notice, headers: { "Set-Cookie": cookie } };
}

/** The answer of a loader whose page shows nothing of its own but the notice, said once. */
export async function noticeOnly(request: Request) {
  const { notice, headers } = await takeNotice(request);
  return data({ notice }, { headers });
}
