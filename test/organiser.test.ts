import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { hashingState, verifyPassword } from "../app/lib/password.server";
import {
  createOrganiser,
  inviteOrganiser,
  listOrganisers,
  removeOrganiser,
  unlockOrganiser,
} from "../app/models/organiser.server";
import { requestPasswordReset, resetPassword } from "../app/models/password-reset.server";
import { logIn, organiserBySessionToken } from "../app/models/sign-in.server";
import { database } from "../db/client";
import { createSession, renderQueuedMail } from "./support/factories";
import { cookieFrom, send } from "./support/http";

const PASSWORD = "een-lang-wachtwoord-voor-tests";
let n = 0;
/** Wrong passwords one client may try for one account before it has to wait (the default). */
const LOCK_AFTER = 5;

async function organiser(overrides: Partial<Parameters<typeof createOrganiser>[0]> = {}) {
  n++;
  return createOrganiser({
    email: `Org${n}@Leuven.test`,
    name: `Organisator ${n}`,
    password: PASSWORD,
    role: "admin",
    ...overrides,
  });
}

describe("organiser accounts", () => {
  it("store a memory-hard scrypt hash, never the password", async () => {
    const created = await organiser();
    const row = await database()
      .db.selectFrom("organisers")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.email).toBe(`org${n}@leuven.test`);
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, row.password_hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, row.password_hash)).toBe(false);
  });

  it("sign in with the right password, whatever the case of the address, and carry their scope", async () => {
    const city = await createSession();
    const { db } = database();
    const citySlug = (
      await db
        .selectFrom("cities")
        .select("slug")
        .where("id", "=", city.city_id)
        .executeTakeFirstOrThrow()
    ).slug;
    const created = await organiser({ role: "organiser", citySlugs: [citySlug] });
    const result = await logIn(created.email.toUpperCase(), PASSWORD);
    if (!result.ok) throw new Error("expected to sign in");
    const signedIn = await organiserBySessionToken(result.sessionToken);
    expect(signedIn).toMatchObject({
      id: created.id,
      role: "organiser",
      scope: { all: false, cityIds: [city.city_id], partnerIds: [] },
    });
    const stored = await db.selectFrom("auth_sessions").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(result.sessionToken);
  });

  it("count wrong passwords per account and client: that client waits, others do not", async () => {
    const created = await organiser();
    const at = (minute: number) => `2026-12-01T09:${String(minute).padStart(2, "0")}:00.000Z`;
    const guesser = { client: "192.0.2.10", now: at(0) };
    for (let i = 0; i < LOCK_AFTER; i++) {
      expect(await logIn(created.email, "fout", guesser)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // Five wrong in a row: that client is refused, even with the right password, for as long
    // as the first of them is less than fifteen minutes old.
    expect(await logIn(created.email, PASSWORD, { ...guesser, now: at(14) })).toEqual({
      ok: false,
      reason: "locked",
      retryAfterSeconds: 60,
    });
    // The organiser at their own desk is not kept out by someone else's guesses.
    expect(
      await logIn(created.email, PASSWORD, { client: "198.51.100.7", now: at(1) }),
    ).toMatchObject({ ok: true });
    expect(
      await logIn(created.email, PASSWORD, { client: "192.0.2.10", now: at(15) }),
    ).toMatchObject({ ok: true });
    expect(await listOrganisers(at(15))).toContainEqual(
      expect.objectContaining({ id: created.id, locked: false }),
    );
  });

  it("count parallel guesses exactly like sequential ones", async () => {
    const created = await organiser();
    const now = "2026-12-02T09:00:00.000Z";
    const results = await Promise.all(
      Array.from({ length: 30 }, () => logIn(created.email, "fout", { client: "192.0.2.11", now })),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBe(LOCK_AFTER);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(30 - LOCK_AFTER);
  });

  it("let an admin lift the limit on an account", async () => {
    const admin = await organiser();
    const created = await organiser();
    const now = new Date().toISOString();
    const client = "192.0.2.12";
    for (let i = 0; i < LOCK_AFTER; i++) await logIn(created.email, "fout", { client, now });
    expect(await listOrganisers(now)).toContainEqual(
      expect.objectContaining({ id: created.id, locked: true }),
    );
    expect(await unlockOrganiser(created.id, { organiserId: admin.id })).toEqual({
      ok: true,
      name: created.name,
    });
    expect(await logIn(created.email, PASSWORD, { client, now })).toMatchObject({ ok: true });
    const log = await database()
      .db.selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", created.id)
      .execute();
    expect(log.map((e) => e.action)).toContain("organiser.unlock");
  });

  it("say the same for an unknown address as for a wrong password, locked ones included", async () => {
    const known = await organiser();
    const client = "192.0.2.13";
    const now = "2026-12-03T09:00:00.000Z";
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i <= LOCK_AFTER; i++) seen.push(await logIn(email, "fout", { client, now }));
      return seen;
    };
    expect(await answers("niemand@leuven.test")).toEqual(await answers(known.email));
    expect((await answers("niemand@leuven.test")).at(-1)).toMatchObject({ reason: "locked" });
  });

  it("refuse a password longer than 1,024 characters without hashing it", async () => {
    const created = await organiser();
    const long = "x".repeat(1025);
    const before = hashingState().started;
    expect(await logIn(created.email, long)).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn(created.email, `${PASSWORD}\u0000`)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(hashingState().started).toBe(before);
  });

  it("reset a password with a one-time link that ends every open session and lifts a lock", async () => {
    const created = await organiser();
    const before = await logIn(created.email, PASSWORD);
    if (!before.ok) throw new Error("expected to sign in");
    for (let i = 0; i < LOCK_AFTER; i++) await logIn(created.email, "fout");
    expect(await logIn(created.email, PASSWORD)).toMatchObject({ reason: "locked" });

    await requestPasswordReset(created.email, { locale: "nl-BE" });
    await requestPasswordReset(created.email, { locale: "nl-BE" });
    await renderQueuedMail();
    const mail = await database()
      .db.selectFrom("outbox")
      .selectAll()
      .where("to_email", "=", created.email)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe("Een nieuw wachtwoord voor de Ondernemersagenda");
    const token = /\/beheer\/wachtwoord\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
    expect(token).toHaveLength(43);
    const mails = await database()
      .db.selectFrom("outbox")
      .select("text")
      .where("to_email", "=", created.email)
      .orderBy("id")
      .execute();
    const otherToken = /\/beheer\/wachtwoord\/([\w-]+)/.exec(mails[1]?.text ?? "")?.[1] ?? "";
    expect(otherToken).toHaveLength(43);

    expect(await resetPassword(token, "een-heel-nieuw-wachtwoord")).toBe("changed");
    expect(await resetPassword(token, "nog-een-ander-wachtwoord")).toBe("invalidLink");
    // Using one link revokes the others sent before it.
    expect(await resetPassword(otherToken, "nog-een-ander-wachtwoord")).toBe("invalidLink");
    expect(await organiserBySessionToken(before.sessionToken)).toBeNull();
    expect(await logIn(created.email, "een-heel-nieuw-wachtwoord")).toMatchObject({
      ok: true,
    });
  });

  it("refuse an expired reset link", async () => {
    const created = await organiser();
    await requestPasswordReset(created.email, { locale: "nl-BE", now: "2026-01-01T10:00:00.000Z" });
    await renderQueuedMail();
    const mail = await database()
      .db.selectFrom("outbox")
      .select("text")
      .where("to_email", "=", created.email)
      .executeTakeFirstOrThrow();
    const token = /\/beheer\/wachtwoord\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
    expect(
      await resetPassword(token, "een-heel-nieuw-wachtwoord", { now: "2026-01-01T11:01:00.000Z" }),
    ).toBe("invalidLink");
  });
});

