/** The origin the renderer is served from inside Electron (custom protocol, never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bitext';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SenderInfo {
  /** URL of the frame that sent the message (`event.senderFrame.url`). */
  url: string | undefined;
  /** Whether that frame is the top frame of its page. */
  isMainFrame: boolean;
}

/** An IPC message is handled only when our own page's main frame sent it. */
export function isTrustedSender(sender: SenderInfo, origin: string = APP_ORIGIN): boolean {
  if (!sender.isMainFrame || !sender.url) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  const expected = new URL(origin);
  return url.protocol === expected.protocol && url.host === expected.host;
}
