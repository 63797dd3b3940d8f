/**
 * The preload: exposes the contract's named functions as `window.bitext`, never ipcRenderer
 * itself or an event object.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { type BitextApi, buildApi, EARLY_METHODS } from '../contract/channels';

const api: BitextApi = buildApi(
  (channel, payload) => ipcRenderer.invoke(channel, payload),
  (channel, listener) => {
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
  // The settings and the first document are asked for now, while the page's bundle loads.
  { early: EARLY_METHODS },
);

contextBridge.exposeInMainWorld('bitext', api);
