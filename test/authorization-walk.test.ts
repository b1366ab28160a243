import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Secret, TOTP } from "otpauth";
import { beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../app/i18n";
import { localePath } from "../app/lib/locale-path";
import { createOrganiser } from "../app/models/organiser.server";
import { requestPasswordReset } from "../app/models/password-reset.server";
import { signUp } from "../app/models/registration.server";
import { issueRegistrationToken } from "../app/models/registration-token.server";
import { beginEnrolment, confirmEnrolment } from "../app/models/two-step.server";
import { database } from "../db/client";
import { writeTransaction } from "../db/transaction";
import {
  addQuestions,
  createSession,
  person,
  registrationsOf,
  renderQueuedMail,
} from "./support/factories";
import { builtServer, dataPath, send } from "./support/http";
import { signedInOrganiser, signInOverHttp } from "./support/organisers";
import { linksOf } from "./support/tokens";

/**
 * The authorization walk: every route of the app, found from the files in app/routes, is
 * requested over real HTTP against the built app, with every method it answers, by six people:
 * nobody, an organiser of another city, the organiser of the city the data is in, an admin, a
 * volunteer at the door of the session the data is in (who sees its check-in and nothing else),
 * and an admin with two-step sign-in who gave the right password but not yet the code (who gets
 * the code page and nothing of the workspace).
 * What each of them gets is decided in CHECKS, one entry a route file. A route file without an
 * entry fails the walk: a new page cannot ship before someone has decided who may open it.
 */

const ROLES = [
  "anonymous",
  "foreignOrganiser",
  "rightOrganiser",
  "admin",
  "door",
  "pending",
] as const;
type Role = (typeof ROLES)[number];

/**
 * GET and POST as a browser sends them; DATA is the request Remix's client sends for a page's
 * data (`<path>.data`), here with `?_routes=<route id>` as a fetcher's load sends it: it runs
 * that route's loader alone, without the root's or a layout's.
 */
type Method = "GET" | "POST" | "DATA";

/**
 * An exact status, the sign-in page that comes back here, the code page of two-step sign-in
 * (going on to the workspace), or another redirect (to an address that may depend on the walk's
 * records).
 */
type Outcome = number | "signIn" | "codeStep" | { redirect: string | ((data: WalkData) => string) };
type Outcomes = Record<Role, Outcome>;

/** The real records the walk fills route params with, made in `beforeAll`. */
interface WalkData {
  sessionId: string;
  sessionSlug: string;
  citySlug: string;
  cityId: string;
  partnerSlug: string;
  registrationId: string;
  manageToken: string;
  checkinCode: string;
  viewToken: string;
  /** The key of a survey link after the session, as a thank-you mail carries it. */
  surveyToken: string;
  resetToken: string;
  today: string;
  inAYear: string;
}

interface RouteCheck {
  /** Values for the route's params; all of them are of city A, the right organiser's city. */
  params?: (data: WalkData) => Record<string, string>;
  /** The same params naming nothing: another city's record must answer exactly like these. */
  absentParams?: Record<string, string>;
  query?: (data: WalkData) => string;
  /** GET (and DATA, for pages with a loader). */
  get?: Outcomes;
  /** A harmless or invalid form: the point is the answer, never a change. */
  post?: { form: (data: WalkData) => Record<string, string>; expect: Outcomes };
  /**
   * More forms the same action takes (its other intents), each walked like `post`: a form that
   * reaches the intent's own checks and changes nothing.
   */
  intents?: Record<string, { form: (data: WalkData) => Record<string, string>; expect: Outcomes }>;
  /** A download of attendees: no cache may keep it. */
  attendeeData?: true;
  /** Who must see the attendee on a 200: proof that the leak checks look at a page holding them. */
  showsAttendeeTo?: Role[];
  /** The URL is the attendee's own key (their manage link): whoever holds it sees their data. */
  keyInUrl?: true;
  /** Signing out ends the session behind the cookie: each role posts with a cookie of its own. */
  signsOut?: true;
}

const everyone = (outcome: Outcome): Outcomes => ({
  anonymous: outcome,
  foreignOrganiser: outcome,
  rightOrganiser: outcome,
  admin: outcome,
  door: outcome,
  pending: outcome,
});
/** Any signed-in organiser: their own data, whatever their scope; not a door volunteer. */
const organisers = (outcome: Outcome): Outcomes => ({
  ...everyone(outcome),
  anonymous: "signIn",
  door: 403,
  pending: "signIn",
});
/** One session (or attendee) of city A: another city's organiser must not learn it exists. */
const inScope = (outcome: Outcome): Outcomes => ({
  anonymous: "signIn",
  foreignOrganiser: 404,
  rightOrganiser: outcome,
  admin: outcome,
  door: 403,
  pending: "signIn",
});
/** The check-in of city A's session: its door volunteer too. */
const atTheDoor = (outcome: Outcome): Outcomes => ({ ...inScope(outcome), door: outcome });
const adminOnly = (outcome: Outcome): Outcomes => ({
  anonymous: "signIn",
  foreignOrganiser: 403,
  rightOrganiser: 403,
  admin: outcome,
  door: 403,
  pending: "signIn",
});
/** Signed in (any role) or not: the stages of signing in send everyone where they belong. */
const signedInOr = (outcome: Outcome, others: Partial<Outcomes>): Outcomes => ({
  ...everyone(outcome),
  ...others,
});

const session = (data: WalkData) => ({ id: data.sessionId });
const NO_SESSION = { id: "2147480000" };
const IN_SCOPE_ROLES: Role[] = ["rightOrganiser", "admin"];
const AT_THE_DOOR: Role[] = [...IN_SCOPE_ROLES, "door"];

/** Every route file of the app and who may do what with it. */
const CHECKS: Record<string, RouteCheck> = {
  "$.tsx": { params: () => ({ "*": "bestaat/niet" }), get: everyone(404) },
  "($lang)._index.tsx": { get: everyone(200) },
  // Replies from calendars, posted by a mail server with a token as raw mail: a form (what a
  // browser sends) is refused at the edge, whoever is signed in.
  // Without INBOUND_MAIL_TOKEN (as here) the endpoint is not there: GET is 404.
  "api.inbound-mail.ts": { get: everyone(404), post: { form: () => ({}), expect: everyone(415) } },
  "api.openapi[.json].ts": {
    get: everyone(200),
    post: { form: () => ({}), expect: everyone(405) },
  },
  "api.sessions.ts": { get: everyone(200), post: { form: () => ({}), expect: everyone(405) } },
  "api.sessions.$slug.ts": {
    params: (data) => ({ slug: data.sessionSlug }),
    get: everyone(200),
    post: { form: () => ({}), expect: everyone(405) },
  },
  // The feed of every session to come: public, names no attendee.
  "agenda[.ics].ts": { query: (data) => `?stad=${data.citySlug}`, get: everyone(200) },
  // A door volunteer's start is the list of their sessions' check-ins.
  "($lang).beheer._index.tsx": { get: { ...organisers(200), door: 200 } },
  "($lang).beheer.export.download.ts": {
    // City A's attendees over a year: another city's organiser gets a file without them.
    query: (data) => `?stad=${data.cityId}&van=${data.today}&tot=${data.inAYear}&formaat=csv`,
    get: organisers(200),
    attendeeData: true,
    showsAttendeeTo: IN_SCOPE_ROLES,
  },
  "($lang).beheer.export.tsx": { get: organisers(200) },
  // The report: figures only, each organiser's of their own scope.
  "($lang).beheer.cijfers.tsx": { get: organisers(200) },
  "($lang).beheer.cijfers[.xlsx].ts": { query: () => "?periode=jaar", get: organisers(200) },
  "($lang).beheer.inchecken.$code.tsx": {
    params: (data) => ({ code: data.checkinCode }),
    absentParams: { code: "onbestaande-incheckcode" },
    get: atTheDoor(200),
    // Neither present nor absent: refused once the person is known to be in scope.
    post: { form: () => ({ present: "misschien" }), expect: atTheDoor(400) },
    showsAttendeeTo: AT_THE_DOOR,
  },
  "($lang).beheer.logboek.tsx": { get: adminOnly(200) },
  // Erasing a person by address on their request: admins only, like the log.
  "($lang).beheer.persoonsgegevens.tsx": {
    get: adminOnly(200),
    post: { form: () => ({ email: "" }), expect: adminOnly(400) },
  },
  "($lang).beheer.organisatoren.tsx": {
    get: adminOnly(200),
    post: { form: () => ({ name: "", email: "", role: "organiser" }), expect: adminOnly(400) },
  },
  // The mail domains that may join through the city's accounts: admins only, like the organisers.
  "($lang).beheer.organisatoren_.domeinen.tsx": {
    get: adminOnly(200),
    post: { form: () => ({ domain: "", scope: "" }), expect: adminOnly(400) },
  },
  "($lang).beheer.sessies.$id.tsx": {
    params: session,
    absentParams: NO_SESSION,
    get: inScope(200),
    post: {
      form: (data) => ({ intent: "wandelen", registrationId: data.registrationId }),
      expect: inScope(400),
    },
    // Deciding a request: the walk's attendee holds a seat, not a request, so nothing changes.
    intents: {
      approve: {
        form: (data) => ({ intent: "approve", registrationId: data.registrationId }),
        expect: inScope(409),
      },
      decline: {
        form: (data) => ({
          intent: "decline",
          registrationId: data.registrationId,
          reason: "Geen plaats meer voor wandelaars.",
        }),
        expect: inScope(409),
      },
    },
    showsAttendeeTo: IN_SCOPE_ROLES,
  },
  "($lang).beheer.sessies.$id_.annuleren.tsx": {
    params: session,
    absentParams: NO_SESSION,
    get: inScope(200),
    // An empty form would cancel the session: a note over the limit is refused instead.
    post: { form: () => ({ message: "x".repeat(1001) }), expect: inScope(400) },
  },
  "($lang).beheer.sessies.$id_.bericht.tsx": {
    params: session,
    absentParams: NO_SESSION,
    get: inScope(200),
    post: { form: () => ({}), expect: inScope(400) },
  },
  "($lang).beheer.sessies.$id_.bewerken.tsx": {
    params: session,
    absentParams: NO_SESSION,
    get: inScope(200),
    post: { form: () => ({}), expect: inScope(400) },
  },
  "($lang).beheer.sessies.$id_.export.ts": {
    params: session,
    absentParams: NO_SESSION,
    query: () => "?formaat=csv",
    get: inScope(200),
    attendeeData: true,
    showsAttendeeTo: IN_SCOPE_ROLES,
  },
  // The questions a session asks at sign-up: its organisers edit them. A question without a
  // label is refused once the session is known to be in scope.
  "($lang).beheer.sessies.$id_.vragen.tsx": {
    params: session,
    absentParams: NO_SESSION,
    get: inScope(200),
    post: { form: () => ({ intent: "add", type: "yesNo", labelNl: "" }), expect: inScope(400) },
  },
  // The questions of its own a session's survey asks: its organisers only, as at sign-up.
  "($lang).beheer.sessies.$id_.enquete_.vragen.tsx": {
    params: session,
    absentParams: NO_SESSION,
    get: inScope(200),
    post: { form: () => ({ intent: "add", type: "scale", labelNl: "" }), expect: inScope(400) },
  },
  // The survey's results of a session: anonymous, for its organisers only.
  "($lang).beheer.sessies.$id_.enquete.tsx": {
    params: session,
    absentParams: NO_SESSION,
    get: inScope(200),
  },
  "($lang).beheer.sessies.$id_.enquete[.csv].ts": {
    params: session,
    absentParams: NO_SESSION,
    query: () => "?formaat=csv",
    get: inScope(200),
  },
  "($lang).beheer.sessies.$id_.inchecken.tsx": {
    params: session,
    absentParams: NO_SESSION,
    get: atTheDoor(200),
    post: {
      form: (data) => ({ registrationId: data.registrationId, present: "misschien" }),
      expect: atTheDoor(400),
    },
    // Someone walking in without a name: refused once the session is known to be theirs.
    intents: {
      walkIn: {
        form: () => ({ intent: "walkIn", operation: "wandel-operatie-0001", name: "" }),
        expect: atTheDoor(400),
      },
    },
    showsAttendeeTo: AT_THE_DOOR,
  },
  // Where the check-in page sends what a phone queued at the door: its organisers and its door
  // volunteer. A queue that is no queue is refused once the session is known to be theirs.
  "($lang).beheer.sessies.$id_.inchecken_.wachtrij.ts": {
    params: session,
    absentParams: NO_SESSION,
    post: { form: () => ({ sentAt: "", operations: "[]" }), expect: atTheDoor(400) },
  },
  // Who checks people in at the door: the session's organisers invite them and end their access.
  // An invitation without a name is refused once the session is known to be in scope.
  "($lang).beheer.sessies.$id_.deur.tsx": {
    params: session,
    absentParams: NO_SESSION,
    get: inScope(200),
    post: {
      form: () => ({ intent: "invite", name: "", email: "", reach: "session" }),
      expect: inScope(400),
    },
    intents: {
      end: {
        // An account that is no door volunteer of this session: nothing ends.
        form: () => ({ intent: "end", volunteerId: NO_SESSION.id }),
        expect: inScope(404),
      },
    },
  },
  "($lang).beheer.sessies.nieuw.tsx": {
    get: organisers(200),
    post: { form: () => ({}), expect: organisers(400) },
  },
  // The frame: a door volunteer's holds no menu but their check-in.
  "($lang).beheer.tsx": { get: { ...organisers(200), door: 200 } },
  // The register of processing: how the city handles personal data, for those who answer for it.
  "($lang).beheer.verwerkingsregister.tsx": { get: adminOnly(200) },
  "($lang).beheer_.afmelden.tsx": {
    get: everyone({ redirect: "/beheer" }),
    post: { form: () => ({}), expect: everyone({ redirect: "/beheer/inloggen" }) },
    signsOut: true,
  },
  "($lang).beheer_.inloggen.tsx": {
    // Someone past their password is sent on to the code.
    get: signedInOr({ redirect: "/beheer" }, { anonymous: 200, pending: "codeStep" }),
    // A wrong password is refused; someone signed in is sent on to the workspace regardless.
    post: {
      form: () => ({ email: "niemand@walk.test", password: "geen-wachtwoord", terug: "/beheer" }),
      // Past the password already: whatever this one says, the page goes on to the code.
      expect: signedInOr({ redirect: "/beheer" }, { anonymous: 401, pending: "codeStep" }),
    },
  },
  // The code after the password: for that stage alone. An empty code is refused there.
  "($lang).beheer_.inloggen_.code.tsx": {
    get: signedInOr(
      { redirect: "/beheer" },
      { anonymous: { redirect: "/beheer/inloggen" }, pending: 200 },
    ),
    post: {
      form: () => ({ code: "", terug: "/beheer" }),
      expect: signedInOr(
        { redirect: "/beheer" },
        { anonymous: { redirect: "/beheer/inloggen" }, pending: 400 },
      ),
    },
  },
  // Setting up a required second step after the password: for that stage (someone signed in
  // sees that it is done, as a post without scripts shows it); the code stage goes to its code.
  "($lang).beheer_.inloggen_.instellen.tsx": {
    get: signedInOr(200, { anonymous: { redirect: "/beheer/inloggen" }, pending: "codeStep" }),
    post: {
      form: () => ({ code: "" }),
      expect: signedInOr(
        { redirect: "/beheer" },
        { anonymous: { redirect: "/beheer/inloggen" }, pending: "codeStep" },
      ),
    },
  },
  // Sign-in with the city's accounts: without a provider configured (as here) neither the start
  // nor the way back is there; test/oidc.test.ts walks them with one. The page that says why a
  // sign-in was refused is the same for everyone.
  "($lang).beheer_.inloggen_.oidc.tsx": { get: everyone(404) },
  "($lang).beheer_.inloggen_.oidc_.terug.tsx": { get: everyone(404) },
  "($lang).beheer_.inloggen_.oidc_.mislukt.tsx": {
    query: () => "?reden=notInvited",
    get: everyone(403),
  },
  // One's own account: the second step and the signed-in devices. An unknown action is refused.
  "($lang).beheer.mijn-account.tsx": {
    get: organisers(200),
    post: { form: () => ({ intent: "wandelen" }), expect: organisers(400) },
  },
  // Adding a passkey (the account page's button): organisers signed in fully; an answer that
  // is no passkey is refused with nothing stored. No GET: a resource route with an action only.
  "($lang).beheer.mijn-account_.passkeys.ts": {
    post: { form: () => ({ intent: "register", response: "{}" }), expect: organisers(400) },
    intents: {
      unknown: { form: () => ({ intent: "wandelen" }), expect: organisers(400) },
    },
  },
  // Signing in with a passkey: for anyone (it is how one signs in); an answer from no passkey of
  // ours is refused, whoever sends it, and sets no cookie.
  "($lang).beheer_.inloggen_.passkey.ts": {
    post: { form: () => ({ intent: "verify", response: "{}" }), expect: everyone(400) },
    intents: {
      unknown: { form: () => ({ intent: "wandelen" }), expect: everyone(400) },
    },
  },
  "($lang).beheer_.wachtwoord-vergeten.tsx": {
    get: everyone(200),
    // An empty address is no address: said, and nothing is sent.
    post: { form: () => ({ email: "" }), expect: everyone(400) },
  },
  "($lang).beheer_.wachtwoord.$token.tsx": {
    params: (data) => ({ token: data.resetToken }),
    get: everyone(200),
    post: { form: () => ({ password: "", repeat: "" }), expect: everyone(400) },
  },
  // For load balancers: the database, migrations and mail queue in figures, nobody's data.
  "embed.tsx": { get: everyone(200) },
  "healthz.ts": { get: everyone(200) },
  // The address in the QR code: on to the check-in page, which decides who may see it.
  "inchecken.$code.ts": {
    params: (data) => ({ code: data.checkinCode }),
    get: everyone({ redirect: (data) => `/beheer/inchecken/${data.checkinCode}` }),
  },
  // The service worker that keeps the check-in pages on a phone: code, nobody's data.
  "inchecken-offline[.js].ts": { get: everyone(200) },
  "inchecken.$code_.qr[.png].ts": {
    params: (data) => ({ code: data.checkinCode }),
    get: everyone(200),
  },
  "($lang).inschrijving.$token.tsx": {
    params: (data) => ({ token: data.manageToken }),
    get: everyone(200),
    post: { form: () => ({ intent: "wandelen" }), expect: everyone(400) },
    keyInUrl: true,
  },
  // The link in the person's invite: whoever reads their calendar may hold it. It shows the
  // session, the name and the status; its one action mails the owner (refused here: 400).
  "($lang).inschrijving.bekijken.$token.tsx": {
    params: (data) => ({ token: data.viewToken }),
    get: everyone(200),
    post: { form: () => ({ intent: "wandelen" }), expect: everyone(400) },
    keyInUrl: true,
  },
  // The survey after the session: whoever holds the link answers it, once; nobody's data shows.
  "($lang).enquete.$token.tsx": {
    params: (data) => ({ token: data.surveyToken }),
    get: everyone(200),
    post: { form: () => ({ rating: "zes" }), expect: everyone(400) },
    keyInUrl: true,
  },
  // The person's own data as a file: whoever holds their manage link.
  "inschrijving.$token_.gegevens[.json].ts": {
    params: (data) => ({ token: data.manageToken }),
    get: everyone(200),
    keyInUrl: true,
  },
  // The person's own invite as a file: whoever holds their manage link.
  "inschrijving.$token_.uitnodiging[.ics].ts": {
    params: (data) => ({ token: data.manageToken }),
    get: everyone(200),
    keyInUrl: true,
  },
  // The certificate of attendance: whoever holds the manage link, once the person was checked
  // in and the session has begun (the walk's attendee was not: 404 for everyone alike).
  "inschrijving.$token_.certificaat[.pdf].ts": {
    params: (data) => ({ token: data.manageToken }),
    get: everyone(404),
    keyInUrl: true,
  },
  // The address on a certificate: public, and it shows no more than the certificate does. A
  // code that is no certificate's is "not genuine" for everyone alike.
  "($lang).certificaat.$code.tsx": {
    params: (data) => ({ code: `${data.registrationId}-000000000000000000000000` }),
    get: everyone(404),
  },
  // A partner's sessions to come: public, like a city's.
  "($lang).partners.$slug.tsx": {
    params: (data) => ({ slug: data.partnerSlug }),
    get: everyone(200),
  },
  // The privacy and accessibility statements: for everyone, nobody's data.
  "($lang).privacy.tsx": { get: everyone(200) },
  "($lang).sessies.$slug.tsx": {
    params: (data) => ({ slug: data.sessionSlug }),
    get: everyone(200),
    post: { form: () => ({}), expect: everyone(400) },
  },
  "sessies.$slug_.agenda[.ics].ts": {
    params: (data) => ({ slug: data.sessionSlug }),
    get: everyone(200),
  },
  "($lang).sessies.$slug_.bedankt.tsx": {
    params: (data) => ({ slug: data.sessionSlug }),
    get: everyone(200),
  },
  "($lang).steden.$city.tsx": { params: (data) => ({ city: data.citySlug }), get: everyone(200) },
  "($lang).voor-partners.tsx": { get: everyone(200) },
  "($lang).toegankelijkheid.tsx": { get: everyone(200) },
};

// ——— Routes from the files ————————————————————————————————————————————————————————————

const ROUTES_DIR = fileURLToPath(new URL("../app/routes", import.meta.url));
const MODULE_EXTENSION = /\.(tsx|ts|jsx|js|mdx|md)$/;

/** The route files as Remix's flat routes read them: files, and folders holding a `route` module. */
function routeFiles(): string[] {
  return readdirSync(ROUTES_DIR, { withFileTypes: true })
    .filter((entry) =>
      entry.isDirectory()
        ? readdirSync(join(ROUTES_DIR, entry.name)).some((name) =>
            /^route\.(tsx|ts|jsx|js)$/.test(name),
          )
        : entry.isFile() && MODULE_EXTENSION.test(entry.name) && !entry.name.startsWith("."),
    )
    .map((entry) => entry.name)
    .sort();
}

const routeIdOf = (file: string) => `routes/${file.replace(MODULE_EXTENSION, "")}`;

/**
 * The URL pattern of a route file under Remix v2 flat routes: `.` separates segments, `[…]`
 * escapes, `$name` is a param and a last `$` the splat, `(…)` is optional, a leading `_` is a
 * pathless layout, a trailing `_` only opts out of nesting, and `_index` is the index route.
 */
function urlPattern(file: string): string {
  const name = file.replace(MODULE_EXTENSION, "");
  const segments: { path: string; raw: string }[] = [];
  let path = "";
  let raw = "";
  let escaping = false;
  [...name].forEach((char, i) => {
    if (escaping) {
      if (char === "]") escaping = false;
      else path += char;
      raw += char;
      return;
    }
    if (char === "." || char === "/") {
      if (raw) segments.push({ path, raw });
      path = "";
      raw = "";
      return;
    }
    raw += char;
    if (char === "[") escaping = true;
    else if (char === "(") return;
    else if (char === ")") path += "?";
    else if (char === "$" && path === "") path = i === name.length - 1 ? "*" : ":";
    else path += char;
  });
  if (raw) segments.push({ path, raw });
  const isIndex = segments.at(-1)?.raw === "_index";
  const parts = (isIndex ? segments.slice(0, -1) : segments)
    .filter((segment) => !(segment.path.startsWith("_") && segment.raw.startsWith("_")))
    .map((segment) =>
      segment.path.endsWith("_") && segment.raw.endsWith("_")
        ? segment.path.slice(0, -1)
        : segment.path,
    );
  return `/${parts.join("/")}`;
}

/** A pattern with its params filled in; an optional segment without a value is left out. */
function fillPattern(pattern: string, params: Record<string, string>): string {
  const filled = pattern
    .split("/")
    .slice(1)
    .flatMap((segment) => {
      const optional = segment.endsWith("?");
      const bare = optional ? segment.slice(0, -1) : segment;
      const key = bare === "*" ? "*" : bare.startsWith(":") ? bare.slice(1) : null;
      if (key === null) return [bare];
      const value = params[key];
      if (value === undefined) {
        if (optional) return [];
        throw new Error(`No value for the param "${key}" of ${pattern}`);
      }
      return [key === "*" ? value : encodeURIComponent(value)];
    });
  return `/${filled.join("/")}`;
}

/** The path of a pattern without its optional language segment: the same page in any language. */
const sitePath = (pattern: string) => pattern.replace(/^\/:lang\?(?=\/|$)/, "") || "/";

/** The pages whose HTML holds someone's data: no cache may keep them, no search engine list them. */
function isPersonal(languagePattern: string): boolean {
  const pattern = sitePath(languagePattern);
  return (
    pattern === "/beheer" ||
    pattern.startsWith("/beheer/") ||
    pattern.startsWith("/inschrijving/") ||
    pattern.startsWith("/certificaat/") ||
    pattern.startsWith("/enquete/") ||
    /^\/sessies\/[^/]+\/bedankt$/.test(pattern)
  );
}

// The built app the harness serves: which routes it has, and what each module exports.
const { build } = await builtServer().catch((error: unknown) => {
  throw new Error(`The walk needs the built app: run \`npx remix build\` first (${error})`);
});

/** The full path of a route in the build, from its own path and its parents'. */
function builtPattern(id: string): string {
  const parts: string[] = [];
  for (let route = build.routes[id]; route; route = build.routes[route.parentId ?? ""]) {
    if (route.path) parts.unshift(route.path);
  }
  return `/${parts.join("/")}`;
}

function methodsOf(file: string): Method[] {
  const module = build.routes[routeIdOf(file)]?.module;
  if (!module) return [];
  const methods: Method[] = [];
  if (module.loader || module.default) methods.push("GET");
  if (module.action) methods.push("POST");
  if (module.loader && module.default) methods.push("DATA");
  return methods;
}

const isPage = (file: string) => Boolean(build.routes[routeIdOf(file)]?.module.default);

// ——— The people and the data ————————————————————————————————————————————————————————————

const PASSWORD = "wandel-door-elke-route";
const ATTENDEE = {
  name: "Griet Wandelwalk",
  email: "griet.wandelwalk@example.org",
  organisation: "Wandelatelier bv",
};
/** What a door volunteer sees nowhere: the attendee's address, organisation and answers. */
const BEYOND_THE_DOOR = [ATTENDEE.email, "griet.wandelwalk", ATTENDEE.organisation, "Vegetarisch"];
/** Whatever names the attendee of city A, in any answer. */
const ATTENDEE_MARK = /wandelwalk/i;
/** City A's name, also in its session's title: nothing under /beheer shows it to outsiders. */
const CITY_A = "Walkstad A";

const data = {} as WalkData;
const cookies = {} as Record<Exclude<Role, "anonymous" | "pending">, string>;
const emails: Record<Exclude<Role, "anonymous">, string> = {
  foreignOrganiser: "stad-b@walk.test",
  rightOrganiser: "stad-a@walk.test",
  admin: "admin@walk.test",
  door: "deur-a@walk.test",
  pending: "tweede-stap@walk.test",
};
let before: Awaited<ReturnType<typeof snapshot>>;

/** What no request of the walk may change. */
async function snapshot() {
  const { db } = database();
  return {
    cities: await db.selectFrom("cities").selectAll().orderBy("id").execute(),
    partners: await db.selectFrom("partners").selectAll().orderBy("id").execute(),
    sessions: await db.selectFrom("sessions").selectAll().orderBy("id").execute(),
    sessionPartners: await db
      .selectFrom("session_partners")
      .selectAll()
      .orderBy("session_id")
      .orderBy("partner_id")
      .execute(),
    registrations: await db.selectFrom("registrations").selectAll().orderBy("id").execute(),
    questions: await db.selectFrom("session_questions").selectAll().orderBy("id").execute(),
    answers: await db
      .selectFrom("registration_answers")
      .selectAll()
      .orderBy("registration_id")
      .orderBy("question_id")
      .execute(),
    organisers: await db
      .selectFrom("organisers")
      .select(["id", "email", "name", "role", "password_hash"])
      .orderBy("id")
      .execute(),
    scopes: await db.selectFrom("organiser_scopes").selectAll().execute(),
    outbox: await db
      .selectFrom("outbox")
      .select(["id", "to_email", "kind"])
      .orderBy("id")
      .execute(),
  };
}

beforeAll(async () => {
  const { db } = database();
  const sessionA = await createSession({ title: `Wandelsessie in ${CITY_A}` });
  const sessionB = await createSession({ title: "Wandelsessie in Walkstad B" });
  // Cities with names of their own, so a page that shows city A's name can be caught doing so.
  await db.updateTable("cities").set({ name: CITY_A }).where("id", "=", sessionA.city_id).execute();
  await db
    .updateTable("cities")
    .set({ name: "Walkstad B" })
    .where("id", "=", sessionB.city_id)
    .execute();
  const cityOf = (id: number) =>
    db.selectFrom("cities").select(["id", "slug"]).where("id", "=", id).executeTakeFirstOrThrow();
  const cityA = await cityOf(sessionA.city_id);
  const cityB = await cityOf(sessionB.city_id);
  // City A's session asks about dietary needs, and the attendee answers.
  const [dietary = 0] = await addQuestions(sessionA.id);
  const answers = [{ questionId: dietary, value: "Vegetarisch" }];
  const signed = await signUp(sessionA.slug, person(1, { ...ATTENDEE, answers }), {
    locale: "nl-BE",
  });
  expect(signed.ok).toBe(true);
  const [registration] = await registrationsOf(sessionA.id);
  if (!registration) throw new Error("the sign-up made no registration");
  const links = await linksOf(registration.id);
  const surveyToken = await writeTransaction((trx) =>
    issueRegistrationToken(trx, registration.id, "survey", new Date().toISOString()),
  );
  // Enough answers that the results show, and can be downloaded.
  await db
    .insertInto("survey_responses")
    .values(
      [4, 5, 3].map((rating) => ({
        session_id: sessionA.id,
        rating,
        useful: "yes" as const,
        comment: null,
      })),
    )
    .execute();
  const partnerA = await db
    .selectFrom("session_partners")
    .innerJoin("partners", "partners.id", "session_partners.partner_id")
    .select("partners.slug")
    .where("session_partners.session_id", "=", sessionA.id)
    .executeTakeFirstOrThrow();

  // A reset link as the mail carries it, for the page that sets a new password.
  const resetEmail = "herstel@walk.test";
  await createOrganiser({ email: resetEmail, name: "Herstel", password: PASSWORD, role: "admin" });
  await requestPasswordReset(resetEmail, { locale: "nl-BE" });
  await renderQueuedMail();
  const mail = await db
    .selectFrom("outbox")
    .select("text")
    .where("to_email", "=", resetEmail)
    .executeTakeFirstOrThrow();
  const resetToken = /\/beheer\/wachtwoord\/([\w-]+)/.exec(mail.text)?.[1];
  if (!resetToken) throw new Error("the reset mail holds no link");

  const today = new Date();
  Object.assign(data, {
    sessionId: String(sessionA.id),
    sessionSlug: sessionA.slug,
    citySlug: cityA.slug,
    cityId: String(cityA.id),
    partnerSlug: partnerA.slug,
    registrationId: String(registration.id),
    manageToken: links.manageToken,
    checkinCode: links.checkinCode,
    viewToken: links.viewToken,
    surveyToken,
    resetToken,
    today: today.toISOString().slice(0, 10),
    inAYear: new Date(today.getTime() + 365 * 86_400_000).toISOString().slice(0, 10),
  } satisfies WalkData);

  const [admin, right, foreign] = await Promise.all([
    signedInOrganiser({
      email: emails.admin,
      name: "Beheerder",
      password: PASSWORD,
      role: "admin",
    }),
    signedInOrganiser({
      email: emails.rightOrganiser,
      name: "Organisator van stad A",
      password: PASSWORD,
      role: "organiser",
      citySlugs: [cityA.slug],
    }),
    signedInOrganiser({
      email: emails.foreignOrganiser,
      name: "Organisator van stad B",
      password: PASSWORD,
      role: "organiser",
      citySlugs: [cityB.slug],
    }),
  ]);
  cookies.admin = admin.cookie;
  cookies.rightOrganiser = right.cookie;
  cookies.foreignOrganiser = foreign.cookie;
  const door = await signedInOrganiser({
    email: emails.door,
    name: "Deur van sessie A",
    password: PASSWORD,
    role: "door",
    door: { sessionId: sessionA.id, wholeDay: false, invitedBy: right.organiser.id },
  });
  cookies.door = door.cookie;
  // An admin with two-step sign-in on: their password alone opens nothing but the code page.
  const pending = await createOrganiser({
    email: emails.pending,
    name: "Beheerder met tweede stap",
    password: PASSWORD,
    role: "admin",
  });
  const begun = await beginEnrolment(pending);
  if (!begun.ok) throw new Error("the second step could not be set up");
  const code = TOTP.generate({ secret: Secret.fromBase32(begun.enrolment.secret) });
  const confirmed = await confirmEnrolment(pending.id, code, { sessionToken: "" });
  if (!confirmed.ok) throw new Error("the second step was not turned on");
  before = await snapshot();
});

// ——— One request and what it must answer ————————————————————————————————————————————————

interface Answer {
  response: Response;
  /** The path and query of the page, without `.data`. */
  path: string;
  body: string;
  /** The cookie it was sent with, if any. */
  cookie?: string;
}

async function request(
  file: string,
  check: RouteCheck,
  method: Method,
  role: Role,
  params = check.params?.(data) ?? {},
  post = check.post,
): Promise<Answer> {
  const path = fillPattern(urlPattern(file), params) + (check.query?.(data) ?? "");
  const url = method === "DATA" ? dataPath(path, [routeIdOf(file)]) : path;
  let cookie: string | undefined;
  if (role !== "anonymous") {
    // Sent on every path, beyond the cookie's own: no page may answer differently for it.
    if (check.signsOut && method === "POST") cookie = await signInOverHttp(emails[role], PASSWORD);
    else cookie = role === "pending" ? await pendingCookie() : cookies[role];
  }
  const form = method === "POST" ? post?.form(data) : undefined;
  const response = await send(url, { method: method === "POST" ? "POST" : "GET", form, cookie });
  return { response, path, body: await response.text(), cookie };
}

/**
 * The cookie of someone who has just given their password, short of the code: the stage lasts
 * five minutes, so the walk gives the password again for a cookie more than a minute old.
 */
let pending: { cookie: string; at: number } | undefined;
async function pendingCookie(): Promise<string> {
  if (!pending || Date.now() - pending.at > 60_000) {
    pending = { cookie: await signInOverHttp(emails.pending, PASSWORD), at: Date.now() };
  }
  return pending.cookie;
}

const isRedirect = (status: number) => status >= 300 && status < 400;

function expectOutcome(
  { response, path, body }: Answer,
  expected: Outcome,
  method: Method,
  locale: Locale = "nl-BE",
) {
  const { status, headers } = response;
  expect(status, "no 5xx, ever").toBeLessThan(500);
  if (typeof expected === "number") {
    expect(status).toBe(expected);
    return;
  }
  const target =
    expected === "signIn"
      ? `${localePath(locale, "/beheer/inloggen")}?terug=${encodeURIComponent(path)}`
      : expected === "codeStep"
        ? `${localePath(locale, "/beheer/inloggen/code")}?terug=${encodeURIComponent(localePath(locale, "/beheer"))}`
        : localePath(locale, redirectOf(expected.redirect));
  if (method === "DATA") {
    // Remix answers a loader's redirect to its client as a 202 whose data names the target.
    expect(status).toBe(202);
    expect(body).toContain(`"redirect",${JSON.stringify(target)}`);
    return;
  }
  expect([302, 303]).toContain(status);
  expect(headers.get("Location")).toBe(target);
}

function expectPrivacy(
  file: string,
  check: RouteCheck,
  method: Method,
  role: Role,
  answer: Answer,
) {
  const { response, body } = answer;
  const { status, headers } = response;
  const pattern = urlPattern(file);
  if (method !== "DATA" && isPage(file) && isPersonal(pattern) && !isRedirect(status)) {
    expect(headers.get("Content-Type"), "a page").toMatch(/^text\/html/);
    expect(headers.get("Cache-Control"), "a page with personal data").toBe("private, no-store");
    expect(headers.get("X-Robots-Tag"), "a page with personal data").toBe("noindex");
  }
  if (method === "DATA" && isPersonal(pattern) && status === 200) {
    expect(headers.get("Cache-Control"), "loader data with personal data").toMatch(/no-store/);
  }
  if (check.attendeeData && status === 200) {
    expect(headers.get("Cache-Control"), "an export of attendees").toMatch(/no-store/);
  }
  const outsider = role === "anonymous" || role === "foreignOrganiser" || role === "pending";
  if (outsider && !check.keyInUrl) {
    expect(body, "the attendee of city A, shown to someone outside it").not.toMatch(ATTENDEE_MARK);
  }
  if (outsider && sitePath(pattern).startsWith("/beheer")) {
    expect(body, "city A in the workspace of someone outside it").not.toContain(CITY_A);
  }
  if (role === "door" && !check.keyInUrl) {
    for (const detail of BEYOND_THE_DOOR) {
      expect(body.toLowerCase(), "more than a name, to a door volunteer").not.toContain(
        detail.toLowerCase(),
      );
    }
  }
  if (check.showsAttendeeTo?.includes(role) && status === 200 && method !== "POST") {
    expect(body, "the attendee, on the page that lists them").toMatch(ATTENDEE_MARK);
  }
}

/** A page's HTML without what differs from one request to the next: nonces, its own path. */
const normalised = ({ body, path }: Answer) =>
  body.replaceAll(path, "PATH").replace(/nonce="[^"]*"/g, 'nonce=""');

function outcomeOf(check: RouteCheck, method: Method, role: Role): Outcome | undefined {
  return method === "POST" ? check.post?.expect[role] : check.get?.[role];
}

const redirectOf = (target: string | ((data: WalkData) => string)) =>
  typeof target === "string" ? target : target(data);

const describeOutcome = (outcome: Outcome) =>
  typeof outcome === "number"
    ? String(outcome)
    : outcome === "signIn"
      ? "sign-in"
      : outcome === "codeStep"
        ? "the code page"
        : `redirect to ${redirectOf(outcome.redirect)}`;

// ——— The walk ——————————————————————————————————————————————————————————————————————————

const FILES = routeFiles();

describe("the route files", () => {
  it("are the routes of the built app (else: npx remix build)", () => {
    const built = Object.keys(build.routes)
      .filter((id) => id.startsWith("routes/"))
      .sort();
    expect(built).toEqual(FILES.map(routeIdOf).sort());
  });

  it("map to the URL the compiler gives them", () => {
    for (const file of FILES) expect(urlPattern(file), file).toBe(builtPattern(routeIdOf(file)));
    expect(urlPattern("_auth.login.tsx")).toBe("/login");
    expect(urlPattern("($lang).docs.$.tsx")).toBe("/:lang?/docs/*");
    expect(urlPattern("feeds.[sitemap.xml].ts")).toBe("/feeds/sitemap.xml");
  });

  it("each have a decided check, and the table names no route that is gone", () => {
    expect(
      FILES.filter((file) => !CHECKS[file]),
      "route files without an entry",
    ).toEqual([]);
    expect(
      Object.keys(CHECKS).filter((file) => !FILES.includes(file)),
      "entries without a route file",
    ).toEqual([]);
  });
});

for (const file of FILES) {
  const check = CHECKS[file];
  const pattern = urlPattern(file);
  describe(`${file} (${pattern})`, () => {
    const methods = methodsOf(file);
    it("has a decided outcome for every method it answers", () => {
      expect(check, `no entry in CHECKS for ${file}: decide who may open it`).toBeDefined();
      expect(Boolean(check?.get), "GET").toBe(methods.includes("GET"));
      expect(Boolean(check?.post), "POST (the route exports an action)").toBe(
        methods.includes("POST"),
      );
    });
    if (!check) return;

    for (const method of methods) {
      for (const role of ROLES) {
        const expected = outcomeOf(check, method, role);
        if (expected === undefined) continue;
        it(`${method} as ${role} → ${describeOutcome(expected)}`, async () => {
          const answer = await request(file, check, method, role);
          expectOutcome(answer, expected, method);
          expectPrivacy(file, check, method, role, answer);

          if (role === "foreignOrganiser" && expected === 404 && check.absentParams) {
            // Another city's record answers exactly like one that does not exist.
            const absent = await request(file, check, method, role, check.absentParams);
            expect(absent.response.status).toBe(404);
            expect(normalised(answer)).toBe(normalised(absent));
            for (const header of ["Content-Type", "Cache-Control", "X-Robots-Tag"]) {
              expect(answer.response.headers.get(header), header).toBe(
                absent.response.headers.get(header),
              );
            }
          }

          if (method === "GET" && file.startsWith("($lang).")) {
            // The same page in French: the same answer, its redirects in French too.
            const params = { ...check.params?.(data), lang: "fr" };
            const french = await request(file, check, method, role, params);
            expectOutcome(french, expected, method, "fr-BE");
            expectPrivacy(file, check, method, role, french);
          }

          if (file.startsWith("($lang).")) {
            // Under a prefix that is no language, the route is not there, whoever asks, for
            // every method: a page, its data alone, a post (the walk's last check: nothing
            // changed).
            const params = { ...check.params?.(data), lang: "de" };
            const foreign = await request(file, check, method, role, params);
            expect(foreign.response.status, foreign.path).toBe(404);
          }

          if (check.signsOut && method === "POST" && role !== "anonymous") {
            // The cookie it posted with no longer opens the workspace.
            const after = await send("/beheer", { cookie: answer.cookie });
            expect(after.headers.get("Location")).toBe("/beheer/inloggen?terug=%2Fbeheer");
          }
        });
      }
    }

    for (const [intent, post] of Object.entries(check.intents ?? {})) {
      for (const role of ROLES) {
        const expected = post.expect[role];
        it(`POST ${intent} as ${role} → ${describeOutcome(expected)}`, async () => {
          const answer = await request(file, check, "POST", role, undefined, post);
          expectOutcome(answer, expected, "POST");
          expectPrivacy(file, check, "POST", role, answer);
          if (role === "foreignOrganiser" && expected === 404 && check.absentParams) {
            const absent = await request(file, check, "POST", role, check.absentParams, post);
            expect(absent.response.status).toBe(404);
            expect(normalised(answer)).toBe(normalised(absent));
          }
        });
      }
    }
  });
}

describe("after the walk", () => {
  it("nothing changed: no session, attendee, organiser or mail", async () => {
    expect(await snapshot()).toEqual(before);
  });
});
