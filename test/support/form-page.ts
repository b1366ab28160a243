import { expect } from "vitest";
import { cookieFrom, send } from "./http";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};
export const asHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

/**
 * A field of a page that came back with an error: the control is marked invalid, and one of the
 * ids it is described by is the element that says `message`, so a screen reader reads it.
 */
export function expectFieldError(html: string, name: string, message: string) {
  const control =
    new RegExp(`<(?:input|textarea|select)\\b[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0] ?? "";
  expect(control, `a control named ${name}`).not.toBe("");
  expect(control).toContain('aria-invalid="true"');
  const ids = (/aria-describedby="([^"]+)"/.exec(control)?.[1] ?? "").split(" ");
  expect(
    ids.some((id) => html.includes(`id="${id}">${asHtml(message)}<`)),
    `${name} is described by "${message}" (ids: ${ids.join(", ")})`,
  ).toBe(true);
}

/** Both cookies a browser would send after `response`: those it had, and those just set. */
export function withCookies(cookie: string, response: Response): string {
  const set = cookieFrom(response);
  const names = new Set(set.split("; ").map((pair) => pair.split("=")[0]));
  const kept = cookie.split("; ").filter((pair) => pair && !names.has(pair.split("=")[0]));
  return [...kept, set].filter(Boolean).join("; ");
}

/**
 * Follows a redirect after an action as a browser does, and reads the page twice: the notice is
 * said on the first visit and gone on the second. Answers the first page's text.
 */
export async function expectNoticeOnce(
  redirected: Response,
  notice: string,
  cookie = "",
): Promise<string> {
  expect(redirected.status).toBe(302);
  const location = redirected.headers.get("location") ?? "";
  expect(location).not.toContain("melding");
  const withFlash = withCookies(cookie, redirected);
  const first = await send(location, { cookie: withFlash });
  const firstHtml = await first.text();
  expect(firstHtml).toContain(asHtml(notice));
  const second = await send(location, { cookie: withCookies(withFlash, first) });
  expect(await second.text()).not.toContain(asHtml(notice));
  return firstHtml;
}
