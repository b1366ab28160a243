import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { dietaryQuestion } from "../app/lib/questions";
import { signUp } from "../app/models/registration.server";
import { database } from "../db/client";
import { isCleanUrl } from "../server/edge";
import {
  type Answer,
  delivery,
  type Expected,
  expectAnswered,
  expectUnchangedWhenRefused,
  formOf,
  getPage,
  hostile,
  hostileInUrl,
  hostileNumber,
  malformedBody,
  mostly,
  percentEncode,
  post,
  RUNS,
  rawPost,
  stored,
  t,
  visibleText,
} from "./forms-http.shared";
import { addQuestions, createSession, person, question } from "./support/factories";
import { newClient, send } from "./support/http";
import { signedIn, signedInOrganiser, TEST_PASSWORD } from "./support/organisers";
import { checkinCodeOf } from "./support/tokens";

/**
 * Property-based tests of every form of the organiser workspace, signed in as an admin, over
 * HTTP against the built app (`npx remix build` first): whatever is posted, the answer is never
 * a 5xx, a refusal says why, and a refused form stores nothing.
 */

const { db } = database();
let cookie = "";
let counter = 0;

/** One session with its city and partner, as the factory makes them. */
interface Fixture {
  id: number;
  slug: string;
  cityId: number;
  partnerId: number;
}

async function fixture(overrides: Parameters<typeof createSession>[0] = {}): Promise<Fixture> {
  const session = await createSession(overrides);
  const partner = await db
    .selectFrom("session_partners")
    .select("partner_id")
    .where("session_id", "=", session.id)
    .executeTakeFirstOrThrow();
  return {
    id: session.id,
    slug: session.slug,
    cityId: session.city_id,
    partnerId: partner.partner_id,
  };
}

/** People signed up the way the public form does it; the forms under test act on them. */
async function signUpPeople(session: Fixture, count: number) {
  for (let i = 0; i < count; i++) {
    const n = ++counter;
    const result = await signUp(
      session.slug,
      person(n, { email: `deelnemer-${n}-${process.pid}@example.org` }),
      { locale: "nl-BE" },
    );
    expect(result.ok).toBe(true);
  }
}

async function registrationsOf(sessionId: number) {
  return db
    .selectFrom("registrations")
    .select(["id", "status"])
    .where("session_id", "=", sessionId)
    .orderBy("id")
    .execute();
}

beforeAll(async () => {
  cookie = await signedIn("admin");
});

/* The session form ----------------------------------------------------------------------- */

const hostileDate = fc.oneof(
  hostile,
  fc.constantFrom("2027-02-30", "2027-13-01", "0000-01-01", "9999-12-31", "2027-3-4", "27-03-04"),
);
const hostileTime = fc.oneof(
  hostile,
  fc.constantFrom("24:00", "23:59:59", "9:00", "09:00:00", "09:60", "-1:00", "09:00:01"),
);
const hostileDateTime = fc.oneof(
  hostile,
  fc.constantFrom("2027-02-30T09:00", "2027-03-01T25:00", "2027-03-01 09:00", "2027-03-01T09:00Z"),
);

function sessionForm(fixtures: () => Fixture[]) {
  const ids = (pick: (f: Fixture) => number) =>
    fc.nat().map((i) => {
      const all = fixtures();
      return String(pick(all[i % all.length] as Fixture));
    });
  return formOf({
    title: mostly(fc.constantFrom("Ontbijtsessie: btw voor starters", "Startersforum Leuven")),
    summary: mostly(fc.constant("Wat moet je weten over btw als je net begint?")),
    description: fc.oneof(
      fc.constant(""),
      fc.constant("07:30 ontbijt\r\n\r\n08:00 uitleg"),
      hostile,
    ),
    kind: mostly(fc.constantFrom("info", "breakfast", "forum")),
    cityId: fc.oneof({ weight: 4, arbitrary: ids((f) => f.cityId) }, hostileNumber),
    venueName: mostly(fc.constant("Stadhuis Leuven")),
    venueAddress: mostly(fc.constant("Grote Markt 9, 3000 Leuven")),
    date: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom("2027-03-04", "2027-10-31") },
      hostileDate,
    ),
    startTime: fc.oneof({ weight: 4, arbitrary: fc.constant("07:30") }, hostileTime),
    endTime: fc.oneof({ weight: 4, arbitrary: fc.constant("09:00") }, hostileTime),
    capacity: fc.oneof({ weight: 3, arbitrary: fc.constantFrom("1", "40", "1000") }, hostileNumber),
    registrationOpensAt: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom("", "2027-02-01T09:00") },
      hostileDateTime,
    ),
    registrationClosesAt: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom("", "2027-03-03T12:00") },
      hostileDateTime,
    ),
    language: mostly(fc.constantFrom("nl", "en", "fr")),
    partnerIds: fc.oneof(
      ids((f) => f.partnerId),
      hostileNumber,
    ),
    confirmMoveToWaitlist: fc.oneof(fc.constant(""), fc.constant("on"), hostile),
  });
}

