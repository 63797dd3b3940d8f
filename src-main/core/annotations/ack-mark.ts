/**
 * The acknowledgement mark, `<documentId>.ack`: the `seq` of the last change acknowledged to the
 * reader, one checksummed line rewritten in place after each change. It is not fsynced (that would
 * double the cost of a save): after a power cut it may be older than the journal, never newer. On
 * load, a journal that ends before the mark has lost acknowledged changes (cut short, emptied,
 * removed) — damage that the journal alone could not show, since its tail is simply gone.
 */
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { journalLine, parseLines } from '../fs/journal';
import { ensurePrivateDir, openPrivate } from '../fs/private';

export class AckMark {
  private created = false;

  constructor(readonly path: string) {}

  /** The last acknowledged `seq`; `undefined` when there is no readable mark. */
  async read(): Promise<number | undefined> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.path);
    } catch {
      return undefined;
    }
    const first = parseLines(bytes)[0];
    if (!first?.ok) return undefined;
    const record = first.record as { ack?: unknown };
    return typeof record.ack === 'number' && Number.isSafeInteger(record.ack) && record.ack >= 0 ? record.ack : undefined;
  }

  /**
   * Records `seq` as acknowledged. `seq` only grows, so the new line is never shorter than the
   * old one and overwrites it whole. Best effort: a mark that cannot be written is not an error.
   */
  async write(seq: number): Promise<void> {
    let handle: fs.FileHandle | undefined;
    try {
      if (!this.created) {
        await ensurePrivateDir(dirname(this.path));
        await (await openPrivate(this.path, 'a')).close();
        this.created = true;
      }
      handle = await fs.open(this.path, 'r+');
      const line = Buffer.from(journalLine({ ack: seq }));
      await handle.write(line, 0, line.length, 0);
    } catch {
      this.created = false;
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }
}
