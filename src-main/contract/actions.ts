/**
 * Every reader action, registered once: its id, where it appears, and its keyboard shortcuts.
 * The renderer binds the shortcuts and runs the actions; the application menu (main) shows the
 * same shortcuts and sends the action's id to the renderer, so both dispatch the same code.
 * Labels live in the locales under `actions.<id>`.
 *
 * Shortcut syntax: `Mod` is Ctrl (Cmd on macOS); keys are `KeyboardEvent.key` values.
 */
export const ACTIONS = {
  'next-row': { group: 'move', keys: ['j'], menu: 'go' },
  'previous-row': { group: 'move', keys: ['k'], menu: 'go' },
  'next-paragraph': { group: 'move', keys: ['n', 'Shift+J'], menu: 'go' },
  'previous-paragraph': { group: 'move', keys: ['p', 'Shift+K'], menu: 'go' },
  'first-row': { group: 'move', keys: ['Mod+Home'], menu: 'go' },
  'last-row': { group: 'move', keys: ['Mod+End'], menu: 'go' },
  'go-to-paragraph': { group: 'move', keys: ['g', 'Mod+G'], menu: 'go' },
  'toggle-contents': { group: 'move', keys: ['o'], menu: 'go' },
  'open-search': { group: 'search', keys: ['Mod+F', '/'], menu: 'edit' },
  'find-next': { group: 'search', keys: ['F3', 'Mod+Enter'], menu: 'edit' },
  'find-previous': { group: 'search', keys: ['Shift+F3', 'Mod+Shift+Enter'], menu: 'edit' },
  'pin-counterpart': { group: 'compare', keys: ['Enter', ' '], menu: null },
  'show-counterpart': { group: 'compare', keys: ['c'], menu: 'view' },
  'copy-pair': { group: 'compare', keys: ['Mod+Shift+C'], menu: 'edit' },
  'copy-pair-markdown': { group: 'compare', keys: ['Mod+Shift+M'], menu: 'edit' },
  'open-context-menu': { group: 'compare', keys: ['Shift+F10', 'ContextMenu'], menu: null },
  'highlight-selection': { group: 'annotate', keys: ['Mod+Shift+H'], menu: 'edit' },
  'note-selection': { group: 'annotate', keys: ['Mod+Shift+N'], menu: 'edit' },
  'note-row': { group: 'annotate', keys: ['r'], menu: 'edit' },
  'toggle-annotations': { group: 'annotate', keys: ['a'], menu: 'view' },
  'merge-row': { group: 'align', keys: ['m'], menu: 'align' },
  'split-row': { group: 'align', keys: ['x'], menu: 'align' },
  'move-first-to-previous': { group: 'align', keys: ['Alt+ArrowUp'], menu: 'align' },
  'move-last-to-next': { group: 'align', keys: ['Alt+ArrowDown'], menu: 'align' },
  'confirm-row': { group: 'align', keys: ['y'], menu: 'align' },
  'next-unconfirmed': { group: 'align', keys: ['u'], menu: 'align' },
  'next-uneven': { group: 'align', keys: ['b'], menu: 'align' },
  'next-weakest': { group: 'align', keys: ['w'], menu: 'align' },
  'undo': { group: 'align', keys: ['Mod+Z'], menu: 'edit' },
  'redo': { group: 'align', keys: ['Mod+Shift+Z', 'Mod+Y'], menu: 'edit' },
  'toggle-layout': { group: 'view', keys: ['l', 'Mod+L'], menu: 'view' },
  'swap-columns': { group: 'view', keys: ['s'], menu: 'view' },
  'cycle-theme': { group: 'view', keys: ['t'], menu: 'view' },
  'zoom-in': { group: 'view', keys: ['Mod+=', 'Mod++'], menu: 'view' },
  'zoom-out': { group: 'view', keys: ['Mod+-'], menu: 'view' },
  'zoom-reset': { group: 'view', keys: ['Mod+0'], menu: 'view' },
  'cycle-line-spacing': { group: 'view', keys: ['h'], menu: 'view' },
  'show-help': { group: 'help', keys: ['?', 'F1'], menu: 'help' },
  'close-overlay': { group: 'help', keys: ['Escape'], menu: null },
} as const satisfies Record<string, ActionSpec>;

export interface ActionSpec {
  group: 'move' | 'search' | 'compare' | 'annotate' | 'align' | 'view' | 'help';
  keys: readonly string[];
  /** The application menu the action is listed in, if any. */
  menu: 'go' | 'edit' | 'view' | 'align' | 'help' | null;
}

export type ActionId = keyof typeof ACTIONS;
export const ACTION_IDS = Object.keys(ACTIONS) as ActionId[];

const ACCELERATOR_NAMES: Record<string, string> = {
  Mod: 'CommandOrControl',
  ' ': 'Space',
  ArrowDown: 'Down',
  ArrowUp: 'Up',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
};

/** `Mod+Shift+C` → Electron's accelerator `CommandOrControl+Shift+C`; `Mod++` → `…+Plus`. */
export function toAccelerator(key: string): string {
  const plus = key.endsWith('++') || key === '+';
  const parts = (plus ? key.slice(0, -1) : key).split('+').filter((p) => p !== '');
  if (plus) parts.push('Plus');
  if (key === ' ') return 'Space';
  return parts.map((p) => ACCELERATOR_NAMES[p] ?? (p.length === 1 ? p.toUpperCase() : p)).join('+');
}
