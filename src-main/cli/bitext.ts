/**
 * `bitext`: the command line of Bitext Reader's aligner.
 *   npm run --silent bitext -- align [--presegmented] [--format beads|json|tsv|tmx] [--weakest N] <en.txt> <ru.txt>
 *   npm run --silent bitext -- check [--presegmented] [--glossary FILE] [--format text|json] <en-file> <ru-file>
 * Runs from source through tsx (no build step). Exit status: 0 ok, 1 input error, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { decodeBytes } from '../core/import/decode';
import { ImportError } from '../core/import/errors';
import { readDocument } from '../core/import/books';
import type { DocumentCue } from '../core/import/extracted';
import { formatOf } from '../core/import/formats';
import { CHECK_USAGE, runCheck } from './check';
import { type CueTimes, InputError, USAGE, UsageError, decodeText, parseArgs, runAlign } from './core';

/**
 * Reads an input the way the app imports it: plain UTF-8 text as it is (offsets count from the
 * file's first byte), other encodings (UTF-16, Windows-1251, KOI8-R, CP866) detected and decoded,
 * and Markdown, HTML, .docx, .odt, EPUB, FB2, PDF and subtitles converted to paragraphs of text
 * (subtitles bring their cue times).
 */
async function readInput(path: string, presegmented: boolean): Promise<{ text: string; cues?: DocumentCue[] }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new InputError(`${path}: cannot read (${why})`);
  }
  try {
    if (presegmented || formatOf(path) === 'txt') {
      try {
        return { text: decodeText(bytes, path) };
      } catch (error) {
        // Not UTF-8: detect the encoding as the app does (an empty or binary file stays refused).
        if (!(error instanceof InputError) || !/UTF-8/.test(error.message)) throw error;
        return { text: decodeBytes(bytes, path).text };
      }
    }
    const doc = await readDocument(bytes, path);
    return doc.cues ? { text: doc.text, cues: doc.cues } : { text: doc.text };
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

/** A glossary file for `check`: text in any encoding the import detects. */
function readGlossary(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
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
      process.stdout.write(runCheck(command, en.text, ru.text, command.glossary === undefined ? undefined : readGlossary(command.glossary)));
      return 0;
    }
    const cues: CueTimes = { ...(en.cues ? { en: en.cues } : {}), ...(ru.cues ? { ru: ru.cues } : {}) };
    const { stdout, stderr } = runAlign(command, en.text, ru.text, cues);
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
