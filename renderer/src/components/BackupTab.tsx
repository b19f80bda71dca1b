import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBackup, restoreBackup } from '../actions/manage';
import { useFormat } from '../hooks/useFormat';
import { useBackupStore } from '../stores/backoffice';
import { ErrorNote } from './ErrorNote';

/** "Sauvegarde" (owner): the ledger and settings to a file, and back (applied at the next start). */
export function BackupTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const state = useBackupStore((s) => s);
  const [path, setPath] = useState('');
  const [confirming, setConfirming] = useState(false);
  const working = state.status === 'working';

  const restore = async () => {
    if (!path.trim()) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    await restoreBackup(path);
  };

  return (
    <div className="backup">
      <p>{t('backup.intro')}</p>
      <button type="button" className="btn primary" disabled={working} onClick={() => void createBackup()}>
        {state.status === 'working' && state.what === 'create' ? t('backup.creating') : t('backup.create')}
      </button>
      <div role="status" className="small">
        {state.status === 'created' && (
          <p>
            {t('backup.created')}{' '}
            <bdi dir="ltr" className="masked">
              {state.path}
            </bdi>{' '}
            ({f.int(Math.ceil(state.bytes / 1024))} KB)
          </p>
        )}
        {state.status === 'restored' && <p className="warn-box">{t('backup.restored', { n: f.int(state.sales) })}</p>}
        {state.status === 'working' && state.what === 'restore' && <p>{t('backup.restoring')}</p>}
      </div>
      {state.status === 'error' && <ErrorNote error={state.error} compact />}

      <section aria-labelledby="backup-restore-title" className="settings-section">
        <h3 id="backup-restore-title">{t('backup.restoreHeading')}</h3>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void restore();
          }}
        >
          <div className="field">
            <label htmlFor="backup-path">{t('backup.path')}</label>
            <input
              id="backup-path"
              type="text"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              value={path}
              aria-describedby="backup-path-hint"
              onChange={(e) => {
                setPath(e.target.value);
                setConfirming(false);
              }}
            />
            <p id="backup-path-hint" className="small muted">
              {t('backup.pathHint')}
            </p>
          </div>
          {confirming && <p className="warn-box">{t('backup.restoreQuestion')}</p>}
          <button type="submit" className="btn danger" disabled={working || !path.trim()}>
            {confirming ? t('backup.restoreConfirm') : t('backup.restore')}
          </button>
        </form>
      </section>
    </div>
  );
}
