/** The command palette's list: the actions enabled now that the menu lists, filtered by words. */
import type { ActionContext, ActionId } from '../../src-main/contract/actions';
import { foldQuery, foldText } from '../reader/search';
import { enabledActions, LISTED_ACTIONS } from './registry';

export function paletteActions(context: ActionContext): ActionId[] {
  const enabled = new Set(enabledActions(context));
  return LISTED_ACTIONS.filter((id) => enabled.has(id));
}

/** Every word of the query begins a word of the label (or appears in it), in any order. */
export function filterPalette(ids: readonly ActionId[], label: (id: ActionId) => string, query: string): ActionId[] {
  const words = foldQuery(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...ids];
  return ids.filter((id) => {
    const text = foldText(`${label(id)} ${id.replace(/-/g, ' ')}`).folded;
    return words.every((w) => text.includes(w));
  });
}
