import type { CommandHandlers, EventName, EventPayload } from '../../../shared/contract';

/**
 * The ports through which the Electron-free core meets its host. Electron supplies safeStorage,
 * electron-store and webContents.print; the browser host supplies a 0600 key file, conf and
 * "print in the browser". Nothing here may import `electron`.
 */

/** Where the provider API key is kept. `get` returns null when none is saved. */
export interface SecretStore {
  /** True only when the key is really encrypted at rest (safeStorage with a working keyring). */
  readonly encrypted: boolean;
  get(): string | null;
  set(key: string): void;
  clear(): void;
}

/** Wraps the ledger's data key (which encrypts card codes) for storage on disk. */
export interface KeyProtector {
  readonly encrypted: boolean;
  protect(plain: Buffer): Buffer;
  unprotect(blob: Buffer): Buffer;
}

/** electron-store and conf expose the same `store` property over the same JSON file format. */
export interface SettingsBackend {
  store: Record<string, unknown>;
}

export interface PrintOptions {
  widthMm: 58 | 80;
  printerName: string;
  silent: boolean;
}

/** Native printing (Electron). Absent in the browser host, where the renderer prints. */
export interface ReceiptPrinter {
  print(html: string, options: PrintOptions): Promise<boolean>;
  /** "Save as PDF" through a save dialog; resolves the file written, or null if cancelled. */
  savePdf(html: string, options: { widthMm: 58 | 80; defaultName: string }): Promise<string | null>;
}

/**
 * Native file dialogs for backups, run by the Electron main process (absent in the browser host).
 * A path chosen here comes from the owner's own dialog, never from the renderer; the core still
 * checks it (backup/backup-paths.ts). Each resolves null when the dialog is cancelled.
 */
export interface BackupDialogs {
  chooseBackupTarget(defaultName: string): Promise<string | null>;
  chooseBackupSource(): Promise<string | null>;
}

/**
 * Training mode's stand-in for the provider: the simulator (simulator/ at the project root), which
 * is a training and test double, not part of the core. The host hands the core a loader, so the
 * simulator's code is read only when the till really trains (no key configured).
 */
export interface TrainingProvider {
  /** The key the till sends in training mode; the stand-in (built-in or test-run) accepts it. */
  readonly apiKey: string;
  /** Starts a private stand-in on 127.0.0.1 for this till. */
  start(options: { handlingMs: number }): Promise<{ url: string; close(): Promise<void> }>;
}

export type LoadTrainingProvider = () => Promise<TrainingProvider>;

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** Logger that never receives secrets: callers pass codes only through `redact`. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface TillCore {
  readonly handlers: CommandHandlers;
  onEvent(listener: EventListener): () => void;
  close(): Promise<void>;
}
