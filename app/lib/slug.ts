import { brusselsDate } from "./time";

/** Lower-case ASCII words joined by hyphens: "Ontbijt & koffie: één uur" → "ontbijt-koffie-een-uur". */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[œŒ]/g, "oe")
    .replace(/[øØ]/g, "o")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary when there is one in the second half.
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > maxLength / 2 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(
    /-+$/,
    "",
  );
}

/**
 * The slugs to try for a new session, most readable first: city and title, then with the date
 * (a monthly breakfast keeps its title), then numbered.
 */
export function* slugCandidates(citySlug: string, title: string, startsAt: string) {
  const titleSlug = slugify(title) || "sessie";
  // "Startersforum Leuven" in Leuven: no "leuven-startersforum-leuven".
  const base = `-${titleSlug}-`.includes(`-${citySlug}-`) ? titleSlug : `${citySlug}-${titleSlug}`;
  yield base;
  const dated = `${base}-${brusselsDate(startsAt)}`;
  yield dated;
  for (let n = 2; n < 100; n++) yield `${dated}-${n}`;
}
