/**
 * The loopback harness: serves the built renderer and the real main-process services over HTTP on
 * 127.0.0.1, through the same handler table the Electron IPC uses. A development and test aid;
 * only the Electron adapter (window, protocol, IPC registration, menu) is not exercised by it.
 *
 *   npm run web -- --port 5199 --user-data /tmp/bitext-data [--renderer out/renderer] [--lang ru-RU]
 *                  [--export-dir <dir>]   (where annotation exports are written; default <user-data>/exports)
 *                  [--workers <dir>]      (the workers `bundleHarness` wrote there, instead of the source)
 *   npm run web -- --bundle e2e/.harness     (bundles the harness and its workers there, and exits)
 *
 * Imports: the renderer sends file bytes to `import:prepare`, as in the app (a binary body laid out
 * by `wire.ts`, read straight into one buffer per file; base64 in JSON is accepted too); the harness
 * has no open dialog (`import:choose` answers `cancelled`) and cannot push events, so the renderer
 * polls `import:status`. Alignment runs in a worker thread started from the TypeScript source
 * under tsx. A request body over `MAX_IMPORT_BODY` is refused by its Content-Length with a
 * `too-large` error value before it is read.
 *
 * Dictionaries are indexed in a worker thread too; `dictionaries:choose` answers `cancelled` (no
 * open dialog). `print:pdf` makes the PDF with Chromium (playwright-core; `/usr/bin/chromium` when
 * present) and writes it into the export folder; `print:print` answers `printed: false`.
 *
 * Any local process can forge Host and Origin, so every request must also carry a token made at
 * start and printed with the address: open `<origin>/?token=<token>`. That first load sets the
 * token as an HttpOnly, SameSite=Strict cookie (named for the port, so two harnesses do not
 * mix) and the bridge takes it out of the address bar; scripts send it as `X-Bitext-Token`.
 * Anything without it gets 403.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { SaveExport } from '../core/annotations/service';
import { IMPORT_LIMITS } from '../contract/ipc';
import { createAppServices } from '../core/app-services';
import { type WorkerSpec, tsxWorker } from '../core/import/align-runner';
import { tsxCompareWorker } from '../core/compare-store/runner';
import { tsxAnnotationWorker } from '../core/annotations/import-run';
import { tsxIndexWorker } from '../core/dictionary/index-runner';
import { chromiumPrinter } from './chromium-printer';
import { writeFileAtomic } from '../core/fs/atomic-file';
import { dispatch } from '../core/ipc/handlers';
import { resolveStaticPath } from '../core/security/app-protocol';
import { contentSecurityPolicy } from '../core/security/csp';
import { LAYOUT_HEADER, WIRE_CONTENT_TYPE, WireBody, parseLayout } from './wire';
import { FIRST_PAINT_WAIT_MS, openFirstDocument, pageWithFirstPaint } from '../core/startup/first-paint';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Room for an annotations import (≤ 5,000,000 characters, up to 3 bytes each in UTF-8). */
const MAX_BODY = 16 * 1024 * 1024;
/** Room for `import:prepare`: two files of at most 50 MB each, base64 (raw bytes need less). */
const MAX_IMPORT_BODY = 2 * (Math.ceil(IMPORT_LIMITS.maxFileBytes / 3) * 4) + 64 * 1024;
/** Room for `dictionaries:add`: five files of at most 50 MB each, base64. */
const MAX_DICTIONARY_BODY = 5 * (Math.ceil(IMPORT_LIMITS.maxFileBytes / 3) * 4) + 64 * 1024;
/** The header scripts and tests send the token in. */
export const TOKEN_HEADER = 'x-bitext-token';

export interface HarnessOptions {
  port: number;
  userDataDir: string;
  rendererDir: string;
  documentsDir: string;
  systemLanguages: string[];
  /** Where `annotations:export` writes its files (default `<userDataDir>/exports`). */
  exportDir?: string;
  /** Send the first document's rows with the page, as the app does (default true; the bench compares). */
  firstPaint?: boolean;
  /**
   * How the bridge comes with the page: `inline` (default), at the top of `<head>`, so that it runs
   * before the page is parsed and sends the early requests at once, as the preload does in the app;
   * `deferred`, a script run after the page has been parsed (and, with the rows sent with the page,
   * laid out), as before December 2026.
   */
  bridge?: 'inline' | 'deferred';
  /** The workers already bundled (`bundleHarness`), else they run from the source under tsx. */
  workers?: HarnessWorkers;
}

