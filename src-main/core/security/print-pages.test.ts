import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../ipc/sender';
import { PrintPages, PRINT_CSP } from './print-pages';

describe('PrintPages', () => {
  it('serves a page at an app:// URL (not data:, which the session cancels) until it is released', () => {
    const pages = new PrintPages();
    const html = `<html><body>${'x'.repeat(3 * 1024 * 1024)}</body></html>`;
    const page = pages.add(html);
    expect(page.url.startsWith(`${APP_ORIGIN}/__print/`)).toBe(true);
    const { pathname } = new URL(page.url);
    expect(pages.lookup(pathname)).toBe(html);
    page.release();
    expect(pages.lookup(pathname)).toBeNull();
    expect(pages.size).toBe(0);
  });

  it('gives each page its own unguessable id, and answers null for unknown or malformed print paths', () => {
    const pages = new PrintPages();
    const a = new URL(pages.add('a').url).pathname;
    const b = new URL(pages.add('b').url).pathname;
    expect(a).not.toBe(b);
    expect(pages.lookup(a)).toBe('a');
    expect(pages.lookup('/__print/0123.html')).toBeNull();
    expect(pages.lookup(`${a}/../index.html`)).toBeNull();
    expect(pages.lookup('/index.html')).toBeUndefined();
  });

  it('lets the page load no script and nothing from outside', () => {
    expect(PRINT_CSP).toContain("default-src 'none'");
    expect(PRINT_CSP).not.toMatch(/script-src/);
  });
});
