import type { LoaderFunctionArgs } from "@remix-run/node";
import { registrationDataByToken } from "~/models/subject-access.server";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

/** Everything kept about this registration, as a JSON file for its owner (the manage link). */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const found = await registrationDataByToken(token);
  if (found.state === "unknown") throw new Response("Not Found", { status: 404, headers: PRIVATE });
  if (found.state === "erased") throw new Response("Gone", { status: 410, headers: PRIVATE });
  return new Response(`${JSON.stringify(found.data, null, 2)}\n`, {
    headers: {
      ...PRIVATE,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mijn-inschrijving.json"',
    },
  });
}
