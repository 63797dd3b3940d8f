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
 * The word without its case ending, keeping at least three letters. A capitalised word (a name)
 * keeps -ов/-ев: Иванова → иванов.
 */
export function stripRussianEnding(word: string): string {
  const w = word.toLowerCase();
  const endings = /^\p{Lu}/u.test(word) ? NAME_ENDINGS : RUSSIAN_ENDINGS;
  for (const ending of endings) {
    if (w.endsWith(ending) && w.length - ending.length >= 3) return w.slice(0, -ending.length);
  }
  return w;
}

/**
 * Consonant skeleton of a Latin spelling: digraphs folded (kh/ch/sh/zh/ts/ph/th/ck), similar letters
 * merged (c,q→k; w→v; x→ks; j,y→i), vowels after the first letter dropped, doubles collapsed.
 */
export function skeleton(latin: string): string {
  const w = foldSpelling(latin);
  if (!w) return '';
  let out = w[0]!;
  for (let k = 1; k < w.length; k++) {
    const ch = w[k]!;
    if ('aeiou'.includes(ch)) continue;
    if (out.at(-1) !== ch) out += ch;
  }
  return out;
}

/** Skeleton of a Russian word (ending stripped, transliterated). */
export function russianSkeleton(word: string): string {
  return skeleton(transliterate(stripRussianEnding(word)));
}

/** Skeleton of an English word (possessive and plural -s stripped). */
export function englishSkeleton(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/u, '');
  return skeleton(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
}

/** A Latin spelling in lower case, letters only, its digraphs folded and similar letters merged. */
export function foldSpelling(latin: string): string {
  return latin
    .toLowerCase()
    .replace(/[^a-z]/gu, '')
    .replace(/shch/gu, 'sh')
    .replace(/kh/gu, 'h')
    .replace(/ch/gu, 'h')
    .replace(/sh/gu, 's')
    .replace(/zh/gu, 'z')
    .replace(/ts/gu, 's')
    .replace(/tz/gu, 's')
    .replace(/ph/gu, 'f')
    .replace(/th/gu, 't')
    .replace(/ck/gu, 'k')
    .replace(/[cq]/gu, 'k')
    .replace(/w/gu, 'v')
    .replace(/x/gu, 'ks')
    .replace(/[jy]/gu, 'i');
}
