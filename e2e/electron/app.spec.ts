/**
 * The real Electron app, for machines where the Electron binary is installed. Where it cannot be
 * (no download allowed, as in this project's CI), every test here is skipped with the reason.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ElectronApplication, _electron as electron, expect, test } from '@playwright/test';
import { ROOT } from '../helpers/harness';

/**
 * Where the Electron binary is, found without `require('electron')`: that would try to download it,
 * and these machines must make no request that does not go to the app itself.
 */
function electronBinary(): { path?: string; why?: string } {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(path) ? { path } : { why: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary (${path})` };
  }
  const dir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { why: 'the Electron binary is not installed (node_modules/electron/path.txt is missing)' };
  const path = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path } : { why: `the Electron binary is not installed (${path} is missing)` };
}

const binary = electronBinary();
const built = existsSync(join(ROOT, 'out/main/index.js'));
const skipReason = binary.why ?? (built ? undefined : 'the app is not built (run `npm run build`)');
if (skipReason) console.log(`[electron specs] skipped: ${skipReason}. They run where \`npx electron --version\` works.`);

test.describe('Electron app', () => {
  test.skip(skipReason !== undefined, skipReason ?? '');

  let app: ElectronApplication;
  test.beforeAll(async () => {
    app = await electron.launch({
      executablePath: binary.path!,
      args: [join(ROOT, 'out/main/index.js'), '--user-data', mkdtempSync(join(tmpdir(), 'bitext-electron-'))],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' },
    });
  });
  test.afterAll(async () => {
    await app?.close();
  });

  test('the window is isolated, sandboxed and without Node', async () => {
    const page = await app.firstWindow();
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(page.url()).toMatch(/^app:\/\/bitext\//);
    // Context isolation: the page sees only the frozen named functions the preload exposed.
    const api = await page.evaluate(() => {
      const bitext = (window as unknown as { bitext: Record<string, unknown> }).bitext;
      return { frozen: Object.isFrozen(bitext), kinds: [...new Set(Object.values(bitext).map((v) => typeof v))] };
    });
    expect(api).toEqual({ frozen: true, kinds: ['function'] });
  });

  test('the statement is shown side by side', async () => {
    const page = await app.firstWindow();
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await expect(page.locator('.cell[lang="ru"]').first()).toContainText('министры');
  });

  test('navigation away from the app and new windows are refused', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/bitext\//);
    await page.evaluate(() => window.open('https://example.com/'));
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
  });
});
