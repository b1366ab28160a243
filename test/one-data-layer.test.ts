import { describe, expect, it } from "vitest";
import { watchChanges } from "../db/changes";
import { database } from "../db/client";
import { createSession, person } from "./support/factories";
import { send } from "./support/http";

/**
 * The process runs one copy of the data layer (server/index.ts): a write by the app moves the
 * change counter the page cache reads, in the same process. Here the handle is left with only
 * that counter (no `PRAGMA data_version`, no PostgreSQL NOTIFY), so nothing else could tell the
 * cache that a page changed.
 */

const handle = database();
await handle.changes?.close();
handle.changes = watchChanges("sqlite", ":memory:");
const changes = handle.changes;

const seatsTaken = (html: string) => /(\d+) van (\d+) plaatsen ingenomen/.exec(html)?.[1];

describe("one data layer per process", () => {
  it("counts the app's own commits on the handle the page cache reads", async () => {
    const session = await createSession({ capacity: 10 });
    const page = `/sessies/${session.slug}`;
    expect(seatsTaken(await (await send(page)).text())).toBe("0");
    // Kept: the second visitor gets the same page without a render.
    const kept = await send(page);
    expect(seatsTaken(await kept.text())).toBe("0");

    const before = { commits: changes.commits, version: changes.version() };
    const { name, email } = person(1);
    const signUp = await send(page, { form: { name, email, consent: "on" } });
    expect(signUp.status).toBe(302);

    expect(changes.commits).toBeGreaterThan(before.commits);
    expect(changes.version()).toBeGreaterThan(before.version);
    // The very next visitor sees the seat taken: the cache's stamp moved with the commit.
    expect(seatsTaken(await (await send(page)).text())).toBe("1");
  });
});
