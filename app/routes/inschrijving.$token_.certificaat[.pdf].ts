import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n";
import { certificateFileName, verificationUrl } from "~/lib/certificate";
import { renderCertificatePdf } from "~/lib/certificate-pdf.server";
import { config } from "~/lib/config.server";
import { certificateByManageToken } from "~/models/certificate.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { notFound } from "~/web/not-found.server";

/**
 * The certificate of attendance as a PDF, for whoever holds the manage link, in the
 * registration's language. A person who was not checked in, or whose session has not begun,
 * gets a 404 that says why; an erased registration answers 410, as its other links do.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await certificateByManageToken(params.token ?? "");
  if (found.state === "unknown") throw notFound(PRIVATE_HEADERS);
  if (found.state === "erased") {
    throw new Response("Gone", { status: 410, headers: PRIVATE_HEADERS });
  }
  if (found.state === "none") {
    throw new Response(`${i18n(found.locale).t("certificate.none")}\n`, {
      status: 404,
      headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const { facts, locale, code, sessionSlug } = found;
  const pdf = await renderCertificatePdf({
    ...facts,
    locale,
    verificationUrl: verificationUrl(config().publicUrl, locale, code),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${certificateFileName(i18n(locale), sessionSlug)}"`,
    },
  });
}
