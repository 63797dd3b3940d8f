/**
 * The comparison tools as main serves them: glossaries (per document and global) with import and
 * export, the document's findings and term links (computed in the worker, cached until the rows or
 * the glossaries change), dismissed findings, the findings' export and the concordance.
 */
import { randomUUID } from 'node:crypto';
import type { SaveExport, SaveExportResult } from '../annotations/service';
import type { ComparedDocument } from '../compare/analyse';
import type { CheckRow, GlossaryPair } from '../compare/checks';
import { type ConcordanceResult, concordance } from '../compare/concordance';
import { type FindingsExportFormat, exportFindings } from '../compare/findings-export';
import {
  GLOSSARY_LIMITS,
  type GlossaryDraft,
  type GlossaryEntry,
  type GlossaryFormat,
  type GlossaryScope,
  glossaryFormatOf,
  parseGlossary,
  serialiseGlossary,
} from '../compare/glossary';
import { AppError, DetailedError } from '../errors';
import type { Lang } from '../model';
import type { FindingsView, GlossaryImportReport, GlossaryView, RowLinks } from '../../contract/compare';
import type { CompareRunner } from './runner';
import type { CompareStore } from './store';

export interface CompareSources {
  /** The document's aligned rows as the reader sees them (corrections applied). */
  rows(documentId: string): Promise<{ title: string; rows: CheckRow[] }>;
  /** Throws `not-found` for a document the library does not have. */
  exists(documentId: string): Promise<void>;
}

export class CompareService {
  private readonly cache = new Map<string, { signature: string; analysis: Promise<ComparedDocument>; rows: CheckRow[] }>();

