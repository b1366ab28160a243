/**
 * What one attacker gets out of the public forms in a minute, measured over HTTP against the
 * production build (seeded SQLite, development accounts, mail worker off so every queued mail
 * stays countable in the outbox):
 *   - sign-ups from one client address (8 requests in flight, a new address each time);
 *   - mails to one victim's address caused by one client (sign-ups to every session and
 *     password-reset requests, alternating);
 *   - wrong passwords checked for one account, from many client addresses at once;
 * and, first, how long a wrong password takes to answer for an address with an account and
 * one without (and the same for the password-reset form), one request at a time.
 *
 *   npm run bench:abuse                 # 60 s per attack
 *   BENCH_SECONDS=20 npm run bench:abuse
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { someClient, startApp } from "./app";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const IN_FLIGHT = 8;
const PORT = 3905;
const BASE = `http://127.0.0.1:${PORT}`;
// Development accounts: one to time wrong passwords, one to guess at, one whose mailbox is
// the victim (so password resets mail it too), and three to time the reset form.
const TIMED_ACCOUNT = "beheer@ondernemersagenda.local";
const GUESSED_ACCOUNT = "gent@ondernemersagenda.local";
const VICTIM = "leuven@ondernemersagenda.local";
const RESET_ACCOUNTS = ["beheer", "gent", "unizo"].map((name) => `${name}@ondernemersagenda.local`);
const TIMED = 12;

function post(path: string, form: Record<string, string>, client: string) {
  return fetch(`${BASE}${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: BASE,
      "X-Forwarded-For": client,
    },
    body: new URLSearchParams(form),
    redirect: "manual",
  }).then(async (response) => {
    await response.arrayBuffer();
    return response.status;
  });
}

/** Runs `attempt` with IN_FLIGHT in flight for SECONDS; counts the answers by status. */
async function attack(attempt: (n: number) => Promise<number>) {
  const statuses = new Map<number, number>();
  const until = Date.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (Date.now() < until) {
        const status = await attempt(n++).catch(() => 0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

const byStatus = (statuses: Map<number, number>) =>
  [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${count} × ${status}`)
    .join(", ");

const dir = mkdtempSync(join(tmpdir(), "oa-bench-"));
const file = join(dir, "bench.sqlite");
const app = await startApp({
  NODE_ENV: "development",
  PORT: String(PORT),
  DATABASE_URL: `file:${file}`,
  MAIL_DIR: join(dir, "mail"),
  TRUST_PROXY: "on",
});
const db = new SQLite(file, { readonly: true });
try {
  const slugs = (
    db
      .prepare("select slug from sessions where status = 'scheduled' and starts_at > ?")
      .all(new Date().toISOString()) as { slug: string }[]
  ).map((row) => row.slug);

  // Timing, before any attack: TIMED requests each, alternating, a fresh client address each
  // (and for the reset form, no address more often than its mail budget allows).
  const timings = {
    loginKnown: [] as number[],
    loginUnknown: [] as number[],
    resetKnown: [] as number[],
    resetUnknown: [] as number[],
  };
  for (let i = 0; i < TIMED; i++) {
    for (const [key, path, form] of [
      ["loginKnown", "/beheer/inloggen", { email: TIMED_ACCOUNT, password: `fout-${i}` }],
      [
        "loginUnknown",
        "/beheer/inloggen",
        { email: `niemand${i}@example.org`, password: `fout-${i}` },
      ],
      [
        "resetKnown",
        "/beheer/wachtwoord-vergeten",
        { email: RESET_ACCOUNTS[i % RESET_ACCOUNTS.length] ?? TIMED_ACCOUNT },
      ],
      ["resetUnknown", "/beheer/wachtwoord-vergeten", { email: `niemand${i}@example.org` }],
    ] as const) {
      const started = performance.now();
      await post(path, form, someClient());
      timings[key].push(performance.now() - started);
    }
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0);
  };

  const signUps = await attack((n) =>
    post(
      `/sessies/${slugs[n % slugs.length]}`,
      { name: `Bot ${n}`, email: `bot${n}@example.org`, consent: "on" },
      "192.0.2.1",
    ),
  );

  const mailAttempts = await attack((n) =>
    n % 2
      ? post("/beheer/wachtwoord-vergeten", { email: VICTIM }, "192.0.2.2")
      : post(
          `/sessies/${slugs[(n / 2) % slugs.length]}`,
          { name: "Slachtoffer", email: VICTIM, consent: "on" },
          "192.0.2.2",
        ),
  );
  const mails = db
    .prepare("select count(*) as n from outbox where lower(to_email) = ?")
    .get(VICTIM) as { n: number };

  const guesses = await attack((n) =>
    post("/beheer/inloggen", { email: GUESSED_ACCOUNT, password: `raden-${n}` }, someClient()),
  );

  const perMinute = (count: number) => Math.round((count * 60) / SECONDS);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`${SECONDS} s per attack, ${IN_FLIGHT} requests in flight\n`);
  console.log(
    `wrong password, median of ${TIMED}: ${median(timings.loginKnown)} ms with an account, ${median(timings.loginUnknown)} ms without`,
  );
  console.log(
    `password-reset request, median of ${TIMED}: ${median(timings.resetKnown)} ms with an account, ${median(timings.resetUnknown)} ms without\n`,
  );
  console.log("| attack | answers | what it got, per minute |");
  console.log("| --- | --- | --- |");
  console.log(
    `| sign-ups from one client address | ${byStatus(signUps)} | ${perMinute(signUps.get(302) ?? 0)} sign-ups |`,
  );
  console.log(
    `| mail to one address from one client | ${byStatus(mailAttempts)} | ${perMinute(mails.n)} mails |`,
  );
  console.log(
    `| wrong passwords for one account, many clients | ${byStatus(guesses)} | ${perMinute(guesses.get(401) ?? 0)} checked |`,
  );
} finally {
  db.close();
  app.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
