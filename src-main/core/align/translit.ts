/**
 * Russian → Latin transliteration and a "consonant skeleton" on which a transliterated Russian name
 * and its English spelling meet (Пушкина ~ Pushkin → `pshkn`, Владивостоке ~ Vladivostok →
 * `vldvstk`). Pure TypeScript.
 */

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** `CYRILLIC_TO_LATIN` by code unit from U+0430 (а) to U+0451 (ё); undefined: kept as it is. */
const LATIN_BY_CODE: readonly (string | undefined)[] = Array.from({ length: 0x22 }, (_, k) => CYRILLIC_TO_LATIN[String.fromCharCode(0x430 + k)]);

/** Lower-case Latin transliteration (BGN/PCGN-like, without diacritics). */
export function transliterate(russian: string): string {
  const lower = russian.toLowerCase();
  let out = '';
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    const latin = c >= 0x430 && c <= 0x451 ? LATIN_BY_CODE[c - 0x430] : undefined;
    out += latin ?? lower[k]!;
  }
  return out;
}

/** Case endings stripped from a Russian word before it is transliterated (longest first). */
const RUSSIAN_ENDINGS = [
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими',
  'ов', 'ев', 'ам', 'ям', 'ах', 'ях', 'ом', 'ем', 'ой', 'ей', 'ую', 'юю', 'ых', 'их', 'ым', 'им', 'ий', 'ый',
  'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'о', 'ь', 'й',
];

/** Surname suffixes that are part of a name, not endings (Иванов, Пушкин → kept). */
const NAME_ENDINGS = RUSSIAN_ENDINGS.filter((ending) => ending !== 'ов' && ending !== 'ев');

/**
 * The endings of a list by their last code unit, each group in the list's order: a word is tried only
 * against the endings it can have (one to six, not 36 `endsWith` calls), and the first that fits is
 * the one the whole list would give.
 */
function byLastLetter(endings: readonly string[]): Map<number, readonly string[]> {
  const groups = new Map<number, string[]>();
  for (const ending of endings) {
    const last = ending.charCodeAt(ending.length - 1);
    const group = groups.get(last);
    if (group) group.push(ending);
    else groups.set(last, [ending]);
  }
  return groups;
}

const RUSSIAN_ENDINGS_BY_LAST = byLastLetter(RUSSIAN_ENDINGS);
const NAME_ENDINGS_BY_LAST = byLastLetter(NAME_ENDINGS);
const NO_ENDINGS: readonly string[] = [];

/**
 * The word without its case ending, keeping at least three letters. A capitalised word (a name)
 * keeps -ов/-ев: Иванова → иванов.
 */
export function stripRussianEnding(word: string): string {
  const w = word.toLowerCase();
  const endings = (/^\p{Lu}/u.test(word) ? NAME_ENDINGS_BY_LAST : RUSSIAN_ENDINGS_BY_LAST).get(w.charCodeAt(w.length - 1)) ?? NO_ENDINGS;
  for (let k = 0; k < endings.length; k++) {
    const ending = endings[k]!;
    if (w.endsWith(ending) && w.length - ending.length >= 3) return w.slice(0, -ending.length);
  }
  return w;
}

/**
 * Consonant skeleton of a Latin spelling: digraphs folded (kh/ch/sh/zh/ts/ph/th/ck), similar letters
 * merged (c,q→k; w→v; x→ks; j,y→i), vowels after the first letter dropped, doubles collapsed.
 */
export function skeleton(latin: string): string {
  return skeletonOf(fold(latin));
}

/** The skeleton of the `length` folded code units in `folded`. */
function skeletonOf(length: number): string {
  if (length === 0) return '';
  const buffer = folded;
  let size = 1;
  for (let k = 1; k < length; k++) {
    const c = buffer[k]!;
    if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) continue; // a e i o u
    if (buffer[size - 1] !== c) buffer[size++] = c;
  }
  return codesToString(buffer, size);
}

/** Skeleton of a Russian word (ending stripped, transliterated). */
export function russianSkeleton(word: string): string {
  // skeleton(transliterate(stripped)), with no transliterated string made in between: the letters
  // а–ё go straight to their Latin code units, a–z stay, and everything else is what `fold` drops.
  const lower = stripRussianEnding(word);
  let n = 0;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c >= 0x430 && c <= 0x451) {
      const latin = LATIN_CODES[c - 0x430];
      if (latin === undefined) n++;
      else n += latin.length;
    } else if (c >= 97 && c <= 122) n++;
  }
  if (folded.length < 2 * n + 2) folded = new Uint8Array(2 * n + 16);
  const w = folded;
  let size = 0;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c >= 0x430 && c <= 0x451) {
      const latin = LATIN_CODES[c - 0x430];
      // A letter of the block without a Latin form is kept by `transliterate`, then dropped by `fold`.
      if (latin !== undefined) for (let z = 0; z < latin.length; z++) w[size++] = latin[z]!;
    } else if (c >= 97 && c <= 122) w[size++] = c;
  }
  return skeletonOf(foldCodes(w, size));
}

