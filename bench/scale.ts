/**
 * How cost grows with the data stored, not with what is shown. A region of 300 cities and their
 * partners, 45,000 sessions over three years (two past, one ahead) and about 1.5 million
 * registrations is 100×; 10× and 1× are a tenth and a hundredth of it (1×: 3 cities, 450
 * sessions, about 15,000 registrations, near the seed's size). Each scale holds the same probe:
 * Leuven, a city with a session a week (156 over the three years), its partner, one session of
 * 500 attendees, and an organiser of Leuven, so a page that shows Leuven shows the same at every
 * scale and only the rest of the region grows. The other cities get the other sessions by a
 * Zipf spread (a few big, many small); people sign up in their own city (one sign-up in twenty
 * from elsewhere in the region); most sessions fill up, some have a waiting list, 5 % of
 * sign-ups cancel, four in five of those seated in a past session were checked in; the
 * registrations of sessions that ended more than RETENTION_MONTHS ago are anonymised as the
 * daily run left them, but for the last day's, and every registration has the mail that
 * confirmed it (emptied after OUTBOX_KEEP_DAYS, as the daily run does, but for the last day's).
 *
 * Measured through HTTP against the production build (PAGE_CACHE=off, so every page is
 * rendered): median and p95 of BENCH_RENDERS requests (15) after 3 to warm up. Then the
 * retention run, once, in a child process that times every statement and every write
 * transaction (the SQLite write lock; on PostgreSQL the rows' locks).
 *
 *   npm run bench:scale                               # 1×, 10×, 100×; SQLite and PostgreSQL
 *   BENCH_SCALES=1,10 BENCH_DATABASES=sqlite npm run bench:scale
 *   BENCH_RENDERS=30 npm run bench:scale
 *   BENCH_KEEP=/tmp/scale npm run bench:scale   # keep scale-N.sqlite there, oa_bench_scale_N
 */
