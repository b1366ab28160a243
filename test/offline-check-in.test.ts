import { beforeAll, describe, expect, it } from "vitest";
import { type DoorOperation, type DoorQueueAnswer, newOperationId } from "../app/lib/door-check-in";
import { queueDueFollowUps } from "../app/models/after-session.server";
import { cancelRegistration, signUp } from "../app/models/registration.server";
import { getSessionById } from "../app/models/session.server";
import { database } from "../db/client";
import type { Registration } from "../db/schema";
import { createSession, person, registrationsOf, renderQueuedMail } from "./support/factories";
import { dataPath, send } from "./support/http";
import { signedInForCity, signedInOrganiser, TEST_PASSWORD } from "./support/organisers";
import { manageTokenOf } from "./support/tokens";

/**
 * Checking in at the door without a network, over HTTP against the built app: what a phone
 * queued reaches `/beheer/sessies/<id>/inchecken/wachtrij`, where each operation counts once
 * however often it is sent and by how many phones, walk-ins join the list without taking a
 * seat, and a door volunteer sends for their own session only and hears names and states only.
 */

const { db } = database();
const MINUTE = 60_000;
const HIDDEN = ["@example.org", "Bakkerij Offline"];

let organiserCookie = "";
let volunteerCookie = "";

interface Door {
  sessionId: number;
  /** The seated people, then the one waiting. */
  seated: Registration[];
  waiting: Registration;
}

/**
 * A session in the organiser's city, two seats taken and one person waiting, who signed up the
 * day before it began (its status set after).
 */
async function doorOf(
  cityId: number,
  { status, ...fields }: Parameters<typeof createSession>[0] = {},
) {
  const session = await createSession({ capacity: 2, city_id: cityId, ...fields });
  const signUpAt = new Date(Date.parse(session.starts_at) - 24 * 60 * MINUTE).toISOString();
  for (const n of [1, 2, 3]) {
    const result = await signUp(
      session.slug,
      person(n, {
        name: `Offline ${n} ${session.id}`,
        email: `offline-${n}-${session.id}@example.org`,
        organisation: "Bakkerij Offline",
      }),
      { locale: "nl-BE", now: signUpAt },
    );
    expect(result.ok).toBe(true);
  }
  if (status)
    await db.updateTable("sessions").set({ status }).where("id", "=", session.id).execute();
  const registrations = await registrationsOf(session.id);
  const waiting = registrations.find((r) => r.status === "waitlisted");
  if (!waiting) throw new Error("nobody is waiting");
  return {
    session,
    door: {
      sessionId: session.id,
      seated: registrations.filter((r) => r.status === "confirmed"),
      waiting,
    } satisfies Door,
  };
}

const checkIn = (registrationId: number, at = new Date().toISOString()): DoorOperation => ({
  id: newOperationId(),
  kind: "checkIn",
  registrationId,
  at,
});
const walkIn = (name: string, email: string | null = null): DoorOperation => ({
  id: newOperationId(),
  kind: "walkIn",
  name,
  email,
  at: new Date().toISOString(),
});

/** Posts a phone's queue as the check-in page does. */
function sendQueue(
  sessionId: number,
  operations: unknown,
  { cookie = organiserCookie, sentAt = new Date().toISOString() } = {},
) {
  return send(`/beheer/sessies/${sessionId}/inchecken/wachtrij`, {
    form: {
      sentAt,
      operations: typeof operations === "string" ? operations : JSON.stringify(operations),
    },
    cookie,
    headers: { Accept: "application/json" },
  });
}

async function answerOf(response: Response): Promise<DoorQueueAnswer> {
  expect(response.status).toBe(200);
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  return (await response.json()) as DoorQueueAnswer;
}

/** What a sending may change: the session's people, the operations kept, the log, the mail. */
async function snapshot(sessionId: number) {
  return {
    registrations: await registrationsOf(sessionId),
    operations: await db
      .selectFrom("check_in_operations")
      .selectAll()
      .where("session_id", "=", sessionId)
      .orderBy("id")
      .execute(),
    audit: await db.selectFrom("audit_log").select("id").orderBy("id").execute(),
    outbox: await db.selectFrom("outbox").select("id").orderBy("id").execute(),
  };
}

