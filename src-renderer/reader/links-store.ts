/**
 * The term links of the rows on the page, fetched lazily: a row asks for its links when it is
 * drawn (a virtualised book draws only the rows near the window), the asks of one moment go to
 * main in one `compare:links` request (at most 1,000 rows), and each row subscribes to its own
 * links and to the link lit in it, so pointing at a word re-renders one row, not the document.
 */
import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { COMPARE_LIMITS } from '../../src-main/contract/limits';
import type { RowLinks, TermLink } from '../../src-main/contract/compare';
import type { Lang } from '../../src-main/contract/ipc';
import { confidentLinks } from './term-links';

export type FetchLinks = (rowIds: string[]) => Promise<RowLinks[]>;

/** The link pointed at or focused: its row, its index in the row's list, the side it was met on. */
export interface LitLink {
  rowId: string;
  link: number;
  lang: Lang;
}

const NONE: readonly TermLink[] = Object.freeze([]);
/** How long the asks of one moment are gathered (a scroll draws rows over a few frames). */
const BATCH_MS = 40;
/**
 * While the reader scrolls, nothing is asked: links are drawn only in a row pointed at or
 * focused, and a row scrolled past needs none. They are asked for once the page has stood still
 * this long (a scroll through a book made one request, and its answer, every few frames).
 */
const SCROLL_IDLE_MS = 150;

export class LinkStore {
  private readonly links = new Map<string, readonly TermLink[]>();
  /** Rows drawn now, with how many of their views are (a row can be drawn twice while it moves). */
  private readonly watched = new Map<string, number>();
  private readonly queue = new Set<string>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lit: LitLink | null = null;
  private generation = 0;
  /** When the page last scrolled (`scrolled`), on the timers' clock. */
  private scrolledAt = -Infinity;
  /** Goes up when the links are dropped (a glossary change): the concordance asks again. */
  version = 0;
  private readonly listeners = new Set<() => void>();
  /** Main could not give links (no comparison tools): rows are drawn without them. */
  failed = false;

  constructor(private readonly fetch: FetchLinks) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** The row's confident links (an empty list until they arrive). */
  get(rowId: string): readonly TermLink[] {
    return this.links.get(rowId) ?? NONE;
  }
  has(rowId: string): boolean {
    return this.links.has(rowId);
  }

  /** A row is drawn: fetch its links if they are not known. Returns the call that forgets it. */
  watch(rowId: string): () => void {
    this.watched.set(rowId, (this.watched.get(rowId) ?? 0) + 1);
    this.ask(rowId);
    return () => {
      const n = (this.watched.get(rowId) ?? 1) - 1;
      if (n <= 0) this.watched.delete(rowId);
      else this.watched.set(rowId, n);
    };
  }

  private ask(rowId: string): void {
    if (this.failed || this.links.has(rowId) || this.pending.has(rowId)) return;
    this.queue.add(rowId);
    this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
  }

  /** The page scrolled: the asks wait until it stands still (see SCROLL_IDLE_MS). */
  scrolled(): void {
    this.scrolledAt = Date.now();
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const still = Date.now() - this.scrolledAt;
    if (still < SCROLL_IDLE_MS) {
      this.timer = setTimeout(() => void this.flush(), SCROLL_IDLE_MS - still);
      return;
    }
    // Rows scrolled past before their turn are not asked for.
    const ids = [...this.queue].filter((id) => this.watched.has(id)).slice(0, COMPARE_LIMITS.linkRows);
    for (const id of ids) this.queue.delete(id);
    for (const id of [...this.queue]) if (!this.watched.has(id)) this.queue.delete(id);
    if (this.queue.size > 0) this.timer = setTimeout(() => void this.flush(), 0);
    if (ids.length === 0) return;
    const generation = this.generation;
    for (const id of ids) this.pending.add(id);
    try {
      const answer = await this.fetch(ids);
      if (generation !== this.generation) return;
      for (const { rowId, links } of answer) this.links.set(rowId, confidentLinks(links));
      // A row main does not know (gone after a correction) has none.
      for (const id of ids) if (!this.links.has(id)) this.links.set(id, NONE);
      this.emit();
    } catch {
      if (generation === this.generation) this.failed = true;
    } finally {
      for (const id of ids) this.pending.delete(id);
    }
  }

  /** The glossary changed: links are fetched again for the rows drawn now. */
  invalidate(): void {
    this.generation++;
    this.version++;
    this.links.clear();
    this.pending.clear();
    this.failed = false;
    this.lit = null;
    for (const id of this.watched.keys()) this.ask(id);
    this.emit();
  }

  // ---- the lit link ----

  litIn(rowId: string): LitLink | null {
    return this.lit?.rowId === rowId ? this.lit : null;
  }
  getLit(): LitLink | null {
    return this.lit;
  }
  setLit(next: LitLink | null): void {
    if (next?.rowId === this.lit?.rowId && next?.link === this.lit?.link && next?.lang === this.lit?.lang) return;
    this.lit = next;
    this.emit();
  }
  /** Unlights the row's link (the pointer left the row, the focus left the term). */
  clearLit(rowId: string): void {
    if (this.lit?.rowId === rowId) this.setLit(null);
  }
}

export const LinkStoreContext = createContext<LinkStore | null>(null);

/** The row's confident links, fetched when the row is drawn. */
export function useRowLinks(rowId: string): readonly TermLink[] {
  const store = useContext(LinkStoreContext);
  useEffect(() => store?.watch(rowId), [store, rowId]);
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, () => store?.get(rowId) ?? NONE);
}

/** The link lit in this row, if any. */
export function useLitLink(rowId: string): LitLink | null {
  const store = useContext(LinkStoreContext);
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, () => store?.litIn(rowId) ?? null);
}

/** Changes when the links were dropped (the glossary changed). */
export function useLinksVersion(): number {
  const store = useContext(LinkStoreContext);
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, () => store?.version ?? 0);
}

export function useLinkStore(): LinkStore | null {
  return useContext(LinkStoreContext);
}

const noSubscribe = () => () => undefined;
