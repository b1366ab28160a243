import { expect } from "vitest";
import { authenticator, recoveryCodesOn, secretOn } from "./authenticator";
import { send } from "./http";

/** Turns the second step on from the account page over HTTP: its key and recovery codes. */
export async function turnOnOverHttp(cookie: string) {
  const begun = await send("/beheer/mijn-account", { form: { intent: "begin" }, cookie });
  expect(begun.status).toBe(302);
  const page = await send("/beheer/mijn-account", { cookie });
  const app = authenticator(secretOn(await page.text()));
  const confirmed = await send("/beheer/mijn-account", {
    form: { intent: "confirm", code: app.next() },
    cookie,
  });
  expect(confirmed.status).toBe(200);
  const recoveryCodes = recoveryCodesOn(await confirmed.text());
  expect(recoveryCodes).toHaveLength(10);
  return { app, recoveryCodes };
}
