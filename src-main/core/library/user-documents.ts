/**
 * The reader's imported documents: `<userData>/documents/<id>/` with the same files as a bundled
 * document (`manifest.json`, `en.txt`, `ru.txt`; see the README) plus `alignment.json` (the
 * alignment made at import) and an `imported` block in the manifest (when, from which files, in
 * which encodings). The user's original files are only ever read.
 *
 * A document appears whole or not at all: it is written into a hidden temporary folder
 * (`.tmp-<id>-<random>`), every file fsynced, and renamed into place at the end. Removing renames
 * the folder to a hidden `.removed-…` name first, then deletes it. Leftovers of either (a crash, a
 * cancelled import) are cleared at start-up and never listed.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type DocumentDetails, documentDetailsSchema, isDocumentId, type LocalizedText, SOURCE_FORMATS } from '../../contract/ipc';
import { manifestSchema } from '../documents/manifest';
import { sideStructureSchema } from '../import/extracted';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-file';
import { ensurePrivateDir } from '../fs/private';
import type { AlignedText, Lang } from '../model';
import {
  ALIGNMENT_SCHEMA_VERSION,
  type StoredAlignment,
  fromStoredAlignment,
  serializeStoredAlignment,
  storedAlignmentOutline,
  storedGroupLines,
  storedGroupsSchema,
} from './stored-alignment';

/** Groups checked and built between two yields to the event loop when a document is loaded. */
const LOAD_SLICE = 500;

export const importedManifestSchema = manifestSchema.extend({
  imported: z
    .object({
      at: z.iso.datetime({ offset: true }),
      originalNames: z.array(z.string().min(1).max(255)).min(1).max(2),
      encodings: z.array(z.string().min(1).max(32)).min(1).max(2),
      format: z.enum(SOURCE_FORMATS),
      /** Headings, contents, notes, subtitle times and file details of each side, as the readers found them. */
      structure: z.object({ en: sideStructureSchema.optional(), ru: sideStructureSchema.optional() }).strict().optional(),
    })
    .strict(),
  /** Author, date of the text, source, translator: only those known (older imports have none). */
  details: documentDetailsSchema.optional(),
});
export type ImportedManifest = z.infer<typeof importedManifestSchema>;

export const ALIGNMENT_FILE = 'alignment.json';

export interface LoadedUserDocument {
  manifest: ImportedManifest;
  texts: Record<Lang, string>;
  body: AlignedText;
}

export type UserDocumentListing = { id: string; manifest: ImportedManifest } | { id: string; problem: string };

export class UserDocuments {
  constructor(readonly dir: string) {}

  static inUserData(userDataDir: string): UserDocuments {
    return new UserDocuments(join(userDataDir, 'documents'));
  }

  private folder(id: string): string {
    if (!isDocumentId(id)) throw new AppError('bad-request', `Invalid document id: ${id.slice(0, 64)}`);
    return join(this.dir, id);
  }

