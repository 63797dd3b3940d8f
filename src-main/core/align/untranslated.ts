/**
 * Passages left untranslated: the Russian file holds the English text itself (a licence, a log, a
 * note for developers in a partly translated manual). Such a bead is aligned like any other but
 * flagged, so the reader can tell it from a translation. Pure TypeScript.
 */

/** Letters and digits only, lower case: what is left of a text once spacing and punctuation are set aside. */
function core(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The two texts are the same once case, spacing and punctuation are set aside (and hold a letter). */
export function sameText(en: string, ru: string): boolean {
  const a = core(en);
  return a.length > 0 && /\p{L}/u.test(a) && a === core(ru);
}

const LATIN_LETTER = /[A-Za-z]/gu;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;

/**
 * The Russian side of a bead is the English left as it was: the same text, or (for a bead whose
 * English was edited a little) Latin-script words only, no Cyrillic letter, at least `minLatin`
 * letters, and most of its words found on the English side.
 */
export function isUntranslated(en: string, ru: string, minLatin = 12): boolean {
  // Cyrillic in the Russian and not in the English: a translation (the common case, decided at once).
  if (CYRILLIC_LETTER.test(ru)) return CYRILLIC_LETTER.test(en) && sameText(en, ru);
  if (sameText(en, ru)) return true;
  if ((ru.match(LATIN_LETTER) ?? []).length < minLatin) return false;
  const words = (text: string): string[] => text.toLowerCase().match(/[a-z][a-z0-9'-]*/gu) ?? [];
  const english = new Set(words(en));
  const russian = words(ru);
  return russian.length > 0 && russian.filter((word) => english.has(word)).length >= 0.8 * russian.length;
}
