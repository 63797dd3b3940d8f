/**
 * The reader's corrections of an alignment, as an edit log over the aligner's result. Pure: no
 * Electron, no Node APIs.
 *
 * An operation names its row by the row's clause ids (`en-p3-c1`…: stable for a given text) and a
 * fingerprint of the row's text, not by row id: replaying the log over the same base alignment
 * gives the same rows, and an operation whose row no longer exists (the aligner or the text
 * changed) is dropped with a warning instead of landing on the wrong row. Operations that act on a
 * neighbour (merge, move) name it too.
 *
 * Row ids stay stable: a merged row keeps the first row's id, the first part of a split keeps the
 * row's id and the second gets a new one (`r<group>-<n>`, recorded in the log so every replay gives
 * the same). Annotations on text anchor by quote and survive any correction; row notes anchor by
 * row id and re-anchor by quote.
 *
 * Rows touched by a correction get confidence 1 (the reader's judgement). A merge or move across a
 * paragraph boundary moves clauses between paragraph groups; a group left empty disappears, two
 * groups merged by a row merge become one, and groups are renumbered as the aligner numbers them.
 */
import { z } from 'zod';
import { type AlignmentOperation, langSchema, MOVE_DIRECTIONS, type ReviewKind, type ReviewRow, rowIdSchema } from '../../contract/ipc';
import type { AlignedRow, AlignedText, Clause, Lang, ParagraphGroup } from '../model';

export const MAX_LOG = 10_000;

const clauseId = z.string().min(1).max(64);
const rowKeySchema = z.object({ en: z.array(clauseId).max(10_000), ru: z.array(clauseId).max(10_000) }).strict();
export type RowKey = z.infer<typeof rowKeySchema>;
const fp = z.string().regex(/^[0-9a-f]{8}$/);

export const storedOperationSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('merge'), row: rowKeySchema, fp, next: rowKeySchema }).strict(),
  z
    .object({
      op: z.literal('split'),
      row: rowKeySchema,
      fp,
      en: z.number().int().min(0),
      ru: z.number().int().min(0),
      newRowId: rowIdSchema,
    })
    .strict(),
  z
    .object({
      op: z.literal('move'),
      row: rowKeySchema,
      fp,
      lang: langSchema,
      direction: z.enum(MOVE_DIRECTIONS),
      target: rowKeySchema,
    })
    .strict(),
  z.object({ op: z.literal('confirm'), row: rowKeySchema, fp, confirmed: z.boolean() }).strict(),
]);
export type StoredOperation = z.infer<typeof storedOperationSchema>;

/** An operation that does not apply to the rows as they are. */
export class CorrectionError extends Error {
  override name = 'CorrectionError';
}

export interface CorrectedAlignment {
  body: AlignedText;
  /** Ids of the rows the reader confirmed. */
  confirmed: string[];
  /** The operations that applied, in order. */
  applied: StoredOperation[];
  /** Operations that no longer applied, and why. */
  dropped: Array<{ operation: StoredOperation; reason: string }>;
}

interface Working {
  groups: ParagraphGroup[];
  confirmed: Set<string>;
}

interface Place {
  g: number;
  r: number;
}

export const keyOf = (row: AlignedRow): RowKey => ({ en: row.en.map((c) => c.id), ru: row.ru.map((c) => c.id) });

