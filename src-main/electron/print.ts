/**
 * The print glue (Electron 45): the print page (`core/export/print.ts`, self-contained HTML with
 * its own CSS and CSP) is loaded in a hidden, sandboxed window with no preload and no JavaScript,
 * then `webContents.printToPDF` (A4, backgrounds) or `webContents.print` (the system dialog).
 * The page is served by the app's protocol (`core/security/print-pages.ts`), not as a `data:`
 * URL: the session cancels requests outside the app's origin, and a URL is at most 2 MB.
 */
import { BrowserWindow } from 'electron';
import type { Printer } from '../core/export/print';
import { printPages } from '../core/security/print-pages';

async function withPage<T>(html: string, run: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
  });
  const page = printPages.add(html);
  try {
    await window.loadURL(page.url);
    return await run(window);
  } finally {
    page.release();
    if (!window.isDestroyed()) window.destroy();
  }
}

export const electronPrinter: Printer = {
  toPdf: (html) =>
    withPage(html, async (window) => {
      const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateDocumentOutline: false });
      return new Uint8Array(pdf);
    }),
  print: (html) =>
    withPage(
      html,
      (window) =>
        new Promise<boolean>((resolve, reject) => {
          window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
            // A cancelled dialog is not a failure.
            if (success || failureReason === 'Print job canceled' || failureReason === 'cancelled') resolve(success);
            else reject(new Error(`Printing failed: ${failureReason}`));
          });
        }),
    ),
};
