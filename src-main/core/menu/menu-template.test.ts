import { describe, expect, it } from 'vitest';
import { type MenuItemSpec, type MenuSpec, aboutText, menuTemplate } from './menu-template';

const APP = 'Bitext Reader';
const PLATFORMS = ['darwin', 'win32', 'linux'] as const;

/** The menu without its labels: what each item is and does. */
function shape(menus: MenuSpec[]) {
  return menus.map((menu) =>
    menu.items.map((item: MenuItemSpec) => {
      switch (item.kind) {
        case 'separator':
          return 'separator';
        case 'role':
          return `role:${item.role}:${item.accelerator ?? ''}`;
        case 'action':
          return `action:${item.action}`;
      }
    }),
  );
}

function labels(menus: MenuSpec[]): string[] {
  return menus.flatMap((menu) => [menu.label, ...menu.items.flatMap((item) => ('label' in item ? [item.label] : []))]);
}

function languageMenu(menus: MenuSpec[]): MenuSpec {
  const menu = menus.find((m) => m.items.some((i) => i.kind === 'action' && i.action === 'set-language-en'));
  if (!menu) throw new Error('no language menu');
  return menu;
}

describe('menuTemplate', () => {
  it.each(PLATFORMS)('has the same structure in English and Russian on %s', (platform) => {
    const en = menuTemplate('en', platform, APP);
    const ru = menuTemplate('ru', platform, APP);
    expect(shape(ru)).toEqual(shape(en));
    expect(shape(en).flat().length).toBeGreaterThan(5);
  });

  it.each(PLATFORMS)('translates the labels on %s', (platform) => {
    const en = menuTemplate('en', platform, APP);
    const ru = menuTemplate('ru', platform, APP);
    // Top-level menus all differ, apart from the app menu named after the app.
    const top = (menus: MenuSpec[]) => menus.map((m) => m.label).filter((l) => l !== APP);
    const enTop = top(en);
    const ruTop = top(ru);
    enTop.forEach((label, i) => expect(ruTop[i]).not.toBe(label));
    expect(labels(ru).some((l) => /[а-яё]/i.test(l))).toBe(true);
    expect(labels(en).filter((l) => /[а-яё]/i.test(l))).toEqual(['Русский']);
  });

  it.each(PLATFORMS)('leaves no untranslated placeholder and no empty label on %s', (platform) => {
    for (const lang of ['en', 'ru'] as const) {
      for (const label of labels(menuTemplate(lang, platform, APP))) {
        expect(label).not.toContain('{{');
        expect(label).not.toContain('}}');
        expect(label.trim()).not.toBe('');
      }
    }
  });

  it('names the app in the about item', () => {
    const about = (lang: 'en' | 'ru') =>
      menuTemplate(lang, 'linux', 'Reader X')
        .flatMap((m) => m.items)
        .find((i) => i.kind === 'action' && i.action === 'about');
    expect(about('en')).toMatchObject({ label: 'About Reader X' });
    expect(about('ru')).toMatchObject({ label: 'О программе Reader X' });
  });

  it.each(['en', 'ru'] as const)('checks the current language (%s) and only it', (language) => {
    const items = languageMenu(menuTemplate(language, 'linux', APP)).items;
    const checked = items.filter((i) => i.kind === 'action' && i.checked).map((i) => i.kind === 'action' && i.action);
    expect(checked).toEqual([`set-language-${language}`]);
  });

  it('names each language in itself in both UI languages', () => {
    for (const lang of ['en', 'ru'] as const) {
      const items = languageMenu(menuTemplate(lang, 'linux', APP)).items;
      expect(items.map((i) => ('label' in i ? i.label : ''))).toEqual(['English', 'Русский']);
    }
  });

  it('adds an app menu first on macOS only', () => {
    const mac = menuTemplate('en', 'darwin', APP);
    const win = menuTemplate('en', 'win32', APP);
    expect(mac).toHaveLength(win.length + 1);
    expect(mac[0]?.label).toBe(APP);
    expect(shape([mac[0]!])[0]).toEqual([
      'action:about',
      'separator',
      'role:hide:',
      'role:hideOthers:',
      'role:unhide:',
      'separator',
      'role:quit:',
    ]);
    expect(win.map((m) => m.label)).not.toContain(APP);
  });

  it('puts Quit in the File menu except on macOS, where File closes the window', () => {
    const fileRoles = (platform: string) =>
      menuTemplate('en', platform, APP)
        .find((m) => m.label === '&File')
        ?.items.map((i) => i.kind === 'role' && i.role);
    expect(fileRoles('win32')).toEqual(['quit']);
    expect(fileRoles('linux')).toEqual(['quit']);
    expect(fileRoles('darwin')).toEqual(['close']);
  });
});

describe('aboutText', () => {
  it.each(['en', 'ru'] as const)('fills in the app name and version (%s)', (lang) => {
    const { title, detail } = aboutText(lang, APP, '1.2.3');
    expect(title).toContain(APP);
    expect(detail).toContain(APP);
    expect(detail).toContain('1.2.3');
    expect(title + detail).not.toContain('{{');
  });

  it('differs between languages', () => {
    expect(aboutText('ru', APP, '1').detail).not.toBe(aboutText('en', APP, '1').detail);
  });
});
