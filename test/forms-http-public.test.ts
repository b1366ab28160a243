import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { dietaryQuestion } from "../app/lib/questions";
import { createOrganiser } from "../app/models/organiser.server";
import { signUp } from "../app/models/registration.server";
import { hashToken } from "../app/models/registration-token.server";
import { database } from "../db/client";
import { processJobs } from "../worker/jobs.server";
import {
  delivery,
  type Expected,
  expectAnswered,
  expectUnchangedWhenRefused,
  formOf,
  getPage,
  hostile,
  hostileInUrl,
  malformedBody,
  mostly,
  NASTY,
  percentEncode,
  post,
  RUNS,
  rawPost,
  redirected,
  stored,
  t,
  visibleText,
} from "./forms-http.shared";
import { addQuestions, createSession, person, question } from "./support/factories";
import { appUrl, newClient, send } from "./support/http";
import { signedIn } from "./support/organisers";
import { manageTokenOf, passwordLinkTokenOf } from "./support/tokens";

/**
 * Property-based tests of every public form and the organiser's sign-in, sign-out and password
 * forms, over HTTP against the built app (`npx remix build` first): whatever is posted, the
 * answer is never a 5xx, a refusal says why, and a refused form stores nothing.
 */

const { db } = database();
let counter = 0;
const unique = () => `${++counter}-${process.pid}`;

