import { checkHealth } from "~/models/health.server";

/**
 * For load balancers and monitors: 200 while this instance can serve, 503 when its database
 * does not answer or lacks a migration. The outbox figures are for a monitor to alert on; a
 * backlog does not make the instance unhealthy. See docs/operations.md.
 */
export async function loader() {
  const { ok, ...health } = await checkHealth();
  return Response.json(
    { status: ok ? "ok" : "unavailable", ...health },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
