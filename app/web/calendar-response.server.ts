import { matchesEtag, strongEtag } from "../lib/etag";

/**
 * A public calendar file as a response: a strong ETag from its bytes (the same session or feed
 * always gives the same bytes), and 304 Not Modified when the client already has them, so a
 * calendar app polling every hour downloads a feed only when it changed.
 */
export function publicCalendarResponse(
  request: Request,
  ics: string,
  {
    filename,
    maxAge,
    noindex = false,
  }: {
    filename: string;
    maxAge: number;
    /** The file of an unlisted session: search engines leave it out, as they do its page. */
    noindex?: boolean;
  },
): Response {
  const etag = strongEtag(ics);
  const headers = {
    ETag: etag,
    "Cache-Control": `public, max-age=${maxAge}`,
    ...(noindex ? { "X-Robots-Tag": "noindex" } : {}),
  };
  if (matchesEtag(request.headers.get("If-None-Match"), etag)) {
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
