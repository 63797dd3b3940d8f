/**
 * Loading a document's annotations, and recovering what damage left: no damage passes in silence.
 *
 * - A snapshot whole and consistent (`parseSnapshot`) is the base. A damaged one is moved aside
 *   (kept as it was) and rebuilt: the backup chain (`.bak` plus `.journal.bak`, which together hold
 *   everything the snapshot held when it was written by compaction), with every record of the
 *   damaged snapshot whose line is still whole laid over it. If the chain reaches the snapshot's
 *   `seq`, nothing is lost (`affected: 0`); otherwise each record missing from the damaged file
 *   counts as a note that may be affected.
 * - The journal is replayed line by line; a damaged line does not hide the lines after it. Damage
 *   is counted (notes the damaged lines held), the journal is kept aside once a new snapshot holds
 *   what was recovered. Only a torn last line — an append cut short, never acknowledged — is
 *   dropped without telling the reader, and it is logged.
 * - The acknowledgement mark (`AckMark`) holds the `seq` of the last change acknowledged: if what
 *   was loaded ends before it, the journal lost its tail (cut short, emptied, removed), and the
 *   missing changes are reported.
 */
import { promises as fs } from 'node:fs';
import { AppError } from '../errors';
import { backupPathOf, corruptPathOf, readJsonFile } from '../fs/atomic-file';
import { type JournalContent, type JournalWriter, readJournal } from '../fs/journal';
import type { AnnotationsProblem } from './model';
import { type Contents, applyChange } from './store-changes';
import {
  ANNOTATIONS_SCHEMA_VERSION,
  type AnnotationsFile,
  type Migration,
  NewerVersionError,
  entryOf,
  fileSchema,
  isLineSnapshot,
  isRecord,
  migrate,
  parseSnapshotInSlices,
} from './store-format';
import { pace } from './pace';

export interface LoadContext {
  documentId: string;
  path: string;
  journalPath: string;
  journal: JournalWriter;
  migrations: Readonly<Record<number, Migration>>;
  now: () => Date;
  log: (message: string) => void;
  /** The `seq` of the last change acknowledged, from the mark (if it is readable). */
  acknowledged: number | undefined;
}

export interface Loaded extends Contents {
  seq: number;
  problem?: AnnotationsProblem;
  readOnly: boolean;
  hasSnapshot: boolean;
  needsSnapshot: boolean;
  /** A damaged journal, to be moved here once a snapshot holds what was recovered from it. */
  corruptJournalTo?: string;
  journalLines: number;
  journalBytes: number;
  /** Something was recovered: write it as a snapshot at once. */
  rewrite: boolean;
}

type Recovered = Extract<AnnotationsProblem, { kind: 'recovered' }>;

/** Adds a finding to the problem already met (the first file named stays; notes affected add up). */
function report(loaded: Loaded, finding: Recovered): void {
  const current = loaded.problem;
  if (!current || current.kind !== 'recovered') {
    loaded.problem = finding;
    return;
  }
  const affected =
    current.affected === undefined || finding.affected === undefined ? undefined : current.affected + finding.affected;
  const { affected: _drop, ...rest } = current;
  loaded.problem = { ...rest, ...(affected !== undefined ? { affected } : {}), copies: [...(current.copies ?? [current.movedTo]), finding.movedTo] };
}

export async function loadDocument(ctx: LoadContext): Promise<Loaded> {
  const loaded = emptyLoaded();
  let tail: LiveTail = { kind: 'whole' };
  try {
    await loadSnapshot(ctx, loaded);
    tail = await replayLive(ctx, loaded);
  } catch (error) {
    if (!(error instanceof NewerVersionError)) {
      throw new AppError('io-error', `Could not read the notes: ${error instanceof Error ? error.message : String(error)}`);
    }
    return {
      ...loaded,
      readOnly: true,
      problem: { kind: 'newer-version', file: error.file ?? ctx.path, version: error.version },
      rewrite: false,
    };
  }
  checkAcknowledged(ctx, loaded);
  // Nothing acknowledged is missing: a torn last line, or an empty journal, was a write that never
  // completed. Drop it (logged); otherwise the journal is kept aside whole, the torn line with it.
  if (!loaded.corruptJournalTo && tail.kind !== 'whole') {
    if (tail.kind === 'torn') ctx.log(`annotations: dropped an incomplete last line (an unacknowledged write) of ${ctx.journalPath}`);
    try {
      await ctx.journal.truncate(tail.at);
      loaded.journalBytes = tail.at;
    } catch {
      loaded.needsSnapshot = true;
    }
  }
  return loaded;
}

