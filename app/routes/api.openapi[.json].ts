import type { LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/lib/config.server";
import { openApiDocument } from "~/lib/openapi";
import { apiAction, apiAnswer, apiPreflight } from "~/web/api.server";

/** `GET /api/openapi.json`: the OpenAPI 3.1 description of the public API. */
export function loader({ request }: LoaderFunctionArgs) {
  return (
    apiPreflight(request) ??
    apiAnswer(request, openApiDocument(config().publicUrl), { maxAge: 3600 })
  );
}

export const action = apiAction;
