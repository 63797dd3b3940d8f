import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { journalLine } from '../fs/atomic-file';
import type { Annotation } from './model';
import { ANNOTATIONS_SCHEMA_VERSION, AnnotationStore, MIGRATIONS, migrate } from './store';
import { pace } from './pace';
import {
  entryLineInSlices,
  isLineSnapshot,
  parseSnapshot,
  parseSnapshotInSlices,
  serialiseSnapshot,
  serialiseSnapshotInSlices,
} from './store-format';
import { DOC, makeAnnotation } from './testing/fixtures';

let dir: string;
const file = () => join(dir, `${DOC}.json`);
const journal = () => join(dir, `${DOC}.journal`);
const NOW = new Date('2024-05-06T07:08:09.123Z');

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'bitext-annotations-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A snapshot, whatever its version: version 3 lines (checked whole), or a JSON file of before. */
async function readFile(path = file()): Promise<{ schemaVersion: number; seq: number; annotations: Array<{ id: string; note: string }> }> {
  const bytes = await fs.readFile(path);
  if (!isLineSnapshot(bytes)) return JSON.parse(bytes.toString('utf8'));
  const parsed = parseSnapshot(bytes, DOC);
  expect(parsed.whole).toBe(true);
  return { schemaVersion: ANNOTATIONS_SCHEMA_VERSION, seq: parsed.seq ?? -1, annotations: parsed.annotations };
}

/** The journal's lines, parsed (no checksum check: `atomic-file` tests that). */
async function journalEntries(path = journal()): Promise<Array<{ seq: number; op: string }>> {
  const text = await fs.readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line.slice(9)));
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}

const ids = (annotations: readonly Annotation[]) => annotations.map((a) => a.id);

