import { database } from "../../db/client";
import { migrations } from "../../db/migrations";
import { nowMillis } from "../lib/time";

/** How long the database may take to answer before it counts as unreachable. */
const TIMEOUT_MS = 3000;

export interface Health {
  /** False when the database does not answer or its schema is behind this version. */
  ok: boolean;
  database: "up" | "down";
  migrations: {
    current: boolean;
    /** Migrations of this version that the database has not had. */
    pending: string[];
    /** Applied by a newer version (during a rolling deploy): reported, not a failure. */
    unknown: string[];
  } | null;
  outbox: {
    pending: number;
    /** Age of the oldest message still waiting to be sent, in whole seconds. */
    oldestPendingSeconds: number | null;
    failed: number;
  } | null;
  /** Replies from calendars: waiting to be acted on, and given up after failing. */
  inbound: Backlog | null;
  /** Work left for after a request's answer (app/models/job.server.ts): waiting, given up. */
  jobs: Backlog | null;
}

interface Backlog {
  pending: number;
  failed: number;
}

async function readState() {
  const { db } = database();
  const applied = await db
    .withTables<{ kysely_migration: { name: string } }>()
    .selectFrom("kysely_migration")
    .select("name")
    .execute();
  const outbox = await db
    .selectFrom("outbox")
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere("status", "=", "pending").as("pending"),
      eb.fn.countAll<number>().filterWhere("status", "=", "failed").as("failed"),
      eb.fn.min("created_at").filterWhere("status", "=", "pending").as("oldest"),
    ])
    .where("status", "in", ["pending", "failed"])
    .executeTakeFirstOrThrow();
  const backlogOf = async (table: "inbound_mail" | "jobs"): Promise<Backlog> => {
    const row = await db
      .selectFrom(table)
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere("status", "=", "pending").as("pending"),
        eb.fn.countAll<number>().filterWhere("status", "=", "failed").as("failed"),
      ])
      .where("status", "in", ["pending", "failed"])
      .executeTakeFirstOrThrow();
    return { pending: Number(row.pending), failed: Number(row.failed) };
  };
  return {
    applied: applied.map((row) => row.name),
    outbox,
    inbound: await backlogOf("inbound_mail"),
    jobs: await backlogOf("jobs"),
  };
}

/** The state a load balancer or a monitor asks about: database, schema, mail queue. */
export async function checkHealth(): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    const { applied, outbox, inbound, jobs } = await Promise.race([readState(), timeout]);
    const known = Object.keys(migrations);
    const pending = known.filter((name) => !applied.includes(name));
    const unknown = applied.filter((name) => !known.includes(name));
    return {
      ok: pending.length === 0,
      database: "up",
      migrations: { current: pending.length === 0, pending, unknown },
      outbox: {
        pending: Number(outbox.pending),
        oldestPendingSeconds: outbox.oldest
          ? Math.max(0, Math.floor((nowMillis() - Date.parse(outbox.oldest)) / 1000))
          : null,
        failed: Number(outbox.failed),
      },
      inbound,
      jobs,
    };
  } catch (error) {
    console.error("health check: database unreachable:", error);
    return {
      ok: false,
      database: "down",
      migrations: null,
      outbox: null,
      inbound: null,
      jobs: null,
    };
  } finally {
    clearTimeout(timer);
  }
}
