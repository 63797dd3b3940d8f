/**
 * The documents the reader can open: each is a folder with `manifest.json` and two UTF-8 texts.
 * Opening a bundled one segments both texts and aligns them (cached: the texts are read-only);
 * an imported one (`userDocuments`, in the reader's data) brings the alignment made at import.
 * Either way the reader's corrections (`corrections`) are applied on top.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { type AlignmentState, type DocumentManifestView, type DocumentSummary, type DocumentView, isDocumentId } from '../../contract/ipc';
import { alignText } from '../align/align';
import { AppError } from '../errors';
import type { CorrectionsStore } from '../library/corrections-store';
import type { UserDocuments } from '../library/user-documents';
import type { AlignedText, Lang } from '../model';
import { segmentText } from '../text/segment';
import type { HeadingMark } from '../align/chapters';
import { documentChapters } from './chapters';
import { type StoredNote, documentFootnotes } from './footnotes';
import { type DocumentManifest, manifestSchema } from './manifest';

/** A document as opened, with the two whole texts its clause offsets point into. */
export interface DocumentSource {
  view: DocumentView;
  texts: Record<Lang, string>;
}

/** A document before the reader's corrections. */
export interface BaseDocument {
  manifest: DocumentManifestView;
  texts: Record<Lang, string>;
  body: AlignedText;
  bundled: boolean;
  /** For imports: when (ISO time). */
  addedAt?: string;
  /** For imports: each side's headings (the import readers found them). */
  headings?: Partial<Record<Lang, HeadingMark[]>>;
  /** For imports: each side's own footnotes and endnotes (the import readers kept them apart). */
  notes?: Partial<Record<Lang, StoredNote[]>>;
}

export interface DocumentLibraryOptions {
  /** The reader's imported documents. */
  userDocuments?: Pick<UserDocuments, 'list' | 'load' | 'has'>;
  /** The reader's alignment corrections. */
  corrections?: Pick<CorrectionsStore, 'correct'>;
}

export class DocumentLibrary {
  private readonly cache = new Map<string, Promise<DocumentSource>>();
  private readonly bases = new Map<string, Promise<BaseDocument>>();

  constructor(
    private readonly bundledDir: string,
    private readonly options: DocumentLibraryOptions = {},
  ) {}

  /** Forgets what is cached of a document (after a correction, a rename or a removal). */
  invalidate(id: string, options: { base?: boolean } = {}): void {
    this.cache.delete(id);
    if (options.base) this.bases.delete(id);
  }

  /** Whether `id` names a bundled document (whose texts are read-only). */
  async isBundled(id: string): Promise<boolean> {
    try {
      await fs.access(join(this.bundledDir, id, 'manifest.json'));
      return isDocumentId(id);
    } catch {
      return false;
    }
  }

  async list(): Promise<DocumentSummary[]> {
    const bundled = await this.listBundled();
    const imported: DocumentSummary[] = [];
    for (const entry of (await this.options.userDocuments?.list()) ?? []) {
      if (!('manifest' in entry)) continue;
      const m = entry.manifest;
      imported.push({ id: m.id, title: m.title, shortTitle: m.shortTitle ?? m.title, date: m.date, bundled: false });
    }
    return [...bundled, ...imported];
  }

