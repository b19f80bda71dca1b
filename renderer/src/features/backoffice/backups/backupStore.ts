import { create } from 'zustand';
import type { AppErrorShape } from '../../../../../shared/result';

export type BackupState =
  | { status: 'idle' }
  | { status: 'working'; what: 'create' | 'restore' }
  | { status: 'created'; path: string; bytes: number }
  | { status: 'restored'; sales: number }
  | { status: 'error'; what: 'create' | 'restore'; error: AppErrorShape };
export const useBackupStore = create<BackupState>()(() => ({ status: 'idle' }) as BackupState);