import { type ChildProcess, execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { DateTime } from "luxon";
import pg from "pg";
import { cpuMs, percentile, signInOrganiser, startApp, stopApp, timedGet } from "./app";

const SECRET = "bench-secret-that-is-long-enough-for-the-check";
process.env.SESSION_SECRET = SECRET;

const SCALES = (process.env.BENCH_SCALES ?? "1,10,100").split(",").map(Number);
const DATABASES = (process.env.BENCH_DATABASES ?? "sqlite,postgres").split(",");
const RENDERS = Number(process.env.BENCH_RENDERS ?? 15);
/** A folder to keep the SQLite files in (and keep the PostgreSQL databases), for query plans. */
const KEEP = process.env.BENCH_KEEP;
const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = 3921;
const PASSWORD = "bench-scale-wachtwoord";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RETENTION_MONTHS = 12;
const OUTBOX_KEEP_DAYS = 30;

/** The moment the data is built around: the last whole hour. */
const NOW = Math.floor(Date.now() / HOUR) * HOUR;
const FIRST = NOW - 2 * 365 * DAY;
const LAST = NOW + 365 * DAY;
/** The year the exports and the report cover: the last whole one. */
const YEAR = new Date(NOW).getUTCFullYear() - 1;
const PROBE_CITY = "leuven";
const PROBE_PARTNER = "partner-leuven";
/** Leuven's weekly sessions over the three years. */
const PROBE_SESSIONS = 156;
const BIG_SESSION = 500;
/** Person numbers of a city's own people start at its id times this. */
const LOCAL_POOL = 1_000_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** mulberry32: a small deterministic random source, so every run builds the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

// ——— The data, as columns of rows ————————————————————————————————————————————————————————

type ColumnType = "int" | "text";
interface Table {
  name: string;
  columns: [string, ColumnType][];
}

const SESSIONS: Table = {
  name: "sessions",
  columns: [
    ["id", "int"],
    ["slug", "text"],
    ["city_id", "int"],
    ["kind", "text"],
    ["title", "text"],
    ["summary", "text"],
    ["description", "text"],
    ["venue_name", "text"],
    ["venue_address", "text"],
    ["starts_at", "text"],
    ["ends_at", "text"],
    ["capacity", "int"],
    ["language", "text"],
    ["status", "text"],
    ["created_at", "text"],
    ["updated_at", "text"],
  ],
};
const SESSION_PARTNERS: Table = {
  name: "session_partners",
  columns: [
    ["session_id", "int"],
    ["partner_id", "int"],
    ["position", "int"],
  ],
};
const REGISTRATIONS: Table = {
  name: "registrations",
  columns: [
    ["id", "int"],
    ["session_id", "int"],
    ["ical_uid", "text"],
    ["name", "text"],
    ["email", "text"],
    ["email_normalized", "text"],
    ["organisation", "text"],
    ["locale", "text"],
    ["status", "text"],
    ["consented_at", "text"],
    ["created_at", "text"],
    ["updated_at", "text"],
    ["confirmed_at", "text"],
    ["cancelled_at", "text"],
    ["checked_in_at", "text"],
    ["queue_position", "int"],
    ["anonymised_at", "text"],
    ["person_key", "text"],
  ],
};
const OUTBOX: Table = {
  name: "outbox",
  columns: [
    ["kind", "text"],
    ["registration_id", "int"],
    ["to_email", "text"],
    ["to_name", "text"],
    ["subject", "text"],
    ["html", "text"],
    ["text", "text"],
    ["status", "text"],
    ["attempts", "int"],
    ["next_attempt_at", "text"],
    ["created_at", "text"],
    ["sent_at", "text"],
    ["body_purged_at", "text"],
  ],
};

type Row = (string | number | null)[];

/** Writes rows of one table in big batches, each batch one transaction. */
interface Loader {
  add(table: Table, row: Row): Promise<void>;
  flush(): Promise<void>;
}

const BATCH_ROWS = 20_000;

function sqliteLoader(file: string): Loader & { close(): void } {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const pending = new Map<Table, Row[]>();
  const statements = new Map<Table, SQLite.Statement>();
  const write = (table: Table, rows: Row[]) => {
    let statement = statements.get(table);
    if (!statement) {
      statement = db.prepare(
        `insert into ${table.name} (${table.columns.map(([c]) => c).join(", ")}) values (${table.columns.map(() => "?").join(", ")})`,
      );
      statements.set(table, statement);
    }
    const prepared = statement;
    db.transaction(() => {
      for (const row of rows) prepared.run(row);
    })();
  };
  return {
    async add(table, row) {
      const rows = pending.get(table) ?? [];
      rows.push(row);
      pending.set(table, rows);
      // All tables at once, in the order first seen: a registration's session is written first.
      if (rows.length >= BATCH_ROWS) await this.flush();
    },
    async flush() {
      for (const [table, rows] of pending) {
        if (rows.length) write(table, rows);
        pending.set(table, []);
      }
    },
    close: () => db.close(),
  };
}

/** PostgreSQL: one INSERT … SELECT FROM unnest(arrays) per batch, an array a column. */
function postgresLoader(client: pg.Client): Loader {
  const pending = new Map<Table, Row[]>();
  const write = async (table: Table, rows: Row[]) => {
    const columns = table.columns.map(([c]) => c);
    const arrays = table.columns.map((_, n) => rows.map((row) => row[n] ?? null));
    const unnest = table.columns
      .map(([, type], n) => `$${n + 1}::${type === "int" ? "bigint" : "text"}[]`)
      .join(", ");
    await client.query("begin");
    await client.query(
      `insert into ${table.name} (${columns.join(", ")}) select * from unnest(${unnest})`,
      arrays,
    );
    await client.query("commit");
  };
  return {
    async add(table, row) {
      const rows = pending.get(table) ?? [];
      rows.push(row);
      pending.set(table, rows);
      // All tables at once, in the order first seen: a registration's session is written first.
      if (rows.length >= BATCH_ROWS) await this.flush();
    },
    async flush() {
      for (const [table, rows] of pending) {
        pending.set(table, []);
        if (rows.length) await write(table, rows);
      }
    },
  };
}

interface Built {
  cities: number;
  sessions: number;
  registrations: number;
  mails: number;
  probe: {
    cityId: number;
    sessionSlug: string;
    bigSessionId: number;
  };
}

const KINDS = ["info", "breakfast", "forum"] as const;
const HTML = `<p>${"Beste ondernemer, je inschrijving is bevestigd. ".repeat(30)}</p>`;
const TEXT = "Beste ondernemer, je inschrijving is bevestigd. ".repeat(12);
const DESCRIPTION = "Uitleg door een expert, vragen uit de zaal en een drankje achteraf. ".repeat(
  5,
);

async function build(scale: number, load: Loader): Promise<Built> {
  const next = random(scale * 7919);
  const { personKey } = await import("../app/models/pseudonym.server");
  const cityCount = 3 * scale;
  const sessionCount = 450 * scale;
  // People sign up in their own city (a pool of its own, a few regulars coming often); one
  // sign-up in twenty is by someone from anywhere in the region.
  const travellers = 5000 * scale;
  const keys = new Map<number, string>();
  const keyOf = (person: number) => {
    let key = keys.get(person);
    if (!key) {
      key = personKey(`ondernemer${person}@example.org`);
      keys.set(person, key);
    }
    return key;
  };
  const endedBefore = DateTime.fromMillis(NOW, { zone: "utc" })
    .minus({ months: RETENTION_MONTHS })
    .toMillis();
  const sentBefore = NOW - OUTBOX_KEEP_DAYS * DAY;

  // Other cities by a Zipf spread: city i (from 1) gets a share of 1/i.
  const weights = Array.from({ length: cityCount - 1 }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => {
    cumulative[i] = (sum + w) / total;
    return sum + w;
  }, 0);
  const pickCity = () => {
    const r = next();
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? 1) < r) low = mid + 1;
      else high = mid;
    }
    return low + 2; // ids: 1 is Leuven
  };

  let registrationId = 0;
  let mails = 0;
  let sessionSlug = "";
  let bigSessionId = 0;
  const bigStart = NOW + 10 * DAY + 9 * HOUR;
  // Ids in the order of the start, as sessions are planned, so registrations' ids follow time.
  const plans = Array.from({ length: sessionCount }, (_, n) => {
    const probe = n < PROBE_SESSIONS;
    const big = n === PROBE_SESSIONS;
    const start = big
      ? bigStart
      : probe
        ? FIRST + n * 7 * DAY + 9 * HOUR
        : FIRST + Math.floor(next() * ((LAST - FIRST) / HOUR)) * HOUR;
    return { probe, big, start, cityId: probe || big ? 1 : pickCity() };
  }).sort((a, b) => a.start - b.start);
  const localPeople = new Map<number, number>();
  for (const { cityId } of plans) localPeople.set(cityId, (localPeople.get(cityId) ?? 0) + 11);
  for (const [n, { probe, big, start, cityId }] of plans.entries()) {
    const id = n + 1;
    const end = start + 2 * HOUR;
    const capacity = big ? BIG_SESSION : 28 + Math.floor(next() * 36);
    const cancelled = !big && next() < 0.03;
    const slug = `sessie-${id}`;
    if (probe && !sessionSlug && start > NOW) sessionSlug = slug;
    if (big) bigSessionId = id;
    const created = iso(Math.min(NOW, start - 90 * DAY));
    await load.add(SESSIONS, [
      id,
      slug,
      cityId,
      KINDS[id % 3] ?? "info",
      `Sessie ${id}: ondernemen in stad ${cityId}`,
      "Een sessie voor ondernemers.",
      DESCRIPTION,
      "Stadhuis",
      `Grote Markt ${cityId}`,
      iso(start),
      iso(end),
      capacity,
      "nl",
      cancelled ? "cancelled" : "scheduled",
      created,
      created,
    ]);
    // The city's own partner on half the sessions, a regional one on a third.
    if (next() < 0.5 || probe) await load.add(SESSION_PARTNERS, [id, cityId, 0]);
    if (next() < 0.3) {
      await load.add(SESSION_PARTNERS, [id, cityCount + 1 + Math.floor(next() * 5), 1]);
    }

    // Sign-ups: a past session got what it got; one ahead fills as its day nears.
    const ahead = Math.max(0, (start - NOW) / DAY);
    const demand = big ? BIG_SESSION + 30 : capacity * (0.7 + 0.5 * next());
    const count = Math.round(big ? demand : demand * Math.max(0, 1 - ahead / 90));
    const chosen = new Set<number>();
    const local = Math.max(200, localPeople.get(cityId) ?? 0);
    while (chosen.size < count) {
      chosen.add(
        next() < 0.05
          ? LOCAL_POOL * (cityCount + 1) + Math.floor(next() * travellers)
          : LOCAL_POOL * cityId + Math.floor(next() ** 1.5 * local),
      );
    }
    let seated = 0;
    let index = 0;
    const earliest = start - 45 * DAY;
    const latest = Math.min(start - HOUR, NOW - HOUR);
    for (const person of chosen) {
      registrationId++;
      const createdAt = earliest + ((latest - earliest) * (index + next() * 0.5)) / count;
      index++;
      const quits = !big && next() < 0.05;
      const seat = !quits && seated < capacity;
      if (seat) seated++;
      const status = quits ? "cancelled" : seat ? "confirmed" : "waitlisted";
      const came = seat && end < NOW && next() < 0.8;
      const anonymised = end < endedBefore - DAY;
      const email = anonymised
        ? `geanonimiseerd-${registrationId}@invalid`
        : `ondernemer${person}@example.org`;
      const at = iso(createdAt);
      await load.add(REGISTRATIONS, [
        registrationId,
        id,
        `${registrationId}@bench.invalid`,
        anonymised ? "Geanonimiseerd" : `Ondernemer ${person}`,
        email,
        email,
        anonymised || person % 3 ? null : `Zaak ${person}`,
        "nl-BE",
        status,
        at,
        at,
        at,
        seat ? at : null,
        quits ? at : null,
        came ? iso(start) : null,
        Math.round(createdAt),
        anonymised ? iso(end + 365 * DAY) : null,
        keyOf(person),
      ]);
      // The mail that confirmed it: emptied a month after it went, as the daily run does.
      const purged = createdAt < sentBefore - DAY;
      mails++;
      await load.add(OUTBOX, [
        "confirmation",
        registrationId,
        purged ? "" : email,
        purged ? "" : `Ondernemer ${person}`,
        purged ? "" : `Bevestiging: sessie ${id}`,
        purged ? "" : HTML,
        purged ? "" : TEXT,
        "sent",
        1,
        at,
        at,
        at,
        purged ? iso(createdAt + OUTBOX_KEEP_DAYS * DAY) : null,
      ]);
    }
  }
  await load.flush();
  return {
    cities: cityCount,
    sessions: sessionCount,
    registrations: registrationId,
    mails,
    probe: { cityId: 1, sessionSlug, bigSessionId },
  };
}

