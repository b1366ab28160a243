import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { addOrganiser, signIn } from "./utils";

/**
 * Every page on a 360 px phone: nothing wider than the screen, so nobody scrolls sideways.
 * Long Dutch compounds ("Studentenstartupforum") must break, not push the page wider.
 */
const PHONE = { width: 360, height: 740 };

async function widestOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Inside a box that scrolls on its own (a wide table in its panel), width is that box's.
    const inScroller = (element: Element) => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== "visible") return true;
      }
      return false;
    };
    const wider = [...document.querySelectorAll("body *")]
      .filter(
        (element) =>
          element.checkVisibility() &&
          !inScroller(element) &&
          (element.getBoundingClientRect().right > width + 1 ||
            // Text that runs out of its own box, even where nothing scrolls yet.
            (element.scrollWidth > element.clientWidth + 1 &&
              getComputedStyle(element).overflowX === "visible")),
      )
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, width, wider: wider.slice(0, 5) };
  });
}

test("public pages fit a 360 px phone", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/?soort=forum");
  const forum = page.getByRole("link", { name: /Studentenstartupforum/ }).first();
  await expect(forum).toBeVisible();
  const paths = [
    "/",
    "/?soort=forum",
    (await forum.getAttribute("href")) ?? "/",
    "/steden/leuven",
    "/privacy",
    "/toegankelijkheid",
    "/voor-partners",
    "/embed?stad=leuven",
    "/beheer/inloggen",
  ];
  // French and English words run longer than Dutch ones in places: every page in each language.
  const inEveryLanguage = paths.flatMap((path) =>
    path.startsWith("/embed")
      ? [path, `${path}&taal=fr`, `${path}&taal=en`]
      : [path, `/fr${path === "/" ? "" : path}`, `/en${path === "/" ? "" : path}`],
  );
  await expectEachToFit(page, inEveryLanguage);
});

async function expectEachToFit(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    const result = await widestOverflow(page);
    expect(result.wider, path).toEqual([]);
    expect(result.scrollWidth, path).toBeLessThanOrEqual(PHONE.width);
  }
}

test("the organiser workspace fits a 360 px phone", async ({ page, db }) => {
  const email = `beheer-klein-${Date.now()}@leuven.test`;
  await addOrganiser(db, {
    email,
    name: "Sofie Claes",
    password: "klein-scherm-wachtwoord",
    role: "admin",
  });
  const forum = await db.db
    .selectFrom("sessions")
    .select("id")
    .where("title", "like", "Studentenstartupforum%")
    .executeTakeFirstOrThrow();
  await page.setViewportSize(PHONE);
  await signIn(page, email, "klein-scherm-wachtwoord");
  const workspace = [
    "/beheer",
    "/beheer/sessies/nieuw",
    `/beheer/sessies/${forum.id}`,
    `/beheer/sessies/${forum.id}/bewerken`,
    `/beheer/sessies/${forum.id}/inchecken`,
    `/beheer/sessies/${forum.id}/deur`,
    `/beheer/sessies/${forum.id}/bericht`,
    `/beheer/sessies/${forum.id}/vragen`,
    `/beheer/sessies/${forum.id}/vragen?nieuw=oneChoice`,
    "/beheer/export",
    "/beheer/organisatoren",
    "/beheer/logboek",
  ];
  await expectEachToFit(
    page,
    workspace.flatMap((path) => [path, `/fr${path}`, `/en${path}`]),
  );
});
