import type { ErrorCode } from '../contract/ipc';

/** An error whose code reaches the renderer as `{ ok: false, code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