/** Cities, partners and the organisers, through the app's own functions. */
async function places(url: string, scale: number) {
  const { createDatabase } = await import("../db/client");
  const { migrateToLatest } = await import("../db/migrate");
  const handle = createDatabase(url);
  await migrateToLatest(handle.db);
  const cityCount = 3 * scale;
  const created = iso(FIRST - 30 * DAY);
  const slugs = Array.from({ length: cityCount }, (_, n) => (n === 0 ? PROBE_CITY : `stad-${n}`));
  for (let at = 0; at < cityCount; at += 500) {
    await handle.db
      .insertInto("cities")
      .values(
        slugs.slice(at, at + 500).map((slug, n) => ({
          id: at + n + 1,
          slug,
          name: slug === PROBE_CITY ? "Leuven" : `Stad ${at + n}`,
          province: "Vlaams-Brabant",
          created_at: created,
        })),
      )
      .execute();
  }
  // One partner of each city (same id as the city), then five of the whole region.
  const partners = [
    ...slugs.map((slug, n) => ({ id: n + 1, slug: `partner-${slug}`, name: `Partner ${slug}` })),
    ...["voka", "unizo", "kuleuven", "vlaio", "kbc"].map((slug, n) => ({
      id: cityCount + 1 + n,
      slug,
      name: slug.toUpperCase(),
    })),
  ];
  for (let at = 0; at < partners.length; at += 500) {
    await handle.db
      .insertInto("partners")
      .values(
        partners.slice(at, at + 500).map((p) => ({ ...p, website: null, created_at: created })),
      )
      .execute();
  }
  return handle;
}