  /** Removes what a crash or a cancelled import left behind. */
  async cleanUp(): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return;
    }
    await Promise.all(
      names
        .filter((name) => name.startsWith('.tmp-') || name.startsWith('.removed-'))
        .map((name) => fs.rm(join(this.dir, name), { recursive: true, force: true }).catch(() => undefined)),
    );
  }

  async has(id: string): Promise<boolean> {
    try {
      await fs.access(join(this.folder(id), 'manifest.json'));
      return true;
    } catch {
      return false;
    }
  }

  /** Every imported document, oldest first; a broken one is listed with its problem. */
  async list(): Promise<UserDocumentListing[]> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(this.dir, { withFileTypes: true });
    } catch {
      return [];
    }
    const out: UserDocumentListing[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory() || !isDocumentId(entry.name)) continue;
      try {
        out.push({ id: entry.name, manifest: await this.manifest(entry.name) });
      } catch (error) {
        out.push({ id: entry.name, problem: error instanceof Error ? error.message : String(error) });
      }
    }
    const at = (l: UserDocumentListing) => ('manifest' in l ? l.manifest.imported.at : '');
    return out.sort((a, b) => at(a).localeCompare(at(b)) || a.id.localeCompare(b.id));
  }

  async manifest(id: string): Promise<ImportedManifest> {
    const raw = await this.readFile(id, 'manifest.json', 'manifest');
    const parsed = importedManifestSchema.safeParse(parseJson(raw, id, 'manifest'));
    if (!parsed.success) {
      throw new AppError('corrupt-file', `The manifest of "${id}" is invalid: ${parsed.error.issues[0]?.message ?? ''}`);
    }
    if (parsed.data.id !== id) throw new AppError('corrupt-file', `The manifest in folder "${id}" names another id`);
    return parsed.data;
  }

  async load(id: string): Promise<LoadedUserDocument> {
    const manifest = await this.manifest(id);
    const texts: Record<Lang, string> = {
      en: await this.readFile(id, manifest.files.en, 'English text'),
      ru: await this.readFile(id, manifest.files.ru, 'Russian text'),
    };
    const raw = await this.readFile(id, ALIGNMENT_FILE, 'alignment');
    // Parsed, checked and built a slice of groups at a time, letting other requests in between: a
    // book-length alignment must not hold the main process for the whole of it. (A file in another
    // layout is parsed whole, then checked a slice at a time.)
    const lines = storedGroupLines(raw);
    const outline = lines ? { success: true as const, data: { schemaVersion: ALIGNMENT_SCHEMA_VERSION, groups: lines } } : storedAlignmentOutline.safeParse(parseJson(raw, id, 'alignment'));
    if (!outline.success) throw new AppError('corrupt-file', `The alignment of "${id}" is invalid`);
    const groups: AlignedText['groups'] = [];
    for (let at = 0; at < outline.data.groups.length; at += LOAD_SLICE) {
      if (at > 0) await new Promise((resolve) => setImmediate(resolve));
      const part = outline.data.groups.slice(at, at + LOAD_SLICE);
      const slice = storedGroupsSchema.safeParse(lines ? part.map((line) => parseJson(line as string, id, 'alignment')) : part);
      if (!slice.success) throw new AppError('corrupt-file', `The alignment of "${id}" is invalid`);
      try {
        groups.push(...fromStoredAlignment({ schemaVersion: outline.data.schemaVersion, groups: slice.data }, texts).groups);
      } catch (error) {
        throw new AppError('corrupt-file', `The alignment of "${id}" does not fit its texts: ${(error as Error).message}`);
      }
    }
    return { manifest, texts, body: { groups } };
  }

  /**
   * Writes a new document whole, or nothing: into a hidden folder, then renamed into place.
   * `signal` aborts before the rename (the temporary folder is removed).
   */
  async create(
    manifest: ImportedManifest,
    texts: Record<Lang, string>,
    /** The alignment, or its JSON already serialized (by the import worker). */
    alignment: StoredAlignment | string,
    signal?: AbortSignal,
  ): Promise<void> {
    const target = this.folder(manifest.id);
    await ensurePrivateDir(this.dir);
    const tmp = join(this.dir, `.tmp-${manifest.id}-${randomBytes(4).toString('hex')}`);
    try {
      await ensurePrivateDir(tmp);
      await writeFileAtomic(join(tmp, manifest.files.en), texts.en);
      await writeFileAtomic(join(tmp, manifest.files.ru), texts.ru);
      await writeFileAtomic(join(tmp, ALIGNMENT_FILE), `${typeof alignment === 'string' ? alignment : serializeStoredAlignment(alignment)}\n`);
      await writeFileAtomic(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      if (signal?.aborted) throw new AppError('cancelled', 'The import was cancelled');
      if (await this.has(manifest.id)) throw new AppError('bad-request', `A document "${manifest.id}" already exists`);
      await fs.rename(tmp, target);
    } catch (error) {
      await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
  }

  async rename(id: string, title: LocalizedText): Promise<ImportedManifest> {
    const manifest = await this.manifest(id);
    const next: ImportedManifest = { ...manifest, title, shortTitle: title };
    await writeFileAtomic(join(this.folder(id), 'manifest.json'), `${JSON.stringify(next, null, 2)}\n`);
    return next;
  }

  /** Replaces the title and details (the manifest rewritten atomically; an unreadable one is left alone). */
  async setDetails(id: string, title: LocalizedText, details: DocumentDetails): Promise<ImportedManifest> {
    const manifest = await this.manifest(id);
    const next: ImportedManifest = { ...manifest, title, shortTitle: title, details };
    await writeFileAtomic(join(this.folder(id), 'manifest.json'), `${JSON.stringify(next, null, 2)}\n`);
    return next;
  }

  /** Removes a document folder: first out of sight (a rename), then from the disk. */
  async remove(id: string): Promise<void> {
    const folder = this.folder(id);
    const aside = join(this.dir, `.removed-${id}-${randomBytes(4).toString('hex')}`);
    try {
      await fs.rename(folder, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not-found', `No imported document "${id}"`);
      throw new AppError('io-error', `Cannot remove "${id}"`);
    }
    await fs.rm(aside, { recursive: true, force: true }).catch(() => undefined);
  }

  private async readFile(id: string, file: string, what: string): Promise<string> {
    try {
      return await fs.readFile(join(this.folder(id), file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new AppError(what === 'manifest' ? 'not-found' : 'corrupt-file', what === 'manifest' ? `No document "${id}"` : `The ${what} of "${id}" is missing`);
      }
      throw new AppError('io-error', `Cannot read the ${what} of "${id}"`);
    }
  }
}

function parseJson(raw: string, id: string, what: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('corrupt-file', `The ${what} of "${id}" is not valid JSON`);
  }
}
