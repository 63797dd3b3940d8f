/**
 * Files under faults: a write that fails at any step leaves no temporary file and the old file as
 * it was; folders are 0700 and files 0600 whatever the umask; stale temporaries are cleared at
 * start. The failures come from a fault-injecting file layer (the `fs.promises` functions the
 * writers call, wrapped), so these run everywhere; a real full disk (a 256 KB tmpfs) is in
 * `full-disk.test.ts`, where mounting is allowed.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JsonFileWriter, backupPathOf, writeFileAtomic } from './atomic-file';
import { JournalWriter, journalLine } from './journal';
import { ensurePrivateDir } from './private';
import { isTemporaryName, removeStaleTemporaries, temporaryPathFor } from './temporary';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'bitext-faults-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

function enospc(): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device, write');
  error.code = 'ENOSPC';
  return error;
}

/** Every file left in `dir` (recursively) whose name is a temporary's. */
async function temporaries(root = dir): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true });
  return entries.filter((name) => isTemporaryName(name.split('/').at(-1) ?? ''));
}

type Step = 'write' | 'sync' | 'close' | 'rename';

/**
 * Makes the next file opened for writing fail at `step`: a write writes half its data, then fails
 * as a full disk does; the others fail outright.
 */
function failNext(step: Step): void {
  const realOpen = fs.open.bind(fs);
  if (step === 'rename') {
    vi.spyOn(fs, 'rename').mockRejectedValueOnce(enospc());
    return;
  }
  vi.spyOn(fs, 'open').mockImplementationOnce(async (...args: Parameters<typeof fs.open>) => {
    const handle = await realOpen(...args);
    return new Proxy(handle, {
      get(target, key, receiver) {
        if (key === 'writeFile' && step === 'write') {
          return async (data: string | Uint8Array) => {
            const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
            await target.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
            throw enospc();
          };
        }
        if (key === 'sync' && step === 'sync') return async () => Promise.reject(enospc());
        if (key === 'close' && step === 'close') {
          return async () => {
            await target.close();
            throw enospc();
          };
        }
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  });
}

describe('a write that fails', () => {
  it.each<Step>(['write', 'sync', 'close', 'rename'])('at %s leaves no temporary file and the old file intact', async (step) => {
    const path = join(dir, 'settings.json');
    await writeFileAtomic(path, 'the old, good content');
    failNext(step);
    await expect(writeFileAtomic(path, 'x'.repeat(100_000))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readFile(path, 'utf8')).toBe('the old, good content');
    expect(await temporaries()).toEqual([]);
    // And the next write works.
    await writeFileAtomic(path, 'new');
    expect(await fs.readFile(path, 'utf8')).toBe('new');
  });

  it.each<Step>(['write', 'rename'])('in a JSON writer (settings, corrections) at %s leaves no temporary and keeps both files', async (step) => {
    const path = join(dir, 'corrections.json');
    const writer = new JsonFileWriter(path);
    await writer.save({ n: 1 });
    await writer.save({ n: 2 });
    // The next save copies the current file to the backup first: fail that write.
    failNext(step);
    await expect(writer.save({ n: 3 })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(JSON.parse(await fs.readFile(path, 'utf8'))).toEqual({ n: 2 });
    expect(JSON.parse(await fs.readFile(backupPathOf(path), 'utf8'))).toEqual({ n: 1 });
    expect(await temporaries()).toEqual([]);
  });

  it('when copying a backup leaves no temporary, and the backup is never the same file as the original', async () => {
    const path = join(dir, 'snapshot');
    const writer = new JsonFileWriter(path, { backup: 'copy' });
    await writer.save({ n: 1 });
    vi.spyOn(fs, 'copyFile').mockRejectedValueOnce(enospc());
    await expect(writer.save({ n: 2 })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await temporaries()).toEqual([]);
    await writer.save({ n: 3 });
    const [a, b] = await Promise.all([fs.stat(path), fs.stat(backupPathOf(path))]);
    expect(a.ino).not.toBe(b.ino);
    expect(JSON.parse(await fs.readFile(backupPathOf(path), 'utf8'))).toEqual({ n: 1 });
  });
});

describe('private files and folders', () => {
  it.skipIf(process.platform === 'win32').each([0, 0o022, 0o077])(
    'folders are 0700 and files 0600 under umask %o',
    async (umask) => {
      const previous = process.umask(umask);
      try {
        const deep = join(dir, 'a', 'b', 'c');
        await writeFileAtomic(join(deep, 'file.json'), '{}');
        for (const folder of [join(dir, 'a'), join(dir, 'a', 'b'), deep]) {
          expect(((await fs.stat(folder)).mode & 0o777).toString(8), folder).toBe('700');
        }
        expect(((await fs.stat(join(deep, 'file.json'))).mode & 0o777).toString(8)).toBe('600');
        const journal = new JournalWriter(join(dir, 'j', 'x.journal'));
        await journal.append(journalLine({ n: 1 }));
        await journal.close();
        expect(((await fs.stat(join(dir, 'j'))).mode & 0o777).toString(8)).toBe('700');
        expect(((await fs.stat(join(dir, 'j', 'x.journal'))).mode & 0o777).toString(8)).toBe('600');
      } finally {
        process.umask(previous);
      }
    },
  );

  it.skipIf(process.platform === 'win32')('leaves the mode of a folder that existed before alone', async () => {
    await fs.chmod(dir, 0o755);
    await ensurePrivateDir(dir);
    await ensurePrivateDir(join(dir, 'new'));
    expect(((await fs.stat(dir)).mode & 0o777).toString(8)).toBe('755');
    expect(((await fs.stat(join(dir, 'new'))).mode & 0o777).toString(8)).toBe('700');
  });
});

describe('stale temporary files', () => {
  const DEAD_PID = 2_147_483_000; // far above any pid_max

  it('are removed at start: those of a process that is gone, and old ones whatever their pid', async () => {
    await fs.mkdir(join(dir, 'annotations'));
    await fs.mkdir(join(dir, 'documents', 'mine'), { recursive: true });
    const dead = [join(dir, `.settings.json.${DEAD_PID}.0a1b2c.tmp`), join(dir, 'annotations', `.doc.json.bak.${DEAD_PID}.ffee00.tmp`)];
    const deep = join(dir, 'documents', 'mine', `.en.txt.${DEAD_PID}.abcdef.tmp`);
    const liveFresh = join(dir, `.settings.json.${process.ppid}.123456.tmp`);
    const liveOld = join(dir, 'annotations', `.doc.json.${process.ppid}.654321.tmp`);
    const notTemporary = [join(dir, 'settings.json'), join(dir, 'annotations', 'notes.tmp'), join(dir, '.hidden')];
    for (const path of [...dead, deep, liveFresh, liveOld, ...notTemporary]) await fs.writeFile(path, 'x');
    const old = new Date(Date.now() - 60 * 60_000);
    await fs.utimes(liveOld, old, old);

    const result = await removeStaleTemporaries(dir);
    expect(result.removed.sort()).toEqual([...dead, deep, liveOld].sort());
    const left = await fs.readdir(dir, { recursive: true });
    expect(left.map((p) => join(dir, p)).filter((p) => !p.endsWith('annotations') && !p.includes('documents'))).toEqual(
      expect.arrayContaining([liveFresh, ...notTemporary]),
    );
    expect(await temporaries()).toEqual([liveFresh.slice(dir.length + 1)]);
  });

  it('every writer names its temporaries so the cleaner knows them', () => {
    expect(isTemporaryName(temporaryPathFor('/x/settings.json').split('/').at(-1) ?? '')).toBe(true);
    expect(isTemporaryName('.settings.json.1234.1700000000000.k3j2h1.tmp')).toBe(true); // an earlier version's
    expect(isTemporaryName('.settings.json.tmp')).toBe(false);
    expect(isTemporaryName('settings.json.1234.abc.tmp')).toBe(false);
  });
});
