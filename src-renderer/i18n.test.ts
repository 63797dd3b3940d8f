/**
 * The locale files: both languages have the same keys, Russian has its plural forms, every key
 * the renderer uses exists, and i18next picks the right Russian plural.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../src-main/contract/actions';
import { ANNOTATION_COLORS, DETAIL_FIELDS, GLOSSARY_IMPORT_ERRORS, IMPORT_REFUSALS, LAYOUTS, LINE_SPACINGS, PARAGRAPH_KINDS, THEMES, UI_LANGUAGES } from '../src-main/contract/ipc';
import { FINDING_DETAILS, FINDING_KINDS } from '../src-main/contract/compare';
import { resources } from './i18n-resources';
import { WORD_KEYS } from './actions/keys';
import { REGEX_PROBLEMS } from './reader/regex-problem';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = join(REPO, 'locales');
const RENDERER = join(REPO, 'src-renderer');
const LANGUAGES = ['en', 'ru'] as const;
type Language = (typeof LANGUAGES)[number];

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const EXPECTED_PLURALS: Record<Language, string[]> = { en: ['one', 'other'], ru: ['few', 'many', 'one', 'other'] };

function namespaces(lang: Language): string[] {
  return readdirSync(join(LOCALES, lang))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

function load(lang: Language, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Record<string, unknown>;
}

/** Flattens nested objects to `a.b.c` → string value. Non-string leaves are returned as-is. */
function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

/** base key → plural suffixes present (empty array for a non-plural key). */
function folded(flat: Map<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of flat.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    const base = match ? key.slice(0, match.index) : key;
    const forms = out.get(base) ?? [];
    if (match) forms.push(match[1]!);
    out.set(base, forms);
  }
  for (const forms of out.values()) forms.sort();
  return out;
}

function variables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();
}

const files = namespaces('en');
const flat: Record<Language, Record<string, Map<string, unknown>>> = { en: {}, ru: {} };
for (const lang of LANGUAGES) for (const file of files) flat[lang][file] = flatten(load(lang, file));

describe('locale files', () => {
  it('have the same namespace files in both languages', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(namespaces('ru')).toEqual(files);
  });

  it.each(files)('%s has the same keys in both languages once plural suffixes are folded', (file) => {
    const en = folded(flat.en[file]!);
    const ru = folded(flat.ru[file]!);
    expect([...ru.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [base, forms] of en) {
      // A key is plural in both languages or in neither.
      expect(forms.length > 0, base).toBe((ru.get(base) ?? []).length > 0);
    }
  });

  it.each(files)('%s has exactly the plural forms each language needs', (file) => {
    for (const lang of LANGUAGES) {
      for (const [base, forms] of folded(flat[lang][file]!)) {
        if (forms.length > 0) expect(forms, `${lang}/${file}: ${base}`).toEqual(EXPECTED_PLURALS[lang]);
      }
    }
  });

  it.each(files)('%s has only non-empty string values', (file) => {
    for (const lang of LANGUAGES) {
      for (const [key, value] of flat[lang][file]!) {
        expect(typeof value, `${lang}/${file}: ${key}`).toBe('string');
        expect((value as string).trim(), `${lang}/${file}: ${key}`).not.toBe('');
      }
    }
  });

  it.each(files)('%s uses the same interpolation variables in both languages', (file) => {
    const byBase = (lang: Language) => {
      const out = new Map<string, Set<string>>();
      for (const [key, value] of flat[lang][file]!) {
        const base = key.replace(PLURAL_SUFFIX, '');
        const vars = variables(String(value));
        const known = out.get(base);
        if (known) {
          // Every plural form of one key uses the same variables.
          expect([...known].sort(), `${lang}/${file}: ${key}`).toEqual(vars);
        }
        out.set(base, new Set(vars));
      }
      return out;
    };
    const en = byBase('en');
    const ru = byBase('ru');
    for (const [base, vars] of en) expect([...(ru.get(base) ?? [])].sort(), `${file}: ${base}`).toEqual([...vars].sort());
  });

  it('the renderer’s resources are the common locale files', () => {
    for (const lang of LANGUAGES) expect(resources[lang].common).toEqual(load(lang, 'common.json'));
  });
});

