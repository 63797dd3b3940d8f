import { describe, expect, it } from 'vitest';
import { ACTION_IDS, ACTIONS, CONTEXTS, enabledIn, isTypingKey, PALETTE_ONLY, toAccelerator } from '../../src-main/contract/actions';
import { menuActions, menuTemplate } from '../../src-main/core/menu/menu-template';
import { actionForKey, displayShortcut, keyNames, keysIn, type KeyPress, matchesShortcut } from './keys';
import { filterPalette, onOtherLayout, paletteActions } from './palette';
import { REGISTRY } from './registry';

const press = (code: string, mods: Partial<Omit<KeyPress, 'code'>> = {}): KeyPress => ({
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

/** A shortcut as the key press that makes it, on Linux/Windows or macOS. */
function pressFor(shortcut: string, mac: boolean): KeyPress {
  const parts = shortcut.split('+');
  const code = parts.pop()!;
  return press(code, {
    ctrlKey: !mac && parts.includes('Mod'),
    metaKey: mac && parts.includes('Mod'),
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
  });
}

describe('the action registry', () => {
  it('defines what every action does, and nothing else', () => {
    expect(Object.keys(REGISTRY).sort()).toEqual([...ACTION_IDS].sort());
    for (const id of ACTION_IDS) expect(typeof REGISTRY[id].run).toBe('function');
  });

  it('enables every action somewhere', () => {
    for (const id of ACTION_IDS) expect(CONTEXTS.some((c) => enabledIn(id, c)), id).toBe(true);
  });

  it('binds each key to at most one action within a context', () => {
    for (const context of CONTEXTS) {
      const seen = new Map<string, string>();
      for (const id of ACTION_IDS) {
        for (const key of keysIn(id, context)) {
          expect(seen.get(key), `${key} in ${context}: ${seen.get(key)} and ${id}`).toBeUndefined();
          seen.set(key, id);
        }
      }
    }
  });

  it('every key reaches its own action, on Linux and on macOS', () => {
    for (const mac of [false, true]) {
      for (const id of ACTION_IDS) {
        const context = CONTEXTS.find((c) => enabledIn(id, c))!;
        for (const key of keysIn(id, context)) expect(actionForKey(pressFor(key, mac), context, mac), `${key} (${mac ? 'mac' : 'pc'})`).toBe(id);
      }
    }
  });

  it('runs no key that types while the reader types or a dialog is open', () => {
    const typing = ['KeyA', 'KeyE', 'KeyJ', 'KeyM', 'KeyR', 'KeyS', 'KeyT', 'KeyX', 'KeyY', 'Digit2', 'Slash', 'Space', 'Enter'];
    for (const context of ['text-field', 'dialog'] as const) {
      for (const code of typing) {
        expect(actionForKey(press(code), context), `${code} in ${context}`).toBeUndefined();
        expect(actionForKey(press(code, { shiftKey: true }), context), `Shift+${code} in ${context}`).toBeUndefined();
      }
    }
    // Nothing at all runs in a dialog: it handles its own keys.
    for (const id of ACTION_IDS) expect(enabledIn(id, 'dialog'), id).toBe(false);
  });

  it('changes no text or alignment from a key in reading mode', () => {
    const changing = ['merge-row', 'split-row', 'move-first-to-previous', 'move-last-to-next', 'confirm-row', 'next-unconfirmed', 'next-uneven', 'next-weakest'] as const;
    for (const id of changing) {
      expect(enabledIn(id, 'reading'), id).toBe(false);
      expect(enabledIn(id, 'edit-alignment'), id).toBe(true);
    }
    for (const code of ['KeyM', 'KeyX', 'KeyY', 'KeyU', 'KeyW']) expect(actionForKey(press(code), 'reading')).toBeUndefined();
    expect(actionForKey(press('ArrowUp', { altKey: true }), 'reading')).toBeUndefined();
    expect(actionForKey(press('KeyM'), 'edit-alignment')).toBe('merge-row');
  });

  it('matches the physical key, so a Russian layout works (J gives "о", code KeyJ)', () => {
    const russianJ = { ...press('KeyJ'), key: 'о' } as KeyPress;
    expect(actionForKey(russianJ, 'reading')).toBe('next-row');
    expect(actionForKey(press('KeyK', { ctrlKey: true }), 'reading', false)).toBe('command-palette');
    expect(actionForKey(press('KeyP', { ctrlKey: true, shiftKey: true }), 'text-field', false)).toBe('command-palette');
  });

  it('uses Cmd for Ctrl on macOS and not both', () => {
    expect(matchesShortcut(press('KeyF', { metaKey: true }), 'Mod+KeyF', true)).toBe(true);
    expect(matchesShortcut(press('KeyF', { ctrlKey: true }), 'Mod+KeyF', true)).toBe(false);
    expect(matchesShortcut(press('KeyF', { ctrlKey: true }), 'Mod+KeyF', false)).toBe(true);
    expect(matchesShortcut(press('KeyF', { ctrlKey: true, metaKey: true }), 'Mod+KeyF', false)).toBe(false);
  });

  it('shows keys as the keyboard labels them', () => {
    expect(displayShortcut('Mod+Shift+KeyC', false)).toBe('Ctrl+Shift+C');
    expect(displayShortcut('Mod+Shift+KeyC', true)).toBe('⌘⇧C');
    expect(displayShortcut('Shift+Slash', false)).toBe('?');
    expect(displayShortcut('KeyJ', false, new Map([['KeyJ', 'о']]))).toBe('О');
    expect(displayShortcut('Space', false)).toBe('Space');
    const ru = keyNames((key) => ({ 'keyNames.Space': 'Пробел', 'keyNames.ContextMenu': 'Меню' })[key] ?? key);
    expect(displayShortcut('Space', false, undefined, ru)).toBe('Пробел');
    expect(displayShortcut('ContextMenu', false, undefined, ru)).toBe('Меню');
    expect(displayShortcut('Mod+Shift+KeyC', false, undefined, ru)).toBe('Ctrl+Shift+C');
    expect(toAccelerator('Mod+Shift+KeyC')).toBe('CommandOrControl+Shift+C');
    expect(toAccelerator('Mod+Digit0')).toBe('CommandOrControl+0');
  });

  it('the single letters are typing keys; the rest are not', () => {
    expect(isTypingKey('KeyJ')).toBe(true);
    expect(isTypingKey('Shift+KeyJ')).toBe(true);
    expect(isTypingKey('Mod+KeyF')).toBe(false);
    expect(isTypingKey('F3')).toBe(false);
    expect(isTypingKey('Escape')).toBe(false);
  });
});

describe('the command palette and the application menu', () => {
  it('list the same actions (the palette also those the menu has elsewhere: the interface language)', () => {
    for (const lang of ['en', 'ru'] as const) {
      const menu = new Set(menuActions(menuTemplate(lang, 'linux', 'Bitext Reader')));
      const palette = new Set([...paletteActions('reading'), ...paletteActions('edit-alignment')]);
      expect([...palette].sort()).toEqual([...menu, ...PALETTE_ONLY].sort());
      for (const id of PALETTE_ONLY) expect(menu.has(id), id).toBe(false);
    }
  });

  it('finds the interface language by the name of the language or by "language", in both interfaces', async () => {
    const en = (await import('../../locales/en/common.json')).default.actions as Record<string, string>;
    const ru = (await import('../../locales/ru/common.json')).default.actions as Record<string, string>;
    const reading = paletteActions('reading');
    for (const query of ['Русский', 'language russian', 'interface language']) expect(filterPalette(reading, (id) => en[id] ?? id, query), query).toEqual(['switch-ui-language']);
    for (const query of ['язык English', 'язык интерфейса', 'английский']) expect(filterPalette(reading, (id) => ru[id] ?? id, query), query).toEqual(['switch-ui-language']);
  });

  it('finds an action typed with the other keyboard layout on (the same keys, read on that layout)', async () => {
    const en = (await import('../../locales/en/common.json')).default.actions as Record<string, string>;
    const ru = (await import('../../locales/ru/common.json')).default.actions as Record<string, string>;
    const reading = paletteActions('reading');
    // "theme" and "glossary" typed on the Russian layout in the English interface.
    expect(onOtherLayout('еруьу')).toBe('theme');
    expect(filterPalette(reading, (id) => en[id] ?? id, 'еруьу')).toEqual(['cycle-theme']);
    expect(filterPalette(reading, (id) => en[id] ?? id, 'пдщыыфкн')).toContain('toggle-glossary');
    // «тему» typed on the Latin layout in the Russian interface.
    expect(onOtherLayout('ntve')).toBe('тему');
    expect(filterPalette(reading, (id) => ru[id] ?? id, 'ntve')).toEqual(['cycle-theme']);
    // What matches as typed still does, and nonsense on both layouts finds nothing.
    expect(filterPalette(reading, (id) => ru[id] ?? id, 'тему')).toEqual(['cycle-theme']);
    expect(filterPalette(reading, (id) => en[id] ?? id, 'щщщщ')).toEqual([]);
  });

  it('lists only what is enabled now: no alignment tools while reading', () => {
    expect(paletteActions('reading')).not.toContain('merge-row');
    expect(paletteActions('reading')).toContain('toggle-edit-alignment');
    expect(paletteActions('edit-alignment')).toContain('merge-row');
  });

  it('finds actions by any words of their label, forgiving case', () => {
    const label = (id: string) => ({ 'go-to-paragraph': 'Go to paragraph…', 'next-row': 'Next row', 'merge-row': 'Merge the row with the next' })[id] ?? id;
    const ids = ['go-to-paragraph', 'next-row', 'merge-row'] as const;
    expect(filterPalette(ids, label, 'PARAGRAPH go')).toEqual(['go-to-paragraph']);
    expect(filterPalette(ids, label, 'row')).toEqual(['next-row', 'merge-row']);
    expect(filterPalette(ids, label, '')).toEqual([...ids]);
    expect(filterPalette(ids, label, 'zzz')).toEqual([]);
  });

  it('every listed action has a label in both languages', async () => {
    const en = (await import('../../locales/en/common.json')).default.actions as Record<string, string>;
    const ru = (await import('../../locales/ru/common.json')).default.actions as Record<string, string>;
    for (const id of ACTION_IDS) {
      expect(en[id], id).toBeTruthy();
      expect(ru[id], id).toBeTruthy();
      expect(ACTIONS[id].group).toBeTruthy();
    }
  });
});
