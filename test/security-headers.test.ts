import { describe, expect, it } from "vitest";
import { createSession } from "./support/factories";
import { send } from "./support/http";
import { signedIn } from "./support/organisers";

/**
 * Every kind of answer leaves with the site's protection, set in one place (server/app.ts),
 * whichever part of the stack made it: a page, the embed, a calendar file or feed, the API and
 * its document, an export, the health check, a static file, a 404 and a refusal at the edge.
 */

const BASELINE = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

function expectProtected(response: Response, { framedBy }: { framedBy?: "*" } = {}) {
  for (const [name, value] of Object.entries(BASELINE)) {
    expect(response.headers.get(name), `${name} of ${response.url}`).toBe(value);
  }
  const policy = response.headers.get("content-security-policy") ?? "";
  if (framedBy) {
    expect(policy).toContain(`frame-ancestors ${framedBy}`);
    expect(response.headers.get("x-frame-options")).toBeNull();
  } else {
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  }
  return policy;
}

describe("the security headers", () => {
  it("are on pages, with the page's own policy, and on the embed, which any site may frame", async () => {
    const session = await createSession();
    for (const path of ["/", `/sessies/${session.slug}`, "/fr/privacy", "/beheer/inloggen"]) {
      const response = await send(path);
      expect(response.status, path).toBe(200);
      // Its own scripts only: by this render's nonce, or a kept page's by their hashes.
      expect(expectProtected(response)).toMatch(/script-src 'self' '(nonce|sha256)-[^']+'/);
    }
    const embed = await send("/embed");
    expect(embed.status).toBe(200);
    expectProtected(embed, { framedBy: "*" });
  });

  it("are on answers that are no page: files, feeds, the API, the health check, static files", async () => {
    const session = await createSession();
    for (const path of [
      "/agenda.ics",
      `/sessies/${session.slug}/agenda.ics`,
      "/api/sessions",
      `/api/sessions/${session.slug}`,
      "/api/openapi.json",
      "/healthz",
      "/favicon.svg",
    ]) {
      const response = await send(path, { headers: { Accept: "*/*" } });
      expect(response.status, path).toBe(200);
      expect(expectProtected(response), path).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it("are on an organiser's export", async () => {
    const session = await createSession();
    const cookie = await signedIn("admin");
    for (const format of ["csv", "xlsx"]) {
      const response = await send(`/beheer/sessies/${session.id}/export?formaat=${format}`, {
        cookie,
      });
      expect(response.status, format).toBe(200);
      expectProtected(response);
    }
  });

  it("are on a 404 and on what the edge refuses before the app sees it", async () => {
    const missing = await send("/sessies/bestaat-niet");
    expect(missing.status).toBe(404);
    expectProtected(missing);

    const refused = await send("/sessies/%00");
    expect(refused.status).toBe(400);
    expectProtected(refused);

    const foreign = await send("/beheer/inloggen", {
      form: { email: "x@example.org", password: "y" },
      headers: { Origin: "https://elders.example" },
    });
    expect(foreign.status).toBe(403);
    expectProtected(foreign);
  });
});
