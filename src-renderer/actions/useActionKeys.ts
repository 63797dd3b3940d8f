/**
 * The keyboard and the application menu, bound to the action registry: a key press runs the action
 * its physical key is bound to in the current context; a menu click runs the action by id.
 */
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { flushSync } from 'react-dom';
import { getApi } from '../api';
import type { ReaderController } from '../reader/controller';
import { actionForKey } from './keys';
import { currentContext, runAction } from './registry';

/** Enter and Space keep their meaning on buttons, links, menus and form controls. */
function ownsEnterAndSpace(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('button, a[href], summary, select, input, textarea, [role="menuitem"], [role="option"]');
}

/**
 * The rows are on screen before React has run their mount's effects (the store subscriptions, the
 * focus on open, the row read last put back), a task or more later on a busy machine. A key
 * pressed in between changed the store unheard: "g 2 5 Enter" opened Go to only after "2" had
 * gone to the page (paragraph 5); a pointer on a clause lost its light to the focus given after.
 * Until they have run, the first key or pointer event has React run them first: a synchronous
 * update of a counter flushes every pending effect before it renders.
 */
function useEffectsBeforeInput(): void {
  const [, flushEffects] = useReducer((n: number) => n + 1, 0);
  const listening = useRef<(() => void) | undefined>(undefined);
  useLayoutEffect(() => {
    const events = ['keydown', 'pointerdown', 'pointerover'] as const;
    const first = () => {
      stop();
      flushSync(flushEffects);
    };
    const stop = () => {
      for (const type of events) window.removeEventListener(type, first, true);
      listening.current = undefined;
    };
    for (const type of events) window.addEventListener(type, first, true);
    listening.current = stop;
    return stop;
  }, []);
  // The effects have run: nothing to flush any more.
  useEffect(() => listening.current?.(), []);
}

export function useActionKeys(app: ReaderController): void {
  useEffectsBeforeInput();
  // Bound before the first paint, so a key pressed as soon as the text shows is not lost.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const context = currentContext(app, event.target instanceof Element ? event.target : document.activeElement);
      const id = actionForKey(event, context);
      if (!id) return;
      // An open popover (the display settings, the "More" menu) closes itself on Escape.
      if (id === 'close-overlay' && document.querySelector(':popover-open')) return;
      if ((event.code === 'Enter' || event.code === 'Space') && !event.ctrlKey && !event.metaKey && ownsEnterAndSpace(event.target)) return;
      event.preventDefault();
      // While the rest of a long document arrives, the action waits for it (in its context then).
      if (app.partial) app.whenWhole(() => runAction(app, id, currentContext(app)));
      else runAction(app, id, context);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = getApi().onMenuAction((id) => app.whenWhole(() => runAction(app, id, currentContext(app))));
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [app]);
}
