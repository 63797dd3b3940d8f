/**
 * The reader's dictionaries in user data: `<userData>/dictionaries/<id>/` (folders 0700, files
 * 0600) holds `meta.json` (what the list shows), `index.json` (headwords, normalised keys, stems,
 * offsets) and the text, `data.dict` or `data.dict.dz` as it came. A dictionary is written into a
 * hidden folder and renamed into place, so a failed add leaves nothing behind; a folder whose files
 * do not read is listed with its problem, never deleted unasked.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DictionaryInfo, Lang, LookupEntry, LookupResult } from '../../contract/ipc';
import { DICTIONARY_LIMITS } from '../../contract/ipc';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-file';
import { ensurePrivateDir } from '../fs/private';
import { syncDirectory } from '../fs/sync';
import { type DictionaryFile, LoadedDictionary, type StoredIndex, openStoredText, queryOf } from './dictionary';
import { type PrepareDictionary, cancelledAdd, inProcessPrepare } from './index-runner';
import { DictionaryError } from './errors';
import type { RandomAccess } from './source';
import { lemmaCandidates, stemOf } from './stem';

export type StoredDictionary = DictionaryInfo;

interface Meta extends DictionaryInfo {
  version: 1;
  dictzip: boolean;
}

const ID = /^d-[0-9a-f]{16}$/;
const MATCH_ORDER = { exact: 0, synonym: 1, form: 2, stem: 3 } as const;

/** A file read at a position, opened for each read (lookups are rare; no handle is left open). */
async function fileSource(path: string): Promise<RandomAccess> {
  const { size } = await fs.stat(path);
  return {
    size,
    async read(position, length) {
      const handle = await fs.open(path, 'r');
      try {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - position)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };
}

export class DictionaryStore {
  private readonly loaded = new Map<string, Promise<LoadedDictionary>>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The list, read once and renewed by every add and remove (this store is the only writer). */
  private listed: Promise<StoredDictionary[]> | undefined;
  /** The add being indexed now (one at a time), so that `cancelAdd` can stop it. */
  private adding: AbortController | undefined;

  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
    /** Checks and indexes (a worker thread in the app; this thread by default). */
    private readonly prepare: PrepareDictionary = inProcessPrepare,
  ) {}

  static inUserData(userDataDir: string, prepare?: PrepareDictionary): DictionaryStore {
    return new DictionaryStore(join(userDataDir, 'dictionaries'), undefined, prepare);
  }

  /** Removes what an interrupted add or remove left (hidden folders). */
  async cleanUp(): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const name of names) if (name.startsWith('.')) await fs.rm(join(this.dir, name), { recursive: true, force: true });
  }

  list(): Promise<StoredDictionary[]> {
    this.listed ??= this.readList();
    this.listed.catch(() => (this.listed = undefined));
    return this.listed;
  }

  private async readList(): Promise<StoredDictionary[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const out: StoredDictionary[] = [];
    for (const id of names.filter((n) => ID.test(n)).sort()) {
      try {
        out.push(publicInfo(await this.meta(id)));
      } catch (error) {
        out.push({ id, name: id, format: 'dictd', entries: 0, synonyms: 0, from: 'unknown', files: [], addedAt: '', problem: error instanceof Error ? error.message : String(error) });
      }
    }
    return out.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
  }

  /** Checks, indexes and keeps a dictionary given as files (bytes). */
  add(files: readonly DictionaryFile[]): Promise<DictionaryInfo> {
    const controller = new AbortController();
    return this.serial(async () => {
      this.adding = controller;
      let prepared: Awaited<ReturnType<PrepareDictionary>>;
      try {
        prepared = await this.prepare(files, controller.signal);
      } catch (error) {
        throw controller.signal.aborted ? cancelledAdd() : error;
      } finally {
        this.adding = undefined;
      }
      if (controller.signal.aborted) throw cancelledAdd();
      const id = `d-${randomBytes(8).toString('hex')}`;
      const meta: Meta = {
        version: 1,
        id,
        name: prepared.summary.name,
        format: prepared.summary.format,
        entries: prepared.summary.entries,
        synonyms: prepared.summary.synonyms,
        from: prepared.summary.from,
        files: files.map((f) => basename(f.name)),
        addedAt: this.now().toISOString(),
        dictzip: prepared.summary.dictzip,
      };
      await ensurePrivateDir(this.dir);
      const staging = join(this.dir, `.${id}.adding`);
      await ensurePrivateDir(staging);
      try {
        await writeFileAtomic(join(staging, dataName(meta.dictzip)), prepared.data);
        await writeFileAtomic(join(staging, 'index.json'), prepared.json);
        await writeFileAtomic(join(staging, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
        await fs.rename(staging, join(this.dir, id));
        this.listed = undefined;
        await syncDirectory(this.dir);
      } catch (error) {
        await fs.rm(staging, { recursive: true, force: true });
        throw error;
      }
      return publicInfo(meta);
    });
  }

  /**
   * Adds from paths (the open dialog). Each path brings its siblings of the same name: choosing
   * `mueller.ifo` finds `mueller.idx`, `mueller.dict.dz` and `mueller.syn` beside it.
   */
  async addPaths(paths: readonly string[], maxBytes: number = DICTIONARY_LIMITS.maxFileBytes): Promise<DictionaryInfo> {
    const files: DictionaryFile[] = [];
    for (const path of await withSiblings(paths)) {
      const stat = await fs.stat(path);
      if (!stat.isFile()) throw new DictionaryError('unsupported-format', `${basename(path)} is not a file`);
      if (stat.size > maxBytes) throw new DictionaryError('too-large', `${basename(path)} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
      files.push({ name: basename(path), bytes: new Uint8Array(await fs.readFile(path)) });
    }
    return this.add(files);
  }

  /** Stops the add being indexed, if any (it then fails with `cancelled`, and nothing is kept). */
  cancelAdd(): { cancelled: boolean } {
    const adding = this.adding;
    adding?.abort();
    return { cancelled: adding !== undefined };
  }

  remove(id: string): Promise<{ id: string }> {
    return this.serial(async () => {
      const folder = join(this.dir, id);
      if (!ID.test(id) || !(await exists(folder))) throw new AppError('not-found', `No dictionary ${id}`);
      this.loaded.delete(id);
      const trash = join(this.dir, `.${id}.removing`);
      await fs.rename(folder, trash);
      this.listed = undefined;
      await syncDirectory(this.dir);
      await fs.rm(trash, { recursive: true, force: true });
      return { id };
    });
  }

  /** Looks a word up in every dictionary: the word, then its base forms, then its stem. */
  async lookup(word: string, lang: Lang): Promise<LookupResult> {
    const { normalized, script } = queryOf(word, lang);
    if (normalized === '') return { word, normalized, entries: [] };
    const forms = lemmaCandidates(normalized, script);
    const stem = stemOf(normalized, script);
    const found: Array<LookupEntry & { rank: number[] }> = [];
    const dictionaries = (await this.list()).filter((d) => !d.problem);
    for (const [position, info] of dictionaries.entries()) {
      const dictionary = await this.open(info.id);
      // Dictionaries from the word's language first (an en→ru one for an English word).
      const fromRank = dictionary.index.from === script ? 0 : dictionary.index.from === 'unknown' ? 1 : 2;
      for (const hit of dictionary.find(normalized, forms, stem, DICTIONARY_LIMITS.entries)) {
        const headword = dictionary.index.headwords[hit.entry]!;
        found.push({
          dictionaryId: info.id,
          dictionary: info.name,
          headword,
          definition: '',
          truncated: false,
          match: hit.match,
          rank: [MATCH_ORDER[hit.match], fromRank, hit.match === 'exact' ? 0 : Math.abs(dictionary.index.keys[hit.entry]!.length - normalized.length), position, hit.entry],
        });
      }
    }
    found.sort((a, b) => compareRanks(a.rank, b.rank));
    const entries: LookupEntry[] = [];
    for (const { rank, ...entry } of found.slice(0, DICTIONARY_LIMITS.entries)) {
      const dictionary = await this.open(entry.dictionaryId);
      const text = await dictionary.definition(rank[4]!);
      const truncated = text.length > DICTIONARY_LIMITS.definition;
      entries.push({ ...entry, definition: truncated ? `${text.slice(0, DICTIONARY_LIMITS.definition)}…` : text, truncated });
    }
    return { word, normalized, entries };
  }

  /**
   * Loads every index in the background (after start), so that the first lookup of a session is
   * as fast as the others; a dictionary that does not load is reported by `list` and lookups skip it.
   */
  async warm(): Promise<void> {
    for (const info of await this.list()) {
      if (!info.problem) await this.open(info.id).catch(() => undefined);
      await new Promise((done) => setImmediate(done));
    }
  }

  /** The index in memory (loaded once per dictionary). */
  open(id: string): Promise<LoadedDictionary> {
    let loading = this.loaded.get(id);
    if (!loading) {
      loading = this.load(id);
      this.loaded.set(id, loading);
      loading.catch(() => this.loaded.delete(id));
    }
    return loading;
  }

  private async load(id: string): Promise<LoadedDictionary> {
    const folder = join(this.dir, id);
    const meta = await this.meta(id);
    const index = parseStoredIndex(id, await fs.readFile(join(folder, 'index.json'), 'utf8'));
    const text = await openStoredText(`${meta.name} (${dataName(meta.dictzip)})`, await fileSource(join(folder, dataName(meta.dictzip))), meta.dictzip);
    return new LoadedDictionary(id, index, text);
  }

  private async meta(id: string): Promise<Meta> {
    const raw: unknown = JSON.parse(await fs.readFile(join(this.dir, id, 'meta.json'), 'utf8'));
    if (!isMeta(raw) || raw.id !== id) throw new Error(`${id}/meta.json is not a dictionary's description`);
    return raw;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

const dataName = (dictzip: boolean) => (dictzip ? 'data.dict.dz' : 'data.dict');

function publicInfo(meta: Meta): DictionaryInfo {
  const { version: _version, dictzip: _dictzip, ...info } = meta;
  return info;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

function isMeta(value: unknown): value is Meta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.version === 1 && typeof v.id === 'string' && typeof v.name === 'string' && (v.format === 'dictd' || v.format === 'stardict') && typeof v.entries === 'number' && typeof v.dictzip === 'boolean' && Array.isArray(v.files);
}

function parseStoredIndex(id: string, text: string): StoredIndex {
  const raw = JSON.parse(text) as Partial<StoredIndex>;
  const n = raw.headwords?.length ?? -1;
  const ok =
    raw.version === 1 &&
    n >= 0 &&
    [raw.offsets, raw.sizes, raw.keys, raw.stems].every((a) => Array.isArray(a) && a.length === n) &&
    Array.isArray(raw.synonyms) &&
    raw.synonyms.every((s) => Array.isArray(s) && typeof s[0] === 'string' && Number.isInteger(s[1]) && s[1] >= 0 && s[1] < n);
  if (!ok) throw new DictionaryError('dictionary-broken', `${id}/index.json is damaged: remove the dictionary and add it again`);
  return raw as StoredIndex;
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

const SIBLING_SUFFIXES = ['.ifo', '.idx', '.idx.gz', '.syn', '.dict', '.dict.dz', '.index'];

/** The paths given and the files beside each that share its name, each once. */
async function withSiblings(paths: readonly string[]): Promise<string[]> {
  const out = new Set(paths);
  for (const path of paths) {
    const name = basename(path);
    const suffix = SIBLING_SUFFIXES.filter((s) => name.toLowerCase().endsWith(s)).sort((a, b) => b.length - a.length)[0];
    if (!suffix) continue;
    const stem = name.slice(0, name.length - suffix.length);
    const isStarDict = ['.ifo', '.idx', '.idx.gz', '.syn'].includes(suffix) || (await exists(join(dirname(path), `${stem}.ifo`)));
    const wanted = isStarDict ? ['.ifo', '.idx', '.idx.gz', '.syn', '.dict', '.dict.dz'] : ['.index', '.dict', '.dict.dz'];
    for (const s of wanted) {
      const sibling = join(dirname(path), stem + s);
      if (!out.has(sibling) && (await exists(sibling))) out.add(sibling);
    }
  }
  // `.dict` and `.dict.dz` both present: the compressed one is the one dictd and GoldenDict read.
  const list = [...out];
  return list.filter((p) => !(p.endsWith('.dict') && list.includes(`${p}.dz`)));
}
