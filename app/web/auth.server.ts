import { createCookie, redirect } from "@remix-run/node";
import { DEFAULT_LOCALE, type Locale } from "~/i18n";
import { localeOfPrefix, localePath } from "~/lib/locale-path";
import { localeOf } from "~/web/locale.server";
import { config } from "../lib/config.server";
import { parseRowId } from "../lib/session-form";
import type { SignedInOrganiser } from "../models/organiser.server";
import { isSessionInScope } from "../models/scope.server";
import {
  endAuthSession,
  organiserBySessionToken,
  type PendingSignIn,
  pendingSignInOf,
} from "../models/sign-in.server";
import { cookieName, isSecure } from "./cookies.server";
import { notFound } from "./not-found.server";

const sessionCookie = createCookie(cookieName("oa_session"), {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 12 * 60 * 60,
  secure: config().publicUrl.startsWith("https://"),
  secrets: [config().sessionSecret],
});

/** The token of the browser's sign-in cookie, whatever stage it is at; null without one. */
export async function tokenOf(request: Request): Promise<string | null> {
  const token = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && token !== "" ? token : null;
}

/** The page a sign-in goes on to after the password, for the step still to come. */
const STEP_PAGES = {
  code: "/beheer/inloggen/code",
  enrol: "/beheer/inloggen/instellen",
} as const;

/**
 * Someone whose password was right and whose second step is still to come (its code, or
 * setting it up): who, which step, and their token. Null for anyone else, signed in or not.
 */
export async function pendingSignIn(
  request: Request,
): Promise<(PendingSignIn & { token: string }) | null> {
  const token = await tokenOf(request);
  const pending = token ? await pendingSignInOf(token) : null;
  return pending && token ? { ...pending, token } : null;
}

/**
 * Someone at this step of signing in, for its page; null for someone signed in (whom the page
 * sends on). Anyone else is sent where they belong: the sign-in form, or the step they are at.
 */
export async function atSignInStep(
  request: Request,
  stage: PendingSignIn["stage"],
  back: string,
): Promise<(PendingSignIn & { token: string }) | null> {
  if (await optionalOrganiser(request)) return null;
  const locale = localeOf(request);
  const pending = await pendingSignIn(request);
  if (!pending) throw redirect(localePath(locale, "/beheer/inloggen"));
  if (pending.stage !== stage) throw redirect(stepPath(pending.stage, locale, back));
  return pending;
}

/** Where a sign-in goes once its password was right: its step's page, coming back to `back`. */
export function stepPath(stage: PendingSignIn["stage"], locale: Locale, back: string): string {
  return `${localePath(locale, STEP_PAGES[stage])}?terug=${encodeURIComponent(back)}`;
}

export function signInCookie(request: Request, token: string): Promise<string> {
  return sessionCookie.serialize(token, { secure: isSecure(request) });
}

export async function signOut(request: Request): Promise<string> {
  const token = await tokenOf(request);
  if (token) await endAuthSession(token);
  return sessionCookie.serialize("", { maxAge: 0, secure: isSecure(request) });
}

/**
 * A path on this site's workspace (in any language) to come back to after signing in; anything
 * else (another site, a line break that would end up in a header) falls back to the dashboard in
 * the language the person signs in with.
 */
export function safeRedirectPath(
  value: FormDataEntryValue | string | null,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const path = typeof value === "string" ? value : "";
  const safe =
    /^(?:\/fr|\/en)?\/beheer(?:[/?#]|$)/.test(path) &&
    !path.includes("\\") &&
    // No "." or ".." segment, written out or encoded: the browser would resolve it off /beheer.
    !/(?:^|\/)\.\.?(?:[/?#]|$)/.test(path) &&
    !/%2e/i.test(path) &&
    path.length <= 2000 &&
    /^[\x21-\x7e]*$/.test(path);
  return safe ? path : localePath(locale, "/beheer");
}

/**
 * Whoever is signed in to the workspace, door volunteers included, or a redirect to the sign-in
 * page that comes back here. Only the frame and the check-in pages take door volunteers: every
 * other page asks for `requireOrganiser`. Under a prefix that is no language (`/de/beheer/…`)
 * the workspace is not there: a 404 before anything else, so nobody is sent to sign in for a
 * page that does not exist (a route's own loader runs beside the root's, and its redirect would
 * win over the root's 404).
 */
export async function requireSignedIn(request: Request): Promise<SignedInOrganiser> {
  const prefix = /^\/([^/]+)\/beheer(?:[/?]|$)/.exec(new URL(request.url).pathname)?.[1];
  if (prefix !== undefined && !localeOfPrefix(prefix)) throw notFound();
  const token = await tokenOf(request);
  const organiser = token ? await organiserBySessionToken(token) : null;
  if (!organiser) {
    const url = new URL(request.url);
    const signIn = localePath(localeOf(request), "/beheer/inloggen");
    throw redirect(`${signIn}?terug=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return organiser;
}

const forbidden = () => new Response("Forbidden", { status: 403 });

/**
 * The signed-in organiser or admin. A door volunteer gets 403: their account opens the check-in
 * of their sessions and nothing else, so a page that forgets to decide refuses them.
 */
export async function requireOrganiser(request: Request): Promise<SignedInOrganiser> {
  const organiser = await requireSignedIn(request);
  if (organiser.role === "door") throw forbidden();
  return organiser;
}

export async function optionalOrganiser(request: Request): Promise<SignedInOrganiser | null> {
  const token = await tokenOf(request);
  return token ? organiserBySessionToken(token) : null;
}

/**
 * Whether the request carries a sign-in cookie this site signed: read without the database,
 * for what every page shows differently to an organiser (their language is stored, so no note
 * about the browser's). Pages with this cookie are never served from the page cache.
 */
export async function hasSignInCookie(request: Request): Promise<boolean> {
  return (await tokenOf(request)) !== null;
}

export async function requireAdmin(request: Request): Promise<SignedInOrganiser> {
  const organiser = await requireOrganiser(request);
  if (organiser.role !== "admin") throw forbidden();
  return organiser;
}

/**
 * The organiser, when the session with this id is theirs to see. Another city's session
 * answers 404, exactly like one that does not exist: its existence is not theirs to know. A
 * door volunteer passes only where `door` says the page is a check-in page, and then only for
 * their own sessions.
 */
export async function requireSessionAccess(
  request: Request,
  sessionIdParam: string | undefined,
  { door = false }: { door?: boolean } = {},
) {
  const organiser = await (door ? requireSignedIn(request) : requireOrganiser(request));
  const sessionId = parseRowId(sessionIdParam);
  if (sessionId === null || !(await isSessionInScope(organiser.scope, sessionId))) {
    throw notFound();
  }
  return { organiser, sessionId };
}
