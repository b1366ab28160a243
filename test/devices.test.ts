import { createCookie } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { deviceLabel } from "../app/lib/user-agent";
import { createOrganiser } from "../app/models/organiser.server";
import { requestPasswordReset } from "../app/models/password-reset.server";
import { organiserBySessionToken } from "../app/models/sign-in.server";
import { database } from "../db/client";
import { cookieFrom, newClient, send } from "./support/http";
import { signedInOrganiser, TEST_PASSWORD } from "./support/organisers";
import { passwordLinkTokenOf } from "./support/tokens";
import { turnOnOverHttp } from "./support/two-step";

/**
 * The devices an organiser is signed in on, over real HTTP: listed on their account page, each
 * signed out on its own or all others at once; a new password, the second step turned on, or
 * the account removed signs out every device at its next request.
 */

const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const WINDOWS_FIREFOX =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

let n = 0;
async function account() {
  const email = `toestel-${++n}@leuven.test`;
  await createOrganiser({
    email,
    name: `Toestel ${n}`,
    password: TEST_PASSWORD,
    role: "organiser",
  });
  return email;
}

/** Signs in from a browser of this kind at this address: its cookie. */
async function signInFrom(email: string, userAgent: string, client = newClient()) {
  const response = await send("/beheer/inloggen", {
    form: { email, password: TEST_PASSWORD, terug: "/beheer" },
    headers: { "User-Agent": userAgent },
    client,
  });
  expect(response.headers.get("Location")).toBe("/beheer");
  return cookieFrom(response);
}

const accountPage = async (cookie: string) =>
  (await send("/beheer/mijn-account", { cookie })).text();

async function opensWorkspace(cookie: string): Promise<boolean> {
  const response = await send("/beheer", { cookie });
  return response.status === 200;
}

/** The device ids the page's sign-out buttons carry, in the order of the table. */
const deviceIdsOn = (html: string) =>
  [...html.matchAll(/name="device" value="([\w-]+)"/g)].map((match) => match[1] ?? "");

