/**
 * The crash test's child: saves annotations in a loop through the real store and prints one
 * `ack` line after each save has resolved, until it is killed.
 *
 *   node --import tsx src-main/core/annotations/testing/crash-child.ts <folder>
 *
 * Prints `ready <n>` once the existing file is loaded, then `ack create <id>` or
 * `ack update <id> <version>` (a note `v<version>`, versions growing across children).
 * BITEXT_COMPACT_LINES sets the journal's compaction limit (small, so kills land in compactions).
 */
import { AnnotationStore } from '../store';
import { DOC, makeAnnotation } from './fixtures';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: crash-child <folder>');
  const lines = Number(process.env.BITEXT_COMPACT_LINES);
  const store = new AnnotationStore(dir, Number.isInteger(lines) && lines > 0 ? { compactAfter: { lines } } : {});
  const existing = (await store.list(DOC)).annotations;
  const ids = existing.map((a) => a.id);
  process.stdout.write(`ready ${ids.length}\n`);
  let n = ids.length;
  let seq = 0;
  for (;;) {
    n++;
    if (ids.length > 0 && n % 3 === 0) {
      const id = ids[n % ids.length] as string;
      const version = Date.now() * 1000 + (seq++ % 1000);
      await store.update(DOC, id, (current) => ({ ...current, note: `v${version}`, updatedAt: new Date().toISOString() }));
      process.stdout.write(`ack update ${id} ${version}\n`);
    } else {
      const annotation = makeAnnotation(n);
      await store.create(annotation);
      ids.push(annotation.id);
      process.stdout.write(`ack create ${annotation.id}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
