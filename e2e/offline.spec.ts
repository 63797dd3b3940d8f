import { expect, test } from '@playwright/test';
import { type RunningHarness, startHarness } from './helpers/harness';

let harness: RunningHarness;
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => {
  await harness.stop();
});

test('the page makes no request that does not go to the app itself', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.locator('.clause').first().hover();
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Преамбула' })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  expect(requests.length).toBeGreaterThan(3);
  const foreign = requests.filter((url) => !url.startsWith(`${harness.origin}/`));
  expect(foreign).toEqual([]);
});

test('the page is served with a strict Content-Security-Policy', async ({ page }) => {
  const response = await page.goto(harness.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  // An inline script is refused.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
});

test('malformed requests get clear errors as values', async ({ request }) => {
  const post = (channel: string, body: unknown) =>
    request.post(`${harness.origin}/__ipc/${channel}`, { data: body, headers: harness.headers });
  const badId = await (await post('documents:open', { payload: { id: '../../etc' }, hasPayload: true })).json();
  expect(badId).toMatchObject({ ok: false, code: 'bad-request' });
  const extra = await (await post('settings:set-ui-language', { payload: { uiLanguage: 'de' }, hasPayload: true })).json();
  expect(extra).toMatchObject({ ok: false, code: 'bad-request' });
  const unknown = await (await post('shell:exec', { payload: 'rm', hasPayload: true })).json();
  expect(unknown).toMatchObject({ ok: false, code: 'unknown-channel' });
  const missing = await (await post('documents:open', { payload: { id: 'no-such-document' }, hasPayload: true })).json();
  expect(missing).toMatchObject({ ok: false, code: 'not-found' });
  const foreign = await request.post(`${harness.origin}/__ipc/settings:get`, {
    data: { hasPayload: false },
    headers: { ...harness.headers, Origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
});

test('nothing is served or run without the token printed at start', async ({ request, page }) => {
  const ipc = (headers: Record<string, string>) =>
    request.post(`${harness.origin}/__ipc/settings:get`, { data: { hasPayload: false }, headers });
  // Host and Origin are right, as any local process can make them: still refused.
  expect((await ipc({ Origin: harness.origin })).status()).toBe(403);
  expect((await ipc({ Origin: harness.origin, 'X-Bitext-Token': `${harness.token.slice(1)}x` })).status()).toBe(403);
  expect((await ipc({ Origin: harness.origin, 'X-Bitext-Token': harness.token.slice(1) })).status()).toBe(403);
  expect((await request.get(`${harness.origin}/`)).status()).toBe(403);
  expect((await request.get(`${harness.origin}/?token=wrong`)).status()).toBe(403);
  expect(await (await ipc(harness.headers)).json()).toMatchObject({ ok: true });

  // The printed address opens the reader, and the token leaves the address bar.
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  expect(page.url()).toBe(`${harness.origin}/`);
  // The page itself keeps working through its cookie, across a reload.
  await page.reload();
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  expect(await page.evaluate(() => document.cookie)).toBe('');
});
