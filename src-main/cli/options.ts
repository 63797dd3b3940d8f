/**
 * The one option reader behind every `bitext` command: boolean flags, options that take a value
 * (`--name value` or `--name=value`), `--` to end the options, and `-` as a file name.
 */

/** A usage error: exit status 2. */
export class UsageError extends Error {}

export interface ReadOptions {
  /** Options without a value, e.g. `--presegmented`. */
  flags: readonly string[];
  /** Options that take a value, e.g. `--format`. */
  values: readonly string[];
}

export interface ReadArgs {
  flags: Set<string>;
  values: Map<string, string>;
  files: string[];
}

export function readArgs(rest: readonly string[], spec: ReadOptions): ReadArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const files: string[] = [];
  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k]!;
    if (arg === '--') {
      files.push(...rest.slice(k + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (spec.flags.includes(name) && eq < 0) flags.add(name);
    else if (spec.values.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : rest[++k];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else throw new UsageError(`unknown option: ${arg}`);
  }
  return { flags, values, files };
}

/** The two files every command takes, English first. */
export function twoFiles(files: readonly string[]): { en: string; ru: string } {
  if (files.length !== 2) throw new UsageError(`expected two files (English, Russian), got ${files.length}`);
  return { en: files[0]!, ru: files[1]! };
}
