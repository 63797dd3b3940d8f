/**
 * A book-length document made on the fly: `paragraphs` × `sentences` rows of English and Russian
 * sentences of varied length, with a numbered marker in each paragraph to search for.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EN = [
  'The committee reviewed the report in detail and adopted its conclusions.',
  'Members agreed to continue the consultations next year.',
  'Several delegations stressed the importance of transparency and timely information.',
  'The secretariat was asked to prepare a summary of the discussion.',
  'A working group will meet again before the end of the session.',
];
const RU = [
  'Комитет подробно рассмотрел доклад и одобрил его выводы.',
  'Члены договорились продолжить консультации в следующем году.',
  'Ряд делегаций подчеркнул важность прозрачности и своевременного информирования.',
  'Секретариату было поручено подготовить резюме обсуждения.',
  'Рабочая группа вновь соберётся до окончания сессии.',
];

export function makeBigDocument(paragraphs: number, sentences: number): { dir: string; id: string; rows: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-big-'));
  const id = 'book-length-sample';
  const folder = join(dir, id);
  mkdirSync(folder);
  const en: string[] = [];
  const ru: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const e: string[] = [];
    const r: string[] = [];
    for (let s = 0; s < sentences; s++) {
      const k = (p * 7 + s * 3) % EN.length;
      e.push(s === 0 ? `Item ${p + 1}: marker${p + 1}x. ${EN[k]}` : EN[k]!);
      r.push(s === 0 ? `Пункт ${p + 1}: marker${p + 1}x. ${RU[k]}` : RU[k]!);
    }
    en.push(e.join(' '));
    ru.push(r.join(' '));
  }
  writeFileSync(join(folder, 'en.txt'), `${en.join('\n\n')}\n`);
  writeFileSync(join(folder, 'ru.txt'), `${ru.join('\n\n')}\n`);
  writeFileSync(
    join(folder, 'manifest.json'),
    JSON.stringify({
      schemaVersion: 1,
      id,
      title: { en: 'A book-length sample', ru: 'Образец объёмом с книгу' },
      date: '2026-11-29',
      place: { en: 'Generated for tests', ru: 'Создан для тестов' },
      source: { en: 'Generated text', ru: 'Созданный текст' },
      translation: { en: 'Generated translation', ru: 'Созданный перевод' },
      files: { en: 'en.txt', ru: 'ru.txt' },
    }),
  );
  return { dir, id, rows: paragraphs * (sentences + 1) };
}
