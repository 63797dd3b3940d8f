/** The command-line tools some specs need (poppler, LibreOffice): whether this machine has them. */
import { execFileSync } from 'node:child_process';

/** True when `command args` runs (its output is ignored). */
export function hasTool(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** poppler's `pdftotext` and `pdftoppm` (one package). */
export const hasPoppler = hasTool('pdftoppm', ['-v']);