describe("admins managing organisers", () => {
  it("invite a new organiser, who chooses a password through a link valid for three days", async () => {
    const admin = await organiser();
    const session = await createSession();
    const result = await inviteOrganiser(
      {
        email: "Nieuw@Gent.test",
        name: "Nieuwe Organisator",
        role: "organiser",
        cityIds: [session.city_id],
        partnerIds: [],
        locale: "nl-BE",
      },
      { organiserId: admin.id, now: "2026-12-01T10:00:00.000Z" },
    );
    expect(result).toMatchObject({ ok: true });
    await renderQueuedMail();
    const mail = await database()
      .db.selectFrom("outbox")
      .selectAll()
      .where("to_email", "=", "nieuw@gent.test")
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe("Je account voor de Ondernemersagenda");
    const token = /\/beheer\/wachtwoord\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
    expect(
      await resetPassword(token, "mijn-eigen-wachtwoord", { now: "2026-12-04T09:59:00.000Z" }),
    ).toBe("changed");
    expect(await logIn("nieuw@gent.test", "mijn-eigen-wachtwoord")).toMatchObject({
      ok: true,
    });
    const listed = (await listOrganisers()).find((o) => o.email === "nieuw@gent.test");
    expect(listed).toMatchObject({ role: "organiser", cities: ["Leuven"], partners: [] });
  });

  it("refuse a taken address and an organiser without any city or partner", async () => {
    const admin = await organiser();
    const by = { organiserId: admin.id };
    expect(
      await inviteOrganiser(
        {
          email: admin.email,
          name: "X",
          role: "admin",
          cityIds: [],
          partnerIds: [],
          locale: "nl-BE",
        },
        by,
      ),
    ).toEqual({ ok: false, reason: "emailTaken" });
    expect(
      await inviteOrganiser(
        {
          email: "leeg@leuven.test",
          name: "X",
          role: "organiser",
          cityIds: [],
          partnerIds: [],
          locale: "nl-BE",
        },
        by,
      ),
    ).toEqual({ ok: false, reason: "noScope" });
    expect(
      await database()
        .db.selectFrom("organisers")
        .select("id")
        .where("email", "=", "leeg@leuven.test")
        .execute(),
    ).toEqual([]);
  });

  it("remove an account, which signs it out at once, but never their own", async () => {
    const admin = await organiser();
    const other = await organiser({ role: "organiser", citySlugs: [], partnerSlugs: [] });
    const signedIn = await logIn(other.email, PASSWORD);
    if (!signedIn.ok) throw new Error("expected to sign in");
    expect(await removeOrganiser(admin.id, { organiserId: admin.id })).toEqual({
      ok: false,
      reason: "self",
    });
    expect(await removeOrganiser(other.id, { organiserId: admin.id })).toEqual({
      ok: true,
      name: other.name,
    });
    expect(await organiserBySessionToken(signedIn.sessionToken)).toBeNull();
    const log = await database()
      .db.selectFrom("audit_log")
      .select(["subject_id", "summary"])
      .where("action", "=", "organiser.remove")
      .execute();
    // By id: the log page names them from the organisers table, where the row stays.
    expect(log).toContainEqual({ subject_id: other.id, summary: "" });
    // Gone from the list and unable to sign in; the address may be invited again.
    expect((await listOrganisers()).map((o) => o.id)).not.toContain(other.id);
    expect(await logIn(other.email, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await removeOrganiser(other.id, { organiserId: admin.id })).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(
      await inviteOrganiser(
        {
          email: other.email,
          name: "Terug",
          role: "admin",
          cityIds: [],
          partnerIds: [],
          locale: "nl-BE",
        },
        { organiserId: admin.id },
      ),
    ).toMatchObject({ ok: true });
  });

  it("remove an account that has worked in the workspace: the log still names who did what", async () => {
    const admin = await organiser();
    const other = await organiser();
    await unlockOrganiser(admin.id, { organiserId: other.id });
    expect(await removeOrganiser(other.id, { organiserId: admin.id })).toMatchObject({ ok: true });
    const entry = await database()
      .db.selectFrom("audit_log")
      .innerJoin("organisers", "organisers.id", "audit_log.organiser_id")
      .select(["organisers.name", "audit_log.action"])
      .where("audit_log.organiser_id", "=", other.id)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ name: other.name, action: "organiser.unlock" });
  });
});

describe("the sign-in page", () => {
  it("sets an HttpOnly, SameSite cookie and never redirects off the site", async () => {
    const created = await organiser();
    const response = await send("/beheer/inloggen", {
      form: { email: created.email, password: PASSWORD, terug: "//evil.example/beheer" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/beheer");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("oa_session=")) ?? "";
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    const dashboard = await send("/beheer", { cookie: cookieFrom(response) });
    expect(dashboard.status).toBe(200);
  });

  it("answers a wrong password with 401 and a message, and no session", async () => {
    const created = await organiser();
    const response = await send("/beheer/inloggen", {
      form: { email: created.email, password: "fout" },
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("Dit e-mailadres en wachtwoord horen niet bij elkaar.");
    expect(response.headers.get("Set-Cookie") ?? "").not.toContain("oa_session=");
  });
});

describe("production", () => {
  it("refuses to start without a SESSION_SECRET", async () => {
    const run = promisify(execFile);
    const failure = await run(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { ...process.env, NODE_ENV: "production", SESSION_SECRET: "", PORT: "0" },
      timeout: 30_000,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain("SESSION_SECRET must be set in production");
  });
});
