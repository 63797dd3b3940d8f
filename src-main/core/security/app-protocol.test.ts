import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppRequest, resolveStaticPath } from './app-protocol';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bitext-protocol-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function isInside(rootDir: string, path: string): boolean {
  const rel = relative(resolve(rootDir), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

describe('resolveAppRequest', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppRequest(root, 'app://bitext/')).toEqual({
      ok: true,
      path: join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest(root, 'app://bitext')).toMatchObject({ ok: true, path: join(root, 'index.html') });
  });

  it('maps an asset path to a file inside the root', () => {
    const target = resolveAppRequest(root, 'app://bitext/assets/index-abc123.js?v=1#top');
    expect(target).toEqual({
      ok: true,
      path: join(root, 'assets', 'index-abc123.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppRequest(root, 'app://bitext/fonts/my%20font.woff2')).toMatchObject({
      ok: true,
      path: join(root, 'fonts', 'my font.woff2'),
      mimeType: 'font/woff2',
    });
  });

  it.each([
    'file:///etc/passwd',
    'http://bitext/index.html',
    'https://bitext/index.html',
    'app://evil/index.html',
    'app://bitext.evil/index.html',
    'app://bitext:99/index.html',
  ])('refuses another scheme or host: %s', (url) => {
    expect(resolveAppRequest(root, url)).toEqual({ ok: false, status: 403 });
  });

  it('refuses a URL that does not parse', () => {
    expect(resolveAppRequest(root, 'not a url')).toEqual({ ok: false, status: 400 });
  });

  it.each([
    'app://bitext/../../../etc/passwd',
    'app://bitext/assets/../../secret',
    'app://bitext/%2e%2e/%2e%2e/etc/passwd',
    'app://bitext/%2E%2E/secret',
    'app://bitext/..%2f..%2fetc%2fpasswd',
    'app://bitext/assets%2f..%2f..%2fsecret',
    'app://bitext/..%5c..%5csecret',
    'app://bitext/assets%5csecret',
    'app://bitext/index.html%00.png',
    'app://bitext/%E0%A4%A',
    'app://bitext//etc/passwd',
    'app://bitext/%2fetc%2fpasswd',
    'app://bitext/C:/Windows/win.ini',
    'app://bitext/C:%5cWindows%5cwin.ini',
  ])('never resolves outside the root: %s', (url) => {
    const target = resolveAppRequest(root, url);
    if (target.ok) expect(isInside(root, target.path), target.path).toBe(true);
    else expect([400, 403]).toContain(target.status);
  });

  it.each([
    ['app://bitext/..%2f..%2fetc%2fpasswd', 403],
    ['app://bitext/assets%2f..%2f..%2fsecret', 403],
    ['app://bitext/..%5c..%5csecret', 403],
    ['app://bitext/assets%5csecret', 403],
    ['app://bitext/index.html%00.png', 403],
    ['app://bitext/%E0%A4%A', 400],
  ] as const)('refuses encoded traversal, separators, NUL and bad escapes: %s → %i', (url, status) => {
    expect(resolveAppRequest(root, url)).toEqual({ ok: false, status });
  });
});

describe('resolveStaticPath', () => {
  it.each(['/../secret', '/assets/../../secret', '/..', '../x', '/a/b/../../../x', '/%2e%2e/x', '/..%2Fx'])(
    'refuses a path with a .. segment: %s',
    (path) => {
      expect(resolveStaticPath(root, path)).toEqual({ ok: false, status: 403 });
    },
  );

  it.each(['/assets/../index.html', '/a/%2e%2e/index.html', '/assets/..'])(
    'refuses a .. segment even when it would stay inside the root: %s',
    (path) => {
      expect(resolveStaticPath(root, path)).toEqual({ ok: false, status: 403 });
    },
  );

  it.each(['/a\\..\\..\\x', '/%5c%5cserver%5cshare', '/x%00', '/x\0y'])('refuses backslashes and NUL: %j', (path) => {
    expect(resolveStaticPath(root, path)).toEqual({ ok: false, status: 403 });
  });

  it('treats absolute-looking paths as relative to the root', () => {
    for (const path of ['//etc/passwd', '///etc/passwd', '/%2Fetc/passwd']) {
      const target = resolveStaticPath(root, path);
      if (target.ok) expect(target.path).toBe(join(root, 'etc', 'passwd'));
      else expect(target.status).toBe(403);
    }
  });

  it('allows names that merely contain dots', () => {
    expect(resolveStaticPath(root, '/a..b/..c.js')).toMatchObject({ ok: true, path: join(root, 'a..b', '..c.js') });
  });

  it('does not accept a sibling folder that shares the root’s name as a prefix', () => {
    // `${root}-evil` starts with `root` as a string but is outside it.
    const target = resolveStaticPath(root, `/../${root.split(/[\\/]/).pop()}-evil/x`);
    expect(target.ok).toBe(false);
  });
});

describe('mimeTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['A.CSS', 'text/css; charset=utf-8'],
    ['x.json', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['f.woff2', 'font/woff2'],
    ['f.woff', 'font/woff'],
    ['t.txt', 'text/plain; charset=utf-8'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (path, mime) => {
    expect(mimeTypeOf(path)).toBe(mime);
  });
});
