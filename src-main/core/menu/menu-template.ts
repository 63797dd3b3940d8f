/**
 * The application menu as data, in the UI language. The Electron glue turns it into a Menu and
 * maps each `action` to what it does; roles are Electron's built-in behaviours.
 */
import type { UiLanguage } from '../../contract/ipc';
import { ACTIONS, ACTION_IDS, type ActionId, type ActionMenu, toAccelerator } from '../../contract/actions';
import enCommon from '../../../locales/en/common.json';
import enMenu from '../../../locales/en/menu.json';
import ruCommon from '../../../locales/ru/common.json';
import ruMenu from '../../../locales/ru/menu.json';

export type MenuStrings = typeof enMenu;
const STRINGS: Record<UiLanguage, MenuStrings> = { en: enMenu, ru: ruMenu };
/** Reader actions are labelled with the same strings as the window's help. */
const ACTION_LABELS: Record<UiLanguage, Record<ActionId, string>> = { en: enCommon.actions, ru: ruCommon.actions };

export type MenuAction = 'set-language-en' | 'set-language-ru' | 'about';
export type MenuRole =
  | 'quit'
  | 'close'
  | 'copy'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'minimize'
  | 'hide'
  | 'hideOthers'
  | 'unhide';

export type MenuItemSpec =
  | { kind: 'role'; role: MenuRole; label: string; accelerator?: string }
  | { kind: 'action'; action: MenuAction; label: string; checked?: boolean }
  /** A reader action: the renderer runs it, and also handles its shortcut itself. */
  | { kind: 'reader'; action: ActionId; label: string; accelerator?: string }
  | { kind: 'separator' };

export interface MenuSpec {
  label: string;
  items: MenuItemSpec[];
}

function readerItems(language: UiLanguage, menu: ActionMenu): MenuItemSpec[] {
  return ACTION_IDS.filter((id) => ACTIONS[id].menu === menu).map((id) => {
    const keys: readonly string[] = ACTIONS[id].keys;
    const first = keys.find((k) => k !== 'ContextMenu');
    return { kind: 'reader', action: id, label: ACTION_LABELS[language][id], ...(first ? { accelerator: toAccelerator(first) } : {}) };
  });
}

/** Every reader action the menu lists, in menu order. */
export function menuActions(menus: readonly MenuSpec[]): ActionId[] {
  return menus.flatMap((m) => m.items.flatMap((item) => (item.kind === 'reader' ? [item.action] : [])));
}

export function menuTemplate(language: UiLanguage, platform: string, appName: string): MenuSpec[] {
  const s = STRINGS[language];
  const sep: MenuItemSpec = { kind: 'separator' };
  const file: MenuSpec = {
    label: s.file,
    items: [platform === 'darwin' ? { kind: 'role', role: 'close', label: s.closeWindow } : { kind: 'role', role: 'quit', label: s.quit }],
  };
  const edit: MenuSpec = {
    label: s.edit,
    items: [
      { kind: 'role', role: 'copy', label: s.copy },
      { kind: 'role', role: 'selectAll', label: s.selectAll },
      sep,
      ...readerItems(language, 'edit'),
    ],
  };
  const view: MenuSpec = {
    label: s.view,
    items: [...readerItems(language, 'view'), sep, { kind: 'role', role: 'togglefullscreen', label: s.toggleFullScreen }],
  };
  const go: MenuSpec = { label: s.go, items: readerItems(language, 'go') };
  const align: MenuSpec = { label: s.alignment, items: readerItems(language, 'align') };
  const languageMenu: MenuSpec = {
    label: s.language,
    items: [
      { kind: 'action', action: 'set-language-en', label: s.english, checked: language === 'en' },
      { kind: 'action', action: 'set-language-ru', label: s.russian, checked: language === 'ru' },
    ],
  };
  const help: MenuSpec = {
    label: s.help,
    items: [...readerItems(language, 'help'), sep, { kind: 'action', action: 'about', label: s.about.replace('{{appName}}', appName) }],
  };
  const menus = [file, edit, view, go, align, languageMenu, help];
  if (platform === 'darwin') {
    menus.unshift({
      label: appName,
      items: [
        { kind: 'action', action: 'about', label: s.about.replace('{{appName}}', appName) },
        sep,
        { kind: 'role', role: 'hide', label: s.hide.replace('{{appName}}', appName) },
        { kind: 'role', role: 'hideOthers', label: s.hideOthers },
        { kind: 'role', role: 'unhide', label: s.showAll },
        sep,
        { kind: 'role', role: 'quit', label: s.quitApp.replace('{{appName}}', appName) },
      ],
    });
  }
  return menus;
}

export function aboutText(language: UiLanguage, appName: string, version: string): { title: string; detail: string } {
  const s = STRINGS[language];
  return {
    title: s.about.replace('{{appName}}', appName),
    detail: s.aboutDetail.replace('{{appName}}', appName).replace('{{version}}', version),
  };
}
