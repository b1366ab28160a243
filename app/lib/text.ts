import { z } from "zod";
import type { MessageKey } from "~/i18n";

/**
 * One rule for control characters, wherever text comes in. A control character (CR and LF among
 * them) in a one-line value is how a header or a calendar line would be smuggled into a message;
 * a multi-line value keeps its tabs and line breaks and nothing else. PostgreSQL refuses a NUL in
 * any text it is asked to compare, so a value holding one is looked up nowhere.
 */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_EXCEPT_LINE_BREAKS = /(?![\t\n\r])\p{Cc}|[\u2028\u2029]/u;

export const hasControlCharacter = (value: string) => CONTROL_CHARACTERS.test(value);

// The same rules, for replacing every match (made once, not on every call).
const CONTROL_RUNS = new RegExp(`${CONTROL_CHARACTERS.source}+`, "gu");
const CONTROL_EXCEPT_LINE_BREAKS_ALL = new RegExp(CONTROL_EXCEPT_LINE_BREAKS, "gu");

/** The text with its control characters gone: runs become one space, or nothing in multi-line text. */
export function withoutControlCharacters(value: string, { multiLine = false } = {}): string {
  return multiLine
    ? value.replace(CONTROL_EXCEPT_LINE_BREAKS_ALL, "").replace(/\r\n?/g, "\n")
    : value.replace(CONTROL_RUNS, " ");
}

/** Lower case without accents, for searching: "Élise" and "elise" are the same search. */
const folded = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** Whether `text` holds every word of `search`, ignoring case and accents; an empty search holds. */
export function matchesEveryWord(text: string, search: string): boolean {
  const haystack = folded(text);
  return folded(search)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const INVALID_CHARACTERS: MessageKey = "errors.text.invalidCharacters";

interface TextRules {
  max: number;
  /** The message when it is too long; it gets `{max}`. */
  tooLong?: MessageKey;
}

const checked = (
  allowed: "oneLine" | "lines",
  { max, tooLong = "errors.tooLong" }: TextRules,
  required?: MessageKey,
) =>
  z
    .string(required ? { error: required } : undefined)
    .trim()
    .min(required ? 1 : 0, required)
    .max(max, tooLong)
    .refine(
      (value) =>
        !(allowed === "oneLine" ? CONTROL_CHARACTERS : CONTROL_EXCEPT_LINE_BREAKS).test(value),
      INVALID_CHARACTERS,
    );

/** A one-line text field that must be filled in: trimmed, at most `max` characters. */
export const requiredLine = (rules: TextRules & { required: MessageKey }) =>
  checked("oneLine", rules, rules.required);

/** A one-line text field that may stay empty (null). */
export const optionalLine = (rules: TextRules) =>
  checked("oneLine", rules)
    .optional()
    .transform((value) => value || null);

const oneLineEnding = (value: string) => value.replace(/\r\n?/g, "\n");

/** A multi-line text field that must be filled in, with one kind of line ending. */
export const requiredText = (rules: TextRules & { required: MessageKey }) =>
  checked("lines", rules, rules.required).transform(oneLineEnding);

/** A multi-line text field that may stay empty (null). */
export const optionalText = (rules: TextRules) =>
  checked("lines", rules)
    .optional()
    .transform((value) => (value ? oneLineEnding(value) : null));
