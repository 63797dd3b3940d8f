/**
 * WebAssembly kernels (`assembly/*.ts`, built by `npm run build:wasm` into `generated/`): each
 * binary compiled once per thread (`WebAssembly.Module`, kept), and an instance with memory of its
 * own made for each piece of work that needs one (cheap: the compiled code is shared), so that
 * typed arrays a result keeps over one instance's memory are never detached by another's growth.
 * For numeric loops over typed arrays: V8 compiles a module once, before it runs, where the same
 * JavaScript starts in the interpreter and is compiled (and at times thrown away and compiled
 * again) while it runs.
 */

/** What every kernel module exports beside its functions: its memory, and where the caller's part of it may start. */
export interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
}

const modules = new Map<string, WebAssembly.Module>();

/** The module whose binary is `base64`, compiled the first time in this thread (a thread that will need it can call this ahead). */
export function kernelModule(base64: string): WebAssembly.Module {
  let module = modules.get(base64);
  if (!module) {
    module = new WebAssembly.Module(Buffer.from(base64, 'base64'));
    modules.set(base64, module);
  }
  return module;
}

/** A new instance of the module whose binary is `base64`. */
export function kernelInstance<T extends KernelExports>(base64: string): T {
  return new WebAssembly.Instance(kernelModule(base64), {}).exports as unknown as T;
}

/** Byte offsets laid out in order from a start, each 8-byte aligned. */
class Layout {
  private end: number;

  constructor(start: number) {
    this.end = align(start);
  }

  /** Where the next reservation starts. */
  get top(): number {
    return this.end;
  }

  /** Moves the top back to `offset` (what was reserved after it is given up). */
  release(offset: number): void {
    this.end = offset;
  }

  reserve(bytes: number): number {
    const at = this.end;
    this.end = align(at + bytes);
    return at;
  }
}

/** An instance of a module that imports its memory, over `memory`. */
function importingInstance<T extends KernelExports>(base64: string, imports: WebAssembly.Imports, memory: WebAssembly.Memory): T {
  const exports = new WebAssembly.Instance(kernelModule(base64), { ...imports, env: { ...imports.env, memory } }).exports as unknown as T;
  return { ...exports, memory };
}

/** Where the data of a module that imports its memory ends (its `heapBase`), by module: read once a thread. */
const importingBases = new Map<string, number>();

function importingHeapBase(base64: string, imports: WebAssembly.Imports): number {
  let base = importingBases.get(base64);
  if (base === undefined) {
    base = importingInstance(base64, imports, new WebAssembly.Memory({ initial: 1 })).heapBase();
    importingBases.set(base64, base);
  }
  return base;
}

/**
 * The layout of a kernel that imports its memory (built with `--importMemory`, `IMPORTS_MEMORY` in
 * scripts/build-wasm.ts): reserved first, then `instantiate` makes the memory at the size reserved,
 * so that it never grows. A growth detaches the memory's old buffer, and the first buffer detached in
 * a thread throws away the optimised code of every function compiled on the promise that none would
 * be (37 functions of a fresh align worker, compiled again), and makes all code compiled after it
 * check every typed array it reads.
 */
export class KernelPlan extends Layout {
  constructor(
    private readonly base64: string,
    private readonly imports: WebAssembly.Imports,
  ) {
    super(importingHeapBase(base64, imports));
  }

  /** A new instance over a memory that holds what was reserved, and views of that memory. */
  instantiate<T extends KernelExports>(): { kernel: T; memory: KernelMemory } {
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(this.top / 65_536)) });
    const kernel = importingInstance<T>(this.base64, this.imports, memory);
    return { kernel, memory: new KernelMemory({ memory, heapBase: () => this.top }) };
  }
}

/**
 * A kernel instance's memory laid out by the caller: `reserve` gives 8-byte-aligned byte offsets
 * in order, `commit` grows the memory to hold what was reserved, and the views (`i32`, `f64`, ...)
 * are made after it (a growth detaches the views made before).
 */
export class KernelMemory extends Layout {
  constructor(private readonly kernel: KernelExports) {
    super(kernel.heapBase());
  }

  commit(): void {
    const need = this.top - this.kernel.memory.buffer.byteLength;
    if (need > 0) this.kernel.memory.grow(Math.ceil(need / 65_536));
  }

  /** Copies `bytes` bytes from `from` to `to` (the two may overlap). */
  move(to: number, from: number, bytes: number): void {
    new Uint8Array(this.kernel.memory.buffer).copyWithin(to, from, from + bytes);
  }

  i32(offset: number, length: number): Int32Array {
    return new Int32Array(this.kernel.memory.buffer, offset, length);
  }

  u8(offset: number, length: number): Uint8Array {
    return new Uint8Array(this.kernel.memory.buffer, offset, length);
  }

  f32(offset: number, length: number): Float32Array {
    return new Float32Array(this.kernel.memory.buffer, offset, length);
  }

  f64(offset: number, length: number): Float64Array {
    return new Float64Array(this.kernel.memory.buffer, offset, length);
  }
}

function align(offset: number): number {
  return (offset + 7) & ~7;
}
