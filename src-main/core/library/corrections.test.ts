import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlignmentOperation } from '../../contract/ipc';
import { AppError } from '../errors';
import type { AlignedText, Clause, Lang } from '../model';
import { CorrectionError, replay, resolveOperation, reviewRows } from './corrections';
import { CorrectionsStore } from './corrections-store';

const clause = (lang: Lang, p: number, c: number): Clause => {
  const text = `${lang}${p}.${c}`;
  return { id: `${lang}-p${p}-c${c}`, text, start: 0, end: text.length };
};

/**
 * Two paragraph groups: group 0 has rows r0-0 (en0.0 | ru0.0), r0-1 (en0.1, en0.2 | ru0.1) and
 * r0-2 (— | ru0.2); group 1 has r1-0 (en1.0 | ru1.0, ru1.1).
 */
function base(): AlignedText {
  return {
    groups: [
      {
        number: 1,
        kind: 'body',
        en: [0],
        ru: [0],
        rows: [
          { id: 'r0-0', en: [clause('en', 0, 0)], ru: [clause('ru', 0, 0)], confidence: 0.9 },
          { id: 'r0-1', en: [clause('en', 0, 1), clause('en', 0, 2)], ru: [clause('ru', 0, 1)], confidence: 0.4 },
          { id: 'r0-2', en: [], ru: [clause('ru', 0, 2)], confidence: 0.2 },
        ],
      },
      {
        number: 2,
        kind: 'body',
        en: [1],
        ru: [1],
        rows: [{ id: 'r1-0', en: [clause('en', 1, 0)], ru: [clause('ru', 1, 0), clause('ru', 1, 1)], confidence: 0.7 }],
      },
    ],
  };
}

/** Rows as `id: en ids | ru ids`, group by group. */
const shape = (body: AlignedText) =>
  body.groups.map((g) => `${g.number}[${g.en}/${g.ru}] ` + g.rows.map((r) => `${r.id}:${r.en.map((c) => c.text)}|${r.ru.map((c) => c.text)}`).join(' '));

const apply = (body: AlignedText, ops: AlignmentOperation[]) => {
  let current = replay(body, []);
  const log = [];
  for (const op of ops) {
    log.push(resolveOperation(current, op));
    current = replay(body, log);
  }
  return current;
};

