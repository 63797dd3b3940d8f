/** Glossary terms marked in both columns of a row (a subtle underline, named in its tooltip). */
import { useMemo } from 'react';
import type { Mark } from '../reader/ClauseText';
import { type RowEntry, rowText } from '../reader/model';
import { useRowT } from '../reader/row-text';
import { termMarks } from './checks';
import { useOptionalCompareState } from './model';

/** The row's glossary terms as marks by clause id, or nothing when it has none. */
export function useRowTermMarks(entry: RowEntry): ReadonlyMap<string, Mark[]> | undefined {
  const t = useRowT();
  const links = useOptionalCompareState((s) => s.terms.get(entry.row.id), undefined);
  const row = entry.row;
  return useMemo(() => {
    if (!links || links.length === 0) return undefined;
    const en = rowText(row, 'en');
    const ru = rowText(row, 'ru');
    return termMarks(row, links, (_lang, link) => t('glossary.termTitle', { en: en.slice(link.en.start, link.en.end), ru: ru.slice(link.ru.start, link.ru.end) }));
  }, [links, row, t]);
}

/** A clause's own marks with its glossary terms added. */
export function withTermMarks(marks: readonly Mark[] | undefined, terms: readonly Mark[] | undefined): readonly Mark[] | undefined {
  if (!terms || terms.length === 0) return marks;
  return marks && marks.length > 0 ? [...marks, ...terms] : terms;
}
