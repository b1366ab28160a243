/**
 * Time and peak memory of the attendee export (CSV and XLSX) for 10,000 and 100,000 attendees,
 * on a temporary SQLite database. Each export runs in a fresh child process that reads the
 * Response body into /dev/null, so every run has a peak RSS of its own; an idle child that
 * loads the same modules and exports nothing gives the baseline. The largest list is also read
 * at about 5 MiB/s, as over a slow connection, to show the export waits instead of buffering.
 *
 *   npm run bench:export          (or: npx tsx bench/export.ts)
 *   BENCH_SIZES=10000 npm run bench:export
 */
import { execFile } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Kysely } from "kysely";
import { registrationKeys } from "../app/models/registration.server";
import { createDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import type { Database, NewRegistration } from "../db/schema";

const SIZES = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const FORMATS = ["csv", "xlsx"] as const;
const NOW = "2026-11-25T10:00:00.000Z";

interface ChildResult {
  ms: number;
  maxRssMiB: number;
  bytes: number;
  /** With --expose-gc: the most memory still in use right after a full GC (heap + buffers). */
  retainedMiB?: number;
}

/**
 * Peak RSS also counts garbage that V8 has not collected yet, and V8 waits longer on a longer
 * run. Collecting every 50 ms and reading what is left shows what the export really holds.
 */
function watchRetained(): () => number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return () => Number.NaN;
  let peak = 0;
  const sample = () => {
    gc();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    peak = Math.max(peak, heapUsed + arrayBuffers);
  };
  sample();
  const timer = setInterval(sample, 50);
  return () => {
    clearInterval(timer);
    sample();
    return peak / 2 ** 20;
  };
}

// ——— In the child: one export, or nothing (the baseline) ————————————————————————————————

/** A reader at about 5 MiB/s, as over a slow connection: the export must wait, not buffer. */
async function readSlowly(body: ReadableStream<Uint8Array>): Promise<number> {
  const reader = body.getReader();
  let bytes = 0;
  let sincePause = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
    sincePause += value.byteLength;
    if (sincePause >= 256 * 1024) {
      sincePause = 0;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function readToDevNull(body: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const readable = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
  readable.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
  });
  await pipeline(readable, createWriteStream("/dev/null"));
  return bytes;
}

/** The attendee list of one session as the download route streams it. */
async function exportBody(format: string, sessionId: number) {
  const { exportAttendees } = await import("../app/models/export.server");
  const { attendeeDownload } = await import("../app/web/attendee-sheet.server");
  const kind = format as "csv" | "csv-comma" | "xlsx";
  const exported = await exportAttendees({
    scope: { all: true },
    filter: { kind: "session", sessionId },
    format: kind,
    organiserId: null,
    now: NOW,
  });
  if (!exported.ok) throw new Error(`no session ${sessionId}`);
  const response = attendeeDownload(exported, { format: kind, now: NOW });
  if (!response.body) throw new Error("no body");
  return response.body;
}

async function runChild(format: string, sessionId: number, slow: boolean): Promise<void> {
  const { closeDatabase } = await import("../db/client");
  let bytes = 0;
  const retained = watchRetained();
  const started = performance.now();
  if (format !== "idle") {
    const body = await exportBody(format, sessionId);
    bytes = slow ? await readSlowly(body) : await readToDevNull(body);
  }
  const ms = performance.now() - started;
  const retainedMiB = retained();
  await closeDatabase();
  // maxRSS is in KiB.
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, maxRssMiB, bytes, retainedMiB } satisfies ChildResult));
}

/**
 * What a page's query waits while an export runs in the same process: the home page's query
 * (`listUpcomingSessions`) every 10 ms, timed from when it was due (so a blocked event loop
 * counts too), alone and beside an export of the list read into /dev/null.
 */
async function runBesideChild(format: string, sessionId: number): Promise<void> {
  const { listUpcomingSessions } = await import("../app/models/session.server");
  const { closeDatabase } = await import("../db/client");
  const waits: number[] = [];
  let exporting = true;
  const probe = async () => {
    let due = performance.now();
    while (exporting) {
      await listUpcomingSessions({ now: NOW });
      waits.push(performance.now() - due);
      await new Promise((resolve) => setTimeout(resolve, 10));
      due = performance.now();
    }
  };
  const probing = probe();
  const started = performance.now();
  if (format === "idle") {
    await new Promise((resolve) => setTimeout(resolve, 2000));
  } else {
    await readToDevNull(await exportBody(format, sessionId));
  }
  const ms = performance.now() - started;
  exporting = false;
  await probing;
  await closeDatabase();
  waits.sort((a, b) => a - b);
  const at = (p: number) => waits[Math.min(waits.length - 1, Math.floor(p * waits.length))] ?? 0;
  console.log(
    JSON.stringify({ ms, probes: waits.length, p50: at(0.5), p99: at(0.99), max: waits.at(-1) }),
  );
}

