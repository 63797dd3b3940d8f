import { type RefObject, useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A list in a panel whose items can be removed from the keyboard (a note's *Delete*, a bookmark's
 * *Remove*): when the item that held the focus is gone, the focus goes to the item now in its place
 * (the next one), else the one before, else `fallback` — never to the page's body.
 *
 * `removing(element)` is called with the control pressed, before the removal starts; `items` is the
 * list the panel shows (the effect runs when it changes). `items` selects the list's items, `target`
 * the control in an item that takes the focus.
 */
export function useRefocusAfterRemoval(
  ref: RefObject<HTMLElement | null>,
  list: unknown,
  selectors: { items: string; target: string; fallback: string },
): (element: Element | null) => void {
  const pending = useRef<number | undefined>(undefined);
  const { items, target, fallback } = selectors;
  const removing = useCallback(
    (element: Element | null) => {
      const all = [...(ref.current?.querySelectorAll(items) ?? [])];
      const at = all.findIndex((item) => element !== null && item.contains(element));
      pending.current = at < 0 ? undefined : at;
    },
    [ref, items],
  );
  useLayoutEffect(() => {
    const panel = ref.current;
    const at = pending.current;
    if (!panel || at === undefined) return;
    const active = document.activeElement;
    // Still on the control (the removal on its way) or moved on by the reader: nothing to do yet.
    if (active && active !== document.body && active.isConnected) return;
    pending.current = undefined;
    const all = [...panel.querySelectorAll(items)];
    const item = all[Math.min(at, all.length - 1)];
    const next = item?.querySelector<HTMLElement>(target) ?? panel.querySelector<HTMLElement>(fallback);
    next?.focus({ preventScroll: false });
    // `list` is not read: it is what the effect runs after (the list shown without the item removed).
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [ref, list, items, target, fallback]);
  return removing;
}
