import fs from 'node:fs';
import path from 'node:path';
import type { KeyProtector, SecretStore } from '../core/platform/ports';

/**
 * SecretStore (the provider API key) and KeyProtector (the ledger's data key) backed by Electron's
 * safeStorage. `safeStorage` is a parameter so tests pass a fake; build these after `app` is ready
 * (on Linux safeStorage only knows its backend then).
 *
 * `encrypted` is true only when the OS really protects the key: on Linux without a keyring
 * safeStorage falls back to `basic_text` (a hard-coded password), which we report as NOT
 * encrypted so the UI can say so (design §5). When safeStorage is unavailable altogether the
 * stores still work, writing the key as plain text in a 0600 file, and say `encrypted: false`.
 */

/** The part of Electron's `safeStorage` we use; the real one fits. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

export interface SafeStorageOptions {
  safeStorage: SafeStorageLike;
  dataDir: string;
  /** Path of the saved API key, relative to dataDir. */
  apiKeyFile?: string;
  platform?: NodeJS.Platform;
}

const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

/** Does safeStorage work at all, and does it really protect data at rest? */
export function describeSafeStorage(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform) {
  let available = false;
  try {
    available = safeStorage.isEncryptionAvailable();
  } catch {
    available = false;
  }
  let encrypted = available;
  if (available && platform === 'linux') {
    let backend = 'unknown';
    try {
      backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    } catch {
      backend = 'unknown';
    }
    encrypted = !WEAK_LINUX_BACKENDS.has(backend);
  }
  return { available, encrypted };
}

/** Writes via a temp file and rename so a crash never leaves half a key; the file is 0600. */
export function writePrivateFile(file: string, data: Buffer | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.chmodSync(tmp, 0o600); // in case the umask or an old file interfered
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/*
 * On-disk format shared by both stores: a 4-byte magic, one format byte, then the payload.
 * Format 1 = safeStorage ciphertext; format 0 = plain (safeStorage unavailable when written).
 */
const MAGIC = Buffer.from('OCT1', 'ascii');
const FORMAT_PLAIN = 0;
const FORMAT_SAFE_STORAGE = 1;

function seal(safeStorage: SafeStorageLike, available: boolean, plain: string): Buffer {
  if (available) {
    return Buffer.concat([MAGIC, Buffer.from([FORMAT_SAFE_STORAGE]), safeStorage.encryptString(plain)]);
  }
  return Buffer.concat([MAGIC, Buffer.from([FORMAT_PLAIN]), Buffer.from(plain, 'utf8')]);
}

const RAW_DATA_KEY_BYTES = 32;
const hasMagic = (blob: Buffer) => blob.length > MAGIC.length && blob.subarray(0, MAGIC.length).equals(MAGIC);

function unseal(safeStorage: SafeStorageLike, blob: Buffer): string {
  if (!hasMagic(blob)) {
    throw new Error('Unrecognised protected data format');
  }
  const format = blob[MAGIC.length];
  const payload = blob.subarray(MAGIC.length + 1);
  if (format === FORMAT_PLAIN) return payload.toString('utf8');
  if (format === FORMAT_SAFE_STORAGE) return safeStorage.decryptString(Buffer.from(payload));
  throw new Error('Unrecognised protected data format');
}

export function createSafeStorageSecretStore(options: SafeStorageOptions): SecretStore {
  const { safeStorage, dataDir } = options;
  // keys/api-key.bin, beside the ledger's keys/data-key.bin. Not the browser host's keys/api-key
  // (plain text): a key saved in one host is not silently read as plain text by the other.
  const file = path.join(dataDir, options.apiKeyFile ?? path.join('keys', 'api-key.bin'));
  const { available, encrypted } = describeSafeStorage(safeStorage, options.platform);

  return {
    encrypted,
    get(): string | null {
      let blob: Buffer;
      try {
        blob = fs.readFileSync(file);
      } catch {
        return null;
      }
      try {
        const key = unseal(safeStorage, blob);
        return key.length > 0 ? key : null;
      } catch {
        // Written under another OS user or keyring: unreadable. The cashier re-enters the key.
        return null;
      }
    },
    set(key: string): void {
      writePrivateFile(file, seal(safeStorage, available, key));
    },
    clear(): void {
      fs.rmSync(file, { force: true });
    },
  };
}

export function createSafeStorageKeyProtector(options: Omit<SafeStorageOptions, 'apiKeyFile' | 'dataDir'>): KeyProtector {
  const { safeStorage } = options;
  const { available, encrypted } = describeSafeStorage(safeStorage, options.platform);
  return {
    encrypted,
    // safeStorage encrypts strings, so the raw key bytes travel as base64.
    protect: (plain: Buffer): Buffer => seal(safeStorage, available, plain.toString('base64')),
    unprotect: (blob: Buffer): Buffer => {
      // A data dir first opened by the browser host holds the raw 32-byte key (its protector is the
      // identity), so the Electron app can take over that dir without losing the ledger's codes.
      if (blob.length === RAW_DATA_KEY_BYTES && !hasMagic(blob)) return Buffer.from(blob);
      return Buffer.from(unseal(safeStorage, blob), 'base64');
    },
  };
}
