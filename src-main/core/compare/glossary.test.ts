import { describe, expect, it } from 'vitest';
import { glossaryFormatOf, parseGlossary, serialiseGlossary } from './glossary';

const entries = [
  { en: 'health care', ru: 'медицинская помощь' },
  { en: 'WHO', ru: 'ВОЗ', note: 'World Health Organization, "ВОЗ"; the UN agency' },
  { en: 'multi-line, note', ru: 'многострочная', note: 'line one\nline two' },
];

describe('glossary files', () => {
  for (const format of ['csv', 'tsv', 'tbx'] as const) {
    it(`${format}: what is exported is imported back`, () => {
      const text = serialiseGlossary(entries, format);
      expect(parseGlossary(text, format)).toEqual({ drafts: format === 'tbx' ? entries.map((e) => (e.note ? { ...e, note: e.note.replace(/\s+/gu, ' ') } : e)) : entries, problems: [] });
    });
  }

  it('reads CSV with a header, semicolons or quotes, and reports bad lines instead of dropping them', () => {
    const text = 'English;Russian\r\nhealth care;медицинская помощь\r\n"a; b";"в; г"\r\nonly english;\r\nhealth care;медицинская помощь\r\n';
    expect(parseGlossary(text, 'csv')).toEqual({
      drafts: [
        { en: 'health care', ru: 'медицинская помощь' },
        { en: 'a; b', ru: 'в; г' },
      ],
      problems: [
        { at: 4, reason: 'missing-term' },
        { at: 5, reason: 'duplicate' },
      ],
    });
  });

  it('reads TBX 2 (martif) with synonyms', () => {
    const tbx = `<?xml version="1.0"?><martif type="TBX-Basic"><text><body>
      <termEntry id="t1"><descrip type="definition">care of health</descrip>
        <langSet xml:lang="en-GB"><tig><term>health care</term></tig><tig><term>healthcare</term></tig></langSet>
        <langSet xml:lang="ru"><tig><term>медицинская помощь</term></tig><tig><term>здравоохранение</term></tig></langSet>
      </termEntry>
      <termEntry id="t2"><langSet xml:lang="en"><tig><term>orphan</term></tig></langSet></termEntry>
    </body></text></martif>`;
    const result = parseGlossary(tbx, 'tbx');
    expect(result.drafts.map((d) => `${d.en}=${d.ru}`)).toEqual(['health care=медицинская помощь', 'health care=здравоохранение', 'healthcare=медицинская помощь']);
    expect(result.drafts[0]!.note).toBe('care of health');
    expect(result.problems).toEqual([{ at: 2, reason: 'missing-term' }]);
  });

  it('names the line of a quote that is never closed (the rest of the file would be one term); a closed or inner quote is no problem', () => {
    // A Russian rendering opened with a quote on line 3 and never closed: it would swallow lines 3–5.
    const text = 'en,ru\nvaccine,вакцина\npandemic,"пандемия\nhealth care,здравоохранение\nWHO,ВОЗ\n';
    expect(parseGlossary(text, 'csv').unclosedQuoteLine).toBe(3);
    expect(parseGlossary(text.replaceAll('\n', '\r\n'), 'csv').unclosedQuoteLine).toBe(3);
    expect(parseGlossary('en\tru\n"a\tб\n', 'tsv').unclosedQuoteLine).toBe(2);
    // A multi-line quoted note that is closed, and a quote inside a field, are read as they are.
    const fine = 'en,ru,note\nWHO,ВОЗ,"line one\nline two"\n5" screen,экран 5"\n';
    const read = parseGlossary(fine, 'csv');
    expect(read.unclosedQuoteLine).toBeUndefined();
    expect(read.drafts).toEqual([
      { en: 'WHO', ru: 'ВОЗ', note: 'line one\nline two' },
      { en: '5" screen', ru: 'экран 5"' },
    ]);
  });

  it('knows a glossary file by its name', () => {
    expect(glossaryFormatOf('terms.CSV')).toBe('csv');
    expect(glossaryFormatOf('terms.tbx')).toBe('tbx');
    expect(glossaryFormatOf('terms.tsv')).toBe('tsv');
    expect(glossaryFormatOf('terms.docx')).toBeUndefined();
  });
});
