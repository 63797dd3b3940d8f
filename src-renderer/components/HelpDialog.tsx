import { useTranslation } from 'react-i18next';
import { ACTIONS, ACTION_IDS, type ActionSpec } from '../../src-main/contract/actions';
import { displayShortcut } from '../hooks/useActions';
import { Dialog } from './Dialog';

const GROUPS: ActionSpec['group'][] = ['move', 'search', 'compare', 'annotate', 'align', 'view', 'help'];

/** Every keyboard shortcut, from the one action registry, in the UI language. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')} onClose={onClose} className="help-dialog">
      <div className="help-groups">
        {GROUPS.map((group) => (
          <section key={group} className="help-group" aria-labelledby={`help-${group}`}>
            <h3 id={`help-${group}`}>{t(`help.groups.${group}`)}</h3>
            <dl>
              {ACTION_IDS.filter((id) => ACTIONS[id].group === group).map((id) => (
                <div key={id} className="help-row">
                  <dt>{t(`actions.${id}`)}</dt>
                  <dd>
                    {ACTIONS[id].keys.map((key, i) => (
                      <span key={key}>
                        {i > 0 && <span className="help-or"> {t('help.or')} </span>}
                        <kbd>{displayShortcut(key)}</kbd>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
