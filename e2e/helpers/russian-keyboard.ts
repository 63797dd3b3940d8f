/**
 * A Russian (ЙЦУКЕН) keyboard layout, as the browser gets it from the system: each key press is a
 * real (trusted) key event through the DevTools protocol, with the physical key's `code` (KeyD)
 * and the layout's character as `key` and as the text it types (в). Shortcuts bound by code work;
 * what is typed into a field is Cyrillic, as a Russian reader's keyboard gives it.
 */
import type { CDPSession, Page } from '@playwright/test';

/** code → [character, character with Shift] on the Russian layout. */
const LAYOUT: Record<string, [string, string]> = {
  Backquote: ['ё', 'Ё'],
  Digit1: ['1', '!'],
  Digit2: ['2', '"'],
  Digit3: ['3', '№'],
  Digit4: ['4', ';'],
  Digit5: ['5', '%'],
  Digit6: ['6', ':'],
  Digit7: ['7', '?'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  KeyQ: ['й', 'Й'],
  KeyW: ['ц', 'Ц'],
  KeyE: ['у', 'У'],
  KeyR: ['к', 'К'],
  KeyT: ['е', 'Е'],
  KeyY: ['н', 'Н'],
  KeyU: ['г', 'Г'],
  KeyI: ['ш', 'Ш'],
  KeyO: ['щ', 'Щ'],
  KeyP: ['з', 'З'],
  BracketLeft: ['х', 'Х'],
  BracketRight: ['ъ', 'Ъ'],
  KeyA: ['ф', 'Ф'],
  KeyS: ['ы', 'Ы'],
  KeyD: ['в', 'В'],
  KeyF: ['а', 'А'],
  KeyG: ['п', 'П'],
  KeyH: ['р', 'Р'],
  KeyJ: ['о', 'О'],
  KeyK: ['л', 'Л'],
  KeyL: ['д', 'Д'],
  Semicolon: ['ж', 'Ж'],
  Quote: ['э', 'Э'],
  Backslash: ['\\', '/'],
  KeyZ: ['я', 'Я'],
  KeyX: ['ч', 'Ч'],
  KeyC: ['с', 'С'],
  KeyV: ['м', 'М'],
  KeyB: ['и', 'И'],
  KeyN: ['т', 'Т'],
  KeyM: ['ь', 'Ь'],
  Comma: ['б', 'Б'],
  Period: ['ю', 'Ю'],
  Slash: ['.', ','],
  Space: [' ', ' '],
};

/** Keys with no character: their `key` is their name. */
const NAMED: Record<string, number> = {
  Enter: 13,
  Escape: 27,
  Tab: 9,
  Backspace: 8,
  ArrowDown: 40,
  ArrowUp: 38,
  ArrowLeft: 37,
  ArrowRight: 39,
  Home: 36,
  End: 35,
  F3: 114,
  F10: 121,
};

/** The Windows virtual key code of a physical key (what `keyCode` reports). */
function virtualKey(code: string): number {
  if (NAMED[code] !== undefined) return NAMED[code];
  if (/^Key[A-Z]$/.test(code)) return code.charCodeAt(3);
  if (/^Digit\d$/.test(code)) return code.charCodeAt(5);
  return (
    { Backquote: 192, Minus: 189, Equal: 187, BracketLeft: 219, BracketRight: 221, Semicolon: 186, Quote: 222, Backslash: 220, Comma: 188, Period: 190, Slash: 191, Space: 32 }[code] ?? 0
  );
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

export interface Modifiers {
  shift?: boolean;
  ctrl?: boolean;
  alt?: boolean;
}

/**
 * Presses a physical key on the Russian layout: `code` as in `KeyboardEvent.code` (`KeyD`,
 * `Slash`, `Enter`); with Ctrl or Alt it types nothing, as on a real keyboard.
 */
export async function pressRussian(page: Page, code: string, modifiers: Modifiers = {}): Promise<void> {
  const cdp = await session(page);
  const mask = (modifiers.alt ? 1 : 0) | (modifiers.ctrl ? 2 : 0) | (modifiers.shift ? 8 : 0);
  const chars = LAYOUT[code];
  const key = chars ? chars[modifiers.shift ? 1 : 0] : code;
  const text = chars && !modifiers.ctrl && !modifiers.alt ? key : code === 'Enter' ? '\r' : '';
  const common = { modifiers: mask, code, key, windowsVirtualKeyCode: virtualKey(code), nativeVirtualKeyCode: virtualKey(code) };
  await cdp.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', ...common, ...(text ? { text, unmodifiedText: text } : {}) });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common });
}

/** Types text on the Russian layout, key by key (each character must be on the layout). */
export async function typeRussian(page: Page, text: string): Promise<void> {
  for (const char of text) {
    const found = Object.entries(LAYOUT).find(([, [plain, shifted]]) => plain === char || shifted === char);
    if (!found) throw new Error(`"${char}" is not on the Russian layout`);
    const [code, [plain]] = found;
    await pressRussian(page, code, { shift: plain !== char });
  }
}
