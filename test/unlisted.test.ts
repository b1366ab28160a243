import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, i18n } from "../app/i18n";
import { brusselsDate } from "../app/lib/time";
import { database } from "../db/client";
import { createSession, person, registrationsOf } from "./support/factories";
import { asHtml, formFields } from "./support/form-page";
import { send } from "./support/http";
import { signedIn } from "./support/organisers";

/**
 * An unlisted session (a members' breakfast): on no list the site, its feeds, its embed or its
 * API publish, kept from search engines, and reachable by its link, where signing up works as
 * anywhere else. Through real HTTP against the built app, the page cache on.
 */

const { db } = database();
const { t } = i18n(DEFAULT_LOCALE);

let listed: Awaited<ReturnType<typeof createSession>>;
let unlisted: Awaited<ReturnType<typeof createSession>>;
let citySlug = "";
let partnerSlug = "";
let organiser = "";

beforeAll(async () => {
  listed = await createSession({ title: "Open ontbijt voor iedereen", partners: ["Voka"] });
  // The unlisted one in the same city, with the same partner, so every filter that finds the
  // listed one would find it too.
  unlisted = await createSession({
    title: "Ledenontbijt Voka Vlaams-Brabant",
    slug: "ledenontbijt-voka-q8w2e4r6t9y1",
    unlisted: 1,
    partners: [],
  });
  await db
    .updateTable("sessions")
    .set({ city_id: listed.city_id })
    .where("id", "=", unlisted.id)
    .execute();
  const partner = await db
    .selectFrom("session_partners")
    .innerJoin("partners", "partners.id", "session_partners.partner_id")
    .select(["partners.id", "partners.slug"])
    .where("session_partners.session_id", "=", listed.id)
    .executeTakeFirstOrThrow();
  partnerSlug = partner.slug;
  await db
    .insertInto("session_partners")
    .values({ session_id: unlisted.id, partner_id: partner.id, position: 0 })
    .execute();
  citySlug = (
    await db
      .selectFrom("cities")
      .select("slug")
      .where("id", "=", listed.city_id)
      .executeTakeFirstOrThrow()
  ).slug;
  organiser = await signedIn("organiser", { citySlugs: [citySlug] });
});