/** Every `.ts` / `.tsx` file under the renderer, tests excluded. */
function rendererSources(dir = RENDERER): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return rendererSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Template-literal keys and the values their placeholder takes. */
const PARTS = [...PARAGRAPH_KINDS];
const TEMPLATE_KEYS: Record<string, string[]> = {
  'reader.parts.${part.kind}': PARTS,
  'reader.parts.${entry.partStart}': PARTS,
  'settings.languageNames.${language}': [...UI_LANGUAGES],
  'keyNames.${code}': [...WORD_KEYS],
  'toolbar.layouts.${layout}': [...LAYOUTS],
  'toolbar.themes.${theme}': [...THEMES],
  'toolbar.spacings.${spacing}': [...LINE_SPACINGS],
  'actions.${id}': [...ACTION_IDS],
  'help.groups.${group}': ['move', 'search', 'compare', 'annotate', 'align', 'view', 'help'],
  'annotations.colors.${c}': [...ANNOTATION_COLORS],
  'annotations.colors.${color}': [...ANNOTATION_COLORS],
  'annotations.colors.${a.color}': [...ANNOTATION_COLORS],
  'annotations.langs.${langOf(a)}': ['en', 'ru', 'both'],
  'clauseMenu.${id}': ['copy-english', 'copy-russian', 'copy-pair', 'copy-pair-markdown', 'note-row', 'toggle-bookmark', 'add-to-glossary', 'merge-row', 'split-row', 'move-first-to-previous', 'move-last-to-next', 'confirm-row'],
  'clauseMenu.what.${what}': ['en', 'ru', 'pair', 'markdown'],
  'annotations.sorts.${s}': ['position', 'date'],
  'display.fonts.${font}': ['serif', 'sans', 'system'],
  'toolbar.exportFormats.${format}': ['tmx', 'tsv', 'beads', 'markdown', 'docx'],
  'alignment.done.${operation.op}': ['merge', 'split', 'move', 'confirm'],
  'alignment.noneLeft.${kind}': ['unconfirmed', 'non-one-to-one', 'weakest'],
  'alignment.found.${kind}': ['unconfirmed', 'non-one-to-one', 'weakest'],
  'import.verdict.${verdict.status}': ['swapped', 'both-english', 'both-russian', 'unclear'],
  'import.phases.${job.phase}': ['queued', 'segmenting', 'aligning', 'writing', 'done'],
  'importErrors.${reason}': [...IMPORT_REFUSALS],
  'importErrors.${e.code as ImportRefusal}': ['bad-request', 'cancelled'],
  // Dictionaries, print and the document's details (issue 12).
  'dictionaryErrors.${e.code}': ['dictionary-broken', 'dictionary-incomplete', 'unsupported-format', 'too-large', 'not-found', 'unavailable'],
  'dictionaries.from.${info.from}': ['en', 'ru', 'unknown'],
  'lookup.match.${entry.match}': ['synonym', 'form', 'stem'],
  'print.busy.${outcome.what}': ['print', 'pdf', 'docx'],
  'details.fields.${field}': [...DETAIL_FIELDS],
  'details.placeholders.${field}': [...DETAIL_FIELDS],
  'checks.kinds.${f.kind}': [...FINDING_KINDS],
  'checks.kinds.${k}': [...FINDING_KINDS],
  'checks.kinds.${g.kind}': [...FINDING_KINDS],
  'checks.details.${f.detail}': [...FINDING_DETAILS],
  'checks.sides.${side}': ['en', 'ru'],
  'glossary.scopes.${s}': ['document', 'global'],
  'glossary.problems.${p.reason}': ['missing-term', 'too-long', 'duplicate'],
  'glossary.importErrors.${reason}': [...GLOSSARY_IMPORT_ERRORS, 'not-text'],
  'glossary.empty.${scope}': ['document', 'global'],
  // Term links, the concordance, the word search (issue 11).
  'wordSearch.hint.${options.mode}': ['words', 'phrase', 'substring', 'regex'],
  'wordSearch.modes.${mode}': ['words', 'phrase', 'substring', 'regex'],
  'wordSearch.inputLabel.${options.lang}': ['en', 'ru'],
  'links.classes.${link.class}': ['number', 'acronym', 'name', 'latin', 'glossary', 'lexicon', 'learned'],
  'concordance.in.${side}': ['en', 'ru'],
  'wordSearch.regexProblems.${problem}': [...REGEX_PROBLEMS],
};