let cityId = 0;

beforeAll(async () => {
  const first = await createSession();
  cityId = first.city_id;
  organiserCookie = await signedInForCity(cityId);
});

describe("the queue a phone sends", () => {
  it("is applied once: the same queue sent again changes nothing", async () => {
    const { door } = await doorOf(cityId);
    const [jan] = door.seated;
    const queue = [
      checkIn(jan?.id ?? 0),
      walkIn("Walter Binnenloper"),
      walkIn("Wanda Deurganger", "wanda.deur@example.org"),
    ];
    const first = await answerOf(await sendQueue(door.sessionId, queue));
    expect(first.applied).toEqual(queue.map((operation) => operation.id));
    expect(first.refused).toEqual([]);
    const after = await snapshot(door.sessionId);

    const again = await answerOf(await sendQueue(door.sessionId, queue));
    expect(again.applied).toEqual(first.applied);
    expect(await snapshot(door.sessionId)).toEqual(after);

    const stored = await registrationsOf(door.sessionId);
    expect(stored.find((r) => r.id === jan?.id)?.checked_in_at).not.toBeNull();
    const walkIns = stored.filter((r) => r.source === "door");
    expect(walkIns.map((r) => [r.name, r.email, r.status, r.checked_in_at !== null])).toEqual([
      ["Walter Binnenloper", "", "confirmed", true],
      ["Wanda Deurganger", "wanda.deur@example.org", "confirmed", true],
    ]);
    // The answer's list is the door list now: the walk-ins on it, marked, present.
    expect(again.list.people.filter((p) => p.walkIn).map((p) => [p.name, p.present])).toEqual([
      ["Walter Binnenloper", true],
      ["Wanda Deurganger", true],
    ]);
  });

  it("checks in once a person two phones checked in, keeping the first moment", async () => {
    const { door } = await doorOf(cityId);
    const personId = door.seated[0]?.id ?? 0;
    const now = Date.now();
    // Phone A tapped ten minutes ago; phone B five minutes ago, but its clock is an hour fast.
    const phoneA = [checkIn(personId, new Date(now - 10 * MINUTE).toISOString())];
    const fast = now + 60 * MINUTE;
    const phoneB = [checkIn(personId, new Date(fast - 5 * MINUTE).toISOString())];
    await answerOf(
      await sendQueue(door.sessionId, phoneB, { sentAt: new Date(fast).toISOString() }),
    );
    const afterB = (await registrationsOf(door.sessionId)).find((r) => r.id === personId);
    expect(Date.parse(afterB?.checked_in_at ?? "")).toBeLessThan(now - 4 * MINUTE);
    expect(Date.parse(afterB?.checked_in_at ?? "")).toBeGreaterThan(now - 6 * MINUTE);

    await answerOf(await sendQueue(door.sessionId, phoneA));
    // Each phone sends its queue again, not knowing the other one was heard.
    await answerOf(
      await sendQueue(door.sessionId, phoneB, { sentAt: new Date(fast).toISOString() }),
    );
    const registrations = await registrationsOf(door.sessionId);
    const checkedIn = registrations.filter((r) => r.id === personId);
    expect(checkedIn).toHaveLength(1);
    const at = Date.parse(checkedIn[0]?.checked_in_at ?? "");
    expect(at).toBeLessThan(now - 9 * MINUTE);
    expect(at).toBeGreaterThan(now - 11 * MINUTE);
    expect(registrations.filter((r) => r.checked_in_at !== null)).toHaveLength(1);
  });

  it("takes back a check-in, and an undone walk-in leaves the list", async () => {
    const { door } = await doorOf(cityId);
    const personId = door.seated[0]?.id ?? 0;
    const walker = walkIn("Vergist Persoon");
    await answerOf(await sendQueue(door.sessionId, [checkIn(personId), walker]));
    const made = (await registrationsOf(door.sessionId)).find((r) => r.source === "door");
    const undo = (registrationId: number): DoorOperation => ({
      id: newOperationId(),
      kind: "undo",
      registrationId,
      at: new Date().toISOString(),
    });
    const answer = await answerOf(
      await sendQueue(door.sessionId, [undo(personId), undo(made?.id ?? 0)]),
    );
    const stored = await registrationsOf(door.sessionId);
    expect(stored.find((r) => r.id === personId)?.checked_in_at).toBeNull();
    expect(stored.find((r) => r.id === made?.id)).toMatchObject({
      status: "cancelled",
      checked_in_at: null,
    });
    expect(answer.list.people.map((p) => p.name)).not.toContain("Vergist Persoon");
  });
});

