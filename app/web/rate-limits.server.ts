import type { AppLoadContext } from "@remix-run/node";
import ipaddr from "ipaddr.js";
import {
  budgetOf,
  consumeInTurn,
  type Rule,
  ruleKey,
  type Verdict,
} from "../models/rate-limit.server";

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

type Check = [Rule, ...string[]];

/** Counts a request under each rule in turn, in one transaction: each rule's verdict. */
const count = (checks: Check[]) =>
  consumeInTurn(
    checks.map(([rule, ...about]) => ({ key: ruleKey(rule, about), budget: budgetOf(rule) })),
  );

/**
 * Counts a request under each rule in turn (in one transaction) and throws the 429 of the
 * first that refuses it. Rules about mail to an address answer with the mail wording.
 */
export async function enforce(...checks: Check[]): Promise<void> {
  const verdicts = await count(checks);
  for (const [i, verdict] of verdicts.entries()) {
    if (!verdict.ok) {
      await pauseBeforeRefusing();
      throw tooManyRequests(verdict, checks[i]?.[0] === "mail.address" ? "mail" : "requests");
    }
  }
}

/**
 * The 429 of a request a model counted and refused under `rule` (in the transaction that would
 * have stored it), after the same pause as enforce's.
 */
export async function refusal(rule: Rule, retryAfterSeconds: number): Promise<Response> {
  await pauseBeforeRefusing();
  return tooManyRequests(
    { ok: false, retryAfterSeconds },
    rule === "mail.address" ? "mail" : "requests",
  );
}

/**
 * Counts a request as enforce does and answers whether every rule let it through, refusing
 * nothing: for an answer that must not tell whether a mail went out.
 */
export async function withinBudget(...checks: Check[]): Promise<boolean> {
  return (await count(checks)).every((verdict) => verdict.ok);
}