/** FNV-1a (32 bits) of the row's text on both sides. */
export function fingerprintOf(row: AlignedRow): string {
  const text = `${row.en.map((c) => c.text).join('\u0001')}\u0000${row.ru.map((c) => c.text).join('\u0001')}`;
  let hash = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    hash ^= text.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Replays the log over the base alignment (which is not modified). */
export function replay(base: AlignedText, log: readonly StoredOperation[]): CorrectedAlignment {
  const working = clone(base);
  const applied: StoredOperation[] = [];
  const dropped: CorrectedAlignment['dropped'] = [];
  for (const operation of log) {
    try {
      applyStored(working, operation);
      applied.push(operation);
    } catch (error) {
      if (!(error instanceof CorrectionError)) throw error;
      dropped.push({ operation, reason: error.message });
    }
  }
  renumber(working.groups);
  return { body: { groups: working.groups }, confirmed: [...working.confirmed], applied, dropped };
}

/**
 * Turns the reader's operation (on the rows as shown) into a log entry, checking that it applies.
 * Throws `CorrectionError` with a message for the reader when it does not.
 */
export function resolveOperation(current: CorrectedAlignment, operation: AlignmentOperation): StoredOperation {
  const working: Working = { groups: current.body.groups, confirmed: new Set(current.confirmed) };
  const place = findById(working, operation.rowId);
  if (!place) throw new CorrectionError(`No row ${operation.rowId} in this document`);
  const row = rowAt(working, place);
  const base = { row: keyOf(row), fp: fingerprintOf(row) };
  let stored: StoredOperation;
  switch (operation.op) {
    case 'merge': {
      const next = nextOf(working, place);
      if (!next) throw new CorrectionError('The last row has no next row to merge with');
      stored = { op: 'merge', ...base, next: keyOf(rowAt(working, next)) };
      break;
    }
    case 'split':
      stored = { op: 'split', ...base, en: operation.en, ru: operation.ru, newRowId: newRowId(working, operation.rowId) };
      break;
    case 'move': {
      const target = operation.direction === 'first-to-previous' ? previousOf(working, place) : nextOf(working, place);
      if (!target) {
        throw new CorrectionError(operation.direction === 'first-to-previous' ? 'The first row has no previous row' : 'The last row has no next row');
      }
      stored = { op: 'move', ...base, lang: operation.lang, direction: operation.direction, target: keyOf(rowAt(working, target)) };
      break;
    }
    case 'confirm':
      stored = { op: 'confirm', ...base, confirmed: operation.confirmed };
      break;
  }
  applyStored(clone(current.body, current.confirmed), stored); // throws if it does not apply
  return stored;
}

function applyStored(w: Working, op: StoredOperation): void {
  const place = findByKey(w, op.row);
  if (!place) throw new CorrectionError('its row is no longer in the alignment');
  const row = rowAt(w, place);
  if (fingerprintOf(row) !== op.fp) throw new CorrectionError('the text of its row changed');
  switch (op.op) {
    case 'confirm':
      if (op.confirmed) w.confirmed.add(row.id);
      else w.confirmed.delete(row.id);
      return;
    case 'merge': {
      const nextPlace = nextOf(w, place);
      if (!nextPlace || !sameKey(rowAt(w, nextPlace), op.next)) throw new CorrectionError('the row after it changed');
      const next = rowAt(w, nextPlace);
      row.en = [...row.en, ...next.en];
      row.ru = [...row.ru, ...next.ru];
      row.confidence = 1;
      w.confirmed.delete(next.id);
      if (nextPlace.g === place.g) {
        w.groups[place.g]!.rows.splice(nextPlace.r, 1);
      } else {
        const group = w.groups[place.g]!;
        const following = w.groups[nextPlace.g]!;
        group.rows.push(...following.rows.slice(1));
        group.en = union(group.en, following.en);
        group.ru = union(group.ru, following.ru);
        w.groups.splice(nextPlace.g, 1);
      }
      return;
    }
    case 'split': {
      const { en, ru } = op;
      if (en > row.en.length || ru > row.ru.length) throw new CorrectionError('the row has fewer clauses than the split needs');
      if (en + ru === 0 || en + ru === row.en.length + row.ru.length) {
        throw new CorrectionError('each part of a split needs at least one clause');
      }
      if (findById(w, op.newRowId)) throw new CorrectionError(`a row ${op.newRowId} already exists`);
      const second: AlignedRow = { id: op.newRowId, en: row.en.slice(en), ru: row.ru.slice(ru), confidence: 1 };
      row.en = row.en.slice(0, en);
      row.ru = row.ru.slice(0, ru);
      row.confidence = 1;
      w.groups[place.g]!.rows.splice(place.r + 1, 0, second);
      return;
    }
    case 'move': {
      const lang: Lang = op.lang;
      if (row[lang].length === 0) throw new CorrectionError(`the row has no ${lang === 'en' ? 'English' : 'Russian'} clause to move`);
      const toPrevious = op.direction === 'first-to-previous';
      const targetPlace = toPrevious ? previousOf(w, place) : nextOf(w, place);
      if (!targetPlace || !sameKey(rowAt(w, targetPlace), op.target)) throw new CorrectionError('the neighbouring row changed');
      const target = rowAt(w, targetPlace);
      const clause = (toPrevious ? row[lang].shift() : row[lang].pop()) as Clause;
      if (toPrevious) target[lang] = [...target[lang], clause];
      else target[lang] = [clause, ...target[lang]];
      row[lang] = [...row[lang]];
      row.confidence = 1;
      target.confidence = 1;
      if (targetPlace.g !== place.g) {
        refreshParagraphs(w.groups[place.g]!);
        refreshParagraphs(w.groups[targetPlace.g]!);
      }
      if (row.en.length === 0 && row.ru.length === 0) {
        w.confirmed.delete(row.id);
        w.groups[place.g]!.rows.splice(place.r, 1);
        if (w.groups[place.g]!.rows.length === 0) w.groups.splice(place.g, 1);
      }
      return;
    }
  }
}

/** Rows worth the reader's look, in document order (or weakest first). */
export function reviewRows(corrected: Pick<CorrectedAlignment, 'body' | 'confirmed'>, kind: ReviewKind, limit = 200): ReviewRow[] {
  const confirmed = new Set(corrected.confirmed);
  const rows = corrected.body.groups.flatMap((g) => g.rows);
  const view = (row: AlignedRow): ReviewRow => ({
    rowId: row.id,
    confidence: row.confidence,
    shape: `${row.en.length}-${row.ru.length}`,
    confirmed: confirmed.has(row.id),
  });
  if (kind === 'unconfirmed') return rows.filter((r) => !confirmed.has(r.id)).slice(0, limit).map(view);
  if (kind === 'non-one-to-one') return rows.filter((r) => r.en.length !== 1 || r.ru.length !== 1).slice(0, limit).map(view);
  return rows
    .filter((r) => !confirmed.has(r.id))
    .map((row, order) => ({ row, order }))
    .sort((a, b) => a.row.confidence - b.row.confidence || a.order - b.order)
    .slice(0, limit)
    .map(({ row }) => view(row));
}

// ---- helpers ----

function clone(body: AlignedText, confirmed: readonly string[] = []): Working {
  return {
    groups: body.groups.map((g) => ({ ...g, en: [...g.en], ru: [...g.ru], rows: g.rows.map((r) => ({ ...r, en: [...r.en], ru: [...r.ru] })) })),
    confirmed: new Set(confirmed),
  };
}

const rowAt = (w: Working, p: Place): AlignedRow => w.groups[p.g]!.rows[p.r]!;

function findById(w: Working, id: string): Place | undefined {
  for (let g = 0; g < w.groups.length; g++) {
    const r = w.groups[g]!.rows.findIndex((row) => row.id === id);
    if (r >= 0) return { g, r };
  }
  return undefined;
}

function sameKey(row: AlignedRow, key: RowKey): boolean {
  return (
    row.en.length === key.en.length &&
    row.ru.length === key.ru.length &&
    row.en.every((c, k) => c.id === key.en[k]) &&
    row.ru.every((c, k) => c.id === key.ru[k])
  );
}

function findByKey(w: Working, key: RowKey): Place | undefined {
  for (let g = 0; g < w.groups.length; g++) {
    const rows = w.groups[g]!.rows;
    for (let r = 0; r < rows.length; r++) if (sameKey(rows[r]!, key)) return { g, r };
  }
  return undefined;
}

function nextOf(w: Working, p: Place): Place | undefined {
  if (p.r + 1 < w.groups[p.g]!.rows.length) return { g: p.g, r: p.r + 1 };
  for (let g = p.g + 1; g < w.groups.length; g++) if (w.groups[g]!.rows.length > 0) return { g, r: 0 };
  return undefined;
}

function previousOf(w: Working, p: Place): Place | undefined {
  if (p.r > 0) return { g: p.g, r: p.r - 1 };
  for (let g = p.g - 1; g >= 0; g--) {
    const n = w.groups[g]!.rows.length;
    if (n > 0) return { g, r: n - 1 };
  }
  return undefined;
}

/** `r<group>-<n>` with the group of `rowId` and an `n` no row of that group uses. */
function newRowId(w: Working, rowId: string): string {
  const group = /^r(\d+)-/.exec(rowId)?.[1] ?? '0';
  let max = -1;
  for (const g of w.groups) {
    for (const row of g.rows) {
      const m = /^r(\d+)-(\d+)$/.exec(row.id);
      if (m && m[1] === group) max = Math.max(max, Number(m[2]));
    }
  }
  return `r${group}-${max + 1}`;
}

const union = (a: readonly number[], b: readonly number[]) => [...new Set([...a, ...b])].sort((x, y) => x - y);

const PARAGRAPH_OF = /^(?:en|ru)-p(\d+)-c\d+$/;

/** A group's paragraphs, from the clauses it now holds (ids `en-p<i>-c<j>`). */
function refreshParagraphs(group: ParagraphGroup): void {
  for (const lang of ['en', 'ru'] as const) {
    const found = new Set<number>();
    for (const row of group.rows) {
      for (const clause of row[lang]) {
        const m = PARAGRAPH_OF.exec(clause.id);
        if (!m) return; // ids of another scheme: leave the group as it was
        found.add(Number(m[1]));
      }
    }
    group[lang] = [...found].sort((x, y) => x - y);
  }
}

/** Numbers groups as the aligner does: a title group 0, the others 1, 2, … */
function renumber(groups: ParagraphGroup[]): void {
  let number = 0;
  for (const group of groups) group.number = group.kind === 'title' ? 0 : ++number;
}
