/**
 * What the popups anchored in the text share (the dictionary lookup, a book's footnote, the
 * clause menu): where a popup goes beside the box it belongs to, and closing it on a press outside.
 */
import { type RefObject, useEffect } from 'react';

/** The popup below `box` (above it when there is no room below), at `left`, kept inside the window. */
export function placeBeside(box: { left: number; top: number; bottom: number }, popup: HTMLElement, left: number): { left: number; top: number } {
  const { width, height } = popup.getBoundingClientRect();
  const below = box.bottom + 6;
  const top = below + height > window.innerHeight - 8 && box.top - height - 6 > 8 ? box.top - height - 6 : Math.min(below, Math.max(8, window.innerHeight - height - 8));
  return { left: Math.max(8, Math.min(left, window.innerWidth - width - 8)), top };
}

/** Closes `overlay` (the reader, whose `close` shuts the open popup) on a mouse press outside `ref`'s element. */
export function useCloseOnPressOutside(ref: RefObject<HTMLElement | null>, overlay: { close(): void }): void {
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) overlay.close();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [ref, overlay]);
}
