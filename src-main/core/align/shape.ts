/**
 * The shape of a unit's text as the aligner reads it: where its sentence goes on (`continuations`),
 * whether it is a heading. Pure TypeScript.
 */
/** The unit's first letter (after any spaces, quotes or brackets) is lower case. */
const LOWER_START = /^[\s"“”«„‘(\[]*[a-z\u00DF-\u00FF\u0430-\u045F]/u;
const DIGIT_START = /^\s*[0-9]/u;

/** `continuations` flags. */
export const CONTINUES_CLAUSE = 1;
export const CONTINUES_CUT = 2;
/**
 * The unit opens with a capital after a unit ending in a comma (`BREAKS_CUT`) or in a semicolon, colon
 * or dash (`BREAKS_CLAUSE`): where the other language opens the same unit in lower case
 * (`CONTINUES_CUT` / `CONTINUES_CLAUSE`), the two break the sentence at the same place and differ only
 * in how they capitalise (English preamble clauses and list items, «желая…», «признавая…»).
 */
export const BREAKS_CUT = 4;
export const BREAKS_CLAUSE = 8;
/** The unit runs on from the one before it (`CONTINUES_CUT` or `CONTINUES_CLAUSE`). */
export const RUNS_ON = CONTINUES_CUT | CONTINUES_CLAUSE;
/** A capital first letter, not the English "I" (capitalised wherever it stands: «я» in the Russian). */
const UPPER_START = /^[\s"“”«„‘(\[]*(?!I\b)\p{Lu}/u;

/**
 * Per unit (and one past the end): `CONTINUES_CUT` when the unit is the rest of a sentence cut after
 * a comma or no punctuation (it starts with a lower-case letter or a digit), `CONTINUES_CLAUSE` when
 * it is the next clause of a sentence after a semicolon, colon or dash (lower-case start),
 * `BREAKS_CUT` / `BREAKS_CLAUSE` when it opens with a capital after a comma / a semicolon, colon or
 * dash, else 0.
 */
export function continuations(texts: readonly string[]): Uint8Array {
  const flags = new Uint8Array(texts.length + 1);
  let ending = texts.length > 0 ? endingOf(texts[0]!) : 0;
  for (let u = 1; u < texts.length; u++) {
    const text = texts[u]!;
    const before = texts[u - 1]!;
    // How `before` ends (see `endingOf`), told once from its last characters.
    const beforeEnding = ending;
    ending = endingOf(text);
    const lower = LOWER_START.test(text);
    // A heading (or a log line, a list title: short, no closing punctuation) does not run on.
    // A unit that opens with a digit continues only a sentence cut at a comma: after a unit ending in
    // a letter it is the next line of a log, a table or a list.
    const digit = DIGIT_START.test(text) && (beforeEnding & ENDS_COMMA) !== 0;
    if ((lower || digit) && (beforeEnding & ENDS_CUT) !== 0 && !isHeadingLike(before)) flags[u] = CONTINUES_CUT;
    else if (lower && (beforeEnding & ENDS_CLAUSE) !== 0) flags[u] = CONTINUES_CLAUSE;
    else if ((beforeEnding & ENDS_COMMA) !== 0 && UPPER_START.test(text)) flags[u] = BREAKS_CUT;
    else if ((beforeEnding & ENDS_CLAUSE) !== 0 && UPPER_START.test(text) && !isHeadingLike(before)) flags[u] = BREAKS_CLAUSE;
  }
  return flags;
}

/**
 * `endingOf` bits. `ENDS_CUT`: the unit ends in a comma or with no punctuation at all, its sentence
 * goes on (`/(?:,|[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])["”»’)]?\s*$/u`); `ENDS_CLAUSE`: it ends a
 * clause but not its sentence, a semicolon, colon or dash (`/[;:\-–—]\s*$/u`); `ENDS_COMMA`: a comma
 * (`/,["”»’)]?\s*$/u`). Those expressions, kept in shape.test.ts, are what these bits are checked against.
 */
export const ENDS_CUT = 1;
export const ENDS_CLAUSE = 2;
export const ENDS_COMMA = 4;

/** The code unit is one of `["”»’)]`, which may follow a unit's last comma or letter. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x201d || c === 0xbb || c === 0x2019 || c === 0x29;
}

/** The code unit is one of ``ENDS_CUT`'s first class: a comma, a digit or a letter of `[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]`. */
function isCutEnd(c: number): boolean {
  return c === 0x2c || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x4ff);
}

/**
 * How the unit ends (`ENDS_*`), from its last characters (past trailing white space, and one closing
 * quote or bracket). The same answers as the expressions the bits stand for, which the engine tries
 * at every position of the unit (an expression anchored at the end is not started from the end):
 * three scans of each unit of a book, where one look at its end does.
 */
export function endingOf(text: string): number {
  const k = lastNonSpace(text);
  if (k < 0) return 0;
  const c = text.charCodeAt(k);
  // The character before a closing quote or bracket, when the unit ends with one.
  const p = k > 0 && isCloser(c) ? text.charCodeAt(k - 1) : -1;
  let bits = 0;
  if (isCutEnd(c) || (p >= 0 && isCutEnd(p))) bits |= ENDS_CUT;
  if (c === 0x3b || c === 0x3a || c === 0x2d || c === 0x2013 || c === 0x2014) bits |= ENDS_CLAUSE;
  if (c === 0x2c || p === 0x2c) bits |= ENDS_COMMA;
  return bits;
}

const CLOSING = /[.!?…;:,»"”’)\]]$/u;

/**
 * The code unit is one that `\s`, `trim` and `trimEnd` take for white space (white space and line
 * terminators). The tests below look at a unit's first or last character this way before they make
 * a trimmed copy or run a regular expression: most units are long sentences ending in a full stop,
 * and each test runs once per unit of a book, in a fresh process mostly not yet compiled.
 */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Index of the first code unit of `text` that is not white space (`text.length` if none). */
function firstNonSpace(text: string): number {
  let k = 0;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  return k;
}

/** Index of the last code unit of `text` that is not white space (−1 if none). */
function lastNonSpace(text: string): number {
  let k = text.length - 1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  return k;
}

/** The code units of `CLOSING`. */
const CLOSING_CODES = new Set(Array.from('.!?…;:,»"”’)]', (ch) => ch.charCodeAt(0)));

/** A short unit without closing punctuation that contains a letter: a heading or a list title. */
export function isHeadingLike(text: string): boolean {
  // Longer than 60 characters once trimmed (most units): no heading, and no trimmed copy made.
  const last = lastNonSpace(text);
  if (last < 0 || last - firstNonSpace(text) + 1 > 60) return false;
  const t = text.trim();
  return t.length > 0 && t.length <= 60 && !CLOSING.test(t) && /\p{L}/u.test(t);
}

/**
 * A list marker opening a unit: a number ("3.", "3)", "(3)", "2.1."), a letter ("a)", "б)") or a
 * bullet ("•", "*", "-"; not the dashes that open a line of dialogue), followed by a space.
 */
const LIST_START = /^\s*(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]|[a-zа-я]\)|[•·▪◦‣*-])\s+\S/u;
/**
 * A list marker inside a unit, where an item or a numbered heading was glued onto the text before it:
 * a space, a number or letter marker and a capital ("… finish. 6. Troubleshooting"), or a bullet.
 */
