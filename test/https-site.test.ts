import { describe, expect, it, vi } from "vitest";
import { createOrganiser } from "../app/models/organiser.server";
import { createSession } from "./support/factories";
import { send } from "./support/http";

// This file plays a site published at an https address (behind its TLS proxy).
vi.hoisted(() => {
  process.env.PUBLIC_URL = "https://agenda.test";
});

describe("a site at an https address", () => {
  it("tells browsers to come back over https only (HSTS), on pages and files alike", async () => {
    for (const path of ["/", "/favicon.svg", "/bestaat-niet"]) {
      const response = await send(path);
      expect(response.headers.get("Strict-Transport-Security"), path).toBe("max-age=31536000");
    }
  });

  it("keeps the organiser's session in a __Host- cookie: Secure, the whole site, this host only", async () => {
    await createOrganiser({
      email: "https@leuven.test",
      name: "Https",
      password: "een-lang-wachtwoord",
      role: "admin",
    });
    const response = await send("/beheer/inloggen", {
      form: { email: "https@leuven.test", password: "een-lang-wachtwoord" },
    });
    expect(response.status).toBe(302);
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^__Host-oa_session=/);
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("Path=/;");
    expect(cookie).not.toContain("Domain=");
  });

  it("does the same for the cookie of the thank-you page", async () => {
    const session = await createSession();
    const response = await send(`/sessies/${session.slug}`, {
      form: { name: "Https", email: "https@example.org", consent: "on" },
    });
    expect(response.status).toBe(302);
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^__Host-oa_flash=/);
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("Path=/;");
  });
});
