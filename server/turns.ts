import type { RequestHandler } from "express";

/**
 * Requests start in the order they arrived, one per turn of the event loop while others wait.
 *
 * Node accepts one new connection per turn of its event loop (libuv 1.45 and later), and a turn
 * reads every connection that has a request ready and runs each of those requests as far as it
 * goes: with better-sqlite3 a sign-up runs from its form to its answer without yielding. In a
 * rush, one turn then serves a request from every connection already open (a second and more
 * with 200 of them), and a visitor whose connection is new waits a turn per connection ahead of
 * it in the kernel's queue: the first sign-up of a new connection waited for the whole rush.
 *
 * Here a request that arrives while another has started in the same turn waits its turn, first
 * come, first started. Turns stay as long as one request, so new connections are accepted as
 * fast as requests are answered and everybody waits about as long. An idle server starts a
 * request at once. The queue holds at most one request per open connection (no pipelining), so
 * it needs no bound of its own.
 */
export function takeTurns(): RequestHandler {
  const waiting: (() => void)[] = [];
  let startedThisTurn = false;

  const nextTurn = () => {
    startedThisTurn = false;
    const next = waiting.shift();
    if (next) start(next);
  };
  const start = (next: () => void) => {
    startedThisTurn = true;
    setImmediate(nextTurn);
    next();
  };

  return (_req, _res, next) => {
    if (startedThisTurn || waiting.length > 0) waiting.push(next);
    else start(next);
  };
}
