import { describe, expect, it } from 'vitest';
import { wasm } from './generated/align-dp';
import { KernelPlan } from './kernel';

describe('KernelPlan', () => {
  it('makes the memory at the size reserved, after the module’s own data', () => {
    const imports = { 'align-dp': { exp: Math.exp, log: Math.log, log1p: Math.log1p } };
    const plan = new KernelPlan(wasm, imports);
    const first = plan.reserve(100_000);
    const second = plan.reserve(3);
    expect(first).toBeGreaterThan(0);
    expect(first % 8).toBe(0);
    expect(second).toBe(first + 100_000);
    const { kernel, memory } = plan.instantiate();
    expect(kernel.memory.buffer.byteLength).toBeGreaterThanOrEqual(second + 3);
    expect(kernel.memory.buffer.byteLength).toBeLessThan(second + 3 + 65_536);
    expect(memory.u8(second, 3)).toHaveLength(3);
    // A second plan of the same module starts at the same place (the module's data end, read once).
    expect(new KernelPlan(wasm, imports).reserve(1)).toBe(first);
  });

  it('leaves the dynamic programme nothing to grow: no buffer is detached', async () => {
    // The first buffer detached in a thread throws away optimised code (see KernelPlan): growing a
    // memory detaches its buffer, so a search must find its memory large enough from the start.
    const grow = WebAssembly.Memory.prototype.grow;
    let grown = 0;
    WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, delta: number): number {
      grown++;
      return grow.call(this, delta);
    };
    try {
      const { alignSequences } = await import('../align/align');
      const en = Array.from({ length: 400 }, (_, k) => `Sentence number ${k} of the English text, about topic ${k % 7}.`);
      const ru = Array.from({ length: 400 }, (_, k) => `Предложение номер ${k} русского текста, о теме ${k % 7}.`);
      expect(alignSequences(en, ru).length).toBeGreaterThan(300);
      expect(grown).toBe(0);
      // The count sees a growth.
      new WebAssembly.Memory({ initial: 1 }).grow(1);
      expect(grown).toBe(1);
    } finally {
      WebAssembly.Memory.prototype.grow = grow;
    }
  });
});
