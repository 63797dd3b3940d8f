/**
 * A fault-injecting file layer for tests. Every module under `core/` reaches the disk through
 * `promises` of `node:fs`; this wraps that object's methods so chosen calls fail with a real
 * errno-style error (`code`, `syscall`, `path`), as the operating system would. It stands in
 * where permissions cannot be used: tests run as root in CI, and root reads a `chmod 000` file
 * and writes into a `chmod 555` folder.
 *
 * Not for production code: nothing outside tests imports it.
 */
import { promises as fs } from 'node:fs';
import { resolve, sep } from 'node:path';

export type FsAccess = 'read' | 'write';

export interface FsCall {
  /** The `fs.promises` method (`readFile`, `rename`, …). */
  method: string;
  /** The path it touches (for two-path calls, each path is checked on its own). */
  path: string;
  access: FsAccess;
}

/** Says which errno code a call fails with (`EACCES`, `EROFS`, …), or `undefined` to let it run. */
export type FaultRule = (call: FsCall) => string | undefined;

type PathArgs = Array<{ index: number; access: FsAccess }>;

const READ: PathArgs = [{ index: 0, access: 'read' }];
const WRITE: PathArgs = [{ index: 0, access: 'write' }];
const FROM_TO: PathArgs = [
  { index: 0, access: 'write' },
  { index: 1, access: 'write' },
];
const COPY: PathArgs = [
  { index: 0, access: 'read' },
  { index: 1, access: 'write' },
];

/** The methods wrapped, and which of their arguments are paths read or written. */
const METHODS: Record<string, PathArgs> = {
  readFile: READ,
  readdir: READ,
  opendir: READ,
  stat: READ,
  lstat: READ,
  access: READ,
  realpath: READ,
  readlink: READ,
  writeFile: WRITE,
  appendFile: WRITE,
  mkdir: WRITE,
  mkdtemp: WRITE,
  rm: WRITE,
  rmdir: WRITE,
  unlink: WRITE,
  chmod: WRITE,
  chown: WRITE,
  truncate: WRITE,
  utimes: WRITE,
  rename: FROM_TO,
  link: FROM_TO,
  symlink: [{ index: 1, access: 'write' }],
  copyFile: COPY,
  cp: COPY,
};

/** An error shaped like the ones `fs.promises` rejects with. */
export function errnoError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: injected fault, ${syscall} '${path}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = path;
  return error;
}

/**
 * Makes `fs.promises` calls fail by `rule` until the returned function is called. `open` counts as
 * a read with flag `r` (or none) and as a write otherwise.
 */
export function injectFsFaults(rule: FaultRule): () => void {
  const target = fs as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const originals = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const wrap = (method: string, pathsOf: (args: unknown[]) => PathArgs) => {
    const original = target[method];
    if (typeof original !== 'function') return;
    originals.set(method, original);
    target[method] = async (...args: unknown[]) => {
      for (const { index, access } of pathsOf(args)) {
        const path = pathText(args[index]);
        if (path === undefined) continue;
        const code = rule({ method, path, access });
        if (code) throw errnoError(code, method, path);
      }
      return original.apply(fs, args);
    };
  };
  for (const [method, paths] of Object.entries(METHODS)) wrap(method, () => paths);
  wrap('open', (args) => {
    const flags = args[1];
    const reading = flags === undefined || flags === 'r' || flags === 0;
    return [{ index: 0, access: reading ? 'read' : 'write' }];
  });
  return () => {
    for (const [method, original] of originals) target[method] = original;
  };
}

/** Whether `path` is `root` or inside it. */
export function isWithin(path: string, root: string): boolean {
  const p = resolve(path);
  const r = resolve(root);
  return p === r || p.startsWith(r.endsWith(sep) ? r : r + sep);
}

/** A folder on a read-only file system: reads work, every write under it fails with `EROFS`. */
export function readOnlyFolder(root: string): FaultRule {
  return (call) => (call.access === 'write' && isWithin(call.path, root) ? 'EROFS' : undefined);
}

/** One file the process may not read (`EACCES`), as after `chmod 000` for a normal user. */
export function unreadableFile(file: string): FaultRule {
  return (call) => (call.access === 'read' && resolve(call.path) === resolve(file) && call.method !== 'access' ? 'EACCES' : undefined);
}

/** The first rule that fails a call decides. */
export function anyOf(...rules: FaultRule[]): FaultRule {
  return (call) => {
    for (const rule of rules) {
      const code = rule(call);
      if (code) return code;
    }
    return undefined;
  };
}

function pathText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof URL) return value.pathname;
  if (Buffer.isBuffer(value)) return value.toString();
  return undefined;
}
