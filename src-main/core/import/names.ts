/**
 * The cheap checks of an import that main makes itself, before any file is read (the readers, in
 * the import worker, do the rest): a file name, and a title cut to length.
 */
import { AppError } from '../errors';

/** Refuses a file name no file system would give: control characters (a NUL above all), too long, empty. */
export function checkFileName(name: string): void {
  // eslint-disable-next-line no-control-regex
  if (name === '' || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new AppError('bad-request', `Not a file name: ${JSON.stringify(name.slice(0, 64))}`);
  }
}

/** A title as kept: at most 300 characters (cut with "…"), never empty. */
export const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text) || '—';
