import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { moveInList } from '../reader/list-keys';
import { useTranslation } from 'react-i18next';
import type { Finding, FindingItem, FindingKind, FindingsExportFormat } from '../../src-main/contract/compare';
import { expectOk, getApi } from '../api';
import { countByKind, type FindingFilter, groupFindings, nextFocus, rowsOf, shorten } from '../compare/checks';
import { useCompare, useCompareState } from '../compare/model';
import { usePanelFocus } from '../hooks/usePanelFocus';
import { useReader } from '../reader/context';
import { rowText } from '../reader/model';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A finding's items, one line a side: "EN 11 March 2020", "RU 12 марта 2020 г."; renderings counted. */
function ItemsText({ items }: { items: readonly FindingItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <span className="finding-items">
      {(['en', 'ru'] as const).map((side) => {
        const mine = items.filter((item) => item.side === side);
        if (mine.length === 0) return null;
        return (
          <span key={side} className="finding-item">
            <span className="finding-side">{t(`checks.sides.${side}`)}</span>{' '}
            {mine.map((item, i) => (
              <span key={i}>
                {i > 0 && ', '}
                <span lang={side}>{shorten(item.text, 60)}</span>
                {item.count !== undefined && <span className="finding-count"> ×{item.count}</span>}
              </span>
            ))}
          </span>
        );
      })}
    </span>
  );
}

/**
 * The consistency checks of the document: findings by kind, each naming its row, the items and
 * the kind; Enter or a click jumps to the row; a finding can be dismissed (saved) and brought back;
 * the list exported as Markdown or CSV.
 */
