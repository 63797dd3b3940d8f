import { promises as fs } from 'node:fs';

/** Makes renames and new names in `dir` durable. Not supported on every platform (Windows): best effort. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    /* ignore: directories cannot be fsynced here */
  } finally {
    await handle?.close();
  }
}
