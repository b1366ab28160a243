import { createOrganiser, type NewOrganiser } from "../../app/models/organiser.server";
import { database } from "../../db/client";
import type { OrganiserRole } from "../../db/schema";
import { cookieFrom, send } from "./http";

/** The password of every organiser these helpers make. */
export const TEST_PASSWORD = "een-lang-genoeg-wachtwoord";

/**
 * Signs in through the sign-in form of the built app, as a browser does, and answers with the
 * cookie the browser would send back.
 */
export async function signInOverHttp(email: string, password: string): Promise<string> {
  const response = await send("/beheer/inloggen", {
    form: { email, password, terug: "/beheer" },
  });
  const cookie = cookieFrom(response);
  if (response.status !== 302 || !cookie.startsWith("oa_session=")) {
    throw new Error(
      `Signing in ${email} answered ${response.status} (${await response.text()}); is the build current (npx remix build)?`,
    );
  }
  return cookie;
}

/** A new organiser with their scope, signed in over HTTP: their record and their cookie. */
export async function signedInOrganiser(input: NewOrganiser) {
  const organiser = await createOrganiser(input);
  return { organiser, cookie: await signInOverHttp(input.email, input.password) };
}

let made = 0;

/**
 * The cookie of a fresh organiser of this role, signed in over HTTP: an admin sees everything,
 * an organiser the cities and partners named (none unless given).
 */
export async function signedIn(
  role: OrganiserRole,
  scope: Pick<NewOrganiser, "citySlugs" | "partnerSlugs"> = {},
): Promise<string> {
  const n = ++made;
  const { cookie } = await signedInOrganiser({
    email: `${role}-${n}-${process.pid}@fixture.test`,
    name: `${role === "admin" ? "Beheerder" : "Organisator"} ${n}`,
    password: TEST_PASSWORD,
    role,
    ...scope,
  });
  return cookie;
}

/** The cookie of a fresh organiser of the city a session is in, signed in over HTTP. */
export async function signedInForCity(cityId: number): Promise<string> {
  const city = await database()
    .db.selectFrom("cities")
    .select("slug")
    .where("id", "=", cityId)
    .executeTakeFirstOrThrow();
  return signedIn("organiser", { citySlugs: [city.slug] });
}
