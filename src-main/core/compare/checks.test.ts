import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { type CheckRow, type Finding, type FindingKind, checkDocument } from './checks';
import { type ItemContext, extractItems, itemContext } from './items';
import { evalRows, statementRows } from './testing';

const ITEM_KINDS: readonly FindingKind[] = ['number', 'date', 'percent', 'acronym', 'latin', 'url', 'email', 'name', 'reference'];

describe('checks on the bundled statement', () => {
  it('raise no false alarm for numbers, dates, percentages or acronyms', () => {
    const findings = checkDocument(statementRows());
    const items = findings.filter((f) => ITEM_KINDS.includes(f.kind));
    // Every item finding must be explained by the text itself; there are none in the statement.
    const explained: string[] = [];
    expect(items.map((f) => f.id)).toEqual(explained);
    expect(findings.filter((f) => ['untranslated', 'empty', 'length'].includes(f.kind))).toEqual([]);
  });

  it('never report a name known only by a short skeleton or by capitals (States ~ Статья, COMMEND)', () => {
    const rows: CheckRow[] = [
      { id: 'a', en: 'Member States COMMEND the plan.', ru: 'Статья 5 одобрена.' },
      { id: 'b', en: 'Russia and Hanoi', ru: 'Россия и Ханой' },
      { id: 'c', en: 'The Murmansk port', ru: 'Порт Мурманска' },
      { id: 'd', en: 'Ships from Murmansk', ru: 'Суда из порта' },
    ];
    const names = checkDocument(rows).filter((f) => f.kind === 'name');
    // Murmansk, a name by its consonants, is still reported where the Russian lacks it.
    expect(names.map((f) => `${f.rowId}:${f.items.map((i) => i.text).join(',')}`)).toEqual(['d:Murmansk']);
  });

  it('list the English words rendered in several ways, with counts', () => {
    const findings = checkDocument(statementRows()).filter((f) => f.kind === 'inconsistent');
    const health = findings.find((f) => f.items[0]!.text === 'health');
    expect(health?.items.map((i) => i.text)).toEqual(['health', 'здравоохранения', 'здоровья']);
    expect(health!.rowIds!.length).toBeGreaterThan(3);
  });
});

type Plant = 'date' | 'number' | 'acronym' | 'drop-clause' | 'cut-clause' | 'untranslated';
const EXPECTED: Record<Plant, readonly FindingKind[]> = {
  date: ['date'],
  number: ['number', 'percent'],
  acronym: ['acronym'],
  'drop-clause': ['empty'],
  'cut-clause': ['length', ...ITEM_KINDS],
  untranslated: ['untranslated'],
};

/** Plants one difference of the kind in a Russian row; false if the row has nothing to plant it in. */
function plant(kind: Plant, row: CheckRow, context: ItemContext): CheckRow | undefined {
  const ru = extractItems(row.ru, 'ru', context);
  const en = extractItems(row.en, 'en', context);
  const replace = (start: number, end: number, text: string): CheckRow => ({ ...row, ru: row.ru.slice(0, start) + text + row.ru.slice(end) });
  switch (kind) {
    case 'date': {
      const date = ru.find((i) => i.kind === 'date' && /^\d/u.test(i.text));
      if (!date) return undefined;
      const day = /^\d+/u.exec(date.text)![0];
      return replace(date.start, date.start + day.length, String(Number(day) >= 28 ? Number(day) - 1 : Number(day) + 1));
    }
    case 'number': {
      const n = ru.find((i) => (i.kind === 'number' || i.kind === 'percent' || i.kind === 'amount') && !i.soft && /^\d/u.test(i.text));
      if (!n) return undefined;
      const digits = /^\d+/u.exec(n.text)![0];
      return replace(n.start, n.start + digits.length, String(Number(digits) + 3));
    }
    case 'acronym': {
      const a = ru.find((i) => i.kind === 'acronym' && en.some((e) => e.key === i.key));
      if (!a) return undefined;
      const text = row.ru.replaceAll(new RegExp(`\\s*\\(?${a.text}\\)?(?![\\p{L}])`, 'gu'), '');
      return text === row.ru ? undefined : { ...row, ru: text };
    }
    case 'drop-clause':
      return { ...row, ru: '' };
    case 'cut-clause': {
      if (row.ru.length < 150) return undefined;
      const cut = row.ru.lastIndexOf(' ', Math.floor(row.ru.length * 0.35));
      return { ...row, ru: `${row.ru.slice(0, cut)}.` };
    }
    case 'untranslated':
      return row.en.length >= 20 ? { ...row, ru: row.en } : undefined;
  }
}

