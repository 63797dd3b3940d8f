import { useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import type { AnnotationView } from '../../src-main/contract/ipc';
import type { RowEntry } from './model';
import { type ClauseMarks, type RowLayout, RowView, type RowViewProps } from './RowView';

/** Documents longer than this are rendered in windows of rows (virtualised). */
export const VIRTUALIZE_ABOVE = 400;

export interface ReaderBodyHandle {
  /** Brings a row into view (at the top), rendering it first if needed. */
  scrollToIndex(index: number): void;
}

export interface ReaderBodyProps {
  entries: readonly RowEntry[];
  view: RowLayout;
  marks: ReadonlyMap<number, ClauseMarks>;
  rowNotes: ReadonlyMap<number, readonly AnnotationView[]>;
  peekRow: number | undefined;
  /** Rows the reader confirmed. */
  confirmed: ReadonlySet<string>;
  marginNotes: ReadonlyMap<number, readonly AnnotationView[]>;
  bookmarks: ReadonlySet<string>;
  /** Rows in the whole document, when only its first rows are here yet (so the body is chosen once). */
  rowsInDocument?: number;
}

/** What one row is drawn with, the same in both kinds of body. */
function rowProps(props: ReaderBodyProps, entry: RowEntry): RowViewProps {
  return {
    entry,
    view: props.view,
    marks: props.marks.get(entry.index),
    rowNotes: props.rowNotes.get(entry.index),
    peek: props.peekRow === entry.index,
    checked: props.confirmed.has(entry.row.id),
    marginNotes: props.marginNotes.get(entry.index),
    bookmarked: props.bookmarks.has(entry.row.id),
  };
}

/** Small documents render every row (best for screen readers and the browser's own find). */
const PlainRows = forwardRef<ReaderBodyHandle, ReaderBodyProps>(function PlainRows(props, ref) {
  useImperativeHandle(ref, () => ({
    scrollToIndex(index) {
      document.querySelector(`[data-row-line="${index}"]`)?.scrollIntoView({ block: 'start' });
    },
  }));
  return (
    <div className="rows">
      {props.entries.map((entry) => (
        <RowView key={entry.row.id} {...rowProps(props, entry)} />
      ))}
    </div>
  );
});

const estimateRowSize = () => 140;

/**
 * A row's height from the ResizeObserver's entry only. Mounting a row (at open, after a jump) asks
 * too, without an entry: the size known (or the estimate) is answered, not `offsetHeight`, which
 * laid the page out once per row mounted and re-placed every row after it (20,000 in a book) each
 * time; the observer reports all the new rows at once, after the frame's own layout.
 */
function measureRow(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<Window, Element>): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  if (entry) return Math.round(entry.contentRect.height);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
}

/** Book-length documents: only the rows near the window are in the page; heights are measured. */
const VirtualRows = forwardRef<ReaderBodyHandle, ReaderBodyProps>(function VirtualRows(props, ref) {
  const listRef = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    setMargin(listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0);
  }, []);
  // Stable functions: the virtualizer recomputes every row's offset (all 20,000 of a book) when
  // `getItemKey` changes, so a new one each render cost that on every frame of a scroll.
  const { entries } = props;
  const getItemKey = useCallback((index: number) => entries[index]?.row.id ?? index, [entries]);
  const virtualizer = useWindowVirtualizer({
    count: entries.length,
    estimateSize: estimateRowSize,
    overscan: 8,
    scrollMargin: margin,
    getItemKey,
    measureElement: measureRow,
    // The rows' offsets and the list's height are written straight to the DOM: React renders the
    // list again only when the range of rows changes, not for every row measured or pixel scrolled.
    directDomUpdates: true,
  });
  const setList = useCallback(
    (node: HTMLDivElement | null) => {
      listRef.current = node;
      virtualizer.containerRef(node);
    },
    [virtualizer],
  );
  useImperativeHandle(ref, () => ({
    scrollToIndex(index) {
      virtualizer.scrollToIndex(index, { align: 'start' });
    },
  }));
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={setList} className="rows rows-virtual">
      {items.map((item) => {
        const entry = entries[item.index]!;
        return (
          <div key={item.key} ref={virtualizer.measureElement} data-index={item.index} className="virtual-item">
            <RowView {...rowProps(props, entry)} />
          </div>
        );
      })}
    </div>
  );
});

export const ReaderBody = forwardRef<ReaderBodyHandle, ReaderBodyProps>(function ReaderBody(props, ref) {
  return Math.max(props.entries.length, props.rowsInDocument ?? 0) > VIRTUALIZE_ABOVE ? <VirtualRows ref={ref} {...props} /> : <PlainRows ref={ref} {...props} />;
});
