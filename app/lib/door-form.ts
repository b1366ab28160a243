import { z } from "zod";
import { emailAddress } from "./email-field";
import { requiredLine } from "./text";

/**
 * An organiser invites a door volunteer: who, and whether for this session or every session of
 * its day. Messages are catalogue keys, see forms.ts.
 */
export const doorInvitationSchema = z.object({
  intent: z.literal("invite"),
  name: requiredLine({
    max: 120,
    required: "door.errors.name",
    tooLong: "door.errors.nameTooLong",
  }),
  email: emailAddress("door.errors.email"),
  reach: z.enum(["session", "day"], { error: "door.errors.reach" }).default("session"),
});

/** Ending a door volunteer's access early: whose. */
export const endDoorAccessSchema = z.object({
  intent: z.literal("end"),
  volunteerId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
