/**
 * Starts the loopback harness (`npm run web`) as a separate process, as a user would, so a test
 * can stop it and start it again on the same data folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningHarness {
  origin: string;
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
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src-main/web/harness.ts'),
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
  const origin = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`harness did not start in 30 s\n${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`harness exited with ${code}\n${stderr}`));
    });
  });
  return {
    origin,
    userDataDir,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
