import { Agent, request } from "node:http";
import { describe, expect, it } from "vitest";
import { appUrl, newClient } from "./support/http";

/**
 * In a rush the server keeps answering the connections it has open, and Node accepts one new
 * connection per turn of its event loop. Without turns (server/turns.ts), each turn answered a
 * request from every open connection, so forty visitors arriving together waited for hundreds
 * of answers to others: the first sign-up of a new connection waited for the whole rush.
 * Measured in answers given to others meanwhile, not in time.
 */
describe("a rush", () => {
  /** An answer made for every request (never kept), as a load balancer's check asks it. */
  const PAGE = "/healthz";
  const BUSY = 40;
  const ARRIVING = 40;

  function get(base: string, agent: Agent): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${base}${PAGE}`,
        { agent, headers: { "X-Forwarded-For": newClient() } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end();
    });
  }

  it("answers people on new connections in turn with those already connected", async () => {
    const base = await appUrl();
    let answered = 0;
    let stopping = false;
    const connected = Array.from(
      { length: BUSY },
      () => new Agent({ keepAlive: true, maxSockets: 1 }),
    );
    let warm: () => void = () => {};
    const allWarm = new Promise<void>((resolve) => {
      warm = resolve;
    });
    let warmed = 0;
    // Forty visitors who keep asking, each on the connection they opened.
    const busy = connected.map(async (agent) => {
      let first = true;
      while (!stopping) {
        expect(await get(base, agent)).toBe(200);
        answered++;
        if (first && ++warmed === BUSY) warm();
        first = false;
      }
    });
    await allWarm;

    // Forty more arrive at once, each on a connection of their own.
    const arriving = new Agent({ keepAlive: false, maxSockets: ARRIVING });
    const waitedFor = await Promise.all(
      Array.from({ length: ARRIVING }, async () => {
        const before = answered;
        expect(await get(base, arriving)).toBe(200);
        return answered - before;
      }),
    );
    stopping = true;
    await Promise.all(busy);
    for (const agent of [...connected, arriving]) agent.destroy();

    // In turn, nobody waits for more than everybody else once or twice.
    expect(Math.max(...waitedFor)).toBeLessThanOrEqual(2 * (BUSY + ARRIVING));
  });
});
