import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../core/ipc/sender';
import { resolveAppRequest } from '../core/security/app-protocol';
import { contentSecurityPolicy } from '../core/security/csp';
import { PRINT_CSP, printPages } from '../core/security/print-pages';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ]);
}

/**
 * Serves the built renderer from `app://bitext/`, refusing any path outside it. `firstPaint` may
 * rewrite the page (`index.html`): the first document's rows sent with it (core/startup/first-paint).
 */
export function registerAppProtocol(rendererDir: string, firstPaint?: (html: string) => Promise<string>): void {
  const csp = contentSecurityPolicy({ allowConnectToSelf: false });
  protocol.handle(APP_SCHEME, async (request) => {
    // A print page being printed (`electron/print.ts`): from memory, with its own CSP.
    const url = URL.canParse(request.url) ? new URL(request.url) : undefined;
    const printPage = url?.host === APP_HOST ? printPages.lookup(url.pathname) : undefined;
    if (printPage === null) return new Response(null, { status: 404 });
    if (printPage !== undefined) {
      return new Response(printPage, {
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP, 'X-Content-Type-Options': 'nosniff' },
      });
    }
    const target = resolveAppRequest(rendererDir, request.url);
    if (!target.ok) return new Response(null, { status: target.status });
    try {
      const file = await readFile(target.path);
      const body = firstPaint && target.mimeType.startsWith('text/html') ? await firstPaint(file.toString('utf8')) : file;
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': target.mimeType,
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