function keysUsedByRenderer(): { literal: Map<string, string>; template: Map<string, string> } {
  const literal = new Map<string, string>();
  const template = new Map<string, string>();
  for (const file of rendererSources()) {
    const source = readFileSync(file, 'utf8');
    const where = relative(REPO, file);
    for (const m of source.matchAll(/\bt\(\s*'([^']+)'/g)) literal.set(m[1]!, where);
    for (const m of source.matchAll(/\bt\(\s*"([^"]+)"/g)) literal.set(m[1]!, where);
    for (const m of source.matchAll(/\bt\(\s*`([^`]+)`/g)) template.set(m[1]!, where);
  }
  return { literal, template };
}

/** Whether `key` resolves in the common namespace (directly or as a plural). */
function hasKey(lang: Language, key: string): boolean {
  const keys = flat[lang]['common.json']!;
  if (typeof keys.get(key) === 'string') return true;
  return EXPECTED_PLURALS[lang].every((form) => typeof keys.get(`${key}_${form}`) === 'string');
}

describe('keys used by the renderer', () => {
  const { literal, template } = keysUsedByRenderer();

  it('are found by the scan', () => {
    expect(literal.size).toBeGreaterThan(10);
    expect(literal.has('document.paragraphs')).toBe(true);
  });

  it('literal keys exist in both languages', () => {
    const missing: string[] = [];
    for (const [key, where] of literal) {
      for (const lang of LANGUAGES) if (!hasKey(lang, key)) missing.push(`${lang}: ${key} (${where})`);
    }
    expect(missing).toEqual([]);
  });

  it('every template-literal key is one this test knows how to expand', () => {
    for (const [key, where] of template) {
      if (!key.includes('${')) continue;
      expect(Object.keys(TEMPLATE_KEYS), `${key} in ${where}`).toContain(key);
    }
  });

  it('template-literal keys exist in both languages for every value', () => {
    const missing: string[] = [];
    for (const [pattern, values] of Object.entries(TEMPLATE_KEYS)) {
      for (const value of values) {
        const key = pattern.replace(/\$\{[^}]+\}/, value);
        for (const lang of LANGUAGES) if (!hasKey(lang, key)) missing.push(`${lang}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('plurals through i18next', () => {
  async function instance(lng: Language) {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources,
      lng,
      fallbackLng: false,
      ns: ['common'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
    });
    return i18n;
  }

  it.each([
    [1, '1 абзац'],
    [3, '3 абзаца'],
    [5, '5 абзацев'],
    [21, '21 абзац'],
    [22, '22 абзаца'],
    [25, '25 абзацев'],
    [11, '11 абзацев'],
    [12, '12 абзацев'],
    [0, '0 абзацев'],
    [111, '111 абзацев'],
  ])('Russian: %i → %s', async (count, expected) => {
    const i18n = await instance('ru');
    expect(i18n.t('document.paragraphs', { count })).toBe(expected);
  });

  it('Russian rows agree with the number', async () => {
    const i18n = await instance('ru');
    expect(i18n.t('document.rows', { count: 1 })).toBe('1 выровненная строка');
    expect(i18n.t('document.rows', { count: 4 })).toBe('4 выровненные строки');
    expect(i18n.t('document.rows', { count: 42 })).toBe('42 выровненные строки');
    expect(i18n.t('document.rows', { count: 15 })).toBe('15 выровненных строк');
  });

  it.each([
    [1, '1 paragraph'],
    [2, '2 paragraphs'],
    [0, '0 paragraphs'],
    [21, '21 paragraphs'],
  ])('English: %i → %s', async (count, expected) => {
    const i18n = await instance('en');
    expect(i18n.t('document.paragraphs', { count })).toBe(expected);
  });
});
