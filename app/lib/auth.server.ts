import { createCookie, redirect } from "@remix-run/node";
import {
  endAuthSession,
  organiserBySessionToken,
  type SignedInOrganiser,
} from "../models/organiser.server";
import { isSessionInScope } from "../models/scope.server";
import { config } from "./config.server";

const sessionCookie = createCookie("oa_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/beheer",
  maxAge: 12 * 60 * 60,
  secure: config().publicUrl.startsWith("https://"),
  secrets: [config().sessionSecret],
});

async function tokenOf(request: Request): Promise<string | null> {
  const token = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" ? token : null;
}

export function signInCookie(token: string): Promise<string> {
  return sessionCookie.serialize(token);
}

export async function signOut(request: Request): Promise<string> {
  const token = await tokenOf(request);
  if (token) await endAuthSession(token);
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** A relative path to come back to after signing in; anything else falls back to the dashboard. */
export function safeRedirectPath(value: FormDataEntryValue | string | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/beheer") && !path.startsWith("//") && !path.includes("\\")
    ? path
    : "/beheer";
}

/**
 * A form posted from another site carries the organiser's cookie only on top-level navigations
 * (SameSite=Lax blocks the rest); refusing a foreign Origin closes that gap as well.
 */
function assertSameOrigin(request: Request) {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("Origin");
  if (!origin) return;
  const allowed = new Set([new URL(request.url).origin, new URL(config().publicUrl).origin]);
  if (!allowed.has(origin)) throw new Response("Forbidden", { status: 403 });
}

/** The signed-in organiser, or a redirect to the sign-in page that comes back here. */
export async function requireOrganiser(request: Request): Promise<SignedInOrganiser> {
  assertSameOrigin(request);
  const token = await tokenOf(request);
  const organiser = token ? await organiserBySessionToken(token) : null;
  if (!organiser) {
    const url = new URL(request.url);
    throw redirect(`/beheer/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return organiser;
}

export async function optionalOrganiser(request: Request): Promise<SignedInOrganiser | null> {
  const token = await tokenOf(request);
  return token ? organiserBySessionToken(token) : null;
}

export async function requireAdmin(request: Request): Promise<SignedInOrganiser> {
  const organiser = await requireOrganiser(request);
  if (organiser.role !== "admin") throw new Response("Forbidden", { status: 403 });
  return organiser;
}

/**
 * The organiser, when the session with this id is theirs to see. Another city's session
 * answers 404, exactly like one that does not exist: its existence is not theirs to know.
 */
export async function requireSessionAccess(request: Request, sessionIdParam: string | undefined) {
  const organiser = await requireOrganiser(request);
  const sessionId = Number(sessionIdParam);
  if (!Number.isSafeInteger(sessionId) || !(await isSessionInScope(organiser.scope, sessionId))) {
    throw new Response("Not Found", { status: 404 });
  }
  return { organiser, sessionId };
}
