import { createHash } from "node:crypto";

/**
 * A public calendar file as a response: a strong ETag from its bytes (the same session or feed
 * always gives the same bytes), and 304 Not Modified when the client already has them, so a
 * calendar app polling every hour downloads a feed only when it changed.
 */
export function publicCalendarResponse(
  request: Request,
  ics: string,
  { filename, maxAge }: { filename: string; maxAge: number },
): Response {
  const etag = `"${createHash("sha256").update(ics).digest("base64url").slice(0, 32)}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": `public, max-age=${maxAge}`,
  };
  if (matches(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(ics, {
    headers: {
      ...headers,
      "Content-Type": "text/calendar; charset=utf-8; method=PUBLISH",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ prefix added by a proxy still matches. */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}
