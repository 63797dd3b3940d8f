/**
 * `bitext`: the command line of Bitext Reader's aligner.
 *   npm run --silent bitext -- align [--presegmented] [--format beads|json|tsv|tmx] [--weakest N] <en.txt> <ru.txt>
 * Runs from source through tsx (no build step). Exit status: 0 ok, 1 input error, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { InputError, USAGE, UsageError, decodeText, parseArgs, runAlign } from './core';

function readInput(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new InputError(`${path}: cannot read (${why})`);
  }
  return decodeText(bytes, path);
}

function main(argv: readonly string[]): number {
  try {
    const command = parseArgs(argv);
    if (command.command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const en = readInput(command.en);
    const ru = readInput(command.ru);
    const { stdout, stderr } = runAlign(command, en, ru);
    process.stdout.write(stdout);
    if (stderr) process.stderr.write(stderr);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bitext: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`bitext: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
