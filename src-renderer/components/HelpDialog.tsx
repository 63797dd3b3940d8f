import { useTranslation } from 'react-i18next';
import { ACTION_GROUPS, ACTION_IDS, ACTIONS, enabledIn } from '../../src-main/contract/actions';
import { displayShortcut, keyNames } from '../actions/keys';
import { useReader } from '../reader/context';
import { Dialog } from './Dialog';

/** Every action and its keys, from the one registry, in the UI language. */
export function HelpDialog() {
  const { t } = useTranslation();
  const names = keyNames(t);
  const app = useReader();
  return (
    <Dialog title={t('help.title')} onClose={() => app.close()} className="help-dialog">
      <div className="help-groups" tabIndex={0} data-autofocus>
        {ACTION_GROUPS.map((group) => (
          <section key={group} className="help-group" aria-labelledby={`help-${group}`}>
            <h3 id={`help-${group}`}>{t(`help.groups.${group}`)}</h3>
            <dl>
              {ACTION_IDS.filter((id) => ACTIONS[id].group === group).map((id) => (
                <div key={id} className="help-row">
                  <dt>
                    {t(`actions.${id}`)}
                    {!enabledIn(id, 'reading') && <span className="help-mode"> · {t('modes.edit')}</span>}
                  </dt>
                  <dd>
                    {ACTIONS[id].keys.length === 0 && <span className="help-or">—</span>}
                    {ACTIONS[id].keys.map((key, i) => (
                      <span key={key}>
                        {i > 0 && <span className="help-or"> {t('help.or')} </span>}
                        <kbd>{displayShortcut(key, undefined, undefined, names)}</kbd>
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
