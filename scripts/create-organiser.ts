/**
 * Creates an organiser account, for instance the first admin of a fresh install:
 *
 *   npm run organiser:create -- --email an@leuven.be --name "An Peeters" --role admin
 *   npm run organiser:create -- --email jo@unizo.be --name "Jo Maes" --partner unizo
 *   npm run organiser:create -- --email lies@gent.be --name "Lies" --city gent --city mechelen
 *
 * The password is read from ORGANISER_PASSWORD, or asked for on the terminal.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { PASSWORD_MIN_LENGTH } from "../app/lib/password-rules";
import { createOrganiser } from "../app/models/organiser.server";
import { closeDatabase } from "../db/client";
import { migrateToLatest, withSetupLock } from "../db/migrate";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "organiser" },
    city: { type: "string", multiple: true, default: [] },
    partner: { type: "string", multiple: true, default: [] },
  },
});

async function askPassword(): Promise<string> {
  if (process.env.ORGANISER_PASSWORD) return process.env.ORGANISER_PASSWORD;
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  const password = await terminal.question("Password: ");
  terminal.close();
  return password;
}

try {
  const { email, name, role } = values;
  if (!email || !name || (role !== "admin" && role !== "organiser")) {
    throw new Error(
      "Usage: --email ADDRESS --name NAME [--role admin|organiser] [--city SLUG]… [--partner SLUG]…",
    );
  }
  if (role === "organiser" && values.city.length + values.partner.length === 0) {
    throw new Error("An organiser needs at least one --city or --partner (or use --role admin).");
  }
  const password = await askPassword();
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new Error(`The password needs ${PASSWORD_MIN_LENGTH} or more characters.`);
  // Safe beside an instance that is starting: both take the same setup lock.
  await withSetupLock((db) => migrateToLatest(db, { inTransaction: true }));
  const organiser = await createOrganiser({
    email,
    name,
    password,
    role,
    citySlugs: values.city,
    partnerSlugs: values.partner,
  });
  console.log(`organiser ${organiser.email} (${organiser.role}) created`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
