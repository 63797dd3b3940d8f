/**
 * The documents the reader can open: each is a folder with `manifest.json` and two UTF-8 texts.
 * Opening one segments both texts and aligns them (cached: the texts are read-only).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSummary, DocumentView } from '../../contract/ipc';
import { alignText } from '../align/align';
import { AppError } from '../errors';
import type { Lang } from '../model';
import { segmentText } from '../text/segment';
import { type DocumentManifest, manifestSchema } from './manifest';

/** A document as opened, with the two whole texts its clause offsets point into. */
export interface DocumentSource {
  view: DocumentView;
  texts: Record<Lang, string>;
}

export class DocumentLibrary {
  private readonly cache = new Map<string, DocumentSource>();

  constructor(private readonly bundledDir: string) {}

  async list(): Promise<DocumentSummary[]> {
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

  /** The opened document and its raw texts (for annotations, which anchor into the whole text). */
  async source(id: string): Promise<DocumentSource> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const manifest = await this.readManifest(id);
    const texts: Record<Lang, string> = {
      en: await this.readText(id, manifest, 'en'),
      ru: await this.readText(id, manifest, 'ru'),
    };
    const en = segmentText('en', texts.en, { firstParagraphIsTitle: manifest.firstParagraphIsTitle });
    const ru = segmentText('ru', texts.ru, { firstParagraphIsTitle: manifest.firstParagraphIsTitle });
    const body = alignText(en, ru);
    const clauses = (t: typeof en) => t.paragraphs.reduce((n, p) => n + p.clauses.length, 0);
    const view: DocumentView = {
      manifest: {
        id: manifest.id,
        title: manifest.title,
        shortTitle: manifest.shortTitle ?? manifest.title,
        date: manifest.date,
        place: manifest.place,
        source: manifest.source,
        translation: manifest.translation,
        ...(manifest.notes ? { notes: manifest.notes } : {}),
      },
      body,
      stats: {
        paragraphs: { en: en.paragraphs.length, ru: ru.paragraphs.length },
        clauses: { en: clauses(en), ru: clauses(ru) },
        rows: body.groups.reduce((n, g) => n + g.rows.length, 0),
      },
    };
    const source: DocumentSource = { view, texts };
    this.cache.set(id, source);
    return source;
  }

  private async readManifest(id: string): Promise<DocumentManifest> {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new AppError('bad-request', `Invalid document id: ${id}`);
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
