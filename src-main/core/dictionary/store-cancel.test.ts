/** Cancelling a dictionary add while it is being indexed: it fails with `cancelled`, nothing is kept. */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDictionary } from './dictionary';
import type { PrepareDictionary } from './index-runner';
import { DictionaryStore } from './store';
import { EN_RU, writeDictd } from './testing';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bitext-dict-cancel-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Indexes like the worker, but waits until released, and gives up when the signal aborts. */
function slowPrepare(): { prepare: PrepareDictionary; release: () => void; started: Promise<void> } {
  let release = () => undefined as void;
  let started = () => undefined as void;
  const startedPromise = new Promise<void>((done) => (started = done));
  const gate = new Promise<void>((done) => (release = done));
  const prepare: PrepareDictionary = (files, signal) =>
    new Promise((resolve, reject) => {
      started();
      signal?.addEventListener('abort', () => reject(new Error('aborted')));
      void gate.then(() => prepareDictionary(files).then(resolve, reject));
    });
  return { prepare, release, started: startedPromise };
}

describe('DictionaryStore.cancelAdd', () => {
  it('stops the add being indexed: it fails with cancelled and leaves no folder', async () => {
    const slow = slowPrepare();
    const store = new DictionaryStore(join(root, 'dictionaries'), undefined, slow.prepare);
    const adding = store.add(writeDictd('tiny', EN_RU));
    await slow.started;
    expect(store.cancelAdd()).toEqual({ cancelled: true });
    await expect(adding).rejects.toMatchObject({ code: 'cancelled' });
    expect(await store.list()).toEqual([]);
    const dir = join(root, 'dictionaries');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('says when nothing was being added, and the next add works', async () => {
    const slow = slowPrepare();
    const store = new DictionaryStore(join(root, 'dictionaries'), undefined, slow.prepare);
    expect(store.cancelAdd()).toEqual({ cancelled: false });
    slow.release();
    const info = await store.add(writeDictd('tiny', EN_RU));
    expect(info.entries).toBe(EN_RU.length);
    expect((await store.list()).map((d) => d.id)).toEqual([info.id]);
  });
});
