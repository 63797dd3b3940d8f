/**
 * Long loops on the main thread, in slices: reading or writing a snapshot of 20,000 annotations,
 * or anchoring them, is many small steps; between steps the loop asks `pace.due()` and, when a
 * slice has run `SLICE_MS`, awaits `pace.pause()` — a macrotask later, so that timers, I/O and
 * other requests run in between and no one waits behind the loop for longer than a slice.
 */

/** How long one slice of a loop may hold the thread. */
export const SLICE_MS = 8;

export interface Pace {
  /** Whether this slice has run its time (a clock read: tens of nanoseconds). */
  due(): boolean;
  /** Yields to the event loop; the next slice starts when it resumes. */
  pause(): Promise<void>;
}

export function pace(sliceMs: number = SLICE_MS): Pace {
  let sliceStart = performance.now();
  return {
    due: () => performance.now() - sliceStart >= sliceMs,
    pause() {
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          sliceStart = performance.now();
          resolve();
        }),
      );
    },
  };
}

/** Calls `step` for each item, pausing between slices. */
export async function eachInSlices<T>(items: readonly T[], step: (item: T, index: number) => void, p: Pace = pace()): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    step(items[i] as T, i);
    if (p.due()) await p.pause();
  }
}
