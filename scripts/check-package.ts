/**
 * Offline packaging check: runs electron-builder with electron-builder.yml for `--linux dir` against
 * a stub Electron distribution, then inspects the unpacked app.
 *
 *   npm run build && npm run test:package
 *
 * The real Electron binary cannot be downloaded here. It is not needed to check what this project
 * controls: what goes into app.asar, what goes beside it as extraResources, the locale pruning, and
 * the fuses. The stub executable carries a fuse wire in @electron/fuses' format (sentinel, version,
 * length, one byte per fuse), so electron-builder's real fuse step runs on it and the result can be
 * read back. Each stub fuse starts in the opposite state to the configured one, so every checked
 * fuse shows that the write really happened.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import type * as FusesModule from '@electron/fuses';
import type * as FuseConstants from '@electron/fuses/dist/constants';
import { firstBundleChecks } from './first-bundle';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// @electron/fuses is a dependency of electron-builder; its CommonJS exports are loaded with require.
const fuses = {
  ...(require('@electron/fuses') as typeof FusesModule),
  // The sentinel string and the state bytes (the package's index does not re-export them).
  ...(require('@electron/fuses/dist/constants') as typeof FuseConstants),
};

const CONFIG = 'electron-builder.yml';
const EXECUTABLE = 'bitext-reader'; // linux.executableName
const DOCUMENT = 'asean-russia-covid19-2020';
const KEPT_LOCALES = ['en-US.pak', 'ru.pak']; // electronLanguages
const STUB_LOCALES = [...KEPT_LOCALES, 'de.pak', 'fr.pak', 'zh-CN.pak'];

/** The security policy for the fuses; electron-builder.yml must say the same. */
const EXPECTED_FUSES: [name: keyof typeof FusesModule.FuseV1Options, enabled: boolean][] = [
  ['RunAsNode', false],
  ['EnableCookieEncryption', true],
  ['EnableNodeOptionsEnvironmentVariable', false],
  ['EnableNodeCliInspectArguments', false],
  ['EnableEmbeddedAsarIntegrityValidation', true],
  ['OnlyLoadAppFromAsar', true],
  ['LoadBrowserProcessSpecificV8Snapshot', false],
  ['GrantFileProtocolExtraPrivileges', false],
];

const passed: string[] = [];
const failures: string[] = [];
function check(ok: boolean, what: string, detail = ''): boolean {
  if (ok) {
    passed.push(what);
    console.log(`  ok    ${what}`);
  } else {
    failures.push(`${what}${detail ? ` — ${detail}` : ''}`);
    console.log(`  FAIL  ${what}${detail ? ` — ${detail}` : ''}`);
  }
  return ok;
}

function abort(message: string): never {
  console.error(`\ncheck-package: FAILED\n  ${message}`);
  process.exit(1);
}

/** A stand-in for an unpacked Electron linux-x64 zip: just what electron-builder touches. */
function makeStubElectronDist(dir: string, electronVersion: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from(
    EXPECTED_FUSES.map(([, enabled]) => (enabled ? fuses.FuseState.DISABLE : fuses.FuseState.ENABLE)),
  );
  const executable = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stub Electron executable made by scripts/check-package.ts; fuse wire follows.\n# '),
    Buffer.from(fuses.SENTINEL, 'latin1'),
    Buffer.from([Number(fuses.FuseVersion.V1), wire.length]),
    wire,
    Buffer.from('\necho "stub electron" >&2\nexit 1\n'),
  ]);
  writeFileSync(join(dir, 'electron'), executable);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), `v${electronVersion}`);
  writeFileSync(join(dir, 'LICENSE'), 'Stub Electron LICENSE\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stub</title>\n');
  for (const pak of STUB_LOCALES) writeFileSync(join(dir, 'locales', pak), `stub ${pak}\n`);
}

/**
 * The worker entries of the main build (`*-worker-<hash>.js`, from `?modulePath`) and every chunk
 * they import, statically or with `import()`, followed from chunk to chunk: sorted file names.
 */
