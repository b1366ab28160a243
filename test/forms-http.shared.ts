import fc from "fast-check";
import { sql } from "kysely";
import { expect } from "vitest";
import { DEFAULT_LOCALE, i18n, type MessageKey } from "../app/i18n";
import { database } from "../db/client";
import { isCleanUrl } from "../server/edge";
import { appUrl, dataPath, send } from "./support/http";

/**
 * What the property-based form tests share: hostile values, forms built from them, the ways a
 * post can be sent wrongly, and the checks every answer must pass. Every request goes over HTTP
 * to the built app (`npx remix build` first).
 */

export const { t } = i18n(DEFAULT_LOCALE);

/* Values ------------------------------------------------------------------------------------- */

const CONTROL = [..."\0\x01\x07\b\t\n\v\f\r\x1b\x7f\x85\u2028\u2029"];

/** Values that broke, or could break, some layer of some web app somewhere. */
export const NASTY = [
  "",
  " ",
  "\0",
  "a\0b",
  "\r\n",
  "\r",
  "\n",
  "x\r\nSet-Cookie: evil=1",
  "x\r\n\r\n<html>",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "//evil.example",
  "\uD800",
  "a\uDC00b",
  "\uFEFF",
  "\u202Eevil",
  "%00",
  "%0d%0a",
  "' OR '1'='1",
  "'; drop table registrations; --",
  "{name}",
  "{count, plural, one {#} other {#}}",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "9007199254740993",
  "99999999999",
  "2147483648",
  "-2147483649",
  "1.5",
  "0x10",
  " 7 ",
  "٣",
  "７",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "constructor",
  "😀😀😀",
  "e\u0301",
  "İ",
] as const;

/** Any string at all, with a bias towards the ones that hurt. */
export const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom(...CONTROL, "a", " ", "<", ">", "&", '"', "'", "é", "\uD800"),
      maxLength: 20,
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom("a", "é", "😀", "\n", "<b>", "\0"),
        fc.integer({ min: 100, max: 9000 }),
      )
      .map(([unit, times]) => unit.repeat(times)),
  },
);

/**
 * The same, short enough for a URL or a cookie: Node refuses a head over 16 KB with its own 431
 * before any code of the app runs, and browsers never send one that long.
 */
export const hostileInUrl: fc.Arbitrary<string> = hostile.map((value) => value.slice(0, 1000));

/** A number the way a hostile client writes one. */
export const hostileNumber: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "0",
    "-1",
    "1.5",
    "1e3",
    "0x1",
    " 1",
    "NaN",
    "Infinity",
    "2147483647",
    "2147483648",
    "99999999999",
    "9007199254740993",
    "1e309",
  ),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(String),
  hostile,
);

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is written as the bytes
 * UTF-8 would give it if it could: what a broken client sends, and the server must survive.
 */
export function percentEncode(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      out += bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join("");
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/* Forms -------------------------------------------------------------------------------------- */

export type Field = fc.Arbitrary<string>;

/**
 * A form whose every field is, at random, left out, one value, or the same name repeated with
 * several values (a browser never does that; a script can); sometimes with unknown fields too.
 */
export function formOf(fields: Record<string, Field>): fc.Arbitrary<URLSearchParams> {
  const entries = Object.entries(fields).map(([name, value]) =>
    fc
      .oneof(
        { weight: 1, arbitrary: fc.constant([] as string[]) },
        { weight: 8, arbitrary: value.map((v) => [v]) },
        {
          weight: 1,
          arbitrary: fc.array(fc.oneof(value, hostile), { minLength: 2, maxLength: 3 }),
        },
      )
      .map((values) => values.map((v): [string, string] => [name, v])),
  );
  const extra = fc.array(
    fc.tuple(fc.oneof(fc.constantFrom("intent", "_action", "id"), hostile), hostile),
    {
      maxLength: 2,
    },
  );
  return fc
    .tuple(
      fc.tuple(...entries),
      fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: extra }),
    )
    .map(([named, unknown]) => new URLSearchParams([...named.flat(), ...unknown]));
}

