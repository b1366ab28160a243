import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, i18n } from "../app/i18n";
import { emailDomainList } from "../app/lib/email-domains";
import { database } from "../db/client";
import { createSession, registrationsOf } from "./support/factories";
import { asHtml, expectFieldError, formFields } from "./support/form-page";
import { send } from "./support/http";
import { signedIn } from "./support/organisers";

/**
 * A session that accepts only addresses of some domains (students of KU Leuven): the organiser's
 * list, checked and lower-cased; the sign-up form says so beside the address and refuses another
 * domain at that field, 400, before anything is stored or counted against an abuse limit.
 * Through real HTTP against the built app.
 */

const { db } = database();
const { t, orList } = i18n(DEFAULT_LOCALE);
const DOMAINS = ["student.kuleuven.be", "kuleuven.be"];

let session: Awaited<ReturnType<typeof createSession>>;
let organiser = "";

beforeAll(async () => {
  session = await createSession({ kind: "forum", email_domains: DOMAINS.join(" ") });
  const city = await db
    .selectFrom("cities")
    .select("slug")
    .where("id", "=", session.city_id)
    .executeTakeFirstOrThrow();
  organiser = await signedIn("organiser", { citySlugs: [city.slug] });
});

/** What no refused sign-up may leave behind: people, mail, or a count against a limit. */
async function traces() {
  const count = async (table: "registrations" | "outbox" | "rate_limit_hits") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    registrations: await count("registrations"),
    outbox: await count("outbox"),
    rateLimitHits: await count("rate_limit_hits"),
  };
}

const refusal = t("errors.email.domain", { domains: DOMAINS.join(", ") });

describe("a session for addresses of some domains", () => {
  it("says so beside the address field", async () => {
    const html = await (await send(`/sessies/${session.slug}`)).text();
    expect(html).toContain(
      asHtml(
        t("signup.emailHintDomains", { domains: orList(DOMAINS.map((domain) => `@${domain}`)) }),
      ),
    );
    expect(html).toContain("@student.kuleuven.be of @kuleuven.be");
  });

  it("refuses another domain at the email field, 400, storing and counting nothing", async () => {
    const before = await traces();
    for (const email of [
      "an@gmail.com",
      "an@sub.student.kuleuven.be",
      "an@kuleuven.be.evil.test",
    ]) {
      const answer = await send(`/sessies/${session.slug}`, {
        form: { name: "An Peeters", email, consent: "on" },
      });
      expect(answer.status, email).toBe(400);
      expectFieldError(await answer.text(), "email", refusal);
    }
    expect(await traces()).toEqual(before);
  });

  it("still checks the form's other fields with it", async () => {
    const answer = await send(`/sessies/${session.slug}`, {
      form: { name: "", email: "an@gmail.com" },
    });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expectFieldError(html, "email", refusal);
    expectFieldError(html, "name", t("errors.name.required"));
    expectFieldError(html, "consent", t("errors.consent.required"));
  });

  it("takes an address of a listed domain, whatever its case", async () => {
    const answer = await send(`/sessies/${session.slug}`, {
      form: { name: "Lotte Maes", email: "Lotte.Maes@Student.KULeuven.be", consent: "on" },
    });
    expect(answer.status).toBe(302);
    const staff = await send(`/sessies/${session.slug}`, {
      form: { name: "Bram Aerts", email: "bram.aerts@kuleuven.be", consent: "on" },
    });
    expect(staff.status).toBe(302);
    expect((await registrationsOf(session.id)).map((r) => r.email_normalized)).toEqual([
      "lotte.maes@student.kuleuven.be",
      "bram.aerts@kuleuven.be",
    ]);
  });

  it("lets an organiser add any address by hand, and says so", async () => {
    const page = await (await send(`/beheer/sessies/${session.id}`, { cookie: organiser })).text();
    expect(page).toContain(asHtml(t("access.byHand")));
    const added = await send(`/beheer/sessies/${session.id}`, {
      cookie: organiser,
      form: { intent: "add", name: "Gastspreker", email: "spreker@voka.be" },
    });
    expect(added.status).toBe(302);
    expect((await registrationsOf(session.id)).map((r) => r.email_normalized)).toContain(
      "spreker@voka.be",
    );
  });
});

describe("the session form's list of domains", () => {
  const list = emailDomainList({
    invalid: "sessionForm.errors.emailDomains.invalid",
    tooMany: "sessionForm.errors.emailDomains.tooMany",
    tooLong: "sessionForm.errors.emailDomains.tooLong",
  });
  const read = (typed: string) => list.safeParse(typed);

  it("reads domains as people type them: commas, spaces, an @, capitals", () => {
    expect(read("@Student.KULeuven.be, kuleuven.be;ucll.be\nKULEUVEN.BE").data).toEqual([
      "student.kuleuven.be",
      "kuleuven.be",
      "ucll.be",
    ]);
    expect(read("").data).toEqual([]);
    expect(read("xn--mnchen-3ya.de").data).toEqual(["xn--mnchen-3ya.de"]);
  });

  it("refuses what is no domain name, naming it", () => {
    for (const wrong of [
      "kuleuven",
      "student@kuleuven.be",
      "-x.be",
      "kul_euven.be",
      "a..be",
      "kuleuven.b",
      "münchen.de",
    ]) {
      const result = read(`kuleuven.be, ${wrong}`);
      expect(result.success, wrong).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({
        message: "sessionForm.errors.emailDomains.invalid",
      });
    }
  });

  it("is stored lower-cased, and a wrong one is said at its field", async () => {
    const page = await (
      await send(`/beheer/sessies/${session.id}/bewerken`, { cookie: organiser })
    ).text();
    const form = formFields(page, "session-edit");
    expect(form.get("emailDomains")).toBe("student.kuleuven.be, kuleuven.be");

    form.set("emailDomains", "student.kuleuven.be, kuleuven");
    const refused = await send(`/beheer/sessies/${session.id}/bewerken`, {
      cookie: organiser,
      form,
    });
    expect(refused.status).toBe(400);
    expectFieldError(
      await refused.text(),
      "emailDomains",
      t("sessionForm.errors.emailDomains.invalid", { domain: "kuleuven" }),
    );

    form.set("emailDomains", "@Student.KULeuven.be  UCLL.be");
    const saved = await send(`/beheer/sessies/${session.id}/bewerken`, { cookie: organiser, form });
    expect(saved.status).toBe(302);
    const row = await db
      .selectFrom("sessions")
      .select("email_domains")
      .where("id", "=", session.id)
      .executeTakeFirstOrThrow();
    expect(row.email_domains).toBe("student.kuleuven.be ucll.be");
    // Back to what the other tests expect.
    form.set("emailDomains", DOMAINS.join(", "));
    expect(
      (await send(`/beheer/sessies/${session.id}/bewerken`, { cookie: organiser, form })).status,
    ).toBe(302);
  });
});
