import { describe, expect, it } from 'vitest';
import type { WindowBounds } from '../settings/settings-store';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  type MainWindowOptions,
  type WorkArea,
  createMainWindow,
  fitBounds,
  mainWindowOptions,
} from './main-window';

class FakeWindow {
  static created: FakeWindow[] = [];
  readonly calls: string[] = [];
  private readonly listeners = new Map<string, () => void>();

  constructor(readonly options: MainWindowOptions) {
    FakeWindow.created.push(this);
  }

  maximize(): void {
    this.calls.push('maximize');
  }

  show(): void {
    this.calls.push('show');
  }

  once(event: 'ready-to-show', listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }

  emit(event: string): void {
    const listener = this.listeners.get(event);
    this.listeners.delete(event);
    listener?.();
  }
}

const PRIMARY: WorkArea = { x: 0, y: 0, width: 1920, height: 1040 };
const SECONDARY: WorkArea = { x: 1920, y: 0, width: 1280, height: 984 };

function bounds(partial: Partial<WindowBounds>): WindowBounds {
  return { x: 100, y: 100, width: 1000, height: 700, maximized: false, ...partial };
}

describe('createMainWindow', () => {
  it('creates the window with secure web preferences and the preload', () => {
    const win = createMainWindow(FakeWindow, {
      preloadPath: '/app/out/preload/index.cjs',
      title: 'Bitext Reader',
      workAreas: [PRIMARY],
    });
    expect(FakeWindow.created.at(-1)).toBe(win);
    expect(win.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
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
    });
    expect(win.options.title).toBe('Bitext Reader');
  });

  it('stays hidden until ready-to-show, then shows', () => {
    const win = createMainWindow(FakeWindow, { preloadPath: '/p.js', title: 't', workAreas: [PRIMARY] });
    expect(win.options.show).toBe(false);
    expect(win.calls).toEqual([]);
    win.emit('ready-to-show');
    expect(win.calls).toEqual(['show']);
  });

  it('uses the default size and lets the system place a window with no saved bounds', () => {
    const win = createMainWindow(FakeWindow, { preloadPath: '/p.js', title: 't', workAreas: [PRIMARY] });
    expect(win.options).toMatchObject({ ...DEFAULT_SIZE, minWidth: MIN_SIZE.width, minHeight: MIN_SIZE.height });
    expect(win.options.x).toBeUndefined();
    expect(win.options.y).toBeUndefined();
    expect(win.calls).not.toContain('maximize');
  });

  it('restores saved bounds and maximizes a window saved maximized', () => {
    const saved = bounds({ x: 50, y: 60, width: 900, height: 650, maximized: true });
    const win = createMainWindow(FakeWindow, {
      preloadPath: '/p.js',
      title: 't',
      bounds: saved,
      workAreas: [PRIMARY],
    });
    expect(win.options).toMatchObject({ x: 50, y: 60, width: 900, height: 650 });
    expect(win.calls).toEqual(['maximize']);
    win.emit('ready-to-show');
    expect(win.calls).toEqual(['maximize', 'show']);
  });

  it('does not maximize a window saved unmaximized', () => {
    const win = createMainWindow(FakeWindow, {
      preloadPath: '/p.js',
      title: 't',
      bounds: bounds({ maximized: false }),
      workAreas: [PRIMARY],
    });
    expect(win.calls).not.toContain('maximize');
  });

  it('passes the icon only when given', () => {
    expect(mainWindowOptions({ preloadPath: '/p', title: 't', workAreas: [] })).not.toHaveProperty('icon');
    expect(mainWindowOptions({ preloadPath: '/p', title: 't', iconPath: '/i.png', workAreas: [] }).icon).toBe('/i.png');
  });
});

describe('fitBounds', () => {
  it('keeps bounds that lie on an attached display', () => {
    expect(fitBounds(bounds({ x: 100, y: 80, width: 1000, height: 700 }), [PRIMARY, SECONDARY])).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
    });
  });

  it('keeps bounds on a secondary display', () => {
    expect(fitBounds(bounds({ x: 2000, y: 10, width: 800, height: 600 }), [PRIMARY, SECONDARY])).toEqual({
      x: 2000,
      y: 10,
      width: 800,
      height: 600,
    });
  });

  it('keeps bounds on a display left of the primary (negative coordinates)', () => {
    const left: WorkArea = { x: -1440, y: 0, width: 1440, height: 900 };
    expect(fitBounds(bounds({ x: -1300, y: 50, width: 800, height: 600 }), [PRIMARY, left])).toEqual({
      x: -1300,
      y: 50,
      width: 800,
      height: 600,
    });
  });

  it('drops the position of a window whose display has gone, keeping its size', () => {
    // Saved on the secondary display, which is no longer attached.
    expect(fitBounds(bounds({ x: 2000, y: 10, width: 800, height: 600 }), [PRIMARY])).toEqual({
      width: 800,
      height: 600,
    });
  });

  it('drops the position when the title bar would be above the display', () => {
    expect(fitBounds(bounds({ x: 100, y: -200, width: 800, height: 600 }), [PRIMARY])).toEqual({
      width: 800,
      height: 600,
    });
  });

  it('clamps the size of a misplaced window to the largest work area', () => {
    const small: WorkArea = { x: 0, y: 0, width: 1024, height: 740 };
    const large: WorkArea = { x: 1024, y: 0, width: 2560, height: 1400 };
    expect(fitBounds(bounds({ x: 9000, y: 9000, width: 4000, height: 3000 }), [small, large])).toEqual({
      width: 2560,
      height: 1400,
    });
  });

  it('clamps the size of a window on a display to that display', () => {
    const small: WorkArea = { x: 0, y: 0, width: 1024, height: 740 };
    expect(fitBounds(bounds({ x: 10, y: 10, width: 3000, height: 2000 }), [small])).toEqual({
      x: 10,
      y: 10,
      width: 1024,
      height: 740,
    });
  });

  it('never goes below the minimum size', () => {
    expect(fitBounds(bounds({ x: 10, y: 10, width: 100, height: 50 }), [PRIMARY])).toEqual({
      x: 10,
      y: 10,
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
    });
    const tiny: WorkArea = { x: 0, y: 0, width: 320, height: 240 };
    const fitted = fitBounds(bounds({ x: 5000, y: 5000, width: 1000, height: 800 }), [tiny]);
    expect(fitted).toEqual({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });

  it('keeps the saved size when no display is known', () => {
    expect(fitBounds(bounds({ x: 10, y: 10, width: 1000, height: 700 }), [])).toEqual({ width: 1000, height: 700 });
  });
});
