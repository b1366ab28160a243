import { PAGE_SIZE } from "./api-query";
import { QUESTION_TYPES } from "./questions";
import { SESSION_KINDS, SESSION_LANGUAGES } from "./session-kinds";

/**
 * The OpenAPI 3.1 description of the public read API. test/api.test.ts checks it against the
 * OpenAPI schema and every answer the API gives against it, so it cannot drift from the code.
 */

const AVAILABILITY = ["open", "waitlist", "notYetOpen", "closed", "past", "cancelled"];

const dateTime = (description: string) => ({
  type: "string",
  format: "date-time",
  description,
});

const nullable = (schema: Record<string, unknown>) => ({
  ...schema,
  type: [schema.type as string, "null"],
});

const slugParameter = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
});

const instantParameter = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description: `${description} A date (\`2026-12-03\`, midnight in Brussels) or a date-time with its offset (\`2026-12-03T08:00:00+01:00\`).`,
  schema: { type: "string" },
});

const texts = (description: string) => ({
  type: "object",
  additionalProperties: false,
  required: ["nl", "fr", "en"],
  properties: { nl: { type: "string" }, fr: { type: "string" }, en: { type: "string" } },
  description,
});

const problem = (description: string) => ({
  description,
  headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } },
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const notModified = {
  description: "The client's copy (If-None-Match) is current.",
  headers: { ETag: { $ref: "#/components/headers/ETag" } },
};

