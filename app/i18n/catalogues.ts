/**
 * Every text the app shows or mails, per locale: one catalogue each, kept in a few files by part
 * of the product (the public pages and their mail, the organiser workspace, changed sessions,
 * exports, the audit log, personal data, calendars…). French and English have exactly the keys
 * of the Dutch: a missing or extra key fails the type check.
 */
import { enBE } from "./en-BE";
import { enBEAccess } from "./en-BE.access";
import { enBEAccounts } from "./en-BE.accounts";
import { enBEAfterSession } from "./en-BE.after-session";
import { enBEAudit } from "./en-BE.audit";
import { enBECalendar } from "./en-BE.calendar";
import { enBECertificate } from "./en-BE.certificate";
import { enBEDoor } from "./en-BE.door";
import { enBEEmbed } from "./en-BE.embed";
import { enBEExport } from "./en-BE.export";
import { enBEGdpr } from "./en-BE.gdpr";
import { enBEGroups } from "./en-BE.groups";
import { enBEInbound } from "./en-BE.inbound";
import { enBEMail } from "./en-BE.mail";
import { enBENotifications } from "./en-BE.notifications";
import { enBEOrganiser } from "./en-BE.organiser";
import { enBEOwnDetails } from "./en-BE.own-details";
import { enBEPrivacy } from "./en-BE.privacy";
import { enBEQuestions } from "./en-BE.questions";
import { enBEReminders } from "./en-BE.reminders";
import { enBEReport } from "./en-BE.report";
import { enBESecurity } from "./en-BE.security";
import { enBESessionForm } from "./en-BE.session-form";
import { frBE } from "./fr-BE";
import { frBEAccess } from "./fr-BE.access";
import { frBEAccounts } from "./fr-BE.accounts";
import { frBEAfterSession } from "./fr-BE.after-session";
import { frBEAudit } from "./fr-BE.audit";
import { frBECalendar } from "./fr-BE.calendar";
import { frBECertificate } from "./fr-BE.certificate";
import { frBEDoor } from "./fr-BE.door";
import { frBEEmbed } from "./fr-BE.embed";
import { frBEExport } from "./fr-BE.export";
import { frBEGdpr } from "./fr-BE.gdpr";
import { frBEGroups } from "./fr-BE.groups";
import { frBEInbound } from "./fr-BE.inbound";
import { frBEMail } from "./fr-BE.mail";
import { frBENotifications } from "./fr-BE.notifications";
import { frBEOrganiser } from "./fr-BE.organiser";
import { frBEOwnDetails } from "./fr-BE.own-details";
import { frBEPrivacy } from "./fr-BE.privacy";
import { frBEQuestions } from "./fr-BE.questions";
import { frBEReminders } from "./fr-BE.reminders";
import { frBEReport } from "./fr-BE.report";
import { frBESecurity } from "./fr-BE.security";
import { frBESessionForm } from "./fr-BE.session-form";
import { nlBE } from "./nl-BE";
import { nlBEAccess } from "./nl-BE.access";
import { nlBEAccounts } from "./nl-BE.accounts";
import { nlBEAfterSession } from "./nl-BE.after-session";
import { nlBEAudit } from "./nl-BE.audit";
import { nlBECalendar } from "./nl-BE.calendar";
import { nlBECertificate } from "./nl-BE.certificate";
import { nlBEDoor } from "./nl-BE.door";
import { nlBEEmbed } from "./nl-BE.embed";
import { nlBEExport } from "./nl-BE.export";
import { nlBEGdpr } from "./nl-BE.gdpr";
import { nlBEGroups } from "./nl-BE.groups";
import { nlBEInbound } from "./nl-BE.inbound";
import { nlBEMail } from "./nl-BE.mail";
import { nlBENotifications } from "./nl-BE.notifications";
import { nlBEOrganiser } from "./nl-BE.organiser";
import { nlBEOwnDetails } from "./nl-BE.own-details";
import { nlBEPrivacy } from "./nl-BE.privacy";
import { nlBEQuestions } from "./nl-BE.questions";
import { nlBEReminders } from "./nl-BE.reminders";
import { nlBEReport } from "./nl-BE.report";
import { nlBESecurity } from "./nl-BE.security";
import { nlBESessionForm } from "./nl-BE.session-form";

const nlBECatalogue = {
  ...nlBE,
  ...nlBEOrganiser,
  ...nlBESessionForm,
  ...nlBENotifications,
  ...nlBEExport,
  ...nlBEAudit,
  ...nlBEGdpr,
  ...nlBESecurity,
  ...nlBEPrivacy,
  ...nlBEMail,
  ...nlBECalendar,
  ...nlBEReminders,
  ...nlBEInbound,
  ...nlBEEmbed,
  ...nlBEAccess,
  ...nlBEQuestions,
  ...nlBEGroups,
  ...nlBEOwnDetails,
  ...nlBECertificate,
  ...nlBEAfterSession,
  ...nlBEDoor,
  ...nlBEAccounts,
  ...nlBEReport,
};
export type MessageKey = keyof typeof nlBECatalogue;

const frBECatalogue = {
  ...frBE,
  ...frBEOrganiser,
  ...frBESessionForm,
  ...frBENotifications,
  ...frBEExport,
  ...frBEAudit,
  ...frBEGdpr,
  ...frBESecurity,
  ...frBEPrivacy,
  ...frBEMail,
  ...frBECalendar,
  ...frBEReminders,
  ...frBEInbound,
  ...frBEEmbed,
  ...frBEAccess,
  ...frBEQuestions,
  ...frBEGroups,
  ...frBEOwnDetails,
  ...frBECertificate,
  ...frBEAfterSession,
  ...frBEDoor,
  ...frBEAccounts,
  ...frBEReport,
} satisfies Record<MessageKey, string>;

const enBECatalogue = {
  ...enBE,
  ...enBEOrganiser,
  ...enBESessionForm,
  ...enBENotifications,
  ...enBEExport,
  ...enBEAudit,
  ...enBEGdpr,
  ...enBESecurity,
  ...enBEPrivacy,
  ...enBEMail,
  ...enBECalendar,
  ...enBEReminders,
  ...enBEInbound,
  ...enBEEmbed,
  ...enBEAccess,
  ...enBEQuestions,
  ...enBEGroups,
  ...enBEOwnDetails,
  ...enBECertificate,
  ...enBEAfterSession,
  ...enBEDoor,
  ...enBEAccounts,
  ...enBEReport,
} satisfies Record<MessageKey, string>;

export const CATALOGUES = {
  "nl-BE": nlBECatalogue,
  "fr-BE": frBECatalogue,
  "en-BE": enBECatalogue,
} as const;
