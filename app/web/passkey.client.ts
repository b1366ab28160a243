import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";
import type { PasskeyAnswer } from "~/lib/passkey-form";

/**
 * The browser part of passkeys, bundled for the browser only (a `.client` module: the server
 * build gets nothing of it). It asks our route for a challenge, lets the browser and the
 * authenticator answer it, and posts the answer back, as a form like every post of this site.
 */

export const passkeysSupported = () => browserSupportsWebAuthn();

async function post(url: string, fields: Record<string, string>): Promise<PasskeyAnswer> {
  const response = await fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  try {
    return (await response.json()) as PasskeyAnswer;
  } catch {
    return { error: "passkeys.errors.failed" };
  }
}

/** What the person did not finish (cancelled, timed out) or the browser refused. */
const refusedByBrowser = (): PasskeyAnswer => ({ error: "passkeys.errors.cancelled" });

/** Asks a challenge from `url`, makes the passkey, and posts it back: its name, or why not. */
export async function createPasskey(url: string): Promise<PasskeyAnswer> {
  const asked = await post(url, { intent: "options" });
  if (!("options" in asked)) return asked;
  let credential: unknown;
  try {
    credential = await startRegistration({ optionsJSON: asked.options as never });
  } catch {
    return refusedByBrowser();
  }
  return post(url, { intent: "register", response: JSON.stringify(credential) });
}

/** Asks a challenge from `url`, signs it with a passkey, and posts it: where to go, or why not. */
export async function signInWithPasskey(url: string, back: string): Promise<PasskeyAnswer> {
  const asked = await post(url, { intent: "options" });
  if (!("options" in asked)) return asked;
  let assertion: unknown;
  try {
    assertion = await startAuthentication({ optionsJSON: asked.options as never });
  } catch {
    return refusedByBrowser();
  }
  return post(url, { intent: "verify", response: JSON.stringify(assertion), terug: back });
}
