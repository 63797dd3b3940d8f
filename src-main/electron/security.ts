import { type WebContents, session } from 'electron';

/** Writing plain text to the clipboard (the reader's Copy commands) is the one thing allowed. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Denies every other permission, and cancels every request that is not for the app's own files. */
export function hardenSession(origin: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isOwnUrl(details.url, origin) });
  });
}

/** No navigation away from the app, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, origin: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url, origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url, origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function isOwnUrl(url: string, origin: string): boolean {
  return url === origin || url.startsWith(`${origin}/`) || url.startsWith('devtools://');
}
