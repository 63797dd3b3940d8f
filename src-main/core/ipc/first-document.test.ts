/**
 * `documents:open-first`: the document the app opens at start, asked for by the preload before the
 * renderer's bundle runs. The one read last, else the first bundled one; an empty library answers
 * null.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FirstDocument } from '../../contract/ipc';
import { createAppServices } from '../app-services';
import { dispatch } from './handlers';

const STATEMENT_DIR = fileURLToPath(new URL('../../../resources/documents/asean-russia-covid19-2020', import.meta.url));
const STATEMENT = 'asean-russia-covid19-2020';
const OTHER = 'zz-statement-copy';

let root: string;
let documentsDir: string;

async function bundle(id: string): Promise<void> {
  const dir = join(documentsDir, id);
  await fs.cp(STATEMENT_DIR, dir, { recursive: true });
  const manifest = JSON.parse(await fs.readFile(join(dir, 'manifest.json'), 'utf8')) as { id: string };
  await fs.writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, id }));
}

const services = () =>
  createAppServices({ userDataDir: join(root, 'data'), documentsDir, systemLanguages: ['en-GB'], saveExport: async () => ({ saved: false }) });

async function first(s: Awaited<ReturnType<typeof services>>): Promise<FirstDocument | null> {
  const result = await dispatch(s.handlers, 'documents:open-first', undefined);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value as FirstDocument | null;
}

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'bitext-first-'));
  documentsDir = join(root, 'documents');
  await fs.mkdir(documentsDir);
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('documents:open-first', () => {
  it('opens the first bundled document at first start, then the one read last', async () => {
    await bundle(STATEMENT);
    await bundle(OTHER);
    const s = await services();
    const fresh = await first(s);
    expect(fresh?.id).toBe(STATEMENT);
    expect(fresh?.doc.manifest.id).toBe(STATEMENT);
    expect(fresh?.doc.stats.rows).toBeGreaterThan(30);

    const other = await s.library.open(OTHER);
    const rowId = other.body.groups[2]!.rows[0]!.id;
    expect(await dispatch(s.handlers, 'positions:set', { documentId: OTHER, rowId })).toMatchObject({ ok: true });
    expect((await first(s))?.id).toBe(OTHER);
  });

  it('falls back to a bundled document when the one read last is gone, and answers null for an empty library', async () => {
    await bundle(STATEMENT);
    await bundle(OTHER);
    const s = await services();
    const other = await s.library.open(OTHER);
    await dispatch(s.handlers, 'positions:set', { documentId: OTHER, rowId: other.body.groups[2]!.rows[0]!.id });
    await s.settings.flush();
    await fs.rm(join(documentsDir, OTHER), { recursive: true });
    const again = await services();
    expect((await first(again))?.id).toBe(STATEMENT);

    await fs.rm(join(documentsDir, STATEMENT), { recursive: true });
    expect(await first(await services())).toBeNull();
  });

  it('refuses a payload', async () => {
    await bundle(STATEMENT);
    expect(await dispatch((await services()).handlers, 'documents:open-first', { id: STATEMENT })).toMatchObject({ ok: false, code: 'bad-request' });
  });
});
