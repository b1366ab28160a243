import type { SessionKind } from "../../db/schema";

export const SESSION_KINDS: readonly SessionKind[] = ["info", "breakfast", "forum"];

export function isSessionKind(value: unknown): value is SessionKind {
  return typeof value === "string" && (SESSION_KINDS as readonly string[]).includes(value);
}
