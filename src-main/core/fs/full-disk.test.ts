/**
 * A real full disk: a 256 KB tmpfs, mounted for the test (root with mount permission, as in CI
 * containers; elsewhere the test is skipped and says why — `faults.test.ts` covers the same with
 * injected failures). Writers fill it up: each failed write must leave no temporary file and the
 * previous file as it was; the annotation store must keep every acknowledged note.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnnotationStore } from '../annotations/store';
import { DOC, makeAnnotation } from '../annotations/testing/fixtures';
import { JsonFileWriter, writeFileAtomic } from './atomic-file';
import { isTemporaryName } from './temporary';

const mountPoint = mkdtempSync(join(tmpdir(), 'bitext-full-disk-'));
let skipReason: string | undefined;
if (process.platform !== 'linux') {
  skipReason = 'not Linux';
} else {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k,mode=0700', 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (error) {
    skipReason = `mounting a tmpfs is not permitted here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  }
}
if (skipReason) console.log(`full-disk test skipped: ${skipReason}`);

afterAll(() => {
  if (!skipReason) execFileSync('umount', [mountPoint]);
  rmdirSync(mountPoint);
});

async function temporaries(): Promise<string[]> {
  const entries = await fs.readdir(mountPoint, { recursive: true });
  return entries.filter((name) => isTemporaryName(name.split('/').at(-1) ?? ''));
}

describe.skipIf(skipReason !== undefined)('a full disk (256 KB tmpfs)', () => {
  it('a write that does not fit fails, leaving no temporary and the old file intact', async () => {
    const path = join(mountPoint, 'settings.json');
    const old = `${JSON.stringify({ filler: 'a'.repeat(100_000) })}\n`;
    await writeFileAtomic(path, old);
    await expect(writeFileAtomic(path, 'b'.repeat(200_000))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readFile(path, 'utf8')).toBe(old);
    expect(await temporaries()).toEqual([]);

    // A JSON writer (settings, corrections) whose backup copy no longer fits.
    const writer = new JsonFileWriter(path);
    await expect(writer.save({ filler: 'c'.repeat(120_000) })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readFile(path, 'utf8')).toBe(old);
    expect(await temporaries()).toEqual([]);
    await fs.rm(path);
    await fs.rm(`${path}.bak`, { force: true });
  });

  it('the annotation store keeps every acknowledged note when the disk fills up, and saves again once there is room', async () => {
    const dir = join(mountPoint, 'annotations');
    // Ballast takes most of the room, so the disk fills after a few dozen notes; removing it
    // later makes room again.
    const ballast = join(mountPoint, 'ballast');
    await fs.writeFile(ballast, Buffer.alloc(170_000));
    const store = new AnnotationStore(dir, { log: () => undefined, compactAfter: { lines: 20 } });
    const acknowledged: string[] = [];
    let failures = 0;
    for (let n = 0; n < 400 && failures < 5; n++) {
      const note = makeAnnotation(n, { note: `note ${n} ${'x'.repeat(1_000)}` });
      try {
        await store.create(note);
        acknowledged.push(note.id);
      } catch (error) {
        expect(error).toMatchObject({ code: 'io-error' });
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(await temporaries()).toEqual([]);
    const listed = await new AnnotationStore(dir, { log: () => undefined }).list(DOC);
    expect(listed.problem).toBeUndefined();
    expect(listed.annotations.map((a) => a.id)).toEqual(expect.arrayContaining(acknowledged));

    // Room again: the same store saves, and everything reads back.
    await fs.rm(ballast);
    const last = makeAnnotation(999, { note: 'after' });
    await store.create(last);
    const after = await new AnnotationStore(dir, { log: () => undefined }).list(DOC);
    expect(after.annotations.map((a) => a.id)).toEqual(expect.arrayContaining([...acknowledged, last.id]));
    await store.flush();
  });
});
