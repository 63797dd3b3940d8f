/** Changes to a document's annotations: the one function that applies them, in memory and on replay. */
import type { Annotation } from './model';
import type { Change, DeletedEntry } from './store-format';

/** How many deleted annotations are kept for undo, per document. */
export const KEEP_DELETED = 200;

export interface Contents {
  annotations: Annotation[];
  deleted: DeletedEntry[];
}

/** The state after one change. Every change carries whole annotations, so applying one twice is harmless. */
export function applyChange(contents: Contents, change: Change): Contents {
  const { annotations, deleted } = contents;
  switch (change.op) {
    case 'create':
    case 'update':
      return { annotations: upsert(annotations, [change.annotation]), deleted };
    case 'delete': {
      const id = change.entry.annotation.id;
      return {
        annotations: annotations.filter((a) => a.id !== id),
        deleted: [...deleted.filter((d) => d.annotation.id !== id), change.entry].slice(-KEEP_DELETED),
      };
    }
    case 'restore': {
      const id = change.annotation.id;
      return {
        annotations: [...annotations.filter((a) => a.id !== id), change.annotation].sort(byCreation),
        deleted: deleted.filter((d) => d.annotation.id !== id),
      };
    }
    case 'merge': {
      const merged = upsert(annotations, change.annotations).sort(byCreation);
      const ids = new Set(change.annotations.map((a) => a.id));
      return { annotations: merged, deleted: deleted.filter((d) => !ids.has(d.annotation.id)) };
    }
  }
}

/** Replaces annotations by id where present, appends the others. */
function upsert(annotations: readonly Annotation[], items: readonly Annotation[]): Annotation[] {
  const out = [...annotations];
  if (items.length === 1) {
    const item = items[0] as Annotation;
    const index = out.findIndex((a) => a.id === item.id);
    if (index < 0) out.push(item);
    else out[index] = item;
    return out;
  }
  const at = new Map(out.map((a, i) => [a.id, i]));
  for (const item of items) {
    const index = at.get(item.id);
    if (index === undefined) {
      at.set(item.id, out.length);
      out.push(item);
    } else {
      out[index] = item;
    }
  }
  return out;
}

function byCreation(a: Annotation, b: Annotation): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}