  constructor(
    private readonly store: CompareStore,
    private readonly sources: CompareSources,
    private readonly runner: CompareRunner,
    private readonly saveExport: SaveExport,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // ---- Glossary ----

  async glossary(documentId: string): Promise<GlossaryView> {
    await this.sources.exists(documentId);
    const [doc, global] = await Promise.all([this.store.glossary(documentId).read(), this.store.glossary().read()]);
    return { document: doc.value.entries, global: global.value.entries, warnings: [...global.warnings, ...doc.warnings] };
  }

  private fileOf(scope: GlossaryScope, documentId: string) {
    return scope === 'global' ? this.store.glossary() : this.store.glossary(documentId);
  }

  async addTerm(scope: GlossaryScope, documentId: string, draft: GlossaryDraft): Promise<GlossaryEntry> {
    await this.sources.exists(documentId);
    return this.fileOf(scope, documentId).change((file) => {
      if (file.entries.length >= GLOSSARY_LIMITS.entries) throw new AppError('bad-request', `At most ${GLOSSARY_LIMITS.entries} terms in a glossary`);
      const at = this.now().toISOString();
      const entry: GlossaryEntry = { id: randomUUID(), en: draft.en.trim(), ru: draft.ru.trim(), ...(draft.note ? { note: draft.note } : {}), createdAt: at, updatedAt: at };
      return { value: { ...file, entries: [...file.entries, entry] }, result: entry };
    });
  }

  async updateTerm(scope: GlossaryScope, documentId: string, id: string, draft: GlossaryDraft): Promise<GlossaryEntry> {
    await this.sources.exists(documentId);
    return this.fileOf(scope, documentId).change((file) => {
      const old = file.entries.find((e) => e.id === id);
      if (!old) throw new AppError('not-found', 'This term is no longer in the glossary');
      const { note: _dropped, ...rest } = old;
      const entry: GlossaryEntry = { ...rest, en: draft.en.trim(), ru: draft.ru.trim(), ...(draft.note ? { note: draft.note } : {}), updatedAt: this.now().toISOString() };
      return { value: { ...file, entries: file.entries.map((e) => (e.id === id ? entry : e)) }, result: entry };
    });
  }

  async deleteTerm(scope: GlossaryScope, documentId: string, id: string): Promise<GlossaryEntry> {
    await this.sources.exists(documentId);
    return this.fileOf(scope, documentId).change((file) => {
      const old = file.entries.find((e) => e.id === id);
      if (!old) throw new AppError('not-found', 'This term is no longer in the glossary');
      return { value: { ...file, entries: file.entries.filter((e) => e.id !== id) }, result: old };
    });
  }

  async importGlossary(scope: GlossaryScope, documentId: string, name: string, content: string): Promise<GlossaryImportReport> {
    await this.sources.exists(documentId);
    const format = glossaryFormatOf(name);
    if (!format) throw new DetailedError('bad-request', `“${name}” is not a glossary file: choose a .csv, .tsv or .tbx file`, { glossaryReason: 'not-glossary-file', params: { name } });
    const parsed = parseGlossary(content, format);
    if (parsed.unclosedQuoteLine !== undefined) {
      const line = parsed.unclosedQuoteLine;
      throw new DetailedError('bad-request', `Line ${line} of “${name}” opens a quote that is never closed; nothing was added`, { glossaryReason: 'unclosed-quote', params: { name, line } });
    }
    if (parsed.drafts.length === 0) throw new DetailedError('bad-request', `No term pairs found in “${name}”`, { glossaryReason: 'no-pairs', params: { name } });
    return this.fileOf(scope, documentId).change((file) => {
      const known = new Set(file.entries.map((e) => `${e.en.toLowerCase()}\u0000${e.ru.toLowerCase()}`));
      const at = this.now().toISOString();
      const added: GlossaryEntry[] = [];
      let already = 0;
      for (const d of parsed.drafts) {
        const key = `${d.en.toLowerCase()}\u0000${d.ru.toLowerCase()}`;
        if (known.has(key)) {
          already++;
          continue;
        }
        known.add(key);
        added.push({ id: randomUUID(), ...d, createdAt: at, updatedAt: at });
      }
      if (file.entries.length + added.length > GLOSSARY_LIMITS.entries) {
        throw new DetailedError('bad-request', `At most ${GLOSSARY_LIMITS.entries} terms in a glossary`, { glossaryReason: 'too-many-terms', params: { max: GLOSSARY_LIMITS.entries } });
      }
      return { value: { ...file, entries: [...file.entries, ...added] }, result: { added: added.length, known: already, problems: parsed.problems } };
    });
  }

  async exportGlossary(scope: GlossaryScope, documentId: string, format: GlossaryFormat): Promise<SaveExportResult> {
    await this.sources.exists(documentId);
    const { value } = await this.fileOf(scope, documentId).read();
    const name = scope === 'global' ? 'glossary' : `${documentId}-glossary`;
    return this.saveExport(`${name}.${format}`, serialiseGlossary(value.entries, format));
  }

  // ---- Findings and links ----

  private async analysis(documentId: string): Promise<{ analysis: ComparedDocument; rows: CheckRow[]; title: string }> {
    const [{ title, rows }, glossary] = await Promise.all([this.sources.rows(documentId), this.glossary(documentId)]);
    const pairs: GlossaryPair[] = [...glossary.document, ...glossary.global].map((e) => ({ en: e.en, ru: e.ru }));
    const signature = JSON.stringify([rows.map((r) => [r.id, r.en, r.ru]), pairs]);
    let cached = this.cache.get(documentId);
    if (!cached || cached.signature !== signature) {
      const analysis = this.runner.run({ rows, glossary: pairs });
      cached = { signature, analysis, rows };
      this.cache.set(documentId, cached);
      analysis.catch(() => this.cache.delete(documentId));
    }
    return { analysis: await cached.analysis, rows: cached.rows, title };
  }

  async findings(documentId: string): Promise<FindingsView> {
    const [{ analysis, rows }, dismissed] = await Promise.all([this.analysis(documentId), this.store.dismissed(documentId).read()]);
    const ids = new Set(analysis.findings.map((f) => f.id));
    return { findings: analysis.findings, dismissed: dismissed.value.dismissed.map((d) => d.id).filter((id) => ids.has(id)), rows: rows.length, warnings: dismissed.warnings };
  }

  async links(documentId: string, rowIds: readonly string[]): Promise<RowLinks[]> {
    const { analysis, rows } = await this.analysis(documentId);
    const wanted = new Set(rowIds);
    const out: RowLinks[] = [];
    rows.forEach((row, k) => {
      if (wanted.has(row.id)) out.push({ rowId: row.id, links: analysis.links.row(k) });
    });
    return out;
  }

  async dismiss(documentId: string, findingId: string, dismissed: boolean): Promise<{ dismissed: string[] }> {
    await this.sources.exists(documentId);
    const at = this.now().toISOString();
    const list = await this.store.dismissed(documentId).change((file) => {
      const rest = file.dismissed.filter((d) => d.id !== findingId);
      const next = dismissed ? [...rest, { id: findingId, at }].slice(-50_000) : rest;
      return { value: { ...file, dismissed: next }, result: next.map((d) => d.id) };
    });
    return { dismissed: list };
  }

  async exportFindings(documentId: string, format: FindingsExportFormat): Promise<SaveExportResult> {
    const [{ analysis, rows, title }, dismissed] = await Promise.all([this.analysis(documentId), this.store.dismissed(documentId).read()]);
    const content = exportFindings(format, analysis.findings, rows, { title, dismissed: new Set(dismissed.value.dismissed.map((d) => d.id)) });
    return this.saveExport(`${documentId}-checks.${format === 'markdown' ? 'md' : 'csv'}`, content);
  }

  async concordance(documentId: string, query: string, lang: Lang): Promise<ConcordanceResult> {
    const { analysis, rows } = await this.analysis(documentId);
    return concordance(rows, query, lang, { linksOf: (k) => analysis.links.row(k), stems: analysis.stems });
  }
}

/** The rows of a document view as the comparison sees them (clauses of a side joined by a space). */
export function rowsOfBody(body: { groups: { rows: { id: string; en: { text: string }[]; ru: { text: string }[] }[] }[] }): CheckRow[] {
  return body.groups.flatMap((g) => g.rows.map((r) => ({ id: r.id, en: r.en.map((c) => c.text).join(' '), ru: r.ru.map((c) => c.text).join(' ') })));
}