describe('correction operations', () => {
  it('merge joins a row with the next one', () => {
    expect(shape(apply(base(), [{ op: 'merge', rowId: 'r0-0' }]).body)).toEqual([
      '1[0/0] r0-0:en0.0,en0.1,en0.2|ru0.0,ru0.1 r0-2:|ru0.2',
      '2[1/1] r1-0:en1.0|ru1.0,ru1.1',
    ]);
  });

  it('merge across a paragraph boundary merges the two groups and renumbers', () => {
    expect(shape(apply(base(), [{ op: 'merge', rowId: 'r0-2' }]).body)).toEqual([
      '1[0,1/0,1] r0-0:en0.0|ru0.0 r0-1:en0.1,en0.2|ru0.1 r0-2:en1.0|ru0.2,ru1.0,ru1.1',
    ]);
  });

  it('split cuts a row after the given numbers of clauses; the second part gets a new id', () => {
    const result = apply(base(), [{ op: 'split', rowId: 'r0-1', en: 1, ru: 1 }]);
    expect(shape(result.body)[0]).toBe('1[0/0] r0-0:en0.0|ru0.0 r0-1:en0.1|ru0.1 r0-3:en0.2| r0-2:|ru0.2');
    expect(result.body.groups[0]!.rows[1]!.confidence).toBe(1);
  });

  it('split can fall inside a sentence: the clause is cut at a word, offsets kept, and replays the same', () => {
    const body = base();
    const row = body.groups[1]!.rows[0]!;
    row.en = [{ id: 'en-p1-c0', text: 'We met and agreed.', start: 100, end: 118 }];
    const split: AlignmentOperation = { op: 'split', rowId: 'r1-0', en: 1, ru: 1, cuts: [{ lang: 'en', clause: 0, offset: 7 }] };
    const result = apply(body, [split]);
    const [first, second] = result.body.groups[1]!.rows;
    expect(first!.en).toEqual([{ id: 'en-p1-c0.7a', text: 'We met', start: 100, end: 106 }]);
    expect(second!.en).toEqual([{ id: 'en-p1-c0.7b', text: 'and agreed.', start: 107, end: 118 }]);
    expect(first!.ru.map((c) => c.text)).toEqual(['ru1.0']);
    expect(second!.ru.map((c) => c.text)).toEqual(['ru1.1']);
    // The log replays to the same rows.
    const log = [resolveOperation(replay(body, []), split)];
    expect(shape(replay(body, log).body)).toEqual(shape(result.body));
    // Not in the middle of a word, not at the very start.
    for (const offset of [5, 1]) {
      expect(() => resolveOperation(replay(body, []), { ...split, cuts: [{ lang: 'en', clause: 0, offset }] })).toThrow(CorrectionError);
    }
  });

  it('split refuses an empty part', () => {
    expect(() => resolveOperation(replay(base(), []), { op: 'split', rowId: 'r0-1', en: 2, ru: 1 })).toThrow(CorrectionError);
    expect(() => resolveOperation(replay(base(), []), { op: 'split', rowId: 'r0-1', en: 0, ru: 0 })).toThrow(CorrectionError);
  });

  it('move sends the first clause to the previous row, the last to the next; an emptied row goes', () => {
    expect(shape(apply(base(), [{ op: 'move', rowId: 'r0-1', lang: 'en', direction: 'first-to-previous' }]).body)[0]).toBe(
      '1[0/0] r0-0:en0.0,en0.1|ru0.0 r0-1:en0.2|ru0.1 r0-2:|ru0.2',
    );
    expect(shape(apply(base(), [{ op: 'move', rowId: 'r0-1', lang: 'en', direction: 'last-to-next' }]).body)[0]).toBe(
      '1[0/0] r0-0:en0.0|ru0.0 r0-1:en0.1|ru0.1 r0-2:en0.2|ru0.2',
    );
    expect(shape(apply(base(), [{ op: 'move', rowId: 'r0-2', lang: 'ru', direction: 'first-to-previous' }]).body)[0]).toBe(
      '1[0/0] r0-0:en0.0|ru0.0 r0-1:en0.1,en0.2|ru0.1,ru0.2',
    );
  });

  it('move across a paragraph boundary moves the clause into the other group', () => {
    expect(shape(apply(base(), [{ op: 'move', rowId: 'r1-0', lang: 'ru', direction: 'first-to-previous' }]).body)).toEqual([
      '1[0/0,1] r0-0:en0.0|ru0.0 r0-1:en0.1,en0.2|ru0.1 r0-2:|ru0.2,ru1.0',
      '2[1/1] r1-0:en1.0|ru1.1',
    ]);
  });

  it('confirm marks a row, and unconfirm clears it', () => {
    expect(apply(base(), [{ op: 'confirm', rowId: 'r0-1', confirmed: true }]).confirmed).toEqual(['r0-1']);
    expect(
      apply(base(), [
        { op: 'confirm', rowId: 'r0-1', confirmed: true },
        { op: 'confirm', rowId: 'r0-1', confirmed: false },
      ]).confirmed,
    ).toEqual([]);
  });

  it('refuses operations that do not apply', () => {
    const current = replay(base(), []);
    expect(() => resolveOperation(current, { op: 'merge', rowId: 'r1-0' })).toThrow(/last row/);
    expect(() => resolveOperation(current, { op: 'move', rowId: 'r0-0', lang: 'en', direction: 'first-to-previous' })).toThrow(/first row/);
    expect(() => resolveOperation(current, { op: 'move', rowId: 'r0-2', lang: 'en', direction: 'last-to-next' })).toThrow(/no English/);
    expect(() => resolveOperation(current, { op: 'confirm', rowId: 'r9-9', confirmed: true })).toThrow(/No row/);
  });

  it('drops an operation whose row changed in the base, with a reason', () => {
    const log = [resolveOperation(replay(base(), []), { op: 'merge', rowId: 'r0-0' })];
    const changed = base();
    changed.groups[0]!.rows[0]!.en[0] = { ...clause('en', 0, 0), text: 'edited' };
    const result = replay(changed, log);
    expect(result.applied).toEqual([]);
    expect(result.dropped[0]!.reason).toMatch(/text of its row changed/);
    const realigned = base();
    realigned.groups[0]!.rows.splice(0, 2, { id: 'r0-0', en: [clause('en', 0, 0), clause('en', 0, 1), clause('en', 0, 2)], ru: [clause('ru', 0, 0), clause('ru', 0, 1)], confidence: 1 });
    expect(replay(realigned, log).dropped[0]!.reason).toMatch(/no longer/);
  });

  it('lists rows to review: unconfirmed, not one-to-one, weakest first', () => {
    const corrected = apply(base(), [{ op: 'confirm', rowId: 'r0-2', confirmed: true }]);
    expect(reviewRows(corrected, 'unconfirmed').map((r) => r.rowId)).toEqual(['r0-0', 'r0-1', 'r1-0']);
    expect(reviewRows(corrected, 'non-one-to-one').map((r) => `${r.rowId} ${r.shape}`)).toEqual(['r0-1 2-1', 'r0-2 0-1', 'r1-0 1-2']);
    expect(reviewRows(corrected, 'weakest', 2).map((r) => r.rowId)).toEqual(['r0-1', 'r1-0']);
  });
});