const SESSION_FORM_MESSAGES: Partial<Record<number, Expected[]>> = {
  400: ["sessionForm.errors.form"],
  409: [
    { fragment: "bevestig dat wie het laatst een plaats kreeg terug naar de wachtlijst gaat" },
    "sessionForm.unavailable.cancelled",
  ],
};

describe("a new session (/beheer/sessies/nieuw)", () => {
  const fixtures: Fixture[] = [];
  beforeAll(async () => {
    fixtures.push(await fixture(), await fixture());
  });

  it("creates a session or says what to correct, and a refusal stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        sessionForm(() => fixtures),
        delivery,
        async (form, how) => {
          const before = await stored();
          const answer = await post({
            path: "/beheer/sessies/nieuw",
            form,
            cookie,
            delivery: how,
          });
          expectAnswered(answer, SESSION_FORM_MESSAGES);
          await expectUnchangedWhenRefused(answer, before);
          if (answer.status === 302) {
            expect(answer.location).toMatch(/^\/beheer\/sessies\/\d+$/);
            const after = await stored();
            expect((after.sessions as unknown[]).length).toBe(
              (before.sessions as unknown[]).length + 1,
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("editing a session (/beheer/sessies/:id/bewerken)", () => {
  const fixtures: Fixture[] = [];
  let session: Fixture;
  beforeAll(async () => {
    session = await fixture({ capacity: 3 });
    fixtures.push(session, await fixture());
    await signUpPeople(session, 4);
  });

  it("saves a valid edit or changes no column at all", async () => {
    await fc.assert(
      fc.asyncProperty(
        sessionForm(() => fixtures),
        delivery,
        async (form, how) => {
          const before = await stored();
          const answer = await post({
            path: `/beheer/sessies/${session.id}/bewerken`,
            form,
            cookie,
            delivery: how,
          });
          expectAnswered(answer, SESSION_FORM_MESSAGES);
          await expectUnchangedWhenRefused(answer, before);
          if (answer.status === 302) {
            expect(answer.location).toMatch(new RegExp(`^/beheer/sessies/${session.id}$`));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("cancelling a session (/beheer/sessies/:id/annuleren)", () => {
  const MESSAGES: Partial<Record<number, Expected[]>> = {
    400: [
      { key: "sessionForm.errors.cancelMessage.tooLong", values: { max: 1000 } },
      "errors.text.invalidCharacters",
      "sessionForm.cancel.errors.form",
    ],
    409: ["sessionForm.cancel.refused.alreadyCancelled", "sessionForm.cancel.refused.past"],
  };

  it("cancels with a readable note, refuses any other, and a refusal changes nothing", async () => {
    let cancelled: Fixture | undefined;
    await fc.assert(
      fc.asyncProperty(
        formOf({
          message: fc.oneof(
            fc.constantFrom("", "De spreker is ziek.\r\nWe plannen een nieuwe datum."),
            hostile,
          ),
        }),
        fc.boolean(),
        delivery,
        async (form, again, how) => {
          const session = again && cancelled ? cancelled : await fixture();
          if (session !== cancelled && counter % 3 === 0) await signUpPeople(session, 1);
          const before = await stored();
          const answer = await post({
            path: `/beheer/sessies/${session.id}/annuleren`,
            form,
            cookie,
            delivery: how,
          });
          expectAnswered(answer, MESSAGES);
          await expectUnchangedWhenRefused(answer, before);
          if (answer.status === 302) {
            expect(answer.location).toBe(`/beheer/sessies/${session.id}`);
            const row = await db
              .selectFrom("sessions")
              .select("status")
              .where("id", "=", session.id)
              .executeTakeFirstOrThrow();
            expect(row.status).toBe("cancelled");
            cancelled = session;
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("a message to attendees (/beheer/sessies/:id/bericht)", () => {
  let session: Fixture;
  beforeAll(async () => {
    session = await fixture({ capacity: 2 });
    await signUpPeople(session, 3);
  });

  const MESSAGES: Partial<Record<number, Expected[]>> = {
    400: [
      "sessionForm.errors.audience.invalid",
      "sessionForm.errors.subject.required",
      { key: "sessionForm.errors.subject.tooLong", values: { max: 150 } },
      "sessionForm.errors.body.required",
      { key: "sessionForm.errors.body.tooLong", values: { max: 5000 } },
      "errors.text.invalidCharacters",
      "sessionForm.message.errors.form",
    ],
  };

  it("queues one mail per person or none at all", async () => {
    await fc.assert(
      fc.asyncProperty(
        formOf({
          audience: mostly(fc.constantFrom("confirmed", "waitlisted", "present")),
          subject: mostly(fc.constant("De zaal is veranderd")),
          body: mostly(fc.constant("We zitten in zaal 2.\r\nTot dan!")),
        }),
        delivery,
        async (form, how) => {
          const before = await stored();
          const answer = await post({
            path: `/beheer/sessies/${session.id}/bericht`,
            form,
            cookie,
            delivery: how,
          });
          expectAnswered(answer, MESSAGES);
          await expectUnchangedWhenRefused(answer, before);
          if (answer.status === 302) {
            const after = await stored();
            const queued = (after.outbox as { n: number }).n - (before.outbox as { n: number }).n;
            // Said once, on the page the answer leads to, with the flash cookie it set.
            const flash = answer.setCookie.map((c) => c.split(";")[0]).join("; ");
            const page = await getPage(answer.location ?? "", `${cookie}; ${flash}`);
            expect(page.text).toContain(t("sessionForm.message.sent", { count: queued }));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/* Attendees ----------------------------------------------------------------------------------- */

/**
 * A registration id as a form may carry it: one of this session's registrations, another
 * session's, or anything at all. Resolved when the property runs, when the ids exist.
 */
const registrationRef = fc.oneof(
  { weight: 4, arbitrary: fc.nat().map((i) => ({ own: i })) },
  { weight: 1, arbitrary: fc.constant({ other: true }) },
  { weight: 2, arbitrary: hostileNumber.map((literal) => ({ literal })) },
);
type RegistrationRef = typeof registrationRef extends fc.Arbitrary<infer T> ? T : never;

function resolve(ref: RegistrationRef, own: { id: number }[], other: number): string {
  if ("own" in ref) return String(own[ref.own % own.length]?.id ?? 0);
  if ("other" in ref) return String(other);
  return ref.literal;
}

const ATTENDEE_MESSAGES: Partial<Record<number, Expected[]>> = {
  400: [
    "errors.name.required",
    { key: "errors.name.tooLong", values: { max: 120 } },
    "errors.text.invalidCharacters",
    "errors.email.invalid",
    { key: "errors.organisation.tooLong", values: { max: 160 } },
    "errors.enterpriseNumber.invalid",
    { key: "errors.question.tooLong", values: { max: 500 } },
    "errors.question.notOffered",
    "errors.question.wholeNumber",
    { key: "errors.question.numberAtLeast", values: { min: 0 } },
    "attendees.add.errors.form",
    "edge.badRequest.body",
  ],
  // Why nothing changed; the names in them come from the database.
  409: [
    { fragment: "Er is geen tweede inschrijving gemaakt." },
    "attendees.refused.sessionCancelled",
    { fragment: "was al uitgeschreven." },
    "attendees.refused.notWaitlisted",
    { fragment: "staat al vooraan op de wachtlijst." },
    { fragment: "staat al achteraan op de wachtlijst." },
    { fragment: "en kan niet aanwezig gemeld worden." },
  ],
};

/** What only a success says: never on a refusal. */
const SUCCESS_FRAGMENTS = [
  "is uitgeschreven.",
  "staat nu op plaats",
  "is aanwezig gemeld.",
  "is niet langer aanwezig gemeld.",
  "krijgt een bevestiging",
];

describe("the attendee actions (/beheer/sessies/:id)", () => {
  let session: Fixture;
  let otherRegistration: number;
  /** The session's questions: the form's placeholder names, and their real field names. */
  const answerFields = new Map<string, string>();
  beforeAll(async () => {
    session = await fixture({ capacity: 3 });
    const ids = await addQuestions(session.id, [
      dietaryQuestion(),
      question("oneChoice", "Fase", {
        choices: [{ key: "idee", nl: "Idee", fr: null, en: null }],
      }),
      question("number", "Aantal werknemers", { min: 0 }),
      question("mustTick", "Ik ben lid van Voka"),
    ]);
    for (const [index, name] of ["QDIET", "QCHOICE", "QNUMBER", "QTICK"].entries()) {
      answerFields.set(name, `q${ids[index]}`);
    }
    const other = await fixture();
    await signUpPeople(other, 1);
    otherRegistration = (await registrationsOf(other.id))[0]?.id ?? 0;
  });

  it("does what the intent says to a registration of this session, or refuses and changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          {
            weight: 6,
            arbitrary: fc.constantFrom("add", "cancel", "up", "down", "present", "absent"),
          },
          { weight: 1, arbitrary: hostile },
        ),
        registrationRef,
        formOf({
          name: mostly(fc.constant("Jan Janssens")),
          email: mostly(fc.nat().map((n) => `toegevoegd${n}@example.org`)),
          organisation: fc.oneof(fc.constant(""), hostile),
          enterpriseNumber: fc.oneof({ weight: 3, arbitrary: fc.constant("") }, hostile),
          QDIET: fc.oneof(fc.constant(""), hostile),
          QCHOICE: fc.oneof(fc.constantFrom("", "idee", "prototype"), hostile),
          QNUMBER: fc.oneof(fc.constantFrom("", "3", "-1"), hostile),
          QTICK: fc.oneof(fc.constantFrom("", "on"), hostile),
        }),
        fc.boolean(),
        delivery,
        async (intent, ref, fields, intentTwice, how) => {
          const live = (await registrationsOf(session.id)).filter((r) => r.status !== "cancelled");
          if (live.length < 5) await signUpPeople(session, 5 - live.length);
          const own = await registrationsOf(session.id);
          const form = new URLSearchParams(
            [...fields].map(([name, value]) => [answerFields.get(name) ?? name, value]),
          );
          form.set("intent", intent);
          if (intentTwice) form.append("intent", "cancel");
          form.set("registrationId", resolve(ref, own, otherRegistration));
          const before = await stored();
          const answer = await post({
            path: `/beheer/sessies/${session.id}`,
            form,
            cookie,
            delivery: how,
          });
          expectAnswered(answer, ATTENDEE_MESSAGES);
          await expectUnchangedWhenRefused(answer, before);
          if (answer.status >= 400) {
            for (const fragment of SUCCESS_FRAGMENTS) expect(answer.text).not.toContain(fragment);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("checking in (/beheer/sessies/:id/inchecken and /beheer/inchecken/:code)", () => {
  let session: Fixture;
  let otherRegistration: number;
  beforeAll(async () => {
    session = await fixture({ capacity: 2 });
    await signUpPeople(session, 4);
    const other = await fixture();
    await signUpPeople(other, 1);
    otherRegistration = (await registrationsOf(other.id))[0]?.id ?? 0;
  });

  it("marks a person of this session present or absent, or refuses and changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        registrationRef,
        formOf({ present: fc.oneof(fc.constantFrom("true", "false"), hostile) }),
        delivery,
        async (ref, form, how) => {
          form.set(
            "registrationId",
            resolve(ref, await registrationsOf(session.id), otherRegistration),
          );
          const before = await stored();
          const answer = await post({
            path: `/beheer/sessies/${session.id}/inchecken`,
            form,
            cookie,
            delivery: how,
          });
          expectAnswered(answer);
          await expectUnchangedWhenRefused(answer, before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("checks in by the code of a confirmation's QR code, or refuses and changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 3, arbitrary: fc.nat().map((i) => ({ own: i })) },
          { weight: 1, arbitrary: hostileInUrl.map((code) => ({ code })) },
        ),
        formOf({ present: fc.oneof(fc.constantFrom("true", "false"), hostile) }),
        delivery,
        async (which, form, how) => {
          const own = await registrationsOf(session.id);
          const code =
            "own" in which
              ? await checkinCodeOf(own[which.own % own.length]?.id)
              : percentEncode(which.code);
          const before = await stored();
          const answer = await post({
            path: `/beheer/inchecken/${code || "x"}`,
            form,
            cookie,
            delivery: how,
          });
          expectAnswered(answer);
          await expectUnchangedWhenRefused(answer, before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/* Organisers ---------------------------------------------------------------------------------- */

describe("the organisers page (/beheer/organisatoren)", () => {
  const fixtures: Fixture[] = [];
  beforeAll(async () => {
    fixtures.push(await fixture(), await fixture());
  });

  const MESSAGES: Partial<Record<number, Expected[]>> = {
    // A wrong field is said beside it, under the form's summary; an unknown intent says so.
    400: ["organisers.errors.form", "organisers.errors.unknownAction"],
    404: ["organisers.errors.notFound"],
    409: ["organisers.errors.removeSelf"],
  };

  it("invites, removes or unlocks only what the form names, and a refusal changes nothing", async () => {
    const ids = (pick: (f: Fixture) => number) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.nat().map((i) => String(pick(fixtures[i % 2] as Fixture))) },
        { weight: 2, arbitrary: hostileNumber },
      );
    await fc.assert(
      fc.asyncProperty(
        formOf({
          intent: fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom("", "remove", "unlock") },
            { weight: 1, arbitrary: hostile },
          ),
          organiserId: fc.oneof(fc.nat({ max: 12 }).map(String), hostileNumber),
          name: mostly(fc.constant("Els Peeters")),
          email: mostly(fc.nat().map((n) => `organisator${n}@example.org`)),
          role: mostly(fc.constantFrom("admin", "organiser")),
          cityIds: ids((f) => f.cityId),
          partnerIds: ids((f) => f.partnerId),
        }),
        delivery,
        async (form, how) => {
          const before = await stored();
          const answer = await post({
            path: "/beheer/organisatoren",
            form,
            cookie,
            delivery: how,
          });
          expectAnswered(answer, MESSAGES);
          await expectUnchangedWhenRefused(answer, before);
          // The admin is still there, and still signed in.
          expect((await send("/beheer", { cookie })).status).toBe(200);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("removing an organiser who has worked in the workspace", () => {
  it("answers without a 5xx", async () => {
    const { organiser: colleague, cookie: theirs } = await signedInOrganiser({
      email: `collega-${process.pid}@example.org`,
      name: "Col Lega",
      password: TEST_PASSWORD,
      role: "admin",
    });
    // Any audited action will do: an export is one.
    const exported = await send("/beheer/export/download?van=2026-01-01&tot=2026-12-31", {
      cookie: theirs,
    });
    expect(exported.status).toBe(200);
    await exported.body?.cancel();
    const answer = await post({
      path: "/beheer/organisatoren",
      form: new URLSearchParams({ intent: "remove", organiserId: String(colleague.id) }),
      cookie,
    });
    expect(answer.status).toBeLessThan(500);
  });
});

/* Exports ------------------------------------------------------------------------------------- */

describe("the export form (/beheer/export → /beheer/export/download)", () => {
  let cityId = 0;
  beforeAll(async () => {
    const session = await fixture();
    await signUpPeople(session, 2);
    cityId = session.cityId;
  });

  it("answers any choice with a file or a 400 that says what is wrong", async () => {
    const EXPORT_ERRORS = [
      "export.error.format",
      "export.error.choose",
      "export.error.cityId",
      "export.error.from",
      "export.error.to",
      "export.error.range",
      "export.error.cityNotFound",
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        formOf({
          stad: fc.oneof(fc.constantFrom("", String(cityId)), hostileNumber),
          van: mostly(fc.constantFrom("2026-01-01", "2027-12-31")),
          tot: mostly(fc.constantFrom("2026-12-31", "2030-01-01")),
          formaat: mostly(fc.constantFrom("csv", "csv-comma", "xlsx")),
        }),
        async (query) => {
          const search = [...query]
            .map(
              ([name, value]) =>
                `${percentEncode(name.slice(0, 200))}=${percentEncode(value.slice(0, 500))}`,
            )
            .join("&");
          const response = await send(`/beheer/export/download?${search}`, { cookie });
          const body = Buffer.from(await response.arrayBuffer());
          const context = `${response.status} ?${search.slice(0, 300)}`;
          expect(response.status, context).toBeLessThan(500);
          if (response.status === 200) {
            expect(response.headers.get("content-disposition"), context).toMatch(/^attachment;/);
          } else {
            expect(response.status, context).toBe(400);
            const text = visibleText(body.toString("utf8"));
            // An address with a control character is refused at the edge, with its own words.
            const words = isCleanUrl(`/?${search}`)
              ? EXPORT_ERRORS
              : (["edge.badRequest.body"] as const);
            expect(
              words.some((key) => text.includes(t(key))),
              `${context}: ${text.slice(0, 200)}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/* Everything at once -------------------------------------------------------------------------- */

describe("bodies no browser writes", () => {
  it("are read or refused by every organiser form, never answered with a 5xx", async () => {
    const session = await fixture({ capacity: 2 });
    await signUpPeople(session, 3);
    const [first] = await registrationsOf(session.id);
    const forms = [
      "/beheer/sessies/nieuw",
      `/beheer/sessies/${session.id}/bewerken`,
      `/beheer/sessies/${session.id}/bericht`,
      `/beheer/sessies/${session.id}`,
      `/beheer/sessies/${session.id}/inchecken`,
      `/beheer/inchecken/${await checkinCodeOf(first?.id)}`,
      "/beheer/organisatoren",
      // Last: it may cancel the session.
      `/beheer/sessies/${session.id}/annuleren`,
    ];
    const client = newClient();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), malformedBody, async (path, body) => {
        const before = await stored();
        const response = await rawPost(path, body, { client, cookie });
        const text = await response.text();
        expect(response.status, `${path} ${body}: ${visibleText(text).slice(0, 200)}`).toBeLessThan(
          500,
        );
        if (response.status >= 400) {
          expect(text.trim()).not.toBe("");
          expect(await stored()).toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("never reach a 5xx through a hostile id in the path of an organiser form", async () => {
    // Ids past 2^31 - 1 in a session's path are the test below; a copy's id is read here.
    const beyondIntegers = (id: string) =>
      /^\s*-?\d+\s*$/.test(id) && Math.abs(Number(id)) > 2 ** 31 - 1;
    const sessionPaths = [
      (id: string) => `/beheer/sessies/${id}`,
      (id: string) => `/beheer/sessies/${id}/bewerken`,
      (id: string) => `/beheer/sessies/${id}/annuleren`,
      (id: string) => `/beheer/sessies/${id}/bericht`,
      (id: string) => `/beheer/sessies/${id}/inchecken`,
    ];
    const otherPaths = [
      (id: string) => `/beheer/inchecken/${id}`,
      (id: string) => `/beheer/sessies/nieuw?kopie=${id}`,
    ];
    const ids = hostileNumber.map((id) => id.slice(0, 1000));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(
            fc.constantFrom(...sessionPaths),
            ids.filter((id) => !beyondIntegers(id)),
          ),
          fc.tuple(fc.constantFrom(...otherPaths), ids),
        ),
        fc.boolean(),
        async ([path, id], asPost) => {
          const target = path(percentEncode(id) || "x");
          const before = await stored();
          const answer: Answer = asPost
            ? await post({ path: target, form: new URLSearchParams(), cookie })
            : await getPage(target, cookie);
          // Which message depends on the form the id led to; that it is never a 5xx does not.
          expect(answer.status, `${target}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
          if (answer.status >= 400) expect(answer.body.trim()).not.toBe("");
          await expectUnchangedWhenRefused(answer, before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("answer a session id past 2^31 - 1 with 404, not 500", async () => {
    for (const id of ["2147483648", "-2147483649", "99999999999"]) {
      for (const path of [`/beheer/sessies/${id}`, `/beheer/sessies/${id}/bewerken`]) {
        const answer = await getPage(path, cookie);
        expect(answer.status, path).toBe(404);
        const posted = await post({
          path,
          form: new URLSearchParams({ intent: "cancel", registrationId: "1" }),
          cookie,
        });
        expect(posted.status, `POST ${path}`).toBe(404);
      }
    }
  });
});
