/**
 * The answer for an address that names nothing: thrown from a loader or action, the root shows
 * its 404 page; from a resource route, it is the answer. `headers` for one that must stay
 * private (a token's page).
 */
export function notFound(headers?: HeadersInit): Response {
  return new Response("Not Found", { status: 404, headers });
}

/** `value` when there is one; otherwise the 404 is thrown. */
export function found<T>(value: T, headers?: HeadersInit): NonNullable<T> {
  if (value === null || value === undefined) throw notFound(headers);
  return value;
}
