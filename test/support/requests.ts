/**
 * Requests for tests that call a route's loader or action directly. Prefer real HTTP (see
 * http.ts): a direct call skips Express, Remix's origin check and its body parsing.
 */

/** A form posted to `path` on the test site, as a browser encodes it. */
export function formPost(
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Request {
  return new Request(new URL(path, "http://agenda.test"), {
    method: "POST",
    body: new URLSearchParams(fields),
    headers,
  });
}

/** The Response a loader or action threw (a 404, a redirect); fails when it threw none. */
export async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}
