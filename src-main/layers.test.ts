/**
 * The layers, checked on every import of every source file (the VS Code `code-layering` idea):
 *
 * - the contract (`src-main/contract/`) is the bottom layer: it imports nothing of the project
 *   outside itself, and no package but zod;
 * - the renderer imports nothing from `src-main/` but the contract (its tests may use main's
 *   services to build fixtures: they run in Node and are never bundled);
 * - `src-main/core/` never imports `electron` (it runs under Node tests); only the Electron glue
 *   (`src-main/electron/`) and the preload do;
 * - `core/align`, `core/text` and `core/export` import no Node built-in (they could run in a worker
 *   or the renderer); their tests may read fixtures from disk;
 * - the renderer reaches main through one gateway, `src-renderer/api.ts`: no other file touches
 *   `window.bitext` (the preload's API, typed by the contract's `BitextApi`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));

interface SourceFile {
  /** Repository-relative, with `/`. */
  path: string;
  text: string;
}

/** Module specifiers of static imports, re-exports, `import()` types and calls, and `require()`. */
function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!);
const isTest = (path: string) => /\.(test|spec)\.tsx?$/.test(path);
const under = (path: string, folder: string) => path.startsWith(`${folder}/`);

/** Where a relative specifier points, repository-relative; `null` for a package or built-in. */
function target(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(REPO, resolve(REPO, dirname(from), specifier)).split(sep).join('/');
}

interface Rule {
  name: string;
  applies: (path: string) => boolean;
  /** Why the import is refused, or `null` when it is allowed. */
  refuses: (specifier: string, resolved: string | null) => string | null;
}

const RULES: Rule[] = [
  {
    name: 'the contract imports nothing of the project, and no package but zod',
    applies: (path) => under(path, 'src-main/contract'),
    refuses: (specifier, resolved) => {
      if (resolved !== null) return under(resolved, 'src-main/contract') ? null : 'outside the contract';
      return specifier === 'zod' ? null : 'a package other than zod';
    },
  },
  {
    name: 'the renderer imports only the contract from src-main/',
    applies: (path) => under(path, 'src-renderer') && !isTest(path),
    refuses: (_specifier, resolved) =>
      resolved !== null && under(resolved, 'src-main') && !under(resolved, 'src-main/contract') ? 'main-side code' : null,
  },
  {
    name: 'only src-main/electron and the preload import electron',
    applies: (path) => !under(path, 'src-main/electron') && !under(path, 'src-main/preload'),
    refuses: (specifier) => (specifier === 'electron' || specifier.startsWith('electron/') ? 'electron' : null),
  },
  {
    name: 'core/align, core/text and core/export import no Node built-in',
    applies: (path) =>
      ['src-main/core/align', 'src-main/core/text', 'src-main/core/export'].some((folder) => under(path, folder)) && !isTest(path),
    refuses: (specifier) => (isNodeBuiltin(specifier) ? 'a Node built-in' : null),
  },
];

function violations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    for (const rule of RULES) {
      if (!rule.applies(file.path)) continue;
      for (const specifier of importsOf(file.text)) {
        const why = rule.refuses(specifier, target(file.path, specifier));
        if (why) out.push(`${file.path} imports '${specifier}' (${why}): ${rule.name}`);
      }
    }
  }
  return out;
}

function sources(folder: string): SourceFile[] {
  return readdirSync(join(REPO, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name))
    .map((entry) => relative(REPO, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.includes('node_modules/'))
    .map((path) => ({ path, text: readFileSync(join(REPO, path), 'utf8') }));
}

describe('layers', () => {
  // This file holds refused imports as test data.
  const tree = [...sources('src-main'), ...sources('src-renderer')].filter((f) => f.path !== 'src-main/layers.test.ts');

  it('the scanner sees the imports of the real tree', () => {
    expect(tree.length).toBeGreaterThan(50);
    const handlers = tree.find((f) => f.path === 'src-main/core/ipc/handlers.ts')!;
    expect(importsOf(handlers.text)).toContain('../../contract/ipc');
    expect(importsOf("const w: import('./a').B = require('c');\nexport * from './d';\nimport './e.css';\nconst s = 'x:import';")).toEqual([
      './d',
      './e.css',
      './a',
      'c',
    ]);
  });

  it('refuses an import against each rule', () => {
    const bad: SourceFile[] = [
      { path: 'src-main/contract/x.ts', text: "import type { Lang } from '../core/model';\nimport React from 'react';" },
      { path: 'src-renderer/x.tsx', text: "import { alignText } from '../src-main/core/align/align';" },
      { path: 'src-main/core/x.ts', text: "import { app } from 'electron';" },
      { path: 'src-main/core/text/x.ts', text: "import { readFileSync } from 'node:fs';\nimport path from 'path';" },
    ];
    expect(violations(bad)).toHaveLength(6);
    const good: SourceFile[] = [
      { path: 'src-main/contract/x.ts', text: "import { z } from 'zod';\nimport { LANGS } from './enums';" },
      { path: 'src-renderer/x.tsx', text: "import type { Lang } from '../src-main/contract/ipc';" },
      { path: 'src-renderer/x.test.ts', text: "import { DocumentLibrary } from '../src-main/core/documents/library';" },
      { path: 'src-main/core/text/x.test.ts', text: "import { readFileSync } from 'node:fs';" },
    ];
    expect(violations(good)).toEqual([]);
  });

  it('only the gateway touches the preload API', () => {
    const GATEWAY = ['src-renderer/api.ts'];
    const touching = tree.filter((f) => under(f.path, 'src-renderer') && /\bwindow\s*\.\s*bitext\b|\['bitext'\]/.test(f.text));
    expect(touching.map((f) => f.path).sort()).toEqual(GATEWAY);
  });

  it('every source file keeps to its layer', () => {
    expect(violations(tree)).toEqual([]);
  });
});
