/**
 * How the public home page answers while sign-in is flooded: its latency at one connection
 * (a person browsing) alone, then during 40 sign-in attempts kept in flight at all times, from
 * one client address and from many (as a botnet would, through TRUST_PROXY's X-Forwarded-For).
 * Also the server's peak memory. Production build, seeded SQLite, mail worker off.
 *
 *   npm run bench:login-flood
 *   BENCH_SECONDS=20 npm run bench:login-flood
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { someClient, startApp } from "./app";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FLOOD = 40;
const PORT = 3903;
const BASE = `http://127.0.0.1:${PORT}`;

/** Keeps FLOOD sign-in attempts in flight until stopped; counts the answers by status. */
function flood(clients: "one" | "many") {
  const statuses = new Map<number, number>();
  let running = true;
  let n = 0;
  const loop = async () => {
    while (running) {
      const response = await fetch(`${BASE}/beheer/inloggen`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: BASE,
          "X-Forwarded-For": clients === "one" ? "192.0.2.1" : someClient(),
        },
        body: new URLSearchParams({ email: `gok${n++}@example.org`, password: "raden-maar" }),
        redirect: "manual",
      }).catch(() => null);
      const status = response?.status ?? 0;
      await response?.arrayBuffer().catch(() => null);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const loops = Array.from({ length: FLOOD }, loop);
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return statuses;
    },
  };
}

async function homeLatency() {
  const result = await autocannon({ url: `${BASE}/`, connections: 1, duration: SECONDS });
  return {
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
  };
}

function peakMemoryMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const dir = mkdtempSync(join(tmpdir(), "oa-bench-"));
// Development data (the demo organisers) on the production build.
const app = await startApp({
  NODE_ENV: "development",
  PORT: String(PORT),
  DATABASE_URL: `file:${join(dir, "bench.sqlite")}`,
  TRUST_PROXY: "on",
});
try {
  await autocannon({ url: `${BASE}/`, connections: 4, duration: 2 });
  const rows: string[] = [];
  const show = (
    label: string,
    home: Awaited<ReturnType<typeof homeLatency>>,
    logins?: Map<number, number>,
  ) => {
    const answered = logins ? [...logins.values()].reduce((a, b) => a + b, 0) : 0;
    const byStatus = logins
      ? [...logins.entries()]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${count} × ${status}`)
          .join(", ")
      : "";
    rows.push(
      `| ${label} | ${home.requests} | ${home.p50} ms | ${home.p99} ms | ${home.max} ms | ${logins ? `${(answered / SECONDS).toFixed(0)}/s: ${byStatus}` : "–"} |`,
    );
  };
  show("no flood", await homeLatency());
  for (const clients of ["one", "many"] as const) {
    const attack = flood(clients);
    const home = await homeLatency();
    show(
      `${FLOOD} sign-ins in flight, ${clients} client address${clients === "many" ? "es" : ""}`,
      home,
      await attack.stop(),
    );
  }
  const pid = app.pid ?? 0;
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`home page at 1 connection, ${SECONDS} s each\n`);
  console.log("| load | home requests | p50 | p99 | max | sign-in answers |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
  console.log(`\nserver peak memory (VmHWM): ${peakMemoryMiB(pid).toFixed(0)} MiB`);
} finally {
  app.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
