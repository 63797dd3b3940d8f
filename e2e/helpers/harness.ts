/**
 * Starts the loopback harness (`npm run web`) as a separate process, as a user would, so a test
 * can stop it and start it again on the same data folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page, expect, test } from '@playwright/test';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where global-setup.ts tells the tests the bundled harness is. */
export const HARNESS_BUNDLE_ENV = 'BITEXT_E2E_HARNESS';

export interface RunningHarness {
  origin: string;
  /** The page with the harness's token: where a browser starts (`page.goto(harness.url)`). */
  url: string;
  /** The token the harness printed at start. */
  token: string;
  /** Headers for a request made outside the page (`request.post`): our origin and the token. */
  headers: Record<string, string>;
  userDataDir: string;
  stop(): Promise<void>;
}

export function newUserDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'bitext-e2e-'));
}

export async function startHarness(
  options: { userDataDir?: string; systemLanguage?: string; documentsDir?: string } = {},
): Promise<RunningHarness> {
  const userDataDir = options.userDataDir ?? newUserDataDir();
  // The bundle global-setup.ts made for this run, else the source under tsx (a spec run on its own
  // with --no-deps or from an editor): the same code either way.
  const bundle = process.env[HARNESS_BUNDLE_ENV];
  const entry = bundle ? [bundle, '--workers', dirname(bundle)] : ['--import', 'tsx', join(ROOT, 'src-main/web/harness.ts')];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...entry,
      '--port',
      '0',
      '--user-data',
      userDataDir,
      '--lang',
      options.systemLanguage ?? 'en-US',
      ...(options.documentsDir ? ['--documents', options.documentsDir] : []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const { origin, token } = await new Promise<{ origin: string; token: string }>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`harness did not start in 30 s\n${stderr}`)), 30_000);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Open (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)$/m.exec(stdout);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        done({ origin: match[1], token: match[2] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`harness exited with ${code}\n${stderr}`));
    });
  });
  return {
    origin,
    url: `${origin}/?token=${token}`,
    token,
    headers: { Origin: origin, 'X-Bitext-Token': token },
    userDataDir,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        // SIGTERM lets it flush what it holds; a harness that has not exited 15 s later is killed.
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Each test of the spec file gets a harness of its own, with fresh user data, started before it
 * and stopped after it. `harness()` is the running one; `open(page)` loads the reader there and
 * waits for its first row; `restart()` starts it again on the same user data (as a relaunch).
 */
export function harnessPerTest(): { harness: () => RunningHarness; open: (page: Page) => Promise<void>; restart: () => Promise<void> } {
  let running: RunningHarness | undefined;
  test.beforeEach(async () => {
    running = await startHarness({ userDataDir: newUserDataDir() });
  });
  test.afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  const harness = () => {
    if (!running) throw new Error('no harness: harnessPerTest() serves the tests of its file only');
    return running;
  };
  return {
    harness,
    restart: async () => {
      const { userDataDir } = harness();
      await harness().stop();
      running = await startHarness({ userDataDir });
    },
    open: async (page) => {
      await page.goto(harness().url);
      await expect(page.locator('[data-row-id]').first()).toBeVisible();
    },
  };
}

/**
 * The harnesses of one spec file whose tests can share a data folder: one per system language,
 * each with fresh user data, started when a test first asks for it (`await harnessFor('ru-RU')`),
 * `setUp` run on it once, and stopped after the file's last test in that worker. A worker that runs
 * only English cases starts no Russian harness; two are never started at once (on a loaded machine
 * both could miss the start timeout). A start that fails is tried again by the next test.
 */
/** A harness per UI language for this file's tests: `open(page, lang, width)` loads it and focuses the first English clause. */
export function readersPerFile(): (page: Page, lang?: 'en-US' | 'ru-RU', width?: number) => Promise<RunningHarness> {
  const harnessFor = harnessesPerFile();
  return async (page, lang = 'en-US', width = 1400) => {
    const harness = await harnessFor(lang);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.locator('.cell[lang="en"] .clause').first().focus();
    return harness;
  };
}

export function harnessesPerFile(setUp?: (harness: RunningHarness) => Promise<void>): (systemLanguage?: string) => Promise<RunningHarness> {
  const started = new Map<string, Promise<RunningHarness>>();
  test.afterAll(async () => {
    const all = [...started.values()];
    started.clear();
    await Promise.all(all.map((running) => running.then((harness) => harness.stop(), () => undefined)));
  });
  return (systemLanguage = 'en-US') => {
    let running = started.get(systemLanguage);
    if (!running) {
      running = startHarness({ systemLanguage }).then(async (harness) => {
        try {
          await setUp?.(harness);
        } catch (error) {
          await harness.stop();
          throw error;
        }
        return harness;
      });
      started.set(systemLanguage, running);
      running.catch(() => started.delete(systemLanguage));
    }
    return running;
  };
}

/** Calls an IPC channel of the harness from outside the page, as a script does; its value (the test fails on an error answer). */
export async function ipc<T = unknown>(harness: RunningHarness, channel: string, payload?: unknown): Promise<T> {
  const response = await fetch(`${harness.origin}/__ipc/${channel}`, {
    method: 'POST',
    headers: { ...harness.headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(payload === undefined ? { hasPayload: false } : { hasPayload: true, payload }),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; message?: string };
  expect(result.ok, `${channel} answers: ${result.message ?? ''}`).toBe(true);
  return result.value as T;
}
