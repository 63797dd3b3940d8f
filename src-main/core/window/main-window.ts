/**
 * The main window's options and creation. Electron's BrowserWindow class is injected, so the
 * security options are unit-tested under Node without Electron.
 */
import type { WindowBounds } from '../settings/settings-store';

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  safeDialogs: true;
  /** Middle-click would open new windows (denied anyway); switch the feature off outright. */
  disableBlinkFeatures: 'Auxclick';
}

export interface MainWindowOptions {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: false;
  backgroundColor: string;
  title: string;
  icon?: string;
  webPreferences: SecureWebPreferences;
}

export const DEFAULT_SIZE = { width: 1200, height: 860 } as const;
export const MIN_SIZE = { width: 480, height: 360 } as const;

export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function mainWindowOptions(input: {
  preloadPath: string;
  title: string;
  iconPath?: string;
  bounds?: WindowBounds;
  workAreas: readonly WorkArea[];
}): MainWindowOptions {
  const placed = input.bounds ? fitBounds(input.bounds, input.workAreas) : undefined;
  return {
    ...(placed ? { x: placed.x, y: placed.y, width: placed.width, height: placed.height } : { ...DEFAULT_SIZE }),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: '#faf8f3',
    title: input.title,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/**
 * Restores saved bounds only where the window would still be reachable: on a display that is
 * still attached, with its title bar visible. Otherwise the size is kept and the position dropped.
 */
export function fitBounds(
  bounds: WindowBounds,
  workAreas: readonly WorkArea[],
): { x?: number; y?: number; width: number; height: number } {
  const area = workAreas.find(
    (a) =>
      bounds.x + 64 <= a.x + a.width &&
      bounds.x + bounds.width - 64 >= a.x &&
      bounds.y >= a.y &&
      bounds.y + 32 <= a.y + a.height,
  );
  const largest = workAreas.reduce<WorkArea | undefined>(
    (best, a) => (!best || a.width * a.height > best.width * best.height ? a : best),
    undefined,
  );
  const limit = area ?? largest;
  const width = Math.max(MIN_SIZE.width, limit ? Math.min(bounds.width, limit.width) : bounds.width);
  const height = Math.max(MIN_SIZE.height, limit ? Math.min(bounds.height, limit.height) : bounds.height);
  return area ? { x: bounds.x, y: bounds.y, width, height } : { width, height };
}

/** The part of Electron's BrowserWindow this module needs. */
export interface WindowLike {
  maximize(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
}

export type WindowClass<W extends WindowLike> = new (options: MainWindowOptions) => W;

export function createMainWindow<W extends WindowLike>(
  BrowserWindow: WindowClass<W>,
  input: Parameters<typeof mainWindowOptions>[0],
): W {
  const win = new BrowserWindow(mainWindowOptions(input));
  if (input.bounds?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  return win;
}
