import type { AppLoadContext } from "@remix-run/node";
import { DateTime } from "luxon";
import type { ParameterProblem } from "../lib/api-query";
import { emailDomainsOf } from "../lib/email-domains";
import { matchesEtag, strongEtag } from "../lib/etag";
import { LOCALES_IN_ORDER, languageOfLocale, localePath } from "../lib/locale-path";
import { inLanguage, type Question, questionWith, type Texts } from "../lib/questions";
import { TIME_ZONE } from "../lib/time";
import { availabilityOf, type SessionDetail } from "../models/session.server";
import { clientOf, enforce } from "./rate-limits.server";

/**
 * The public read API (docs/api.md): what a session looks like in it, and how every answer
 * is made: JSON readable from any origin (CORS), an ETag with 304, a short public cache, and
 * errors as RFC 9457 problem details.
 */

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, Retry-After",
} as const;

/** "2026-12-03T08:30:00+01:00": the instant with the Brussels offset it has on that day. */
function brusselsInstant(instant: string): string {
  return DateTime.fromISO(instant, { zone: TIME_ZONE }).toISO({ suppressMilliseconds: true }) ?? "";
}

const optionalInstant = (instant: string | null) => (instant ? brusselsInstant(instant) : null);

/** Each language's text, Dutch where there is none in that language. */
const allLanguages = (texts: Texts) => ({
  nl: texts.nl,
  fr: inLanguage(texts, "fr-BE"),
  en: inLanguage(texts, "en-BE"),
});

/** A question as the API gives it: what a partner's site needs to say what is asked. */
function questionResource(question: Question) {
  return questionWith(question, allLanguages);
}

/** A session as the API gives it, with the questions it asks at sign-up (never any answer). */
export function sessionResource(
  session: SessionDetail,
  now: string,
  publicUrl: string,
  questions: readonly Question[],
) {
  const path = `/sessies/${encodeURIComponent(session.slug)}`;
  return {
    slug: session.slug,
    url: `${publicUrl}${path}`,
    /** The same page in each language the site speaks, for a partner's site in French or English. */
    pages: Object.fromEntries(
      LOCALES_IN_ORDER.map((locale) => [
        languageOfLocale(locale),
        `${publicUrl}${localePath(locale, path)}`,
      ]),
    ),
    calendarUrl: `${publicUrl}${path}/agenda.ics`,
    title: session.title,
    summary: session.summary,
    description: session.description,
    kind: session.kind,
    language: session.language,
    status: session.status,
    availability: availabilityOf(session, session.confirmedCount, now).state,
    startsAt: brusselsInstant(session.starts_at),
    endsAt: brusselsInstant(session.ends_at),
    timeZone: TIME_ZONE,
    city: { slug: session.city.slug, name: session.city.name },
    venue: {
      name: session.venue_name,
      address: session.venue_address,
      latitude: session.venue_latitude,
      longitude: session.venue_longitude,
    },
    partners: session.partners.map(({ slug, name, website }) => ({ slug, name, website })),
    capacity: session.capacity,
    seatsLeft: Math.max(session.capacity - session.confirmedCount, 0),
    registration: {
      opensAt: optionalInstant(session.registration_opens_at),
      closesAt: optionalInstant(session.registration_closes_at),
      requiresApproval: session.requires_approval === 1,
      emailDomains: emailDomainsOf(session.email_domains),
    },
    updatedAt: brusselsInstant(session.updated_at),
    questions: questions.map(questionResource),
  };
}

/** A 200 with the body, or a 304 when the client's copy is current. */
export function apiAnswer(
  request: Request,
  body: unknown,
  { maxAge, headers = {} }: { maxAge: number; headers?: Record<string, string> },
): Response {
  const json = JSON.stringify(body);
  const etag = strongEtag(json);
  const common = {
    ...CORS,
    ...headers,
    ETag: etag,
    "Cache-Control": `public, max-age=${maxAge}`,
  };
  if (matchesEtag(request.headers.get("If-None-Match"), etag))
    return new Response(null, { status: 304, headers: common });
  return new Response(json, {
    headers: { ...common, "Content-Type": "application/json; charset=utf-8" },
  });
}

/** An RFC 9457 problem, readable by the same clients as the answers. */
export function apiProblem(
  status: number,
  title: string,
  detail: string,
  {
    problems,
    headers = {},
  }: { problems?: ParameterProblem[]; headers?: Record<string, string> } = {},
): Response {
  return new Response(
    JSON.stringify({
      type: "about:blank",
      title,
      status,
      detail,
      ...(problems ? { problems } : {}),
    }),
    {
      status,
      headers: {
        ...CORS,
        ...headers,
        "Content-Type": "application/problem+json; charset=utf-8",
        "Cache-Control": "no-store",
      },
    },
  );
}

/**
 * Counts the request against the client's API budget (RATE_API_PER_CLIENT_PER_MINUTE), the
 * same way every other limit is counted; over it, a 429 problem with Retry-After.
 */
export async function enforceApiLimit(context: AppLoadContext): Promise<void> {
  try {
    await enforce(["api.client", clientOf(context)]);
  } catch (refusal) {
    if (refusal instanceof Response && refusal.status === 429) {
      const retryAfter = refusal.headers.get("Retry-After") ?? "60";
      throw apiProblem(
        429,
        "Too many requests",
        `This client made more requests than its budget allows; try again in ${retryAfter} s.`,
        { headers: { "Retry-After": retryAfter } },
      );
    }
    throw refusal;
  }
}

/**
 * The CORS preflight (OPTIONS) of a browser on another site that reads the API with a header
 * of its own (If-None-Match). Remix hands OPTIONS to the loader, so each loader starts here.
 */
export function apiPreflight(request: Request): Response | null {
  if (request.method !== "OPTIONS") return null;
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "Accept, If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/** The API only reads: every other method is a 405 that says which ones there are. */
export function apiAction(): Response {
  return apiProblem(405, "Method not allowed", "This API only reads: use GET.", {
    headers: { Allow: "GET, HEAD, OPTIONS" },
  });
}
