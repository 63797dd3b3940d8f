/**
 * Resolves an `app://bitext/...` request to a file inside the built renderer folder, refusing
 * anything that would leave it.
 */
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '../ipc/sender';

export type ProtocolTarget = { ok: true; path: string; mimeType: string } | { ok: false; status: 400 | 403 | 404 };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export function resolveAppRequest(rootDir: string, requestUrl: string): ProtocolTarget {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  return resolveStaticPath(rootDir, url.pathname);
}

/** Maps a URL path to a file under `rootDir`; `..`, encoded separators and NUL are refused. */
export function resolveStaticPath(rootDir: string, pathname: string): ProtocolTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) {
    return { ok: false, status: 403 };
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const path = resolve(root, relative);
  if (path !== root && !path.startsWith(root + sep)) return { ok: false, status: 403 };
  return { ok: true, path, mimeType: mimeTypeOf(path) };
}