async function organisers(url: string) {
  const { createDatabase } = await import("../db/client");
  const { hashPassword } = await import("../app/lib/password.server");
  const { createOrganiserIn } = await import("../app/models/organiser.server");
  const { writeTransaction } = await import("../db/transaction");
  const handle = createDatabase(url);
  const hash = await hashPassword(PASSWORD);
  await writeTransaction(async (trx) => {
    await createOrganiserIn(
      trx,
      { email: "admin@bench.test", name: "Admin", password: PASSWORD, role: "admin" },
      hash,
    );
    await createOrganiserIn(
      trx,
      {
        email: "leuven@bench.test",
        name: "Leuven",
        password: PASSWORD,
        role: "organiser",
        citySlugs: [PROBE_CITY],
      },
      hash,
    );
  }, handle);
  await handle.db.destroy();
  await handle.changes?.close();
}

async function buildSqlite(file: string, scale: number): Promise<Built> {
  const handle = await places(`file:${file}`, scale);
  await handle.db.destroy();
  await handle.changes?.close();
  const loader = sqliteLoader(file);
  try {
    return await build(scale, loader);
  } finally {
    loader.close();
  }
}

async function buildPostgres(url: string, scale: number): Promise<Built> {
  const handle = await places(url, scale);
  await handle.db.destroy();
  await handle.changes?.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const built = await build(scale, postgresLoader(client));
    for (const table of ["cities", "partners", "sessions", "registrations", "outbox"]) {
      await client.query(
        `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`,
      );
    }
    // What autovacuum does soon after a bulk load: the planner's statistics and the visibility map.
    await client.query("vacuum analyze");
    return built;
  } finally {
    await client.end();
  }
}

