import { createCookie, redirect } from "@remix-run/node";
import * as oidc from "openid-client";
import { DEFAULT_LOCALE, i18n, type Locale } from "~/i18n";
import { LOCALES_IN_ORDER, localePath } from "~/lib/locale-path";
import { config } from "../lib/config.server";
import { emailDomainAllowed } from "../lib/email-domains";
import { signInWithCityAccount, type VouchedPerson } from "../models/city-sign-in.server";
import { rememberWorkingLanguage } from "../models/organiser.server";
import { safeRedirectPath, signInCookie } from "./auth.server";
import { cookieName, isSecure } from "./cookies.server";
import { notFound } from "./not-found.server";

/**
 * Sign-in with the city's own accounts (OpenID Connect, authorization code flow with PKCE):
 * the start sends the browser to the city's provider with a fresh state, nonce and PKCE
 * verifier, kept for ten minutes in a signed httpOnly cookie; the way back checks the state,
 * exchanges the code once, and has openid-client verify the ID token (signature, issuer,
 * audience, expiry, nonce). Only then does the address it names count, and only for an
 * organiser an admin invited, or one of a domain an admin allowed. See docs/security.md.
 */

const CALLBACK_PATH = "/beheer/inloggen/oidc/terug";
const SCOPES = "openid email profile";

/** Why a sign-in with the city's account was refused: each has its page (…/oidc/mislukt). */
export const CITY_SIGN_IN_FAILURES = [
  "refused",
  "unverified",
  "notInvited",
  "removedByAdmin",
  "doorAccessEnded",
  "unavailable",
] as const;
export type CitySignInFailure = (typeof CITY_SIGN_IN_FAILURES)[number];

/** The provider's settings, when the city connected one. */
export function cityProvider() {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_BUTTON_LABEL } = config();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return {
    issuer: OIDC_ISSUER,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    label: OIDC_BUTTON_LABEL ?? null,
  };
}

/** Whether an address is of a domain that signs in with the city's accounts only. */
export function isCityDomain(email: string): boolean {
  const domains = config().OIDC_DOMAINS;
  return domains.length > 0 && emailDomainAllowed(email, domains);
}

/**
 * Whether an account must sign in with the city's accounts (an address of the city's domains),
 * not with a password or a passkey: all but the admins a break-glass setting lets keep theirs.
 */
export function mustUseCityAccount(organiser: {
  email: string;
  role: string;
  city_account_only?: number;
}): boolean {
  // An account that joined through a domain has only the city's accounts, provider or not.
  if (organiser.city_account_only === 1) return true;
  if (!cityProvider() || !isCityDomain(organiser.email)) return false;
  return !(config().OIDC_BREAK_GLASS === "admins" && organiser.role === "admin");
}

/** The button's label: the city's own, or ours in the reader's language. */
export function cityButtonLabel(locale: Locale): string {
  return cityProvider()?.label ?? i18n(locale).t("cityLogin.button");
}

let discovered: Promise<oidc.Configuration> | undefined;

/** The provider's metadata and keys, fetched once (again after a failure: it may be back up). */
function providerConfiguration(): Promise<oidc.Configuration> {
  const provider = cityProvider();
  if (!provider) throw notFound();
  discovered ??= oidc
    .discovery(
      new URL(provider.issuer),
      provider.clientId,
      undefined,
      oidc.ClientSecretBasic(provider.clientSecret),
      {
        // A provider on this machine over plain http, in tests only (refused in production).
        execute: config().OIDC_ALLOW_HTTP === "on" ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      },
    )
    .catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
  return discovered;
}

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  back: string;
  locale: Locale;
}

const pendingCookie = createCookie(cookieName("oa_oidc"), {
  httpOnly: true,
  // The provider sends the browser back with a top-level GET: a lax cookie comes along.
  sameSite: "lax",
  path: "/",
  maxAge: 10 * 60,
  secure: config().publicUrl.startsWith("https://"),
  secrets: [config().sessionSecret],
});

const redirectUri = () => `${config().publicUrl}${CALLBACK_PATH}`;

function failurePage(locale: Locale, reason: CitySignInFailure, headers: HeadersInit = {}) {
  return redirect(`${localePath(locale, "/beheer/inloggen/oidc/mislukt")}?reden=${reason}`, {
    status: 303,
    headers,
  });
}

