import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";

/** A partner's site on an origin of its own, with our embed and, for contrast, our home page. */
async function partnerSite(appUrl: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(`<!doctype html>
<html lang="nl"><head><title>VOKA Vlaams-Brabant</title></head>
<body>
  <h1>Agenda van onze partners</h1>
  <iframe id="agenda" src="${appUrl}/embed?stad=leuven" title="Sessies voor ondernemers" width="900" height="700"></iframe>
  <iframe id="home" src="${appUrl}/" title="Ondernemersagenda" width="900" height="300"></iframe>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test("a partner's site on another origin shows the embed, and only the embed", async ({
  browser,
  baseURL,
}) => {
  const appUrl = baseURL ?? "";
  const partner = await partnerSite(appUrl);
  // A page of its own: the browser's refusal to frame our home page is what this test expects,
  // where the shared page fixture treats every CSP report as a failure.
  const page = await browser.newPage();
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") refusals.push(message.text());
  });
  try {
    await page.goto(partner.url);
    const embed = page.frameLocator("#agenda");
    await expect(embed.getByRole("heading", { level: 1 })).toHaveText(
      "Sessies voor ondernemers in Leuven",
    );
    const cards = embed.locator("article.card");
    expect(await cards.count()).toBeGreaterThan(3);

    // Our home page is refused in the partner's frame.
    await expect
      .poll(() => refusals.join("\n"))
      .toContain(
        `Framing '${appUrl}/' violates the following Content Security Policy directive: "frame-ancestors 'none'"`,
      );
    expect(page.frames().map((frame) => frame.url())).toContain("chrome-error://chromewebdata/");
    expect(page.frames().some((frame) => frame.url() === `${appUrl}/`)).toBe(false);

    // A session opens on our site, in the whole window, with the site around it.
    const link = cards.first().getByRole("link");
    const title = (await link.textContent()) ?? "";
    await link.click();
    await expect(page).toHaveURL(new RegExp(`^${appUrl}/sessies/`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("header.site-header")).toBeVisible();
  } finally {
    await page.close();
    partner.server.close();
  }
});

test("the embed itself is accessible and light", async ({ page, expectAccessible }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto("/embed?stad=leuven&soort=breakfast");
  await expect(page.locator("article.card").first()).toBeVisible();
  expect(scripts).toEqual([]);
  await expectAccessible(page);
});
