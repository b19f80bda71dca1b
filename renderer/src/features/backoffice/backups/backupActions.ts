import type { CommandOutput } from '../../../../../shared/contract';
import type { AppErrorShape } from '../../../../../shared/result';
import { api } from '../../../bridge';
import { useBackupStore } from './backupStore';

export type BackupList = CommandOutput<'backup:list'>;

/** The backups the till can restore by name (the browser host has no file dialog). Owner only. */
export async function listBackups(): Promise<{ ok: true; value: BackupList } | { ok: false; error: AppErrorShape }> {
  const r = await api().call('backup:list', {});
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
}

// ---- backup (owner)

/** Into the data dir's backups folder, or (`choose`, Electron) where the owner picks in a save dialog. */
export async function createBackup(choose = false): Promise<void> {
  useBackupStore.setState({ status: 'working', what: 'create' }, true);
  const r = await api().call('backup:create', choose ? { choose: true } : {});
  if (!r.ok) useBackupStore.setState({ status: 'error', what: 'create', error: r.error }, true);
  else if (!r.value)
    useBackupStore.setState({ status: 'idle' }, true); // the dialog was cancelled
  else useBackupStore.setState({ status: 'created', path: r.value.path, bytes: r.value.bytes }, true);
}

/** From a file name in the backups folder, or (`choose`, Electron) a file picked in an open dialog. */
export async function restoreBackup(from: { name: string } | { choose: true }): Promise<void> {
  useBackupStore.setState({ status: 'working', what: 'restore' }, true);
  const r = await api().call('backup:restore', 'name' in from ? { name: from.name.trim() } : { choose: true });
  if (!r.ok) useBackupStore.setState({ status: 'error', what: 'restore', error: r.error }, true);
  else if (!r.value) useBackupStore.setState({ status: 'idle' }, true);
  else useBackupStore.setState({ status: 'restored', sales: r.value.sales }, true);
}
