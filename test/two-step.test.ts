import { createCookie } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createOrganiser } from "../app/models/organiser.server";
import { completeSecondStep } from "../app/models/two-step.server";
import { database } from "../db/client";
import { authenticator, recoveryCodesOn, secretOn } from "./support/authenticator";
import { createSession } from "./support/factories";
import { cookieFrom, dataPath, newClient, send } from "./support/http";
import { signedInOrganiser, signInOverHttp, TEST_PASSWORD } from "./support/organisers";
import { turnOnOverHttp } from "./support/two-step";

/**
 * Two-step sign-in over real HTTP against the built app: turning it on, the code after the
 * password (once each), recovery codes (once each), wrong codes counted like wrong passwords,
 * the admins' requirement, and an admin's reset.
 */

let n = 0;
async function organiser(role: "admin" | "organiser" = "organiser") {
  const email = `twee-stap-${++n}@leuven.test`;
  const made = await signedInOrganiser({
    email,
    name: `Tweestap ${n}`,
    password: TEST_PASSWORD,
    role,
  });
  return { ...made, email };
}

/** The password step over HTTP: its answer, and the cookie it sets. */
async function password(email: string, client = newClient()) {
  const response = await send("/beheer/inloggen", {
    form: { email, password: TEST_PASSWORD, terug: "/beheer" },
    client,
  });
  return { response, cookie: cookieFrom(response), location: response.headers.get("Location") };
}

async function code(cookie: string, value: string, client = newClient()) {
  return send("/beheer/inloggen/code", { form: { code: value, terug: "/beheer" }, cookie, client });
}

/** Whether a cookie opens the workspace: 200 on /beheer, not a redirect to sign in. */
async function opensWorkspace(cookie: string): Promise<boolean> {
  const response = await send("/beheer", { cookie });
  if (response.status === 200) return true;
  expect(response.headers.get("Location")).toBe("/beheer/inloggen?terug=%2Fbeheer");
  return false;
}

async function auditActions(subjectId: number) {
  const rows = await database()
    .db.selectFrom("audit_log")
    .select(["action", "organiser_id", "details"])
    .where("subject_type", "=", "organiser")
    .where("subject_id", "=", subjectId)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.action);
}

