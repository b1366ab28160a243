import type { LoaderFunctionArgs } from "@remix-run/node";
import QRCode from "qrcode";
import { config } from "~/lib/config.server";
import { checkinCodeExists } from "~/models/registration.server";
import { notFound } from "~/web/not-found.server";

/**
 * The QR code in a confirmation mail, served as an image (an attachment beside an invite can
 * blank the mail in some clients). It holds `/inchecken/<code>`, which opens the person's
 * check-in for a signed-in organiser, in the organiser's language (`inchecken.$code.ts`).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  if (!(await checkinCodeExists(code))) throw notFound();
  const png = await QRCode.toBuffer(`${config().publicUrl}/inchecken/${code}`, {
    type: "png",
    width: 240,
    margin: 2,
    errorCorrectionLevel: "M",
  });
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Cache-Control": "private, max-age=86400",
      "X-Robots-Tag": "noindex",
    },
  });
}