describe("the list of signed-in devices", () => {
  it("shows each device with its browser, when and from which address, this one first", async () => {
    const email = await account();
    const phone = await signInFrom(email, ANDROID_CHROME, "203.0.113.41");
    const laptop = await signInFrom(email, WINDOWS_FIREFOX, "203.0.113.42");
    const page = await accountPage(laptop);
    expect(page).toContain("Aangemelde toestellen");
    expect(page).toContain("Firefox · Windows");
    expect(page).toContain("Chrome · Android");
    expect(page).toContain("203.0.113.41");
    expect(page).toContain("203.0.113.42");
    // This device is marked, and first.
    const rows = page.slice(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
    expect(rows.indexOf("Firefox · Windows")).toBeLessThan(rows.indexOf("Chrome · Android"));
    expect(rows).toContain("Dit toestel");
    expect(deviceIdsOn(page)).toHaveLength(2);
    expect(await opensWorkspace(phone)).toBe(true);
  });

  it("keeps what a browser sends out of the page: only known names, nothing of the header", async () => {
    const email = await account();
    const hostile = `Firefox/1.0 <script>alert(1)</script>${"x".repeat(5000)}`;
    const cookie = await signInFrom(email, hostile);
    const page = await accountPage(cookie);
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).not.toContain("xxxxxxxx");
    expect(page).toContain("Firefox");
    const stored = await database()
      .db.selectFrom("auth_sessions")
      .innerJoin("organisers", "organisers.id", "auth_sessions.organiser_id")
      .select("auth_sessions.device")
      .where("organisers.email", "=", email)
      .executeTakeFirstOrThrow();
    expect(stored.device).toBe("Firefox");
    expect(deviceLabel("curl/8.5.0")).toBeNull();
    expect(deviceLabel(null)).toBeNull();
    expect(
      deviceLabel(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari · iPhone");
    expect(
      deviceLabel(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      ),
    ).toBe("Edge · Windows");
  });

  it("signs out all other devices: each finds itself signed out at its next request", async () => {
    const email = await account();
    const phone = await signInFrom(email, ANDROID_CHROME);
    const tablet = await signInFrom(email, ANDROID_CHROME);
    const laptop = await signInFrom(email, WINDOWS_FIREFOX);
    const done = await send("/beheer/mijn-account", {
      form: { intent: "signOutOthers" },
      cookie: laptop,
    });
    expect(done.status).toBe(302);
    // The next page, with the notice the answer left in the flash cookie.
    const page = await accountPage(`${laptop}; ${cookieFrom(done)}`);
    expect(page).toContain("2 andere toestellen zijn afgemeld.");
    expect(deviceIdsOn(page)).toHaveLength(1);
    expect(await opensWorkspace(laptop)).toBe(true);
    for (const other of [phone, tablet]) {
      const next = await send("/beheer/sessies/nieuw", { cookie: other });
      expect(next.headers.get("Location")).toBe(
        "/beheer/inloggen?terug=%2Fbeheer%2Fsessies%2Fnieuw",
      );
    }
  });

  it("signs out one device, this one too, and refuses a device that is not one's own", async () => {
    const email = await account();
    const phone = await signInFrom(email, ANDROID_CHROME);
    const laptop = await signInFrom(email, WINDOWS_FIREFOX);
    const [, phoneId = ""] = deviceIdsOn(await accountPage(laptop));

    // Someone else's device id, posted from another account: not found, nothing ends.
    const stranger = await signInFrom(await account(), WINDOWS_FIREFOX);
    const foreign = await send("/beheer/mijn-account", {
      form: { intent: "signOutDevice", device: phoneId },
      cookie: stranger,
    });
    expect(foreign.status).toBe(404);
    expect(await opensWorkspace(phone)).toBe(true);

    const one = await send("/beheer/mijn-account", {
      form: { intent: "signOutDevice", device: phoneId },
      cookie: laptop,
    });
    expect(one.status).toBe(302);
    expect(await opensWorkspace(phone)).toBe(false);
    expect(await opensWorkspace(laptop)).toBe(true);

    const [laptopId = ""] = deviceIdsOn(await accountPage(laptop));
    const self = await send("/beheer/mijn-account", {
      form: { intent: "signOutDevice", device: laptopId },
      cookie: laptop,
    });
    expect(self.headers.get("Location")).toBe("/beheer/inloggen");
    expect(await opensWorkspace(laptop)).toBe(false);
  });

  it("notes when a device was last seen at most once a minute", async () => {
    const email = await account();
    const cookie = await signInFrom(email, WINDOWS_FIREFOX);
    const { db } = database();
    const row = () =>
      db
        .selectFrom("auth_sessions")
        .innerJoin("organisers", "organisers.id", "auth_sessions.organiser_id")
        .select(["auth_sessions.last_seen_at", "auth_sessions.created_at"])
        .where("organisers.email", "=", email)
        .executeTakeFirstOrThrow();
    const { created_at: signedIn } = await row();
    const later = (seconds: number) =>
      new Date(Date.parse(signedIn) + seconds * 1000).toISOString();
    // The cookie's value is signed: its token is what the app reads from it.
    const parsed = await createCookie("oa_session", {
      secrets: [process.env.SESSION_SECRET ?? ""],
    }).parse(cookie);
    expect(typeof parsed).toBe("string");
    expect(await organiserBySessionToken(parsed, later(30))).not.toBeNull();
    expect((await row()).last_seen_at).toBe(signedIn);
    expect(await organiserBySessionToken(parsed, later(61))).not.toBeNull();
    expect((await row()).last_seen_at).toBe(later(61));
  });
});

describe("what signs out every device", () => {
  it("a new password, at each device's next request", async () => {
    const email = await account();
    const phone = await signInFrom(email, ANDROID_CHROME);
    const laptop = await signInFrom(email, WINDOWS_FIREFOX);
    await requestPasswordReset(email, { locale: "nl-BE" });
    const token = await passwordLinkTokenOf(email);
    const changed = await send(`/beheer/wachtwoord/${token}`, {
      form: { password: "een-heel-nieuw-wachtwoord", repeat: "een-heel-nieuw-wachtwoord" },
    });
    expect(changed.status).toBe(302);
    expect(await opensWorkspace(phone)).toBe(false);
    expect(await opensWorkspace(laptop)).toBe(false);
  });

  it("turning the second step on: every other device, this one stays", async () => {
    const email = await account();
    const phone = await signInFrom(email, ANDROID_CHROME);
    const laptop = await signInFrom(email, WINDOWS_FIREFOX);
    await turnOnOverHttp(laptop);
    expect(await opensWorkspace(phone)).toBe(false);
    expect(await opensWorkspace(laptop)).toBe(true);
  });

  it("an admin removing the account", async () => {
    const admin = await signedInOrganiser({
      email: `beheer-toestel-${++n}@leuven.test`,
      name: "Beheerder",
      password: TEST_PASSWORD,
      role: "admin",
    });
    const email = await account();
    const phone = await signInFrom(email, ANDROID_CHROME);
    const id = (
      await database()
        .db.selectFrom("organisers")
        .select("id")
        .where("email", "=", email)
        .executeTakeFirstOrThrow()
    ).id;
    const removed = await send("/beheer/organisatoren", {
      form: { intent: "remove", organiserId: String(id) },
      cookie: admin.cookie,
    });
    expect(removed.status).toBe(302);
    expect(await opensWorkspace(phone)).toBe(false);
  });
});