/** The worker threads the services start, one spec each. */
export interface HarnessWorkers {
  align: WorkerSpec;
  compare: WorkerSpec;
  annotation: WorkerSpec;
  dictionary: WorkerSpec;
}

/** Each worker's source entry, keyed as in `HarnessWorkers`; `bundleHarness` names its files after these. */
function workerSources(): Record<keyof HarnessWorkers, string> {
  return {
    align: tsxWorker().path,
    compare: tsxCompareWorker().path,
    annotation: tsxAnnotationWorker().path,
    dictionary: tsxIndexWorker().path,
  };
}

/** The bundled workers in `dir`, as `bundleHarness` wrote them. */
export function bundledWorkers(dir: string): HarnessWorkers {
  const sources = workerSources();
  const spec = (key: keyof HarnessWorkers): WorkerSpec => ({ path: join(dir, `${basename(sources[key], '.ts')}.mjs`) });
  return { align: spec('align'), compare: spec('compare'), annotation: spec('annotation'), dictionary: spec('dictionary') };
}

export async function startHarness(options: HarnessOptions) {
  const services = await createAppServices({
    userDataDir: options.userDataDir,
    documentsDir: options.documentsDir,
    systemLanguages: options.systemLanguages,
    saveExport: folderSaveExport(options.exportDir ?? join(options.userDataDir, 'exports')),
    alignWorker: options.workers?.align ?? tsxWorker(),
    compareWorker: options.workers?.compare ?? tsxCompareWorker(),
    annotationWorker: options.workers?.annotation ?? (await bundledWorker(tsxAnnotationWorker().path)),
    dictionaryWorker: options.workers?.dictionary ?? tsxIndexWorker(),
    printer: chromiumPrinter,
  });
  // As Electron's main does: the document that opens first is read and aligned from the start.
  if (options.firstPaint !== false) openFirstDocument(services).catch(() => undefined);
  const bridge = await buildBridge();
  // Inline, the bridge is allowed by its hash alone: any other inline script is still refused.
  const inlineBridge = bridge.replace(/<\/script/gi, '<\\/script');
  const bridgeHash = createHash('sha256').update(inlineBridge).digest('base64');
  const inline = options.bridge !== 'deferred';
  const csp = inline
    ? contentSecurityPolicy({ allowConnectToSelf: true }).replace("script-src 'self'", `script-src 'self' 'sha256-${bridgeHash}'`)
    : contentSecurityPolicy({ allowConnectToSelf: true });
  let origin = '';
  let cookieName = '';
  // 256 random bits, made at every start; never written anywhere but stdout.
  const token = randomBytes(32).toString('base64url');
  const isToken = (value: string | undefined): boolean => {
    if (typeof value !== 'string') return false;
    const given = Buffer.from(value);
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, 'text/plain; charset=utf-8', error instanceof Error ? error.message : 'error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this machine, only our own origin (no DNS rebinding, no cross-site posts).
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'wrong host');
    const url = new URL(req.url ?? '/', origin);
    const header = req.headers[TOKEN_HEADER];
    const fromQuery = req.method === 'GET' && isToken(url.searchParams.get('token') ?? undefined);
    if (!isToken(cookieOf(req, cookieName)) && !isToken(typeof header === 'string' ? header : undefined) && !fromQuery) {
      req.resume();
      return send(res, 403, 'text/plain', 'token required: open the address the harness printed at start');
    }
    // The first load, from the printed address: from now on the cookie carries the token.
    if (fromQuery) res.setHeader('Set-Cookie', `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`);
    if (url.pathname.startsWith('/__ipc/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      if (req.headers.origin !== origin) return send(res, 403, 'text/plain', 'foreign origin');
      const channel = decodeURIComponent(url.pathname.slice('/__ipc/'.length));
      const limit = channel === 'import:prepare' ? MAX_IMPORT_BODY : channel === 'dictionaries:add' ? MAX_DICTIONARY_BODY : MAX_BODY;
      if (Number(req.headers['content-length'] ?? 0) > limit) {
        req.resume();
        return sendJson(res, {
          ok: false,
          code: 'too-large',
          message: `The files are too large to import (at most ${IMPORT_LIMITS.maxFileBytes / (1024 * 1024)} MB each)`,
        });
      }
      let payload: unknown;
      if (req.headers['content-type'] === WIRE_CONTENT_TYPE) {
        const layout = parseLayout(req.headers[LAYOUT_HEADER] as string | undefined, Number(req.headers['content-length'] ?? -1), limit);
        if (!layout) {
          req.resume();
          return sendJson(res, { ok: false, code: 'bad-request', message: 'Request body layout is not valid' });
        }
        try {
          payload = (await readWire(req, layout)).payload();
        } catch {
          return sendJson(res, { ok: false, code: 'bad-request', message: 'Request body does not match its layout' });
        }
      } else {
        const body = await readBody(req, limit);
        try {
          const parsed = JSON.parse(body) as { payload?: unknown; hasPayload?: unknown };
          payload = parsed.hasPayload === true ? parsed.payload : undefined;
        } catch {
          return sendJson(res, { ok: false, code: 'bad-request', message: 'Request body is not JSON' });
        }
      }
      return sendJson(res, await dispatch(services.handlers, channel, payload));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only');
    if (url.pathname === '/__harness/bridge.js') return send(res, 200, 'text/javascript; charset=utf-8', bridge);
    const target = resolveStaticPath(options.rendererDir, url.pathname);
    if (!target.ok) return send(res, target.status, 'text/plain', 'refused');
    let body: Buffer;
    try {
      body = await readFile(target.path);
    } catch {
      return send(res, 404, 'text/plain', 'not found');
    }
    if (target.mimeType.startsWith('text/html')) {
      // As Electron's protocol does: the first document's rows sent with the page when ready.
      const page =
        options.firstPaint === false ? body.toString('utf8') : await pageWithFirstPaint(body.toString('utf8'), services, FIRST_PAINT_WAIT_MS);
      // The preload runs before the page's scripts and sends the settings and first-document
      // requests at once, holding up nothing: inline at the top of <head>, the bridge does the same
      // (no request of its own before the parser goes on). Deferred, it ran only once the page had
      // been parsed and the rows sent with it laid out, and the early requests went out 0.3–0.7 s late.
      const html =
        inline && page.includes('<head>')
          ? page.replace('<head>', () => `<head>\n    <script>${inlineBridge}</script>`)
          : page.replace('<script', '<script defer src="/__harness/bridge.js"></script>\n    <script');
      res.setHeader('Content-Security-Policy', csp);
      return send(res, 200, target.mimeType, html);
    }
    return send(res, 200, target.mimeType, body);
  }

  await new Promise<void>((done) => server.listen(options.port, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  cookieName = `bitext_token_${port}`;

  return {
    origin,
    token,
    /** Where a browser starts: the page, with the token. */
    url: `${origin}/?token=${token}`,
    services,
    async close(): Promise<void> {
      const closed = new Promise<void>((done) => server.close(() => done()));
      // A page still open keeps its connections (a request in flight, keep-alive): end them, or
      // close() waits for the browser.
      server.closeAllConnections();
      await closed;
      await Promise.allSettled([services.settings.flush(), services.annotations.flush(), services.corrections.flush()]);
    },
  };
}

/** The harness has no save dialog: exports go into one folder, and the path comes back for tests. */
function folderSaveExport(dir: string): SaveExport {
  return async (suggestedName, content) => {
    const name = basename(suggestedName).replace(/[^\w.-]/g, '_') || 'export.txt';
    const path = join(dir, name);
    await writeFileAtomic(path, content);
    return { saved: true, path };
  };
}

/**
 * A worker's entry bundled once at start (esbuild), so that a short task — an annotation import —
 * starts its thread in milliseconds instead of loading tsx and compiling its modules each time,
 * as the app's built chunk does. `into`: the folder for the bundle (else a new temporary one).
 */
export async function bundledWorker(entry: string, into?: string): Promise<WorkerSpec> {
  const dir = into ?? (await mkdtemp(join(tmpdir(), 'bitext-harness-worker-')));
  const outfile = join(dir, `${basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    // CommonJS modules in the bundle still call require (node built-ins).
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return { path: outfile };
}

/**
 * The harness and its workers bundled once into `into` (`harness.mjs` and one `.mjs` per worker),
 * our own modules compiled and the packages left to `node_modules`, so that a harness starts, and
 * each worker thread with it, without tsx compiling the sources again: the e2e suite starts
 * about two hundred harnesses. `into` must sit two folders below the project (`e2e/.harness`), where
 * the bundle finds the renderer and the documents as the source does. Run it with
 * `node <into>/harness.mjs --workers <into> …`.
 */
export async function bundleHarness(into: string): Promise<string> {
  const sources = workerSources();
  const entries = [join(ROOT, 'src-main/web/harness.ts'), ...Object.values(sources)];
  await build({
    entryPoints: entries,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: into,
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    logLevel: 'silent',
  });
  return join(into, 'harness.mjs');
}

async function buildBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'src-main/web/bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // As the preload is built (electron.vite.config.ts): minified, and the contract's modules
    // marked free of side effects, so that its zod schemas (which the bridge never runs) are left
    // out. The bridge stands in for the preload, and should cost the page what the preload does.
    minify: true,
    plugins: [
      {
        name: 'contract-without-side-effects',
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, async (args) => {
            if (args.pluginData === 'contract-resolving') return undefined;
            const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'contract-resolving' });
            if (resolved.errors.length > 0 || !/[\\/]src-main[\\/]contract[\\/]/.test(resolved.path)) return undefined;
            return { path: resolved.path, sideEffects: false };
          });
        },
      },
    ],
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('bridge build produced nothing');
  return file.text;
}

function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        fail(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/** Reads a binary body into its parts as it comes (no concatenation, no copy of the whole). */
function readWire(req: IncomingMessage, layout: readonly number[]): Promise<WireBody> {
  return new Promise((done, fail) => {
    const body = new WireBody(layout);
    req.on('data', (chunk: Buffer) => {
      try {
        body.push(chunk);
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
        req.destroy();
      }
    });
    req.on('end', () => done(body));
    req.on('error', fail);
  });
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    // The first page's address holds the token: it goes nowhere else.
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5199' },
      'user-data': { type: 'string' },
      renderer: { type: 'string', default: join(ROOT, 'out/renderer') },
      documents: { type: 'string', default: join(ROOT, 'resources/documents') },
      lang: { type: 'string' },
      'export-dir': { type: 'string' },
      workers: { type: 'string' },
      bundle: { type: 'string' },
    },
  });
  if (values.bundle) {
    console.log(await bundleHarness(resolve(values.bundle)));
    return;
  }
  const userDataDir = values['user-data'];
  if (!userDataDir) {
    console.error('usage: npm run web -- --port <n> --user-data <dir> [--lang ru-RU]');
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, not "${values.port}"`);
    process.exit(2);
  }
  const systemLang = values.lang ?? process.env.LC_ALL ?? process.env.LANG ?? 'en-US';
  try {
    await readFile(join(values.renderer, 'index.html'));
  } catch {
    console.error(`No built renderer in ${values.renderer}: run \`npm run build\` first.`);
    process.exit(2);
  }
  const harness = await startHarness({
    port,
    userDataDir: resolve(userDataDir),
    rendererDir: resolve(values.renderer),
    documentsDir: resolve(values.documents),
    systemLanguages: [systemLang.replace(/\..*$/, '').replace('_', '-')],
    ...(values['export-dir'] ? { exportDir: resolve(values['export-dir']) } : {}),
    ...(values.workers ? { workers: bundledWorkers(resolve(values.workers)) } : {}),
  });
  console.log(`Bitext Reader harness listening on ${harness.origin}`);
  console.log(`Open ${harness.url}`);
  const stop = () => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
