/** `buildApi`: the early methods are invoked once at build, and their first call gets that answer. */
import { describe, expect, it } from 'vitest';
import { buildApi, type Channel, EARLY_METHODS } from '../../contract/channels';

function recorder() {
  const calls: Array<[Channel, unknown]> = [];
  let n = 0;
  const invoke = async (channel: Channel, payload: unknown) => {
    calls.push([channel, payload]);
    return { ok: true, value: { channel, n: ++n } };
  };
  return { calls, invoke };
}

describe('buildApi', () => {
  it('asks for nothing until called, without early methods', async () => {
    const r = recorder();
    const api = buildApi(r.invoke, () => () => undefined);
    expect(r.calls).toEqual([]);
    await api.getSettings();
    expect(r.calls).toEqual([['settings:get', undefined]]);
  });

  it('invokes the early methods at once; the first call takes that answer, the next asks again', async () => {
    const r = recorder();
    const api = buildApi(r.invoke, () => () => undefined, { early: EARLY_METHODS });
    expect(r.calls.map(([c]) => c)).toEqual(['settings:get', 'documents:open-first']);
    expect(await api.openFirstDocument()).toEqual({ ok: true, value: { channel: 'documents:open-first', n: 2 } });
    expect(r.calls).toHaveLength(2);
    expect(await api.openFirstDocument()).toEqual({ ok: true, value: { channel: 'documents:open-first', n: 3 } });
    expect(await api.getSettings()).toEqual({ ok: true, value: { channel: 'settings:get', n: 1 } });
    expect(r.calls).toHaveLength(3);
  });

  it('hands an early failure to the first caller', async () => {
    const api = buildApi(async () => Promise.reject(new Error('main is gone')), () => () => undefined, { early: ['getSettings'] });
    await new Promise((done) => setTimeout(done, 0));
    await expect(api.getSettings()).rejects.toThrow('main is gone');
  });
});
