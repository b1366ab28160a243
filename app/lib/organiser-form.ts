import { z } from "zod";
import type { Locale } from "~/i18n";
import { emailAddress } from "./email-field";
import { LOCALES_IN_ORDER } from "./locale-path";
import { requiredLine } from "./text";

/** A row id as a form sends it: a positive whole number a database column can hold. */
export const rowId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const isRowId = (value: string) => /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2 ** 31 - 1;

/** Ticked cities or partners; one the page could not have offered is said of the whole list. */
const scopeIds = z
  .array(z.string(), { error: "organisers.errors.unknownScope" })
  .max(50, "organisers.errors.unknownScope")
  .default([])
  .transform((values, context) => {
    if (values.every(isRowId)) return values.map(Number);
    context.addIssue({ code: "custom", message: "organisers.errors.unknownScope" });
    return z.NEVER;
  });

/**
 * An admin invites an organiser: who, as what, and (for an organiser) the cities and partners
 * whose sessions they see. Messages are catalogue keys, see forms.ts.
 */
export const invitationSchema = z
  .object({
    name: requiredLine({
      max: 120,
      required: "organisers.errors.name",
      tooLong: "organisers.errors.nameTooLong",
    }),
    email: emailAddress("organisers.errors.email"),
    role: z.enum(["admin", "organiser"], { error: "organisers.errors.role" }).default("organiser"),
    cityIds: scopeIds,
    partnerIds: scopeIds,
    /** The language of the invitation and of the new organiser's workspace; else the page's. */
    locale: z
      .enum(LOCALES_IN_ORDER as [Locale, ...Locale[]], { error: "organisers.errors.language" })
      .optional(),
  })
  .superRefine(({ role, cityIds, partnerIds }, context) => {
    if (role === "organiser" && cityIds.length + partnerIds.length === 0) {
      context.addIssue({ code: "custom", path: ["cityIds"], message: "organisers.errors.noScope" });
    }
  });

/** Removing an account, letting it sign in again, or resetting its second step: which one. */
export const accountActionSchema = z.object({
  intent: z.enum(["remove", "unlock", "resetTwoStep"]),
  organiserId: rowId,
});
