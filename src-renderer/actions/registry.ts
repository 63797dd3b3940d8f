/**
 * What every action does, once per id. The compiler checks the table is complete against the
 * contract's `ActionId` (`satisfies Record<ActionId, …>`); the keys, contexts and menus are in
 * `src-main/contract/actions.ts` (main reads those for the application menu). The keyboard, the
 * application menu, the toolbar, the clause menu, the selection bar and the command palette all
 * go through `runAction`, so an action runs the same way, and only where it is enabled, whichever
 * way the reader asks for it.
 */
import { ACTION_IDS, ACTIONS, type ActionContext, type ActionId, enabledIn, PALETTE_ONLY } from '../../src-main/contract/actions';
import { addToGlossaryFromSelection, toggleChecks, toggleGlossary } from '../compare/actions';
import type { ReaderController } from '../reader/controller';
import { lookUpFocused } from '../reader/lookup';
import type { RowTarget } from '../state/reader-state';
import { openConcordance, stepTerm } from '../reader/term-actions';

export interface ActionImpl {
  run(app: ReaderController, target?: RowTarget): void | Promise<void>;
}

export const REGISTRY = {
  'next-row': { run: (app) => app.moveRow(1) },
  'previous-row': { run: (app) => app.moveRow(-1) },
  'next-paragraph': { run: (app) => app.moveParagraph(1) },
  'previous-paragraph': { run: (app) => app.moveParagraph(-1) },
  'first-row': { run: (app) => app.goToRow(0) },
  'last-row': { run: (app) => app.goToRow(app.entries.length - 1) },
  'go-to-paragraph': { run: (app) => app.open({ kind: 'goto' }) },
  'open-library': { run: (app) => app.library() },
  'toggle-contents': { run: (app) => app.togglePanel('contents') },
  'toggle-bookmark': { run: (app) => app.toggleBookmark() },
  'toggle-bookmarks': { run: (app) => app.togglePanel('bookmarks') },
  'open-search': { run: (app) => app.openSearch() },
  'toggle-search': { run: (app) => app.toggleSearch() },
  'find-next': { run: (app) => app.findStep(1) },
  'find-previous': { run: (app) => app.findStep(-1) },
  'pin-counterpart': { run: (app) => app.pinCounterpart() },
  'show-counterpart': { run: (app) => app.dispatch({ type: 'toggle-peek' }) },
  'copy-english': { run: (app, target) => app.copy('en', target) },
  'copy-russian': { run: (app, target) => app.copy('ru', target) },
  'copy-pair': { run: (app, target) => app.copy('pair', target) },
  'copy-pair-markdown': { run: (app, target) => app.copy('markdown', target) },
  'open-context-menu': { run: (app) => app.openContextMenu() },
  'highlight-selection': { run: (app) => app.highlight() },
  'note-selection': { run: (app) => app.noteOnSelection() },
  'note-row': { run: (app, target) => app.noteOnRow(target) },
  'toggle-annotations': { run: (app) => app.togglePanel('notes') },
  'undo': { run: (app) => app.undo() },
  'redo': { run: (app) => app.redo() },
  'toggle-edit-alignment': { run: (app) => app.toggleMode() },
  'merge-row': { run: (app, target) => app.merge(target) },
  'split-row': { run: (app, target) => app.openSplit(target) },
  'move-first-to-previous': { run: (app, target) => app.move('first-to-previous', target) },
  'move-last-to-next': { run: (app, target) => app.move('last-to-next', target) },
  'confirm-row': { run: (app, target) => app.confirm(target) },
  'next-unconfirmed': { run: (app) => app.review('unconfirmed') },
  'next-uneven': { run: (app) => app.review('non-one-to-one') },
  'next-weakest': { run: (app) => app.review('weakest') },
  'toggle-layout': { run: (app) => app.cycleLayout() },
  'swap-columns': { run: (app) => app.updatePrefs({ swapped: !app.prefs.swapped }) },
  'cycle-theme': { run: (app) => app.cycleTheme() },
  'zoom-in': { run: (app) => app.zoom(1) },
  'zoom-out': { run: (app) => app.zoom(-1) },
  'zoom-reset': { run: (app) => app.zoom(0) },
  'cycle-line-spacing': { run: (app) => app.cycleSpacing() },
  'open-display': { run: (app) => app.toggleDisplay() },
  'command-palette': { run: (app) => app.open({ kind: 'palette' }) },
  'show-help': { run: (app) => app.open({ kind: 'help' }) },
  'close-overlay': { run: (app) => app.escape() },
  // Dictionaries, print and the document's details (issue 12).
  'look-up-word': { run: (app) => lookUpFocused(app) },
  'open-dictionaries': { run: (app) => app.open({ kind: 'dictionaries' }) },
  'print-document': { run: (app) => app.open({ kind: 'print' }) },
  'edit-details': { run: (app) => (app.doc.manifest.details ? app.open({ kind: 'details' }) : app.say(app.t('details.bundled'))) },
  'toggle-checks': { run: (app) => toggleChecks(app) },
  'toggle-glossary': { run: (app) => toggleGlossary(app) },
  'add-to-glossary': { run: (app, target) => addToGlossaryFromSelection(app, target) },
  'next-term': { run: (app) => stepTerm(app, 1) },
  'previous-term': { run: (app) => stepTerm(app, -1) },
  'open-concordance': { run: (app) => openConcordance(app) },
  'switch-ui-language': { run: (app) => app.switchUiLanguage() },
} satisfies Record<ActionId, ActionImpl>;

/** Where the focus is and what is open decide the context. */
export function currentContext(app: Pick<ReaderController, 'isModal' | 'state'>, focused: Element | null = document.activeElement): ActionContext {
  if (app.isModal() || document.querySelector('dialog[open]')) return 'dialog';
  if (isTextField(focused)) return 'text-field';
  return app.state.mode;
}

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'email', 'url', 'tel', 'password', '']);
export function isTextField(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type);
}

/** Actions the reader can run now (the palette lists these), in the registry's order. */
export function enabledActions(context: ActionContext): ActionId[] {
  return ACTION_IDS.filter((id) => enabledIn(id, context));
}

/** Actions listed in the application menu and the command palette: every one with a menu (and the palette-only ones). */
export const LISTED_ACTIONS: readonly ActionId[] = ACTION_IDS.filter((id) => ACTIONS[id].menu !== null || PALETTE_ONLY.includes(id));

/**
 * Runs an action by id, if it is enabled in `context`. An alignment action asked for while reading
 * says how to turn on Edit alignment instead of doing anything.
 */
export function runAction(app: ReaderController, id: ActionId, context: ActionContext, target?: RowTarget): boolean {
  if (!enabledIn(id, context)) {
    if (context === 'reading' && enabledIn(id, 'edit-alignment')) app.say(app.t('modes.needsEdit'));
    return false;
  }
  void REGISTRY[id].run(app, target);
  return true;
}