async function readBytes(path: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function loadSnapshot(ctx: LoadContext, loaded: Loaded): Promise<void> {
  const bytes = await readBytes(ctx.path);
  if (bytes === undefined) {
    if ((await readBytes(backupPathOf(ctx.path))) === undefined) return; // nothing saved yet
    // A backup but no snapshot: the snapshot was removed. Rebuild from the backup chain.
    ctx.log(`annotations: ${ctx.path} is missing but its backup is there; restoring from the backup`);
    const chain = await loadChain(ctx);
    setContents(loaded, chain.contents, chain.seq);
    report(loaded, { kind: 'recovered', file: ctx.path, movedTo: backupPathOf(ctx.path), restoredFrom: 'backup' });
    loaded.rewrite = true;
    return;
  }
  if (!isLineSnapshot(bytes)) return loadLegacySnapshot(ctx, loaded);

  const parsed = await parseSnapshotInSlices(bytes, ctx.documentId);
  if (parsed.newerVersion !== undefined) throw new NewerVersionError(parsed.newerVersion);
  if (parsed.whole) {
    setContents(loaded, parsed, parsed.seq ?? 0);
    loaded.hasSnapshot = true;
    loaded.needsSnapshot = false;
    return;
  }
  // Damaged: keep it aside as it is, rebuild from the backup chain and what is whole in it.
  const movedTo = corruptPathOf(ctx.path, ctx.now());
  await fs.rename(ctx.path, movedTo);
  const chain = await loadChain(ctx);
  let contents = chain.contents;
  for (const a of parsed.annotations) contents = applyChange(contents, { op: 'update', annotation: a });
  for (const entry of parsed.deleted) {
    if (contents.annotations.some((a) => a.id === entry.annotation.id && a.updatedAt > entry.annotation.updatedAt)) continue;
    contents = applyChange(contents, { op: 'delete', entry });
  }
  const seq = Math.max(chain.seq, parsed.seq ?? 0);
  const chainReaches = chain.whole && (parsed.seq !== undefined ? chain.seq >= parsed.seq : await chainIsContiguous(ctx, chain.seq));
  const affected = chainReaches ? 0 : parsed.damagedRecords;
  ctx.log(
    `annotations: ${ctx.path} is damaged; kept as ${movedTo}; ${affected === undefined ? 'an unknown number of' : affected} notes may be affected`,
  );
  setContents(loaded, contents, seq);
  report(loaded, {
    kind: 'recovered',
    file: ctx.path,
    movedTo,
    restoredFrom: chain.found ? 'backup' : 'nothing',
    ...(affected !== undefined ? { affected } : {}),
  });
  loaded.rewrite = true;
}

/**
 * With the snapshot's own `seq` lost: the chain lacks nothing if the live journal goes on right
 * after it, or — with no journal — if it reaches the last change acknowledged.
 */
async function chainIsContiguous(ctx: LoadContext, seq: number): Promise<boolean> {
  const journal = await readJournal(ctx.journalPath);
  const first = journal?.records[0];
  if (first !== undefined) {
    const entry = entryOf(first, ctx.documentId, ctx.migrations);
    return entry !== undefined && !(entry instanceof NewerVersionError) && entry.seq <= seq + 1;
  }
  return ctx.acknowledged !== undefined && seq >= ctx.acknowledged;
}

/** Versions 1 and 2: one JSON document; a bad one is moved aside by `readJsonFile`. */
async function loadLegacySnapshot(ctx: LoadContext, loaded: Loaded): Promise<void> {
  let migrated = false;
  const parse = (raw: unknown): AnnotationsFile => {
    const file = fileSchema.parse(migrate(raw, ctx.migrations));
    if (file.documentId !== ctx.documentId) throw new Error(`the file names another document (${file.documentId})`);
    migrated = isRecord(raw) && raw.schemaVersion !== ANNOTATIONS_SCHEMA_VERSION;
    return file;
  };
  const outcome = await readJsonFile(ctx.path, parse, ctx.now);
  if (outcome.status === 'missing') return;
  if (outcome.status === 'ok') {
    const file = outcome.value;
    setContents(loaded, { annotations: file.annotations, deleted: file.deleted ?? [] }, file.seq);
    loaded.hasSnapshot = true;
    loaded.needsSnapshot = migrated;
    return;
  }
  // Moved aside; the backup may be of either format, and its journal goes with it.
  ctx.log(`annotations: ${ctx.path} did not parse; kept as ${outcome.movedTo}`);
  const chain = await loadChain(ctx);
  setContents(loaded, chain.contents, chain.seq);
  report(loaded, { kind: 'recovered', file: ctx.path, movedTo: outcome.movedTo, restoredFrom: chain.found ? 'backup' : 'nothing' });
  loaded.rewrite = true;
}

interface Chain {
  contents: Contents;
  seq: number;
  found: boolean;
  /** The backup and its journal were whole. */
  whole: boolean;
}

/** The backup snapshot (either format) and the journal that followed it. */
async function loadChain(ctx: LoadContext): Promise<Chain> {
  const chain: Chain = { contents: { annotations: [], deleted: [] }, seq: 0, found: false, whole: false };
  const bytes = await readBytes(backupPathOf(ctx.path));
  if (bytes !== undefined) {
    if (isLineSnapshot(bytes)) {
      const parsed = await parseSnapshotInSlices(bytes, ctx.documentId);
      chain.contents = { annotations: parsed.annotations, deleted: parsed.deleted };
      chain.seq = parsed.seq ?? 0;
      chain.found = parsed.annotations.length > 0 || parsed.seq !== undefined;
      chain.whole = parsed.whole;
    } else {
      try {
        const file = fileSchema.parse(migrate(JSON.parse(bytes.toString('utf8')), ctx.migrations));
        if (file.documentId === ctx.documentId) {
          chain.contents = { annotations: file.annotations, deleted: file.deleted ?? [] };
          chain.seq = file.seq;
          chain.found = true;
          chain.whole = true;
        }
      } catch {
        /* an unreadable backup: nothing from it */
      }
    }
  }
  const journal = await readJournal(backupPathOf(ctx.journalPath));
  if (journal) {
    const into: Loaded = { ...emptyLoaded(), annotations: chain.contents.annotations, deleted: chain.contents.deleted, seq: chain.seq };
    const damaged = await replayRecords(ctx, into, journal, 'backup');
    chain.contents = { annotations: into.annotations, deleted: into.deleted };
    chain.seq = into.seq;
    chain.found ||= into.seq > 0;
    if (damaged.lines > 0) chain.whole = false;
  }
  return chain;
}

function emptyLoaded(): Loaded {
  return {
    annotations: [],
    deleted: [],
    seq: 0,
    readOnly: false,
    hasSnapshot: false,
    needsSnapshot: true,
    journalLines: 0,
    journalBytes: 0,
    rewrite: false,
  };
}

function setContents(loaded: Loaded, contents: Contents, seq: number): void {
  loaded.annotations = contents.annotations;
  loaded.deleted = contents.deleted;
  loaded.seq = seq;
}

interface Damage {
  /** Damaged or invalid lines. */
  lines: number;
  /** Notes those lines may have held. */
  notes: number;
}

/**
 * Applies a journal's valid entries with a `seq` above the loaded one, in order, skipping damaged
 * lines (and entries out of order). Returns what was damaged.
 */
async function replayRecords(ctx: LoadContext, loaded: Loaded, content: JournalContent, which: 'live' | 'backup'): Promise<Damage> {
  const damage: Damage = { lines: 0, notes: 0 };
  // A journal of 1,000 changes to a document of 20,000 notes is replayed in slices.
  const p = pace();
  const typical = typicalLineBytes(content);
  // A run of damaged lines between two whole entries numbered p and q held q − p − 1 changes
  // (or more notes, by its look: a merge): the larger is counted.
  let last = 0;
  let applied = 0;
  let run = { lines: 0, notes: 0 };
  const endRun = (nextSeq: number | undefined) => {
    if (run.lines === 0) return;
    const before = last > 0 ? last : loaded.seq;
    const missing = nextSeq === undefined ? 0 : Math.max(0, nextSeq - before - 1);
    damage.lines += run.lines;
    damage.notes += Math.max(run.notes, missing);
    run = { lines: 0, notes: 0 };
  };
  for (const line of content.lines) {
    if (p.due()) await p.pause();
    if (!line.ok) {
      if (content.damage === 'torn') continue; // the torn line: the acknowledgement mark tells if it mattered
      run.lines++;
      run.notes += notesIn(line.bytes, typical);
      continue;
    }
    const entry = entryOf(line.record, ctx.documentId, ctx.migrations);
    if (entry instanceof NewerVersionError) {
      if (which === 'backup') break;
      entry.file = ctx.journalPath;
      throw entry;
    }
    if (!entry || entry.seq <= last) {
      run.lines++;
      run.notes += notesIn(Buffer.from(JSON.stringify(line.record)), typical);
      continue;
    }
    endRun(entry.seq);
    last = entry.seq;
    applied++;
    if (entry.seq > loaded.seq) {
      const next = applyChange(loaded, entry);
      loaded.annotations = next.annotations;
      loaded.deleted = next.deleted;
      loaded.seq = entry.seq;
    }
  }
  endRun(undefined);
  if (which === 'live') loaded.journalLines = applied;
  return damage;
}

type LiveTail = { kind: 'whole' } | { kind: 'torn' | 'empty'; at: number };

/** Replays the live journal; says whether it ends in a torn line or is empty. */
async function replayLive(ctx: LoadContext, loaded: Loaded): Promise<LiveTail> {
  const content = await readJournal(ctx.journalPath);
  if (!content) return { kind: 'whole' };
  const damage = await replayRecords(ctx, loaded, content, 'live');
  loaded.journalBytes = content.size;
  if (damage.lines > 0) {
    const movedTo = corruptPathOf(ctx.journalPath, ctx.now());
    ctx.log(`annotations: ${damage.lines} damaged line(s) in ${ctx.journalPath}; it will be kept as ${movedTo}`);
    report(loaded, { kind: 'recovered', file: ctx.journalPath, movedTo, restoredFrom: 'backup', affected: damage.notes });
    loaded.corruptJournalTo = movedTo;
    loaded.needsSnapshot = true;
    loaded.rewrite = true;
    return { kind: 'whole' };
  }
  if (content.damage === 'torn') return { kind: 'torn', at: content.validBytes };
  return content.size === 0 ? { kind: 'empty', at: 0 } : { kind: 'whole' };
}

/** Changes acknowledged but found nowhere: the journal lost its tail. */
function checkAcknowledged(ctx: LoadContext, loaded: Loaded): void {
  if (loaded.readOnly || ctx.acknowledged === undefined || loaded.seq >= ctx.acknowledged) return;
  const missing = ctx.acknowledged - loaded.seq;
  const movedTo = loaded.corruptJournalTo ?? corruptPathOf(ctx.journalPath, ctx.now());
  ctx.log(`annotations: ${missing} acknowledged change(s) after #${loaded.seq} are missing from ${ctx.journalPath}`);
  report(loaded, { kind: 'recovered', file: ctx.journalPath, movedTo, restoredFrom: 'backup', affected: missing });
  loaded.corruptJournalTo = movedTo;
  loaded.needsSnapshot = true;
  loaded.rewrite = true;
  // From now on the loaded state is the truth: later changes continue after the mark.
  loaded.seq = ctx.acknowledged;
}

/** The median length of the journal's whole lines (what one change usually takes). */
function typicalLineBytes(content: JournalContent): number {
  const total = content.size - content.damaged.reduce((n, d) => n + d.bytes.length + 1, 0);
  const lines = content.records.length;
  return lines > 0 ? Math.max(1, total / lines) : 0;
}

const SINGLE = /"op":"(create|update|delete|restore)"/g;
const FIELDS = ['"id":"', '"documentId":"', '"createdAt":"'];

/**
 * How many notes a damaged line may have held: one for a readable change of one note; else the
 * most of: such changes seen, any field every annotation has once, the line's length in typical
 * changes — a damaged merge may have held many, and damage may have joined several lines.
 */
function notesIn(bytes: Buffer, typicalLine: number): number {
  const text = bytes.toString('latin1');
  const singles = text.match(SINGLE)?.length ?? 0;
  let most = 0;
  for (const field of FIELDS) most = Math.max(most, text.split(field).length - 1);
  if (singles === 1 && most <= 1) return 1;
  const byLength = typicalLine > 0 ? Math.round(bytes.length / typicalLine) : 0;
  return Math.max(1, singles, most, byLength);
}
