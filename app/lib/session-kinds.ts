import type { SessionKind, SessionLanguage } from "../../db/schema";

export const SESSION_KINDS: readonly SessionKind[] = ["info", "breakfast", "forum"];

export function isSessionKind(value: unknown): value is SessionKind {
  return typeof value === "string" && (SESSION_KINDS as readonly string[]).includes(value);
}

/** The languages a session can be given in. */
export const SESSION_LANGUAGES: readonly SessionLanguage[] = ["nl", "en", "fr"];

export function isSessionLanguage(value: unknown): value is SessionLanguage {
  return typeof value === "string" && (SESSION_LANGUAGES as readonly string[]).includes(value);
}