export function openApiDocument(publicUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Ondernemersagenda public API",
      version: "1.0.0",
      description:
        "The city's sessions for entrepreneurs, as the public pages show them: read-only, no key needed, readable from any origin (CORS). Answers carry an ETag (send it back in If-None-Match for a 304) and may be cached for a few seconds.",
    },
    servers: [{ url: publicUrl }],
    paths: {
      "/api/sessions": {
        get: {
          operationId: "listSessions",
          summary: "Upcoming sessions, soonest first",
          description:
            "Sessions that start after `from` (default: now), cancelled ones included with `status: cancelled`, in pages. Unknown or repeated parameters are refused with 400.",
          parameters: [
            slugParameter("city", "Only sessions in this city (its slug, e.g. `leuven`)."),
            {
              name: "kind",
              in: "query",
              required: false,
              description: "Only sessions of this kind.",
              schema: { type: "string", enum: [...SESSION_KINDS] },
            },
            slugParameter("partner", "Only sessions with this partner (its slug, e.g. `voka`)."),
            {
              name: "language",
              in: "query",
              required: false,
              description: "Only sessions given in this language.",
              schema: { type: "string", enum: [...SESSION_LANGUAGES] },
            },
            instantParameter("from", "Only sessions that start after this moment."),
            instantParameter("to", "Only sessions that start before this moment."),
            {
              name: "limit",
              in: "query",
              required: false,
              description: "Sessions per page.",
              schema: {
                type: "integer",
                minimum: 1,
                maximum: PAGE_SIZE.max,
                default: PAGE_SIZE.default,
              },
            },
            {
              name: "cursor",
              in: "query",
              required: false,
              description: "Where the next page starts: take it from `next`; do not make one.",
              schema: { type: "string" },
            },
          ],
          responses: {
            "200": {
              description: "A page of sessions.",
              headers: {
                ETag: { $ref: "#/components/headers/ETag" },
                Link: {
                  description: 'The next page, as `<url>; rel="next"`, when there is one.',
                  schema: { type: "string" },
                },
              },
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/SessionList" } },
              },
            },
            "304": notModified,
            "400": problem("A parameter is not valid: `problems` names each one."),
            "429": problem("Too many requests from this client: wait `Retry-After` seconds."),
          },
        },
      },
      "/api/sessions/{slug}": {
        get: {
          operationId: "getSession",
          summary: "One session",
          parameters: [
            {
              name: "slug",
              in: "path",
              required: true,
              description: "The session's slug, as in its page's address.",
              schema: { type: "string" },
            },
          ],
          responses: {
            "200": {
              description: "The session.",
              headers: { ETag: { $ref: "#/components/headers/ETag" } },
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/Session" } },
              },
            },
            "304": notModified,
            "404": problem("There is no session with this slug."),
            "429": problem("Too many requests from this client: wait `Retry-After` seconds."),
          },
        },
      },
    },
    components: {
      headers: {
        ETag: { description: "The version of this answer.", schema: { type: "string" } },
        RetryAfter: {
          description: "Seconds to wait before asking again (429 only).",
          schema: { type: "integer" },
        },
      },
      schemas: {
        SessionList: {
          type: "object",
          required: ["sessions", "next"],
          additionalProperties: false,
          properties: {
            sessions: { type: "array", items: { $ref: "#/components/schemas/Session" } },
            next: {
              type: ["string", "null"],
              format: "uri",
              description: "The address of the next page; null on the last one.",
            },
          },
        },
        Session: {
          type: "object",
          additionalProperties: false,
          required: [
            "slug",
            "url",
            "pages",
            "calendarUrl",
            "title",
            "summary",
            "description",
            "kind",
            "language",
            "status",
            "availability",
            "startsAt",
            "endsAt",
            "timeZone",
            "city",
            "venue",
            "partners",
            "capacity",
            "seatsLeft",
            "registration",
            "updatedAt",
            "questions",
          ],
          properties: {
            slug: { type: "string" },
            url: { type: "string", format: "uri", description: "The session's page." },
            pages: {
              type: "object",
              additionalProperties: false,
              required: ["nl", "fr", "en"],
              properties: {
                nl: { type: "string", format: "uri" },
                fr: { type: "string", format: "uri" },
                en: { type: "string", format: "uri" },
              },
              description:
                "The session's page in Dutch (the same as url), French and English: link the one of your site's language.",
            },
            calendarUrl: {
              type: "string",
              format: "uri",
              description: "The session as an iCalendar file (METHOD:PUBLISH).",
            },
            title: { type: "string" },
            summary: { type: "string" },
            description: { type: "string" },
            kind: { type: "string", enum: [...SESSION_KINDS] },
            language: {
              type: "string",
              enum: [...SESSION_LANGUAGES],
              description: "The language the session is given in.",
            },
            status: { type: "string", enum: ["scheduled", "cancelled"] },
            availability: {
              type: "string",
              enum: AVAILABILITY,
              description:
                "Whether one can sign up now: `open` (seats left), `waitlist` (full, the waiting list is open), `notYetOpen`, `closed`, `past` or `cancelled`.",
            },
            startsAt: dateTime("The start, with the Brussels offset of that day."),
            endsAt: dateTime("The end, with the Brussels offset of that day."),
            timeZone: { type: "string", const: "Europe/Brussels" },
            city: {
              type: "object",
              additionalProperties: false,
              required: ["slug", "name"],
              properties: { slug: { type: "string" }, name: { type: "string" } },
            },
            venue: {
              type: "object",
              additionalProperties: false,
              required: ["name", "address", "latitude", "longitude"],
              properties: {
                name: { type: "string" },
                address: { type: "string" },
                latitude: { type: ["number", "null"], minimum: -90, maximum: 90 },
                longitude: { type: ["number", "null"], minimum: -180, maximum: 180 },
              },
            },
            partners: {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["slug", "name", "website"],
                properties: {
                  slug: { type: "string" },
                  name: { type: "string" },
                  website: { type: ["string", "null"] },
                },
              },
            },
            capacity: { type: "integer", minimum: 0 },
            seatsLeft: { type: "integer", minimum: 0 },
            registration: {
              type: "object",
              additionalProperties: false,
              required: ["opensAt", "closesAt", "requiresApproval", "emailDomains"],
              properties: {
                opensAt: nullable(dateTime("When sign-up opens; null: already open.")),
                closesAt: nullable(dateTime("When sign-up closes; null: at the start.")),
                requiresApproval: {
                  type: "boolean",
                  description:
                    "A sign-up is a request: the organisers approve it (a seat) or decline it.",
                },
                emailDomains: {
                  type: "array",
                  items: { type: "string" },
                  description:
                    "Only addresses of these domains may sign up (exactly these, no subdomains); empty: any address.",
                },
              },
            },
            updatedAt: dateTime("When the session was last changed."),
            questions: {
              type: "array",
              items: { $ref: "#/components/schemas/Question" },
              description:
                "What the sign-up form asks besides name, email address, organisation and enterprise number, in its order. Answers are never part of the API.",
            },
          },
        },
        Question: {
          type: "object",
          additionalProperties: false,
          required: [
            "id",
            "type",
            "label",
            "help",
            "required",
            "perPerson",
            "display",
            "choices",
            "maxLength",
            "min",
            "max",
          ],
          properties: {
            id: { type: "integer" },
            type: {
              type: "string",
              enum: [...QUESTION_TYPES],
              description:
                "`shortText`, `longText`, `oneChoice`, `severalChoices`, `yesNo`, `number` (a whole number) or `mustTick` (a box that must be ticked to sign up).",
            },
            label: texts("The question; French and English fall back to Dutch."),
            help: {
              ...texts("An explanation under the question; null: none."),
              type: ["object", "null"],
            },
            required: {
              type: "boolean",
              description: "Whether one can sign up without answering.",
            },
            perPerson: {
              type: "boolean",
              description: "Asked of each person when one sign-up brings several people.",
            },
            display: {
              type: ["string", "null"],
              enum: ["radio", "select", null],
              description: "`oneChoice`: shown as radio buttons or a select; null for other types.",
            },
            choices: {
              type: "array",
              description:
                "The choices offered (choice types only), each with a key that never changes.",
              items: {
                type: "object",
                additionalProperties: false,
                required: ["key", "label"],
                properties: {
                  key: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
                  label: texts("The choice as the form shows it."),
                },
              },
            },
            maxLength: {
              type: ["integer", "null"],
              minimum: 1,
              description: "Text types: the most characters an answer may have.",
            },
            min: { type: ["integer", "null"], description: "`number`: the smallest answer taken." },
            max: { type: ["integer", "null"], description: "`number`: the largest answer taken." },
          },
        },
        Problem: {
          type: "object",
          description: "An RFC 9457 problem.",
          required: ["type", "title", "status", "detail"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            problems: {
              type: "array",
              items: {
                type: "object",
                required: ["parameter", "message"],
                properties: { parameter: { type: "string" }, message: { type: "string" } },
              },
            },
          },
        },
      },
    },
  };
}
