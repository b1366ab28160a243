import { describe, expect, it } from "vitest";
import { removeOrganiser } from "../app/models/organiser.server";
import { database } from "../db/client";
import { cookieFrom, newClient, send } from "./support/http";
import { signedInOrganiser, TEST_PASSWORD } from "./support/organisers";
import { turnOnOverHttp } from "./support/two-step";
import { otherKey, softPasskey } from "./support/webauthn";

/**
 * Passkeys over real HTTP against the built app, with a software authenticator making real
 * signatures: adding one from the account page, signing in with it (no password, no code),
 * what is refused (no sign-in, garbage, another site, a challenge used twice, a copied id with
 * another key, someone else's passkey), the limits, and the audit log.
 */

const ADD = "/beheer/mijn-account/passkeys";
const SIGN_IN = "/beheer/inloggen/passkey";

let n = 0;
async function organiser() {
  const email = `passkey-${++n}@leuven.test`;
  const made = await signedInOrganiser({
    email,
    name: `Passkey ${n}`,
    password: TEST_PASSWORD,
    role: "organiser",
  });
  return { ...made, email };
}

async function json(response: Response) {
  expect(response.headers.get("Content-Type")).toContain("application/json");
  return (await response.json()) as Record<string, unknown> & {
    options?: { challenge: string };
  };
}

async function registrationOptions(cookie: string) {
  const answer = await json(await send(ADD, { form: { intent: "options" }, cookie }));
  if (!answer.options) throw new Error(`no options: ${JSON.stringify(answer)}`);
  return answer.options;
}

/** Adds a passkey over HTTP as the account page's button does: the answer to the second post. */
async function register(cookie: string, passkey = softPasskey()) {
  const options = await registrationOptions(cookie);
  return send(ADD, {
    form: { intent: "register", response: JSON.stringify(passkey.register(options)) },
    cookie,
  });
}

async function signInOptions(client = newClient()) {
  const answer = await json(await send(SIGN_IN, { form: { intent: "options" }, client }));
  if (!answer.options) throw new Error(`no options: ${JSON.stringify(answer)}`);
  return answer.options;
}

function verify(assertion: unknown, client = newClient()) {
  return send(SIGN_IN, {
    form: { intent: "verify", response: JSON.stringify(assertion), terug: "/beheer/sessies" },
    client,
  });
}

const passkeysOf = (organiserId: number) =>
  database()
    .db.selectFrom("passkeys")
    .selectAll()
    .where("organiser_id", "=", organiserId)
    .execute();

const auditOf = (subjectId: number) =>
  database()
    .db.selectFrom("audit_log")
    .select(["action", "organiser_id", "details"])
    .where("subject_type", "=", "organiser")
    .where("subject_id", "=", subjectId)
    .orderBy("id")
    .execute();

