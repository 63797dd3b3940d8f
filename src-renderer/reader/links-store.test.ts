import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RowLinks, TermLink } from '../../src-main/contract/compare';
import { LinkStore } from './links-store';

const link = (score: number): TermLink => ({ class: 'learned', en: { start: 0, end: 3 }, ru: { start: 0, end: 3 }, score });

/** A main that answers each row with one strong and one weak link, and records the requests. */
function fakeMain() {
  const requests: string[][] = [];
  let fail = false;
  const fetch = async (rowIds: string[]): Promise<RowLinks[]> => {
    requests.push(rowIds);
    if (fail) throw new Error('no comparison tools');
    return rowIds.filter((id) => id !== 'gone').map((rowId) => ({ rowId, links: [link(0.9), link(0.2)] }));
  };
  return { requests, fetch, failNext: () => (fail = true) };
}

describe('the term links of the rows drawn', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks main once for the rows drawn at one moment, and keeps only confident links', async () => {
    const main = fakeMain();
    const store = new LinkStore(main.fetch);
    const changed = vi.fn();
    store.subscribe(changed);
    for (const id of ['r1', 'r2', 'r3']) store.watch(id);
    expect(main.requests).toEqual([]);
    await vi.runAllTimersAsync();
    expect(main.requests).toEqual([['r1', 'r2', 'r3']]);
    expect(store.get('r2')).toEqual([link(0.9)]);
    expect(changed).toHaveBeenCalled();
    // Drawn again: known, not asked for again.
    store.watch('r2');
    await vi.runAllTimersAsync();
    expect(main.requests).toHaveLength(1);
  });

  it('does not ask for rows scrolled away before their turn; a row main does not know has none', async () => {
    const main = fakeMain();
    const store = new LinkStore(main.fetch);
    const forget = store.watch('passing');
    store.watch('gone');
    forget();
    await vi.runAllTimersAsync();
    expect(main.requests).toEqual([['gone']]);
    expect(store.has('gone')).toBe(true);
    expect(store.get('gone')).toEqual([]);
  });

  it('asks nothing while the page scrolls; the rows still drawn once it stands still', async () => {
    const main = fakeMain();
    const store = new LinkStore(main.fetch);
    // A scroll through the text: a row drawn and scrolled past every frame, the page moving.
    for (let i = 0; i < 30; i++) {
      store.scrolled();
      const forget = store.watch(`passing${i}`);
      await vi.advanceTimersByTimeAsync(16);
      forget();
    }
    store.scrolled();
    store.watch('here');
    await vi.advanceTimersByTimeAsync(100);
    expect(main.requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(main.requests).toEqual([['here']]);
    expect(store.get('here')).toEqual([link(0.9)]);
  });

  it('at most 1,000 rows a request', async () => {
    const main = fakeMain();
    const store = new LinkStore(main.fetch);
    for (let i = 0; i < 1500; i++) store.watch(`r${i}`);
    await vi.runAllTimersAsync();
    expect(main.requests.map((r) => r.length)).toEqual([1000, 500]);
  });

  it('after a glossary change, asks again for the rows still drawn', async () => {
    const main = fakeMain();
    const store = new LinkStore(main.fetch);
    store.watch('r1');
    store.watch('r2')();
    await vi.runAllTimersAsync();
    const before = store.version;
    store.invalidate();
    expect(store.version).toBe(before + 1);
    expect(store.has('r1')).toBe(false);
    await vi.runAllTimersAsync();
    expect(main.requests.at(-1)).toEqual(['r1']);
    expect(store.get('r1')).toHaveLength(1);
  });

  it('stops asking when main has no links to give', async () => {
    const main = fakeMain();
    const store = new LinkStore(main.fetch);
    main.failNext();
    store.watch('r1');
    await vi.runAllTimersAsync();
    expect(store.failed).toBe(true);
    store.watch('r2');
    await vi.runAllTimersAsync();
    expect(main.requests).toHaveLength(1);
  });

  it('lights one link at a time, seen only by its row', () => {
    const store = new LinkStore(fakeMain().fetch);
    store.setLit({ rowId: 'r1', link: 2, lang: 'en' });
    expect(store.litIn('r1')).toEqual({ rowId: 'r1', link: 2, lang: 'en' });
    expect(store.litIn('r2')).toBeNull();
    store.clearLit('r2');
    expect(store.getLit()).not.toBeNull();
    store.clearLit('r1');
    expect(store.getLit()).toBeNull();
  });
});
