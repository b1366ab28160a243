import { DateTime } from "luxon";
import { z } from "zod";
import type { SessionKind, SessionLanguage } from "../../db/schema";
import type { SessionQuery } from "../models/session-api.server";
import { SESSION_KINDS, SESSION_LANGUAGES } from "./session-kinds";
import { TIME_ZONE } from "./time";

/**
 * The query of `GET /api/sessions`, checked strictly: an unknown or repeated parameter is a
 * 400 that names it, so a typo ("stad" for "city") is seen at once instead of returning every
 * session. See docs/api.md.
 */

export const PAGE_SIZE = { default: 20, max: 100 } as const;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug: lower-case letters, digits, -");

/** A date (midnight in Brussels) or an RFC 3339 date-time with its offset, as a UTC instant. */
const instant = z.string().transform((value, ctx) => {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? DateTime.fromISO(value, { zone: TIME_ZONE })
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
      ? DateTime.fromISO(value, { setZone: true })
      : null;
  if (!parsed?.isValid) {
    ctx.addIssue({
      code: "custom",
      message: "a date (2026-12-03) or a date-time with offset (2026-12-03T08:00:00+01:00)",
    });
    return z.NEVER;
  }
  return parsed.toUTC().toISO() ?? "";
});

/** The opaque cursor of a next page: where the previous one ended. */
export function encodeCursor(after: { startsAt: string; id: number }): string {
  return Buffer.from(`${after.startsAt}|${after.id}`).toString("base64url");
}

const cursor = z.string().transform((value, ctx) => {
  const [startsAt, id] = Buffer.from(value, "base64url").toString().split("|");
  if (!startsAt || !id || !/^\d+$/.test(id) || Number.isNaN(Date.parse(startsAt))) {
    ctx.addIssue({ code: "custom", message: "not a cursor this API gave out" });
    return z.NEVER;
  }
  return { startsAt, id: Number(id) };
});

const querySchema = z
  .object({
    city: slug.optional(),
    kind: z.enum(SESSION_KINDS as [SessionKind, ...SessionKind[]]).optional(),
    partner: slug.optional(),
    language: z.enum(SESSION_LANGUAGES as [SessionLanguage, ...SessionLanguage[]]).optional(),
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_SIZE.max).default(PAGE_SIZE.default),
    cursor: cursor.optional(),
  })
  .strict();

export interface ParameterProblem {
  parameter: string;
  message: string;
}

export type ParsedQuery =
  | { ok: true; query: SessionQuery }
  | { ok: false; problems: ParameterProblem[] };

export function parseSessionQuery(params: URLSearchParams, now: string): ParsedQuery {
  const problems: ParameterProblem[] = [];
  // A map, not an object: a parameter named `__proto__` or `toString` is just an unknown one.
  const values = new Map<string, string>();
  for (const [name, value] of params) {
    if (values.has(name)) problems.push({ parameter: name, message: "given more than once" });
    values.set(name, value);
  }
  const parsed = querySchema.safeParse(Object.fromEntries(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) problems.push({ parameter: key, message: "not known" });
      } else {
        problems.push({ parameter: String(issue.path[0] ?? ""), message: issue.message });
      }
    }
  }
  if (problems.length || !parsed.success) return { ok: false, problems };
  const { from, cursor: after, ...rest } = parsed.data;
  return {
    ok: true,
    query: { ...rest, from: from ?? now, after },
  };
}
