import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/result';
import { createBackup, restoreBackup } from '../actions/manage';
import { useFormat } from '../hooks/useFormat';
import { useBackupStore } from '../stores/backoffice';
import { useStatusStore } from '../stores/status';
import { ErrorNote } from './ErrorNote';

/** The refusal the core explained (details.reason), or a bad name caught by the contract. */
function backupRefusal(error: AppErrorShape): string | null {
  const reason = error.details?.reason;
  if (typeof reason === 'string' && reason.startsWith('BACKUP_')) return reason;
  if (error.code === 'INVALID_INPUT' && error.details?.field === 'name') return 'BACKUP_BAD_NAME';
  return null;
}

/**
 * "Sauvegarde" (owner): the ledger and settings to a file, and back (applied at the next start).
 * The page never names a path: a file name in the data dir's backups folder, or, in the Electron
 * app (native printing means the native dialogs are there too), a file the owner picks in the
 * main process's own dialog.
 */
export function BackupTab() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const state = useBackupStore((s) => s);
  const nativeDialogs = useStatusStore((s) => s.appStatus?.printing === 'native');
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState<null | 'name' | 'choose'>(null);
  const working = state.status === 'working';

  const restore = async (how: 'name' | 'choose') => {
    if (how === 'name' && !name.trim()) return;
    if (confirming !== how) {
      setConfirming(how);
      return;
    }
    setConfirming(null);
    await restoreBackup(how === 'name' ? { name } : { choose: true });
  };

  const refusal = state.status === 'error' ? backupRefusal(state.error) : null;
  const refusalKey = refusal ? `backup.refused.${refusal}` : null;

  return (
    <div className="backup">
      <p>{t('backup.intro')}</p>
      <button type="button" className="btn primary" disabled={working} onClick={() => void createBackup()}>
        {state.status === 'working' && state.what === 'create' ? t('backup.creating') : t('backup.create')}
      </button>
      {nativeDialogs && (
        <button type="button" className="btn" disabled={working} onClick={() => void createBackup(true)}>
          {t('backup.saveAs')}
        </button>
      )}
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
      {state.status === 'error' &&
        (refusalKey && i18n.exists(refusalKey) ? (
          <div className="error-note compact" role="alert">
            <p>{t(refusalKey)}</p>
          </div>
        ) : (
          <ErrorNote error={state.error} compact />
        ))}

      <section aria-labelledby="backup-restore-title" className="settings-section">
        <h3 id="backup-restore-title">{t('backup.restoreHeading')}</h3>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void restore('name');
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
              value={name}
              aria-describedby="backup-path-hint"
              onChange={(e) => {
                setName(e.target.value);
                setConfirming(null);
              }}
            />
            <p id="backup-path-hint" className="small muted">
              {t('backup.pathHint')}
            </p>
          </div>
          {confirming && <p className="warn-box">{t('backup.restoreQuestion')}</p>}
          <button type="submit" className="btn danger" disabled={working || !name.trim()}>
            {confirming === 'name' ? t('backup.restoreConfirm') : t('backup.restore')}
          </button>
          {nativeDialogs && (
            <button type="button" className="btn" disabled={working} onClick={() => void restore('choose')}>
              {confirming === 'choose' ? t('backup.restoreConfirm') : t('backup.chooseFile')}
            </button>
          )}
        </form>
      </section>
    </div>
  );
}