const INNER_ITEM = /\s(?:[0-9]{1,2}[.)]\s+\p{Lu}|[a-zа-я]\)\s+\p{L}|[•▪◦‣]\s+\p{L})/gu;

/** The unit opens with a list marker. */
export function startsListItem(text: string): boolean {
  // The marker's first character, tested before the expression.
  const k = firstNonSpace(text);
  if (k === text.length) return false;
  const c = text.charCodeAt(k);
  const marker =
    (c >= 0x30 && c <= 0x39) || c === 0x28 || (c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x44f) || c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25e6 || c === 0x2023 || c === 0x2a || c === 0x2d;
  return marker && LIST_START.test(text);
}

/** List items in a unit: its opening marker and any glued on inside it. */
export function listItems(text: string): number {
  return (startsListItem(text) ? 1 : 0) + innerListItems(text);
}

/** List markers glued on inside a unit (`listItems` less its opening marker). */
export function innerListItems(text: string): number {
  let items = 0;
  INNER_ITEM.lastIndex = 0;
  while (INNER_ITEM.exec(text)) items++;
  return items;
}

/** The end of a sentence followed by more text: what follows the last one is the unit's tail. */
const SENTENCE_END = /[.!?…]["”»’)]?\s+/gu;

/**
 * A heading glued onto the end of a unit: after its last sentence end comes a short tail without
 * closing punctuation that starts with a capital or a list marker ("… is complete. 6. Troubleshooting",
 * "… связь. Гостевая сеть").
 */
export function endsWithGluedHeading(text: string): boolean {
  // Most units end with closing punctuation: told by their last character, with no trimmed copy.
  const last = lastNonSpace(text);
  if (last < 0 || CLOSING_CODES.has(text.charCodeAt(last))) return false;
  const trimmed = text.trimEnd();
  // Cheap test first: a heading has no closing punctuation, nor does a unit that ends with one.
  if (trimmed.length === 0 || CLOSING.test(trimmed)) return false;
  let tail = -1;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(trimmed); match; match = SENTENCE_END.exec(trimmed)) tail = match.index + match[0].length;
  if (tail <= 0 || tail >= trimmed.length) return false;
  const rest = trimmed.slice(tail);
  // "… 6. Troubleshooting": the number's own point ended the last "sentence".
  const before = trimmed.slice(0, tail).trimEnd();
  const numbered = /(?:^|\s)[0-9]{1,2}\.$/u.test(before) && /[.!?…]["”»’)]?\s+[0-9]{1,2}\.$/u.test(before);
  if (!numbered && !/^\p{Lu}/u.test(rest)) return false;
  // Something must come before the tail besides list markers ("3. Connect the power" is one heading).
  const body = before.replace(/^\s*\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?/u, '').replace(/\s[0-9]{1,2}\.$/u, '');
  if (!/\p{L}{2}/u.test(body)) return false;
  return rest.length <= 40 && isHeadingLike(rest);
}

/**
 * A numbered heading glued onto the start of the sentence after it (the counterpart of
 * `endsWithGluedHeading`): a number marker, a capitalised word and up to three lower-case ones, then
 * a sentence opening with a capitalised word and a lower-case one and ending in closing punctuation
 * ("2. Настройка Snapkeep читает настройки из файла …"). A list item naming a menu ("1. Open
 * Wireless > Basic.", "2. Turn off Smart Connect.") does not match.
 */
const GLUED_START = /^\s*[0-9]{1,2}(?:\.[0-9]{1,2})*\.\s+\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){0,3}\s+\p{Lu}[\p{L}\p{N}-]*\s+\p{Ll}/u;

export function startsWithGluedHeading(text: string): boolean {
  // It opens with a digit (the first thing `GLUED_START` asks): told before a trimmed copy is made.
  const k = firstNonSpace(text);
  if (k === text.length || text.charCodeAt(k) < 0x30 || text.charCodeAt(k) > 0x39) return false;
  const trimmed = text.trim();
  return GLUED_START.test(trimmed) && /[.!?…]["”»’)]?$/u.test(trimmed);
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_RUN = /[A-Za-z]{3,}/u;

/**
 * A unit in the other side's script: Latin words and no Cyrillic letter in the Russian (a line left in
 * English), Cyrillic in the English. Such a unit is not joined with the side's own-script units.
 */
export function foreignScript(text: string, lang: 'en' | 'ru'): boolean {
  return lang === 'ru' ? LATIN_RUN.test(text) && !CYRILLIC.test(text) : CYRILLIC.test(text) && !LATIN_RUN.test(text);
}
