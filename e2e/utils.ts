import type { Page } from "@playwright/test";
import ICAL from "ical.js";
import { hashPassword } from "../app/lib/password.server";
import { createOrganiserIn, type NewOrganiser } from "../app/models/organiser.server";
import type { DatabaseHandle } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { calendarParts, type ReceivedMail } from "../test/support/mailbox";

/** Adds an organiser to the app's database (the worker's handle on its file). */
export async function addOrganiser(db: DatabaseHandle, input: NewOrganiser): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await writeTransaction((trx) => createOrganiserIn(trx, input, passwordHash), db);
}

/** The manage link in a message, as a person would click it. */
export function manageLink(mail: ReceivedMail): string {
  const match = /https?:\/\/[^\s"<>\]]+\/inschrijving\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? "");
  if (!match) throw new Error(`no manage link in mail "${mail.parsed.subject}"`);
  return match[0];
}

/** The VEVENT of the text/calendar alternative, with the part's method parameter. */
export function invite(mail: ReceivedMail) {
  const [part] = calendarParts(mail);
  if (!part) throw new Error(`no calendar in mail "${mail.parsed.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT");
  const start = event.getFirstProperty("dtstart");
  return {
    partMethod: part.method,
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    organizer: String(event.getFirstPropertyValue("organizer")),
    attendees: event
      .getAllProperties("attendee")
      .map((a) => String(a.getFirstValue()).toLowerCase()),
    startTzid: start?.getParameter("tzid"),
    startLocal: (start?.getFirstValue() as ICAL.Time | undefined)?.toString(),
    status: event.getFirstPropertyValue("status"),
  };
}

export const to = (address: string) => (mail: ReceivedMail) => mail.envelopeTo.includes(address);

/** Signs in through the form, as an organiser would. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/beheer/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(/\/beheer$/);
}

/**
 * Where a word must never break across lines: table cells, the header and its navigation,
 * buttons and links styled as buttons.
 */
const UNBROKEN_TEXT = "table th, table td, header, nav, button, summary, .button, .link-button";

/**
 * Every word in `selector` that the page broke across lines, or that runs out of its box,
 * described as `"word" in <box>`. A word wider than the widest line it could have had (a table
 * row, or the page's column) is left out: nothing could keep it whole. Words end at spaces and
 * after a written hyphen, dash or slash, where a break is a reader's line break, not a cut.
 */
export async function brokenWords(page: Page, selector = UNBROKEN_TEXT): Promise<string[]> {
  return page.evaluate((selector) => {
    const widths = new Map<Element, number>();
    const contentWidth = (element: Element) => {
      let width = widths.get(element);
      if (width === undefined) {
        const style = getComputedStyle(element);
        width =
          element.getBoundingClientRect().width -
          Number.parseFloat(style.paddingLeft) -
          Number.parseFloat(style.paddingRight) -
          Number.parseFloat(style.borderLeftWidth) -
          Number.parseFloat(style.borderRightWidth);
        widths.set(element, width);
      }
      return width;
    };
    // The box a text lays out in: its nearest ancestor that is not inline.
    const boxOf = (element: Element) => {
      let box: Element = element;
      while (box.parentElement && /^inline|^contents$/.test(getComputedStyle(box).display)) {
        box = box.parentElement;
      }
      return box;
    };
    const clipped = new Map<Element, boolean>();
    const isClipped = (element: Element): boolean => {
      let answer = clipped.get(element);
      if (answer === undefined) {
        answer =
          getComputedStyle(element).clip.startsWith("rect") ||
          (element.parentElement ? isClipped(element.parentElement) : false);
        clipped.set(element, answer);
      }
      return answer;
    };
    const nameOf = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().split(/\s+/).join(".")}` : ""}`;
    const problems: string[] = [];
    const seen = new Set<Node>();
    const range = document.createRange();
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (seen.has(node)) continue;
        seen.add(node);
        const parent = node.parentElement;
        if (!parent || parent.closest("svg, script, style, option, template")) continue;
        if (!parent.checkVisibility({ visibilityProperty: true })) continue;
        // Text for screen readers only, in a clipped box of a pixel.
        if (isClipped(parent)) continue;
        const box = boxOf(parent);
        const frame = box.closest("tr") ?? box.closest(".wrap, header, nav, main") ?? document.body;
        const text = node.textContent ?? "";
        for (const match of text.matchAll(/[^\s\u200b\-‐–—/]+[-‐–—/]*|[-‐–—/]+/g)) {
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
          if (!rects.length) continue;
          const width = rects.reduce((sum, rect) => sum + rect.width, 0);
          const lines = new Set(rects.map((rect) => Math.round(rect.top)));
          const split = lines.size > 1;
          const overflows = width > contentWidth(box) + 1;
          if (!split && !overflows) continue;
          if (width > contentWidth(frame) + 1) continue;
          problems.push(
            `"${match[0]}" ${split ? "broken over lines" : "wider than its box"} in ${nameOf(box)} (${Math.round(width)} px word, box ${Math.round(contentWidth(box))} px)`,
          );
        }
      }
    }
    return problems;
  }, selector);
}

/** How far the page scrolls sideways: 0 where it fits its window. */
export async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
