/** The names of the files that go with a user file: its backup, and where damaged copies are kept. */
import { randomBytes } from 'node:crypto';

export function backupPathOf(path: string): string {
  return `${path}.bak`;
}

/** Where an unreadable file is kept: time-stamped, with a random tail so two never collide. */
export function corruptPathOf(path: string, when: Date): string {
  const tail = randomBytes(3).toString('hex');
  return `${path}.corrupt-${when.toISOString().replace(/[:.]/g, '-')}-${tail}`;
}
