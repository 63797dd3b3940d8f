/**
 * What a redraw of a row's text must not take from the reader. The row draws its linked terms
 * into its clauses when they arrive or when it is pointed at or focused (`RowView`), and React
 * then replaces the clauses' text nodes: a selection in them was dropped (D then looked up the
 * clause's first word), and under a press the element pressed went with them (the release made
 * no click). So the redraw waits while a button is held in the row (`useHeldWhilePressed`), and a
 * selection touching the row is taken as text offsets in its clauses before any redraw and put
 * back after (`KeepSelection`), the way it was made (anchor and focus), so Shift+arrows go on
 * extending it from the same end.
 */
import { Component, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { textOffsetIn, textPointIn } from './words';

/** One end of the selection: a text offset in a clause (which a redraw keeps), else the DOM point. */
type End = { clauseId: string; at: number } | { node: Node; offset: number };

interface Saved {
  anchor: End;
  focus: End;
}

function endOf(node: Node, offset: number): End {
  const clause = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('[data-clause-id]');
  const at = clause ? textOffsetIn(clause, node, offset) : undefined;
  return clause?.dataset.clauseId && at !== undefined ? { clauseId: clause.dataset.clauseId, at } : { node, offset };
}

function sameEnd(a: End, b: End): boolean {
  if ('clauseId' in a) return 'clauseId' in b && a.clauseId === b.clauseId && a.at === b.at;
  return 'node' in b && a.node === b.node && a.offset === b.offset;
}

/** The selection, if one of its ends is inside `root`. */
function saveSelection(root: HTMLElement | null): Saved | null {
  const selection = document.getSelection();
  const anchor = selection?.anchorNode;
  const focus = selection?.focusNode;
  if (!root || !selection || !anchor || !focus || selection.rangeCount === 0) return null;
  if (!root.contains(anchor) && !root.contains(focus)) return null;
  return { anchor: endOf(anchor, selection.anchorOffset), focus: endOf(focus, selection.focusOffset) };
}

/** The DOM point of a saved end now: the clause looked for in `root` first (a row can be drawn twice while it moves). */
function pointOf(root: HTMLElement, end: End): { node: Node; offset: number } | undefined {
  if ('node' in end) return end.node.isConnected ? end : undefined;
  const selector = `[data-clause-id="${CSS.escape(end.clauseId)}"]`;
  const clause = root.querySelector(selector) ?? document.querySelector(selector);
  return clause ? textPointIn(clause, end.at) : undefined;
}

function restoreSelection(root: HTMLElement | null, saved: Saved): void {
  const selection = document.getSelection();
  if (!root || !selection) return;
  const now = saveSelection(root);
  if (now && sameEnd(now.anchor, saved.anchor) && sameEnd(now.focus, saved.focus)) return;
  const anchor = pointOf(root, saved.anchor);
  const focus = pointOf(root, saved.focus);
  // A clause gone or shorter (its row realigned): nothing sound to put back.
  if (anchor && focus) selection.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
}

/**
 * Keeps the selection across a redraw of what it wraps: React gives a snapshot before it changes
 * the DOM (a hook cannot) and the update after, before the browser paints.
 */
export class KeepSelection extends Component<{ root: RefObject<HTMLElement | null>; children: ReactNode }, object, Saved | null> {
  override getSnapshotBeforeUpdate(): Saved | null {
    return saveSelection(this.props.root.current);
  }

  override componentDidUpdate(_props: unknown, _state: unknown, saved?: Saved | null): void {
    if (saved) restoreSelection(this.props.root.current, saved);
  }

  override render(): ReactNode {
    return this.props.children;
  }
}

/**
 * `value` as it was when a button went down on the element given `press` as its `onPointerDown`,
 * until that press ends: after its release, and after the click that release makes, which comes
 * in the same task.
 */
export function useHeldWhilePressed<T>(value: T): [shown: T, press: () => void] {
  const [held, setHeld] = useState<{ value: T } | null>(null);
  // The release is listened for from the press itself, not from an effect: a quick click's
  // release can come before React has rendered the hold, and a missed release held it for good.
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);
  const press = () => {
    setHeld((now) => now ?? { value });
    if (stop.current) return;
    let timer: number | undefined;
    const release = () => {
      detach();
      timer = window.setTimeout(() => setHeld(null), 0);
    };
    const detach = () => {
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
      window.removeEventListener('blur', release);
      stop.current = null;
    };
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    window.addEventListener('blur', release);
    stop.current = () => {
      detach();
      window.clearTimeout(timer);
    };
  };
  return [held ? held.value : value, press];
}
