/**
 * Mail as calendars send it back to an invite's ORGANIZER, for the tests of inbound mail.
 * `outlookReply` follows what Outlook (Microsoft 365) writes when someone presses Accept,
 * Tentative or Decline: multipart/alternative with a text, an HTML and a
 * `text/calendar; method=REPLY` part (base64), an Exchange VTIMEZONE, X-MICROSOFT-CDO-* lines
 * and lines folded at 75 octets.
 */

export interface ReplyInput {
  /** The From header's address (the sender). */
  from: string;
  fromName?: string;
  /** The one ATTENDEE the reply is about; `from` unless given. */
  attendee?: string;
  uid: string;
  sequence: number;
  partstat?: "ACCEPTED" | "TENTATIVE" | "DECLINED";
  method?: "REPLY" | "REFRESH" | "COUNTER";
  organizer?: string;
  /** Anything to tell two otherwise equal mails apart (the Message-ID). */
  id?: string;
}

/** RFC 5545 §3.1: lines longer than 75 octets go on in lines that start with a space. */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (rest.length > 75) {
    out.push(rest.slice(0, out.length === 0 ? 75 : 74));
    rest = rest.slice(out.length === 1 ? 75 : 74);
  }
  out.push(rest);
  return out.join("\r\n ");
}

const base64Lines = (text: string) =>
  (
    Buffer.from(text, "utf8")
      .toString("base64")
      .match(/.{1,76}/g) ?? []
  ).join("\r\n");

function outlookCalendar({
  from,
  fromName = "Jan Peeters",
  attendee = from,
  uid,
  sequence,
  partstat = "DECLINED",
  method = "REPLY",
  organizer = "agenda@leuven.test",
}: ReplyInput): string {
  const verb = { ACCEPTED: "Geaccepteerd", TENTATIVE: "Voorlopig", DECLINED: "Geweigerd" }[
    partstat
  ];
  const lines = [
    "BEGIN:VCALENDAR",
    `METHOD:${method}`,
    "PRODID:Microsoft Exchange Server 2010",
    "VERSION:2.0",
    "BEGIN:VTIMEZONE",
    "TZID:Romance Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    `ATTENDEE;PARTSTAT=${partstat};CN=${fromName}:mailto:${attendee}`,
    "COMMENT;LANGUAGE=nl-BE:\\n",
    `SUMMARY;LANGUAGE=nl-BE:${verb}: Ontbijtsessie: subsidies voor je zaak (Stadhuis Leuven)`,
    "DTSTART;TZID=Romance Standard Time:20261203T073000",
    "DTEND;TZID=Romance Standard Time:20261203T090000",
    `UID:${uid}`,
    `ORGANIZER;CN="Ondernemersagenda Leuven":mailto:${organizer}`,
    "CLASS:PUBLIC",
    "PRIORITY:5",
    "DTSTAMP:20261126T101200Z",
    "TRANSP:OPAQUE",
    "STATUS:CONFIRMED",
    `SEQUENCE:${sequence}`,
    "LOCATION;LANGUAGE=nl-BE:Stadhuis Leuven\\, Grote Markt 9\\, 3000 Leuven",
    `X-MICROSOFT-CDO-APPT-SEQUENCE:${sequence}`,
    "X-MICROSOFT-CDO-OWNERAPPTID:-1",
    "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
    "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
    "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
    "X-MICROSOFT-CDO-IMPORTANCE:1",
    "X-MICROSOFT-CDO-INSTTYPE:0",
    "X-MICROSOFT-DONOTFORWARDMEETING:FALSE",
    "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
    "X-MICROSOFT-REQUESTEDATTENDANCEMODE:DEFAULT",
    "X-MICROSOFT-ISRESPONSE:TRUE",
    'X-MICROSOFT-LOCATIONS:[{"DisplayName":"Stadhuis Leuven\\, Grote Markt 9\\, 3000 Leuven","LocationAnnotation":"","LocationSource":0,"Unresolved":true}]',
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

/** The whole message, as Outlook sends it to the ORGANIZER address. */
export function outlookReply(input: ReplyInput): string {
  const { from, fromName = "Jan Peeters", organizer = "agenda@leuven.test", id = "1" } = input;
  const partstat = input.partstat ?? "DECLINED";
  const verb = { ACCEPTED: "Geaccepteerd", TENTATIVE: "Voorlopig", DECLINED: "Geweigerd" }[
    partstat
  ];
  const boundary = "_000_AM0PR03MB6324D1E2B1A0C9F3E5A7B8C9AM0PR03MB6324eurp_";
  const method = input.method ?? "REPLY";
  return [
    `From: ${fromName} <${from}>`,
    `To: "Ondernemersagenda Leuven" <${organizer}>`,
    `Subject: ${verb}: Ontbijtsessie: subsidies voor je zaak`,
    "Thread-Topic: Ontbijtsessie: subsidies voor je zaak",
    "Thread-Index: AdtA1b2c3d4e5f6g7h8i9j0kLmNoPq==",
    "Date: Thu, 26 Nov 2026 10:12:00 +0000",
    `Message-ID: <AM0PR03MB6324${id}D1E2B1A0C9F3E5A7@AM0PR03MB6324.eurprd03.prod.outlook.com>`,
    "Accept-Language: nl-BE, en-US",
    "Content-Language: nl-BE",
    "X-MS-Has-Attach:",
    "X-MS-TNEF-Correlator:",
    "X-MS-Exchange-Organization-SCL: -1",
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    'Content-Type: text/plain; charset="us-ascii"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "",
    `--${boundary}`,
    'Content-Type: text/html; charset="us-ascii"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    '<html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Dus-ascii"></head>',
    "<body></body></html>",
    "",
    `--${boundary}`,
    `Content-Type: text/calendar; charset="utf-8"; method=${method}`,
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(outlookCalendar(input)),
    "",
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

/** A mail with no calendar in it at all: an out-of-office answer, say. */
export function plainMail(from: string): string {
  return [
    `From: <${from}>`,
    "To: <agenda@leuven.test>",
    "Subject: Afwezig: Ontbijtsessie",
    "Date: Thu, 26 Nov 2026 10:12:00 +0000",
    "Message-ID: <afwezig-1@example.org>",
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="utf-8"',
    "",
    "Ik ben afwezig tot maandag.",
    "",
  ].join("\r\n");
}

/**
 * A reply whose calendar travels only as an .ics attachment without a `method=` parameter
 * (as some clients send it): the METHOD line inside is what counts.
 */
export function attachmentOnlyReply(input: ReplyInput): string {
  const boundary = "Apple-Mail=_3C1E0F2A-5B7D-4E8F-9A1B-2C3D4E5F6A7B";
  return [
    `From: ${input.fromName ?? "Jan Peeters"} <${input.from}>`,
    `To: <${input.organizer ?? "agenda@leuven.test"}>`,
    "Subject: Uitnodiging geaccepteerd",
    "Date: Thu, 26 Nov 2026 10:12:00 +0100",
    `Message-ID: <apple-${input.id ?? "1"}@example.org>`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Geaccepteerd.",
    `--${boundary}`,
    'Content-Type: application/ics; name="iCal-20261126-101200.ics"',
    'Content-Disposition: attachment; filename="iCal-20261126-101200.ics"',
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(outlookCalendar(input)),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}