/** The start: off to the city's provider, with what the way back must match in a cookie. */
export async function startCitySignIn(
  request: Request,
  locale: Locale,
  backParam: string | null,
): Promise<Response> {
  let configuration: oidc.Configuration;
  try {
    configuration = await providerConfiguration();
  } catch (error) {
    if (error instanceof Response) throw error;
    console.warn(`City sign-in: the provider cannot be reached (${explain(error)})`);
    return failurePage(locale, "unavailable");
  }
  const pending: Pending = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    back: safeRedirectPath(backParam, locale),
    locale,
  };
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(),
    scope: SCOPES,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: "S256",
  });
  return redirect(url.href, {
    headers: {
      "Set-Cookie": await pendingCookie.serialize(pending, { secure: isSecure(request) }),
      "Cache-Control": "no-store",
    },
  });
}

async function pendingOf(request: Request): Promise<Pending | null> {
  const value: unknown = await pendingCookie.parse(request.headers.get("Cookie"));
  if (typeof value !== "object" || value === null) return null;
  const { state, nonce, verifier, back, locale } = value as Record<string, unknown>;
  if (typeof state !== "string" || typeof nonce !== "string" || typeof verifier !== "string") {
    return null;
  }
  const lang = LOCALES_IN_ORDER.find((known) => known === locale) ?? DEFAULT_LOCALE;
  return { state, nonce, verifier, back: safeRedirectPath(String(back), lang), locale: lang };
}

type Claims = oidc.IDToken | oidc.UserInfoResponse;

/**
 * What went wrong, for the server's log: the error's messages, its code, and the provider's
 * error code. Never the details the library attaches (the token's claims, the response's
 * parameters): they hold the address and the code.
 */
function explain(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const { code, cause, error: oauthError } = error as Error & { code?: unknown; error?: unknown };
  const parts = [`${error.name}: ${error.message}`];
  if (cause instanceof Error) parts.push(cause.message);
  if (typeof code === "string") parts.push(code);
  if (typeof oauthError === "string") parts.push(oauthError);
  return parts.join("; ").slice(0, 500);
}

/**
 * Whom the provider vouches for: an address verified by it, or of the city's own domains, with
 * the name it gives (for an account that joins through its domain).
 */
function vouchedPerson(claims: Claims | undefined): VouchedPerson | null {
  const email = claims?.email;
  if (typeof email !== "string" || email.length > 254) return null;
  if (claims?.email_verified !== true && !isCityDomain(email)) return null;
  return { email, name: typeof claims?.name === "string" ? claims.name : null };
}

/**
 * The way back from the provider: every check passed, the invited organiser's sign-in starts
 * and the browser goes on into the workspace; any failure goes to a page that says why, with
 * nothing created. The pending cookie is used once, whatever the outcome.
 */
export async function finishCitySignIn(
  request: Request,
  origin: { client: string; device: string | null },
): Promise<Response> {
  const pending = await pendingOf(request);
  const locale = pending?.locale ?? DEFAULT_LOCALE;
  const used = {
    "Set-Cookie": await pendingCookie.serialize("", { maxAge: 0, secure: isSecure(request) }),
  };
  const refuse = (reason: CitySignInFailure, why: string) => {
    console.warn(`City sign-in refused (${reason}): ${why}`);
    return failurePage(locale, reason, used);
  };
  if (!pending) return refuse("refused", "no sign-in was started in this browser");
  let configuration: oidc.Configuration;
  try {
    configuration = await providerConfiguration();
  } catch (error) {
    if (error instanceof Response) throw error;
    return refuse("unavailable", explain(error));
  }
  const current = new URL(redirectUri());
  current.search = new URL(request.url).search;
  let claims: Claims | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    // A provider may leave the address out of the ID token and answer it at its userinfo
    // endpoint, for the same subject only.
    if (claims && typeof claims.email !== "string") {
      claims = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    }
  } catch (error) {
    const unreachable = error instanceof TypeError || (error as Error)?.name === "TimeoutError";
    return refuse(unreachable ? "unavailable" : "refused", explain(error));
  }
  const person = vouchedPerson(claims);
  if (!person) return refuse("unverified", "the ID token names no verified address");
  const result = await signInWithCityAccount(person, { ...origin, locale });
  if (!result.ok) {
    if (result.reason === "busy") return refuse("unavailable", "too busy to make a new account");
    return refuse(result.reason, "no organiser may sign in with this address");
  }
  await rememberWorkingLanguage(result.organiser.id, locale);
  const headers = new Headers(used);
  headers.append("Set-Cookie", await signInCookie(request, result.sessionToken));
  return redirect(pending.back, { headers });
}
