import { openChecksOnRow } from '../compare/actions';
import { useOptionalCompareState } from '../compare/model';
import { useReader } from '../reader/context';
import { useRowT } from '../reader/row-text';

/**
 * The small mark in a row's margin when the checks found something there (dismissed findings
 * leave no mark). Its name lists the kinds; activating it opens the Checks panel on the row.
 */
export function FindingMark({ rowId }: { rowId: string }) {
  const t = useRowT();
  const app = useReader();
  const kinds = useOptionalCompareState((s) => s.byRow.get(rowId), undefined);
  if (!kinds || kinds.length === 0) return null;
  const label = t('checks.markLabel', { kinds: kinds.map((k) => t(`checks.kinds.${k}`)).join(', ') });
  return (
    <button type="button" className="row-flag flag-finding" aria-label={label} title={label} data-finding-mark={kinds.join(' ')} onClick={() => openChecksOnRow(app, rowId)}>
      <span aria-hidden="true">≠</span>
    </button>
  );
}