// ——— In the parent: the data, the runs, the table ———————————————————————————————————————

const FIRST_NAMES = ["Annelies", "Bram", "Charlotte", "Dries", "Elif", "Femke", "Jonas", "Lotte"];
const LAST_NAMES = ["Peeters", "Janssens", "Maes", "Claes", "Wouters", "De Smet", "Yilmaz"];
const ORGANISATIONS = ["Bakkerij Claes", "Fietsenmakerij Velo", null, "Studio Noord", null];

async function seedSession(db: Kysely<Database>, cityId: number, attendees: number) {
  const session = await db
    .insertInto("sessions")
    .values({
      slug: `bench-${attendees}`,
      city_id: cityId,
      kind: "forum",
      title: `Startersforum met ${attendees} deelnemers`,
      summary: "Benchmark",
      description: "Benchmark",
      venue_name: "Stadhuis Leuven",
      venue_address: "Grote Markt 9, 3000 Leuven",
      starts_at: "2026-12-03T17:30:00.000Z",
      ends_at: "2026-12-03T20:00:00.000Z",
      capacity: Math.round(attendees * 0.9),
      registration_opens_at: null,
      registration_closes_at: null,
      language: "nl",
      status: "scheduled",
      created_at: NOW,
      updated_at: NOW,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const base = Date.parse("2026-10-01T08:00:00.000Z");
  const row = (i: number): NewRegistration => {
    const createdAt = new Date(base + i * 37_000).toISOString();
    const email = `deelnemer${i}@bench-${attendees}.example.org`;
    const waitlisted = i >= attendees * 0.9;
    return {
      session_id: session.id,
      ...registrationKeys(createdAt),
      name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]} ${i}`,
      email,
      email_normalized: email,
      organisation: ORGANISATIONS[i % ORGANISATIONS.length] ?? null,
      enterprise_number: i % 3 === 0 ? "0123.456.749" : null,
      locale: "nl-BE",
      status: waitlisted ? "waitlisted" : "confirmed",
      consented_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt,
      confirmed_at: waitlisted ? null : createdAt,
      cancelled_at: null,
      checked_in_at: i % 4 === 0 ? "2026-12-03T17:20:00.000Z" : null,
      source: i % 20 === 0 ? "organiser" : "public",
    };
  };
  // One question, answered by one in ten: a column of its own in the export.
  const question = await db
    .insertInto("session_questions")
    .values({
      session_id: session.id,
      position: 0,
      type: "longText",
      label_nl: "Voedingswensen of allergieën",
      label_fr: null,
      label_en: null,
      help_nl: null,
      help_fr: null,
      help_en: null,
      choice_display: null,
      choices: null,
      max_length: 500,
      min_value: null,
      max_value: null,
      created_at: NOW,
      updated_at: NOW,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    for (let first = 0; first < attendees; first += 500) {
      const count = Math.min(500, attendees - first);
      const ids = await trx
        .insertInto("registrations")
        .values(Array.from({ length: count }, (_, i) => row(first + i)))
        .returning("id")
        .execute();
      const answered = ids.filter((_, i) => (first + i) % 10 === 0);
      if (answered.length) {
        await trx
          .insertInto("registration_answers")
          .values(
            answered.map(({ id }) => ({
              registration_id: id,
              question_id: question.id,
              value: "Vegetarisch",
            })),
          )
          .execute();
      }
    }
  });
  return session.id;
}

async function runInChild(
  databaseUrl: string,
  format: string,
  sessionId: number,
  { slow = false, collecting = false } = {},
) {
  const script = fileURLToPath(import.meta.url);
  const args = ["--child", format, String(sessionId), slow ? "slow" : "fast"];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...(collecting ? ["--expose-gc"] : []), "--import", "tsx", script, ...args],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, maxBuffer: 1 << 20 },
  );
  const last = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as ChildResult;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "oa-bench-export-"));
  const databaseUrl = `file:${join(dir, "bench.sqlite")}`;
  try {
    const { db } = createDatabase(databaseUrl);
    await migrateToLatest(db);
    const city = await db
      .insertInto("cities")
      .values({ slug: "leuven", name: "Leuven", province: "Vlaams-Brabant", created_at: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    const sessions = new Map<number, number>();
    for (const size of SIZES) {
      const started = performance.now();
      sessions.set(size, await seedSession(db, city.id, size));
      console.log(`seeded ${size} attendees in ${(performance.now() - started).toFixed(0)} ms`);
    }
    await db.destroy();

    if (process.env.BENCH_EXPORT_PART !== "beside") await memoryTable(databaseUrl, sessions);
    await besideTable(databaseUrl, sessions.get(Math.max(...SIZES)) ?? 0, Math.max(...SIZES));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function besideTable(databaseUrl: string, sessionId: number, size: number) {
  console.log(
    `\nthe home page's query every 10 ms, beside an export of ${size} rows in one process:\n`,
  );
  console.log("| export           | export time | queries | wait p50 | wait p99 | wait max |");
  console.log("| ---------------- | ----------- | ------- | -------- | -------- | -------- |");
  for (const format of ["idle", ...FORMATS]) {
    const script = fileURLToPath(import.meta.url);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", script, "--beside", format, String(sessionId)],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, maxBuffer: 1 << 20 },
    );
    const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as Record<string, number>;
    const ms = (value = 0) => `${value.toFixed(1)} ms`;
    const cells = [
      (format === "idle" ? "none (2 s alone)" : format).padEnd(16),
      `${((result.ms ?? 0) / 1000).toFixed(2)} s`.padEnd(11),
      String(result.probes).padEnd(7),
      ms(result.p50).padEnd(8),
      ms(result.p99).padEnd(8),
      ms(result.max).padEnd(8),
    ];
    console.log(`| ${cells.join(" | ")} |`);
  }
}