describe("turning two-step sign-in on", () => {
  it("refuses a wrong first code, and the right one turns it on with ten recovery codes shown once", async () => {
    const { cookie, organiser: me } = await organiser();
    const begun = await send("/beheer/mijn-account", { form: { intent: "begin" }, cookie });
    expect(begun.status).toBe(302);
    const page = await (await send("/beheer/mijn-account", { cookie })).text();
    // The QR code is an inline image (the policy allows data: images), the key is text too.
    expect(page).toMatch(/<img src="data:image\/png;base64,[^"]+"/);
    const app = authenticator(secretOn(page));

    const wrong = await send("/beheer/mijn-account", {
      form: { intent: "confirm", code: app.wrong() },
      cookie,
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Die code klopt niet");
    const stillOff = await (await send("/beheer/mijn-account", { cookie })).text();
    expect(secretOn(stillOff)).toBe(app.secret);

    const right = await send("/beheer/mijn-account", {
      form: { intent: "confirm", code: app.next() },
      cookie,
    });
    expect(right.status).toBe(200);
    const codes = recoveryCodesOn(await right.text());
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    // Shown once: the page afterwards says how many are left, and shows neither them nor the key.
    const after = await (await send("/beheer/mijn-account", { cookie })).text();
    expect(after).toContain("Tweestapsverificatie staat aan.");
    expect(after).toContain("Je hebt nog 10 herstelcodes.");
    expect(recoveryCodesOn(after)).toEqual([]);
    expect(after).not.toContain(app.secret.slice(0, 8));

    // Stored sealed and hashed: neither the key nor a code is in the database as it was shown.
    const { db } = database();
    const factor = await db
      .selectFrom("organiser_second_factors")
      .selectAll()
      .where("organiser_id", "=", me.id)
      .executeTakeFirstOrThrow();
    expect(factor.enabled_at).not.toBeNull();
    expect(factor.sealed_secret).not.toContain(app.secret);
    const hashes = await db
      .selectFrom("recovery_codes")
      .select("code_hash")
      .where("organiser_id", "=", me.id)
      .execute();
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) {
      for (const shown of codes) {
        expect(code_hash).not.toContain(shown);
        expect(code_hash).not.toContain(shown.replaceAll("-", ""));
      }
    }
    expect(await auditActions(me.id)).toContain("organiser.twoStepOn");
  });
});

describe("signing in with a second step", () => {
  it("asks for the code after the password; a right code opens the workspace, the same code never again", async () => {
    const { cookie, email, organiser: me } = await organiser();
    const { app, recoveryCodes } = await turnOnOverHttp(cookie);

    const first = await password(email);
    expect(first.response.status).toBe(302);
    expect(first.location).toBe("/beheer/inloggen/code?terug=%2Fbeheer");
    expect(await opensWorkspace(first.cookie)).toBe(false);
    // The sign-in page sends someone past their password on to the code.
    const again = await send("/beheer/inloggen?terug=%2Fbeheer", { cookie: first.cookie });
    expect(again.headers.get("Location")).toBe("/beheer/inloggen/code?terug=%2Fbeheer");
    expect((await send("/beheer/inloggen/code", { cookie: first.cookie })).status).toBe(200);

    const used = app.next();
    const accepted = await code(first.cookie, used);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/beheer");
    expect(await opensWorkspace(first.cookie)).toBe(true);

    // The same code, seen over someone's shoulder and typed on another device: refused.
    const second = await password(email);
    const replayed = await code(second.cookie, used);
    expect(replayed.status).toBe(401);
    expect(await opensWorkspace(second.cookie)).toBe(false);
    // The stage goes on: a recovery code still works there.
    expect((await code(second.cookie, recoveryCodes[0] ?? "")).status).toBe(302);
    expect(await opensWorkspace(second.cookie)).toBe(true);

    const actions = await auditActions(me.id);
    expect(actions.filter((a) => a === "organiser.codeFailed")).toHaveLength(1);
    expect(actions.filter((a) => a === "organiser.signIn").length).toBeGreaterThanOrEqual(3);
  });

  it("takes a recovery code instead, each once, and counts down what is left", async () => {
    const { cookie, email } = await organiser();
    const { recoveryCodes } = await turnOnOverHttp(cookie);
    const [recovery = ""] = recoveryCodes;

    const first = await password(email);
    // Typed as people type: lower case, spaces for dashes.
    const typed = recovery.toLowerCase().replaceAll("-", " ");
    expect((await code(first.cookie, typed)).status).toBe(302);
    expect(await opensWorkspace(first.cookie)).toBe(true);
    const page = await (await send("/beheer/mijn-account", { cookie: first.cookie })).text();
    expect(page).toContain("Je hebt nog 9 herstelcodes.");

    const second = await password(email);
    expect((await code(second.cookie, recovery)).status).toBe(401);
    expect(await opensWorkspace(second.cookie)).toBe(false);
    expect((await code(second.cookie, recoveryCodes[1] ?? "")).status).toBe(302);
  });

  it("limits wrong codes like wrong passwords: after five, a 429 with Retry-After, even for the right code", async () => {
    const { cookie, email } = await organiser();
    const { app } = await turnOnOverHttp(cookie);
    const client = newClient();
    const pending = await password(email, client);
    for (let i = 0; i < 5; i++) {
      const wrong = await code(pending.cookie, app.wrong(), client);
      expect(wrong.status).toBe(401);
    }
    const refused = await code(pending.cookie, app.next(), client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain(
      "Te veel foute codes na elkaar. Probeer het opnieuw vanaf",
    );
    expect(await opensWorkspace(pending.cookie)).toBe(false);
    // The same budget: from that client, the password is refused for now too.
    const passwordAgain = await password(email, client);
    expect(passwordAgain.response.status).toBe(429);
    expect(passwordAgain.response.headers.get("Retry-After")).not.toBeNull();
    // From another client, the right password and code still sign in: the refused code was
    // never checked, so it is still unused.
    const elsewhere = await password(email);
    expect((await code(elsewhere.cookie, app.again(), newClient())).status).toBe(302);
  });

  it("opens no workspace route between the password and the code, as a page or as data", async () => {
    const session = await createSession();
    const { cookie, email } = await organiser("admin");
    await turnOnOverHttp(cookie);
    const pending = await password(email);
    const paths = [
      "/beheer",
      "/beheer/export",
      "/beheer/organisatoren",
      "/beheer/logboek",
      "/beheer/mijn-account",
      "/beheer/persoonsgegevens",
      `/beheer/sessies/${session.id}`,
      `/beheer/sessies/${session.id}/export?formaat=csv`,
      "/fr/beheer/mijn-account",
    ];
    for (const path of paths) {
      const page = await send(path, { cookie: pending.cookie });
      expect([302, 303], path).toContain(page.status);
      expect(page.headers.get("Location"), path).toMatch(/^(\/fr)?\/beheer\/inloggen\?terug=/);
      if (!path.includes("export")) {
        // Remix's client asks for a page's data: a redirect to sign in, as data.
        const data = await send(dataPath(path), { cookie: pending.cookie });
        expect(data.status, `${path} as data`).toBe(202);
        expect(await data.text()).toContain("/beheer/inloggen?terug=");
      }
    }
    const posted = await send("/beheer/mijn-account", {
      form: { intent: "signOutOthers" },
      cookie: pending.cookie,
    });
    expect(posted.headers.get("Location")).toMatch(/^\/beheer\/inloggen\?terug=/);
  });

  it("takes no code, even a right one, five minutes after the password", async () => {
    const { cookie, email } = await organiser();
    const { app } = await turnOnOverHttp(cookie);
    const pending = await password(email);
    const token = await createCookie("oa_session", {
      secrets: [process.env.SESSION_SECRET ?? ""],
    }).parse(pending.cookie);
    const late = new Date(Date.now() + 5 * 60_000 + 1000).toISOString();
    expect(await completeSecondStep(token, app.next(), { now: late })).toEqual({
      ok: false,
      reason: "expired",
    });
    // Within the five minutes, the same code opens the workspace.
    expect(await completeSecondStep(token, app.again())).toMatchObject({ ok: true });
  });

  it("ends the stage after a few minutes: the code page sends back to the password", async () => {
    const { cookie, email, organiser: me } = await organiser();
    await turnOnOverHttp(cookie);
    const pending = await password(email);
    // Five minutes on, as the clock would have it: the stage row has expired.
    await database()
      .db.updateTable("auth_sessions")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("organiser_id", "=", me.id)
      .where("stage", "=", "code")
      .execute();
    const page = await send("/beheer/inloggen/code", { cookie: pending.cookie });
    expect(page.headers.get("Location")).toBe("/beheer/inloggen");
  });
});

describe("an admin requiring a second step", () => {
  it("leads the next sign-in of someone without one through setting it up, and nothing else", async () => {
    const admin = await organiser("admin");
    const { email, organiser: me } = await organiser();
    const doorSession = await createSession();
    const doorEmail = `deur-${n}@leuven.test`;
    await createOrganiser({
      email: doorEmail,
      name: "Deur",
      password: TEST_PASSWORD,
      role: "door",
      door: { sessionId: doorSession.id, wholeDay: false, invitedBy: admin.organiser.id },
    });

    const set = await send("/beheer/organisatoren", {
      form: { intent: "requireTwoStep", requirement: "everyone" },
      cookie: admin.cookie,
    });
    expect(set.status).toBe(302);
    const logged = await database()
      .db.selectFrom("audit_log")
      .select(["organiser_id", "details"])
      .where("action", "=", "organiser.twoStepRequirement")
      .executeTakeFirstOrThrow();
    expect(logged.organiser_id).toBe(admin.organiser.id);
    expect(JSON.parse(logged.details ?? "{}")).toEqual({ from: "nobody", to: "everyone" });
    const log = await (await send("/beheer/logboek", { cookie: admin.cookie })).text();
    expect(log).toContain("Tweestapsverificatie verplicht voor: beheerders en organisatoren.");

    const signIn = await password(email);
    expect(signIn.location).toBe("/beheer/inloggen/instellen?terug=%2Fbeheer");
    expect(await opensWorkspace(signIn.cookie)).toBe(false);
    expect((await send("/beheer/mijn-account", { cookie: signIn.cookie })).status).toBe(302);
    expect(
      (await send("/beheer/inloggen/code", { cookie: signIn.cookie })).headers.get("Location"),
    ).toBe("/beheer/inloggen/instellen?terug=%2Fbeheer");

    const page = await send("/beheer/inloggen/instellen?terug=%2Fbeheer", {
      cookie: signIn.cookie,
    });
    expect(page.status).toBe(200);
    const app = authenticator(secretOn(await page.text()));
    const wrong = await send("/beheer/inloggen/instellen?terug=%2Fbeheer", {
      form: { code: app.wrong() },
      cookie: signIn.cookie,
    });
    expect(wrong.status).toBe(401);
    expect(await opensWorkspace(signIn.cookie)).toBe(false);
    const done = await send("/beheer/inloggen/instellen?terug=%2Fbeheer", {
      form: { code: app.next() },
      cookie: signIn.cookie,
    });
    expect(done.status).toBe(200);
    expect(recoveryCodesOn(await done.text())).toHaveLength(10);
    expect(await opensWorkspace(signIn.cookie)).toBe(true);
    expect(await auditActions(me.id)).toEqual(
      expect.arrayContaining(["organiser.twoStepOn", "organiser.signIn"]),
    );

    // Required: it cannot be turned off.
    const off = await send("/beheer/mijn-account", {
      form: { intent: "turnOff", code: app.next() },
      cookie: signIn.cookie,
    });
    expect(off.status).toBe(409);

    // Door volunteers are not named by the requirement.
    const door = await password(doorEmail);
    expect(door.location).toBe("/beheer");

    // Back to nobody: the next one signs in with their password alone.
    await send("/beheer/organisatoren", {
      form: { intent: "requireTwoStep", requirement: "nobody" },
      cookie: admin.cookie,
    });
    const other = await organiser();
    expect((await password(other.email)).location).toBe("/beheer");
  });

  it("refuses a requirement that is none of the three", async () => {
    const admin = await organiser("admin");
    const refused = await send("/beheer/organisatoren", {
      form: { intent: "requireTwoStep", requirement: "sommigen" },
      cookie: admin.cookie,
    });
    expect(refused.status).toBe(400);
    const organiserCookie = (await organiser()).cookie;
    const forbidden = await send("/beheer/organisatoren", {
      form: { intent: "requireTwoStep", requirement: "everyone" },
      cookie: organiserCookie,
    });
    expect(forbidden.status).toBe(403);
  });
});

describe("turning it off and an admin's reset", () => {
  it("turning off takes a right code (once), and signs out every other device", async () => {
    const { cookie, email, organiser: me } = await organiser();
    const { app, recoveryCodes } = await turnOnOverHttp(cookie);
    const phone = await password(email);
    const used = app.next();
    expect((await code(phone.cookie, used)).status).toBe(302);

    const turnOff = (value: string) =>
      send("/beheer/mijn-account", { form: { intent: "turnOff", code: value }, cookie });
    expect((await turnOff(app.wrong())).status).toBe(400);
    // The code the phone just used: a code works once, here too.
    expect((await turnOff(used)).status).toBe(400);
    const off = await turnOff(recoveryCodes[3] ?? "");
    expect(off.status).toBe(302);
    expect(await opensWorkspace(cookie)).toBe(true);
    expect(await opensWorkspace(phone.cookie)).toBe(false);
    const left = await database()
      .db.selectFrom("recovery_codes")
      .select("id")
      .where("organiser_id", "=", me.id)
      .execute();
    expect(left).toEqual([]);
    expect(await auditActions(me.id)).toContain("organiser.twoStepOff");
    // Off: the password alone signs in again.
    expect((await password(email)).location).toBe("/beheer");
  });

  it("an admin's reset removes it, is audited, and signs the person out everywhere", async () => {
    const admin = await organiser("admin");
    const { cookie, email, organiser: me } = await organiser();
    const { recoveryCodes } = await turnOnOverHttp(cookie);
    const laptop = await password(email);
    expect((await code(laptop.cookie, recoveryCodes[0] ?? "")).status).toBe(302);

    const list = await (await send("/beheer/organisatoren", { cookie: admin.cookie })).text();
    expect(list).toContain("Tweestapsverificatie");
    const reset = await send("/beheer/organisatoren", {
      form: { intent: "resetTwoStep", organiserId: String(me.id) },
      cookie: admin.cookie,
    });
    expect(reset.status).toBe(302);
    expect(await opensWorkspace(cookie)).toBe(false);
    expect(await opensWorkspace(laptop.cookie)).toBe(false);
    const logged = await database()
      .db.selectFrom("audit_log")
      .select(["organiser_id", "subject_id"])
      .where("action", "=", "organiser.twoStepReset")
      .executeTakeFirstOrThrow();
    expect(logged).toEqual({ organiser_id: admin.organiser.id, subject_id: me.id });
    const log = await (await send("/beheer/logboek", { cookie: admin.cookie })).text();
    expect(log).toContain(`Tweestapsverificatie van ${me.name} gereset.`);
    // Without a second step now: the password alone signs in (nobody requires one here).
    expect((await password(email)).location).toBe("/beheer");
    // Nobody resets their own here.
    const self = await send("/beheer/organisatoren", {
      form: { intent: "resetTwoStep", organiserId: String(admin.organiser.id) },
      cookie: admin.cookie,
    });
    expect(self.status).toBe(409);
  });

  it("sign-in helpers still work for an account without a second step", async () => {
    const { email } = await organiser();
    expect(await signInOverHttp(email, TEST_PASSWORD)).toMatch(/^oa_session=/);
  });
});
