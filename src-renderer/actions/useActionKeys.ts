/**
 * The keyboard and the application menu, bound to the action registry: a key press runs the action
 * its physical key is bound to in the current context; a menu click runs the action by id.
 */
import { useLayoutEffect } from 'react';
import { getApi } from '../api';
import type { ReaderController } from '../reader/controller';
import { actionForKey } from './keys';
import { currentContext, runAction } from './registry';

/** Enter and Space keep their meaning on buttons, links, menus and form controls. */
function ownsEnterAndSpace(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('button, a[href], summary, select, input, textarea, [role="menuitem"], [role="option"]');
}

export function useActionKeys(app: ReaderController): void {
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
