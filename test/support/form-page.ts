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
const UNESCAPES = Object.fromEntries(
  Object.entries(ESCAPES).map(([char, entity]) => [entity, char]),
);
const fromHtml = (html: string) =>
  html.replace(/&(?:amp|lt|gt|quot|#x27);/g, (e) => UNESCAPES[e] ?? e);

/** An attribute of a start tag as the page renders it, decoded; undefined when it has none. */
function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : fromHtml(value);
}

/**
 * What a browser posts for the form with this id as the page filled it in: every named control
 * in it, a box only when ticked, a select's chosen option, a textarea's text. Change a field with
 * `set` and post it, as someone editing the form does.
 */
export function formFields(html: string, formId: string): URLSearchParams {
  const start = html.search(new RegExp(`<form\\b[^>]*\\sid="${formId}"`));
  expect(start, `a form with the id ${formId}`).toBeGreaterThanOrEqual(0);
  const form = html.slice(start, html.indexOf("</form>", start));
  const fields = new URLSearchParams();
  const controls =
    /<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g;
  for (const [control] of form.matchAll(controls)) {
    const tag = /^<[^>]*>/.exec(control)?.[0] ?? "";
    const name = attribute(tag, "name");
    if (!name || attribute(tag, "disabled") !== undefined) continue;
    if (tag.startsWith("<select")) {
      const options = [...control.matchAll(/<option\b[^>]*>/g)].map(([option]) => option);
      const chosen = options.find((option) => attribute(option, "selected") !== undefined);
      fields.append(name, attribute(chosen ?? options[0] ?? "", "value") ?? "");
    } else if (tag.startsWith("<textarea")) {
      // A browser drops the one line break that may follow the start tag.
      const text = control.slice(tag.length, -"</textarea>".length).replace(/^\n/, "");
      fields.append(name, fromHtml(text));
    } else {
      const type = attribute(tag, "type") ?? "text";
      if (["submit", "button", "reset", "image", "file"].includes(type)) continue;
      const ticked = attribute(tag, "checked") !== undefined;
      if ((type === "checkbox" || type === "radio") && !ticked) continue;
      fields.append(name, attribute(tag, "value") ?? (ticked ? "on" : ""));
    }
  }
  return fields;
}

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
