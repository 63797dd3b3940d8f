import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsNotice as Notice } from '../../src-main/contract/ipc';

/** Says once, at start, that the settings file could not be used as it was (and what was done). */
export function SettingsNotice({ notice }: { notice: Notice | undefined }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(true);
  if (!notice || !shown) return null;
  const restored = notice.restoredFrom === 'backup';
  const values = { file: notice.file, movedTo: notice.movedTo ?? '', reason: notice.reason ?? '?' };
  let text: string;
  if (notice.kind === 'moved-aside') text = restored ? t('settingsNotice.movedAsideRestored', values) : t('settingsNotice.movedAside', values);
  else if (notice.kind === 'unreadable') text = restored ? t('settingsNotice.unreadableRestored', values) : t('settingsNotice.unreadable', values);
  else text = restored ? t('settingsNotice.notMovedRestored', values) : t('settingsNotice.notMoved', values);
  return (
    <div className="inline-error settings-notice" role="alert">
      <p>{text}</p>
      <button type="button" className="tool-button" onClick={() => setShown(false)}>
        {t('settingsNotice.dismiss')}
      </button>
    </div>
  );
}
