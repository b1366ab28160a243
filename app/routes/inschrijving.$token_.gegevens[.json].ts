import type { LoaderFunctionArgs } from "@remix-run/node";
import { registrationDataByToken } from "~/models/subject-access.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { notFound } from "~/web/not-found.server";

/** Everything kept about this registration, as a JSON file for its owner (the manage link). */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const found = await registrationDataByToken(token);
  if (found.state === "unknown") throw notFound(PRIVATE_HEADERS);
  if (found.state === "erased")
    throw new Response("Gone", { status: 410, headers: PRIVATE_HEADERS });
  return new Response(`${JSON.stringify(found.data, null, 2)}\n`, {
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mijn-inschrijving.json"',
    },
  });
}