// ——— Measuring —————————————————————————————————————————————————————————————————————————

interface Figures {
  median: number;
  p95: number;
  bytes: number;
  /** The app process's CPU time a request (user + system): less swayed by other work. */
  cpu: number;
}

async function series(url: string, cookie: string, app: ChildProcess): Promise<Figures> {
  const first = await timedGet(url, cookie);
  // An item that takes seconds (the region's report at 100×) is asked fewer times.
  const renders = first.ms > 10_000 ? 2 : first.ms > 1000 ? Math.min(RENDERS, 5) : RENDERS;
  for (let n = 0; n < (first.ms > 1000 ? 0 : 2); n++) await timedGet(url, cookie);
  const times: number[] = [];
  let bytes = 0;
  const cpuBefore = cpuMs(app.pid);
  for (let n = 0; n < renders; n++) {
    const result = await timedGet(url, cookie);
    times.push(result.ms);
    bytes = result.bytes;
  }
  const cpu = (cpuMs(app.pid) - cpuBefore) / renders;
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), bytes, cpu };
}

/** The API's last page: followed from the first, 100 sessions a page. */
async function lastApiPage(base: string): Promise<string> {
  let url = `${base}/api/sessions?limit=100`;
  for (;;) {
    const response = await fetch(url);
    const page = (await response.json()) as { next?: string | null };
    if (!page.next) return url;
    url = page.next;
  }
}

interface Retention {
  ms: number;
  registrations: number;
  mails: number;
  longestStatement: number;
  longestStatementSql: string;
  longestTransaction: number;
  statements: number;
}

async function retentionRun(url: string): Promise<Retention> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--retention"],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        SESSION_SECRET: SECRET,
        RETENTION_MONTHS: String(RETENTION_MONTHS),
        OUTBOX_KEEP_DAYS: String(OUTBOX_KEEP_DAYS),
      },
      maxBuffer: 1 << 24,
    },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Retention;
}

type Results = Map<string, Figures>;

