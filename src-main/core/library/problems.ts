/**
 * Why a listed document cannot be opened, as a code and values (`DOCUMENT_PROBLEMS`) that the
 * renderer says in the reader's language; the English message stays for logs.
 */
import { basename } from 'node:path';
import type { DocumentProblemCode, MessageParams } from '../../contract/ipc';
import { AppError } from '../errors';

export interface DocumentProblem {
  code: DocumentProblemCode;
  params?: MessageParams;
}

/** A document file that is missing, unreadable or damaged, naming the file. */
export class DocumentFileError extends AppError {
  constructor(
    message: string,
    readonly problem: DocumentProblem,
  ) {
    super(problem.code === 'unreadable' ? 'io-error' : problem.code === 'newer-version' ? 'newer-version' : 'corrupt-file', message);
    this.name = 'DocumentFileError';
  }
}

/** The problem an error of opening a document stands for. */
export function problemOf(error: unknown): DocumentProblem {
  if (error instanceof DocumentFileError) return error.problem;
  const errno = error as NodeJS.ErrnoException;
  const file = typeof errno?.path === 'string' ? { file: basename(errno.path) } : undefined;
  if (typeof errno?.code === 'string' && typeof errno.syscall === 'string') {
    return { code: errno.code === 'ENOENT' ? 'missing' : 'unreadable', ...(file ? { params: file } : {}) };
  }
  if (error instanceof AppError) {
    if (error.code === 'newer-version') return { code: 'newer-version' };
    if (error.code === 'io-error') return { code: 'unreadable' };
    if (error.code === 'not-found') return { code: 'missing' };
  }
  return { code: 'damaged' };
}
