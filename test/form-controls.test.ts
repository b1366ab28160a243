import { describe, expect, it } from "vitest";
import { createSession, person, registrationsOf } from "./support/factories";
import { send } from "./support/http";
import { signedIn } from "./support/organisers";

/**
 * Conform's browser part posts control fields beside a form's own (`__intent__`, `__state__`:
 * JSON it writes). A post can carry anything there: what cannot be read is ignored, and the
 * form is judged on its own fields, never answered with a 500.
 */

const BROKEN = [
  ["__intent__", "not json"],
  ["__intent__", "1"],
  ["__intent__", '{"type":"remove","payload":{"name":"email","index":3}}'],
  ["__intent__", '{"type":"update"}'],
  ["__state__", "{"],
] as const;

describe("conform's control fields", () => {
  it.each(BROKEN)("a sign-up with %s=%s is judged on its own fields", async (name, value) => {
    const session = await createSession();
    const { name: who, email } = person(1);
    const accepted = await send(`/sessies/${session.slug}`, {
      form: { name: who, email, consent: "on", [name]: value },
    });
    expect(accepted.status).toBe(302);
    const refused = await send(`/sessies/${session.slug}`, {
      form: { name: "", email: "geen-adres", consent: "on", [name]: value },
    });
    expect(refused.status).toBe(400);
    expect(await registrationsOf(session.id)).toHaveLength(1);
  });

  it("an organiser's form with a broken intent is judged on its own fields", async () => {
    const session = await createSession();
    const cookie = await signedIn("admin");
    const response = await send(`/beheer/sessies/${session.id}`, {
      cookie,
      form: { intent: "add", name: "", email: "x", __intent__: "{nope" },
    });
    expect(response.status).toBe(400);
    expect(await registrationsOf(session.id)).toEqual([]);
  });
});