describe("walk-ins", () => {
  it("take no seat: the waiting list moves up as if they were not there", async () => {
    const { session, door } = await doorOf(cityId);
    await answerOf(
      await sendQueue(door.sessionId, [walkIn("Eerste Binnenloper"), walkIn("Tweede Binnenloper")]),
    );
    expect((await getSessionById(session.id))?.confirmedCount).toBe(2);
    // A seat given up goes to the one waiting, walk-ins or not.
    const cancelled = await cancelRegistration(await manageTokenOf(door.seated[0]?.id));
    expect(cancelled.ok).toBe(true);
    const waiting = (await registrationsOf(session.id)).find((r) => r.id === door.waiting.id);
    expect(waiting?.status).toBe("confirmed");
    // The attendee page counts them apart.
    const page = await send(`/beheer/sessies/${session.id}`, { cookie: organiserCookie });
    expect(await page.text()).toContain("Binnengelopen aan de deur");
  });

  it("get no mail without an address, and the thank-you after the session with one", async () => {
    const ended = new Date(Date.now() - 30 * MINUTE).toISOString();
    const { session, door } = await doorOf(cityId, {
      starts_at: new Date(Date.now() - 120 * MINUTE).toISOString(),
      ends_at: ended,
      follow_up_hours: 0,
      send_missed_you: 0,
    });
    const before = await snapshot(session.id);
    await answerOf(
      await sendQueue(door.sessionId, [
        walkIn("Zonder Adres"),
        walkIn("Met Adres", "met.adres@example.org"),
        // The one waiting, at the door: let in, checked in, no second registration.
        walkIn("Wachtende aan de deur", door.waiting.email),
      ]),
    );
    // Nothing is mailed at the door: they are there already.
    expect((await snapshot(session.id)).outbox).toEqual(before.outbox);
    const waiting = (await registrationsOf(session.id)).filter(
      (r) => r.email === door.waiting.email,
    );
    expect(waiting.map((r) => [r.id, r.status, r.source, r.checked_in_at !== null])).toEqual([
      [door.waiting.id, "confirmed", "door", true],
    ]);

    await queueDueFollowUps();
    await renderQueuedMail();
    const mails = await db
      .selectFrom("outbox")
      .innerJoin("registrations", "registrations.id", "outbox.registration_id")
      .select(["registrations.name", "outbox.kind", "outbox.to_email"])
      .where("registrations.session_id", "=", session.id)
      .where("registrations.source", "=", "door")
      .where("outbox.id", ">", before.outbox.at(-1)?.id ?? 0)
      .orderBy("registrations.name")
      .execute();
    expect(mails).toEqual([
      { name: "Met Adres", kind: "session.thankYou", to_email: "met.adres@example.org" },
      {
        name: door.waiting.name,
        kind: "session.thankYou",
        to_email: door.waiting.email,
      },
    ]);
  });

  it("may come without an address, any number of them; an address still has one registration", async () => {
    const { session } = await doorOf(cityId);
    await answerOf(await sendQueue(session.id, [walkIn("Naamloos Een"), walkIn("Naamloos Twee")]));
    const address = "dubbel.deur@example.org";
    await answerOf(await sendQueue(session.id, [walkIn("Dubbel Een", address)]));
    // The same address again is the same person, checked in: no second registration.
    await answerOf(await sendQueue(session.id, [walkIn("Dubbel Twee", address)]));
    const registrations = await registrationsOf(session.id);
    expect(registrations.filter((r) => r.email === "")).toHaveLength(2);
    expect(registrations.filter((r) => r.email === address).map((r) => r.name)).toEqual([
      "Dubbel Een",
    ]);
  });

  it("are added by the page's form without JavaScript, once for one form", async () => {
    const { session } = await doorOf(cityId);
    const form = {
      intent: "walkIn",
      operation: newOperationId(),
      name: "Zonder Script",
      email: "",
    };
    const path = `/beheer/sessies/${session.id}/inchecken`;
    const first = await send(path, { form, cookie: organiserCookie });
    expect(first.status).toBe(302);
    const again = await send(path, { form, cookie: organiserCookie });
    expect(again.status).toBe(302);
    const added = (await registrationsOf(session.id)).filter((r) => r.name === "Zonder Script");
    expect(added.map((r) => [r.source, r.checked_in_at !== null])).toEqual([["door", true]]);
    const nameless = await send(path, {
      form: { ...form, operation: newOperationId(), name: "" },
      cookie: organiserCookie,
    });
    expect(nameless.status).toBe(400);
  });
});