function workerChunksOf(chunksDir: string): string[] {
  const names = readdirSync(chunksDir).filter((f) => f.endsWith('.js'));
  const needed = new Set(names.filter((f) => /^(align|compare|import|index)-worker-[\w-]+\.js$/.test(f)));
  const queue = [...needed];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const code = readFileSync(join(chunksDir, name), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'`]\.\/([\w.-]+\.js)["'`]/g)) {
      const imported = m[1]!;
      if (names.includes(imported) && !needed.has(imported)) {
        needed.add(imported);
        queue.push(imported);
      }
    }
  }
  return [...needed].sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(join(ROOT, built))) abort(`${built} is missing: run \`npm run build\` first.`);
  }
  if (!existsSync(join(ROOT, CONFIG))) abort(`${CONFIG} is missing.`);
  // Every main-process chunk must at least parse (a bundler shim once declared `require` twice in
  // a worker chunk, which only fails when that worker starts).
  const mainChunks = readdirSync(join(ROOT, 'out/main'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const unparsable = mainChunks.filter((f) => spawnSync(process.execPath, ['--check', join(ROOT, 'out/main', f)]).status !== 0);
  check(unparsable.length === 0, `all ${mainChunks.length} main-process chunks parse (node --check)`, unparsable.join(', '));
  // pdf.js is read in the alignment worker only: one copy of it (and of its worker) ships, not one for main too.
  const pdfChunks = mainChunks.filter((f) => /(^|\/)pdf(\.worker)?-[\w-]+\.js$/.test(f));
  check(pdfChunks.length === 2, 'one copy of pdf.js and of its worker among the main-process chunks', pdfChunks.join(', '));
  // The first paint: what the renderer's first bundle leaves to later (scripts/first-bundle.ts).
  for (const [ok, what, detail] of firstBundleChecks(join(ROOT, 'out/renderer'))) check(ok, what, detail);
  // The preload builds its API from the contract's channel tables only: no zod (nor its cost at every start).
  check(!readFileSync(join(ROOT, 'out/preload/index.cjs'), 'utf8').includes('ZodError'), 'zod is not in the preload', 'out/preload/index.cjs contains ZodError');
  const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  const builderCli = require.resolve('electron-builder/cli.js');

  const tmp = mkdtempSync(join(tmpdir(), 'bitext-package-'));
  try {
    const stub = join(tmp, 'electron-dist');
    const output = join(tmp, 'dist');
    makeStubElectronDist(stub, electronVersion);

    console.log(`electron-builder --linux dir (config ${CONFIG}, Electron ${electronVersion}, stub dist in ${tmp})`);
    const args = [
      builderCli,
      '--linux',
      'dir',
      '--config',
      CONFIG,
      `-c.electronDist=${stub}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
      '-c.npmRebuild=false', // no native modules; skips @electron/rebuild
    ];
    const result = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        // Nothing may be fetched: electronDist is local and a `dir` target needs no tools. Should
        // anything still try, it fails at once against a closed local port instead of going out.
        ELECTRON_BUILDER_CACHE: join(tmp, 'cache'),
        ELECTRON_CACHE: join(tmp, 'cache'),
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        ELECTRON_GET_USE_PROXY: '1',
        HTTP_PROXY: 'http://127.0.0.1:9',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        GLOBAL_AGENT_HTTP_PROXY: 'http://127.0.0.1:9',
        NO_PROXY: '',
        npm_config_offline: 'true',
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        USE_HARD_LINKS: 'false',
      },
    });
    if (result.error || result.status !== 0) {
      console.error(result.stdout);
      console.error(result.stderr);
      abort(`electron-builder failed (${result.error?.message ?? `exit code ${result.status}`}); its output is above.`);
    }
    console.log(`  electron-builder finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    const appDir = join(output, 'linux-unpacked');
    const resources = join(appDir, 'resources');
    const asarPath = join(resources, 'app.asar');
    const binary = join(appDir, EXECUTABLE);

    console.log('App layout');
    check(existsSync(binary) && (statSync(binary).mode & 0o111) !== 0, `executable ${EXECUTABLE} exists and is executable`);
    check(existsSync(join(appDir, 'LICENSE.electron.txt')), "Electron's LICENSE is shipped as LICENSE.electron.txt");
    check(!existsSync(join(resources, 'default_app.asar')), 'no default_app.asar');
    check(!existsSync(join(resources, 'app')), 'no unpacked resources/app folder (asar: true)');
    // Only the workers (alignment, comparison, annotation import, dictionary indexing) and the chunks
    // they import (pdf.js, for the alignment worker) are unpacked: worker threads load their script,
    // and what it imports beside it, from the real file system.
    const unpacked = join(resources, 'app.asar.unpacked');
    const unpackedFiles = existsSync(unpacked) ? readdirSync(join(unpacked, 'out/main/chunks')).sort() : [];
    const workerChunks = workerChunksOf(join(ROOT, 'out/main/chunks'));
    check(
      workerChunks.length > 4 && JSON.stringify(unpackedFiles) === JSON.stringify(workerChunks),
      `the four workers and the ${workerChunks.length - 4} chunks they import, and only they, are unpacked beside the asar`,
      `found ${unpackedFiles.join(', ') || 'nothing'}; the workers need ${workerChunks.join(', ')}`,
    );
    const locales = existsSync(join(appDir, 'locales')) ? readdirSync(join(appDir, 'locales')).sort() : [];
    check(
      JSON.stringify(locales) === JSON.stringify([...KEPT_LOCALES].sort()),
      `Chromium locales pruned to ${KEPT_LOCALES.join(', ')}`,
      `found ${locales.join(', ') || 'none'}`,
    );

    console.log('\napp.asar');
    if (!check(existsSync(asarPath), 'resources/app.asar exists')) throw new Error('no asar');
    const entries = listPackage(asarPath, { isPack: false }).map((p) => p.split(sep).join('/').replace(/^\/+/, ''));
    const entrySet = new Set(entries);
    const asarFiles = entries.filter((e) => {
      try {
        return !!extractFile(asarPath, e) && !entrySet.has(`${e}/`);
      } catch {
        return false; // a directory
      }
    });
    for (const required of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      check(entrySet.has(required), `contains ${required}`);
    }
    const rendererJs = entries.filter((e) => /^out\/renderer\/assets\/[^/]+\.js$/.test(e));
    check(rendererJs.length > 0, `contains a renderer JS asset (${rendererJs.join(', ') || 'none'})`);
    const nodeModules = entries.filter((e) => e.split('/').includes('node_modules'));
    check(nodeModules.length === 0, 'contains no node_modules', `${nodeModules.length} entries, e.g. ${nodeModules.slice(0, 3).join(', ')}`);
    const stray = entries.filter((e) => e !== 'package.json' && e !== 'out' && !e.startsWith('out/'));
    check(stray.length === 0, 'contains nothing but out/** and package.json', `also: ${stray.slice(0, 5).join(', ')}`);
    const maps = entries.filter((e) => e.endsWith('.map'));
    check(maps.length === 0, 'contains no source maps', maps.slice(0, 3).join(', '));
    const localOut = filesUnder(join(ROOT, 'out')).map((f) => `out/${f}`).filter((f) => !f.endsWith('.map'));
    const missing = localOut.filter((f) => !entrySet.has(f));
    check(missing.length === 0, `all ${localOut.length} files of out/ are in it`, `missing ${missing.slice(0, 5).join(', ')}`);
    const sameMain = extractFile(asarPath, 'out/main/index.js').equals(readFileSync(join(ROOT, 'out/main/index.js')));
    check(sameMain, 'its out/main/index.js is the current build');
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main?: string; name?: string; type?: string };
    check(pkg.main === 'out/main/index.js' && entrySet.has(pkg.main), `package.json "main" is ${pkg.main} and is packaged`);
    check(pkg.type === 'module', 'package.json keeps "type": "module" (the main bundle is ESM)');
    console.log(`        (${asarFiles.length} files, ${(statSync(asarPath).size / 1024).toFixed(0)} KiB)`);

    console.log('\nextraResources (process.resourcesPath/resources)');
    const docsRepo = join(ROOT, 'resources', 'documents');
    const docsPacked = join(resources, 'resources', 'documents');
    for (const name of ['en.txt', 'ru.txt', 'manifest.json']) {
      const packed = join(docsPacked, DOCUMENT, name);
      check(
        existsSync(packed) && readFileSync(packed).equals(readFileSync(join(docsRepo, DOCUMENT, name))),
        `documents/${DOCUMENT}/${name} is shipped, identical to the repo's`,
      );
    }
    const repoDocs = filesUnder(docsRepo);
    const packedDocs = existsSync(docsPacked) ? filesUnder(docsPacked) : [];
    check(
      JSON.stringify(repoDocs) === JSON.stringify(packedDocs) &&
        repoDocs.every((f) => readFileSync(join(docsRepo, f)).equals(readFileSync(join(docsPacked, f)))),
      `documents/ holds exactly the repo's ${repoDocs.length} files, byte for byte`,
    );
    const icon = join(resources, 'resources', 'icons', 'icon.png');
    const size = existsSync(icon) ? pngSize(readFileSync(icon)) : undefined;
    check(size?.width === 512 && size.height === 512, 'icons/icon.png (the window icon main.ts loads) is a 512x512 PNG', size ? `${size.width}x${size.height}` : 'missing');
    const others = readdirSync(join(resources, 'resources')).filter((n) => n !== 'documents' && n !== 'icons');
    check(others.length === 0, 'nothing else in resources/resources', others.join(', '));

    console.log('\nElectron fuses (read back from the packaged executable)');
    let wire: Awaited<ReturnType<typeof fuses.getCurrentFuseWire>> | undefined;
    try {
      wire = await fuses.getCurrentFuseWire(binary);
    } catch (error) {
      check(false, 'the executable carries a fuse wire', (error as Error).message);
    }
    if (wire) {
      check(wire.version === fuses.FuseVersion.V1, `fuse wire version ${wire.version}`);
      for (const [name, enabled] of EXPECTED_FUSES) {
        const state = (wire as unknown as Record<number, number | undefined>)[fuses.FuseV1Options[name]];
        const want = enabled ? fuses.FuseState.ENABLE : fuses.FuseState.DISABLE;
        check(state === want, `${name} = ${enabled ? 'enabled' : 'disabled'}`, `found ${describeFuse(state)}`);
      }
    }

    console.log('\nrepository icons (electron-builder.yml)');
    const linuxIcons = readdirSync(join(ROOT, 'resources', 'icons', 'png')).filter((n) => n.endsWith('.png')).sort();
    const badIcons = linuxIcons.filter((n) => {
      const m = /^(\d+)x(\d+)\.png$/.exec(n);
      const s = pngSize(readFileSync(join(ROOT, 'resources', 'icons', 'png', n)));
      return !m || !s || s.width !== Number(m[1]) || s.height !== Number(m[2]);
    });
    check(linuxIcons.length >= 5 && badIcons.length === 0, `resources/icons/png has ${linuxIcons.length} NxN.png icons of the size their names say`, badIcons.join(', '));
  } catch (error) {
    if (!(error instanceof Error && error.message === 'no asar')) throw error;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length > 0) {
    console.error(`\ncheck-package: FAILED — ${failures.length} of ${failures.length + passed.length} checks (${seconds} s)`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exit(1);
  }
  console.log(`\ncheck-package: OK — ${passed.length} checks passed (${seconds} s)`);
}

function describeFuse(state: number | undefined): string {
  switch (state) {
    case fuses.FuseState.ENABLE:
      return 'enabled';
    case fuses.FuseState.DISABLE:
      return 'disabled';
    case fuses.FuseState.REMOVED:
      return 'removed';
    default:
      return `unexpected byte ${state}`;
  }
}

main().catch((error: unknown) => abort(error instanceof Error ? (error.stack ?? error.message) : String(error)));
