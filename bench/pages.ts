/**
 * Requests per second of the public pages (production build, seeded SQLite, 50 connections):
 * every page the page cache keeps (home with its filters, city, session and partner pages, the
 * statements, the embed) in Dutch, French and English, each beside a plain node:http server
 * answering the same bytes, measured in the same run.
 *
 *   npm run bench:pages                    # 5 s per target (32 targets, about 7 minutes)
 *   BENCH_SECONDS=10 npm run bench:pages
 *   BENCH_PAGES=session npm run bench:pages  # only the targets whose name has "session"
 *   PAGE_CACHE=off npm run bench:pages     # every request rendered
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { startApp } from "./app";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const APP_PORT = 3903;
const BASELINE_PORT = 3904;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

async function measure(url: string): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** The same bytes and content type, from a server that does nothing else. */
async function baselineFor(url: string) {
  const page = await fetch(url);
  if (!page.ok) throw new Error(`${url}: ${page.status}`);
  const body = Buffer.from(await page.arrayBuffer());
  const contentType = page.headers.get("content-type") ?? "text/html";
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": contentType, "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(BASELINE_PORT, "127.0.0.1", resolve));
  return { server, bytes: body.length };
}

const dir = mkdtempSync(join(tmpdir(), "oa-bench-"));
const pageCache = process.env.PAGE_CACHE ?? "on";
const app = await startApp({
  NODE_ENV: "production",
  PORT: String(APP_PORT),
  DATABASE_URL: `file:${join(dir, "bench.sqlite")}`,
  SESSION_SECRET: "bench-secret-that-is-long-enough-for-the-check",
  PAGE_CACHE: pageCache,
});
try {
  const base = `http://127.0.0.1:${APP_PORT}`;
  const home = await (await fetch(`${base}/`)).text();
  const slug = /href="\/sessies\/([^"/]+)"/.exec(home)?.[1];
  const city = /href="\/steden\/([^"/]+)"/.exec(home)?.[1];
  const session = await (await fetch(`${base}/sessies/${slug}`)).text();
  const partner = /href="\/partners\/([^"/]+)"/.exec(session)?.[1];
  if (!slug || !city || !partner) throw new Error("no session, city or partner link");
  // Every public page the cache keeps, with each of its filters, in each language.
  const dutch = [
    ["home", "/"],
    ["home, one city", `/?stad=${city}`],
    ["home, one kind", "/?soort=breakfast"],
    ["home, sessions in English", "/?sessietaal=en"],
    ["home, three filters", `/?sessietaal=nl&soort=info&stad=${city}`],
    ["city page", `/steden/${city}`],
    ["session page", `/sessies/${slug}`],
    ["partner page", `/partners/${partner}`],
    ["privacy statement", "/privacy"],
    ["accessibility statement", "/toegankelijkheid"],
  ] as const;
  const only = process.env.BENCH_PAGES;
  const pages = [
    ...["", "/fr", "/en"].flatMap((prefix) =>
      dutch.map(([name, path]) => [
        `${name}${prefix ? `, ${prefix.slice(1)}` : ""}`,
        prefix ? `${prefix}${path.replace(/^\/(?=\?|$)/, "")}` : path,
      ]),
    ),
    ["embed, one city", `/embed?stad=${city}`],
    ["embed, one partner, English", `/embed?partner=${partner}&taal=en`],
  ].filter(([name]) => !only || name?.includes(only));

  const rows: string[][] = [];
  for (const [name = "", path = ""] of pages) {
    const url = `${base}${path}`;
    const { server, bytes } = await baselineFor(url);
    // Warm both up (JIT, SQLite page cache), then measure.
    await autocannon({ url, connections: 10, duration: 2 });
    const plain = await measure(`http://127.0.0.1:${BASELINE_PORT}/`);
    const served = await measure(url);
    await new Promise((resolve) => server.close(resolve));
    rows.push([
      name,
      `${(bytes / 1024).toFixed(0)} KB`,
      `${plain.rps.toFixed(0)} (p50 ${plain.p50}, p99 ${plain.p99})`,
      `${served.rps.toFixed(0)}`,
      (served.rps / plain.rps).toFixed(3),
      `${served.p50}`,
      `${served.p99}`,
    ]);
  }

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per target, page cache ${pageCache}`);
  const header = [
    "page",
    "size",
    "node:http req/s (ms)",
    "app req/s",
    "ratio",
    "app p50 ms",
    "app p99 ms",
  ];
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
  for (const row of table)
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | "));
} finally {
  app.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