async function memoryTable(databaseUrl: string, sessions: Map<number, number>) {
  {
    const idle = await runInChild(databaseUrl, "idle", 0);
    const idleRetained = await runInChild(databaseUrl, "idle", 0, { collecting: true });
    const cpu = cpus()[0]?.model ?? "unknown CPU";
    console.log(
      `\nmachine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );
    console.log(
      `idle child (same modules loaded): peak RSS ${idle.maxRssMiB.toFixed(0)} MiB, ` +
        `retained after GC ${idleRetained.retainedMiB?.toFixed(0)} MiB\n`,
    );
    console.log(
      "| rows    | format | reader    | time    | size     | peak RSS | above idle | retained after GC |",
    );
    console.log(
      "| ------- | ------ | --------- | ------- | -------- | -------- | ---------- | ----------------- |",
    );
    const largest = Math.max(...SIZES);
    const runs = SIZES.flatMap((size) => FORMATS.map((format) => ({ size, format, slow: false })));
    runs.push(...FORMATS.map((format) => ({ size: largest, format, slow: true })));
    for (const { size, format, slow } of runs) {
      const sessionId = sessions.get(size) ?? 0;
      // Timed without forced collections; the retained figure comes from a second run.
      const run = await runInChild(databaseUrl, format, sessionId, { slow });
      const collected = await runInChild(databaseUrl, format, sessionId, {
        slow,
        collecting: true,
      });
      const mib = (value: number) => `${value.toFixed(0)} MiB`;
      const cells = [
        size.toLocaleString("en-US").padEnd(7),
        format.padEnd(6),
        (slow ? "5 MiB/s" : "/dev/null").padEnd(9),
        `${(run.ms / 1000).toFixed(2)} s`.padEnd(7),
        `${(run.bytes / 2 ** 20).toFixed(1)} MiB`.padEnd(8),
        mib(run.maxRssMiB).padEnd(8),
        mib(run.maxRssMiB - idle.maxRssMiB).padEnd(10),
        mib(collected.retainedMiB ?? Number.NaN).padEnd(17),
      ];
      console.log(`| ${cells.join(" | ")} |`);
    }
  }
}

if (process.argv[2] === "--beside") {
  await runBesideChild(process.argv[3] ?? "idle", Number(process.argv[4]));
} else if (process.argv[2] === "--child") {
  await runChild(process.argv[3] ?? "idle", Number(process.argv[4]), process.argv[5] === "slow");
} else {
  await main();
}
