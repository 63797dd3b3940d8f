/**
 * Which clause the reader is pointing at (hover or focus). Rows subscribe to their own slice, so
 * moving the pointer re-renders two rows, not the document.
 */
import { useSyncExternalStore } from 'react';
import type { Lang } from '../src-main/contract/ipc';

export interface ActiveClause {
  rowId: string;
  clauseId: string;
  lang: Lang;
}

let active: ActiveClause | null = null;
const listeners = new Set<() => void>();

export function setActiveClause(next: ActiveClause | null): void {
  if (next?.clauseId === active?.clauseId && next?.rowId === active?.rowId) return;
  active = next;
  for (const listener of listeners) listener();
}

export function clearActiveClause(clauseId: string): void {
  if (active?.clauseId === clauseId) setActiveClause(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The active clause when it is in this row, else null. */
export function useActiveInRow(rowId: string): ActiveClause | null {
  return useSyncExternalStore(subscribe, () => (active?.rowId === rowId ? active : null));
}
