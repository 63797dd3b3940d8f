import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  JournalWriter,
  JsonFileWriter,
  backupPathOf,
  corruptPathOf,
  journalLine,
  readJournal,
  readJsonFile,
  writeFileAtomic,
} from './atomic-file';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'bitext-atomic-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Accepts `{ n: number }` only. */
function parseCounter(raw: unknown): { n: number } {
  if (typeof raw !== 'object' || raw === null || typeof (raw as { n?: unknown }).n !== 'number') {
    throw new Error('not a counter');
  }
  return { n: (raw as { n: number }).n };
}

const FIXED_NOW = new Date('2024-05-06T07:08:09.123Z');

describe('writeFileAtomic', () => {
  it('writes the exact content, creating missing folders', async () => {
    const path = join(dir, 'a', 'b', 'file.json');
    await writeFileAtomic(path, 'héllo — привет\n');
    expect(await fs.readFile(path, 'utf8')).toBe('héllo — привет\n');
  });

  it('replaces an existing file entirely', async () => {
    const path = join(dir, 'file.txt');
    await writeFileAtomic(path, 'a much longer first version of the file');
    await writeFileAtomic(path, 'short');
    expect(await fs.readFile(path, 'utf8')).toBe('short');
  });

  it('leaves no temporary files behind', async () => {
    const path = join(dir, 'file.txt');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, 'two');
    expect(await fs.readdir(dir)).toEqual(['file.txt']);
  });

  it.skipIf(process.platform === 'win32')('creates the file readable and writable by the owner only', async () => {
    const path = join(dir, 'private.json');
    await writeFileAtomic(path, '{}');
    const { mode } = await fs.stat(path);
    expect(mode & 0o777).toBe(0o600);
  });
});

describe('readJsonFile', () => {
  const file = () => join(dir, 'data.json');

  it('reports a missing file as missing', async () => {
    expect(await readJsonFile(file(), parseCounter)).toEqual({ status: 'missing' });
  });

  it('returns the parsed value of a good file and leaves it in place', async () => {
    await fs.writeFile(file(), JSON.stringify({ n: 7 }));
    expect(await readJsonFile(file(), parseCounter)).toEqual({ status: 'ok', value: { n: 7 } });
    expect(await fs.readdir(dir)).toEqual(['data.json']);
  });

  const movedPath = (outcome: Awaited<ReturnType<typeof readJsonFile>>): string => {
    if (outcome.status !== 'recovered') throw new Error(`expected a recovery, got ${outcome.status}`);
    return outcome.movedTo;
  };

  it('names moved-aside copies by time, never twice the same', () => {
    const a = corruptPathOf('/x/data.json', FIXED_NOW);
    const b = corruptPathOf('/x/data.json', FIXED_NOW);
    expect(a.startsWith('/x/data.json.corrupt-2024-05-06T07-08-09-123Z-')).toBe(true);
    expect(a).not.toBe(b);
  });

  it('moves a corrupt file aside with its bytes intact and loads the backup', async () => {
    const corruptBytes = Buffer.from('{"n": 3,,, \xff garbage', 'latin1');
    await fs.writeFile(file(), corruptBytes);
    await fs.writeFile(backupPathOf(file()), JSON.stringify({ n: 2 }));

    const outcome = await readJsonFile(file(), parseCounter, () => FIXED_NOW);

    expect(outcome).toMatchObject({ status: 'recovered', value: { n: 2 }, from: 'backup' });
    const movedTo = movedPath(outcome);
    expect(movedTo.startsWith(`${file()}.corrupt-2024-05-06T07-08-09-123Z-`)).toBe(true);
    expect(await fs.readFile(movedTo)).toEqual(corruptBytes);
    await expect(fs.access(file())).rejects.toThrow();
    // The backup is only read, never consumed.
    expect(JSON.parse(await fs.readFile(backupPathOf(file()), 'utf8'))).toEqual({ n: 2 });
  });

  it('recovers with no value when a corrupt file has no backup', async () => {
    await fs.writeFile(file(), 'not json');
    const outcome = await readJsonFile(file(), parseCounter, () => FIXED_NOW);
    expect(outcome).toMatchObject({ status: 'recovered', value: undefined, from: 'nothing' });
    expect(await fs.readFile(movedPath(outcome), 'utf8')).toBe('not json');
  });

  it('does not load a backup that is itself unreadable', async () => {
    await fs.writeFile(file(), 'not json');
    await fs.writeFile(backupPathOf(file()), '{"n": "wrong type"}');
    const outcome = await readJsonFile(file(), parseCounter, () => FIXED_NOW);
    expect(outcome).toMatchObject({ status: 'recovered', value: undefined, from: 'nothing' });
  });

  it('treats valid JSON that the parse function rejects as corrupt', async () => {
    await fs.writeFile(file(), JSON.stringify({ n: 'seven' }));
    await fs.writeFile(backupPathOf(file()), JSON.stringify({ n: 6 }));
    const outcome = await readJsonFile(file(), parseCounter, () => FIXED_NOW);
    expect(outcome).toMatchObject({ status: 'recovered', value: { n: 6 }, from: 'backup' });
    expect(await fs.readFile(movedPath(outcome), 'utf8')).toBe(JSON.stringify({ n: 'seven' }));
  });
});

