import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DocumentLibrary } from '../documents/library';
import { printHtml } from './print';

const BUNDLED = fileURLToPath(new URL('../../../resources/documents', import.meta.url));

describe('printHtml: paragraph numbers', () => {
  it('has the number column by default, and none when asked to leave it out', async () => {
    const view = await new DocumentLibrary(BUNDLED).open('asean-russia-covid19-2020');
    const meta = { id: view.manifest.id, title: view.manifest.title };
    const rows = view.body.groups.reduce((n, g) => n + g.rows.length, 0);
    const numbered = printHtml(view.body, meta);
    expect(numbered.match(/<td class="number">/g)).toHaveLength(rows);
    expect(numbered).toContain('<td class="number">34</td>');
    expect(numbered).toContain('<th>§</th>');
    const plain = printHtml(view.body, meta, { numbers: false });
    expect(plain).not.toContain('class="number"');
    expect(plain).not.toContain('<th>§</th>');
    // Both languages' text is all still there.
    expect(plain.match(/<td lang="en"/g)).toHaveLength(rows);
    expect(plain.match(/<td lang="ru"/g)).toHaveLength(rows);
  });
});