async function measure(label: string, url: string, scale: number, built: Built) {
  const results: Results = new Map();
  const app = await startApp({
    NODE_ENV: "production",
    PORT: String(PORT),
    DATABASE_URL: url,
    SESSION_SECRET: SECRET,
    SEED_ON_START: "off",
    PAGE_CACHE: "off",
    RATE_API_PER_CLIENT_PER_MINUTE: "1000000",
    RATE_LOGINS_PER_CLIENT_PER_MINUTE: "1000",
    RETENTION_MONTHS: String(RETENTION_MONTHS),
    OUTBOX_KEEP_DAYS: String(OUTBOX_KEEP_DAYS),
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const admin = await signInOrganiser(base, "admin@bench.test", PASSWORD);
    const organiser = await signInOrganiser(base, "leuven@bench.test", PASSWORD);
    const { cityId, sessionSlug, bigSessionId } = built.probe;
    const range = `stad=${cityId}&van=${YEAR}-01-01&tot=${YEAR}-12-31`;
    const items: [string, string, string][] = [
      ["home", `${base}/`, ""],
      ["city page (Leuven)", `${base}/steden/${PROBE_CITY}`, ""],
      ["session page", `${base}/sessies/${sessionSlug}`, ""],
      ["partner page (Leuven's)", `${base}/partners/${PROBE_PARTNER}`, ""],
      ["API, first page (100)", `${base}/api/sessions?limit=100`, ""],
      ["API, last page (100)", await lastApiPage(base), ""],
      ["city feed (.ics)", `${base}/agenda.ics?stad=${PROBE_CITY}`, ""],
      ["attendees, 500-person session", `${base}/beheer/sessies/${bigSessionId}`, organiser],
      [
        "check-in list, 500-person session",
        `${base}/beheer/sessies/${bigSessionId}/inchecken`,
        organiser,
      ],
      ["organiser dashboard (Leuven)", `${base}/beheer`, organiser],
      ["admin dashboard (region)", `${base}/beheer`, admin],
      [
        `export CSV, Leuven ${YEAR}`,
        `${base}/beheer/export/download?${range}&formaat=csv`,
        organiser,
      ],
      [
        `export XLSX, Leuven ${YEAR}`,
        `${base}/beheer/export/download?${range}&formaat=xlsx`,
        organiser,
      ],
      [
        `report, Leuven ${YEAR}`,
        `${base}/beheer/cijfers?periode=jaar&jaar=${YEAR}&stad=${cityId}`,
        organiser,
      ],
      [`report, region ${YEAR}`, `${base}/beheer/cijfers?periode=jaar&jaar=${YEAR}`, admin],
    ];
    for (const [name, itemUrl, cookie] of items) {
      const figures = await series(itemUrl, cookie, app);
      results.set(name, figures);
      console.log(
        `  ${label} ${scale}× ${name.padEnd(36)} median ${figures.median.toFixed(1).padStart(7)} ms  p95 ${figures.p95.toFixed(1).padStart(7)} ms  app CPU ${figures.cpu.toFixed(1).padStart(7)} ms  ${(figures.bytes / 1024).toFixed(0).padStart(5)} KiB`,
      );
    }
  } finally {
    await stopApp(app);
  }
  const retention = await retentionRun(url);
  results.set("retention run (one day due)", {
    median: retention.ms,
    p95: retention.ms,
    bytes: 0,
    cpu: Number.NaN,
  });
  results.set("  longest write statement", {
    median: retention.longestStatement,
    p95: retention.longestStatement,
    bytes: 0,
    cpu: Number.NaN,
  });
  results.set("  longest write transaction", {
    median: retention.longestTransaction,
    p95: retention.longestTransaction,
    bytes: 0,
    cpu: Number.NaN,
  });
  console.log(
    `  ${label} ${scale}× retention: ${retention.ms.toFixed(0)} ms, ${retention.registrations} registrations anonymised, ${retention.mails} mails emptied, ${retention.statements} statements; longest write statement ${retention.longestStatement.toFixed(1)} ms (${retention.longestStatementSql.slice(0, 90)}…), longest write transaction ${retention.longestTransaction.toFixed(1)} ms`,
  );
  return results;
}

async function runSqlite(scale: number): Promise<Results> {
  const dir = KEEP ?? mkdtempSync(join(tmpdir(), "oa-scale-"));
  try {
    const file = join(dir, `scale-${scale}.sqlite`);
    rmSync(file, { force: true });
    const started = performance.now();
    const built = await buildSqlite(file, scale);
    await organisers(`file:${file}`);
    console.log(
      `SQLite ${scale}×: ${built.cities} cities, ${built.sessions} sessions, ${built.registrations} registrations, ${built.mails} mails built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return await measure("SQLite", `file:${file}`, scale, built);
  } finally {
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres(scale: number): Promise<Results | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  admin.on("error", (error) => console.error("admin connection:", error.message));
  if (
    !(await admin.connect().then(
      () => true,
      () => false,
    ))
  ) {
    console.warn(`no PostgreSQL at ${POSTGRES_ADMIN_URL}: skipped`);
    return null;
  }
  const name = KEEP ? `oa_bench_scale_${scale}` : `oa_bench_scale_${process.pid}_${scale}`;
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    const started = performance.now();
    const built = await buildPostgres(url.toString(), scale);
    await organisers(url.toString());
    console.log(
      `PostgreSQL ${scale}×: ${built.cities} cities, ${built.sessions} sessions, ${built.registrations} registrations, ${built.mails} mails built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return await measure("PostgreSQL", url.toString(), scale, built);
  } finally {
    if (!KEEP) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function table(all: Map<string, Map<number, Results>>) {
  const scales = [...SCALES].sort((a, b) => a - b);
  const low = scales[0] ?? 1;
  const high = scales.at(-1) ?? 1;
  const header = [
    "item",
    "database",
    ...scales.map((s) => `${s}× median / p95 ms`),
    `${high}×/${low}× median`,
    `${high}×/${low}× app CPU`,
  ];
  console.log(`\n| ${header.join(" | ")} |`);
  console.log(`| ${header.map(() => "---").join(" | ")} |`);
  const names = [...(all.values().next().value?.values().next().value?.keys() ?? [])];
  const ratio = (a?: number, b?: number) =>
    a && b && Number.isFinite(a) && Number.isFinite(b) ? (b / a).toFixed(2) : "–";
  for (const name of names) {
    for (const [database, byScale] of all) {
      const cells = scales.map((s) => {
        const f = byScale.get(s)?.get(name);
        return f ? `${f.median.toFixed(1)} / ${f.p95.toFixed(1)}` : "–";
      });
      const first = byScale.get(low)?.get(name);
      const last = byScale.get(high)?.get(name);
      console.log(
        `| ${name} | ${database} | ${cells.join(" | ")} | ${ratio(first?.median, last?.median)} | ${ratio(first?.cpu, last?.cpu)} |`,
      );
    }
  }
}

// ——— The retention run, in a child that times every statement ————————————————————————————

async function runRetentionChild() {
  const writes = /^\s*(insert|update|delete)/i;
  let longestStatement = 0;
  let longestStatementSql = "";
  let longestTransaction = 0;
  let statements = 0;
  const began = new WeakMap<object, number>();
  const note = (owner: object, text: string, ms: number, startedAt: number) => {
    statements++;
    if (/^\s*begin/i.test(text)) began.set(owner, startedAt);
    else if (/^\s*(commit|rollback)/i.test(text)) {
      const from = began.get(owner);
      if (from !== undefined)
        longestTransaction = Math.max(longestTransaction, startedAt + ms - from);
      began.delete(owner);
    } else if (writes.test(text) && ms > longestStatement) {
      longestStatement = ms;
      longestStatementSql = text.replace(/\s+/g, " ");
    }
  };
  // better-sqlite3: every statement the driver runs is a Statement's run() or all().
  const probe = new SQLite(":memory:");
  const statementProto = Object.getPrototypeOf(probe.prepare("select 1")) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  probe.close();
  for (const method of ["run", "all", "get"] as const) {
    const original = statementProto[method];
    if (!original) continue;
    statementProto[method] = function (this: { source: string; database: object }, ...args) {
      const startedAt = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        note(this.database, this.source, performance.now() - startedAt, startedAt);
      }
    };
  }
  // pg: every query of the pool's clients.
  const clientProto = pg.Client.prototype as unknown as {
    query: (...args: unknown[]) => unknown;
  };
  const originalQuery = clientProto.query;
  clientProto.query = function (this: object, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === "string" ? first : ((first as { text?: string })?.text ?? "");
    const startedAt = performance.now();
    const result = originalQuery.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<unknown>).then(
        () => note(this, text, performance.now() - startedAt, startedAt),
        () => {},
      );
    }
    return result;
  };
  const { applyRetention } = await import("../app/models/personal-data.server");
  const { closeDatabase } = await import("../db/client");
  const started = performance.now();
  const run = await applyRetention();
  const ms = performance.now() - started;
  await closeDatabase();
  console.log(
    JSON.stringify({
      ms,
      registrations: run.registrations,
      mails: run.mails,
      longestStatement,
      longestStatementSql,
      longestTransaction,
      statements,
    } satisfies Retention),
  );
}

async function main() {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    `scales ${SCALES.join(", ")}× of 3 cities, 450 sessions, ~15,000 registrations; ${RENDERS} requests an item after 3 to warm up; PAGE_CACHE=off`,
  );
  const all = new Map<string, Map<number, Results>>();
  for (const database of DATABASES) {
    all.set(database === "postgres" ? "PostgreSQL" : "SQLite", new Map());
  }
  // Scale by scale, so that the smaller scales of both databases are there first.
  for (const scale of SCALES) {
    for (const database of DATABASES) {
      const results = database === "postgres" ? await runPostgres(scale) : await runSqlite(scale);
      if (results) all.get(database === "postgres" ? "PostgreSQL" : "SQLite")?.set(scale, results);
    }
    table(all);
  }
  console.log(
    `load after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
}

if (process.argv[2] === "--retention") {
  await runRetentionChild();
} else {
  await main();
}
