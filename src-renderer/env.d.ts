import type { BitextApi } from '../src-main/contract/ipc';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the harness bridge (browser tests). */
    readonly bitext?: BitextApi;
  }
}
