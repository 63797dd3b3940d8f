/**
 * The application menu as data, in the UI language. The Electron glue turns it into a Menu and
 * maps each `action` to what it does; roles are Electron's built-in behaviours.
 */
import type { UiLanguage } from '../../contract/ipc';
import enMenu from '../../../locales/en/menu.json';
import ruMenu from '../../../locales/ru/menu.json';

export type MenuStrings = typeof enMenu;
const STRINGS: Record<UiLanguage, MenuStrings> = { en: enMenu, ru: ruMenu };

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
  | { kind: 'separator' };

export interface MenuSpec {
  label: string;
  items: MenuItemSpec[];
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
    ],
  };
  const view: MenuSpec = {
    label: s.view,
    items: [
      { kind: 'role', role: 'zoomIn', label: s.zoomIn },
      { kind: 'role', role: 'zoomOut', label: s.zoomOut },
      { kind: 'role', role: 'resetZoom', label: s.resetZoom },
      sep,
      { kind: 'role', role: 'togglefullscreen', label: s.toggleFullScreen },
    ],
  };
  const languageMenu: MenuSpec = {
    label: s.language,
    items: [
      { kind: 'action', action: 'set-language-en', label: s.english, checked: language === 'en' },
      { kind: 'action', action: 'set-language-ru', label: s.russian, checked: language === 'ru' },
    ],
  };
  const help: MenuSpec = {
    label: s.help,
    items: [{ kind: 'action', action: 'about', label: s.about.replace('{{appName}}', appName) }],
  };
  const menus = [file, edit, view, languageMenu, help];
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
