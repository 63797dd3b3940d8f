/**
 * A seeded IPC fuzz over every channel of the handler table, through `dispatch`, with the real
 * services on a temporary user-data folder that holds real data (settings and a reading position,
 * a note, an imported document, a correction, a prepared import).
 *
 * Every payload is one step away from a valid request of its channel (the table `validRequests`)
 * and malformed by construction, not by asking the schemas: a value of the wrong type, a required
 * field missing, a field the contract does not have (`__proto__`, `constructor`…), an id or enum
 * value no id or enum can have (NULs, `../`, upper case, a megabyte), a string over its documented
 * limit, deep nesting, a non-object payload. Each must come back as a `bad-request` value, nothing
 * may throw, and the user-data folder must be byte for byte as before.
 *
 * A second pass sends well-formed ids that name nothing (`constructor`, a fresh uuid, a row that
 * does not exist): those must be refused or answered without touching the data, never `internal`.
 *
 * BITEXT_FUZZ_SEED picks another run (the seed is in the test name); the figures are printed.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN_RU, writeDictd } from '../dictionary/testing';
import {
  type ImportCheck,
  type ImportJobStatus,
  METHOD_NAMES,
  type MethodName,
  type RequestOf,
  type Result,
  contract,
} from '../../contract/ipc';
import { type AppServices, createAppServices } from '../app-services';
import { encodeText } from '../import/decode';
import { STATEMENT, firstParagraphs } from '../import/testing';
import { inProcessRunner } from '../import/in-process-runner';
import { mulberry32 } from '../random';
import { dispatch } from './handlers';

const SEED = Number(process.env.BITEXT_FUZZ_SEED ?? 20_200_617);
/** Malformed payloads per channel: 30 channels, so well over 1,000 in all. */
const PER_CHANNEL = 60;
const BUNDLED = fileURLToPath(new URL('../../../resources/documents', import.meta.url));
const BUNDLED_ID = 'asean-russia-covid19-2020';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json } | undefined;
type Path = Array<string | number>;

let root: string;
let userData: string;
let services: AppServices;
let valid: { [M in MethodName]: RequestOf<M> };

