import type { CommandOutput } from '../../../../../shared/contract';
import type { AppErrorShape } from '../../../../../shared/result';
import { api } from '../../../bridge';

export type BackupList = CommandOutput<'backup:list'>;

/** The backups the till can restore by name (the browser host has no file dialog). Owner only. */
export async function listBackups(): Promise<{ ok: true; value: BackupList } | { ok: false; error: AppErrorShape }> {
  const r = await api().call('backup:list', {});
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.error };
}
