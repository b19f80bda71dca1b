import fs from 'node:fs';
import path from 'node:path';
import type { Transport } from './api/transport';
import { secureDataDir } from './data-permissions';
import { createHandlers } from './handlers';
import { CodeCipher, loadOrCreateDataKey } from './ledger/code-cipher';
import { Ledger } from './ledger/ledger';
import { createLogger } from './log';
import type { BackupDialogs, KeyProtector, LoadTrainingProvider, Logger, ReceiptPrinter, SecretStore, SettingsBackend, TillCore } from './ports';
import { DEFAULT_TIMING, type SaleTiming } from './sales/timing';
import { TillServices } from './services';
import { SettingsService } from './settings/settings-service';
import { providerUrlOrThrow } from './provider-url';
import { applyStagedRestore } from './shop/backup';

export const DEFAULT_API_URL = 'https://api.oneclickdz.com';

export interface CoreOptions {
  dataDir: string;
  apiUrl?: string;
  envApiKey?: string | null;
  secretStore: SecretStore;
  keyProtector: KeyProtector;
  settingsBackend: SettingsBackend;
  printer?: ReceiptPrinter;
  /** Electron's save/open dialogs for backups; absent in the browser host. */
  backupDialogs?: BackupDialogs;
  logger?: Logger;
  version: string;
  /** Tests shrink the waits of a sale's life. */
  timing?: Partial<SaleTiming>;
  trainingHandlingMs?: number;
  /** Test-only: training mode against an external simulator the tests control. */
  trainingApiUrl?: string;
  /**
   * Training mode's simulator (simulator/training.ts), handed over by the host as a loader so the
   * core never imports it and a till with a key never loads it. Without one, a till with no key
   * cannot start.
   */
  trainingSimulator?: LoadTrainingProvider;
  transport?: Transport;
}

/** Builds the Electron-free core: ledger, settings, key session, sale engine and command handlers. */
export async function createCore(o: CoreOptions): Promise<TillCore> {
  // The key travels to this URL: https, or plain http to loopback only (provider-url.ts).
  providerUrlOrThrow('apiUrl', o.apiUrl);
  providerUrlOrThrow('trainingApiUrl', o.trainingApiUrl);
  fs.mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  const logger = o.logger ?? createLogger();
  secureDataDir(o.dataDir, logger);
  const cipher = new CodeCipher(loadOrCreateDataKey(o.dataDir, o.keyProtector));
  if (applyStagedRestore(o.dataDir, o.settingsBackend, Date.now())) logger.info('ledger restored from a backup');
  const ledger = new Ledger(path.join(o.dataDir, 'ledger.sqlite'), cipher);
  const services = new TillServices({
    dataDir: o.dataDir,
    ledger,
    cipher,
    settings: new SettingsService(o.settingsBackend),
    secretStore: o.secretStore,
    apiUrl: o.apiUrl ?? DEFAULT_API_URL,
    envApiKey: o.envApiKey ?? null,
    printer: o.printer,
    backupDialogs: o.backupDialogs,
    logger,
    timing: { ...DEFAULT_TIMING, ...(o.timing ?? {}) },
    version: o.version,
    transport: o.transport,
    trainingHandlingMs: o.trainingHandlingMs,
    trainingApiUrl: o.trainingApiUrl,
    loadTraining: o.trainingSimulator,
  });
  await services.start();
  return {
    handlers: createHandlers(services),
    onEvent: (listener) => services.onEvent(listener),
    close: async () => {
      await services.close();
      ledger.close();
    },
  };
}

export type { TillCore } from './ports';
