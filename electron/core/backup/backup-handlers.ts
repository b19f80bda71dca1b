import type { CommandHandlers } from '../../../shared/contract';
import type { CodeCipher } from '../ledger/code-cipher';
import type { Ledger } from '../ledger/ledger';
import type { BackupDialogs } from '../platform/ports';
import type { SettingsService } from '../settings/settings-service';
import { backupLocation, createBackup, defaultBackupName, stageRestore } from './backup';
import { listBackups } from './backup-list';

export interface BackupHandlerDeps {
  ledger: Ledger;
  settings: SettingsService;
  cipher: CodeCipher;
  dataDir: string;
  /** Electron's file dialogs; absent in the browser host. */
  dialogs: BackupDialogs | undefined;
  now: () => number;
}

/** Making, listing and staging backups (owner only, access.ts); the restore itself runs at the next start. */
export function backupHandlers(s: BackupHandlerDeps): Pick<CommandHandlers, 'backup:create' | 'backup:restore' | 'backup:list'> {
  return {
    'backup:create': async (input) => {
      const name = defaultBackupName(s.now(), s.dataDir);
      const where = await backupLocation(
        input,
        s.dialogs,
        (d) => d.chooseBackupTarget(name),
        () => name,
      );
      return where ? createBackup(s.ledger, s.settings, s.dataDir, s.now(), where) : null;
    },
    'backup:restore': async (input) => {
      const where = await backupLocation(input, s.dialogs, (d) => d.chooseBackupSource(), null);
      return where ? { restartRequired: true, sales: await stageRestore(where, s.dataDir, s.cipher) } : null;
    },
    'backup:list': async () => listBackups(s.dataDir),
  };
}