describe("an unlisted session", () => {
  it("is on no list: home, city, partner, embed, calendar feeds and the API", async () => {
    const lists = [
      "/",
      `/?stad=${citySlug}`,
      "/en",
      `/steden/${citySlug}`,
      `/partners/${partnerSlug}`,
      "/embed",
      `/embed?stad=${citySlug}`,
      `/embed?partner=${partnerSlug}`,
      "/agenda.ics",
      `/agenda.ics?stad=${citySlug}`,
      `/agenda.ics?partner=${partnerSlug}`,
      "/api/sessions?limit=100",
      `/api/sessions?city=${citySlug}`,
      `/api/sessions?partner=${partnerSlug}`,
    ];
    for (const path of lists) {
      const response = await send(path);
      expect(response.status, path).toBe(200);
      const body = await response.text();
      expect(body, path).toContain(listed.slug);
      expect(body, path).not.toContain(unlisted.slug);
      expect(body, path).not.toContain("Ledenontbijt");
    }
    // The API publishes what the agenda lists: by slug it is not found either.
    const one = await send(`/api/sessions/${unlisted.slug}`);
    expect(one.status).toBe(404);
    expect(await one.text()).not.toContain("Ledenontbijt");
    expect((await send(`/api/sessions/${listed.slug}`)).status).toBe(200);
  });

  it("is kept from search engines by a header and a meta tag, also when the page cache answers", async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await send(`/sessies/${unlisted.slug}`));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get("X-Robots-Tag")).toBe("noindex");
      expect(await answer.text()).toContain('<meta name="robots" content="noindex"/>');
    }
    // The same page and nonce each time: kept by the page cache, its header with it.
    const policies = answers.map((answer) => answer.headers.get("Content-Security-Policy"));
    expect(new Set(policies).size).toBe(1);
    expect(answers[2]?.headers.get("Cache-Control")).toMatch(/public/);

    const open = await send(`/sessies/${listed.slug}`);
    expect(open.headers.get("X-Robots-Tag")).toBeNull();
    expect(await open.text()).not.toContain('name="robots"');

    // Its calendar file, linked from its page, too.
    const file = await send(`/sessies/${unlisted.slug}/agenda.ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get("X-Robots-Tag")).toBe("noindex");
    expect(
      (await send(`/sessies/${listed.slug}/agenda.ics`)).headers.get("X-Robots-Tag"),
    ).toBeNull();
  });

  it("opens by its link, and signing up there works as anywhere", async () => {
    const page = await send(`/sessies/${unlisted.slug}`);
    expect(await page.text()).toContain("Ledenontbijt Voka Vlaams-Brabant");
    const { name, email } = person(1);
    const answer = await send(`/sessies/${unlisted.slug}`, {
      form: { name, email, consent: "on" },
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/sessies/${unlisted.slug}/bedankt`);
    const [registration] = await registrationsOf(unlisted.id);
    expect(registration).toMatchObject({ status: "confirmed", email });
  });

  it("is marked on the dashboard, and its page in the workspace gives the link to copy", async () => {
    const dashboard = await (await send("/beheer", { cookie: organiser })).text();
    expect(dashboard).toContain("Ledenontbijt Voka Vlaams-Brabant");
    expect(dashboard).toContain(` · ${t("dashboard.unlisted")}`);

    const workspace = await (
      await send(`/beheer/sessies/${unlisted.id}`, { cookie: organiser })
    ).text();
    expect(workspace).toContain(asHtml(t("access.unlisted")));
    expect(workspace).toMatch(
      new RegExp(
        `<input[^>]*readOnly=""[^>]*value="http://agenda.test/sessies/${unlisted.slug}"`,
        "i",
      ),
    );
    // In French, the French page.
    const french = await (
      await send(`/fr/beheer/sessies/${unlisted.id}`, { cookie: organiser })
    ).text();
    expect(french).toContain(`value="http://agenda.test/fr/sessies/${unlisted.slug}"`);
  });

  it("gets an address nobody guesses, made when it is created unlisted or taken off the lists", async () => {
    const page = await (await send("/beheer/sessies/nieuw", { cookie: organiser })).text();
    const form = formFields(page, "session-create");
    const city = await db
      .selectFrom("cities")
      .select("id")
      .where("slug", "=", citySlug)
      .executeTakeFirstOrThrow();
    const date = brusselsDate(new Date(Date.now() + 20 * 86_400_000).toISOString());
    for (const [field, value] of Object.entries({
      title: "Ledenontbijt Voka: de nieuwe lichting",
      summary: "Voor de leden van Voka.",
      kind: "breakfast",
      cityId: String(city.id),
      venueName: "Provinciehuis",
      venueAddress: "Provincieplein 1, 3010 Kessel-Lo",
      date,
      startTime: "07:30",
      endTime: "09:00",
      capacity: "40",
      unlisted: "on",
    })) {
      form.set(field, value);
    }
    const created = await send("/beheer/sessies/nieuw", { cookie: organiser, form });
    expect(created.status).toBe(302);
    const made = await db
      .selectFrom("sessions")
      .select(["id", "slug", "unlisted"])
      .where("title", "=", "Ledenontbijt Voka: de nieuwe lichting")
      .executeTakeFirstOrThrow();
    expect(made.unlisted).toBe(1);
    expect(made.slug).toMatch(
      new RegExp(`^${citySlug}-ledenontbijt-voka-de-nieuwe-lichting-[0-9a-z]{8,12}$`),
    );

    // A listed session taken off the lists leaves its public address behind.
    const before = listed.slug;
    const edit = await (
      await send(`/beheer/sessies/${listed.id}/bewerken`, { cookie: organiser })
    ).text();
    const fields = formFields(edit, "session-edit");
    fields.set("unlisted", "on");
    const saved = await send(`/beheer/sessies/${listed.id}/bewerken`, {
      cookie: organiser,
      form: fields,
    });
    expect(saved.status).toBe(302);
    const after = await db
      .selectFrom("sessions")
      .select(["slug", "unlisted"])
      .where("id", "=", listed.id)
      .executeTakeFirstOrThrow();
    expect(after.unlisted).toBe(1);
    expect(after.slug).toMatch(new RegExp(`^${before}-[0-9a-z]{8,12}$`));
    expect((await send(`/sessies/${before}`)).status).toBe(404);
    expect((await send(`/sessies/${after.slug}`)).status).toBe(200);
    // Editing it again keeps the address it has.
    const again = formFields(
      await (await send(`/beheer/sessies/${listed.id}/bewerken`, { cookie: organiser })).text(),
      "session-edit",
    );
    expect(
      (await send(`/beheer/sessies/${listed.id}/bewerken`, { cookie: organiser, form: again }))
        .status,
    ).toBe(302);
    const kept = await db
      .selectFrom("sessions")
      .select("slug")
      .where("id", "=", listed.id)
      .executeTakeFirstOrThrow();
    expect(kept.slug).toBe(after.slug);
  });
});
