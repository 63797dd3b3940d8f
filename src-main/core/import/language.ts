/**
 * Which language a text is in, by script: English is written in Latin letters, Russian in
 * Cyrillic (with some Latin names and acronyms). Runs anywhere.
 */
import type { LanguageVerdict, ScriptProfile } from '../../contract/ipc';

export type { LanguageVerdict, ScriptProfile };

/** Fewer letters than this and a text's language is `unknown`. */
export const MIN_LETTERS = 20;
/** A script must hold at least this share of the letters for the text to look like its language. */
export const MAJORITY = 0.6;
/** Enough of a long text to judge it. */
const SAMPLE = 200_000;

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LETTER = /\p{L}/u;

export function scriptProfile(text: string): ScriptProfile {
  let letters = 0;
  let latin = 0;
  let cyrillic = 0;
  for (const ch of text.slice(0, SAMPLE)) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (LATIN.test(ch)) latin++;
    else if (CYRILLIC.test(ch)) cyrillic++;
  }
  const share = (n: number) => (letters === 0 ? 0 : n / letters);
  const looksLike =
    letters < MIN_LETTERS ? 'unknown' : share(latin) >= MAJORITY ? 'en' : share(cyrillic) >= MAJORITY ? 'ru' : 'unknown';
  return { letters, latin: round(share(latin)), cyrillic: round(share(cyrillic)), looksLike };
}

/** Judges a pair given as (English, Russian). */
export function checkLanguages(en: string, ru: string): LanguageVerdict {
  const profiles = { en: scriptProfile(en), ru: scriptProfile(ru) };
  const a = profiles.en.looksLike;
  const b = profiles.ru.looksLike;
  if (a === 'en' && b === 'ru') return { status: 'ok', ...profiles };
  if (a === 'ru' && b === 'en') return { status: 'swapped', ...profiles, suggestion: 'swap' };
  if (a === 'en' && b === 'en') return { status: 'both-english', ...profiles };
  if (a === 'ru' && b === 'ru') return { status: 'both-russian', ...profiles };
  return { status: 'unclear', ...profiles };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
