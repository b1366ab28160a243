import { describe, expect, it } from "vitest";
import { database } from "../db/client";
import { createSession } from "./support/factories";
import { send } from "./support/http";

const frameAncestors = (response: Response) =>
  /frame-ancestors ([^;]+)/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1];

async function citySlugOf(sessionId: number) {
  const row = await database()
    .db.selectFrom("sessions")
    .innerJoin("cities", "cities.id", "sessions.city_id")
    .select("cities.slug")
    .where("sessions.id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return row.slug;
}

describe("the embed for partners' sites", () => {
  it("may be framed by any site, holds no script, and opens sessions in the whole window", async () => {
    const breakfast = await createSession({ title: "Ontbijt & subsidies <2027>" });
    const forum = await createSession({ kind: "forum", title: "Startersforum" });
    const response = await send(`/embed?soort=breakfast&stad=${await citySlugOf(breakfast.id)}`);
    expect(response.status).toBe(200);
    expect(frameAncestors(response)).toBe("*");
    expect(response.headers.get("X-Frame-Options")).toBeNull();
    const html = await response.text();
    expect(html).not.toContain("<script");
    expect(html).toContain("Ontbijt &amp; subsidies &lt;2027&gt;");
    expect(html).not.toContain(forum.title);
    const links = html.match(new RegExp(`<a [^>]*href="/sessies/${breakfast.slug}"[^>]*>`, "g"));
    expect(links?.length).toBeGreaterThan(0);
    for (const link of links ?? []) expect(link).toContain('target="_top"');
    expect(html).not.toContain("site-header");
  });

  it("leaves out a filter that names nothing, as the home page does", async () => {
    const session = await createSession();
    const html = await (await send("/embed?stad=bestaat-niet&soort=workshop")).text();
    expect(html).toContain(session.title);
  });

  it("is the only page another site may frame", async () => {
    const session = await createSession();
    const pages = [
      "/",
      `/sessies/${session.slug}`,
      `/steden/${await citySlugOf(session.id)}`,
      "/voor-partners",
      "/privacy",
      "/beheer/inloggen",
      "/bestaat/niet",
      "/api/sessions",
    ];
    for (const path of pages) {
      const response = await send(path);
      if (response.headers.get("Content-Type")?.startsWith("text/html")) {
        expect(frameAncestors(response), path).toBe("'none'");
        expect(response.headers.get("X-Frame-Options"), path).toBe("DENY");
      } else {
        // JSON cannot be framed as a page; it says so with nosniff and no CSP of its own.
        expect(response.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      }
    }
  });
});

describe("the page for partners", () => {
  it("makes the snippet for the filters chosen, escaped for pasting into HTML", async () => {
    const session = await createSession();
    const city = await citySlugOf(session.id);
    const response = await send(`/voor-partners?stad=${city}&soort=breakfast`);
    expect(response.status).toBe(200);
    const html = await response.text();
    // The textarea holds the snippet as text: the page escapes it once more.
    expect(html).toContain(
      `&lt;iframe src=&quot;http://agenda.test/embed?stad=${city}&amp;amp;soort=breakfast&quot; title=&quot;Sessies voor ondernemers in Leuven&quot;`,
    );
    expect(html).toContain(`src="/embed?stad=${city}&amp;soort=breakfast"`);
  });
});

describe("the embed in another language", () => {
  it("speaks the language its snippet names, and opens sessions in that language", async () => {
    const session = await createSession({ title: "Pitch Night" });
    const city = await citySlugOf(session.id);
    const html = await (await send(`/embed?stad=${city}&taal=en`)).text();
    expect(html).toContain('<html lang="en-BE"');
    expect(html).toContain("Sessions for entrepreneurs in Leuven");
    const links = html.match(new RegExp(`<a [^>]*href="/en/sessies/${session.slug}"[^>]*>`, "g"));
    expect(links?.length).toBeGreaterThan(0);
    for (const link of links ?? []) expect(link).toContain('target="_top"');
    expect(html).toContain(`href="/en?stad=${city}"`);
    // A language it does not have is Dutch, as the embed always was.
    expect(await (await send(`/embed?stad=${city}&taal=de`)).text()).toContain(
      '<html lang="nl-BE"',
    );
  });

  it("is offered with its language in the partners' snippet", async () => {
    const session = await createSession();
    const city = await citySlugOf(session.id);
    const html = await (await send(`/voor-partners?stad=${city}&taal=fr`)).text();
    expect(html).toContain(`/embed?stad=${city}&amp;amp;taal=fr`);
    // The iframe's title, for screen readers on the partner's page, is French too.
    expect(html).toContain("title=&quot;Sessions pour entrepreneurs à Leuven&quot;");
  });
});
