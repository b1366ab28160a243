import type { nlBECertificate } from "./nl-BE.certificate";

/** English: the certificate of attendance and its verification page. */
export const enBECertificate = {
  "certificate.issuer": "City of {city}",
  "certificate.heading": "Certificate of attendance",
  "certificate.confirms": "The City of {city} confirms that",
  "certificate.attended": "attended the session",
  "certificate.date": "Date",
  "certificate.duration": "Duration",
  "certificate.partners": "Partners",
  "certificate.hours": "{hours, plural, one {# hour} other {# hours}}",
  "certificate.minutes": "{minutes, plural, one {# minute} other {# minutes}}",
  "certificate.verifyAt": "Check that it is genuine: scan the QR code or go to",
  "certificate.fileName": "certificate",
  "certificate.documentTitle": "Certificate of attendance: {title}",
  "certificate.none":
    "There is no certificate of attendance for this registration: there is one only once you were checked in at the session and the session has begun.",

  "certificate.manage.title": "Certificate of attendance",
  "certificate.manage.body":
    "You were there. Your certificate of attendance gives your name, the session, the date, the duration and the partners, with an address where anyone can check that it is genuine.",
  "certificate.manage.download": "Download the certificate (PDF)",

  "certificate.verify.title": "Check a certificate of attendance",
  "certificate.verify.genuine": "Genuine",
  "certificate.verify.genuineBody":
    "The City of {city} issued this certificate. This is what our records say: check that the certificate you were given says the same.",
  "certificate.verify.name": "Name",
  "certificate.verify.session": "Session",
  "certificate.verify.city": "Issued by",
  "certificate.verify.unknown": "Not genuine or unknown",
  "certificate.verify.unknownBody":
    "We issued no certificate with this code. Check that you copied the address completely and correctly; if you did, the certificate is not genuine.",
  "certificate.verify.erased": "Can no longer be verified",
  "certificate.verify.erasedBody":
    "This certificate can no longer be verified: the attendee's data have been erased since.",
} satisfies Record<keyof typeof nlBECertificate, string>;
