import type { HeadersFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * What a page that takes posts (and the root) exports as `headers` and `shouldRevalidate`, so
 * that a refused request is answered the same as a page and as the browser's data request.
 */

/**
 * A refusal's Retry-After (a 429, a busy 503), thrown by a loader or action or answered by an
 * action. A page and a data request's answer take their headers from the routes' `headers`, and
 * only the route the refusal came from (or the root, for a page whose error it shows) sees it.
 */
export const refusalHeaders: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = errorHeaders?.get("Retry-After") ?? actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/**
 * After a refused post (4xx, 5xx) the page loads its data again, as after any other post: a
 * refusal often comes from data that changed meanwhile (a session that filled up, a person
 * cancelled in another tab), and the page then shows them as they are now.
 */
export const revalidateAfterRefusal: ShouldRevalidateFunction = ({
  actionStatus,
  defaultShouldRevalidate,
}) => (actionStatus !== undefined && actionStatus >= 400) || defaultShouldRevalidate;
