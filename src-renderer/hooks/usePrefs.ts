import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReaderPrefs } from '../../src-main/contract/ipc';
import { expectOk, getApi } from '../api';

export const LEADING: Record<ReaderPrefs['lineSpacing'], number> = { compact: 1.45, normal: 1.62, relaxed: 1.85 };

export const FONT_STACKS: Record<ReaderPrefs['font'], string> = {
  serif: "'Literata Variable', Literata, Georgia, 'Times New Roman', serif",
  sans: "'Noto Sans', 'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  system: 'system-ui, -apple-system, sans-serif',
};

/** Applies the reader's preferences to the page: theme, text size and font, spacing, measure. */
export function applyPrefs(prefs: ReaderPrefs, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = prefs.theme;
  root.style.setProperty('--text-scale', String(1 + prefs.fontStep * 0.1));
  root.style.setProperty('--text-leading', String(LEADING[prefs.lineSpacing]));
  root.style.setProperty('--font-text', FONT_STACKS[prefs.font] ?? FONT_STACKS.serif);
  root.style.setProperty('--measure', `${prefs.measure}ch`);
  root.style.setProperty('--text-align', prefs.justify ? 'justify' : 'start');
  root.style.setProperty('--hyphens', prefs.hyphenate ? 'auto' : 'manual');
}

/** The reader's preferences: applied at once, saved by main, reverted if the save fails. */
export function usePrefs(initial: ReaderPrefs, onChanged?: (prefs: ReaderPrefs) => void): [ReaderPrefs, (patch: Partial<ReaderPrefs>) => void, string | undefined] {
  const [prefs, setPrefs] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const current = useRef(initial);

  const changed = useRef(onChanged);
  useEffect(() => {
    changed.current = onChanged;
  });
  useEffect(() => {
    applyPrefs(prefs);
    changed.current?.(prefs);
  }, [prefs]);

  const update = useCallback((patch: Partial<ReaderPrefs>) => {
    const before = current.current;
    const next = { ...before, ...patch };
    current.current = next;
    setPrefs(next);
    expectOk(getApi().setReaderPrefs(patch)).then(
      () => setError(undefined),
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        if (current.current === next) {
          current.current = before;
          setPrefs(before);
        }
      },
    );
  }, []);

  return [prefs, update, error];
}
