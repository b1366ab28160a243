import QRCode from "qrcode";
import type { Enrolment } from "../models/two-step.server";

/** A secret being set up, as the page shows it: a QR code to scan, and the key to type. */
export interface EnrolmentView {
  /** The otpauth:// address as a PNG, inline (the page's policy allows data: images). */
  qr: string;
  /** The base-32 key in groups of four, as authenticator apps ask for it to be typed. */
  secret: string;
}

export async function enrolmentView(enrolment: Enrolment): Promise<EnrolmentView> {
  const qr = await QRCode.toDataURL(enrolment.uri, {
    errorCorrectionLevel: "M",
    margin: 2,
    width: 220,
  });
  return { qr, secret: enrolment.secret.match(/.{1,4}/g)?.join(" ") ?? enrolment.secret };
}
