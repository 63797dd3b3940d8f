/**
 * A store for one state changed by one reducer, read with React's own `useSyncExternalStore`:
 * components subscribe to the slice they show and re-render only when it changes.
 */
import { useSyncExternalStore } from 'react';

export interface Store<S, E> {
  get(): S;
  dispatch(event: E): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S, E>(reduce: (state: S, event: E) => S, initial: S): Store<S, E> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch(event) {
      const next = reduce(state, event);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A slice of the store's state; the selector should return a stable value (a field, a primitive). */
export function useStore<S, E, T>(store: Store<S, E>, select: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
