import { z } from "zod";
import { singleDomainName } from "./email-domains";
import { rowId } from "./organiser-form";

/**
 * The admins' form that lets a mail domain join through the city's accounts: the domain, and
 * the one city or partner whose sessions its people see ("city:3", "partner:5": one list).
 * Messages are catalogue keys, see forms.ts.
 */
export const signInDomainSchema = z.object({
  domain: singleDomainName({
    required: "signInDomains.errors.required",
    withAt: "signInDomains.errors.withAt",
    invalid: "signInDomains.errors.invalid",
  }),
  scope: z
    .string({ error: "signInDomains.errors.scope" })
    .regex(/^(?:city|partner):[1-9]\d{0,9}$/, "signInDomains.errors.scope")
    .transform((value) => {
      const [kind, id] = value.split(":");
      return { kind: kind === "city" ? ("city" as const) : ("partner" as const), id: Number(id) };
    })
    .refine(({ id }) => id <= 2 ** 31 - 1, "signInDomains.errors.scope"),
});

/** Removing an allowed domain: which row. */
export const removeSignInDomainSchema = z.object({
  intent: z.literal("remove"),
  domainId: rowId,
});
