/**
 * Every message about an import — a refused file, a warning about an accepted one, a listed
 * document that cannot be opened, an annotation file refused or partly imported — said once and
 * wholly in the reader's language. Main sends codes and values (the contract's enums:
 * `IMPORT_REFUSALS`, `IMPORT_WARNINGS`, `DOCUMENT_PROBLEMS`, `ANNOTATION_IMPORT_ERRORS`,
 * `ANNOTATION_REJECTIONS`); the words are the locales'. Main's English `message` is shown only in
 * the English interface, and only for a failure that has no code of its own.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import type {
  AnnotationRejectionCode,
  DocumentProblemCode,
  ErrorCode,
  ImportRefusal,
  ImportReport,
  ImportWarning,
  MessageParams,
} from '../src-main/contract/ipc';
import { ApiError } from './api';

type T = TFunction | I18n['t'];
type Say = (key: string, params?: Record<string, unknown>) => string;
const say = (t: T): Say => t as unknown as Say;

/** A failure without a message of its own: main's English in English, the code's words otherwise. */
function generic(t: T, language: string, error: unknown): string {
  if (error instanceof ApiError) return language === 'en' ? error.message : say(t)(`failures.${error.code satisfies ErrorCode}`);
  const message = error instanceof Error ? error.message : String(error);
  return language === 'en' ? message : say(t)('failures.internal');
}

/** Why a listed document cannot be opened. */
export function documentProblemText(t: T, problem: { code: DocumentProblemCode; params?: MessageParams }): string {
  return say(t)(`documentProblems.${problem.code}`, { ...problem.params, file: problem.params?.file ?? say(t)('documentProblems.unknownFile') });
}

/** A refused import (prepare, the job, a failed load). */
export function importErrorText(t: T, language: string, error: unknown): string {
  if (error instanceof ApiError && error.details?.reason) {
    const reason: ImportRefusal = error.details.reason;
    const params: Record<string, unknown> = { ...error.details.params };
    // A failed load carries the document's problem as a code: said in words, not the English.
    if (reason === 'load-failed' && typeof params.problem === 'string') {
      params.problem = documentProblemText(t, { code: params.problem as DocumentProblemCode, params: error.details.params ?? {} });
    }
    return say(t)(`importErrors.${reason}`, params);
  }
  if (error instanceof ApiError && (error.code === 'bad-request' || error.code === 'cancelled')) return say(t)(`importErrors.${error.code as ImportRefusal}`);
  return generic(t, language, error);
}

/** A warning about a file the import accepted. */
export function importWarningText(t: T, warning: ImportWarning): string {
  return say(t)(`importWarnings.${warning.code}`, warning.params);
}

/** An annotation file refused whole (not JSON, too many notes for the document…). */
export function annotationImportErrorText(t: T, language: string, error: unknown): string {
  const reason =
    error instanceof ApiError && error.details?.annotationReason
      ? say(t)(`annotationImport.errors.${error.details.annotationReason}`, error.details.params ?? {})
      : generic(t, language, error);
  return say(t)('annotationImport.failed', { reason });
}

/** Why one annotation of a file was left out. */
function rejectionText(t: T, rejection: { index: number; code: AnnotationRejectionCode; params?: MessageParams }): string {
  return say(t)('annotationImport.rejectedItem', { number: rejection.index + 1, reason: say(t)(`annotationImport.rejections.${rejection.code}`, rejection.params ?? {}) });
}

/** What an annotation import did: the counts, then why the first few were left out. */
export function annotationReportText(t: T, report: ImportReport): string {
  const counts = say(t)('annotations.imported', { added: report.added, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected });
  const why = (report.rejections ?? []).slice(0, 3).map((r) => rejectionText(t, r));
  return [counts, ...why].join(' ');
}