describe('CorrectionsStore: undo, redo, persistence', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'bitext-corrections-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const ops: AlignmentOperation[] = [
    { op: 'merge', rowId: 'r0-0' },
    { op: 'split', rowId: 'r0-0', en: 1, ru: 1 },
    { op: 'move', rowId: 'r1-0', lang: 'ru', direction: 'first-to-previous' },
    { op: 'confirm', rowId: 'r1-0', confirmed: true },
  ];

  it('undoes and redoes each operation, and keeps both stacks across a restart', async () => {
    const store = new CorrectionsStore(dir);
    const shapes = [shape((await store.correct('doc', base())).body)];
    for (const op of ops) shapes.push(shape((await store.apply('doc', base(), op)).body));
    const confirmedAfterAll = (await store.correct('doc', base())).confirmed;
    expect(confirmedAfterAll).toEqual(['r1-0']);
    for (let k = ops.length - 1; k >= 0; k--) {
      const undone = await store.undo('doc', base());
      expect(shape(undone.body)).toEqual(shapes[k]);
      expect(undone.state.canRedo).toBe(true);
    }
    await expect(store.undo('doc', base())).rejects.toThrow(/Nothing to undo/);
    await store.redo('doc', base());
    await store.redo('doc', base());

    const reopened = new CorrectionsStore(dir); // a restart
    const after = await reopened.correct('doc', base());
    expect(shape(after.body)).toEqual(shapes[2]);
    expect(after.state).toMatchObject({ corrections: 2, canUndo: true, canRedo: true });
    await reopened.redo('doc', base());
    const last = await reopened.redo('doc', base());
    expect(shape(last.body)).toEqual(shapes[4]);
    expect(last.confirmed).toEqual(['r1-0']);
    await expect(reopened.redo('doc', base())).rejects.toThrow(/Nothing to redo/);
  });

  it('a new correction clears the redo stack', async () => {
    const store = new CorrectionsStore(dir);
    await store.apply('doc', base(), ops[0]!);
    await store.undo('doc', base());
    const next = await store.apply('doc', base(), { op: 'confirm', rowId: 'r0-0', confirmed: true });
    expect(next.state.canRedo).toBe(false);
  });

  it('refuses a correction that does not apply, as a bad request, and saves nothing', async () => {
    const store = new CorrectionsStore(dir);
    const error = await store.apply('doc', base(), { op: 'merge', rowId: 'r1-0' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('bad-request');
    await expect(fs.access(store.pathOf('doc'))).rejects.toThrow();
  });

  it('writes atomically with a backup, and survives a corrupt file (moved aside, backup restored, reader told)', async () => {
    const store = new CorrectionsStore(dir);
    await store.apply('doc', base(), ops[0]!);
    await store.apply('doc', base(), ops[3]!);
    expect(JSON.parse(await fs.readFile(`${store.pathOf('doc')}.bak`, 'utf8')).log).toHaveLength(1);
    await fs.writeFile(store.pathOf('doc'), '{ not json');
    const reopened = new CorrectionsStore(dir);
    const result = await reopened.correct('doc', base());
    expect(result.state.corrections).toBe(1);
    expect(result.state.warnings[0]).toMatch(/could not be read.*last good copy/);
    expect((await fs.readdir(dir)).some((name) => name.includes('.corrupt-'))).toBe(true);
  });

  it('leaves a file from a newer version untouched and refuses changes', async () => {
    const store = new CorrectionsStore(dir);
    await fs.mkdir(dir, { recursive: true });
    const newer = JSON.stringify({ schemaVersion: 99, documentId: 'doc', log: [], redo: [] });
    await fs.writeFile(store.pathOf('doc'), newer);
    const result = await store.correct('doc', base());
    expect(result.state.editable).toBe(false);
    await expect(store.apply('doc', base(), ops[0]!)).rejects.toMatchObject({ code: 'newer-version' });
    expect(await fs.readFile(store.pathOf('doc'), 'utf8')).toBe(newer);
  });
});
