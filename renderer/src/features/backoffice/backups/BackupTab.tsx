import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../../shared/result';
import { createBackup, listBackups, restoreBackup, type BackupList } from './backupActions';
import { useFormat } from '../../../ui/useFormat';
import { useBackupStore } from './backupStore';
import { useStatusStore } from '../../status-bar/statusStore';
import { ErrorNote } from '../../../ui/ErrorNote';
import { DataTable } from '../../../ui/DataTable';
import { RestoreConfirmDialog } from './RestoreConfirmDialog';

/** The refusal the core explained (details.reason), or a bad name caught by the contract. */
function backupRefusal(error: AppErrorShape): string | null {
  const reason = error.details?.reason;
  if (typeof reason === 'string' && reason.startsWith('BACKUP_')) return reason;
  if (error.code === 'INVALID_INPUT' && error.details?.field === 'name') return 'BACKUP_BAD_NAME';
  return null;
}

const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/**
 * "Sauvegarde" (owner): the ledger and settings to a file, and back (applied at the next start).
 * The page never names a path. Restoring picks one of the backups the till lists from its
 * backups folder, or, in the Electron app (native printing means the native dialogs are there
 * too), a file the owner picks in the system's own dialog (a USB stick, say). Saving goes to the
 * backups folder, whose path is shown, or (Electron) anywhere the save dialog allows.
 */
export function BackupTab() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const state = useBackupStore((s) => s);
  const nativeDialogs = useStatusStore((s) => s.appStatus?.printing === 'native');
  const [list, setList] = useState<BackupList | null>(null);
  const [listError, setListError] = useState<AppErrorShape | null>(null);
  // What the owner is about to restore: a listed name, or a file to choose next (Electron).
  const [confirming, setConfirming] = useState<null | { name: string } | { choose: true }>(null);
  const working = state.status === 'working';

  const reload = useCallback(async () => {
    const r = await listBackups();
    if (r.ok) {
      setList(r.value);
      setListError(null);
    } else setListError(r.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);
  // A new backup, or a refusal (a file gone meanwhile), changes what is in the folder.
  useEffect(() => {
    if (state.status === 'created' || state.status === 'error') void reload();
  }, [state.status, reload]);

  const restore = async () => {
    const what = confirming;
    setConfirming(null);
    if (what) await restoreBackup(what);
  };

  const refusal = state.status === 'error' ? backupRefusal(state.error) : null;
  const refusalKey = refusal ? `backup.refused.${refusal}` : null;

  return (
    <div className="backup">
      <p>{t('backup.intro')}</p>

      <section aria-labelledby="backup-create-title" className="settings-section">
        <h3 id="backup-create-title">{t('backupPick.createHeading')}</h3>
        {list && (
          <p className="small">
            {t('backupPick.folder')}{' '}
            <bdi dir="ltr" className="masked">
              {list.folder}
            </bdi>
          </p>
        )}
        <div className="row-actions">
          <button type="button" className="btn primary" disabled={working} onClick={() => void createBackup()}>
            {state.status === 'working' && state.what === 'create' ? t('backup.creating') : t('backup.create')}
          </button>
          {nativeDialogs && (
            <button type="button" className="btn" disabled={working} onClick={() => void createBackup(true)}>
              {t('backupPick.saveAs')}
            </button>
          )}
        </div>
        {!nativeDialogs && <p className="small muted">{t('backupPick.usbHint')}</p>}
      </section>

      <div role="status" className="small">
        {state.status === 'created' && (
          <p>
            {t('backup.created')}{' '}
            <bdi dir="ltr" className="masked">
              {state.path}
            </bdi>{' '}
            ({t('backupPick.kb', { n: f.int(kb(state.bytes)) })})
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
        {nativeDialogs && (
          <button type="button" className="btn" disabled={working} onClick={() => setConfirming({ choose: true })}>
            {t('backup.chooseFile')}
          </button>
        )}
        {listError && <ErrorNote error={listError} compact onRetry={() => void reload()} />}
        {list && list.files.length === 0 && <p className="muted">{t('backupPick.none')}</p>}
        {list && list.files.length > 0 && (
          <DataTable
            label={t('backupPick.table')}
            unwrapped
            columns={[t('backupPick.col.name'), t('backupPick.col.date'), t('backupPick.col.size'), t('backupPick.col.action')]}
          >
            {list.files.map((file) => (
              <tr key={file.name}>
                <td>
                  <bdi dir="ltr">{file.name}</bdi>
                </td>
                <td>{f.dateTime(file.modifiedAt)}</td>
                <td>{t('backupPick.kb', { n: f.int(kb(file.bytes)) })}</td>
                <td>
                  <button
                    type="button"
                    className="btn small-btn danger"
                    disabled={working}
                    aria-label={t('backupPick.restoreLabel', { name: file.name })}
                    onClick={() => setConfirming({ name: file.name })}
                  >
                    {t('backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <button type="button" className="btn small-btn ghost" onClick={() => void reload()}>
          {t('backupPick.refresh')}
        </button>
      </section>

      {confirming && (
        <RestoreConfirmDialog name={'name' in confirming ? confirming.name : null} onCancel={() => setConfirming(null)} onConfirm={() => void restore()} />
      )}
    </div>
  );
}
