import { z } from "zod";
import { emailAddress } from "./email-field";
import { personSchema } from "./registration-form";
import { matchesEveryWord } from "./text";

/**
 * Checking in at the door, with or without a network (docs/architecture.md, "Check-in without
 * a network"). A phone keeps the session's door list and a queue of what was done at the door:
 * check-ins, undos and walk-ins, each with an id of its own. The queue goes to the server when
 * there is a connection; the server applies each id once and says which it applied, and the
 * phone forgets those. The shapes of both, and what the page shows of the list with the queue
 * on top, are here: the same on the server and in the browser.
 */

/** Operations one request carries: far below the body limit, even with long walk-in names. */
export const OPERATIONS_PER_REQUEST = 50;

/** The id a phone gives an operation: random, 16 bytes or more, base64url. */
const operationId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** A new operation id: 16 random bytes, base64url (crypto.getRandomValues works on plain http too). */
export function newOperationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** One person on the door list as the page gets it and the phone keeps it: a name and a state. */
export interface DoorPerson {
  /** The registration. */
  id: number;
  name: string;
  /** Shown to organisers; always null for a door volunteer. */
  organisation: string | null;
  present: boolean;
  /** Walked in: added at the door. */
  walkIn: boolean;
  /** SHA-256 (base64url) of the person's check-in codes, so a scanned QR code finds them offline. */
  codes: string[];
}

const doorPersonSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  organisation: z.string().nullable(),
  present: z.boolean(),
  walkIn: z.boolean(),
  codes: z.array(z.string()),
});

/** The list a phone keeps of one session: as the server last said it, and when. */
export interface StoredDoorList {
  /** The server's time of the list: the newer of the page's and the kept one wins. */
  savedAt: string;
  /** When the session ends: a kept list is forgotten some hours after. */
  endsAt: string;
  people: DoorPerson[];
}

export const storedDoorListSchema = z.object({
  savedAt: z.string(),
  endsAt: z.string(),
  people: z.array(doorPersonSchema),
});

/** The walk-in form: a name, and an address only if the person gives one. */
export const walkInSchema = z.object({
  /** The operation's id, made with the form: the same form posted twice adds one person. */
  operation: operationId,
  name: personSchema.shape.name,
  email: emailAddress("errors.email.invalid").optional(),
});

const instant = z.iso.datetime();
const registrationId = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const operationSchema = z.discriminatedUnion("kind", [
  z.object({ id: operationId, kind: z.literal("checkIn"), registrationId, at: instant }),
  z.object({ id: operationId, kind: z.literal("undo"), registrationId, at: instant }),
  z.object({
    id: operationId,
    kind: z.literal("walkIn"),
    name: personSchema.shape.name,
    email: emailAddress("errors.email.invalid").nullable(),
    at: instant,
  }),
]);

/** A check-in, an undo or a walk-in, as a phone queues it (`at`: the phone's clock). */
export type DoorOperation = z.output<typeof operationSchema>;

/** Reads a JSON text, or fails the field: what came is not JSON. */
const json = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "not JSON" });
    return z.NEVER;
  }
});

/**
 * What a phone posts: its queue (or the first part of it) as JSON, and its clock at sending, so
 * the server can tell how long ago each operation happened whatever the phone's clock says.
 */
export const doorQueueSchema = z.object({
  sentAt: instant,
  operations: json.pipe(z.array(operationSchema).min(1).max(OPERATIONS_PER_REQUEST)),
});

/** Why the server did not apply an operation; the phone drops it and says so. */
export type RefusalReason = "notFound" | "notConfirmed" | "sessionCancelled" | "idTaken";

/** The server's answer to a posted queue. */
export interface DoorQueueAnswer {
  /** Operations applied, now or before: the phone forgets them. */
  applied: string[];
  /** Operations that can never be applied: the phone forgets them too, and says which. */
  refused: { id: string; reason: RefusalReason }[];
  /** The door list as it is now. */
  list: StoredDoorList;
}

/** A row of the door list on the page: a person, with what the phone's queue changes. */
export interface ShownPerson {
  key: string;
  /** null for a walk-in that is still in the queue. */
  registrationId: number | null;
  name: string;
  organisation: string | null;
  present: boolean;
  walkIn: boolean;
  /** A change of this phone's that the server has not confirmed yet. */
  waiting: boolean;
}

/** The queued operation about this row, if any. */
function queuedFor(queue: DoorOperation[], person: ShownPerson): DoorOperation | undefined {
  return queue.find((operation) =>
    operation.kind === "walkIn"
      ? `walkIn:${operation.id}` === person.key
      : operation.registrationId === person.registrationId,
  );
}

/** The list as the page shows it: the kept list, the queue's changes on top, walk-ins after. */
export function withQueue(people: DoorPerson[], queue: DoorOperation[]): ShownPerson[] {
  const shown: ShownPerson[] = people.map((person) => ({
    key: String(person.id),
    registrationId: person.id,
    name: person.name,
    organisation: person.organisation,
    present: person.present,
    walkIn: person.walkIn,
    waiting: false,
  }));
  for (const operation of queue) {
    if (operation.kind === "walkIn") {
      shown.push({
        key: `walkIn:${operation.id}`,
        registrationId: null,
        name: operation.name,
        organisation: null,
        present: true,
        walkIn: true,
        waiting: true,
      });
      continue;
    }
    const person = shown.find((p) => p.registrationId === operation.registrationId);
    if (person) Object.assign(person, { present: operation.kind === "checkIn", waiting: true });
  }
  return shown;
}

/**
 * The queue after a tap on a row: a change still waiting is taken back (nothing needs to be
 * sent), anything else is queued as the opposite of what the row shows. So the queue holds at
 * most one operation per person.
 */
export function tapped(queue: DoorOperation[], person: ShownPerson, at: string): DoorOperation[] {
  const waiting = queuedFor(queue, person);
  if (waiting) return queue.filter((operation) => operation !== waiting);
  if (person.registrationId === null) return queue;
  return [
    ...queue,
    {
      id: newOperationId(),
      kind: person.present ? "undo" : "checkIn",
      registrationId: person.registrationId,
      at,
    },
  ];
}

/** The rows a search keeps: every word in the name (or the organisation, where shown). */
export function searched(people: ShownPerson[], search: string): ShownPerson[] {
  return people.filter((person) =>
    matchesEveryWord(`${person.name} ${person.organisation ?? ""}`, search),
  );
}

/** The person whose check-in code has this hash, for a QR code scanned without a network. */
export function scannedPerson(people: DoorPerson[], codeHash: string): DoorPerson | undefined {
  return people.find((person) => person.codes.includes(codeHash));
}