  private async listBundled(): Promise<DocumentSummary[]> {
    const entries = await fs.readdir(this.bundledDir, { withFileTypes: true });
    const summaries: DocumentSummary[] = [];
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      try {
        const manifest = await this.readManifest(entry.name);
        summaries.push({
          id: manifest.id,
          title: manifest.title,
          shortTitle: manifest.shortTitle ?? manifest.title,
          date: manifest.date,
          bundled: true,
        });
      } catch {
        // A folder that is not a valid document is skipped in the list; opening it says why.
      }
    }
    return summaries;
  }

  async open(id: string): Promise<DocumentView> {
    return (await this.source(id)).view;
  }

  /**
   * The opened document (corrections applied) and its raw texts (for annotations, which anchor
   * into the whole text). A new object after every change, so caches keyed by it stay right.
   */
  source(id: string): Promise<DocumentSource> {
    let cached = this.cache.get(id);
    if (!cached) {
      cached = this.build(id);
      this.cache.set(id, cached);
      cached.catch((error: unknown) => this.forgetUnlessDamaged(this.cache, id, cached!, error));
    }
    return cached;
  }

  /** The document as aligned (bundled) or as imported, before the reader's corrections. */
  base(id: string): Promise<BaseDocument> {
    let cached = this.bases.get(id);
    if (!cached) {
      cached = this.buildBase(id);
      this.bases.set(id, cached);
      cached.catch((error: unknown) => this.forgetUnlessDamaged(this.bases, id, cached!, error));
    }
    return cached;
  }

  /**
   * A document that failed to load stays failed (the same rejection answers every later open and
   * every `library:list`, instead of loading it again each time) until it is invalidated — renamed,
   * corrected, removed or re-imported. Only a request that named nothing (a bad or unknown id) is
   * forgotten at once.
   */
  private forgetUnlessDamaged<T>(cache: Map<string, Promise<T>>, id: string, entry: Promise<T>, error: unknown): void {
    const code = error instanceof AppError ? error.code : undefined;
    if ((code === 'not-found' || code === 'bad-request') && cache.get(id) === entry) cache.delete(id);
  }

  private async build(id: string): Promise<DocumentSource> {
    const base = await this.base(id);
    let body = base.body;
    let alignment: AlignmentState = {
      editable: false,
      bundled: base.bundled,
      confirmed: [],
      corrections: 0,
      canUndo: false,
      canRedo: false,
      warnings: [],
    };
    if (this.options.corrections) {
      const corrected = await this.options.corrections.correct(id, base.body);
      body = corrected.body;
      alignment = { ...corrected.state, bundled: base.bundled };
    }
    const count = (lang: Lang) => body.groups.reduce((n, g) => n + g.rows.reduce((m, r) => m + r[lang].length, 0), 0);
    const chapters = base.headings ? documentChapters(body, base.headings) : undefined;
    const footnotes = base.notes ? documentFootnotes(body, base.texts, base.notes) : undefined;
    const view: DocumentView = {
      manifest: base.manifest,
      body,
      ...(chapters ? { chapters } : {}),
      ...(footnotes ? { footnotes } : {}),
      stats: {
        paragraphs: { en: body.groups.reduce((n, g) => n + g.en.length, 0), ru: body.groups.reduce((n, g) => n + g.ru.length, 0) },
        clauses: { en: count('en'), ru: count('ru') },
        // The rows the reader reads: the title is shown as the document's heading, not as a row.
        rows: body.groups.reduce((n, g) => n + (g.kind === 'title' ? 0 : g.rows.length), 0),
      },
      alignment,
    };
    return { view, texts: base.texts };
  }

  private async buildBase(id: string): Promise<BaseDocument> {
    if (!isDocumentId(id)) throw new AppError('bad-request', `Invalid document id: ${id}`);
    const user = this.options.userDocuments;
    if (user && !(await this.isBundled(id)) && (await user.has(id))) {
      const loaded = await user.load(id);
      // Imports made before the parts were left to the manifest may have been given them from capitals.
      const body = loaded.manifest.preambleAndOperative ? loaded.body : withoutParts(loaded.body);
      const structure = loaded.manifest.imported.structure;
      const headings = { ...(structure?.en?.headings ? { en: structure.en.headings } : {}), ...(structure?.ru?.headings ? { ru: structure.ru.headings } : {}) };
      const notes = { ...(structure?.en?.notes ? { en: structure.en.notes } : {}), ...(structure?.ru?.notes ? { ru: structure.ru.notes } : {}) };
      return {
        manifest: { ...manifestView(loaded.manifest), details: loaded.manifest.details ?? {} },
        texts: loaded.texts,
        body,
        bundled: false,
        addedAt: loaded.manifest.imported.at,
        headings,
        ...(notes.en || notes.ru ? { notes } : {}),
      };
    }
    const manifest = await this.readManifest(id);
    const texts: Record<Lang, string> = {
      en: await this.readText(id, manifest, 'en'),
      ru: await this.readText(id, manifest, 'ru'),
    };
    const options = { firstParagraphIsTitle: manifest.firstParagraphIsTitle, preambleAndOperative: manifest.preambleAndOperative === true };
    const en = segmentText('en', texts.en, options);
    const ru = segmentText('ru', texts.ru, options);
    return { manifest: manifestView(manifest), texts, body: alignText(en, ru), bundled: true };
  }

  private async readManifest(id: string): Promise<DocumentManifest> {
    if (!isDocumentId(id)) throw new AppError('bad-request', `Invalid document id: ${id}`);
    let raw: string;
    try {
      raw = await fs.readFile(join(this.bundledDir, id, 'manifest.json'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new AppError('not-found', `No document "${id}"`);
      }
      throw new AppError('io-error', `Cannot read the manifest of "${id}"`);
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError('corrupt-file', `The manifest of "${id}" is not valid JSON`);
    }
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success) {
      throw new AppError('corrupt-file', `The manifest of "${id}" is invalid: ${parsed.error.issues[0]?.message ?? ''}`);
    }
    if (parsed.data.id !== id) {
      throw new AppError('corrupt-file', `The manifest in folder "${id}" names another id ("${parsed.data.id}")`);
    }
    return parsed.data;
  }

  private async readText(id: string, manifest: DocumentManifest, lang: Lang): Promise<string> {
    const file = join(this.bundledDir, id, manifest.files[lang]);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch {
      throw new AppError('io-error', `Cannot read the ${lang} text of "${id}"`);
    }
    return decodeUtf8Text(bytes, `${id}/${manifest.files[lang]}`);
  }
}

/** A body whose preamble and operative paragraphs are plain body paragraphs. */
function withoutParts(body: AlignedText): AlignedText {
  if (!body.groups.some((g) => g.kind === 'preamble' || g.kind === 'operative')) return body;
  return { groups: body.groups.map((g) => (g.kind === 'preamble' || g.kind === 'operative' ? { ...g, kind: 'body' } : g)) };
}

export function manifestView(manifest: DocumentManifest): DocumentManifestView {
  return {
    id: manifest.id,
    title: manifest.title,
    shortTitle: manifest.shortTitle ?? manifest.title,
    date: manifest.date,
    place: manifest.place,
    source: manifest.source,
    translation: manifest.translation,
    ...(manifest.notes ? { notes: manifest.notes } : {}),
  };
}

/** Decodes a text file that must be UTF-8; empty, binary or mis-encoded files are refused clearly. */
export function decodeUtf8Text(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new AppError('bad-request', `${name} looks like a binary file, not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('bad-request', `${name} is not valid UTF-8 text`);
  }
  if (text.trim() === '') throw new AppError('bad-request', `${name} is empty`);
  return text;
}
