/**
 * The renderer's one gateway to the main process. Nothing else touches `window.bitext`.
 */
import type { BitextApi, ErrorCode, ErrorDetails, Result } from '../src-main/contract/ipc';

export function getApi(): BitextApi {
  const api = window.bitext;
  if (!api) throw new Error('The app bridge is missing: open Bitext Reader through Electron or the harness.');
  return api;
}

/** Unwraps a result, turning an error value into an exception the UI shows. */
export async function expectOk<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiError(result.code, result.message, result.details);
  return result.value;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For import refusals: the message key and its values, to say it in the reader's language. */
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