describe("adding a passkey", () => {
  it("needs a full sign-in: anonymous posts go to the sign-in page and get no challenge", async () => {
    const challenges = () => database().db.selectFrom("webauthn_challenges").selectAll().execute();
    const before = await challenges();
    const response = await send(ADD, { form: { intent: "options" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/beheer\/inloggen\?terug=/);
    expect(await challenges()).toEqual(before);
  });

  it("keeps a verified passkey, lists it with its name, and audits it", async () => {
    const { cookie, organiser: me } = await organiser();
    const options = await registrationOptions(cookie);
    // Discoverable, user verification required, our site.
    expect(options).toMatchObject({
      rp: { id: "agenda.test" },
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
    });
    const passkey = softPasskey();
    const added = await send(ADD, {
      form: { intent: "register", response: JSON.stringify(passkey.register(options)) },
      cookie,
      headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36" },
    });
    expect(added.status).toBe(200);
    const body = await json(added);
    expect(body.added).toEqual(expect.any(String));
    const rows = await passkeysOf(me.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ credential_id: passkey.id, transports: "internal" });
    const page = await (await send("/beheer/mijn-account", { cookie })).text();
    expect(page).toContain(String(body.added));
    expect((await auditOf(me.id)).map((row) => row.action)).toContain("organiser.passkeyAdded");
  });

  it("refuses garbage, another site's passkey, no user verification and a challenge used twice, storing nothing", async () => {
    const { cookie, organiser: me } = await organiser();
    for (const response of ["", "not json", "[]", '{"id":"x"}']) {
      const refused = await send(ADD, { form: { intent: "register", response }, cookie });
      expect(refused.status).toBe(400);
    }
    const lookAlike = await register(
      cookie,
      softPasskey({ origin: "https://agenda-test.example" }),
    );
    expect(lookAlike.status).toBe(400);
    expect((await json(lookAlike)).error).toBe("passkeys.errors.invalid");
    const wrongRp = await register(cookie, softPasskey({ rpId: "example.test" }));
    expect(wrongRp.status).toBe(400);
    const unverified = await register(cookie, softPasskey({ userVerified: false }));
    expect(unverified.status).toBe(400);

    // One challenge, one passkey: the same answer again (or another made for it) is refused.
    const options = await registrationOptions(cookie);
    const first = softPasskey();
    const once = await send(ADD, {
      form: { intent: "register", response: JSON.stringify(first.register(options)) },
      cookie,
    });
    expect(once.status).toBe(200);
    const twice = await send(ADD, {
      form: { intent: "register", response: JSON.stringify(softPasskey().register(options)) },
      cookie,
    });
    expect(twice.status).toBe(400);
    expect(await passkeysOf(me.id)).toHaveLength(1);
    const actions = (await auditOf(me.id)).map((row) => row.action);
    expect(actions.filter((action) => action === "organiser.passkeyAdded")).toHaveLength(1);
  });

  it("refuses a challenge handed to another organiser", async () => {
    const alice = await organiser();
    const bob = await organiser();
    const options = await registrationOptions(alice.cookie);
    const stolen = await send(ADD, {
      form: { intent: "register", response: JSON.stringify(softPasskey().register(options)) },
      cookie: bob.cookie,
    });
    expect(stolen.status).toBe(400);
    expect(await passkeysOf(bob.organiser.id)).toHaveLength(0);
  });
});

describe("signing in with a passkey", () => {
  it("opens the workspace without password or code, as a device of its own, and notes its use", async () => {
    const { cookie, organiser: me } = await organiser();
    const passkey = softPasskey();
    expect((await register(cookie, passkey)).status).toBe(200);
    const options = await signInOptions();
    expect(options).toMatchObject({ rpId: "agenda.test", userVerification: "required" });
    // Discoverable: no list of credentials that would say whose account this is.
    expect(options).not.toHaveProperty("allowCredentials.0");
    const response = await verify(passkey.signIn(options));
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ to: "/beheer/sessies" });
    const session = cookieFrom(response);
    expect(session).toMatch(/^oa_session=/);
    expect((await send("/beheer", { cookie: session })).status).toBe(200);

    const [row] = await passkeysOf(me.id);
    expect(Number(row?.counter)).toBe(1);
    expect(row?.last_used_at).not.toBeNull();
    const signIns = (await auditOf(me.id)).filter((e) => e.action === "organiser.signIn");
    expect(JSON.stringify(signIns.at(-1)?.details)).toContain("passkey");
  });

  it("skips the code of two-step sign-in: a passkey with user verification is both steps", async () => {
    const { cookie, email } = await organiser();
    await turnOnOverHttp(cookie);
    const passkey = softPasskey();
    expect((await register(cookie, passkey)).status).toBe(200);
    // The password still leads to the code; the passkey straight into the workspace.
    const password = await send("/beheer/inloggen", {
      form: { email, password: TEST_PASSWORD, terug: "/beheer" },
    });
    expect(password.headers.get("Location")).toMatch(/^\/beheer\/inloggen\/code/);
    const response = await verify(passkey.signIn(await signInOptions()));
    expect(response.status).toBe(200);
    expect((await send("/beheer", { cookie: cookieFrom(response) })).status).toBe(200);
  });

  it("refuses an unknown passkey, a copied id signed with another key, and a replayed answer", async () => {
    const { cookie, organiser: me } = await organiser();
    const passkey = softPasskey();
    expect((await register(cookie, passkey)).status).toBe(200);

    const unknown = await verify(softPasskey().signIn(await signInOptions()));
    expect(unknown.status).toBe(400);
    expect(await json(unknown)).toEqual({ error: "passkeys.errors.signInFailed" });
    expect(cookieFrom(unknown)).toBe("");

    const forged = await verify(passkey.signIn(await signInOptions(), { signWith: otherKey() }));
    expect(forged.status).toBe(400);
    expect(cookieFrom(forged)).toBe("");
    const failed = (await auditOf(me.id)).filter((e) => e.action === "organiser.signInFailed");
    expect(failed).toHaveLength(1);

    const answer = passkey.signIn(await signInOptions());
    expect((await verify(answer)).status).toBe(200);
    const replayed = await verify(answer);
    expect(replayed.status).toBe(400);

    const garbage = await send(SIGN_IN, { form: { intent: "verify", response: "{" } });
    expect(garbage.status).toBe(400);
  });

  it("counts wrong answers against the account's sign-in limits, like wrong passwords", async () => {
    const { cookie, email } = await organiser();
    const passkey = softPasskey();
    expect((await register(cookie, passkey)).status).toBe(200);
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const forged = passkey.signIn(await signInOptions(), { signWith: otherKey() });
      statuses.push((await verify(forged, client)).status);
      if (statuses.at(-1) === 429) break;
    }
    expect(statuses.at(-1)).toBe(429);
    // Locked for this client: the right passkey too, and the right password.
    expect((await verify(passkey.signIn(await signInOptions()), client)).status).toBe(429);
    const password = await send("/beheer/inloggen", {
      form: { email, password: TEST_PASSWORD, terug: "/beheer" },
      client,
    });
    expect(password.status).toBe(429);
  });
});