describe("what the server refuses", () => {
  it("refuses what is no queue with 400, storing nothing, good operations beside it included", async () => {
    const { door } = await doorOf(cityId);
    const personId = door.seated[0]?.id ?? 0;
    const good = checkIn(personId);
    const before = await snapshot(door.sessionId);
    const bad: unknown[] = [
      "geen json",
      "[]",
      JSON.stringify({ operations: [good] }),
      [good, { ...good, id: newOperationId(), kind: "teleport" }],
      [good, { ...walkIn("x"), name: "" }],
      [good, { ...walkIn("Slecht Adres"), email: "geen-adres" }],
      [good, { ...good, id: "kort" }],
      [good, { ...good, id: newOperationId(), registrationId: String(personId) }],
      [good, { ...good, id: newOperationId(), at: "gisteren" }],
      Array.from({ length: 51 }, () => checkIn(personId)),
    ];
    for (const operations of bad) {
      const response = await sendQueue(door.sessionId, operations);
      expect(response.status, JSON.stringify(operations).slice(0, 80)).toBe(400);
    }
    const noClock = await send(`/beheer/sessies/${door.sessionId}/inchecken/wachtrij`, {
      form: { operations: JSON.stringify([good]) },
      cookie: organiserCookie,
    });
    expect(noClock.status).toBe(400);
    expect(await snapshot(door.sessionId)).toEqual(before);
  });

  it("refuses another session's registration and someone without a seat, and applies the rest", async () => {
    const { door } = await doorOf(cityId);
    const { door: other } = await doorOf(cityId);
    const foreign = checkIn(other.seated[0]?.id ?? 0);
    const waiting = checkIn(door.waiting.id);
    const fine = checkIn(door.seated[0]?.id ?? 0);
    const answer = await answerOf(await sendQueue(door.sessionId, [foreign, waiting, fine]));
    expect(answer.applied).toEqual([fine.id]);
    expect(answer.refused).toEqual([
      { id: foreign.id, reason: "notFound" },
      { id: waiting.id, reason: "notConfirmed" },
    ]);
    expect((await registrationsOf(other.sessionId)).every((r) => r.checked_in_at === null)).toBe(
      true,
    );
    // An id applied at one session is not another's to reuse.
    const reused = await answerOf(await sendQueue(other.sessionId, [fine]));
    expect(reused.refused).toEqual([{ id: fine.id, reason: "idTaken" }]);
  });

  it("refuses walk-ins at a cancelled session", async () => {
    const { door } = await doorOf(cityId, { status: "cancelled" });
    const walker = walkIn("Te Laat");
    const answer = await answerOf(await sendQueue(door.sessionId, [walker]));
    expect(answer.refused).toEqual([{ id: walker.id, reason: "sessionCancelled" }]);
  });

  it("keeps the guards of every post: signed in, same origin, a form", async () => {
    const { door } = await doorOf(cityId);
    const body = { sentAt: new Date().toISOString(), operations: JSON.stringify([checkIn(1)]) };
    const path = `/beheer/sessies/${door.sessionId}/inchecken/wachtrij`;
    const anonymous = await send(path, { form: body });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/beheer\/inloggen\?terug=/);
    const elsewhere = await send(path, {
      form: body,
      cookie: organiserCookie,
      headers: { Origin: "https://kwaadaardig.example" },
    });
    expect(elsewhere.status).toBe(403);
    const asJson = await send(path, {
      method: "POST",
      cookie: organiserCookie,
      headers: { "Content-Type": "application/json" },
    });
    expect(asJson.status).toBe(415);
    const foreignOrganiser = await signedInForCity((await createSession()).city_id);
    expect(
      (await sendQueue(door.sessionId, [checkIn(1)], { cookie: foreignOrganiser })).status,
    ).toBe(404);
  });
});

