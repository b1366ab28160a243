import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { database } from "../db/client";
import { createSession } from "./support/factories";
import { appUrl, newClient } from "./support/http";

/**
 * A kept page is answered before Express reads the request (server/app.ts, `answerKept` in
 * server/page-cache.ts). These tests hold it to what Express answers: the same header block
 * and bytes as the render, the edge's refusals, no kept page for a visitor with the app's
 * cookie. Raw HTTP, so the headers are compared as they went out, in their order.
 */

interface Answer {
  status: number;
  /** Every header as sent, name and value, in order; Date left out (it follows the clock). */
  headers: [string, string][];
  body: Buffer;
}

function get(
  path: string,
  { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return appUrl().then(
    (base) =>
      new Promise((resolve, reject) => {
        const sent = { "X-Forwarded-For": newClient(), Accept: "text/html", ...headers };
        const req = request(`${base}${path}`, { method, headers: sent }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const pairs: [string, string][] = [];
            for (let i = 0; i < res.rawHeaders.length; i += 2) {
              const name = res.rawHeaders[i] ?? "";
              if (name.toLowerCase() !== "date") pairs.push([name, res.rawHeaders[i + 1] ?? ""]);
            }
            resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
          });
        });
        req.on("error", reject);
        req.end();
      }),
  );
}

const headerOf = (answer: Answer, name: string) =>
  answer.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

/** Waits until the page cache can see a commit made since `before` (PostgreSQL tells later). */
async function commitSeen(before: number) {
  const changes = database().changes;
  if (!changes) throw new Error("the app's database handle watches no changes");
  await vi.waitFor(() => expect(changes.version()).not.toBe(before), { timeout: 10_000 });
}

describe("a kept page, answered before Express", () => {
  it.each([
    ["GET", "", undefined],
    ["GET", "gzip", "gzip"],
    ["GET", "br, gzip", "br"],
    // Of encodings of equal weight, the client's first (as Express's negotiation always chose).
    ["GET", "gzip, deflate, br", "gzip"],
    ["HEAD", "", undefined],
    ["HEAD", "br", "br"],
  ])(
    "answers %s with Accept-Encoding %j with the header block and bytes of its render, Date aside",
    async (method, accepted, encoding) => {
      const session = await createSession();
      const path = `/sessies/${session.slug}`;
      const headers: Record<string, string> = accepted ? { "Accept-Encoding": accepted } : {};
      // Nobody asked for this page yet: rendered, kept and answered through Express.
      const rendered = await get(path, { method, headers });
      const kept = await get(path, { method, headers });
      expect(rendered.status).toBe(200);
      expect(kept.status).toBe(200);
      expect(kept.headers).toEqual(rendered.headers);
      expect(kept.body.equals(rendered.body)).toBe(true);
      expect(headerOf(kept, "Cache-Control")).toBe(
        "public, max-age=0, s-maxage=1, must-revalidate",
      );
      expect(headerOf(kept, "Content-Security-Policy")).toMatch(/script-src 'self' 'sha256-/);
      expect(headerOf(kept, "X-Frame-Options")).toBe("DENY");
      expect(headerOf(kept, "Content-Encoding")).toBe(encoding);

      const plain = await get(path);
      if (method === "HEAD") {
        expect(kept.body.length).toBe(0);
        if (!encoding) expect(headerOf(kept, "Content-Length")).toBe(String(plain.body.length));
        return;
      }
      const decoded =
        encoding === "br"
          ? brotliDecompressSync(kept.body)
          : encoding === "gzip"
            ? gunzipSync(kept.body)
            : kept.body;
      expect(decoded.equals(plain.body)).toBe(true);
      expect(headerOf(kept, "Content-Length")).toBe(String(kept.body.length));
    },
  );

  it("answers If-None-Match with the 304 Express gave, headers and all", async () => {
    const session = await createSession();
    const path = `/sessies/${session.slug}`;
    const etag = headerOf(await get(path), "ETag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    // A commit elsewhere: the next request has the page checked again, through Express.
    const before = database().changes?.version() ?? 0;
    await createSession();
    await commitSeen(before);
    const checked = await get(path, { headers: { "If-None-Match": etag } });
    const kept = await get(path, { headers: { "If-None-Match": etag } });
    expect(checked.status).toBe(304);
    expect(kept.status).toBe(304);
    expect(kept.headers).toEqual(checked.headers);
    expect(kept.body.length).toBe(0);
    expect(headerOf(kept, "ETag")).toBe(etag);
    expect(headerOf(kept, "Content-Length")).toBeUndefined();
  });

  it.each([
    ["a Host that is no host", { Host: "bad host/..." }],
    ["a forwarded host that is no host", { "X-Forwarded-Host": "agenda.test/other" }],
    ["a forwarded scheme that is not http(s)", { "X-Forwarded-Proto": "ftp" }],
    ["a forwarded address that is no address", { "X-Forwarded-For": "not-an-address" }],
    ["a proxy's last address that is no address", { "X-Forwarded-For": "192.0.2.1, nope" }],
  ])("refuses %s on a kept page exactly as on any other", async (_, headers) => {
    const session = await createSession();
    const path = `/sessies/${session.slug}`;
    await get(path);
    expect((await get(path)).status).toBe(200);
    const refused = await get(path, { headers });
    // A page never kept, in the same language: the edge's own answer.
    const elsewhere = await get("/beheer/inloggen", { headers });
    expect(refused.status).toBe(400);
    expect(refused.headers).toEqual(elsewhere.headers);
    expect(refused.body.toString()).toBe(elsewhere.body.toString());
    expect(headerOf(refused, "ETag")).not.toBe(headerOf(await get(path), "ETag"));
  });

  it("answers a visitor with the app's cookie from a render, never from the kept page", async () => {
    const session = await createSession();
    const path = `/sessies/${session.slug}`;
    await get(path);
    expect(headerOf(await get(path), "ETag")).toBeTruthy();
    for (const method of ["GET", "HEAD"]) {
      for (const cookie of ["oa_session=abc", "oa_flash=abc", "other=1; __Host-oa_session=abc"]) {
        const answer = await get(path, { method, headers: { Cookie: cookie } });
        expect(answer.status, `${method} ${cookie}`).toBe(200);
        expect(headerOf(answer, "ETag"), `${method} ${cookie}`).toBeUndefined();
        expect(headerOf(answer, "Cache-Control") ?? "", `${method} ${cookie}`).not.toMatch(
          /public/,
        );
      }
    }
  });
});
