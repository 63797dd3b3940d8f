import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ActionId } from '../contract/actions';
import type { UiLanguage } from '../contract/ipc';
import { type MenuAction, type MenuItemSpec, menuTemplate } from '../core/menu/menu-template';

/** Builds the localised application menu from its data description. */
export function applyMenu(
  language: UiLanguage,
  appName: string,
  actions: Record<MenuAction, () => void>,
  runReaderAction: (id: ActionId) => void,
): void {
  const toItem = (item: MenuItemSpec): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: item.role, label: item.label };
      case 'reader':
        // The page handles the shortcut itself; the menu shows it and runs the same action.
        return { label: item.label, accelerator: item.accelerator, registerAccelerator: false, click: () => runReaderAction(item.action) };
      case 'action':
        return item.checked === undefined
          ? { label: item.label, click: actions[item.action] }
          : { label: item.label, type: 'radio', checked: item.checked, click: actions[item.action] };
    }
  };
  const template = menuTemplate(language, process.platform, appName).map((menu) => ({
    label: menu.label,
    submenu: menu.items.map(toItem),
  }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