export function ChecksPanel() {
  const { t } = useTranslation();
  const app = useReader();
  const model = useCompare();
  const findings = useCompareState((s) => s.findings);
  const dismissed = useCompareState((s) => s.dismissed);
  const panelRow = useCompareState((s) => s.panelRow);
  const [kind, setKind] = useState<FindingKind | ''>('');
  const [showDismissed, setShowDismissed] = useState(false);
  /** After a dismissal: the place in the list whose finding should take the focus. */
  const refocus = useRef<number | undefined>(undefined);
  const ref = useRef<HTMLElement>(null);
  // Opened before the findings were ready: they take the focus when they come (if it is still on the heading).
  const focusWhenReady = useRef(findings.value === undefined);
  usePanelFocus(ref);
  const close = () => app.dispatch({ type: 'close-panel' });

  const view = findings.value;
  const filter: FindingFilter = { kind, showDismissed, rowId: panelRow };
  const groups = view ? groupFindings(view.findings, dismissed, filter, (id) => app.rowIndexOf(id)) : [];
  const shown = groups.reduce((n, g) => n + g.findings.length, 0);
  const counts = view ? countByKind(view.findings, dismissed) : new Map<FindingKind, number>();
  const open = view ? view.findings.filter((f) => !dismissed.has(f.id)).length : 0;
  const dismissedCount = view ? view.findings.length - open : 0;
  const panelEntry = panelRow === undefined ? undefined : app.entries[app.rowIndexOf(panelRow) ?? -1];

  // After a dismissal the focus goes to the finding that took its place (or the heading).
  useLayoutEffect(() => {
    if (refocus.current === undefined) return;
    const jumps = [...(ref.current?.querySelectorAll<HTMLElement>('[data-finding-jump]') ?? [])];
    const at = nextFocus(jumps.length, refocus.current);
    refocus.current = undefined;
    (at === undefined ? ref.current?.querySelector<HTMLElement>('h2') : jumps[at])?.focus();
  });

  useLayoutEffect(() => {
    if (!focusWhenReady.current || !findings.value) return;
    focusWhenReady.current = false;
    if (document.activeElement === ref.current?.querySelector('h2')) ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
  }, [findings.value]);

  const rowLabel = (rowId: string) => {
    const at = app.rowIndexOf(rowId);
    const entry = at === undefined ? undefined : app.entries[at];
    return entry ? t('checks.paragraph', { number: entry.group.number }) : t('checks.titleRow');
  };

  const dismiss = async (f: Finding, value: boolean, index: number) => {
    try {
      if (value && !showDismissed) refocus.current = index;
      await model.dismiss(f.id, value);
      app.say(t(value ? 'checks.dismissedOne' : 'checks.restoredOne'));
    } catch (e) {
      refocus.current = undefined;
      app.say(t('checks.dismissFailed', { reason: message(e) }));
    }
  };

  const exportAs = async (format: FindingsExportFormat) => {
    try {
      const result = await expectOk(getApi().exportFindings({ documentId: model.documentId, format }));
      if (result.saved) app.say(t('checks.exported', { path: result.path ?? '' }));
    } catch (e) {
      app.say(t('checks.exportFailed', { reason: message(e) }));
    }
  };

  /** Up and Down move between the findings' jump buttons (Down from the heading to the first). */
  const onListKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const jumps = [...(ref.current?.querySelectorAll<HTMLElement>('[data-finding-jump]:not(:disabled)') ?? [])];
    if (moveInList(e.key, jumps, ref.current?.querySelector<HTMLElement>('h2'))) e.preventDefault();
  };

  let index = -1;
  const item = (f: Finding) => {
    const at = ++index;
    const isDismissed = dismissed.has(f.id);
    const rowIndex = app.rowIndexOf(f.rowId);
    const entry = rowIndex === undefined ? undefined : app.entries[rowIndex];
    const others = rowsOf(f).length - 1;
    return (
      <li key={f.id} className={`finding-entry${isDismissed ? ' is-dismissed' : ''}`} data-finding-id={f.id} data-kind={f.kind}>
        <button
          type="button"
          className="finding-jump"
          data-finding-jump
          // The first finding takes the focus when the panel opens: Enter, Down and Up work at once.
          data-autofocus={at === 0 || undefined}
          disabled={rowIndex === undefined}
          onClick={() => rowIndex !== undefined && app.goToRow(rowIndex)}
        >
          <span className="finding-meta">
            <span className="finding-row">{rowLabel(f.rowId)}</span>
            {/* The group's heading names the kind; said here too for a screen reader. */}
            <span className="visually-hidden"> · {t(`checks.kinds.${f.kind}`)}</span>
            {f.detail !== 'renderings' && <span> · {t(`checks.details.${f.detail}`)}</span>}
            {isDismissed && <span className="finding-dismissed-label"> · {t('checks.dismissedLabel')}</span>}
          </span>
          <ItemsText items={f.items} />
          {others > 0 && <span className="finding-others">{t('checks.otherRows', { count: others })}</span>}
          {entry && f.items.length === 0 && (
            <span className="finding-snippet" lang="en">
              {shorten(rowText(entry.row, 'en') || rowText(entry.row, 'ru'), 90)}
            </span>
          )}
        </button>
        <button
          type="button"
          className="tool-button finding-dismiss"
          aria-label={`${t(isDismissed ? 'checks.restore' : 'checks.dismiss')}: ${rowLabel(f.rowId)}, ${t(`checks.kinds.${f.kind}`)}`}
          onClick={() => void dismiss(f, !isDismissed, at)}
        >
          {t(isDismissed ? 'checks.restore' : 'checks.dismiss')}
        </button>
      </li>
    );
  };

  return (
    <aside
      ref={ref}
      id="checks-panel"
      className="side-panel checks-panel"
      aria-labelledby="checks-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          e.stopPropagation();
          close();
        } else onListKey(e);
      }}
    >
      <div className="panel-head">
        <h2 id="checks-title" className="panel-title" tabIndex={-1}>
          {t('checks.title')}
        </h2>
        <button type="button" className="tool-button" onClick={close}>
          {t('common.close')}
        </button>
      </div>
      {findings.status === 'loading' && (
        <div className="checks-progress" role="status">
          <progress aria-label={t('checks.computing')} />
          <span>{t('checks.computing')}</span>
        </div>
      )}
      {findings.status === 'error' && (
        <div className="checks-error" role="alert">
          <p>{t('checks.failed', { reason: findings.error })}</p>
          <button type="button" className="tool-button" onClick={() => void model.reloadFindings()}>
            {t('checks.retry')}
          </button>
        </div>
      )}
      {view && (
        <>
          <p className="checks-summary" role="status">
            {t('checks.summary', { count: open, rows: t('checks.rows', { count: app.entries.length }) })}
            {dismissedCount > 0 && ` ${t('checks.dismissedCount', { count: dismissedCount })}`}
          </p>
          {view.warnings.length > 0 && (
            <p className="inline-error" role="alert">
              {t('checks.warnings', { count: view.warnings.length })}
            </p>
          )}
          {panelRow !== undefined && (
            <div className="checks-row-filter">
              <span>{panelEntry ? t('checks.onlyRow', { number: panelEntry.group.number }) : t('checks.onlyRowGone')}</span>
              <button type="button" className="tool-button" onClick={() => model.showRow(undefined)}>
                {t('checks.showAll')}
              </button>
            </div>
          )}
          <div className="checks-filters">
            <div className="filter-field">
              <label htmlFor="checks-kind">{t('checks.kind')}</label>
              <select id="checks-kind" value={kind} onChange={(e) => setKind(e.target.value as FindingKind | '')}>
                <option value="">{t('checks.allKinds', { count: open })}</option>
                {[...counts].map(([k, n]) => (
                  <option key={k} value={k}>
                    {t(`checks.kinds.${k}`)} ({n})
                  </option>
                ))}
              </select>
            </div>
            <label className="editor-check">
              <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} />
              <span>{t('checks.showDismissed', { count: dismissedCount })}</span>
            </label>
          </div>
          {shown === 0 && <p className="panel-hint">{open === 0 && !panelRow ? t('checks.none') : t('checks.noneShown')}</p>}
          {/* Arrow keys move between findings (the panel's keydown): each item is a button. */}
          <div className="checks-groups">
            {groups.map((g) => (
              <section key={g.kind} className="checks-group" aria-labelledby={`checks-group-${g.kind}`}>
                <h3 id={`checks-group-${g.kind}`} className="checks-group-title">
                  {t(`checks.kinds.${g.kind}`)} <span className="checks-group-count">({g.findings.length})</span>
                </h3>
                <ol className="finding-list">{g.findings.map(item)}</ol>
              </section>
            ))}
          </div>
          <div className="checks-io">
            <button type="button" className="tool-button" onClick={() => void exportAs('markdown')} disabled={view.findings.length === 0}>
              {t('checks.exportMarkdown')}
            </button>
            <button type="button" className="tool-button" onClick={() => void exportAs('csv')} disabled={view.findings.length === 0}>
              {t('checks.exportCsv')}
            </button>
          </div>
        </>
      )}
    </aside>
  );
}
