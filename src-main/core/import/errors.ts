/**
 * Why an input was refused. Every refusal names the file and carries a code (`empty-file`,
 * `too-much-text`, …) and, for the renderer, a `reason` naming its message (`importErrors.<reason>`
 * in the locales) with the values that fill it in; over IPC they travel as
 * `{ ok: false, code, message, details: { reason, params } }`. `message` is the English text, for
 * logs and the command line.
 */
import type { ErrorDetails, ImportErrorCode, ImportRefusal } from '../../contract/ipc';
import { AppError } from '../errors';

export type RefusalParams = Record<string, string | number>;

export class ImportError extends AppError {
  readonly reason: ImportRefusal;
  readonly params: RefusalParams;

  constructor(
    override readonly code: ImportErrorCode,
    message: string,
    /** The file concerned, when there is one. */
    readonly file?: string,
    details: { reason?: ImportRefusal; params?: RefusalParams } = {},
  ) {
    super(code, message);
    this.name = 'ImportError';
    this.reason = details.reason ?? code;
    this.params = { ...(file !== undefined ? { file } : {}), ...details.params };
  }

  get details(): ErrorDetails {
    return { reason: this.reason, params: this.params };
  }

  /** As it crosses a thread boundary (a worker's message). */
  toJSON(): SerializedImportError {
    return { code: this.code, message: this.message, reason: this.reason, params: this.params, ...(this.file !== undefined ? { file: this.file } : {}) };
  }

  static fromJSON(value: SerializedImportError): ImportError {
    return new ImportError(value.code, value.message, value.file, { reason: value.reason, params: value.params });
  }
}

export interface SerializedImportError {
  code: ImportErrorCode;
  message: string;
  reason: ImportRefusal;
  params: RefusalParams;
  file?: string;
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

/** Megabytes, for a message's parameters (one decimal under 10 MB). */
export function megabytes(bytes: number): number {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
}
