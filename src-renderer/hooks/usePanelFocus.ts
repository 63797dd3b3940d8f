import { type RefObject, useLayoutEffect } from 'react';

/**
 * A side panel takes the focus when it opens (its `[data-autofocus]` element, else its heading)
 * and gives it back when it closes, if the focus was still inside it (or lost with it). `returnTo`
 * names a better place than where it came from, when there is one at close (search: the clause of
 * the match the reader went to).
 */
export function usePanelFocus(ref: RefObject<HTMLElement | null>, returnTo?: RefObject<(() => HTMLElement | null) | null>): void {
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const target = panel.querySelector<HTMLElement>('[data-autofocus]') ?? panel.querySelector<HTMLElement>('h2');
    target?.focus({ preventScroll: true });
    if (target instanceof HTMLInputElement) target.select();
    return () => {
      const active = document.activeElement;
      const lost = !active || active === document.body || panel.contains(active) || !active.isConnected;
      if (!lost) return;
      const better = betterPlace(returnTo);
      (better?.isConnected ? better : opener?.isConnected ? opener : document.getElementById('reader'))?.focus({ preventScroll: true });
    };
  }, [ref, returnTo]);
}

/** Where `returnTo` says the focus should go now (read at close, when the panel knows). */
function betterPlace(returnTo: RefObject<(() => HTMLElement | null) | null> | undefined): HTMLElement | null | undefined {
  return returnTo?.current?.();
}
