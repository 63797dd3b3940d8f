import type { BrowserWindow } from 'electron';
import type { WindowBounds } from '../core/settings/settings-store';

/** Saves the window's size and position (debounced while it moves, and once more on close). */
export function trackWindowBounds(win: BrowserWindow, save: (bounds: WindowBounds) => Promise<void>): void {
  let timer: NodeJS.Timeout | undefined;
  const current = (): WindowBounds => {
    const b = win.getNormalBounds();
    return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(current()).catch(() => undefined), 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', schedule);
  win.on('close', () => {
    clearTimeout(timer);
    void save(current()).catch(() => undefined);
  });
}