describe('checks on texts with planted differences', () => {
  const documents: [string, CheckRow[]][] = [
    ['statement', statementRows()],
    ['treaty', evalRows('treaty')],
    ['news', evalRows('news')],
    ['story', evalRows('story')],
  ];
  const plants: Plant[] = ['date', 'number', 'acronym', 'drop-clause', 'cut-clause', 'untranslated'];

  it('find at least 95% of them, of each kind', { timeout: 120_000 }, () => {
    const random = mulberry32(11);
    const tally = new Map<Plant, { planted: number; found: number; missed: string[] }>();
    for (const [name, rows] of documents) {
      const before = new Set(checkDocument(rows).map((f: Finding) => f.id));
      const context = itemContext(rows.map((r) => r.en), rows.map((r) => r.ru));
      for (const kind of plants) {
        // Every third eligible row (chosen at random), all planted in one copy of the text.
        const copy = rows.slice();
        const planted: number[] = [];
        rows.forEach((row, k) => {
          if (random() > 0.35) return;
          const changed = plant(kind, row, context);
          if (!changed) return;
          copy[k] = changed;
          planted.push(k);
        });
        const after = checkDocument(copy).filter((f) => !before.has(f.id) && EXPECTED[kind].includes(f.kind));
        const t = tally.get(kind) ?? { planted: 0, found: 0, missed: [] };
        for (const k of planted) {
          t.planted++;
          if (after.some((f) => f.rowId === rows[k]!.id)) t.found++;
          else t.missed.push(`${name} ${rows[k]!.id}: ${copy[k]!.ru.slice(0, 80)}`);
        }
        tally.set(kind, t);
      }
    }
    let planted = 0;
    let found = 0;
    for (const [kind, t] of tally) {
      console.log(`planted ${kind}: found ${t.found}/${t.planted}${t.missed.length ? `; missed: ${t.missed.join(' | ')}` : ''}`);
      planted += t.planted;
      found += t.found;
      expect(t.planted, kind).toBeGreaterThan(0);
      expect(t.found / t.planted, kind).toBeGreaterThanOrEqual(0.95);
    }
    console.log(`planted differences found: ${found}/${planted} = ${(found / planted).toFixed(3)}`);
  });
});

describe('checks on single rows', () => {
  const row = (en: string, ru: string): CheckRow[] => [{ id: 'r0', en, ru }];
  it('name the item and the side where it is missing or different', () => {
    const [f] = checkDocument(row('on 11 March 2020', '12 марта 2020 г.'));
    expect(f).toMatchObject({ kind: 'date', detail: 'different', rowId: 'r0' });
    expect(f!.items.map((i) => `${i.side}:${i.text}`)).toEqual(['en:11 March 2020', 'ru:12 марта 2020 г.']);
    expect(checkDocument(row('The WHO agreed.', 'Организация согласилась.'))).toMatchObject([{ kind: 'acronym', detail: 'missing-ru' }]);
    expect(checkDocument(row('The United Nations agreed.', 'ООН согласилась.'))).toEqual([]);
  });

  it('find URLs, e-mail addresses and references missing', () => {
    const kinds = checkDocument(row('See www.asean.org or mail info@asean.org under (b).', 'См. сайт или почту.')).map((f) => f.kind);
    expect(kinds.sort()).toEqual(['email', 'reference', 'url']);
  });

  it('flag glossary terms whose equivalent is missing', () => {
    const rows = row('Access to health care is ensured.', 'Обеспечивается доступ к здравоохранению.');
    const findings = checkDocument(rows, { glossary: [{ en: 'health care', ru: 'медицинская помощь' }] });
    expect(findings).toMatchObject([{ kind: 'glossary', detail: 'missing-ru' }]);
    const ok = row('Access to health care is ensured.', 'Обеспечивается доступ к медицинской помощи.');
    expect(checkDocument(ok, { glossary: [{ en: 'health care', ru: 'медицинская помощь' }] })).toEqual([]);
  });

  it('do not count a glossary term that renders another word of the other side', () => {
    // ¶2 of the statement: «здравоохранения» is "Health" of the World Health Organisation, not the
    // glossary's "health care"; it was a false "missing in English".
    const glossary = [{ en: 'health care', ru: 'здравоохранение' }];
    const who = row('which the World Health Organisation (WHO) declared as a pandemic', 'которое Всемирная организация здравоохранения (ВОЗ) объявила пандемией');
    expect(checkDocument(who, { glossary }).filter((f) => f.kind === 'glossary')).toEqual([]);
    // Without that link (no lexicon), the same row is still flagged: the rule goes by the links.
    expect(checkDocument(who, { glossary, lexicon: null }).filter((f) => f.kind === 'glossary')).toMatchObject([{ detail: 'missing-en' }]);
    // An English term rendered by another Russian word is still a finding: that is what the check is for.
    const other = row('The pandemic goes on.', 'Пандемия продолжается.');
    expect(checkDocument(other, { glossary: [{ en: 'pandemic', ru: 'эпидемия' }] }).filter((f) => f.kind === 'glossary')).toMatchObject([{ detail: 'missing-ru' }]);
    // A term whose words are only partly accounted for stays a finding.
    const partly = row('Access to health care and to health services.', 'Доступ к здравоохранению и к медицинским услугам.');
    expect(checkDocument(partly, { glossary: [{ en: 'health care', ru: 'медицинская помощь' }] }).filter((f) => f.kind === 'glossary')).toMatchObject([{ detail: 'missing-ru' }]);
  });

  it('flag empty sides and untranslated rows', () => {
    expect(checkDocument(row('Some text here.', ''))).toMatchObject([{ kind: 'empty', detail: 'no-ru' }]);
    expect(checkDocument(row('Press the button to start.', 'Press the button to start.'))).toMatchObject([{ kind: 'untranslated', detail: 'same-text' }]);
    expect(checkDocument(row('Press the button to start.', 'Press the big button to start now.'))).toMatchObject([{ kind: 'untranslated', detail: 'english-in-russian' }]);
  });
});
