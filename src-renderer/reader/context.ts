/** The open document's controller, for the components of the reading screen. */
import { createContext, useContext } from 'react';
import type { ActionId } from '../../src-main/contract/actions';
import { currentContext, runAction } from '../actions/registry';
import type { ReaderState, RowTarget } from '../state/reader-state';
import { useStore } from '../state/store';
import type { ReaderController } from './controller';

export const ReaderContext = createContext<ReaderController | null>(null);

export function useReader(): ReaderController {
  const app = useContext(ReaderContext);
  if (!app) throw new Error('useReader outside the reader');
  return app;
}

/** A slice of the reader's state. */
export function useReaderState<T>(select: (state: ReaderState) => T): T {
  return useStore(useReader().store, select);
}

/**
 * Runs an action by id from a control (a button, a menu item): in the mode's context, since a
 * click is not typing. Used by the toolbar, the clause menu, the selection bar and the palette.
 */
export function useRun(): (id: ActionId, target?: RowTarget) => void {
  const app = useReader();
  return (id, target) => {
    const context = currentContext(app);
    runAction(app, id, context === 'text-field' || context === 'dialog' ? app.state.mode : context, target);
  };
}