async function call(channel: string, payload: unknown): Promise<Result<unknown>> {
  return dispatch(services.handlers, channel, payload);
}
async function ok<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await call(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.code} ${result.message}`);
  return result.value as T;
}
const file = (name: string, text: string) => ({ name, data: Buffer.from(encodeText(text, 'utf-8')).toString('base64') });

beforeAll(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'bitext-fuzz-'));
  userData = join(root, 'data');
  services = await createAppServices({
    userDataDir: userData,
    documentsDir: BUNDLED,
    systemLanguages: ['en-GB'],
    // A save dialog the reader cancels: an export writes nothing.
    saveExport: async () => ({ saved: false }),
    alignRunner: inProcessRunner(),
  });
  // Real data of every kind the reader keeps.
  const statement = await services.library.open(BUNDLED_ID);
  const rowId = statement.body.groups[1]!.rows[0]!.id;
  await ok('settings:set-ui-language', { uiLanguage: 'ru' });
  await ok('settings:set-reader-prefs', { theme: 'sepia' });
  await ok('positions:set', { documentId: BUNDLED_ID, rowId });
  const note = await ok<{ id: string }>('annotations:create', {
    documentId: BUNDLED_ID,
    selection: { type: 'row', rowId },
    kind: 'note',
    color: 'green',
    note: 'Kept through the fuzz.',
  });
  await ok('alignment:apply', { documentId: BUNDLED_ID, operation: { op: 'confirm', rowId, confirmed: true } });
  const pair = [file('en.txt', firstParagraphs(STATEMENT.en, 6)), file('ru.txt', firstParagraphs(STATEMENT.ru, 6))];
  const imported = await ok<ImportCheck>('import:prepare', { files: pair });
  const job = await ok<ImportJobStatus>('library:import', { pendingId: imported.pendingId });
  const done = await services.bitext.settled(job.jobId);
  if (!done.documentId) throw new Error(`the import failed: ${JSON.stringify(done.error)}`);
  const pending = await ok<ImportCheck>('import:prepare', { files: pair });
  const dictionaryFiles = writeDictd('fuzz', EN_RU, { dz: true }).map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
  const dictionary = await ok<{ id: string }>('dictionaries:add', { files: dictionaryFiles });

  const documentId = BUNDLED_ID;
  const title = { en: 'A title', ru: 'Заглавие' };
  const term = await ok<{ id: string }>('glossary:add', { documentId, scope: 'document', entry: { en: 'pandemic', ru: 'пандемия' } });
  valid = {
    listDocuments: undefined,
    openDocument: { id: documentId },
    getSettings: undefined,
    openFirstDocument: undefined,
    setUiLanguage: { uiLanguage: 'en' },
    setReaderPrefs: {
      theme: 'dark',
      layout: 'interleaved',
      singleLang: 'ru',
      swapped: true,
      fontStep: 2,
      lineSpacing: 'relaxed',
      font: 'sans',
      measure: 70,
      justify: true,
      hyphenate: true,
    },
    getReadingPosition: { documentId },
    setReadingPosition: { documentId, rowId },
    listBookmarks: { documentId },
    setBookmarks: { documentId, rowIds: [rowId] },
    listAnnotations: { documentId },
    createAnnotation: {
      documentId,
      selection: { type: 'text', lang: 'en', start: 0, end: 5 },
      kind: 'highlight',
      color: 'yellow',
      note: 'n',
      tags: ['t'],
    },
    updateAnnotation: { documentId, id: note.id, kind: 'highlight', color: 'blue', note: 'x', tags: ['a'], selection: { type: 'row', rowId } },
    deleteAnnotation: { documentId, id: note.id },
    restoreAnnotation: { documentId, id: note.id },
    exportAnnotations: { documentId, format: 'jsonld' },
    importAnnotations: { documentId, content: '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": []}' },
    listLibrary: undefined,
    prepareImport: { files: pair },
    chooseImport: { mode: 'pair' },
    discardImport: { pendingId: pending.pendingId },
    startImport: { pendingId: pending.pendingId, title, swap: true },
    importStatus: { jobId: job.jobId },
    cancelImport: { jobId: job.jobId },
    renameDocument: { id: done.documentId, title },
    setDocumentDetails: { id: done.documentId, title, details: { author: 'A. Author', date: '2020', source: 'Ministry', translator: 'T. Translator' } },
    removeDocument: { id: done.documentId },
    purgeAnnotations: { id: done.documentId },
    applyAlignment: { documentId, operation: { op: 'move', rowId, lang: 'en', direction: 'last-to-next' } },
    undoAlignment: { documentId },
    redoAlignment: { documentId },
    reviewAlignment: { documentId, kind: 'weakest', limit: 5 },
    exportBitext: { documentId, format: 'tmx', notes: 'footnotes' },
    printToPdf: { documentId, notes: 'footnotes', numbers: false },
    printDocument: { documentId },
    listDictionaries: undefined,
    addDictionary: { files: dictionaryFiles },
    chooseDictionary: undefined,
    cancelAddDictionary: undefined,
    removeDictionary: { id: dictionary.id },
    lookupWord: { word: 'measures', lang: 'en' },
    listGlossary: { documentId },
    addGlossaryTerm: { documentId, scope: 'global', entry: { en: 'WHO', ru: 'ВОЗ', note: 'n' } },
    updateGlossaryTerm: { documentId, scope: 'document', id: term.id, entry: { en: 'pandemic', ru: 'пандемии' } },
    deleteGlossaryTerm: { documentId, scope: 'document', id: term.id },
    importGlossary: { documentId, scope: 'document', name: 'terms.csv', content: 'en,ru\nhealth care,медицинская помощь\n' },
    exportGlossary: { documentId, scope: 'global', format: 'tbx' },
    compareFindings: { documentId },
    compareLinks: { documentId, rowIds: [rowId] },
    dismissFinding: { documentId, findingId: 'date:r1-0:x', dismissed: true },
    exportFindings: { documentId, format: 'csv' },
    concordance: { documentId, query: 'pandemic', lang: 'en' },
  };
  await flushAll();
}, 120_000);

afterAll(async () => {
  await flushAll();
  await fs.rm(root, { recursive: true, force: true });
});

async function flushAll(): Promise<void> {
  await Promise.all([services.settings.flush(), services.annotations.flush(), services.corrections.flush()]);
}

/** Every file and folder under the user data, with the SHA-256 of each file's bytes. */
async function treeHash(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(at: string): Promise<void> {
    for (const entry of await fs.readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const key = relative(dir, path);
      if (entry.isDirectory()) {
        out[`${key}/`] = 'dir';
        await walk(path);
      } else {
        out[key] = createHash('sha256').update(await fs.readFile(path)).digest('hex');
      }
    }
  }
  await walk(dir);
  return out;
}

// ---- What makes a payload malformed, by construction ----

/** Fields that may be left out, per method, as dotted paths (every other field, at any depth, is required). */
const OPTIONAL: Partial<Record<MethodName, readonly string[]>> = {
  setReaderPrefs: ['theme', 'layout', 'singleLang', 'swapped', 'fontStep', 'lineSpacing', 'font', 'measure', 'justify', 'hyphenate'],
  createAnnotation: ['note', 'tags'],
  updateAnnotation: ['kind', 'color', 'note', 'tags', 'selection'],
  startImport: ['title', 'swap'],
  setDocumentDetails: ['details.author', 'details.date', 'details.source', 'details.translator'],
  reviewAlignment: ['limit'],
  exportBitext: ['notes'],
  printToPdf: ['notes', 'numbers'],
  printDocument: ['notes', 'numbers'],
  addGlossaryTerm: ['entry.note'],
  updateGlossaryTerm: ['entry.note'],
};
const ID_KEYS = new Set(['documentId', 'id', 'rowId', 'pendingId', 'jobId']);
const ENUM_KEYS = new Set(['uiLanguage', 'theme', 'layout', 'singleLang', 'lineSpacing', 'font', 'kind', 'color', 'format', 'mode', 'lang', 'type', 'op', 'direction']);
/** Strings over their documented limit, or outside their documented form. */
const LIMITED: Record<string, () => string> = {
  note: () => 'n'.repeat(100_001),
  name: () => 'f'.repeat(256),
  en: () => 'e'.repeat(301),
  ru: () => 'р'.repeat(301),
  content: () => ' '.repeat(5_000_001),
  data: () => 'not base64!',
};
/** No file system has a name with a NUL in it; control characters are no name either. */
const BAD_FILE_NAMES = ['en\u0000.txt', '\u0000', 'ru.txt\u0000.exe', 'en\n.txt', '\u001b[2Jen.txt', 'a\u007f.txt'];

const MEGABYTE = 'x'.repeat(1 << 20);
/** No id (document, row, annotation, import) can be any of these. */
const BAD_IDS = ['', ' ', '__proto__', 'Constructor', '../../etc/passwd', 'a/b', 'a\\b', 'a\u0000b', '\u0000', 'a'.repeat(129), MEGABYTE, '\u202eexe', 'Ä', '-a', 'a b', 'r1-0\n'];
const BAD_ENUMS = ['', 'EN', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'en\u0000', ' en', MEGABYTE];
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'isAdmin', '', 'x\u0000y', 'ü'.repeat(300)];
const NOT_STRINGS: Json[] = [0, -1, Number.NaN, Number.POSITIVE_INFINITY, null, true, false, {}, [], ['x'], { toString: 'x' }, { length: 1 }];
const NOT_NUMBERS: Json[] = ['1', '', null, true, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1e9, 1e300, 0.5, [1], { valueOf: 1 }];
const NOT_BOOLEANS: Json[] = ['true', 'false', 0, 1, null, [], {}];
const NOT_OBJECTS: Json[] = [null, 0, -1, Number.NaN, '', 'x', MEGABYTE, true, [], [{}], [[[]]]];

function deep(depth: number, kind: 'array' | 'object'): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** Every path to a value inside `value` (objects and arrays are entered). */
function paths(value: Json, at: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) value.forEach((item, i) => out.push([...at, i], ...paths(item, [...at, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push([...at, key], ...paths(item, [...at, key]));
  }
  return out;
}

function get(value: Json, path: Path): Json {
  let current: Json = value;
  for (const step of path) current = (current as Record<string | number, Json>)[step];
  return current;
}

/** A copy of `value` with the thing at `path` replaced (`undefined` deletes a key). */
function replace(value: Json, path: Path, next: Json | typeof DELETE): Json {
  if (path.length === 0) return next === DELETE ? undefined : next;
  const [step, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) }) as Record<string | number, Json>;
  if (rest.length === 0 && next === DELETE) delete copy[step!];
  else copy[step!] = replace(copy[step!]!, rest, next);
  return copy as Json;
}
const DELETE = Symbol('delete');

/** An own property, whatever its name (`__proto__` included), as JSON.parse or structured clone makes it. */
function withKey(value: Json, path: Path, key: string, extra: Json): Json {
  const target = get(value, path);
  const copy = { ...(target as Record<string, Json>) };
  Object.defineProperty(copy, key, { value: extra, enumerable: true, writable: true, configurable: true });
  return path.length === 0 ? copy : replace(value, path, copy);
}

interface Case {
  channel: string;
  method: MethodName;
  how: string;
  payload: unknown;
}

function malformed(method: MethodName, base: Json, rand: Rand): Case {
  const channel = contract[method].channel;
  const at = (how: string, payload: unknown): Case => ({ channel, method, how, payload });
  if (base === undefined) {
    return at('a payload where none is taken', pick(rand, [...NOT_OBJECTS.filter((v) => v !== null), {}, { a: 1 }, deep(2000, 'object')]));
  }
  const all = paths(base);
  const objects: Path[] = [[], ...all.filter((p) => isPlainObject(get(base, p)))];
  const leaves = all.filter((p) => !isPlainObject(get(base, p)) && !Array.isArray(get(base, p)));
  const optional = new Set(OPTIONAL[method] ?? []);
  for (;;) {
    switch (Math.floor(rand() * 9)) {
      case 0:
        return at('not an object', pick(rand, NOT_OBJECTS));
      case 1: {
        // Required: any key the contract does not mark optional.
        const required = all.filter((p) => typeof p.at(-1) === 'string' && !optional.has(p.join('.')));
        if (required.length === 0) break;
        const path = pick(rand, required);
        return at(`missing ${path.join('.')}`, replace(base, path, DELETE));
      }
      case 2: {
        const path = pick(rand, objects);
        const key = pick(rand, EXTRA_KEYS);
        return at(`extra key ${JSON.stringify(key.slice(0, 12))} at ${path.join('.') || 'top'}`, withKey(base, path, key, pick(rand, [1, 'x', null, {}, deep(50, 'object')])));
      }
      case 3:
      case 4: {
        const path = pick(rand, leaves);
        const current = get(base, path);
        const pool = typeof current === 'string' ? NOT_STRINGS : typeof current === 'number' ? NOT_NUMBERS : NOT_BOOLEANS;
        const next = pick(rand, pool);
        return at(`wrong type at ${path.join('.')}: ${show(next)}`, replace(base, path, next));
      }
      case 5: {
        const ids = leaves.filter((p) => ID_KEYS.has(String(p.at(-1))));
        if (ids.length === 0) break;
        const path = pick(rand, ids);
        const next = pick(rand, BAD_IDS);
        return at(`bad id at ${path.join('.')}: ${show(next)}`, replace(base, path, next));
      }
      case 6: {
        const enums = leaves.filter((p) => ENUM_KEYS.has(String(p.at(-1))));
        if (enums.length === 0) break;
        const path = pick(rand, enums);
        const next = pick(rand, BAD_ENUMS);
        return at(`bad enum at ${path.join('.')}: ${show(next)}`, replace(base, path, next));
      }
      case 7: {
        const names = leaves.filter((p) => p.at(-1) === 'name');
        if (names.length > 0 && rand() < 0.4) {
          const next = pick(rand, BAD_FILE_NAMES);
          return at(`bad file name ${show(next)}`, replace(base, pick(rand, names), next));
        }
        const limited = all.filter((p) => typeof get(base, p) === 'string' && Object.hasOwn(LIMITED, String(p.at(-1))));
        const tags = all.filter((p) => p.at(-2) === 'tags');
        if (limited.length === 0 && tags.length === 0) break;
        if (tags.length > 0 && rand() < 0.3) return at('a tag over 100 characters', replace(base, pick(rand, tags), 't'.repeat(101)));
        if (limited.length === 0) break;
        const path = pick(rand, limited);
        return at(`over the limit at ${path.join('.')}`, replace(base, path, LIMITED[String(path.at(-1))]!()));
      }
      default: {
        const path = pick(rand, all);
        return at(`deep nesting at ${path.join('.')}`, replace(base, path, deep(rand() < 0.5 ? 3000 : 64, rand() < 0.5 ? 'array' : 'object')));
      }
    }
  }
}

function isPlainObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function show(value: Json): string {
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 24 ? `${text.slice(0, 24)}… (${text.length})` : text;
}

/** Ids of the right form that name nothing the reader has. */
function namingNothing(method: MethodName, base: Json, rand: Rand): Case[] {
  const channel = contract[method].channel;
  const uuid = () =>
    'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(rand() * 16).toString(16));
  const out: Case[] = [];
  for (const path of paths(base)) {
    const key = String(path.at(-1));
    if (!ID_KEYS.has(key) || typeof get(base, path) !== 'string') continue;
    const current = get(base, path) as string;
    const candidates = /^[0-9a-f-]{36}$/.test(current)
      ? [uuid(), '00000000-0000-4000-8000-000000000000']
      : key === 'rowId'
        ? ['r999999-0', 'r0-999999']
        : ['constructor', 'hasownproperty', 'valueof', 'no-such-document', '0'];
    for (const next of candidates) out.push({ channel, method, how: `${path.join('.')} = ${next}`, payload: replace(base, path, next) });
  }
  return out;
}

/** Channels for which an id naming nothing has a harmless answer: no position, nothing to discard or purge. */
const MAY_ANSWER = new Map<string, unknown>([
  ['positions:get', { rowId: null }],
  ['bookmarks:list', { rowIds: [] }],
  ['import:discard', { discarded: false }],
  ['library:purge-annotations', { purged: 0 }],
]);

describe(`IPC fuzz (seed ${SEED})`, () => {
  it('every valid request the malformed ones derive from is valid, so each is one step from a real request', async () => {
    const { requestSchemas } = await import('../../contract/ipc');
    for (const method of METHOD_NAMES) {
      const parsed = (requestSchemas[method] as { safeParse(v: unknown): { success: boolean } }).safeParse(valid[method]);
      expect(parsed.success, method).toBe(true);
    }
  });

  it('malformed payloads on every channel come back as bad-request values, and the user data does not change', async () => {
    const before = await treeHash(userData);
    const rand = mulberry32(SEED);
    const wrong: string[] = [];
    const counts = new Map<string, number>();
    let sent = 0;
    for (const method of METHOD_NAMES) {
      for (let i = 0; i < PER_CHANNEL; i++) {
        const c = malformed(method, valid[method] as Json, rand);
        let result: Result<unknown> | undefined;
        try {
          result = await call(c.channel, c.payload);
        } catch (error) {
          wrong.push(`${c.channel} (${c.how}): threw ${String(error)}`);
          continue;
        }
        sent++;
        counts.set(c.channel, (counts.get(c.channel) ?? 0) + 1);
        if (result.ok || result.code !== 'bad-request') {
          wrong.push(`${c.channel} (${c.how}): ${result.ok ? 'accepted' : `${result.code}: ${result.message.slice(0, 120)}`}`);
        }
      }
    }
    await flushAll();
    console.log(`IPC fuzz, seed ${SEED}: ${sent} malformed payloads over ${counts.size} channels, ${wrong.length} not refused as bad-request`);
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect([...counts.keys()].sort()).toEqual(METHOD_NAMES.map((m) => contract[m].channel).sort());
    expect(await treeHash(userData)).toEqual(before);
  }, 120_000);

  it('ids of the right form that name nothing are refused (or answered) without touching the data', async () => {
    const before = await treeHash(userData);
    const rand = mulberry32(SEED + 1);
    const wrong: string[] = [];
    const outcomes = new Map<string, number>();
    for (const method of METHOD_NAMES) {
      for (const c of namingNothing(method, valid[method] as Json, rand)) {
        const result = await call(c.channel, c.payload);
        const outcome = result.ok ? 'ok' : result.code;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (process.env.BITEXT_FUZZ_VERBOSE) console.log(c.channel, c.how, outcome, result.ok ? '' : result.message.slice(0, 100));
        if (!result.ok && (result.code === 'internal' || result.code === 'io-error')) wrong.push(`${c.channel} (${c.how}): ${result.code}: ${result.message}`);
        if (result.ok && JSON.stringify(result.value) !== JSON.stringify(MAY_ANSWER.get(c.channel) ?? 'refused')) {
          wrong.push(`${c.channel} (${c.how}): accepted with ${show(result.value as Json)}`);
        }
      }
    }
    await flushAll();
    console.log(`IPC fuzz, ids naming nothing: ${[...outcomes].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    expect(wrong).toEqual([]);
    expect(await treeHash(userData)).toEqual(before);
  }, 120_000);
});
