/**
 * Security lint: runs Doyensec's Electronegativity over the app's own code and fails on any finding
 * that is not an acknowledged exception in security/electronegativity-exceptions.json, and on any
 * exception that no longer matches a finding (so the list cannot silently rot).
 *
 *   npm run build && npm run test:security
 *
 * Scanned: src-main/, src-renderer/ (sources, TypeScript), out/ (the bundles that actually ship,
 * including the minified renderer and the third-party code vite bundled into main) and package.json.
 * Not scanned: tests, scripts, configuration, node_modules.
 *
 * Offline by construction: Electronegativity fetches translations at start-up and, in its
 * AVAILABLE_SECURITY_FIXES global check, Electron's release list. The HTTP client (`got`) is replaced
 * by a stub that rejects, that check is excluded, and every outgoing socket connection in this
 * process is refused.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXCEPTIONS_FILE = join(ROOT, 'security', 'electronegativity-exceptions.json');
const SCANNED = ['src-main', 'src-renderer', 'out', 'package.json'] as const;
/** Needs the network (GitHub's release list); Electron updates are tracked by the lead instead. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const require = createRequire(import.meta.url);

/**
 * A known-bad TypeScript file scanned alongside the app: if its findings do not show up, the scanner
 * is broken (e.g. its TypeScript parser failed to load) and a clean result would mean nothing.
 */
const CANARY_FILE = '__canary__/canary-window.ts';
const CANARY_SOURCE = `import { BrowserWindow, shell } from 'electron';
type Url = string;
export const win: BrowserWindow = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, webSecurity: false } });
export function open(url: Url): void {
  void shell.openExternal(url satisfies string);
}
`;
const CANARY_EXPECTED = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK'];

interface Exception {
  check: string;
  file: string;
  line?: number;
  reason: string;
}

interface Finding {
  check: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  confidence: string;
  manualReview: boolean;
  description: string;
}

/** The parts of Electronegativity's programmatic result used here. */
interface EngIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview?: boolean;
  description: string;
}
interface EngResult {
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: EngIssue[];
}
type EngRun = (options: Record<string, unknown>, forCli?: boolean) => Promise<EngResult>;

function fail(message: string): never {
  console.error(`\ncheck-electronegativity: FAILED\n  ${message}`);
  process.exit(1);
}

function loadExceptions(): Exception[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(EXCEPTIONS_FILE, 'utf8'));
  } catch (error) {
    fail(`cannot read ${relative(ROOT, EXCEPTIONS_FILE)}: ${(error as Error).message}`);
  }
  const list = (raw as { exceptions?: unknown }).exceptions;
  if (!Array.isArray(list)) fail(`${relative(ROOT, EXCEPTIONS_FILE)}: expected { "exceptions": [ ... ] }`);
  return list.map((entry: unknown, i) => {
    const e = entry as Partial<Exception>;
    const where = `${relative(ROOT, EXCEPTIONS_FILE)} exceptions[${i}]`;
    if (typeof e.check !== 'string' || !/^[A-Z0-9_]+$/.test(e.check)) fail(`${where}: "check" must be a check id such as SANDBOX_JS_CHECK`);
    if (typeof e.file !== 'string' || e.file === '') fail(`${where}: "file" must be a path relative to the repo (or "N/A" for a global finding)`);
    if (e.line !== undefined && (!Number.isInteger(e.line) || e.line < 0)) fail(`${where}: "line" must be a non-negative integer`);
    if (typeof e.reason !== 'string' || e.reason.trim().length < 10) fail(`${where}: "reason" must explain why the finding is acceptable`);
    return { check: e.check, file: e.file, ...(e.line !== undefined ? { line: e.line } : {}), reason: e.reason.trim() };
  });
}

