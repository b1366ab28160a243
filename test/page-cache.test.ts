import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { createDatabase, database } from "../db/client";
import { createSession, person } from "./support/factories";
import { cookieFrom, send } from "./support/http";

/**
 * The public pages are kept for anonymous visitors (server/page-cache.ts): these tests go
 * through real HTTP with the cache on, as in production.
 */

const seatsTaken = (html: string) => /(\d+) van (\d+) plaatsen ingenomen/.exec(html)?.slice(1, 3);

function signUpForm(n: number) {
  const { name, email } = person(n);
  return { name, email, consent: "on" };
}

describe("the page cache", () => {
  it("keeps a public page and answers a matching If-None-Match with 304", async () => {
    const session = await createSession();
    const first = await send(`/sessies/${session.slug}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("Cache-Control")).toBe(
      "public, max-age=0, s-maxage=1, must-revalidate",
    );
    expect(first.headers.get("Vary")).toBe("Accept-Encoding, Cookie");
    const body = await first.text();

    const again = await send(`/sessies/${session.slug}`);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(await again.text()).toBe(body);

    const revalidated = await send(`/sessies/${session.slug}`, {
      headers: { "If-None-Match": `"other", ${etag}` },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("ETag")).toBe(etag);
    expect(await revalidated.text()).toBe("");

    const changed = await send(`/sessies/${session.slug}`, {
      headers: { "If-None-Match": '"something-else"' },
    });
    expect(changed.status).toBe(200);
  });

  it("keeps a page's X-Robots-Tag with it: an unlisted session stays out of search engines", async () => {
    const session = await createSession({ unlisted: 1 });
    const first = await send(`/sessies/${session.slug}`);
    expect(first.headers.get("X-Robots-Tag")).toBe("noindex");
    const kept = await send(`/sessies/${session.slug}`);
    // The kept page: the same policy, the same ETag.
    expect(kept.headers.get("Content-Security-Policy")).toBe(
      first.headers.get("Content-Security-Policy"),
    );
    expect(kept.headers.get("ETag")).toBe(first.headers.get("ETag"));
    expect(kept.headers.get("X-Robots-Tag")).toBe("noindex");
    const revalidated = await send(`/sessies/${session.slug}`, {
      headers: { "If-None-Match": first.headers.get("ETag") ?? "" },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("X-Robots-Tag")).toBe("noindex");
  });

  it("lets a kept page's own inline scripts run by their hashes, never by a nonce anyone could read", async () => {
    const session = await createSession();
    await send(`/sessies/${session.slug}`);
    const kept = await send(`/sessies/${session.slug}`);
    const policy = kept.headers.get("Content-Security-Policy") ?? "";
    expect(policy).not.toContain("'nonce-");
    const html = await kept.text();
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter(([, attributes = ""]) => !/\ssrc=/.test(attributes))
      .map(([, , code = ""]) => `'sha256-${createHash("sha256").update(code).digest("base64")}'`);
    expect(inline.length).toBeGreaterThan(0);
    const allowed = /script-src ([^;]*)/.exec(policy)?.[1]?.split(" ") ?? [];
    expect(allowed[0]).toBe("'self'");
    // Exactly the page's own scripts, nothing else inline.
    expect(new Set(allowed.slice(1))).toEqual(new Set(inline));
  });

  it("stores the compressed page: gzip and brotli for clients that take them", async () => {
    const session = await createSession();
    const plain = await (await send(`/sessies/${session.slug}`)).text();
    const base = (await import("./support/http")).appUrl;
    const url = `${await base()}/sessies/${session.slug}`;
    const { request } = await import("node:http");
    const gzipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(url, { headers: { "Accept-Encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }),
        );
      })
        .on("error", reject)
        .end();
    });
    expect(gzipped.encoding).toBe("gzip");
    expect(gunzipSync(gzipped.body).toString("utf8")).toBe(plain);
  });

  it("shows a sign-up's seat at once, through HTTP", async () => {
    const session = await createSession({ capacity: 10 });
    const path = `/sessies/${session.slug}`;
    expect(seatsTaken(await (await send(path)).text())).toEqual(["0", "10"]);
    expect(seatsTaken(await (await send(path)).text())).toEqual(["0", "10"]);

    const signedUp = await send(path, { form: signUpForm(1) });
    expect(signedUp.status).toBe(302);
    // The commit drops the kept page: the very next request sees the seat.
    expect(seatsTaken(await (await send(path)).text())).toEqual(["1", "10"]);
    const home = await send("/");
    expect(home.status).toBe(200);
  });

  it("shows a write by another connection on every page it keeps, in every language, at the next request after the database tells", async () => {
    const session = await createSession({ capacity: 10, partners: ["Fablab"] });
    const { slug: city } = await database()
      .db.selectFrom("cities")
      .select("slug")
      .where("id", "=", session.city_id)
      .executeTakeFirstOrThrow();
    const { slug: partner } = await database()
      .db.selectFrom("partners")
      .innerJoin("session_partners", "session_partners.partner_id", "partners.id")
      .select("partners.slug")
      .where("session_partners.session_id", "=", session.id)
      .executeTakeFirstOrThrow();
    // Every kept page that shows this session, with each of its filters.
    const pages = [
      "/",
      `/?stad=${city}`,
      `/?soort=${session.kind}`,
      `/?sessietaal=${session.language}`,
      `/?sessietaal=${session.language}&soort=${session.kind}&stad=${city}`,
      `/steden/${city}`,
      `/sessies/${session.slug}`,
      `/partners/${partner}`,
    ].flatMap((path) =>
      ["", "/fr", "/en"].map((prefix) =>
        prefix ? `${prefix}${path.replace(/^\/(?=\?|$)/, "")}` : path,
      ),
    );
    pages.push(
      `/embed?stad=${city}`,
      `/embed?partner=${partner}&taal=en`,
      `/embed?soort=${session.kind}`,
    );

    const etags = new Map<string, string>();
    for (const path of pages) {
      const first = await send(path);
      expect(first.status, path).toBe(200);
      expect(await first.text(), path).toContain(session.title);
      const etag = first.headers.get("ETag") ?? "";
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      // Kept: asked again, the same page.
      expect((await send(path)).headers.get("ETag"), path).toBe(etag);
      etags.set(path, etag);
    }

    // A handle of its own, as another app instance or the worker would hold: nothing of this
    // process hears of its write except through the database (SQLite's data_version, a
    // PostgreSQL notification on commit).
    const stamp = database().changes;
    if (!stamp) throw new Error("the app's database handle watches no changes");
    const before = stamp.version();
    const other = createDatabase(process.env.DATABASE_URL);
    const title = "Ontbijtsessie: subsidies voor je zaak (nieuwe zaal)";
    try {
      await other.db.updateTable("sessions").set({ title }).where("id", "=", session.id).execute();
    } finally {
      await other.db.destroy();
    }
    // The event the cache acts on; its one-second lifetime plays no part in what follows.
    await vi.waitFor(() => expect(stamp.version()).not.toBe(before), { timeout: 10_000 });
    for (const path of pages) {
      const response = await send(path);
      expect(response.headers.get("ETag"), path).not.toBe(etags.get(path));
      expect(await response.text(), path).toContain(title);
    }
  });

  it("keeps the privacy and accessibility statements, in each language", async () => {
    for (const path of ["/privacy", "/toegankelijkheid", "/fr/privacy", "/en/toegankelijkheid"]) {
      const first = await send(path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get("ETag");
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      expect((await send(path)).headers.get("ETag"), path).toBe(etag);
    }
    // The embed's own filters only: a home filter it does not read is rendered, not kept.
    expect((await send("/embed?sessietaal=nl")).headers.get("ETag")).toBeNull();
  });

  it("keeps a page (and its ETag) through a commit that did not change it", async () => {
    const session = await createSession({ capacity: 10 });
    const other = await createSession({ capacity: 10 });
    const path = `/sessies/${session.slug}`;
    const etag = (await send(path)).headers.get("ETag");
    expect((await send(`/sessies/${other.slug}`, { form: signUpForm(3) })).status).toBe(302);
    // The commit made the page's loaders run again; their data was the same: no new render.
    expect((await send(path)).headers.get("ETag")).toBe(etag);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await send(path)).headers.get("ETag")).toBe(etag);
  });

  it("never answers from the cache for a visitor with the app's cookie", async () => {
    const session = await createSession({ capacity: 10 });
    const path = `/sessies/${session.slug}`;
    await send(path);
    for (const cookie of ["oa_session=abc", "oa_flash=abc", "other=1; __Host-oa_session=abc"]) {
      const response = await send(path, { cookie });
      expect(response.status).toBe(200);
      expect(response.headers.get("ETag"), cookie).toBeNull();
      expect(response.headers.get("Cache-Control") ?? "", cookie).not.toMatch(/public/);
    }
    // Someone else's cookie (an analytics one) does not make a page personal.
    expect((await send(path, { cookie: "other=1" })).headers.get("ETag")).toBeTruthy();
  });

  it("never keeps a page with personal data or one that sets a cookie", async () => {
    const session = await createSession({ capacity: 10 });
    const signedUp = await send(`/sessies/${session.slug}`, { form: signUpForm(2) });
    const thanks = await send(`/sessies/${session.slug}/bedankt`, {
      cookie: cookieFrom(signedUp),
    });
    expect(thanks.headers.get("Cache-Control")).toBe("private, no-store");
    expect(thanks.headers.get("ETag")).toBeNull();
    for (const path of ["/beheer", "/beheer/inloggen", "/inschrijving/not-a-token"]) {
      const response = await send(path);
      expect(response.headers.get("ETag"), path).toBeNull();
      expect(response.headers.get("Cache-Control") ?? "", path).not.toMatch(/public/);
    }
    // Unknown sessions and filters the home page does not know are rendered, never kept.
    expect((await send("/sessies/bestaat-niet")).status).toBe(404);
    expect((await send("/sessies/bestaat-niet")).headers.get("ETag")).toBeNull();
    expect((await send("/?x=1")).headers.get("ETag")).toBeNull();
    // The browser's data request for a page is answered by Remix, not kept.
    const data = await send(`/sessies/${session.slug}.data`);
    expect(data.status).toBe(200);
    expect(data.headers.get("ETag")).toBeNull();
    expect(data.headers.get("Cache-Control")).toBe("private, no-store");
    expect((await send("/?stad=leuven")).headers.get("ETag")).toBeTruthy();
  });

  it("keeps the home page for each choice of its filters, the sessions' language too", async () => {
    const english = await createSession({ language: "en" });
    const dutch = await createSession({ language: "nl" });
    const pages: Record<string, string> = {};
    for (const language of ["en", "nl"]) {
      const path = `/?sessietaal=${language}`;
      const first = await send(path);
      const etag = first.headers.get("ETag");
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      const html = await first.text();
      const again = await send(path);
      expect(again.headers.get("ETag"), path).toBe(etag);
      expect(await again.text(), path).toBe(html);
      pages[language] = html;
    }
    const links = (html = "") =>
      [english, dutch].filter((s) => html.includes(`/sessies/${s.slug}"`));
    expect(links(pages.en)).toEqual([english]);
    expect(links(pages.nl)).toEqual([dutch]);
  });

  it("keeps the French and English pages apart from the Dutch, each fresh after a sign-up", async () => {
    const session = await createSession({ capacity: 10 });
    const pages = ["", "/fr", "/en"].map((prefix) => `${prefix}/sessies/${session.slug}`);
    const langs = ["nl-BE", "fr-BE", "en-BE"];
    const etags: string[] = [];
    for (const [i, path] of pages.entries()) {
      const first = await send(path);
      expect(first.status, path).toBe(200);
      expect(await first.text(), path).toContain(`<html lang="${langs[i]}"`);
      const etag = first.headers.get("ETag") ?? "";
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      expect((await send(path)).headers.get("ETag"), path).toBe(etag);
      etags.push(etag);
    }
    expect(new Set(etags).size).toBe(3);
    for (const home of ["/fr", "/en", "/en?stad=leuven"]) {
      const response = await send(home);
      expect(await response.text(), home).toContain(`<html lang="${home.slice(1, 3)}-BE"`);
      expect(response.headers.get("ETag"), home).toBeTruthy();
    }

    expect((await send(`/en/sessies/${session.slug}`, { form: signUpForm(4) })).status).toBe(302);
    for (const [i, path] of pages.entries()) {
      const response = await send(path);
      expect(response.headers.get("ETag"), path).not.toBe(etags[i]);
      expect(await response.text(), path).toContain(`<html lang="${langs[i]}"`);
    }
    expect(seatsTaken(await (await send(pages[0] ?? "")).text())).toEqual(["1", "10"]);
    // Not a language: rendered as the 404 it is, never kept.
    expect((await send(`/de/sessies/${session.slug}`)).status).toBe(404);
    expect((await send(`/de/sessies/${session.slug}`)).headers.get("ETag")).toBeNull();
  });
});
