import ICAL from "ical.js";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "../app/i18n";
import { cancelRegistration, signUp } from "../app/models/registration.server";
import { hashToken } from "../app/models/registration-token.server";
import { database } from "../db/client";
import { createSession, outboxFor, person, registrationsOf } from "./support/factories";
import { asHtml, expectNoticeOnce } from "./support/form-page";
import { send } from "./support/http";
import { checkIcs } from "./support/ical-checks";
import { manageTokenIn } from "./support/tokens";

/**
 * The link an invite carries in its DESCRIPTION, over HTTP against the built app (`npx remix
 * build` first). Whoever reads a shared or delegated calendar, or gets a forwarded Outlook
 * meeting, has it: it shows the registration and can mail its owner the manage link, no more.
 */

// A small mail budget per address, so the test can spend it (config is read once per process).
vi.hoisted(() => {
  process.env.RATE_MAILS_PER_ADDRESS_PER_HOUR = "3";
});

const { t } = i18n("nl-BE");
const PRIVATE = "private, no-store";

/** The view token in a calendar object's DESCRIPTION, as a calendar shows the link. */
function viewTokenIn(ics: string | null | undefined): string {
  const [event] = checkIcs(ics ?? "", ics?.includes("METHOD:CANCEL") ? "CANCEL" : "REQUEST").events;
  const description = String(event?.getFirstPropertyValue("description") ?? "");
  const token = /http:\/\/agenda\.test\/inschrijving\/bekijken\/([\w-]+)/.exec(description)?.[1];
  if (!token) throw new Error(`no view link in the DESCRIPTION: ${description}`);
  return token;
}

/** A seat in a session of its own, and the confirmation mail as it leaves. */
async function seated(n: number, name = `Deelnemer ${n}`) {
  const session = await createSession({ capacity: 5 });
  expect((await signUp(session.slug, person(n, { name }), { locale: "nl-BE" })).ok).toBe(true);
  const [registration] = await registrationsOf(session.id);
  const [mail] = await outboxFor(session.id, `deelnemer${n}@example.org`);
  if (!registration || !mail) throw new Error("no registration");
  return { session, registration, mail, email: `deelnemer${n}@example.org` };
}

async function mailsTo(email: string) {
  return database()
    .db.selectFrom("outbox")
    .select(["kind"])
    .where("to_email", "=", email)
    .orderBy("id")
    .execute();
}

