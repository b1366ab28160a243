import type { nlBEExport } from "./nl-BE.export";

/** English (Belgium): the export part of the catalogue. ICU message syntax, as in nl-BE.ts. */
export const enBEExport = {
  "export.column.session": "Session",
  "export.column.date": "Date",
  "export.column.start": "Start",
  "export.column.end": "End",
  "export.column.city": "City",
  "export.column.venue": "Venue",
  "export.column.name": "Name",
  "export.column.email": "Email",
  "export.column.organisation": "Organisation",
  "export.column.enterpriseNumber": "Enterprise number (KBO/BCE)",
  "export.column.status": "Status",
  "export.column.registeredAt": "Signed up on",
  "export.column.checkedIn": "Present",
  "export.column.source": "Source",

  "export.status.confirmed": "Signed up",
  "export.status.waitlisted": "Waiting list",
  "export.checkedIn.yes": "yes",
  "export.source.organiser": "organiser",
  "export.source.public": "website",
  "export.source.door": "walk-in at the door",

  "export.sheetName": "Attendees",
  // File names are cleaned to plain ASCII after translation, so keep these short and simple.
  "export.fileName.prefix": "attendees",
  "export.fileName.allCities": "all-cities",

  "export.error.format": "Unknown export format. Choose CSV (semicolon), CSV (comma) or Excel.",
  "export.error.choose": "Choose one session, or a period with a start date and an end date.",
  "export.error.cityId": "This isn’t a valid city number.",
  "export.error.from": "The start date isn’t a valid date. Use the format YYYY-MM-DD.",
  "export.error.to": "The end date isn’t a valid date. Use the format YYYY-MM-DD.",
  "export.error.range": "The start date must be on or before the end date.",
  "export.error.sessionNotFound":
    "This session doesn’t exist, or you’re not allowed to see its attendees.",
  "export.error.cityNotFound": "This city doesn’t exist.",
} satisfies Record<keyof typeof nlBEExport, string>;
