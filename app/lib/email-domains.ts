import { z } from "zod";
import type { MessageKey } from "~/i18n";

/**
 * A session that accepts only addresses of some domains (`student.kuleuven.be`): the list as an
 * organiser types it, as it is stored, and the check of an address against it. A domain matches
 * exactly: `kuleuven.be` does not admit `student.kuleuven.be`, so a list says every domain it
 * means, and no organiser lets in more than they wrote down.
 */

const EMAIL_DOMAIN_LIMITS = { domains: 20, typed: 1000 } as const;

/** One label of a host name (RFC 1123): letters, digits and inner hyphens, up to 63. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A top-level domain: letters (`be`, `brussels`), or an internationalised one in its A-label. */
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** "@Student.KULeuven.be." → "student.kuleuven.be": how a domain is written down and compared. */
const normalizeDomain = (typed: string) =>
  typed.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");

/** Whether a normalised text is a domain mail can be addressed to: two labels or more. */
function isDomainName(domain: string): boolean {
  const labels = domain.split(".");
  return (
    domain.length <= 253 &&
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    TOP_LEVEL.test(labels.at(-1) ?? "")
  );
}

/** The domains as stored (`sessions.email_domains`, separated by spaces); none for "". */
export function emailDomainsOf(stored: string): string[] {
  return stored.split(" ").filter(Boolean);
}

/** The domains as `sessions.email_domains` keeps them. */
export const storedEmailDomains = (domains: readonly string[]) => domains.join(" ");

/** The domain of an address, lower-cased: what follows its last "@". */
function domainOfEmail(email: string): string {
  return email.trim().toLowerCase().split("@").at(-1) ?? "";
}

/**
 * A domain name in its ASCII form, as mail and DNS compare it: `Bücher.be` → `xn--bcher-kva.be`
 * (the URL parser applies IDNA, in the browser as on the server); null when it is no domain
 * name mail can be addressed to.
 */
function asciiDomain(domain: string): string | null {
  // Anything the URL parser would read as another part of an address is refused, not cut off.
  if (!domain || /[\s@/\\:?#%[\]]/.test(domain)) return null;
  let host: string;
  try {
    host = new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  return isDomainName(host) ? host : null;
}

/** The domain of an address in its ASCII form, to compare with stored domains; null if none. */
export function asciiDomainOfEmail(email: string): string | null {
  return asciiDomain(domainOfEmail(email));
}

/**
 * One domain as an admin types it, for signing in through it: lower-cased and in its ASCII
 * form; a whole address, a web address or a path is refused with a message that says so.
 */
export const singleDomainName = ({
  required,
  withAt,
  invalid,
}: {
  required: MessageKey;
  withAt: MessageKey;
  invalid: MessageKey;
}) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(253, invalid)
    .transform((typed, ctx) => {
      const domain = typed.toLowerCase().replace(/\.$/, "");
      if (domain.includes("@")) {
        ctx.addIssue({ code: "custom", message: withAt, params: { domain: typed } });
        return z.NEVER;
      }
      const ascii = asciiDomain(domain);
      if (ascii === null) {
        ctx.addIssue({ code: "custom", message: invalid, params: { domain: typed } });
        return z.NEVER;
      }
      return ascii;
    });

/** Whether an address may sign up where only `domains` are accepted (none: any address). */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  return domains.length === 0 || domains.includes(domainOfEmail(email));
}

/**
 * The session form's list of domains: typed with commas, semicolons, spaces or line breaks
 * between them, a leading "@" allowed. Out comes the list, lower-cased and without repeats; a
 * text that is no domain name is refused with that text in the message.
 */
export const emailDomainList = ({
  invalid,
  tooMany,
  tooLong,
}: {
  invalid: MessageKey;
  tooMany: MessageKey;
  tooLong: MessageKey;
}) =>
  z
    .string()
    .max(EMAIL_DOMAIN_LIMITS.typed, tooLong)
    .optional()
    .transform((typed, ctx) => {
      const domains = [
        ...new Set(
          (typed ?? "")
            .split(/[\s,;]+/)
            .map(normalizeDomain)
            .filter(Boolean),
        ),
      ];
      const wrong = domains.find((domain) => !isDomainName(domain));
      if (wrong !== undefined) {
        ctx.addIssue({ code: "custom", message: invalid, params: { domain: wrong } });
        return z.NEVER;
      }
      if (domains.length > EMAIL_DOMAIN_LIMITS.domains) {
        ctx.addIssue({
          code: "custom",
          message: tooMany,
          params: { max: EMAIL_DOMAIN_LIMITS.domains },
        });
        return z.NEVER;
      }
      return domains;
    });
