import type { AppLoadContext } from "@remix-run/node";
import ipaddr from "ipaddr.js";
import { type Budget, consumeInTurn, limitKey, type Verdict } from "../models/rate-limit.server";
import { config } from "./config.server";

/**
 * Every abuse limit of the site, by what it protects. Each has its own budget, set in the
 * configuration (see docs/security.md): a campus or company network puts hundreds of honest
 * people behind one client address, so the budgets per client address are generous, and the
 * one per email address is strict, because nobody should be able to flood a mailbox.
 */
export type Rule =
  /** Sign-ups from one client address. */
  | "signup.client"
  /** Mail to one email address caused by anonymous requests: sign-ups, password resets. */
  | "mail.address"
  /** Sign-in attempts from one client address, for any account. */
  | "login.client"
  /** Failed sign-ins for one account from one client address: "locked" for that client only. */
  | "login.accountClient"
  /** Failed sign-ins for one account from everywhere: distributed guessing. */
  | "login.account"
  /** Password-reset requests from one client address. */
  | "reset.client"
  /** Invitations one organiser sends. */
  | "invite.organiser"
  /** Requests to the public read API from one client address. */
  | "api.client";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function budgetOf(rule: Rule): Budget {
  const c = config();
  switch (rule) {
    case "signup.client":
      return { limit: c.RATE_SIGNUPS_PER_CLIENT_PER_MINUTE, periodMs: MINUTE };
    case "mail.address":
      return { limit: c.RATE_MAILS_PER_ADDRESS_PER_HOUR, periodMs: HOUR };
    case "login.client":
      return { limit: c.RATE_LOGINS_PER_CLIENT_PER_MINUTE, periodMs: MINUTE };
    case "login.accountClient":
      return { limit: c.RATE_LOGIN_FAILURES_PER_ACCOUNT_CLIENT, periodMs: 15 * MINUTE };
    case "login.account":
      return { limit: c.RATE_LOGIN_FAILURES_PER_ACCOUNT_PER_HOUR, periodMs: HOUR };
    case "reset.client":
      return { limit: c.RATE_RESETS_PER_CLIENT_PER_HOUR, periodMs: HOUR };
    case "invite.organiser":
      return { limit: c.RATE_INVITATIONS_PER_ORGANISER_PER_HOUR, periodMs: HOUR };
    case "api.client":
      return { limit: c.RATE_API_PER_CLIENT_PER_MINUTE, periodMs: MINUTE };
  }
}

function keyOf(rule: Rule, about: string[]): string {
  const parts = rule === "mail.address" ? about.map(mailboxOf) : about;
  return limitKey(rule, ...parts);
}

/** The mailbox an address delivers to: "An+x@Example.org" lands where "an@example.org" does. */
function mailboxOf(email: string): string {
  const [local = "", domain = ""] = email
    .trim()
    .toLowerCase()
    .split(/@(?=[^@]*$)/);
  return `${local.replace(/\+.*$/, "")}@${domain}`;
}

/**
 * The client address a limit counts against. IPv4 as it is; IPv6 by its /64 network, since
 * one connection is usually handed a whole /64 to pick addresses from.
 */
export function clientOf(context: AppLoadContext): string {
  const address = context.clientAddress;
  if (!address || !ipaddr.isValid(address)) return "unknown";
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const bytes = parsed.toByteArray().slice(0, 8);
  return `${ipaddr.fromByteArray([...bytes, 0, 0, 0, 0, 0, 0, 0, 0]).toString()}/64`;
}

/** The 429 a refused request answers: the root error page says how long to wait. */
function tooManyRequests(
  verdict: Extract<Verdict, { ok: false }>,
  limit: "requests" | "mail" = "requests",
): Response {
  return Response.json(
    { retryAfter: verdict.retryAfterSeconds, limit },
    { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
  );
}

/**
 * A refused request is answered after a pause: a client that keeps many requests in flight
 * then gets few answers a second, and rendering them cannot crowd out everyone else's pages.
 */
const REFUSAL_PAUSE_MS = 1000;
export const pauseBeforeRefusing = () =>
  new Promise((resolve) => setTimeout(resolve, REFUSAL_PAUSE_MS));

/**
 * Counts a request under each rule in turn (in one transaction) and throws the 429 of the
 * first that refuses it. Rules about mail to an address answer with the mail wording.
 */
export async function enforce(...checks: [Rule, ...string[]][]): Promise<void> {
  const verdicts = await consumeInTurn(
    checks.map(([rule, ...about]) => ({ key: keyOf(rule, about), budget: budgetOf(rule) })),
  );
  for (const [i, verdict] of verdicts.entries()) {
    if (!verdict.ok) {
      await pauseBeforeRefusing();
      throw tooManyRequests(verdict, checks[i]?.[0] === "mail.address" ? "mail" : "requests");
    }
  }
}
