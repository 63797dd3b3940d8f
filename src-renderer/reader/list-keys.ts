/**
 * Arrow keys in a panel's list of buttons (the checks' findings, the concordance's hits): Down and
 * Up move between the items, Home and End to the first and the last; from the field or heading
 * above the list (`lead`), Down goes to the first item, and Up from the first item goes back to it.
 * Pure DOM, no React: the panels call it from their keydown handler.
 */

/** Where the key moves the focus: an item's index, `'lead'`, or undefined (the key is not ours). */
export function listStep(key: string, count: number, at: number | 'lead'): number | 'lead' | undefined {
  if (count === 0) return undefined;
  if (at === 'lead') return key === 'ArrowDown' ? 0 : undefined;
  if (key === 'ArrowDown') return Math.min(count - 1, at + 1);
  if (key === 'ArrowUp') return at === 0 ? 'lead' : at - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/**
 * Handles the key if the focus is on one of the `items` (or on `lead`); true when it moved the
 * focus (the caller then prevents the key's default).
 */
export function moveInList(key: string, items: readonly HTMLElement[], lead: HTMLElement | null | undefined): boolean {
  if (key !== 'ArrowDown' && key !== 'ArrowUp' && key !== 'Home' && key !== 'End') return false;
  const active = document.activeElement;
  const i = items.findIndex((el) => el === active);
  const at = i >= 0 ? i : lead && active === lead ? 'lead' : undefined;
  if (at === undefined) return false;
  const next = listStep(key, items.length, at);
  if (next === undefined) return false;
  const target = next === 'lead' ? lead : items[next];
  if (!target) return false;
  if (target !== active) {
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  }
  return true;
}

/**
 * A panel's keydown handler for its list: Down and Up (Home, End) move between the buttons that
 * match `items`; Down from what matches `lead` (the panel's heading, a filter field above the list)
 * goes to the first, and Up from the first back to the first `lead`.
 */
export function panelListKeys(items: string, lead = 'h2') {
  return (e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; defaultPrevented: boolean; currentTarget: HTMLElement; preventDefault(): void }): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const panel = e.currentTarget;
    const active = document.activeElement;
    const from = active instanceof HTMLElement && panel.contains(active) && active.matches(lead) ? active : panel.querySelector<HTMLElement>(lead);
    if (moveInList(e.key, [...panel.querySelectorAll<HTMLElement>(items)], from)) e.preventDefault();
  };
}
