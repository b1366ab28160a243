import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { database } from "../db/client";
import { createSession, registrationsOf } from "./support/factories";

const run = promisify(execFile);
const script = join(import.meta.dirname, "support", "sign-up-burst.ts");

/** Runs the script in a process of its own and returns the JSON it printed last. */
async function burst(...args: string[]) {
  const { stdout } = await run(process.execPath, ["--import", "tsx", script, ...args], {
    env: process.env,
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "");
}

describe("several processes on one database", () => {
  it("never overbook, never fail with a busy database, and send each mail once", async () => {
    const session = await createSession({ capacity: 7 });
    const mailDir = mkdtempSync(join(tmpdir(), "oa-mail-"));
    const [a, b, c, outbox] = await Promise.all([
      burst("--sign-up", session.slug, "a", "15"),
      burst("--sign-up", session.slug, "b", "15"),
      burst("--sign-up", session.slug, "c", "15"),
      burst("--outbox", mailDir, "", "4000"),
    ]);
    for (const result of [a, b, c]) expect(result).toEqual({ ok: 15, errors: [] });

    const registrations = await registrationsOf(session.id);
    expect(registrations).toHaveLength(45);
    expect(registrations.filter((r) => r.status === "confirmed")).toHaveLength(7);
    expect(registrations.filter((r) => r.status === "waitlisted")).toHaveLength(38);

    // The worker ran beside the sign-ups: whatever it sent was sent once, the rest still waits.
    const { sent } = outbox as { sent: number };
    expect(sent).toBeGreaterThan(0);
    const rows = await database().db.selectFrom("outbox").select(["status"]).execute();
    expect(rows).toHaveLength(45);
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(sent);
    expect(readdirSync(mailDir)).toHaveLength(sent);
    expect(rows.every((r) => r.status !== "failed")).toBe(true);
  });
});
