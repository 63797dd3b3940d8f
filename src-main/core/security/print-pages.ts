/**
 * The print pages the hidden print window loads (Electron), served by the app's own protocol at
 * `app://bitext/__print/<random id>.html`. Not a `data:` URL: the session cancels every request
 * that is not for the app's origin (`electron/security.ts`), and Chromium refuses URLs over 2 MB,
 * which a book's print page passes easily. A page is served while its print job runs, then
 * released; an unknown id is 404. Pure: no Electron, tested under Node.
 */
import { randomBytes } from 'node:crypto';
import { APP_ORIGIN } from '../ipc/sender';

const PRINT_PATH = '/__print/';

/** What the print page may load: its own inline CSS, nothing else (no script, no network). */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export class PrintPages {
  private readonly pages = new Map<string, string>();

  constructor(private readonly origin: string = APP_ORIGIN) {}

  /** Keeps the page until `release`; `url` is where the print window loads it. */
  add(html: string): { url: string; release: () => void } {
    const id = randomBytes(16).toString('hex');
    this.pages.set(id, html);
    return { url: `${this.origin}${PRINT_PATH}${id}.html`, release: () => void this.pages.delete(id) };
  }

  /** `undefined`: not a print page's path (serve the renderer's files); `null`: a print path with no page (404). */
  lookup(pathname: string): string | null | undefined {
    if (!pathname.startsWith(PRINT_PATH)) return undefined;
    const match = /^([0-9a-f]{32})\.html$/.exec(pathname.slice(PRINT_PATH.length));
    return (match && this.pages.get(match[1]!)) ?? null;
  }

  get size(): number {
    return this.pages.size;
  }
}

/** The one set of print pages of the app (the protocol handler and the print glue share it). */
export const printPages = new PrintPages();