/** `LATIN_BY_CODE` as code units. */
const LATIN_CODES: readonly (readonly number[] | undefined)[] = LATIN_BY_CODE.map((latin) => (latin === undefined ? undefined : Array.from(latin, (ch) => ch.charCodeAt(0))));

/** Skeleton of an English word (possessive and plural -s stripped). */
export function englishSkeleton(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/u, '');
  return skeleton(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
}

/** A Latin spelling in lower case, letters only, its digraphs folded and similar letters merged. */
export function foldSpelling(latin: string): string {
  return codesToString(folded, fold(latin));
}

/**
 * `foldSpelling` into the scratch buffer `folded` (its length returned): the word lower-cased and
 * cut to a–z, then each rule applied over the whole word in turn, left to right, as a global
 * `replace` would (shch→sh, kh→h, ch→h, sh→s, zh→z, ts→s, tz→s, ph→f, th→t, ck→k, c/q→k, w→v, x→ks,
 * j/y→i). Code units, not strings: names are looked up for every distinct word form of a text, and
 * fourteen regular-expression replacements per form were most of the anchors' time in a fresh process.
 */
function fold(latin: string): number {
  const lower = latin.toLowerCase();
  if (folded.length < 2 * lower.length + 2) folded = new Uint8Array(2 * lower.length + 16);
  const w = folded;
  let n = 0;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c >= 97 && c <= 122) w[n++] = c;
  }
  return foldCodes(w, n);
}

/** The rules of `fold` applied to the first `n` code units (a–z) of `w`, which has room for 2n; the new length. */
function foldCodes(w: Uint8Array, length: number): number {
  if (length === 0) return 0;
  let n = replaceShch(w, length);
  n = replacePair(w, n, 107, 104, 104); // kh → h
  n = replacePair(w, n, 99, 104, 104); // ch → h
  n = replacePair(w, n, 115, 104, 115); // sh → s
  n = replacePair(w, n, 122, 104, 122); // zh → z
  n = replacePair(w, n, 116, 115, 115); // ts → s
  n = replacePair(w, n, 116, 122, 115); // tz → s
  n = replacePair(w, n, 112, 104, 102); // ph → f
  n = replacePair(w, n, 116, 104, 116); // th → t
  n = replacePair(w, n, 99, 107, 107); // ck → k
  let xs = 0;
  for (let k = 0; k < n; k++) {
    const c = w[k]!;
    if (c === 99 || c === 113) w[k] = 107; // c, q → k
    else if (c === 119) w[k] = 118; // w → v
    else if (c === 106 || c === 121) w[k] = 105; // j, y → i
    else if (c === 120) xs++;
  }
  if (xs > 0) {
    // x → ks, from the end so that the word can grow in place.
    for (let k = n - 1, z = n + xs - 1; k >= 0; k--) {
      const c = w[k]!;
      if (c === 120) {
        w[z--] = 115;
        w[z--] = 107;
      } else w[z--] = c;
    }
    n += xs;
  }
  return n;
}

/** Scratch of `fold`: the folded word's code units (a–z). */
let folded = new Uint8Array(64);

/** Every `a` `b` (left to right, not overlapping) replaced by `to`, in place; the new length. */
function replacePair(w: Uint8Array, n: number, a: number, b: number, to: number): number {
  let z = 0;
  for (let k = 0; k < n; k++) {
    const c = w[k]!;
    if (c === a && k + 1 < n && w[k + 1] === b) {
      w[z++] = to;
      k++;
    } else w[z++] = c;
  }
  return z;
}

/** Every `shch` replaced by `sh`, in place; the new length. */
function replaceShch(w: Uint8Array, n: number): number {
  let z = 0;
  for (let k = 0; k < n; k++) {
    if (w[k] === 115 && k + 3 < n && w[k + 1] === 104 && w[k + 2] === 99 && w[k + 3] === 104) {
      w[z++] = 115;
      w[z++] = 104;
      k += 3;
    } else w[z++] = w[k]!;
  }
  return z;
}

function codesToString(codes: Uint8Array, length: number): string {
  let out = '';
  for (let k = 0; k < length; k++) out += String.fromCharCode(codes[k]!);
  return out;
}
