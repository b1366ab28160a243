import { config } from "../lib/config.server";
import type { RegisterSettings } from "../lib/processing-register";
import { sessionFormOptions } from "../models/session.server";

/**
 * What the privacy statement and the admins' register of processing show beside the register
 * itself: who answers for the data, and the settings and partners the register speaks of.
 */
export async function processingRegisterData() {
  const settings = config();
  // Every partner any session may name: the same list the session form offers admins.
  const { partners } = await sessionFormOptions({ all: true });
  return {
    controller: settings.PRIVACY_CONTROLLER,
    contact: settings.PRIVACY_CONTACT,
    dpo: settings.PRIVACY_DPO,
    register: {
      retentionMonths: settings.RETENTION_MONTHS,
      outboxKeepDays: settings.OUTBOX_KEEP_DAYS,
      pseudonymMonths: settings.PSEUDONYM_MONTHS,
      // Partners that share a name are named once.
      partners: [...new Set(partners.map((partner) => partner.name))],
    } satisfies RegisterSettings,
  };
}
