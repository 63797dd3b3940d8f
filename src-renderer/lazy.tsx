/**
 * Views that are not needed for the first paint, split out of the first bundle: each is its own
 * chunk, loaded when first shown, and every one is fetched in the background as soon as the first
 * rows are on screen (`preloadLazyViews`), so that a dialog opened later shows at once.
 *
 * To add a panel or a dialog the same way:
 *
 *   export const GlossaryPanel = lazyView(() => import('./GlossaryPanel').then((m) => m.GlossaryPanel));
 *
 * and render `<GlossaryPanel … />` as before. Not for a view typed into right after its key (search,
 * Go to, the palette, the editors): keys typed before its chunk arrives would be lost. Import the module itself nowhere else (a static
 * import puts it back into the first bundle; `npm run test:package` checks the first bundle).
 */
import { type ComponentType, createElement, lazy, type ReactNode, Suspense, useState } from 'react';

export type LazyView<P> = ((props: P) => ReactNode) & { preload(): Promise<unknown> };

const registry: Array<() => Promise<unknown>> = [];

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined; // a failed load is tried again next time
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  function View(props: P): ReactNode {
    // Chosen once per mount, so that a view shown through Suspense is not remounted (losing what
    // was typed into it) when its module arrives.
    const [ready] = useState(() => loaded);
    return ready ? createElement(ready, props) : createElement(Suspense, { fallback: null }, createElement(Lazy, props));
  }
  registry.push(preload);
  return Object.assign(View, { preload });
}

/** Fetches every lazy view's chunk (called once the first rows are on screen). */
export function preloadLazyViews(): void {
  for (const preload of registry) preload().catch(() => undefined);
}
