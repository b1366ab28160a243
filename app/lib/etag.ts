import { createHash } from "node:crypto";

/**
 * Strong ETags and If-None-Match, for every answer that has them: public pages (the page
 * cache), the API, calendar files and feeds. An ETag is a hash of the bytes, so the same answer
 * always has the same tag.
 */

export function strongEtag(body: string | Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ prefix added by a proxy still matches. */
export function matchesEtag(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}