describe("a door volunteer", () => {
  let door: Door;
  let otherSessionId = 0;

  beforeAll(async () => {
    ({ door } = await doorOf(cityId));
    ({
      door: { sessionId: otherSessionId },
    } = await doorOf(cityId));
    const inviter = await db
      .selectFrom("organisers")
      .select("id")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    ({ cookie: volunteerCookie } = await signedInOrganiser({
      email: `deur-offline-${process.pid}@fixture.test`,
      name: "Deur Offline",
      password: TEST_PASSWORD,
      role: "door",
      door: { sessionId: door.sessionId, wholeDay: false, invitedBy: inviter.id },
    }));
  });

  it("sends for their session and hears names and states only", async () => {
    const response = await sendQueue(
      door.sessionId,
      [checkIn(door.seated[0]?.id ?? 0), walkIn("Vrijwillig Binnen", "vrijwillig@example.org")],
      { cookie: volunteerCookie },
    );
    const text = await response.clone().text();
    const answer = await answerOf(response);
    expect(answer.applied).toHaveLength(2);
    for (const hidden of HIDDEN) expect(text).not.toContain(hidden);
    expect(answer.list.people.every((p) => p.organisation === null)).toBe(true);
    expect(Object.keys(answer.list.people[0] ?? {}).sort()).toEqual(
      ["codes", "id", "name", "organisation", "present", "walkIn"].sort(),
    );
  });

  it("cannot send for another session", async () => {
    const before = await snapshot(otherSessionId);
    const response = await sendQueue(otherSessionId, [walkIn("Verkeerde Deur")], {
      cookie: volunteerCookie,
    });
    expect(response.status).toBe(404);
    expect(await snapshot(otherSessionId)).toEqual(before);
  });

  it("gets the check-in page with the hashes of the QR codes, and no more than names", async () => {
    const page = await send(`/beheer/sessies/${door.sessionId}/inchecken`, {
      cookie: volunteerCookie,
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const hidden of HIDDEN) expect(html).not.toContain(hidden);
    const hash = await db
      .selectFrom("registration_tokens")
      .select("token_hash")
      .where("registration_id", "=", door.seated[1]?.id ?? 0)
      .where("purpose", "=", "checkin")
      .executeTakeFirstOrThrow();
    expect(html).toContain(hash.token_hash);
  });
});

describe("the service worker", () => {
  it("is served at the root with a policy that lets it fetch from this site only", async () => {
    const response = await send("/inchecken-offline.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("Content-Security-Policy")).toBe(
      "default-src 'none'; connect-src 'self'; frame-ancestors 'none'",
    );
    expect(response.headers.get("Cache-Control")).toBe("no-cache");
    const script = await response.text();
    // The function's own text, called with the worker's scope: nothing it needs is outside it.
    expect(script).toMatch(/^"use strict";\n\(function checkInWorker\(scope\) \{/);
    expect(script.trimEnd()).toMatch(/\}\)\(self\);$/);
    expect(() => new Function(script)).not.toThrow();
  });
});

describe("signing out", () => {
  it("empties what the site kept on the device: lists, copies, queue and worker", async () => {
    for (const path of ["/beheer/afmelden", dataPath("/beheer/afmelden")]) {
      const cookie = await signedInForCity(cityId);
      const response = await send(path, { form: {}, cookie });
      expect(response.headers.get("Clear-Site-Data"), path).toBe('"cache", "storage"');
    }
  });
});