describe('AnnotationStore', () => {
  it('starts empty for a document without a file, and writes nothing until a change', async () => {
    const store = new AnnotationStore(dir);
    expect(await store.list(DOC)).toEqual({ annotations: [] });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('acknowledged means durable: a fresh store reading the folder sees each saved change', async () => {
    const store = new AnnotationStore(dir);
    const a = makeAnnotation(1);
    await store.create(a);
    expect((await new AnnotationStore(dir).list(DOC)).annotations).toEqual([a]);
    await store.update(DOC, a.id, (current) => ({ ...current, note: 'changed' }));
    expect((await new AnnotationStore(dir).get(DOC, a.id))?.note).toBe('changed');
    const file = await readFile();
    expect(file.schemaVersion).toBe(ANNOTATIONS_SCHEMA_VERSION);
  });

  it('serialises concurrent saves: none is lost and the file is whole', async () => {
    const store = new AnnotationStore(dir);
    const many = Array.from({ length: 40 }, (_, i) => makeAnnotation(i));
    await Promise.all(many.map((a) => store.create(a)));
    const listed = (await new AnnotationStore(dir).list(DOC)).annotations;
    expect(ids(listed).sort()).toEqual(ids(many).sort());
    // The first went into the snapshot, each of the others is one journal line, numbered in order.
    expect((await journalEntries()).map((e) => e.seq)).toEqual(Array.from({ length: 39 }, (_, i) => i + 2));
    // Concurrent edits of one annotation: the last asked for is the last applied.
    const first = many[0]!;
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.update(DOC, first.id, (c) => ({ ...c, note: `${c.note}|${n}` }))));
    expect((await new AnnotationStore(dir).get(DOC, first.id))?.note).toBe(`${first.note}|1|2|3|4|5`);
    await store.flush();
    expect(ids((await readFile()).annotations as Annotation[]).sort()).toEqual(ids(many).sort());
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the first snapshot as its own backup, in a separate file that damage to it does not reach', async () => {
    const store = new AnnotationStore(dir);
    const a = makeAnnotation(1);
    const b = makeAnnotation(2);
    await store.create(a);
    await store.create(b);
    await fs.writeFile(file(), 'garbage, written in place');
    const listed = await new AnnotationStore(dir).list(DOC);
    expect(ids(listed.annotations)).toEqual([a.id, b.id]);
    expect(listed.problem).toMatchObject({ kind: 'recovered', restoredFrom: 'backup' });
  });

  it('keeps the previous version as a backup', async () => {
    const store = new AnnotationStore(dir);
    const a = makeAnnotation(1);
    const b = makeAnnotation(2);
    await store.create(a);
    await store.create(b);
    const backup = (await readFile(`${file()}.bak`));
    expect(backup.annotations.map((x: { id: string }) => x.id)).toEqual([a.id]);
  });

  it('moves a corrupt snapshot aside, restores the backup plus both journals and reports the problem, never overwriting it', async () => {
    // Compaction after 2 journal lines: the backup is the snapshot before, `.journal.bak` what followed it.
    const store = new AnnotationStore(dir, { compactAfter: { lines: 2 } });
    const all = [1, 2, 3, 4].map((n) => makeAnnotation(n));
    for (const a of all) await store.create(a);
    expect((await readFile()).seq).toBe(3);
    expect((await readFile(`${file()}.bak`)).seq).toBe(1);
    await fs.writeFile(file(), '{"schemaVersion": 1, "annotations": [tru');

    const fresh = new AnnotationStore(dir, { now: () => NOW });
    const listed = await fresh.list(DOC);
    expect(ids(listed.annotations)).toEqual(ids(all));
    expect(listed.problem).toMatchObject({ kind: 'recovered', restoredFrom: 'backup', file: file() });
    const movedTo = listed.problem?.kind === 'recovered' ? listed.problem.movedTo : '';
    expect(movedTo).toContain('.corrupt-2024-05-06T07-08-09-123Z');
    expect(await fs.readFile(movedTo, 'utf8')).toBe('{"schemaVersion": 1, "annotations": [tru');

    // What was rebuilt is written at once; the moved-aside copy stays as it was.
    expect((await readFile()).annotations).toHaveLength(4);
    await fresh.create(makeAnnotation(5));
    expect(await fs.readFile(movedTo, 'utf8')).toBe('{"schemaVersion": 1, "annotations": [tru');
    const again = await new AnnotationStore(dir).list(DOC);
    expect(again.problem).toBeUndefined();
    expect(again.annotations).toHaveLength(5);
  });

  it('treats a file that parses but does not validate as corrupt too', async () => {
    await fs.writeFile(file(), JSON.stringify({ schemaVersion: 1, documentId: DOC, annotations: [{ id: 'x' }] }));
    const listed = await new AnnotationStore(dir).list(DOC);
    expect(listed).toMatchObject({ annotations: [], problem: { kind: 'recovered', restoredFrom: 'nothing' } });
  });

  it('restores from the backup when the main file is missing its content entirely', async () => {
    const store = new AnnotationStore(dir);
    const a = makeAnnotation(1);
    await store.create(a);
    await store.create(makeAnnotation(2));
    await store.flush();
    await fs.writeFile(file(), '');
    // The backup (the first snapshot) and the journal that followed it: nothing is lost.
    const listed = await new AnnotationStore(dir).list(DOC);
    expect(listed.annotations).toHaveLength(2);
    expect(listed.annotations[0]?.id).toBe(a.id);
    expect(listed.problem).toMatchObject({ restoredFrom: 'backup' });
  });

  it('migrates an older version step by step on load and writes the current version on the next change', async () => {
    const a = makeAnnotation(1);
    // A made-up version 0 that kept the note under another name and had no `deleted`.
    const v0 = { schemaVersion: 0, documentId: DOC, items: [{ ...a, note: undefined, text: a.note }] };
    await fs.writeFile(file(), JSON.stringify(v0));
    const migrations = {
      ...MIGRATIONS,
      0: (raw: Record<string, unknown>) => ({
        documentId: raw.documentId,
        annotations: (raw.items as Array<Record<string, unknown>>).map(({ text, ...rest }) => ({ ...rest, note: text })),
      }),
    };
    const store = new AnnotationStore(dir, { migrations });
    expect((await store.list(DOC)).annotations).toEqual([a]);
    await store.create(makeAnnotation(2));
    expect((await readFile()).schemaVersion).toBe(ANNOTATIONS_SCHEMA_VERSION);
    expect((await readFile(`${file()}.bak`)).schemaVersion).toBe(0);
    expect((await new AnnotationStore(dir).list(DOC)).annotations).toHaveLength(2);
  });

  it('migrates a version 1 file (no journal, no seq) and appends after it once it is rewritten', async () => {
    const a = makeAnnotation(1);
    await fs.writeFile(file(), JSON.stringify({ schemaVersion: 1, documentId: DOC, annotations: [a] }));
    const store = new AnnotationStore(dir);
    expect((await store.list(DOC)).annotations).toEqual([a]);
    const b = makeAnnotation(2);
    await store.create(b);
    expect(await readFile()).toMatchObject({ schemaVersion: ANNOTATIONS_SCHEMA_VERSION, seq: 1 });
    await store.create(makeAnnotation(3));
    expect((await journalEntries()).map((e) => e.seq)).toEqual([2]);
    expect((await new AnnotationStore(dir).list(DOC)).annotations).toHaveLength(3);
  });

  it('refuses a file from a newer version, leaves it untouched and refuses changes', async () => {
    const newer = `${JSON.stringify({ schemaVersion: ANNOTATIONS_SCHEMA_VERSION + 1, documentId: DOC, annotations: [], shiny: true })}\n`;
    await fs.writeFile(file(), newer);
    const store = new AnnotationStore(dir);
    const listed = await store.list(DOC);
    expect(listed).toEqual({
      annotations: [],
      problem: { kind: 'newer-version', file: file(), version: ANNOTATIONS_SCHEMA_VERSION + 1 },
    });
    await expect(store.create(makeAnnotation(1))).rejects.toMatchObject({ code: 'newer-version' });
    expect(await fs.readFile(file(), 'utf8')).toBe(newer);
    expect(await fs.readdir(dir)).toEqual([`${DOC}.json`]);
  });

  it('migrate refuses a newer version and needs every step', () => {
    expect(() => migrate({ schemaVersion: 99 })).toThrow(/newer version/);
    expect(() => migrate({ schemaVersion: -1 }, {})).toThrow(/No migration/);
  });

  it('delete returns the annotation and restore brings it back with the same id', async () => {
    const store = new AnnotationStore(dir, { now: () => NOW });
    const a = makeAnnotation(1);
    const b = makeAnnotation(2);
    await store.create(a);
    await store.create(b);
    expect(await store.delete(DOC, a.id)).toEqual(a);
    expect((await new AnnotationStore(dir).list(DOC)).annotations).toEqual([b]);
    expect(await store.restore(DOC, a.id)).toEqual(a);
    expect((await new AnnotationStore(dir).list(DOC)).annotations).toEqual([a, b]);
    await expect(store.restore(DOC, a.id)).rejects.toBeInstanceOf(AppError);
  });

  it('a failed save is reported and changes nothing the reader sees', async () => {
    const folder = join(dir, 'blocked');
    const store = new AnnotationStore(folder);
    expect((await store.list(DOC)).annotations).toEqual([]);
    await fs.writeFile(folder, 'a file where the folder should be');
    await expect(store.create(makeAnnotation(1))).rejects.toMatchObject({ code: 'io-error' });
    expect((await store.list(DOC)).annotations).toEqual([]);
  });

  it('merge adds new ones, lets a newer updatedAt win and counts the rest unchanged', async () => {
    const store = new AnnotationStore(dir);
    const a = makeAnnotation(1);
    const b = makeAnnotation(2);
    await store.create(a);
    await store.create(b);
    const newerA = { ...a, note: 'newer', updatedAt: '2030-01-01T00:00:00.000Z' };
    const olderB = { ...b, note: 'older', updatedAt: '2000-01-01T00:00:00.000Z' };
    const c = makeAnnotation(3);
    expect(await store.merge(DOC, [newerA, olderB, c])).toEqual({ added: 1, updated: 1, unchanged: 1 });
    const notes = Object.fromEntries((await new AnnotationStore(dir).list(DOC)).annotations.map((x) => [x.id, x.note]));
    expect(notes).toEqual({ [a.id]: 'newer', [b.id]: b.note, [c.id]: c.note });
  });

  it('refuses to save an annotation that would not load back, writing nothing', async () => {
    const store = new AnnotationStore(dir);
    const a = makeAnnotation(1);
    await store.create(a);
    await expect(store.update(DOC, a.id, (c) => ({ ...c, color: 'plaid' as never }))).rejects.toMatchObject({ code: 'bad-request' });
    expect(await exists(journal())).toBe(false);
    expect(await new AnnotationStore(dir).list(DOC)).toEqual({ annotations: [a] });
  });

  it('refuses a document id that could leave the folder', () => {
    const store = new AnnotationStore(dir);
    expect(() => store.pathOf('../etc')).toThrow(AppError);
  });
});

