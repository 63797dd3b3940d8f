/**
 * The comparison tools' side of the reading screen: the document's findings (computed by main's
 * worker), the dismissed ones, the glossaries and where their terms are in the rows, and the last
 * selection in each column (for "Add to glossary"). One object per open document, reached from the
 * action registry through `compareOf(app)` and from components through `CompareContext`.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { COMPARE_LIMITS } from '../../src-main/contract/limits';
import type { FindingKind, FindingsView, GlossaryScope, GlossaryView, TermLink } from '../../src-main/contract/compare';
import type { Lang } from '../../src-main/contract/ipc';
import { expectOk, getApi } from '../api';
import type { ReaderController } from '../reader/controller';
import type { RowEntry } from '../reader/model';
import type { TextSelection } from '../reader/selection';
import { chunks, type HeldSelection, kindsByRow } from './checks';

export type Loading<T> = { status: 'loading'; value?: T } | { status: 'ready'; value: T } | { status: 'error'; value?: T; error: string };

export interface CompareState {
  findings: Loading<FindingsView>;
  dismissed: ReadonlySet<string>;
  /** Kinds of the open findings of each row, by row id. */
  byRow: ReadonlyMap<string, readonly FindingKind[]>;
  glossary: Loading<GlossaryView>;
  /** Glossary links (both sides) of each row that has some, by row id. */
  terms: ReadonlyMap<string, readonly TermLink[]>;
  /** The Checks panel shows this row's findings only (opened from a row's mark). */
  panelRow: string | undefined;
  /** The glossary the Glossary panel shows: this document's or all documents'; a term saved goes to view with it. */
  glossaryScope: GlossaryScope;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const EMPTY_BY_ROW: ReadonlyMap<string, readonly FindingKind[]> = new Map();

export class CompareModel {
  private current: CompareState = {
    findings: { status: 'loading' },
    dismissed: new Set(),
    byRow: EMPTY_BY_ROW,
    glossary: { status: 'loading' },
    terms: new Map(),
    panelRow: undefined,
    glossaryScope: 'document',
  };
  private readonly listeners = new Set<() => void>();
  private seq = 0;
  /** Glossary reloads overlap (a delete, then Undo at once): only the latest one's answers count. */
  private glossarySeq = 0;
  private entries: readonly RowEntry[] = [];
  /** The last selection made in each column. */
  readonly held: Partial<Record<Lang, HeldSelection>> = {};

  constructor(readonly documentId: string) {}

  get state(): CompareState {
    return this.current;
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  private set(patch: Partial<CompareState>): void {
    this.current = { ...this.current, ...patch };
    if (patch.findings || patch.dismissed) {
      const view = this.current.findings.value;
      this.current.byRow = view ? kindsByRow(view.findings, this.current.dismissed) : EMPTY_BY_ROW;
    }
    for (const listener of [...this.listeners]) listener();
  }

  /** The rows changed (opened, or the alignment corrected): the findings and term marks again. */
  rowsChanged(entries: readonly RowEntry[]): void {
    if (entries === this.entries) return;
    this.entries = entries;
    void this.reloadAll();
  }

  async reloadAll(): Promise<void> {
    await Promise.all([this.reloadGlossary(), this.reloadFindings()]);
  }

  async reloadFindings(): Promise<void> {
    const seq = ++this.seq;
    this.set({ findings: { status: 'loading', ...(this.current.findings.value ? { value: this.current.findings.value } : {}) } });
    try {
      const view = await expectOk(getApi().compareFindings({ documentId: this.documentId }));
      if (seq !== this.seq) return;
      this.set({ findings: { status: 'ready', value: view }, dismissed: new Set(view.dismissed) });
    } catch (e) {
      if (seq === this.seq) this.set({ findings: { status: 'error', error: message(e) } });
    }
  }

  async reloadGlossary(): Promise<void> {
    const seq = ++this.glossarySeq;
    try {
      const view = await expectOk(getApi().listGlossary({ documentId: this.documentId }));
      if (seq !== this.glossarySeq) return;
      this.set({ glossary: { status: 'ready', value: view } });
      await this.reloadTerms(view, seq);
    } catch (e) {
      if (seq === this.glossarySeq) this.set({ glossary: { status: 'error', error: message(e) } });
    }
  }

  /** Where the glossary's terms are, from main's glossary links (none asked for an empty glossary). */
  private async reloadTerms(view: GlossaryView, seq: number): Promise<void> {
    if (view.document.length + view.global.length === 0) return this.set({ terms: new Map() });
    const terms = new Map<string, TermLink[]>();
    try {
      for (const rowIds of chunks(
        this.entries.map((e) => e.row.id),
        COMPARE_LIMITS.linkRows,
      )) {
        const rows = await expectOk(getApi().compareLinks({ documentId: this.documentId, rowIds }));
        for (const row of rows) {
          const links = row.links.filter((l) => l.class === 'glossary');
          if (links.length > 0) terms.set(row.rowId, links);
        }
      }
      if (seq === this.glossarySeq) this.set({ terms });
    } catch {
      // The terms are not marked; the glossary and the checks still work.
    }
  }

  /** The glossary changed: its list, the term marks and the findings (glossary checks) again. */
  async glossaryChanged(): Promise<void> {
    await Promise.all([this.reloadGlossary(), this.reloadFindings()]);
  }

  /** Dismisses a finding or brings it back; saved by main. Throws when it could not be saved. */
  async dismiss(findingId: string, dismissed: boolean): Promise<void> {
    const before = this.current.dismissed;
    const next = new Set(before);
    if (dismissed) next.add(findingId);
    else next.delete(findingId);
    this.set({ dismissed: next });
    try {
      const saved = await expectOk(getApi().dismissFinding({ documentId: this.documentId, findingId, dismissed }));
      this.set({ dismissed: new Set(saved.dismissed) });
    } catch (e) {
      this.set({ dismissed: before });
      throw e;
    }
  }

  /** The Glossary panel shows the terms of `scope` (chosen there, or where a term was just saved). */
  showGlossaryScope(scope: GlossaryScope): void {
    this.set({ glossaryScope: scope });
  }

  showRow(rowId: string | undefined): void {
    this.set({ panelRow: rowId });
  }

  /** Remembers a selection in one column (the other half of a term pair may come next). */
  hold(selection: TextSelection, rowId: string): void {
    this.held[selection.lang] = { lang: selection.lang, rowId, text: selection.text };
  }
}

const models = new WeakMap<ReaderController, CompareModel>();

/** The comparison model of the reader's open document. */
export function compareOf(app: ReaderController): CompareModel {
  let model = models.get(app);
  if (!model || model.documentId !== app.doc.manifest.id) {
    model = new CompareModel(app.doc.manifest.id);
    models.set(app, model);
  }
  return model;
}

export const CompareContext = createContext<CompareModel | null>(null);

export function useCompare(): CompareModel {
  const model = useContext(CompareContext);
  if (!model) throw new Error('useCompare outside the reader');
  return model;
}

/** A slice of the comparison state (return a stable value: a field, a primitive). */
export function useCompareState<T>(select: (state: CompareState) => T): T {
  const model = useCompare();
  return useSyncExternalStore(model.subscribe, () => select(model.state));
}

/** The same, where the reader may not provide a model (a row drawn outside the reader). */
export function useOptionalCompareState<T>(select: (state: CompareState) => T, fallback: T): T {
  const model = useContext(CompareContext);
  return useSyncExternalStore(model ? model.subscribe : noSubscribe, () => (model ? select(model.state) : fallback));
}
const noSubscribe = () => () => undefined;
