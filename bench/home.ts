/**
 * Requests per second of the home page (production build, seeded SQLite, 50 connections),
 * beside a plain node:http server that answers the same bytes, measured in the same run.
 *
 *   npm run bench:home                 # 10 s per target
 *   BENCH_SECONDS=20 npm run bench:home
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { startApp } from "./app";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const APP_PORT = 3901;
const BASELINE_PORT = 3902;

async function measure(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const dir = mkdtempSync(join(tmpdir(), "oa-bench-"));
const app = await startApp({
  NODE_ENV: "production",
  PORT: String(APP_PORT),
  DATABASE_URL: `file:${join(dir, "bench.sqlite")}`,
  SESSION_SECRET: "bench-secret-that-is-long-enough-for-the-check",
});
try {
  const appUrl = `http://127.0.0.1:${APP_PORT}/`;
  const page = await fetch(appUrl);
  const body = Buffer.from(await page.arrayBuffer());
  const contentType = page.headers.get("content-type") ?? "text/html";
  const baseline = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": contentType, "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => baseline.listen(BASELINE_PORT, "127.0.0.1", resolve));

  // Warm both up (JIT, SQLite page cache), then measure.
  await autocannon({ url: appUrl, connections: 10, duration: 2 });
  const plain = await measure(`http://127.0.0.1:${BASELINE_PORT}/`);
  const home = await measure(appUrl);
  baseline.close();

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`home page: ${body.length} bytes, ${CONNECTIONS} connections, ${SECONDS} s each`);
  console.log(
    `node:http, same bytes: ${plain.rps.toFixed(0)} req/s (p50 ${plain.p50} ms, p99 ${plain.p99} ms)`,
  );
  console.log(
    `Remix home page:       ${home.rps.toFixed(0)} req/s (p50 ${home.p50} ms, p99 ${home.p99} ms)`,
  );
  console.log(`ratio app / baseline:  ${(home.rps / plain.rps).toFixed(3)}`);
} finally {
  app.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
