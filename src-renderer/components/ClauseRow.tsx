import { memo } from 'react';
import type { AlignedRow, Lang } from '../../src-main/contract/ipc';
import { clearActiveClause, setActiveClause, useActiveInRow } from '../highlight-store';

/** One aligned row: the English clauses and their Russian counterparts, starting on one line. */
export const ClauseRow = memo(function ClauseRow({ row }: { row: AlignedRow }) {
  const active = useActiveInRow(row.id);
  return (
    <div className="row" data-row-id={row.id} data-active={active?.lang ?? undefined}>
      <RowCell row={row} lang="en" activeClauseId={active?.lang === 'en' ? active.clauseId : undefined} counterpart={active?.lang === 'ru'} />
      <RowCell row={row} lang="ru" activeClauseId={active?.lang === 'ru' ? active.clauseId : undefined} counterpart={active?.lang === 'en'} />
    </div>
  );
});

function RowCell({
  row,
  lang,
  activeClauseId,
  counterpart,
}: {
  row: AlignedRow;
  lang: Lang;
  activeClauseId: string | undefined;
  counterpart: boolean;
}) {
  const clauses = row[lang];
  return (
    <div className={`cell cell-${lang}${counterpart ? ' is-counterpart' : ''}`} lang={lang} data-lang={lang}>
      {clauses.map((clause, i) => (
        <span key={clause.id}>
          {i > 0 && ' '}
          <span
            className={`clause${clause.id === activeClauseId ? ' is-source' : ''}${counterpart ? ' is-counterpart' : ''}`}
            data-clause-id={clause.id}
            tabIndex={0}
            onMouseEnter={() => setActiveClause({ rowId: row.id, clauseId: clause.id, lang })}
            onMouseLeave={() => clearActiveClause(clause.id)}
            onFocus={() => setActiveClause({ rowId: row.id, clauseId: clause.id, lang })}
            onBlur={() => clearActiveClause(clause.id)}
          >
            {clause.text}
          </span>
        </span>
      ))}
    </div>
  );
}
