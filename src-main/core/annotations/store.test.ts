import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { ANNOTATIONS_SCHEMA_VERSION, AnnotationStore, migrate } from './store';
import { DOC, makeAnnotation } from './testing/fixtures';

let dir: string;
const file = () => join(dir, `${DOC}.json`);
const NOW = new Date('2024-05-06T07:08:09.123Z');

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'bitext-annotations-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function readFile(): Promise<{ schemaVersion: number; annotations: Array<{ id: string; note: string }> }> {
  return JSON.parse(await fs.readFile(file(), 'utf8'));
}

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
    const onDisk = await readFile();
    expect(onDisk.annotations.map((a) => a.id).sort()).toEqual(many.map((a) => a.id).sort());
    // Concurrent edits of one annotation: the last asked for is the last applied.
    const first = many[0]!;
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.update(DOC, first.id, (c) => ({ ...c, note: `${c.note}|${n}` }))));
    expect((await new AnnotationStore(dir).get(DOC, first.id))?.note).toBe(`${first.note}|1|2|3|4|5`);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the previous version as a backup', async () => {
    const store = new AnnotationStore(dir);
    const a = makeAnnotation(1);
    const b = makeAnnotation(2);
    await store.create(a);
    await store.create(b);
    const backup = JSON.parse(await fs.readFile(`${file()}.bak`, 'utf8'));
    expect(backup.annotations.map((x: { id: string }) => x.id)).toEqual([a.id]);
  });

  it('moves a corrupt file aside, restores the backup and reports the problem, never overwriting it', async () => {
    const store = new AnnotationStore(dir);
    const a = makeAnnotation(1);
    await store.create(a);
    await store.create(makeAnnotation(2));
    await fs.writeFile(file(), '{"schemaVersion": 1, "annotations": [tru');

    const fresh = new AnnotationStore(dir, { now: () => NOW });
    const listed = await fresh.list(DOC);
    expect(listed.annotations.map((x) => x.id)).toEqual([a.id]);
    expect(listed.problem).toMatchObject({ kind: 'recovered', restoredFrom: 'backup', file: file() });
    const movedTo = listed.problem?.kind === 'recovered' ? listed.problem.movedTo : '';
    expect(movedTo).toContain('.corrupt-2024-05-06T07-08-09-123Z');
    expect(await fs.readFile(movedTo, 'utf8')).toBe('{"schemaVersion": 1, "annotations": [tru');

    // The next change writes a new file; the moved-aside copy stays as it was.
    await fresh.create(makeAnnotation(3));
    expect(await fs.readFile(movedTo, 'utf8')).toBe('{"schemaVersion": 1, "annotations": [tru');
    expect((await readFile()).annotations).toHaveLength(2);
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
    await fs.writeFile(file(), '');
    const listed = await new AnnotationStore(dir).list(DOC);
    expect(listed.annotations.map((x) => x.id)).toEqual([a.id]);
    expect(listed.problem).toMatchObject({ restoredFrom: 'backup' });
  });

  it('migrates an older version step by step on load and writes the current version on the next change', async () => {
    const a = makeAnnotation(1);
    // A made-up version 0 that kept the note under another name and had no `deleted`.
    const v0 = { schemaVersion: 0, documentId: DOC, items: [{ ...a, note: undefined, text: a.note }] };
    await fs.writeFile(file(), JSON.stringify(v0));
    const migrations = {
      0: (raw: Record<string, unknown>) => ({
        documentId: raw.documentId,
        annotations: (raw.items as Array<Record<string, unknown>>).map(({ text, ...rest }) => ({ ...rest, note: text })),
      }),
    };
    const store = new AnnotationStore(dir, { migrations });
    expect((await store.list(DOC)).annotations).toEqual([a]);
    await store.create(makeAnnotation(2));
    expect((await readFile()).schemaVersion).toBe(ANNOTATIONS_SCHEMA_VERSION);
    expect(JSON.parse(await fs.readFile(`${file()}.bak`, 'utf8')).schemaVersion).toBe(0);
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

  it('refuses a document id that could leave the folder', () => {
    const store = new AnnotationStore(dir);
    expect(() => store.pathOf('../etc')).toThrow(AppError);
  });
});