describe('AnnotationStore journal', () => {
  it('saves each change after the first as one journal line and replays them on load', async () => {
    const store = new AnnotationStore(dir, { now: () => NOW });
    const a = makeAnnotation(1);
    const b = makeAnnotation(2);
    await store.create(a);
    await store.create(b);
    await store.update(DOC, a.id, (c) => ({ ...c, note: 'edited' }));
    await store.delete(DOC, b.id);
    await store.restore(DOC, b.id);
    await store.merge(DOC, [makeAnnotation(3)]);
    expect((await journalEntries()).map((e) => [e.seq, e.op])).toEqual([
      [2, 'create'],
      [3, 'update'],
      [4, 'delete'],
      [5, 'restore'],
      [6, 'merge'],
    ]);
    // The snapshot still holds only the first change; the journal brings the rest.
    expect(await readFile()).toMatchObject({ seq: 1, annotations: [{ id: a.id }] });
    expect(await new AnnotationStore(dir).list(DOC)).toEqual(await store.list(DOC));
    expect((await new AnnotationStore(dir).get(DOC, a.id))?.note).toBe('edited');
  });

  it('acknowledged means durable: after every change, through compactions, a fresh store sees the same', async () => {
    const store = new AnnotationStore(dir, { now: () => NOW, compactAfter: { lines: 4 } });
    const made: Annotation[] = [];
    for (let n = 0; n < 30; n++) {
      if (n % 5 === 4) await store.delete(DOC, made.at(-1)!.id);
      else if (n % 5 === 3) await store.update(DOC, made[0]!.id, (c) => ({ ...c, note: `note ${n}` }));
      else made.push(await store.create(makeAnnotation(n)));
      // No flush: what was acknowledged is what another process would read.
      expect(await new AnnotationStore(dir).list(DOC)).toEqual(await store.list(DOC));
    }
    expect((await readFile()).seq).toBeGreaterThan(20);
  });

  it.each([
    ['cut short mid-line', (line: string) => line.slice(0, line.length / 2)],
    ['whole but with a wrong checksum', (line: string) => `ffffffff${line.slice(8)}`],
  ])('ignores a torn last line (%s), cuts it off on the next open, and appends after it', async (_, tear) => {
    const store = new AnnotationStore(dir);
    const kept = [makeAnnotation(1), makeAnnotation(2)];
    for (const a of kept) await store.create(a);
    const good = await fs.readFile(journal(), 'utf8');
    const torn = journalLine({ seq: 3, v: ANNOTATIONS_SCHEMA_VERSION, op: 'create', annotation: makeAnnotation(3) });
    await fs.appendFile(journal(), tear(torn));

    const fresh = new AnnotationStore(dir);
    expect(await fresh.list(DOC)).toEqual({ annotations: kept });
    expect(await fs.readFile(journal(), 'utf8')).toBe(good);
    const c = makeAnnotation(4);
    await fresh.create(c);
    expect(await new AnnotationStore(dir).list(DOC)).toEqual({ annotations: [...kept, c] });
    expect((await journalEntries()).map((e) => e.seq)).toEqual([2, 3]);
  });

  it('recovers the lines after a damaged one in the middle, keeps the journal aside and says how many notes may be affected', async () => {
    const store = new AnnotationStore(dir, { log: () => undefined });
    const all = [1, 2, 3, 4].map((n) => makeAnnotation(n));
    for (const a of all) await store.create(a);
    const original = await fs.readFile(journal(), 'utf8');
    const lines = original.split('\n');
    lines[1] = lines[1]!.replace('quoted words 3', 'quoted words X'); // seq 3: checksum no longer matches
    const damaged = lines.join('\n');
    await fs.writeFile(journal(), damaged);

    const logged: string[] = [];
    const fresh = new AnnotationStore(dir, { now: () => NOW, log: (m) => logged.push(m) });
    const listed = await fresh.list(DOC);
    expect(ids(listed.annotations)).toEqual(ids([all[0]!, all[1]!, all[3]!]));
    expect(listed.problem).toMatchObject({ kind: 'recovered', file: journal(), restoredFrom: 'backup', affected: 1 });
    expect(logged).toHaveLength(1);
    const movedTo = listed.problem?.kind === 'recovered' ? listed.problem.movedTo : '';
    expect(movedTo).toContain(`${DOC}.journal.corrupt-2024-05-06T07-08-09-123Z`);
    expect(await fs.readFile(movedTo, 'utf8')).toBe(damaged);
    // What was kept is a snapshot now; the journal starts again after it.
    expect(await readFile()).toMatchObject({ seq: 4, annotations: [{ id: all[0]!.id }, { id: all[1]!.id }, { id: all[3]!.id }] });
    expect(await exists(journal())).toBe(false);
    const e = makeAnnotation(5);
    await fresh.create(e);
    expect(await new AnnotationStore(dir).list(DOC)).toEqual({ annotations: [all[0], all[1], all[3], e] });
    expect(await fs.readFile(movedTo, 'utf8')).toBe(damaged);
  });

  it('reports acknowledged changes the journal lost at its end (cut short, emptied), keeping what is left aside', async () => {
    const store = new AnnotationStore(dir, { log: () => undefined });
    const all = [1, 2, 3, 4].map((n) => makeAnnotation(n));
    for (const a of all) await store.create(a);
    const lines = (await fs.readFile(journal(), 'utf8')).split('\n');
    await fs.writeFile(journal(), `${lines[0]}\n${lines[1]!.slice(0, 40)}`); // seq 2, then part of seq 3
    const listed = await new AnnotationStore(dir, { log: () => undefined }).list(DOC);
    expect(ids(listed.annotations)).toEqual(ids(all.slice(0, 2)));
    expect(listed.problem).toMatchObject({ kind: 'recovered', file: journal(), affected: 2 });
    const movedTo = listed.problem?.kind === 'recovered' ? listed.problem.movedTo : '';
    expect(await fs.readFile(movedTo, 'utf8')).toBe(`${lines[0]}\n${lines[1]!.slice(0, 40)}`);

    // The next change continues after the lost ones; an empty journal is reported the same way.
    const fresh = new AnnotationStore(dir, { log: () => undefined });
    await fresh.create(makeAnnotation(5));
    await fresh.create(makeAnnotation(6));
    await fs.writeFile(journal(), '');
    expect((await new AnnotationStore(dir, { log: () => undefined }).list(DOC)).problem).toMatchObject({ affected: 2 });
  });

  it('compacts after the line limit: a new snapshot, the old one as backup, the old journal as .journal.bak', async () => {
    const store = new AnnotationStore(dir, { compactAfter: { lines: 5 } });
    const all = Array.from({ length: 8 }, (_, n) => makeAnnotation(n));
    for (const a of all.slice(0, 5)) await store.create(a);
    expect((await journalEntries()).map((e) => e.seq)).toEqual([2, 3, 4, 5]);
    await store.create(all[5]!);
    await store.list(DOC); // waits for the compaction that follows the acknowledgement
    expect(await readFile()).toMatchObject({ seq: 6, annotations: { length: 6 } });
    expect((await readFile(`${file()}.bak`)).seq).toBe(1);
    expect((await journalEntries(`${journal()}.bak`)).map((e) => e.seq)).toEqual([2, 3, 4, 5, 6]);
    expect(await exists(journal())).toBe(false);
    await store.create(all[6]!);
    await store.create(all[7]!);
    expect((await journalEntries()).map((e) => e.seq)).toEqual([7, 8]);
    expect(ids((await new AnnotationStore(dir).list(DOC)).annotations)).toEqual(ids(all));
  });

  it('keeps the backup as a file of its own: never the same inode as the snapshot, through every compaction', async () => {
    const store = new AnnotationStore(dir, { compactAfter: { lines: 2 } });
    for (let n = 0; n < 9; n++) {
      await store.create(makeAnnotation(n));
      await store.list(DOC); // after the compaction that may follow
      if (await exists(`${file()}.bak`)) {
        const [a, b] = await Promise.all([fs.stat(file()), fs.stat(`${file()}.bak`)]);
        expect(a.ino).not.toBe(b.ino);
        expect(b.nlink).toBe(1);
      }
    }
    expect((await readFile(`${file()}.bak`)).seq).toBeGreaterThan(1);
  });

  it('drops a torn last line quietly for the reader, but logs it', async () => {
    const store = new AnnotationStore(dir);
    await store.create(makeAnnotation(1));
    await store.create(makeAnnotation(2));
    await fs.appendFile(journal(), '0123abcd {"seq":3,"v":3,"op":"cr');
    const logged: string[] = [];
    const listed = await new AnnotationStore(dir, { log: (m) => logged.push(m) }).list(DOC);
    expect(listed.problem).toBeUndefined();
    expect(listed.annotations).toHaveLength(2);
    expect(logged).toEqual([expect.stringMatching(/dropped an incomplete last line \(an unacknowledged write\)/)]);
  });

  it('compacts after the byte limit too, and at flush', async () => {
    const store = new AnnotationStore(dir, { compactAfter: { bytes: 2_000 } });
    for (let n = 0; n < 5; n++) await store.create(makeAnnotation(n));
    await store.list(DOC);
    expect((await readFile()).seq).toBeGreaterThan(1);
    await store.create(makeAnnotation(9));
    await store.flush();
    expect(await readFile()).toMatchObject({ seq: 6, annotations: { length: 6 } });
    expect(await exists(journal())).toBe(false);
  });

  it('a crash between the new snapshot and the journal\'s end loses nothing and applies nothing twice', async () => {
    const store = new AnnotationStore(dir, { now: () => NOW });
    const a = makeAnnotation(1);
    const b = makeAnnotation(2);
    await store.create(a);
    await store.update(DOC, a.id, (c) => ({ ...c, note: 'first edit' }));
    const stale = await fs.readFile(journal()); // seq 2 only
    await store.create(b);
    await store.delete(DOC, b.id);
    await store.update(DOC, a.id, (c) => ({ ...c, note: 'second edit' }));
    const whole = await fs.readFile(journal()); // seq 2..5
    const expected = await store.list(DOC);
    await store.flush(); // snapshot seq 5, journal ended

    // As if killed after the snapshot's rename, before the journal's: both are on disk.
    await fs.writeFile(journal(), whole);
    const fresh = new AnnotationStore(dir);
    expect(await fresh.list(DOC)).toEqual(expected);
    const c = makeAnnotation(3);
    await fresh.create(c);
    expect((await journalEntries()).map((e) => e.seq)).toEqual([2, 3, 4, 5, 6]);
    const after = await new AnnotationStore(dir).list(DOC);
    expect(after).toEqual({ annotations: [...expected.annotations, c] });
    expect(new Set(ids(after.annotations)).size).toBe(after.annotations.length);

    // Entries the snapshot already holds are skipped by seq, not replayed over it.
    await new AnnotationStore(dir).flush();
    await fresh.flush();
    await fs.writeFile(journal(), stale);
    expect((await new AnnotationStore(dir).get(DOC, a.id))?.note).toBe('second edit');
  });

  it('a failed append is reported, and the next change writes a whole snapshot rather than append after it', async () => {
    const store = new AnnotationStore(dir);
    const a = makeAnnotation(1);
    await store.create(a);
    await fs.mkdir(journal()); // appending now fails
    await expect(store.create(makeAnnotation(2))).rejects.toMatchObject({ code: 'io-error' });
    expect((await store.list(DOC)).annotations).toEqual([a]);
    await fs.rmdir(journal());
    const c = makeAnnotation(3);
    await store.create(c);
    expect(await readFile()).toMatchObject({ seq: 3, annotations: [{ id: a.id }, { id: c.id }] });
    expect(await new AnnotationStore(dir).list(DOC)).toEqual({ annotations: [a, c] });
  });

  it('refuses a journal entry from a newer version: read-only, the journal left as it is', async () => {
    const store = new AnnotationStore(dir);
    await store.create(makeAnnotation(1));
    await store.flush();
    const newer = journalLine({ seq: 2, v: ANNOTATIONS_SCHEMA_VERSION + 1, op: 'sparkle' });
    await fs.writeFile(journal(), newer);
    const fresh = new AnnotationStore(dir);
    expect((await fresh.list(DOC)).problem).toEqual({ kind: 'newer-version', file: journal(), version: ANNOTATIONS_SCHEMA_VERSION + 1 });
    await expect(fresh.create(makeAnnotation(2))).rejects.toMatchObject({ code: 'newer-version' });
    await fresh.flush();
    expect(await fs.readFile(journal(), 'utf8')).toBe(newer);
  });

  it('migrates journal entries of an older version through the same migrations as files', async () => {
    const a = makeAnnotation(1);
    await fs.writeFile(file(), JSON.stringify({ schemaVersion: ANNOTATIONS_SCHEMA_VERSION, documentId: DOC, seq: 0, annotations: [] }));
    await fs.writeFile(journal(), journalLine({ seq: 1, v: 1, op: 'create', annotation: { ...a, note: 'old' } }));
    const migrations = {
      ...MIGRATIONS,
      1: (raw: Record<string, unknown>) => ({
        ...raw,
        seq: 0,
        annotations: (raw.annotations as Annotation[]).map((x) => ({ ...x, note: x.note.toUpperCase() })),
      }),
    };
    expect((await new AnnotationStore(dir, { migrations }).list(DOC)).annotations).toEqual([{ ...a, note: 'OLD' }]);
  });
});

