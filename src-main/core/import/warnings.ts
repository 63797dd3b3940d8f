/**
 * What an import says about a file it accepted: a code and its values (`ImportWarning`, the
 * contract's `IMPORT_WARNINGS`), which the renderer says in the reader's language
 * (`importWarnings.<code>`); the English here is for the command line and logs.
 */
import type { ImportWarning, ImportWarningCode, MessageParams } from '../../contract/ipc';

export type { ImportWarning };

export function importWarning(code: ImportWarningCode, params: MessageParams = {}): ImportWarning {
  return { code, params };
}

/** The English of a warning (the command line, logs, `InspectedFile.warnings`). */
export function warningText(warning: ImportWarning): string {
  const count = Number(warning.params.count ?? 0);
  switch (warning.code) {
    case 'control-characters':
      return `${count} control character(s) removed`;
    case 'units-skipped':
      return `${count} unit(s) without English or Russian skipped`;
    case 'lines-without-tab':
      return `${count} line(s) without a tab were read as English only`;
    case 'notes-apart':
      return `${count} note(s) (footnotes or endnotes) kept apart from the text: saved with the document, opened from their marks in the text, not aligned`;
  }
}
