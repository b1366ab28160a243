import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGUES, type MessageKey } from "../app/i18n/catalogues";

/**
 * The three catalogues against each other and against the code: every French and English
 * message has the Dutch message's arguments and cases, none is Dutch left untranslated, and no
 * key is left that the code never uses. (A missing or extra key already fails the type check.)
 */

const DUTCH = CATALOGUES["nl-BE"];
const OTHERS = ["fr-BE", "en-BE"] as const;

/**
 * What a message needs from its caller: each argument with its type, and the cases of each
 * plural and select. Where in the message an argument sits is the translator's choice.
 */
function shape(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element): string[] => {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        return [`${element.value}:${element.type}`];
      case TYPE.plural:
      case TYPE.select:
        return Object.entries(element.options).flatMap(([option, { value }]) => [
          `${element.value}:${element.type}:${option}`,
          ...shape(value),
        ]);
      case TYPE.tag:
        return [`<${element.value}>`, ...shape(element.children)];
      default:
        return [];
    }
  });
}

const shapeOf = (message: string) => [...new Set(shape(parse(message)))].sort();

/**
 * Texts that are the same in every language (names, formats, an address), and words that are
 * spelled alike in Dutch and English. Anything else identical to the Dutch is untranslated.
 */
const SAME_AS_DUTCH: Record<(typeof OTHERS)[number], MessageKey[]> = {
  "fr-BE": [
    "site.name",
    "twoStep.code.label",
    "attendees.exportCsvComma",
    "attendees.exportXlsx",
    "email.organiserMessage.subject",
    "export.column.email",
    "audit.unknown",
    "privacy.complaint.link",
    "register.contact",
    "accessibility.enforcement.link",
    "dashboard.failedMail.noSession",
    "calendar.feed.name",
    "calendar.feed.nameCity",
    "calendar.add.google",
    "calendar.add.outlook",
    "calendar.add.office",
    "admin.menu",
  ],
  "en-BE": [
    "site.name",
    // The same word in English and in Dutch.
    "passkeys.title",
    "twoStep.code.label",
    "attendees.exportCsv",
    "attendees.exportCsvComma",
    "attendees.exportXlsx",
    "exportPage.submit",
    "organisers.partners",
    "certificate.partners",
    "email.sessionUpdated.was",
    "email.organiserMessage.subject",
    "export.column.start",
    "export.column.status",
    "export.source.public",
    "audit.unknown",
    "audit.field.partners",
    "footer.privacy",
    "privacy.complaint.link",
    "register.contact",
    "accessibility.enforcement.link",
    "dashboard.failedMail.noSession",
    "calendar.feed.name",
    "calendar.feed.nameCity",
    "calendar.feed.nameWith",
    "calendar.add.outlook",
    "calendar.add.office",
    "partners.embed.partner",
    "questions.filter.option",
    "report.partner",
    "report.group.byPartner",
    "report.sheet.filters",
    "admin.menu",
    "signInDomains.column.accounts",
    "signInDomains.scope.partner",
  ],
};

describe("the French and English catalogues", () => {
  for (const locale of OTHERS) {
    it(`${locale}: every message parses and asks for what the Dutch one asks`, () => {
      const different: string[] = [];
      for (const key of Object.keys(DUTCH) as MessageKey[]) {
        const expected = shapeOf(DUTCH[key]);
        const actual = shapeOf(CATALOGUES[locale][key]);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          different.push(`${key}: ${actual.join(" ")} ≠ ${expected.join(" ")}`);
        }
      }
      expect(different).toEqual([]);
    });

    it(`${locale}: no Dutch left untranslated`, () => {
      const allowed = new Set<string>(SAME_AS_DUTCH[locale]);
      const untranslated = (Object.keys(DUTCH) as MessageKey[]).filter(
        (key) => CATALOGUES[locale][key] === DUTCH[key] && !allowed.has(key),
      );
      expect(untranslated).toEqual([]);
      // And every exception is still one: a key that got translated leaves the list.
      const stale = SAME_AS_DUTCH[locale].filter((key) => CATALOGUES[locale][key] !== DUTCH[key]);
      expect(stale).toEqual([]);
    });
  }
});

describe("the keys", () => {
  it("are each used somewhere in the code", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !path.includes("/i18n/")) files.push(path);
      }
    };
    for (const dir of ["app", "emails", "server"]) walk(dir);
    const source = files.map((file) => readFileSync(file, "utf8")).join("\n");
    // Keys made in code: `kind.${kind}` (a known prefix), or `${prefix}.intro` where the
    // prefix is a string the code names ("reset.email", "notFound").
    const literals = new Set([...source.matchAll(/"([\w.-]+)"/g)].map((m) => m[1]));
    const prefixes = [...source.matchAll(/`([a-zA-Z][\w.-]*\.)\$\{/g)].map((m) => m[1] ?? "");
    const suffixes = [...source.matchAll(/\$\{[^}`]+\}(\.[\w.]+)`/g)].map((m) => m[1] ?? "");
    const unused = Object.keys(DUTCH).filter(
      (key) =>
        !literals.has(key) &&
        !prefixes.some((prefix) => key.startsWith(prefix)) &&
        !suffixes.some(
          (suffix) => key.endsWith(suffix) && literals.has(key.slice(0, -suffix.length)),
        ),
    );
    expect(unused).toEqual([]);
  });
});
