/**
 * What a page load of the built renderer fetches before anything is shown, and what it leaves for
 * later: the entry script and the modules it imports statically (the "first bundle"), against the
 * lazy views (`src-renderer/lazy.tsx`), the per-language strings and the fonts. Used by
 * `npm run test:package` (which fails on a view pulled back into the first bundle) and printed by
 * `npm run bench`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Views that must stay out of the first bundle, each in a chunk named for its module. A static
 * import of one of them anywhere in the first bundle folds it back in, and its chunk disappears.
 */
const LAZY_VIEWS = [
  'ChecksPanel',
  'GlossaryPanel',
  'DictionariesDialog',
  'EditDetailsDialog',
  'LookupPopup',
  'PrintDialog',
  'Library',
  'AnnotationPanel',
  'BookmarksPanel',
  'ContentsPanel',
  'EditBar',
  'ClauseMenu',
  'HelpDialog',
  'SplitDialog',
] as const;

/**
 * The first bundle's JavaScript, raw: 466 KiB in one file before the split, 365 KiB after
 * (December 2026), 440 KiB with the comparison tools' term links and word search and the dialogs
 * typed into right after their key (kept in: keys typed before a lazy chunk arrives would be lost). The renderer takes
 * constants only from contract modules without schemas, so zod (78 KiB) stays out of it (checked).
 */
// 458 KiB since round 8 (was 455, and 450 before that): the selection kept across a row's term
// redraw (`keep-selection.tsx`, part of every row) brought it to 456.0 KiB. At 455: the question
// dialogs ask before typed text is thrown
// away, the focus kept after a removal and the palette's language command brought it to 451 KiB. The
// next cut is the virtualiser (@tanstack/virtual-core, 30 KiB), needed only above 400 rows: a lazy
// body must then keep a jump (the reading position restored at open) made while its chunk loads.
const FIRST_BUNDLE_BUDGET = 458 * 1024;
/** Literata's subsets that ship: Latin, Latin Extended, Cyrillic, Cyrillic Extended; upright and italic. */
const FONT_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'] as const;

export interface FirstBundle {
  /** The entry and every chunk it imports statically, with their sizes. */
  chunks: Array<{ file: string; bytes: number }>;
  bytes: number;
  /** Every other JavaScript chunk (loaded on demand). */
  lazyChunks: string[];
  fonts: string[];
}

/** Static `import … from "./x.js"` and `import "./x.js"` in minified ESM; never `import("./x.js")`. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{},\s]+?\s*from\s*)?["']\.\/([^"']+\.js)["']/g)) found.add(m[1]!);
  for (const m of code.matchAll(/(?:^|[;}\s])export\s*(?:\*|\{[^}]*\})\s*from\s*["']\.\/([^"']+\.js)["']/g)) found.add(m[1]!);
  return [...found];
}

export function firstBundle(rendererDir: string): FirstBundle {
  const assets = join(rendererDir, 'assets');
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const entry = /<script\s+type="module"[^>]*\ssrc="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module entry script');
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const path = join(assets, file);
    if (!existsSync(path)) throw new Error(`${file} is imported but missing from ${assets}`);
    queue.push(...staticImports(readFileSync(path, 'utf8')));
  }
  const chunks = [...seen].map((file) => ({ file, bytes: statSync(join(assets, file)).size }));
  const files = readdirSync(assets);
  return {
    chunks,
    bytes: chunks.reduce((n, c) => n + c.bytes, 0),
    lazyChunks: files.filter((f) => f.endsWith('.js') && !seen.has(f)),
    fonts: files.filter((f) => /\.(woff2?|ttf|otf)$/.test(f)),
  };
}

/** The checks on a built renderer: [passed, what, detail] each. */
export function firstBundleChecks(rendererDir: string): Array<[ok: boolean, what: string, detail: string]> {
  const b = firstBundle(rendererDir);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const chunkOf = (name: string) => b.lazyChunks.find((f) => f.startsWith(`${name}-`));
  const missing = LAZY_VIEWS.filter((name) => !chunkOf(name));
  const locales = b.lazyChunks.filter((f) => f.startsWith('common-'));
  const fontSubset = (f: string) => /^literata-(.+)-wght-(?:normal|italic)-/.exec(f)?.[1] ?? f;
  const zodIn = b.chunks.filter((c) => readFileSync(join(rendererDir, 'assets', c.file), 'utf8').includes('ZodError')).map((c) => c.file);
  const strayFonts = b.fonts.filter((f) => !(FONT_SUBSETS as readonly string[]).includes(fontSubset(f)));
  return [
    [
      missing.length === 0,
      `the ${LAZY_VIEWS.length} lazy views are chunks outside the first bundle`,
      `folded into the first bundle (a static import?): ${missing.join(', ')}`,
    ],
    [
      !zodIn.length,
      'zod is not in the first bundle (the renderer takes constants from schema-free contract modules)',
      `found in ${zodIn.join(', ')}`,
    ],
    [locales.length === 2, 'each UI language’s strings are a chunk outside the first bundle', `found ${locales.length} (${locales.join(', ')})`],
    [
      b.bytes <= FIRST_BUNDLE_BUDGET,
      `the first bundle is ${kib(b.bytes)} of JavaScript (${b.chunks.length} files), within ${kib(FIRST_BUNDLE_BUDGET)}`,
      b.chunks.map((c) => `${c.file} ${kib(c.bytes)}`).join(', '),
    ],
    [
      b.fonts.length === FONT_SUBSETS.length * 2 && strayFonts.length === 0,
      `fonts: Literata in ${FONT_SUBSETS.join(', ')} only (${b.fonts.length} files)`,
      `other files: ${strayFonts.join(', ') || 'none'}`,
    ],
  ];
}
