/**
 * The settings every test process runs with, for the test files and for the template database
 * made before them (template-database.ts).
 */
export const TEST_DATABASE = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

process.env.PUBLIC_URL = "http://agenda.test";
process.env.MAIL_FROM = '"Ondernemersagenda Leuven" <agenda@leuven.test>';
process.env.OUTBOX_WORKER = "off";
// The tests play many clients: each names itself in X-Forwarded-For (see http.ts).
process.env.TRUST_PROXY = "on";
// Cookies signed here must open in the built app, which reads the same secret.
process.env.SESSION_SECRET ??= "test-secret-that-is-long-enough-for-the-config-check";
// Most tests sign the same few addresses up again and again; the abuse-limit tests set the
// real budgets for themselves (test/abuse-limits.test.ts).
process.env.RATE_MAILS_PER_ADDRESS_PER_HOUR ??= "10000";
process.env.RATE_SIGNUPS_PER_CLIENT_PER_MINUTE ??= "10000";
process.env.RATE_LOGINS_PER_CLIENT_PER_MINUTE ??= "10000";
process.env.RATE_RESETS_PER_CLIENT_PER_HOUR ??= "10000";
process.env.RATE_INVITATIONS_PER_ORGANISER_PER_HOUR ??= "10000";