/** A value that is right most of the time, so the forms also get as far as storing something. */
export const mostly = (valid: Field, weight = 3): Field =>
  fc.oneof({ weight, arbitrary: valid }, { weight: 1, arbitrary: hostile });

/* Ways to send ------------------------------------------------------------------------------- */

/**
 * How a post travels: as the page sends it, as Remix's client sends it (to the page's address
 * with `.data`), or in a way no page of this site sends, which the edge refuses with its own
 * status.
 */
export type Delivery =
  | { kind: "page" }
  /** `elsewhere`: to the data address of a page that takes no post (the home page). */
  | { kind: "data"; elsewhere?: true }
  | { kind: "edge"; status: 403 | 411 | 413 | 415; how: string };

const EDGE: Delivery[] = [
  { kind: "edge", status: 415, how: "text/plain" },
  { kind: "edge", status: 415, how: "application/json" },
  { kind: "edge", status: 415, how: "multipart/form-data" },
  { kind: "edge", status: 415, how: "multipart/form-data; boundary=x" },
  { kind: "edge", status: 415, how: "no content type" },
  { kind: "edge", status: 413, how: "oversize" },
  { kind: "edge", status: 411, how: "chunked" },
  { kind: "edge", status: 403, how: "https://evil.example" },
  { kind: "edge", status: 403, how: "null" },
];

export const delivery: fc.Arbitrary<Delivery> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Delivery>({ kind: "page" }) },
  { weight: 2, arbitrary: fc.constant<Delivery>({ kind: "data" }) },
  // A data post to a page that takes none: Remix refuses it.
  { weight: 1, arbitrary: fc.constant<Delivery>({ kind: "data", elsewhere: true }) },
  { weight: 3, arbitrary: fc.constantFrom(...EDGE) },
);

const BODY_LIMIT = 64 * 1024;

export interface Post {
  path: string;
  form: URLSearchParams;
  cookie?: string;
  client?: string;
  delivery?: Delivery;
}

export interface Answer {
  status: number;
  body: string;
  /** The visible text of an HTML page: no markup, no scripts, entities decoded. */
  text: string;
  location: string | null;
  delivery: Delivery;
  setCookie: string[];
  /** The body sent was larger than the edge takes. */
  oversize?: boolean;
  /** The address held a control character or a broken escape: the edge refuses it first. */
  badUrl?: boolean;
}

