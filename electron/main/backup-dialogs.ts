import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { BackupDialogs } from '../core/platform/ports';

/**
 * Backups to or from a file the owner picks in Electron's own dialogs, run in the main process:
 * the renderer only asks "let me choose", it never sends a path. The core still checks the chosen
 * path (not in the data dir, not a link, never an existing file). Electron is reached through
 * `deps` so this is tested with fakes.
 */
export interface BackupDialogDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** Where the dialogs open first, e.g. app.getPath('documents'). */
  startDir: string;
}

const FILTERS = [{ name: 'Till backup (SQLite)', extensions: ['sqlite'] }];

export function createBackupDialogs(deps: BackupDialogDeps): BackupDialogs {
  return {
    async chooseBackupTarget(defaultName: string): Promise<string | null> {
      const choice = await deps.showSaveDialog({
        title: 'Save a backup',
        defaultPath: path.join(deps.startDir, path.basename(defaultName)),
        filters: FILTERS,
        // No overwrite confirmation: the core refuses an existing file anyway, with a clear message.
        properties: ['createDirectory'],
      });
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    async chooseBackupSource(): Promise<string | null> {
      const choice = await deps.showOpenDialog({
        title: 'Restore a backup',
        defaultPath: deps.startDir,
        filters: FILTERS,
        properties: ['openFile'],
      });
      return choice.canceled || choice.filePaths.length !== 1 ? null : choice.filePaths[0]!;
    },
  };
}