describe('JsonFileWriter', () => {
  const file = () => join(dir, 'notes.json');

  it('writes the value as JSON', async () => {
    const writer = new JsonFileWriter(file());
    await writer.save({ n: 1 });
    expect(JSON.parse(await fs.readFile(file(), 'utf8'))).toEqual({ n: 1 });
  });

  it('keeps the previous good version in the .bak file after a second save', async () => {
    const writer = new JsonFileWriter(file());
    await writer.save({ n: 1 });
    await writer.save({ n: 2 });
    expect(JSON.parse(await fs.readFile(file(), 'utf8'))).toEqual({ n: 2 });
    expect(JSON.parse(await fs.readFile(backupPathOf(file()), 'utf8'))).toEqual({ n: 1 });
    await writer.save({ n: 3 });
    expect(JSON.parse(await fs.readFile(backupPathOf(file()), 'utf8'))).toEqual({ n: 2 });
  });

  it('serialises concurrent saves: the last one wins and the file always parses', async () => {
    const writer = new JsonFileWriter(file());
    const saves: Promise<void>[] = [];
    const observed: unknown[] = [];
    for (let n = 0; n < 50; n++) {
      saves.push(
        writer.save({ n, padding: 'x'.repeat(n * 37) }).then(async () => {
          // Whatever is on disk whenever any save completes must be whole JSON.
          observed.push(JSON.parse(await fs.readFile(file(), 'utf8')));
        }),
      );
    }
    await Promise.all(saves);
    expect(observed).toHaveLength(50);
    expect(JSON.parse(await fs.readFile(file(), 'utf8'))).toEqual({ n: 49, padding: 'x'.repeat(49 * 37) });
    expect(JSON.parse(await fs.readFile(backupPathOf(file()), 'utf8'))).toMatchObject({ n: 48 });
    const leftovers = (await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('moves a file that does not parse aside instead of overwriting it', async () => {
    await fs.writeFile(file(), 'hand-edited {{ not json');
    const writer = new JsonFileWriter(file());
    await writer.save({ n: 1 });

    expect(JSON.parse(await fs.readFile(file(), 'utf8'))).toEqual({ n: 1 });
    const aside = (await fs.readdir(dir)).filter((name) => name.startsWith('notes.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(join(dir, aside[0]!), 'utf8')).toBe('hand-edited {{ not json');
    // The unreadable bytes are not promoted to the backup.
    await expect(fs.access(backupPathOf(file()))).rejects.toThrow();
  });

  it('flush waits for every pending save', async () => {
    const writer = new JsonFileWriter(file());
    for (let n = 0; n < 10; n++) void writer.save({ n });
    await writer.flush();
    expect(JSON.parse(await fs.readFile(file(), 'utf8'))).toEqual({ n: 9 });
  });

  it('reports a value that cannot be serialised as a failed save, not a throw', async () => {
    const writer = new JsonFileWriter(file());
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let pending: Promise<void> | undefined;
    expect(() => {
      pending = writer.save(cyclic);
    }).not.toThrow();
    await expect(pending).rejects.toThrow();
    await writer.save({ n: 1 });
    expect(JSON.parse(await fs.readFile(file(), 'utf8'))).toEqual({ n: 1 });
  });

  it('with link backups, leaves no temporary file when the backup already is the current file', async () => {
    const path = join(dir, 'linked.json');
    const writer = new JsonFileWriter(path, { backup: 'copy' });
    await writer.save({ n: 1 });
    await fs.link(path, backupPathOf(path) + '.x');
    await fs.rename(backupPathOf(path) + '.x', backupPathOf(path));
    await writer.save({ n: 2 });
    expect(JSON.parse(await fs.readFile(backupPathOf(path), 'utf8'))).toEqual({ n: 1 });
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps working after a failed save', async () => {
    const blocker = join(dir, 'blocker');
    await fs.writeFile(blocker, 'a file, not a folder');
    const badWriter = new JsonFileWriter(join(blocker, 'x.json'));
    await expect(badWriter.save({ n: 1 })).rejects.toThrow();
    await expect(badWriter.flush()).resolves.toBeUndefined();

    // The same writer still accepts later saves once the folder problem is gone.
    await fs.rm(blocker);
    await fs.mkdir(blocker);
    await badWriter.save({ n: 2 });
    expect(JSON.parse(await fs.readFile(join(blocker, 'x.json'), 'utf8'))).toEqual({ n: 2 });
  });
});

describe('journals', () => {
  const path = () => join(dir, 'j.journal');
  const lines = (...values: unknown[]) => values.map((v) => journalLine(v)).join('');

  it('appends checksummed lines that read back in order', async () => {
    const journal = new JournalWriter(path());
    await journal.append(journalLine({ n: 1 }));
    await journal.append(journalLine({ n: 2, text: 'two\nlines — строки' }));
    await journal.close();
    const text = await fs.readFile(path(), 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toMatch(/^[0-9a-f]{8} \{"n":1\}\n/);
    expect(await readJournal(path())).toMatchObject({
      records: [{ n: 1 }, { n: 2, text: 'two\nlines — строки' }],
      validBytes: Buffer.byteLength(text),
      damage: 'none',
    });
  });

  it('reports a missing journal as undefined', async () => {
    expect(await readJournal(path())).toBeUndefined();
  });

  it.each([
    ['cut short', (line: string) => line.slice(0, 20)],
    ['cut short after a partial multi-byte character', (line: string) => Buffer.from(line).subarray(0, Buffer.from(line).length - 4).toString('latin1')],
    ['a whole line with a wrong checksum', (line: string) => `00000000${line.slice(8)}`],
    ['zeros where the line should be', (line: string) => '\0'.repeat(line.length)],
  ])('treats a damaged last line as torn: %s', async (_, damage) => {
    const good = lines({ n: 1 }, { n: 2 });
    await fs.writeFile(path(), Buffer.concat([Buffer.from(good), Buffer.from(damage(journalLine({ n: 3, s: 'ё' })), 'latin1')]));
    expect(await readJournal(path())).toMatchObject({ records: [{ n: 1 }, { n: 2 }], validBytes: Buffer.byteLength(good), damage: 'torn' });
  });

  it('treats a damaged line with more after it as corruption, still reading every whole line after it', async () => {
    const first = journalLine({ n: 1 });
    const second = journalLine({ n: 2 });
    const flipped = second.replace('"n":2', '"n":7');
    await fs.writeFile(path(), first + flipped + journalLine({ n: 3 }) + journalLine({ n: 4 }));
    const content = await readJournal(path());
    expect(content).toMatchObject({ records: [{ n: 1 }, { n: 3 }, { n: 4 }], validBytes: Buffer.byteLength(first), damage: 'corrupt' });
    expect(content?.damaged.map((d) => [d.offset, d.bytes.toString()])).toEqual([[first.length, flipped.slice(0, -1)]]);
  });

  it('truncate cuts a torn line off; rotate keeps the journal as .bak and the next append starts a new one', async () => {
    const journal = new JournalWriter(path());
    await journal.append(lines({ n: 1 }, { n: 2 }));
    await fs.appendFile(path(), '0123abcd {"n":');
    await journal.truncate(Buffer.byteLength(lines({ n: 1 }, { n: 2 })));
    expect((await readJournal(path()))?.damage).toBe('none');
    await journal.rotate();
    await journal.append(journalLine({ n: 3 }));
    expect((await readJournal(path()))?.records).toEqual([{ n: 3 }]);
    expect((await readJournal(backupPathOf(path())))?.records).toEqual([{ n: 1 }, { n: 2 }]);
    await journal.close();
  });
});
