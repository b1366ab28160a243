import type { LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/lib/config.server";
import { openApiDocument } from "~/lib/openapi";
import { apiAction, apiAnswer, apiPreflight, enforceApiLimit } from "~/web/api.server";

/** `GET /api/openapi.json`: the OpenAPI 3.1 description of the public API, in its budget. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const preflight = apiPreflight(request);
  if (preflight) return preflight;
  await enforceApiLimit(context);
  return apiAnswer(request, openApiDocument(config().publicUrl), { maxAge: 3600 });
}

export const action = apiAction;
