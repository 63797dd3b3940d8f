/** Start-up: what a killed process left behind is cleared once, before any writer starts (core/fs/temporary). */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAppServices } from './app-services';

const BUNDLED = fileURLToPath(new URL('../../resources/documents', import.meta.url));
let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'bitext-app-services-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

it('removes stale temporary files of every writer at start, and leaves the other files alone', async () => {
  const data = join(root, 'data');
  await fs.mkdir(join(data, 'annotations'), { recursive: true });
  const dead = 2_147_483_000;
  const stale = [
    join(data, `.settings.json.${dead}.a1b2c3.tmp`),
    join(data, 'annotations', `.doc.json.${dead}.d4e5f6.tmp`),
    join(data, 'annotations', `.doc.json.bak.${dead}.1700000000000.k3j2h1.tmp`),
  ];
  const kept = [join(data, 'annotations', 'doc.journal'), join(data, 'annotations', 'notes.tmp')];
  for (const path of [...stale, ...kept]) await fs.writeFile(path, 'partial');
  const services = await createAppServices({
    userDataDir: data,
    documentsDir: BUNDLED,
    systemLanguages: ['en'],
    saveExport: async () => ({ saved: false }),
  });
  for (const path of stale) await expect(fs.access(path), path).rejects.toThrow();
  for (const path of kept) await expect(fs.readFile(path, 'utf8')).resolves.toBe('partial');
  await services.annotations.flush();
});
