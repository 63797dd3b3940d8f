/**
 * The shape of a unit's text as the aligner reads it: where its sentence goes on (`continuations`),
 * whether it is a heading. Pure TypeScript.
 */
/** The unit ends in a comma, or with no punctuation at all: its sentence goes on. */
export const CUT_END = /(?:,|[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])["”»’)]?\s*$/u;
/** The unit ends a clause but not its sentence: semicolon, colon or dash. */
export const CLAUSE_END = /[;:\-–—]\s*$/u;
/** The unit's first letter (after any spaces, quotes or brackets) is lower case. */
export const LOWER_START = /^[\s"“”«„‘(\[]*[a-z\u00DF-\u00FF\u0430-\u045F]/u;
export const DIGIT_START = /^\s*[0-9]/u;

/** `continuations` flags. */
export const CONTINUES_CLAUSE = 1;
export const CONTINUES_CUT = 2;

/**
 * Per unit (and one past the end): `CONTINUES_CUT` when the unit is the rest of a sentence cut after
 * a comma or no punctuation (it starts with a lower-case letter or a digit), `CONTINUES_CLAUSE` when
 * it is the next clause of a sentence after a semicolon, colon or dash (lower-case start), else 0.
 */
export function continuations(texts: readonly string[]): Uint8Array {
  const flags = new Uint8Array(texts.length + 1);
  for (let u = 1; u < texts.length; u++) {
    const text = texts[u]!;
    const before = texts[u - 1]!;
    const lower = LOWER_START.test(text);
    if ((lower || DIGIT_START.test(text)) && CUT_END.test(before)) flags[u] = CONTINUES_CUT;
    else if (lower && CLAUSE_END.test(before)) flags[u] = CONTINUES_CLAUSE;
  }
  return flags;
}

export const CLOSING = /[.!?…;:,»"”’)\]]$/u;

/** A short unit without closing punctuation that contains a letter: a heading or a list title. */
export function isHeadingLike(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 60 && !CLOSING.test(t) && /\p{L}/u.test(t);
}
