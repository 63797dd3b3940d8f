/**
 * The row being read stays where it is on screen when the text column changes width: a side panel
 * opening or closing beside it (or the window resized) re-wraps every row above, and the browser's
 * own scroll anchoring picks whatever element it likes, so the row at the top slid down by a row
 * or more and the reading position read one paragraph back.
 */
import type { ReaderController } from './controller';

interface Place {
  /** The row under the sticky header (`data-row-line`) and its top, in window coordinates. */
  line: number;
  top: number;
  /** The text column's width when measured. */
  width: number;
}

function rowUnderHeader(): HTMLElement | undefined {
  const header = document.querySelector<HTMLElement>('.app-header');
  const y = (header?.offsetHeight ?? 0) + 40;
  return (
    document
      .elementsFromPoint(window.innerWidth / 4, y)
      .map((el) => el.closest<HTMLElement>('[data-row-line]'))
      .find((el): el is HTMLElement => el !== null) ?? undefined
  );
}

/**
 * Starts keeping the place; the function it gives stops. A jump (go to a row, a match, a finding)
 * is a move of the reader's own: the place is forgotten then, and measured again once the page has
 * scrolled there, so a panel opened with it (the checks on one row) does not pull the page back.
 */
export function keepPlace(app: ReaderController): () => void {
  const column = document.querySelector<HTMLElement>('.reader-layout > .app-main');
  if (!column) return () => undefined;
  let place: Place | undefined;
  const measure = () => {
    const width = column.clientWidth;
    // Measured again only at the width it was measured at: a scroll the browser made for the
    // new width is not the reader's, and the place is put back first (below).
    if (place && place.width !== width) return;
    const row = rowUnderHeader();
    place = row ? { line: Number(row.dataset.rowLine), top: row.getBoundingClientRect().top, width } : undefined;
  };
  const restore = () => {
    const width = column.clientWidth;
    if (!place || place.width === width) return;
    const row = document.querySelector<HTMLElement>(`[data-row-line="${place.line}"]`);
    const shift = row ? row.getBoundingClientRect().top - place.top : 0;
    place = { ...place, width };
    if (Math.abs(shift) >= 1) window.scrollBy({ top: shift, behavior: 'instant' });
  };
  measure();
  const observer = new ResizeObserver(restore);
  observer.observe(column);
  // Once a frame at most while the page scrolls (a hit test and a width read each time).
  let queued = false;
  const onScroll = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      measure();
    });
  };
  window.addEventListener('scroll', onScroll, { passive: true });
  let jump = app.state.jump;
  const unsubscribe = app.store.subscribe(() => {
    if (app.state.jump === jump) return;
    jump = app.state.jump;
    place = undefined;
    // Measured once it has landed, even if the page did not need to scroll.
    requestAnimationFrame(() => requestAnimationFrame(measure));
  });
  return () => {
    observer.disconnect();
    window.removeEventListener('scroll', onScroll);
    unsubscribe();
  };
}
