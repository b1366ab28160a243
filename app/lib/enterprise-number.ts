/**
 * Belgian enterprise numbers (ondernemingsnummer / KBO): ten digits, starting with 0 or 1,
 * of which the last two are 97 minus the first eight modulo 97.
 * Accepts the ways people write them: "0123.456.749", "BE 0123 456 749", "123456749".
 */
export function normalizeEnterpriseNumber(input: string): string | null {
  const compact = input.replace(/^\s*BE/i, "").replace(/[\s.\-/]/g, "");
  if (!/^\d{9,10}$/.test(compact)) return null;
  const digits = compact.padStart(10, "0");
  if (digits[0] !== "0" && digits[0] !== "1") return null;
  const base = Number(digits.slice(0, 8));
  const check = Number(digits.slice(8));
  if (97 - (base % 97) !== check) return null;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}
