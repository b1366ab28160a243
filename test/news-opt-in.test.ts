import { describe, expect, it } from "vitest";
import { createSession, registrationsOf } from "./support/factories";
import { expectNoticeOnce } from "./support/form-page";
import { send } from "./support/http";
import { manageTokenOf } from "./support/tokens";

/** The separate, optional yes to the city's news: its moment is kept, one click withdraws it. */
describe("news from the city", () => {
  it("is offered unticked, beside consent, and never needed to sign up", async () => {
    const session = await createSession();
    const html = await (await send(`/sessies/${session.slug}`)).text();
    const box = /<input[^>]*name="newsOptIn"[^>]*>/.exec(html)?.[0] ?? "";
    expect(box).toContain('type="checkbox"');
    expect(box).not.toContain("checked");
    expect(box).not.toContain("required");

    const response = await send(`/sessies/${session.slug}`, {
      form: { name: "Zonder Nieuws", email: "zonder@example.org", consent: "on" },
    });
    expect(response.status).toBe(302);
    const [registration] = await registrationsOf(session.id);
    expect(registration?.news_opt_in_at).toBeNull();
  });

  it("keeps the moment of a yes, shows it on the manage page, and one click withdraws it", async () => {
    const session = await createSession();
    const before = new Date().toISOString();
    await send(`/sessies/${session.slug}`, {
      form: { name: "Met Nieuws", email: "met@example.org", consent: "on", newsOptIn: "on" },
    });
    const [registration] = await registrationsOf(session.id);
    expect(registration?.news_opt_in_at && registration.news_opt_in_at >= before).toBe(true);

    const token = await manageTokenOf(registration?.id);
    const page = await (await send(`/inschrijving/${token}`)).text();
    expect(page).toContain("Geen nieuws meer");
    const download = await (await send(`/inschrijving/${token}/gegevens.json`)).json();
    expect(download.registration.newsOptInAt).toBe(registration?.news_opt_in_at);

    const withdrawn = await send(`/inschrijving/${token}`, { form: { intent: "news-off" } });
    await expectNoticeOnce(withdrawn, "Je krijgt geen nieuws van de stad meer.");
    const [after] = await registrationsOf(session.id);
    expect(after?.news_opt_in_at).toBeNull();
    expect(after?.status).toBe("confirmed");
  });

  it("answers 404 for a link that leads no one", async () => {
    const response = await send("/inschrijving/bestaat-niet", { form: { intent: "news-off" } });
    expect(response.status).toBe(404);
  });
});
