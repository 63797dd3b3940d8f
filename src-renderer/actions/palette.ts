/** The command palette's list: the actions enabled now that the menu lists, filtered by words. */
import type { ActionContext, ActionId } from '../../src-main/contract/actions';
import { foldQuery, foldText } from '../reader/search';
import { enabledActions, LISTED_ACTIONS } from './registry';

export function paletteActions(context: ActionContext): ActionId[] {
  const enabled = new Set(enabledActions(context));
  return LISTED_ACTIONS.filter((id) => enabled.has(id));
}

/** The same physical keys on the two layouts: QWERTY and the Russian ЙЦУКЕН, unshifted. */
const LATIN_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,.";
const CYRILLIC_KEYS = 'ёйцукенгшщзхъфывапролджэячсмитьбю';
const OTHER_LAYOUT = new Map<string, string>();
for (let i = 0; i < LATIN_KEYS.length; i++) {
  OTHER_LAYOUT.set(LATIN_KEYS[i]!, CYRILLIC_KEYS[i]!);
  OTHER_LAYOUT.set(CYRILLIC_KEYS[i]!, LATIN_KEYS[i]!);
}

/**
 * What the same keys type on the other layout: «еруьу» (typed for "theme" with the Russian layout
 * on) → "theme", "ntvf" → «тема». Letters only change; digits and spaces stay.
 */
export function onOtherLayout(query: string): string {
  let out = '';
  for (const ch of query) {
    const lower = ch.toLowerCase();
    out += OTHER_LAYOUT.get(lower) ?? lower;
  }
  return out;
}

/**
 * Every word of the query begins a word of the label (or appears in it), in any order; a query
 * typed with the other keyboard layout on (the Russian one for an English label) is read as the
 * same keys on that layout.
 */
export function filterPalette(ids: readonly ActionId[], label: (id: ActionId) => string, query: string): ActionId[] {
  const words = foldQuery(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...ids];
  const swapped = foldQuery(onOtherLayout(query)).split(' ').filter(Boolean);
  return ids.filter((id) => {
    const text = foldText(`${label(id)} ${id.replace(/-/g, ' ')}`).folded;
    return words.every((w) => text.includes(w)) || swapped.every((w) => text.includes(w));
  });
}
