import { describe, expect, it } from 'vitest';
import { noteMark, takeMarks } from './note-marks';
import { IMPORT_LIMITS, MAX_FOOTNOTES } from '../../contract/ipc';
import { makeFb2 } from './book-fixtures';
import { ImportError } from './errors';
import { toTextDocument } from './extracted';
import { ExtractionBudget } from './limits';
import { prepareImport } from './prepare';

describe('note reference marks', () => {
  it('are taken out of the text, each answered with the offset where it stood', () => {
    const taken = takeMarks(`A claim${noteMark('r0')} here, and another.${noteMark('r1')}`);
    expect(taken.text).toBe('A claim here, and another.');
    expect(taken.marks).toEqual([
      { key: 'r0', offset: 'A claim'.length },
      { key: 'r1', offset: 'A claim here, and another.'.length },
    ]);
  });

  it('leave one space where a spaced-out mark stood, and the offsets follow trimming', () => {
    expect(takeMarks(`word ${noteMark('a')} next`)).toEqual({ text: 'word next', marks: [{ key: 'a', offset: 4 }] });
    expect(takeMarks(`${noteMark('a')} Opening.`)).toEqual({ text: 'Opening.', marks: [{ key: 'a', offset: 0 }] });
    expect(takeMarks(`End. ${noteMark('a')}`)).toEqual({ text: 'End.', marks: [{ key: 'a', offset: 4 }] });
    expect(takeMarks(`Line ${noteMark('a')}\nnext`)).toEqual({ text: 'Line\nnext', marks: [{ key: 'a', offset: 4 }] });
  });

  it('remove stray noncharacters a file holds, and never put one in a key', () => {
    expect(takeMarks('a\uFDD0b\uFDD1c\uFDD1d\uFDD0')).toEqual({ text: 'acd', marks: [{ key: 'b', offset: 1 }] });
    expect(noteMark('x\uFDD1y')).toBe(noteMark('xy'));
    expect(takeMarks('plain text')).toEqual({ text: 'plain text', marks: [] });
  });

  it('place a note at its mark; a paragraph of nothing but a mark gives it to the end of the one before', () => {
    const doc = toTextDocument(
      'fb2',
      {
        blocks: [
          { kind: 'paragraph', text: `First${noteMark('r0')} paragraph.` },
          { kind: 'paragraph', text: ` ${noteMark('r1')} ` },
          { kind: 'paragraph', text: 'Second.' },
        ],
        metadata: {},
        notes: [
          { id: 'n1', block: 0, mark: 'r0', text: 'One.' },
          { id: 'n2', block: 1, mark: 'r1', text: 'Two.' },
          { id: 'n3', block: 2, mark: 'r9', text: 'A mark not found: the paragraph only.' },
          { id: 'n4', text: '   ' },
        ],
        warnings: [],
      },
      'book.fb2',
    );
    expect(doc.text).toBe('First paragraph.\n\nSecond.\n');
    expect(doc.notes).toEqual([
      { id: 'n1', paragraph: 0, offset: 5, text: 'One.' },
      { id: 'n2', paragraph: 0, offset: 'First paragraph.'.length, text: 'Two.' },
      { id: 'n3', paragraph: 1, text: 'A mark not found: the paragraph only.' },
    ]);
  });
});

describe('a book’s footnotes at import: hostile counts', () => {
  const en = (notes: number) =>
    makeFb2([{ title: 'Chapter 1', paragraphs: ['The Parties met in Moscow.', 'They agreed.'], noteRefs: ['n1', 'n404'] }], {
      lang: 'en',
      notes: Object.fromEntries(Array.from({ length: notes }, (_, k) => [`n${k + 1}`, `Note ${k + 1}.`])),
    });
  const ru = makeFb2([{ title: 'Глава 1', paragraphs: ['Стороны встретились в Москве.', 'Они договорились.'] }], { lang: 'ru' });
  const files = (notes: number) => [
    { name: 'en.fb2', bytes: new TextEncoder().encode(en(notes)) },
    { name: 'ru.fb2', bytes: new TextEncoder().encode(ru) },
  ];

  it('a reference to a note that is not there is no mark; the note is placed and counted', () => {
    const prepared = prepareImport(files(1));
    expect(prepared.structure?.en?.notes).toEqual([{ id: 'n1', label: '1', paragraph: 1, offset: 'The Parties met in Moscow.'.length, text: 'Note 1.' }]);
    expect(prepared.structure?.ru?.notes).toBeUndefined();
  });

  it(`more than ${MAX_FOOTNOTES.toLocaleString('en')} footnotes on a side: refused with its own message, nothing kept`, () => {
    let error: unknown;
    try {
      prepareImport(files(MAX_FOOTNOTES + 1));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).details).toMatchObject({ reason: 'too-many-notes', params: { max: MAX_FOOTNOTES } });
    expect(ExtractionBudget.notes.bind(null, [{ text: 'x'.repeat(11) }], 'en.fb2', { ...IMPORT_LIMITS, maxCharacters: 10 })).toThrow(ImportError);
    expect(() => ExtractionBudget.notes(Array.from({ length: MAX_FOOTNOTES }, () => ({ text: 'x' })), 'en.fb2')).not.toThrow();
  }, 60_000);
});