describe("the link in an invite", () => {
  it("is a view link, never the manage link: in the REQUEST and in the CANCEL", async () => {
    const { session, mail, email } = await seated(1);
    const manageToken = manageTokenIn(mail.text);
    expect(mail.ics).not.toContain(manageToken);
    const view = viewTokenIn(mail.ics);
    expect(view).not.toBe(manageToken);
    // Stored as its hash, like the other links, under a purpose of its own.
    const stored = await database()
      .db.selectFrom("registration_tokens")
      .select("purpose")
      .where("token_hash", "=", hashToken(view))
      .executeTakeFirstOrThrow();
    expect(stored.purpose).toBe("view");
    // The mail's body keeps its manage link.
    expect(mail.text).toContain(`http://agenda.test/inschrijving/${manageToken}`);

    expect((await cancelRegistration(manageToken)).ok).toBe(true);
    const cancel = (await outboxFor(session.id, email)).at(-1);
    expect(cancel?.ics_method).toBe("CANCEL");
    expect(cancel?.ics).not.toContain(manageToken);
    expect(viewTokenIn(cancel?.ics)).not.toBe(view);
  });

  it("opens a page with the session, the name and the status, kept by no cache or search engine", async () => {
    const { session, mail } = await seated(2, "Griet Bekijkmaar");
    const view = viewTokenIn(mail.ics);
    const response = await send(`/inschrijving/bekijken/${view}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe(PRIVATE);
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
    const html = await response.text();
    expect(html).toContain(asHtml(session.title));
    expect(html).toContain(asHtml(t("view.registeredAs", { name: "Griet Bekijkmaar" })));
    expect(html).toContain(asHtml(t("manage.status.confirmed")));
    expect(html).toContain('name="robots" content="noindex"');
    // Nothing more: no address, no way to cancel, download or erase.
    expect(html).not.toContain("deelnemer2@example.org");
    for (const action of ['value="cancel"', 'value="erase"', "gegevens.json", "?wissen"]) {
      expect(html).not.toContain(action);
    }
    expect(html).not.toContain(asHtml(t("gdpr.erase")));
    expect(html).toContain('value="mail-link"');

    // The same page in French and English, under their prefix.
    const french = await send(`/fr/inschrijving/bekijken/${view}`);
    expect(french.status).toBe(200);
    expect(await french.text()).toContain(
      asHtml(i18n("fr-BE").t("view.registeredAs", { name: "Griet Bekijkmaar" })),
    );
    const english = await send(`/en/inschrijving/bekijken/${view}`);
    expect(await english.text()).toContain(asHtml(i18n("en-BE").t("view.mailLink.submit")));
    expect((await send(`/de/inschrijving/bekijken/${view}`)).status).toBe(404);
  });

  it("opens neither the manage page nor the data or invite download; a manage link no view page", async () => {
    const { mail, session } = await seated(3);
    const view = viewTokenIn(mail.ics);
    for (const path of [
      `/inschrijving/${view}`,
      `/inschrijving/${view}/gegevens.json`,
      `/inschrijving/${view}/uitnodiging.ics`,
      `/inschrijving/bekijken/${manageTokenIn(mail.text)}`,
      `/inschrijving/bekijken/${"x".repeat(32)}`,
    ]) {
      expect((await send(path)).status, path).toBe(404);
    }
    expect((await send(`/inschrijving/${view}`, { form: { intent: "erase" } })).status).toBe(404);
    expect((await send(`/inschrijving/${view}`, { form: { intent: "cancel" } })).status).toBe(404);
    expect((await registrationsOf(session.id))[0]?.status).toBe("confirmed");
  });

  it("mails the owner their manage link, within the address's mail budget, answering the same", async () => {
    const { mail, email, registration } = await seated(5);
    const view = viewTokenIn(mail.ics);
    const path = `/inschrijving/bekijken/${view}`;
    const before = (await mailsTo(email)).length;

    const asked = await send(path, { form: { intent: "mail-link" } });
    expect(asked.headers.get("Cache-Control")).toBe(PRIVATE);
    await expectNoticeOnce(asked, t("view.linkSent"));
    const [linkMail] = (await outboxFor(registration.session_id, email)).slice(before);
    expect(linkMail).toMatchObject({ kind: "registration.manageLink", ics: null, to_email: email });
    expect(linkMail?.text).toContain(
      "Je vroeg via de link in je agenda de link naar je inschrijving",
    );
    // The mailed link is a manage link: the page that cancels, downloads and erases.
    const manage = await send(`/inschrijving/${manageTokenIn(linkMail?.text)}`);
    expect(manage.status).toBe(200);
    expect(await manage.text()).toContain(asHtml(t("gdpr.erase")));

    // The budget is 3 mails an hour: two more go out, then none, and the answer stays the same.
    const answers: [number, string | null][] = [];
    for (let i = 0; i < 4; i++) {
      const again = await send(path, { form: { intent: "mail-link" } });
      answers.push([again.status, again.headers.get("Location")]);
    }
    expect(answers).toEqual(Array.from({ length: 4 }, () => [302, path]));
    expect((await mailsTo(email)).slice(before).map((m) => m.kind)).toEqual([
      "registration.manageLink",
      "registration.manageLink",
      "registration.manageLink",
    ]);
  });

  it("refuses an action it does not know with 400, and mails nothing", async () => {
    const { mail, email } = await seated(6);
    const before = (await mailsTo(email)).length;
    const answer = await send(`/inschrijving/bekijken/${viewTokenIn(mail.ics)}`, {
      form: { intent: "erase" },
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain(asHtml(t("manage.errors.unknownAction")));
    expect((await mailsTo(email)).length).toBe(before);
  });

  it("leads to no one once the data were erased: 410, and no mail", async () => {
    const { mail, email } = await seated(7);
    const view = viewTokenIn(mail.ics);
    const manageToken = manageTokenIn(mail.text);
    expect((await send(`/inschrijving/${manageToken}`, { form: { intent: "erase" } })).status).toBe(
      302,
    );
    const gone = await send(`/inschrijving/bekijken/${view}`);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("Cache-Control")).toBe(PRIVATE);
    expect(await gone.text()).toContain(asHtml(t("gdpr.erasedTitle")));
    const mailsBefore = await mailsTo(email);
    const asked = await send(`/inschrijving/bekijken/${view}`, { form: { intent: "mail-link" } });
    expect(asked.status).toBe(302);
    expect(await mailsTo(email)).toEqual(mailsBefore);
  });
});

describe("the invite file of the manage page", () => {
  it("carries a view link of its own, not the manage link it was downloaded with", async () => {
    const { mail } = await seated(8);
    const manageToken = manageTokenIn(mail.text);
    const file = await (await send(`/inschrijving/${manageToken}/uitnodiging.ics`)).text();
    expect(file).not.toContain(manageToken);
    const view = viewTokenIn(file);
    expect(view).not.toBe(viewTokenIn(mail.ics));
    expect((await send(`/inschrijving/bekijken/${view}`)).status).toBe(200);
    const event = new ICAL.Component(ICAL.parse(file)).getFirstSubcomponent("vevent");
    expect(String(event?.getFirstPropertyValue("description"))).not.toContain(
      `/inschrijving/${manageToken}`,
    );
  });
});
