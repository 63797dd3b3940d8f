import type { ErrorCode, ErrorDetails } from '../contract/ipc';

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

/** An `AppError` the renderer says in its own words: `details` names the message and its values. */
export class DetailedError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly details: ErrorDetails,
  ) {
    super(code, message);
    this.name = 'DetailedError';
  }
}
