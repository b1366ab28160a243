import type { ActionFunctionArgs } from "@remix-run/node";
import { type PasskeyAnswer, passkeyRegistrationSchema } from "~/lib/passkey-form";
import { deviceLabel } from "~/lib/user-agent";
import { addPasskey, passkeyRegistrationOptions } from "~/models/passkey.server";
import { requireOrganiser } from "~/web/auth.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { clientOf } from "~/web/rate-limits.server";

/**
 * Adding a passkey, for the button on the account page (app/web/passkey.client.ts): `options`
 * hands out a challenge for this organiser; `register` checks the new passkey made for it and
 * keeps it. Organisers and admins, signed in fully; door volunteers have no account page (403).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const organiser = await requireOrganiser(request);
  const answer = (body: PasskeyAnswer, status = 200) =>
    Response.json(body, { status, headers: PRIVATE_HEADERS });
  const parsed = passkeyRegistrationSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return answer({ error: "passkeys.errors.invalid" }, 400);
  if (parsed.data.intent === "options") {
    return answer({ options: await passkeyRegistrationOptions(organiser) });
  }
  const result = await addPasskey(organiser.id, parsed.data.response, {
    client: clientOf(context),
    device: deviceLabel(request.headers.get("User-Agent")),
  });
  if (result.ok) return answer({ added: result.name });
  return answer(
    { error: `passkeys.errors.${result.reason}` },
    result.reason === "tooMany" ? 409 : 400,
  );
}
