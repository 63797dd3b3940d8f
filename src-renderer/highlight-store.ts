/**
 * Which clause the reader is pointing at (hover or focus), and which one is pinned (clicked):
 * its counterpart stays lit until another clause is pinned or Escape. Rows subscribe to their own
 * slice, so moving the pointer re-renders two rows, not the document.
 */
import { useSyncExternalStore } from 'react';
import type { Lang } from '../src-main/contract/ipc';

export interface ActiveClause {
  rowId: string;
  clauseId: string;
  lang: Lang;
}

let hovered: ActiveClause | null = null;
let pinned: ActiveClause | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

const same = (a: ActiveClause | null, b: ActiveClause | null) => a?.clauseId === b?.clauseId && a?.rowId === b?.rowId;

export function setActiveClause(next: ActiveClause | null): void {
  if (same(next, hovered)) return;
  hovered = next;
  emit();
}

export function clearActiveClause(clauseId: string): void {
  if (hovered?.clauseId === clauseId) setActiveClause(null);
}

/** Pins a clause, or unpins it when it is already pinned. */
export function togglePinned(next: ActiveClause): void {
  pinned = same(next, pinned) ? null : next;
  emit();
}

export function clearPinned(): boolean {
  if (!pinned) return false;
  pinned = null;
  emit();
  return true;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The hovered or focused clause when it is in this row, else null. */
export function useActiveInRow(rowId: string): ActiveClause | null {
  return useSyncExternalStore(subscribe, () => (hovered?.rowId === rowId ? hovered : null));
}

/** The pinned clause when it is in this row, else null. */
export function usePinnedInRow(rowId: string): ActiveClause | null {
  return useSyncExternalStore(subscribe, () => (pinned?.rowId === rowId ? pinned : null));
}