describe('snapshots and journal lines in slices', () => {
  const annotations = Array.from({ length: 1_200 }, (_, i) =>
    makeAnnotation(i, i % 200 === 0 ? { note: `astral \u{1f600}, quotes " and \\, NUL \u0000, line\nbreak, Мир ${i}` } : {}),
  );
  /** Counts the event loop's turns while `work` runs: a loop in slices lets others in. */
  async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const value = await work();
    running = false;
    return { value, turns };
  }

  it('writes the very line journalLine writes, and lets the event loop in while it builds it', async () => {
    const entry = { seq: 7, v: ANNOTATIONS_SCHEMA_VERSION, op: 'merge', annotations } as const;
    const { value, turns } = await turnsDuring(() => entryLineInSlices(entry, pace(0)));
    expect(value).toBe(journalLine(entry));
    expect(turns).toBeGreaterThan(10);
    // One annotation, an empty merge, a single change: the same line too.
    expect(await entryLineInSlices({ ...entry, annotations: annotations.slice(0, 1) })).toBe(journalLine({ ...entry, annotations: annotations.slice(0, 1) }));
    expect(await entryLineInSlices({ ...entry, annotations: [] })).toBe(journalLine({ ...entry, annotations: [] }));
    const create = { seq: 8, v: ANNOTATIONS_SCHEMA_VERSION, op: 'create', annotation: annotations[200]! } as const;
    expect(await entryLineInSlices(create)).toBe(journalLine(create));
  });

  it('serialises and reads a snapshot as the whole-file functions do, in slices', async () => {
    const snapshot = {
      schemaVersion: ANNOTATIONS_SCHEMA_VERSION as typeof ANNOTATIONS_SCHEMA_VERSION,
      documentId: DOC,
      seq: 12,
      annotations: annotations.slice(0, 1_150),
      deleted: annotations.slice(1_150).map((annotation) => ({ deletedAt: NOW.toISOString(), annotation })),
    };
    const written = await turnsDuring(() => serialiseSnapshotInSlices(snapshot, pace(0)));
    expect(written.value).toBe(serialiseSnapshot(snapshot));
    expect(written.turns).toBeGreaterThan(10);
    const bytes = Buffer.from(written.value);
    const read = await turnsDuring(() => parseSnapshotInSlices(bytes, DOC, pace(0)));
    expect(read.turns).toBeGreaterThan(10);
    expect(read.value).toEqual(parseSnapshot(bytes, DOC));
    expect(read.value).toMatchObject({ whole: true, seq: 12, damagedRecords: 0 });
    expect(read.value.annotations).toEqual(snapshot.annotations);
    // Damaged the same way: the trailer moved up (no longer last), a line cut out, a bit flipped.
    const lines = written.value.split(/(?<=\n)/);
    const damaged = [
      [...lines.slice(0, 10), lines.at(-1)!, ...lines.slice(10, -1)].join(''),
      [...lines.slice(0, 100), ...lines.slice(101)].join(''),
      written.value.slice(0, 5_000) + (written.value[5_000] === 'a' ? 'b' : 'a') + written.value.slice(5_001),
    ];
    for (const text of damaged) {
      const parsed = await parseSnapshotInSlices(Buffer.from(text), DOC, pace(0));
      expect(parsed).toEqual(parseSnapshot(Buffer.from(text), DOC));
      expect(parsed.whole).toBe(false);
    }
  }, 30_000);
});