async function registrationCount(sessionId: number) {
  const row = await db
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("session_id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A path segment made of anything: the router decodes it and hands it to the route. */
const hostileSegment = fc.oneof(
  hostileInUrl.filter((value) => value !== "" && value !== "." && value !== ".."),
  fc.constantFrom("%00", "%ZZ", "..%2F..%2Fetc", "a%0D%0Ab"),
);
const segment = (value: string) =>
  /^%[0-9A-Z]{2}|%ZZ|%2F|%0D/.test(value) ? value : percentEncode(value);

const UNAVAILABLE: Expected[] = [
  "signup.unavailable.cancelled",
  "signup.unavailable.closed",
  "signup.unavailable.past",
];

const SIGN_UP_MESSAGES: Partial<Record<number, Expected[]>> = {
  // A session that takes no sign-ups shows why instead of the form, and a slug that names no
  // session shows "not found" whatever the form said.
  400: ["errors.form", ...UNAVAILABLE, "notFound.body"],
  409: UNAVAILABLE,
  405: ["error.body"],
};

describe("the sign-up form (/sessies/:slug)", () => {
  const sessions: { slug: string; id: number }[] = [];
  /** The first session's questions: the form's placeholder names, and their real field names. */
  const fields = new Map<string, string>();
  beforeAll(async () => {
    const hour = 3_600_000;
    sessions.push(
      await createSession({ capacity: 3 }),
      await createSession({ capacity: 1000, kind: "info" }),
      await createSession({ status: "cancelled" }),
      await createSession({ registration_closes_at: new Date(Date.now() - hour).toISOString() }),
    );
    const choices = [
      { key: "exact-online", nl: "Exact Online", fr: null, en: null },
      { key: "andere", nl: "Andere", fr: null, en: null },
    ];
    const ids = await addQuestions(sessions[0]?.id ?? 0, [
      dietaryQuestion(),
      question("oneChoice", "Welk boekhoudpakket gebruik je?", { required: true, choices }),
      question("yesNo", "Kom je met een rolstoel?"),
      question("number", "Met hoeveel kom je?", { min: 1, max: 10 }),
      question("mustTick", "Ik ben lid van Voka"),
    ]);
    for (const [index, name] of ["QDIET", "QCHOICE", "QYESNO", "QNUMBER", "QTICK"].entries()) {
      fields.set(name, `q${ids[index]}`);
    }
  });

  const signUpForm = formOf({
    name: mostly(fc.constantFrom("An Peeters", "Jean-Luc Dubois", "Ölçü Yılmaz")),
    email: mostly(
      fc.oneof(
        fc.nat().map((n) => `fuzz${n}@example.org`),
        fc.constantFrom(" An.Peeters+agenda@Example.ORG ", "x@y.be"),
      ),
    ),
    organisation: fc.oneof(fc.constant(""), fc.constant("Bakkerij Peeters"), hostile),
    enterpriseNumber: fc.oneof(fc.constant(""), fc.constant("0403.170.701"), hostile),
    QDIET: fc.oneof(fc.constant(""), fc.constant("vegetarisch\r\nzonder noten"), hostile),
    QCHOICE: fc.oneof(fc.constantFrom("exact-online", "andere", "", "yuki"), hostile),
    QYESNO: fc.oneof(fc.constantFrom("yes", "no", "", "misschien"), hostile),
    QNUMBER: fc.oneof(fc.constantFrom("1", "10", "", "0", "11", "3,5", "-2"), hostile),
    QTICK: mostly(fc.constant("on")),
    consent: mostly(fc.constant("on")),
    // The honeypot: people leave it empty.
    website: fc.oneof({ weight: 8, arbitrary: fc.constant("") }, { weight: 1, arbitrary: hostile }),
  });

  it("answers any post with a page, never a 5xx, and a refused sign-up stores nothing", async () => {
    const client = newClient();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }).map((i) => ({ session: i })) },
          { weight: 1, arbitrary: hostileSegment.map((slug) => ({ slug })) },
        ),
        signUpForm,
        delivery,
        async (target, form, how) => {
          const session = "session" in target ? sessions[target.session] : undefined;
          const path = session
            ? `/sessies/${session.slug}`
            : `/sessies/${"slug" in target ? segment(target.slug) : ""}`;
          const before = await stored();
          const count = session ? await registrationCount(session.id) : 0;
          const answer = await post({
            path,
            form: new URLSearchParams(
              [...form].map(([name, value]) => [fields.get(name) ?? name, value]),
            ),
            client,
            delivery: how,
          });
          expectAnswered(answer, SIGN_UP_MESSAGES);
          await expectUnchangedWhenRefused(answer, before);
          if (session && redirected(answer)) {
            expect(answer.location).toBe(`/sessies/${session.slug}/bedankt`);
            expect(await registrationCount(session.id)).toBeLessThanOrEqual(count + 1);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("the sign-up form's messages", () => {
  it("names the schema's own limit, marks the field invalid and ties the message to it", async () => {
    const session = await createSession({ kind: "breakfast", capacity: 10 });
    const [dietary] = await addQuestions(session.id);
    const form = new URLSearchParams({
      name: "Lotte Peeters",
      email: `lotte-${unique()}@example.org`,
      [`q${dietary}`]: "x".repeat(501),
      consent: "on",
    });
    const answer = await post({ path: `/sessies/${session.slug}`, form });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(t("errors.question.tooLong", { max: 500 }));
    expect(answer.text).not.toContain(t("errors.question.tooLong", { max: 0 }));
    const textarea =
      new RegExp(`<textarea[^>]*name="q${dietary}"[^>]*>`).exec(answer.body)?.[0] ?? "";
    expect(textarea).toContain('maxLength="500"');
    expect(textarea).toContain('aria-invalid="true"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(textarea)?.[1] ?? "";
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
    expect(answer.body).toContain(`id="${errorId}">${t("errors.question.tooLong", { max: 500 })}<`);
    // What was typed comes back, and nothing was stored.
    expect(answer.body).toContain("Lotte Peeters");
    expect(await registrationCount(session.id)).toBe(0);
  });
});

describe("the manage form (/inschrijving/:token)", () => {
  let slug: string;
  let cancelledToken: string;
  beforeAll(async () => {
    ({ slug } = await createSession({ capacity: 1000 }));
    cancelledToken = await registered();
    await send(`/inschrijving/${cancelledToken}`, { form: { intent: "cancel" } });
  });

  async function registered(): Promise<string> {
    const email = `beheer-${unique()}@example.org`;
    const result = await signUp(slug, person(counter, { email }), { locale: "nl-BE" });
    expect(result.ok).toBe(true);
    const row = await db
      .selectFrom("registrations")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    return manageTokenOf(row.id);
  }

  const MESSAGES: Partial<Record<number, Expected[]>> = {
    // An unknown intent is refused before the token is looked up: an unknown token then shows
    // "not found".
    400: ["manage.errors.unknownAction", "edge.badRequest.body", "notFound.body"],
    405: ["error.body"],
    409: ["manage.alreadyCancelled"],
  };

  it("cancels only with intent=cancel, never answers a 5xx, and a refusal changes nothing", async () => {
    const client = newClient();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("fresh", "cancelled", "unknown", "hostile"),
        hostileSegment,
        formOf({ intent: mostly(fc.constant("cancel"), 2) }),
        delivery,
        async (which, token, form, how) => {
          const real =
            which === "fresh" ? await registered() : which === "cancelled" ? cancelledToken : null;
          const path = `/inschrijving/${
            real ?? (which === "unknown" ? "x".repeat(43) : segment(token))
          }`;
          const before = await stored();
          const answer = await post({
            path,
            form,
            client,
            delivery: how,
          });
          expectAnswered(answer, MESSAGES);
          await expectUnchangedWhenRefused(answer, before);
          // A cancellation redirects to the page.
          if (real && redirected(answer)) {
            expect(form.getAll("intent")).toEqual(["cancel"]);
            const row = await db
              .selectFrom("registrations")
              .innerJoin("registration_tokens", "registration_id", "registrations.id")
              .select("status")
              .where("token_hash", "=", hashToken(real))
              .executeTakeFirstOrThrow();
            expect(row.status).toBe("cancelled");
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/* The organiser's way in ------------------------------------------------------------------- */

const PASSWORD = "een-lang-genoeg-wachtwoord";

/** A path the sign-in may send someone back to: on this site, in the workspace, one line. */
function expectSafeBack(location: string | null, base: string) {
  expect(location).not.toBeNull();
  const target = new URL(location ?? "", base);
  expect(target.origin).toBe(base);
  // "/beheer/../x" passes the check and leaves as "/x": still this site, so no harm.
  expect(location).toMatch(/^\/(?![/\\])/);
  expect(location).not.toMatch(/[\r\n\\]/);
}

const HOSTILE_BACK = [
  "//evil.example",
  "//evil.example/beheer",
  "/beheer\r\nSet-Cookie: evil=1",
  "/beheer%0d%0aSet-Cookie:%20evil=1",
  "/beheer/\\evil.example",
  "/\\evil.example",
  "javascript:alert(1)",
  "https://evil.example/beheer",
  "/beheer/../../evil",
  "/beheer//evil.example",
  " /beheer",
  "/beheer\u2028",
  "/beheer/sessies/1?x=<script>",
  "",
];

/** "Te veel foute wachtwoorden na elkaar.": the part of login.locked before its time. */
const lockedText = t("login.locked", { time: "\u0000" }).split("\u0000")[0] ?? "";

const SIGN_IN_MESSAGES: Partial<Record<number, Expected[]>> = {
  400: ["login.errors.form"],
  401: ["login.invalid"],
  429: ["tooMany.title"],
};

describe("the sign-in form (/beheer/inloggen)", () => {
  const victim = `slachtoffer-${process.pid}@example.org`;
  const owner = `eigenaar-${process.pid}@example.org`;
  beforeAll(async () => {
    await createOrganiser({ email: victim, name: "Vic Tim", password: PASSWORD, role: "admin" });
    await createOrganiser({ email: owner, name: "An Peeters", password: PASSWORD, role: "admin" });
    ownerCookie = await signedIn("admin");
  });
  let ownerCookie = "";

  it("answers any sign-in with a redirect or a 4xx that says why, and only a right one signs in", async () => {
    const client = newClient();
    const base = await appUrl();
    await fc.assert(
      fc.asyncProperty(
        formOf({
          // The account itself now and then: five wrong passwords lock it for this client, and
          // every refusal after that takes a second.
          email: fc.oneof(
            {
              weight: 1,
              arbitrary: fc.constantFrom(
                victim,
                ` ${victim.toUpperCase()} `,
                `${victim}\0`,
                `${victim}\r\n`,
              ),
            },
            { weight: 5, arbitrary: hostile },
          ),
          password: fc.oneof(fc.constant(PASSWORD), fc.constant(`${PASSWORD}\0`), hostile),
          terug: fc.oneof(fc.constantFrom(...HOSTILE_BACK), hostile),
        }),
        delivery,
        async (form, how) => {
          const before = await stored();
          const answer = await post({
            path: "/beheer/inloggen",
            form,
            client,
            delivery: how,
          });
          if (answer.status === 429 && how.kind === "page" && answer.text.includes(lockedText)) {
            // Locked for this client: said with the time it opens again.
          } else {
            expectAnswered(answer, SIGN_IN_MESSAGES);
          }
          await expectUnchangedWhenRefused(answer, before);
          if (answer.status === 302) {
            // Trailing NULs sign in too: scrypt's HMAC pads a short key with zero bytes.
            expect(form.get("password")?.replace(/\0+$/, "")).toBe(PASSWORD);
            expectSafeBack(answer.location, base);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("sends a signed-in organiser back only to a path of the workspace", async () => {
    const client = newClient();
    const base = await appUrl();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...HOSTILE_BACK),
          hostileInUrl,
          hostileInUrl.map((h) => `/beheer/${h}`),
          fc.constantFrom("/beheer/sessies/nieuw", "/beheer/export?van=2026-01-01"),
        ),
        fc.boolean(),
        async (terug, byPost) => {
          const answer = byPost
            ? await post({
                path: "/beheer/inloggen",
                form: new URLSearchParams({ email: owner, password: PASSWORD, terug }),
                client,
              })
            : await getPage(`/beheer/inloggen?terug=${percentEncode(terug)}`, ownerCookie);
          expectAnswered(answer, SIGN_IN_MESSAGES);
          // A way back with a control character in the address itself is refused at the edge.
          if (answer.badUrl) return;
          expect(answer.status).toBe(302);
          expectSafeBack(answer.location, base);
          if (/^\/beheer[\w/?=&%-]{0,1900}$/.test(terug) && !terug.includes("//"))
            expect(answer.location).toBe(terug);
        },
      ),
      { numRuns: 30 },
    );
  });
});

/** The jobs waiting for a worker: a password link asked for is one. */
async function queuedJobs() {
  const row = await db
    .selectFrom("jobs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Runs the worker's round of jobs, as the worker does after the form has answered: none of them
 * may fail. Answers whether a password link for `email` was queued since `before`.
 */
async function runJobsForLink(email: string, before: Record<string, unknown>) {
  const run = await processJobs();
  expect(run.failed).toBe(0);
  expect(await queuedJobs()).toBe(0);
  const last = (before.outbox as { last: number }).last;
  const mail = await db
    .selectFrom("outbox")
    .select("id")
    .where("to_email", "=", email)
    .where("id", ">", last)
    .executeTakeFirst();
  return Boolean(mail);
}

describe("forgot password (/beheer/wachtwoord-vergeten)", () => {
  const email = `vergeten-${process.pid}@example.org`;
  beforeAll(async () => {
    await createOrganiser({ email, name: "Ver Geten", password: PASSWORD, role: "organiser" });
    // What earlier tests left for the worker (failed sign-ins) runs now, not in a round below.
    await processJobs();
  });

  it("says the same for any address, queues one job for it, and mails only an organiser", async () => {
    const client = newClient();
    await fc.assert(
      fc.asyncProperty(
        formOf({
          email: fc.oneof(
            fc.constantFrom(email, ` ${email.toUpperCase()} `, `${email}\0`, `a\0@b.be`),
            fc.nat().map((n) => `niemand${n}@example.org`),
            hostile,
            hostile.map((h) => `${h}@example.org`),
          ),
        }),
        delivery,
        async (form, how) => {
          const before = await stored();
          const answer = await post({
            path: "/beheer/wachtwoord-vergeten",
            form,
            client,
            delivery: how,
          });
          expectAnswered(answer, { 400: ["reset.request.errors.form"] });
          await expectUnchangedWhenRefused(answer, before);
          // Taken: a redirect to the page that says a link is on its way.
          const taken = redirected(answer);
          if (taken) {
            expect(answer.location).toBe("/beheer/wachtwoord-vergeten");
          }
          // Whatever the address, the request wrote one job and nothing else: the link is the
          // worker's to make (its timing would tell who has an account).
          expect(await queuedJobs()).toBe(taken ? 1 : 0);
          if (answer.status < 400) expect(await stored()).toEqual(before);
          const asked = String(form.get("email") ?? "")
            .trim()
            .toLowerCase();
          const linked = await runJobsForLink(email, before);
          expect(linked).toBe(taken && asked === email);
          if (!linked && answer.status < 400) expect(await stored()).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("a new password (/beheer/wachtwoord/:token)", () => {
  const email = `nieuw-${process.pid}@example.org`;
  beforeAll(async () => {
    await createOrganiser({
      email,
      name: "Nieuw Wachtwoord",
      password: PASSWORD,
      role: "organiser",
    });
  });

  /** A link as the mail brings it: asked for through the form, read from the outbox. */
  async function freshLink(): Promise<string> {
    const before = await stored();
    const response = await send("/beheer/wachtwoord-vergeten", { form: { email } });
    expect(response.status).toBe(302);
    expect(await runJobsForLink(email, before)).toBe(true);
    const token = await passwordLinkTokenOf(email);
    expect(token).toBeTruthy();
    return token ?? "";
  }

  const MESSAGES: Partial<Record<number, Expected[]>> = {
    // A wrong field is said beside it, under the form's summary; a dead link says so instead.
    400: ["reset.errors.form", "reset.invalidLink"],
    410: ["reset.invalidLink"],
  };

  it("sets a password only from a valid link and a valid pair, and a refusal changes nothing", async () => {
    const client = newClient();
    let used = "";
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("fresh", "used", "hostile"),
        hostileSegment,
        fc.oneof(fc.constant("een nieuw, lang genoeg wachtwoord"), hostile),
        fc.oneof(fc.constant("same"), hostile),
        fc.boolean(),
        delivery,
        async (which, anyToken, password, repeat, withExtra, how) => {
          const token =
            which === "fresh" ? await freshLink() : which === "used" ? used : segment(anyToken);
          const form = new URLSearchParams({
            password,
            repeat: repeat === "same" ? password : repeat,
          });
          if (withExtra) form.append("password", "tweede waarde");
          const before = await stored();
          const answer = await post({
            path: `/beheer/wachtwoord/${token || "x"}`,
            form,
            client,
            delivery: how,
          });
          expectAnswered(answer, MESSAGES);
          await expectUnchangedWhenRefused(answer, before);
          if (answer.status === 302) {
            expect(answer.location).toBe("/beheer/inloggen");
            used = token;
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("signing out (/beheer/afmelden)", () => {
  const cookies: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 4; i++) cookies.push(await signedIn("organiser"));
  });

  /** Cookie headers a client may send: none, garbage, a forged or tampered signature, a real one. */
  const cookieHeader = fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: 0, max: 3 }).map((i) => ({ real: i })),
    fc.constantFrom(
      "oa_session=",
      "oa_session=%E0%A4%A",
      "oa_session=abc.def",
      "oa_session=eyJ.!!!",
      "oa_session=InRva2VuIg%3D%3D.AAAA",
      "oa_session=InRva2VuIg%3D%3D.%FF%FE",
      "oa_session=InRva2VuIg==.c2lnbmF0dXJl",
      "oa_session=%22%22; oa_session=x",
    ),
    hostileInUrl.map((h) => `oa_session=${percentEncode(h)}`),
    hostile.map(
      (h) =>
        `oa_session=${btoa(percentEncode(h.slice(0, 500)))}.${btoa(h.slice(0, 5).replace(/[^\x20-\x7e]/g, "?"))}`,
    ),
  );

  it("signs anyone out with a redirect, whatever the cookie or the form", async () => {
    const client = newClient();
    await fc.assert(
      fc.asyncProperty(
        cookieHeader,
        formOf({ intent: hostile }),
        delivery,
        async (cookieChoice, form, how) => {
          const cookie =
            typeof cookieChoice === "object" ? cookies[cookieChoice.real] : cookieChoice;
          const before = await stored();
          const answer = await post({
            path: "/beheer/afmelden",
            form,
            cookie,
            client,
            delivery: how,
          });
          expectAnswered(answer, { 405: ["error.body"] });
          await expectUnchangedWhenRefused(answer, before);
          if (how.kind === "page" && !answer.oversize) {
            expect(answer.status).toBe(302);
            expect(answer.location).toBe("/beheer/inloggen");
            expect(answer.setCookie.join()).toMatch(/oa_session=;.*Max-Age=0/i);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("bodies no browser writes", () => {
  it("are read or refused by every public form, never answered with a 5xx", async () => {
    const { slug } = await createSession({ capacity: 1000 });
    const forms = [
      `/sessies/${slug}`,
      `/inschrijving/${"x".repeat(43)}`,
      "/beheer/inloggen",
      "/beheer/wachtwoord-vergeten",
      `/beheer/wachtwoord/${"y".repeat(43)}`,
      "/beheer/afmelden",
    ];
    const client = newClient();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), malformedBody, async (path, body) => {
        const before = await stored();
        const response = await rawPost(path, body, { client });
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
});

// Values the generators reach only by luck, tried every run.
describe("the nastiest values, every time", () => {
  it("never make a public form answer a 5xx", async () => {
    const { slug, id } = await createSession({ capacity: 1000 });
    const asked = await addQuestions(id, [
      dietaryQuestion(),
      question("shortText", "Studierichting"),
      question("number", "Aantal werknemers", { min: 0 }),
      question("oneChoice", "Fase", {
        choices: [{ key: "idee", nl: "Idee", fr: null, en: null }],
      }),
    ]);
    const client = newClient();
    const forms = [
      [
        `/sessies/${slug}`,
        ["name", "organisation", "enterpriseNumber", ...asked.map((q) => `q${q}`)],
      ],
      [`/sessies/${slug}`, ["email"]],
      ["/beheer/inloggen", ["email", "terug"]],
      ["/beheer/wachtwoord-vergeten", ["email"]],
    ] as const;
    for (const value of NASTY) {
      for (const [path, fields] of forms) {
        const form = new URLSearchParams({ name: "An", email: "an@example.org", consent: "on" });
        for (const field of fields) form.set(field, field === "email" ? `${value}@x.be` : value);
        const response = await send(path, { form, client });
        expect(response.status, `${path} ${fields}=${JSON.stringify(value)}`).toBeLessThan(500);
        await response.body?.cancel();
      }
    }
  });
});