/** Sends one post the way `delivery` says and reads the whole answer. */
export async function post({
  path,
  form,
  cookie,
  client,
  delivery = { kind: "page" },
}: Post): Promise<Answer> {
  let response: Response;
  let sent = form.toString();
  // The address the post goes to: the page's own, unless it is sent elsewhere.
  const to = delivery.kind === "data" && delivery.elsewhere ? "/?index" : path;
  if (delivery.kind === "page") {
    response = await send(path, { form, cookie, client });
  } else if (delivery.kind === "data") {
    response = await send(dataPath(to), { form, cookie, client, headers: { Accept: "*/*" } });
  } else if (delivery.how === "oversize") {
    const padded = new URLSearchParams(form);
    padded.append("pad", "x".repeat(BODY_LIMIT + 1));
    sent = padded.toString();
    response = await send(path, { form: padded, cookie, client });
  } else if (delivery.how === "chunked") {
    const base = await appUrl();
    // Never empty: fetch sends an empty stream with a length of 0.
    const bytes = new TextEncoder().encode(sent || "leeg=1");
    // Sent without a length, so the edge never learns its size.
    sent = "";
    response = await fetch(`${base}${path}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: base,
        Accept: "text/html",
        ...(client ? { "X-Forwarded-For": client } : {}),
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
      redirect: "manual",
      // Node's fetch needs it for a streamed body.
      duplex: "half",
    });
  } else if (delivery.status === 403) {
    response = await send(path, { form, cookie, client, headers: { Origin: delivery.how } });
  } else {
    const type = delivery.how === "no content type" ? "" : delivery.how;
    if (delivery.how === "application/json") sent = JSON.stringify(Object.fromEntries(form));
    response = await rawPost(path, sent, { "Content-Type": type, cookie, client });
  }
  const body = await response.text();
  return {
    status: response.status,
    body,
    text: visibleText(body),
    location: response.headers.get("location"),
    delivery,
    setCookie: response.headers.getSetCookie(),
    oversize: Buffer.byteLength(sent) > BODY_LIMIT,
    badUrl: !isCleanUrl(to),
  };
}

/**
 * Whether a post was answered with a redirect: a 302 to the page, a 202 to Remix's client (both
 * name the target in Location).
 */
export function redirected(answer: Answer): boolean {
  return answer.status === 302 || (answer.delivery.kind === "data" && answer.status === 202);
}

/** A page requested as a browser does, read like an answer to a post. */
export async function getPage(path: string, cookie?: string): Promise<Answer> {
  const response = await send(path, { cookie });
  const body = await response.text();
  return {
    status: response.status,
    body,
    text: visibleText(body),
    location: response.headers.get("location"),
    delivery: { kind: "page" },
    setCookie: response.headers.getSetCookie(),
    badUrl: !isCleanUrl(path),
  };
}

/** A post with a body as written, for what URLSearchParams will not produce. */
export async function rawPost(
  path: string,
  body: string,
  {
    cookie,
    client,
    ...headers
  }: { cookie?: string; client?: string; "Content-Type"?: string } = {},
): Promise<Response> {
  const base = await appUrl();
  const all: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: base,
    Accept: "text/html",
    ...headers,
  };
  if (client) all["X-Forwarded-For"] = client;
  if (cookie) all.Cookie = cookie;
  for (const [name, value] of Object.entries(all)) if (value === "") delete all[name];
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: all,
    // A Blob without a type keeps fetch from adding a Content-Type of its own.
    body: new Blob([body]),
    redirect: "manual",
  });
}

/** Bodies that are not what URLSearchParams writes: broken escapes, bytes that are no UTF-8. */
export const malformedBody: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "%ED%A0%80", // a lone surrogate, as UTF-8 would write it if it could
        "%ED%B0%80",
        "%FF",
        "%C0%80", // an overlong NUL
        "%E2%80",
        "%",
        "%zz",
        "%2",
        "&",
        "&&",
        "=",
        "==",
        "+",
        "%00",
        "%0D%0A",
        ";",
      ),
      fc.constantFrom(
        "name",
        "email",
        "intent",
        "registrationId",
        "password",
        "title",
        "message",
        "subject",
        "body",
        "consent=on",
        "intent=cancel",
        "intent=add",
        "audience=confirmed",
      ),
      fc.string({ unit: "binary-ascii", maxLength: 8 }).map(encodeURIComponent),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(""));

/* Checks ------------------------------------------------------------------------------------- */

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X"))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name] ?? entity;
    })
    .replace(/\s+/g, " ");
}

/** Several texts a message may be, each from the catalogue: the message shows one of them. */
export type Expected =
  | MessageKey
  | { key: MessageKey; values?: Record<string, string | number> }
  /** A literal part of a message whose values the test cannot know. */
  | { fragment: string };

const asText = (expected: Expected) =>
  typeof expected === "string"
    ? t(expected)
    : "fragment" in expected
      ? expected.fragment
      : t(expected.key, expected.values);

/**
 * The properties every answer has: never a 5xx; a refusal at the edge has the edge's status and
 * message; a 4xx says something: a page says one of `messages` or of the root's messages for its
 * status, a data request's answer has a body. Only a 409 may be a page without a message of its own.
 */
export function expectAnswered(answer: Answer, messages?: Partial<Record<number, Expected[]>>) {
  const { status, delivery } = answer;
  const context = `${status} ${delivery.kind}${"how" in delivery ? ` ${delivery.how}` : ""}: ${answer.text.slice(0, 300)}`;
  expect(status, context).toBeGreaterThanOrEqual(200);
  expect(status, context).toBeLessThan(500);
  // The edge checks the address, then the origin, then the length, then the type.
  if (answer.badUrl) {
    expect(status, context).toBe(400);
    expect(answer.text, context).toContain(t("edge.badRequest.body"));
    return;
  }
  const refusedAtEdge =
    delivery.kind === "edge" && !(delivery.status === 415 && answer.oversize)
      ? delivery.status
      : answer.oversize
        ? 413
        : undefined;
  if (refusedAtEdge) {
    expect(status, context).toBe(refusedAtEdge);
    const key = {
      403: "edge.forbidden.body",
      411: "edge.unsupported.body",
      413: "edge.tooLarge.body",
      415: "edge.unsupported.body",
    } as const;
    expect(answer.text, context).toContain(t(key[refusedAtEdge]));
    return;
  }
  if (status < 400) return;
  expect(answer.body.trim().length, context).toBeGreaterThan(0);
  if (delivery.kind !== "page") return;
  const expected = [...(messages?.[status] ?? []), ...(COMMON[status] ?? [])];
  // A conflict (409) the page has no words for is shown as the page itself: see the report.
  if (!expected.length && status === 409) return;
  expect(expected.length, `no message expected for ${context}`).toBeGreaterThan(0);
  const said = expected.map(asText);
  expect(
    said.some((text) => answer.text.includes(text)),
    `${context}\n  expected one of: ${said.join(" | ")}`,
  ).toBe(true);
}

/** What the root pages say for a status wherever it comes from. */
const COMMON: Partial<Record<number, Expected[]>> = {
  // A URL the router cannot decode ("%ZZ"): the edge's own page.
  400: ["edge.badRequest.body"],
  404: ["notFound.body"],
  403: ["forbidden.body"],
  429: [{ key: "tooMany.body", values: { minutes: 1 } }, "tooMany.title"],
};

/* Storage ------------------------------------------------------------------------------------ */

/**
 * Everything a form may store, as it is now: full rows of the small tables, and count and last
 * id of the append-only ones. Abuse-limit counters are left out: counting a refused request is
 * what they are for. So are the audit entries of wrong passwords, which record a refusal (and
 * are written a moment after the answer).
 */
export async function stored(): Promise<Record<string, unknown>> {
  const { db } = database();
  const tail = async (table: "outbox" | "audit_log") => {
    const row = await db
      .selectFrom(table)
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("id").as("last")])
      .$if(table === "audit_log", (query) =>
        query.where(sql.ref("action"), "<>", "organiser.signInFailed"),
      )
      .executeTakeFirstOrThrow();
    return { n: Number(row.n), last: Number(row.last ?? 0) };
  };
  const [
    sessions,
    partners,
    registrations,
    organisers,
    scopes,
    authSessions,
    resets,
    outbox,
    audit,
    questions,
    answers,
  ] = await Promise.all([
    db.selectFrom("sessions").selectAll().orderBy("id").execute(),
    db
      .selectFrom("session_partners")
      .selectAll()
      .orderBy("session_id")
      .orderBy("position")
      .execute(),
    db.selectFrom("registrations").selectAll().orderBy("id").execute(),
    db.selectFrom("organisers").selectAll().orderBy("id").execute(),
    db.selectFrom("organiser_scopes").selectAll().orderBy("id").execute(),
    db.selectFrom("auth_sessions").selectAll().orderBy("token_hash").execute(),
    db.selectFrom("password_resets").selectAll().orderBy("token_hash").execute(),
    tail("outbox"),
    tail("audit_log"),
    db.selectFrom("session_questions").selectAll().orderBy("id").execute(),
    db
      .selectFrom("registration_answers")
      .selectAll()
      .orderBy("registration_id")
      .orderBy("question_id")
      .execute(),
  ]);
  return {
    sessions,
    partners,
    registrations,
    organisers,
    scopes,
    authSessions,
    resets,
    outbox,
    audit,
    questions,
    answers,
  };
}

/** Nothing half-stored: an answer that refused the form left every table as it was. */
export async function expectUnchangedWhenRefused(answer: Answer, before: Record<string, unknown>) {
  if (answer.status < 400) return;
  expect(await stored(), `${answer.status}: ${answer.text.slice(0, 200)}`).toEqual(before);
}

/** Runs per property: enough to find the odd value, few enough for a 2-core machine. */
export const RUNS = 40;
