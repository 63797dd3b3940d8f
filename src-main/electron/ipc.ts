import { type BrowserWindow, ipcMain } from 'electron';
import { type EventChannel, type EventPayload, contract, METHOD_NAMES } from '../contract/ipc';
import { type Handlers, dispatch } from '../core/ipc/handlers';
import { isTrustedSender } from '../core/ipc/sender';

/** Registers one handler per contract channel; each checks its sender before anything runs. */
export function registerIpc(handlers: Handlers, origin: string): void {
  for (const name of METHOD_NAMES) {
    const { channel } = contract[name];
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender({ url: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame }, origin);
      if (!trusted) return { ok: false, code: 'forbidden', message: 'Unexpected sender' };
      return dispatch(handlers, channel, payload);
    });
  }
}

/** Pushes one of the contract's events; the payload is typed by its channel. */
export function sendToRenderer<C extends EventChannel>(win: BrowserWindow | undefined, channel: C, payload: EventPayload<C>): void {
  if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
}