/** Makes the scanner's process unable to reach the network, and lets it load its TypeScript parser. */
function installGuards(engDir: string): { networkAttempts: string[] } {
  const attempts: string[] = [];

  // 1. No outgoing connections at all from this process.
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    attempts.push(`socket connect ${JSON.stringify(args[0])}`);
    process.nextTick(() => this.destroy(new Error('network access is disabled in check-electronegativity')));
    return this;
  } as typeof net.Socket.prototype.connect;

  // 2. Its HTTP client is a stub that rejects: it then falls back to its bundled en-US strings.
  const gotPath = require.resolve('got', { paths: [engDir] });
  const gotStub = Object.assign(
    (url: unknown) => {
      attempts.push(`got ${String(url)}`);
      return Promise.reject(new Error('offline'));
    },
    {} as Record<string, unknown>,
  );
  gotStub.default = gotStub;
  const stubModule = new Module(gotPath);
  stubModule.filename = gotPath;
  stubModule.loaded = true;
  stubModule.exports = gotStub;
  require.cache[gotPath] = stubModule;

  // 3. Its hoisted @typescript-eslint/typescript-estree would otherwise load the project's TypeScript
  //    (7, which has no JS compiler API); point it at the TypeScript it ships with.
  const nestedTs = join(engDir, 'node_modules', 'typescript');
  if (existsSync(join(nestedTs, 'package.json'))) {
    const moduleInternals = Module as unknown as {
      _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;
    };
    const original = moduleInternals._resolveFilename;
    moduleInternals._resolveFilename = function (request, parent, ...rest) {
      const from = parent?.filename ?? '';
      if (request === 'typescript' && (from.includes(`${sep}@typescript-eslint${sep}`) || from.includes(`${sep}tsutils${sep}`))) {
        return original.call(this, nestedTs, parent, ...rest);
      }
      return original.call(this, request, parent, ...rest);
    };
  }
  return { networkAttempts: attempts };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js')) || !existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    fail('out/ is missing or incomplete: run `npm run build` first (the shipped bundles are scanned too).');
  }
  const exceptions = loadExceptions();
  const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  const engDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const engVersion = (JSON.parse(readFileSync(join(engDir, 'package.json'), 'utf8')) as { version: string }).version;

  // Scan a staging copy holding only the app's code, so that paths in the report are repo-relative.
  const stage = mkdtempSync(join(tmpdir(), 'bitext-eng-'));
  try {
    for (const entry of SCANNED) cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
    mkdirSync(join(stage, dirname(CANARY_FILE)), { recursive: true });
    writeFileSync(join(stage, CANARY_FILE), CANARY_SOURCE);

    const guards = installGuards(engDir);
    process.env.LANG = 'en-US'; // its i18n keys its locale on LANG; en-US is bundled
    const run = require(join(engDir, 'dist', 'runner.js')) as EngRun;
    const quiet = console.log;
    console.log = () => undefined; // it prints a line about translations it could not fetch
    let result: EngResult;
    try {
      result = await run(
        {
          input: stage,
          isSarif: false,
          customScan: [],
          excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
          isRelative: false,
          isVerbose: false,
          electronVersionOverride: electronVersion,
          parserPlugins: [],
        },
        false,
      );
    } finally {
      console.log = quiet;
    }

    console.log(`Electronegativity ${engVersion} — scanned ${SCANNED.join(', ')} (Electron ${electronVersion}; excluded: ${EXCLUDED_CHECKS.join(', ')})`);
    if (guards.networkAttempts.length > 0) {
      console.log(`  (intercepted ${guards.networkAttempts.length} network attempt(s), none left the process: ${guards.networkAttempts.join('; ')})`);
    }

    const problems: string[] = [];
    for (const error of result.errors) {
      const file = toRepoPath(stage, error.file);
      if (error.tolerable) console.log(`  parser warning in ${file}: ${error.message}`);
      else if (file.startsWith('out/main/') && /PrivateName/.test(error.message)) {
        // The main-process bundles carry class private fields (`#x`, from pdfjs-dist and docx), which
        // the scanner's AST walker does not know. Their own code is scanned as source in src-main.
        console.log(`  not scanned: ${file} (class private fields the scanner cannot walk; its sources in src-main are scanned)`);
      }
      else problems.push(`could not parse ${file} (so it was not checked): ${error.message}`);
    }

    const all: Finding[] = result.issues.map((i) => ({
        check: i.id,
        file: toRepoPath(stage, i.file),
        line: i.location.line,
        column: i.location.column,
        severity: i.severity.name,
        confidence: i.confidence.name,
        manualReview: Boolean(i.manualReview),
        description: i.description,
    }));
    const canaryHits = new Set(all.filter((f) => f.file === CANARY_FILE).map((f) => f.check));
    const canaryMissed = CANARY_EXPECTED.filter((c) => !canaryHits.has(c));
    if (canaryMissed.length > 0) {
      problems.push(`the scanner missed ${canaryMissed.join(', ')} in its known-bad canary file: it is not working, so its other results cannot be trusted`);
    } else {
      console.log(`  canary: known-bad ${CANARY_FILE} was flagged (${[...canaryHits].sort().join(', ')}) — the scanner works`);
    }
    const findings = all
      .filter((f) => f.file !== CANARY_FILE)
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check));

    const matches = (e: Exception, f: Finding) => e.check === f.check && e.file === f.file && (e.line === undefined || e.line === f.line);
    const used = new Set<Exception>();
    const rows = [['STATUS', 'CHECK', 'WHERE', 'SEVERITY / CONFIDENCE', 'NOTE']];
    for (const f of findings) {
      const exception = exceptions.find((e) => matches(e, f));
      if (exception) used.add(exception);
      else problems.push(`new finding ${f.check} at ${f.file}:${f.line}:${f.column} — ${f.description}`);
      rows.push([
        exception ? 'excepted' : 'NEW',
        f.check,
        `${f.file}:${f.line}:${f.column}`,
        `${f.severity} / ${f.confidence}${f.manualReview ? ' (review)' : ''}`,
        exception ? truncate(exception.reason, 70) : truncate(f.description, 70),
      ]);
    }
    for (const e of exceptions) {
      if (used.has(e)) continue;
      problems.push(`stale exception ${e.check} for ${e.file}${e.line !== undefined ? `:${e.line}` : ''}: it matches no finding any more — remove it`);
      rows.push(['STALE', e.check, `${e.file}${e.line !== undefined ? `:${e.line}` : ''}`, '-', truncate(e.reason, 70)]);
    }

    console.log('');
    console.log(rows.length > 1 ? table(rows) : 'No findings.');
    console.log('');
    const excepted = findings.length - findings.filter((f) => !exceptions.some((e) => matches(e, f))).length;
    console.log(`${findings.length} finding(s): ${excepted} excepted, ${findings.length - excepted} new; ${exceptions.length - used.size} stale exception(s); ${result.errors.filter((e) => !e.tolerable).length} parse error(s)`);

    if (problems.length > 0) {
      console.error(`\ncheck-electronegativity: FAILED (${problems.length} problem(s))`);
      for (const p of problems) console.error(`  - ${p}`);
      console.error(`\nFix the code, or — for a false positive — add an exception with an honest "reason" to ${relative(ROOT, EXCEPTIONS_FILE)}.`);
      process.exitCode = 1;
    } else {
      console.log('check-electronegativity: OK');
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Staging-copy path → repo-relative POSIX path; other values (a global finding's "N/A") unchanged. */
function toRepoPath(stage: string, file: string): string {
  if (!file || !isAbsolute(file)) return file || 'N/A';
  const rel = relative(stage, file);
  return rel.startsWith('..') ? file : rel.split(sep).join('/');
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
