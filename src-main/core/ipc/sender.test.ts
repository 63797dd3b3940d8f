import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedSender } from './sender';

describe('isTrustedSender', () => {
  it('trusts the app page’s main frame', () => {
    expect(isTrustedSender({ url: 'app://bitext/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://bitext/', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://bitext/index.html#x?y', isMainFrame: true })).toBe(true);
  });

  it('does not trust a subframe of the app page', () => {
    expect(isTrustedSender({ url: 'app://bitext/index.html', isMainFrame: false })).toBe(false);
  });

  it.each([
    'file:///work/out/renderer/index.html',
    'http://localhost/index.html',
    'http://localhost:5173/',
    'https://bitext/index.html',
    'app://evil/index.html',
    'app://bitext.evil.com/index.html',
    'app://evil.bitext/index.html',
    'app://bitext:8080/index.html',
    'bitext://app/index.html',
    'about:blank',
    'data:text/html,<p>app://bitext/</p>',
    'javascript:alert(1)',
  ])('does not trust another origin: %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });

  it.each([undefined, '', 'not a url', '://bitext', 'app//bitext/index.html'])(
    'does not trust a missing or malformed URL: %j',
    (url) => {
      expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
    },
  );

  it('accepts an explicit origin (the harness)', () => {
    const origin = 'http://127.0.0.1:4321';
    expect(isTrustedSender({ url: 'http://127.0.0.1:4321/index.html', isMainFrame: true }, origin)).toBe(true);
    expect(isTrustedSender({ url: 'http://127.0.0.1:4322/index.html', isMainFrame: true }, origin)).toBe(false);
    expect(isTrustedSender({ url: 'app://bitext/index.html', isMainFrame: true }, origin)).toBe(false);
    expect(APP_ORIGIN).toBe('app://bitext');
  });
});
