import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bitext-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the CLI as `npm run bitext` does: node --import tsx src-main/cli/bitext.ts. */
function bitext(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/bitext.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test starts Node with tsx several times: generous limits for a busy machine (no timing is checked).
describe('the bitext command', { timeout: 60_000 }, () => {
  const en = file('en.txt', 'The Parties met in Moscow on 17 June 2020.\nThey agreed on a plan.\nThe plan has 5 parts.\n');
  const ru = file('ru.txt', 'Стороны встретились в Москве 17 июня 2020 г.\nОни согласовали план.\nПлан состоит из 5 частей.\nЭто было важное решение для всего региона.\n');

  it('prints vecalign beads for pre-segmented files', () => {
    const result = bitext('align', '--presegmented', en, ru);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('[0]:[0]\n[1]:[1]\n[2]:[2]\n[]:[3]\n');
    expect(result.status).toBe(0);
  });

  it('prints TMX and the weakest beads on request', () => {
    const result = bitext('align', '--format', 'tmx', '--weakest', '1', en, ru);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<tuv xml:lang="ru"><seg>Они согласовали план.</seg></tuv>');
    expect(result.stderr).toMatch(/^weakest 1 of/u);
  });

  it('exits 1 with a message for a missing file, bad encoding or empty input', () => {
    const cases = [
      [join(dir, 'missing.txt'), /missing\.txt: cannot read \(no such file\)/u],
      [file('cp1251.txt', Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2])), /not valid UTF-8/u],
      [file('empty.txt', ''), /empty input/u],
    ] as const;
    for (const [path, message] of cases) {
      const result = bitext('align', '--presegmented', en, path);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
  });

  it('exits 2 with the usage for bad arguments', () => {
    const result = bitext('align', '--format', 'xml', en, ru);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown format: xml/u);
    expect(result.stderr).toMatch(/Usage: bitext align/u);
  });
});