describe("removing a passkey", () => {
  it("removes one's own, audited, and refuses another organiser's", async () => {
    const alice = await organiser();
    const bob = await organiser();
    expect((await register(alice.cookie)).status).toBe(200);
    const [alicesKey] = await passkeysOf(alice.organiser.id);
    const passkey = String(alicesKey?.id);

    const refused = await send("/beheer/mijn-account", {
      form: { intent: "removePasskey", passkey },
      cookie: bob.cookie,
    });
    expect(refused.status).toBe(404);
    expect(await passkeysOf(alice.organiser.id)).toHaveLength(1);

    const removed = await send("/beheer/mijn-account", {
      form: { intent: "removePasskey", passkey },
      cookie: alice.cookie,
    });
    expect(removed.status).toBe(302);
    expect(await passkeysOf(alice.organiser.id)).toHaveLength(0);
    const entry = (await auditOf(alice.organiser.id)).find(
      (e) => e.action === "organiser.passkeyRemoved",
    );
    expect(entry?.organiser_id).toBe(alice.organiser.id);
  });

  it("goes with the account: a removed organiser's passkeys are deleted and sign in no one", async () => {
    const { cookie, organiser: me } = await organiser();
    const admin = await signedInOrganiser({
      email: `passkey-admin-${++n}@leuven.test`,
      name: "Beheerder",
      password: TEST_PASSWORD,
      role: "admin",
    });
    const passkey = softPasskey();
    expect((await register(cookie, passkey)).status).toBe(200);
    expect((await removeOrganiser(me.id, { organiserId: admin.organiser.id })).ok).toBe(true);
    expect(await passkeysOf(me.id)).toHaveLength(0);
    expect((await verify(passkey.signIn(await signInOptions()))).status).toBe(400);
  });
});
