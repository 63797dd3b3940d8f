/**
 * `bitext`: the command line of Bitext Reader's aligner.
 *   npm run --silent bitext -- align [--presegmented] [--format beads|json|tsv|tmx] [--weakest N] <en.txt> <ru.txt>
 *   npm run --silent bitext -- check [--presegmented] [--glossary FILE] [--format text|json] <en-file> <ru-file>
 * Runs from source through tsx (no build step). Exit status: 0 ok, 1 input error, 2 usage error.
 */
import { type Stats, closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { IMPORT_LIMITS } from '../contract/ipc';
import { decodeBytes } from '../core/import/decode';
import { ImportError } from '../core/import/errors';
import { readDocument } from '../core/import/books';
import type { DocumentCue } from '../core/import/extracted';
import { checkTextLimits, formatOf } from '../core/import/formats';
import { CHECK_USAGE, runCheck } from './check';
import { type CueTimes, type InputSide, InputError, USAGE, UsageError, decodeText, parseArgs, runAlign } from './core';

/**
 * Reads an input the way the app imports it: plain UTF-8 text as it is (offsets count from the
 * file's first byte), other encodings (UTF-16, Windows-1251, KOI8-R, CP866) detected and decoded,
 * and Markdown, HTML, .docx, .odt, EPUB, FB2, PDF and subtitles converted to paragraphs of text
 * (subtitles bring their cue times) — with the import's limits (`IMPORT_LIMITS`: bytes a file,
 * characters, paragraphs and clauses a side).
 */
async function readInput(path: string, presegmented: boolean): Promise<{ side: InputSide; text: string; cues?: DocumentCue[] }> {
  let bytes: Buffer;
  try {
    bytes = readChecked(path);
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(`${path}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new InputError(`${path}: cannot read (${why})`);
  }
  try {
    if (presegmented || formatOf(path) === 'txt') {
      let text: string;
      try {
        text = decodeText(bytes, path);
      } catch (error) {
        // Not UTF-8: detect the encoding as the app does (an empty or binary file stays refused).
        if (!(error instanceof InputError) || !/UTF-8/.test(error.message)) throw error;
        text = decodeBytes(bytes, path, { maxBytes: IMPORT_LIMITS.maxFileBytes }).text;
      }
      checkTextLimits(text, path);
      return { side: text, text };
    }
    const doc = await readDocument(bytes, path);
    // A document with headings brings them: two such sides are aligned chapter by chapter, as the app does.
    const side = doc.headings && doc.headings.length > 0 ? { text: doc.text, paragraphs: doc.paragraphs, headings: doc.headings } : doc.text;
    return { side, text: doc.text, ...(doc.cues ? { cues: doc.cues } : {}) };
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

/**
 * Reads a file as an import does: a regular file (a FIFO or a device is refused before it is
 * opened, and opened without waiting), no larger than `IMPORT_LIMITS.maxFileBytes`.
 */
function readChecked(path: string): Buffer {
  const check = (stat: Stats) => {
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new ImportError('not-a-file', 'not a regular file (a pipe, a device or a socket)');
    if (stat.size > IMPORT_LIMITS.maxFileBytes) {
      throw new ImportError('too-large', `${(stat.size / 2 ** 20).toFixed(0)} MB; the largest file read is ${IMPORT_LIMITS.maxFileBytes / 2 ** 20} MB`);
    }
  };
  check(statSync(path));
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    check(fstatSync(fd));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A glossary file for `check`: text in any encoding the import detects. */
function readGlossary(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readChecked(path);
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(`${path}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read (${code === 'ENOENT' ? 'no such file' : String(code ?? error)})`);
  }
  try {
    return decodeBytes(bytes, path).text;
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.command === 'help') {
      process.stdout.write(`${USAGE}\n\n${CHECK_USAGE}\n`);
      return 0;
    }
    const en = await readInput(command.en, command.presegmented);
    const ru = await readInput(command.ru, command.presegmented);
    if (command.command === 'check') {
      process.stdout.write(runCheck(command, en.side, ru.side, command.glossary === undefined ? undefined : readGlossary(command.glossary)));
      return 0;
    }
    const cues: CueTimes = { ...(en.cues ? { en: en.cues } : {}), ...(ru.cues ? { ru: ru.cues } : {}) };
    const { stdout, stderr } = runAlign(command, en.side, ru.side, cues);
    process.stdout.write(stdout);
    if (stderr) process.stderr.write(stderr);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bitext: ${error.message}\n\n${USAGE}\n\n${CHECK_USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`bitext: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
