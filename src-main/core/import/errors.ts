/**
 * Why an input was refused. Every refusal names the file and carries a code the renderer can
 * translate (`empty-file`, `binary-file`, …); they travel over IPC as `{ ok: false, code, message }`.
 */
import type { ImportErrorCode } from '../../contract/ipc';
import { AppError } from '../errors';

export class ImportError extends AppError {
  constructor(
    override readonly code: ImportErrorCode,
    message: string,
    /** The file concerned, when there is one. */
    readonly file?: string,
  ) {
    super(code, message);
    this.name = 'ImportError';
  }
}

/** A file name fit for a message: its last path part, at most 120 characters. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() || name;
  return base.length > 120 ? `${base.slice(0, 117)}…` : base;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
