import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorageKeyProtector, createSafeStorageSecretStore, describeSafeStorage, type SafeStorageLike } from '../../electron/main/safe-storage';

/** A stand-in for Electron's safeStorage: XOR "encryption" with a per-instance key, plus a tag. */
function fakeSafeStorage({ available = true, backend = 'gnome_libsecret', key = 0x5a } = {}): SafeStorageLike & { broken: boolean } {
  const fake = {
    broken: false,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plain: string): Buffer {
      if (!available) throw new Error('Error while encrypting the text provided to safeStorage.encryptString.');
      const bytes = Buffer.from(plain, 'utf8').map((b) => b ^ key);
      return Buffer.concat([Buffer.from('v11'), bytes]);
    },
    decryptString(blob: Buffer): string {
      if (fake.broken || blob.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(blob.subarray(3).map((b) => b ^ key)).toString('utf8');
    },
  };
  return fake;
}

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-safe-storage-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const API_KEY = 'sk_test_51HqLyjWDarjtT1zdp7dc';

describe('describeSafeStorage', () => {
  it.each([
    ['linux', 'gnome_libsecret', true],
    ['linux', 'kwallet5', true],
    ['linux', 'basic_text', false],
    ['linux', 'unknown', false],
    ['win32', 'unknown', true],
    ['darwin', 'unknown', true],
  ] as const)('%s with %s → encrypted %s', (platform, backend, encrypted) => {
    expect(describeSafeStorage(fakeSafeStorage({ backend }), platform)).toEqual({ available: true, encrypted });
  });

  it('reports unavailable storage as not encrypted', () => {
    expect(describeSafeStorage(fakeSafeStorage({ available: false }), 'win32')).toEqual({ available: false, encrypted: false });
  });
});

describe('safeStorage SecretStore (API key)', () => {
  it('round-trips the key through an encrypted 0600 file', () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), dataDir, platform: 'linux' });
    expect(store.encrypted).toBe(true);
    expect(store.get()).toBeNull();
    store.set(API_KEY);
    expect(store.get()).toBe(API_KEY);

    expect(fs.readdirSync(dataDir)).toEqual(['keys']);
    expect(fs.readdirSync(path.join(dataDir, 'keys'))).toEqual(['api-key.bin']); // no temp file left behind
    const file = path.join(dataDir, 'keys', 'api-key.bin');
    expect(fs.readFileSync(file).includes(Buffer.from(API_KEY))).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // A fresh instance (next launch) reads the same key.
    expect(createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), dataDir, platform: 'linux' }).get()).toBe(API_KEY);
  });

  it('says encrypted: false on Linux with the basic_text backend, and still works', () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage({ backend: 'basic_text' }), dataDir, platform: 'linux' });
    expect(store.encrypted).toBe(false);
    store.set(API_KEY);
    expect(store.get()).toBe(API_KEY);
  });

  it('still stores the key (0600, encrypted: false) when safeStorage is unavailable', () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage({ available: false }), dataDir, platform: 'linux' });
    expect(store.encrypted).toBe(false);
    store.set(API_KEY);
    expect(store.get()).toBe(API_KEY);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dataDir, 'keys', 'api-key.bin')).mode & 0o777).toBe(0o600);
  });

  it('replaces and clears the key', () => {
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), dataDir, platform: 'win32' });
    store.set(API_KEY);
    store.set('sk_other_key_000');
    expect(store.get()).toBe('sk_other_key_000');
    store.clear();
    expect(store.get()).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'keys', 'api-key.bin'))).toBe(false);
    store.clear(); // clearing twice is fine
  });

  it('creates the data dir if needed', () => {
    const nested = path.join(dataDir, 'a', 'b');
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), dataDir: nested, platform: 'linux' });
    store.set(API_KEY);
    expect(store.get()).toBe(API_KEY);
  });

  it('returns null (the cashier re-enters the key) when the file cannot be decrypted or is corrupt', () => {
    const safeStorage = fakeSafeStorage();
    const store = createSafeStorageSecretStore({ safeStorage, dataDir, platform: 'linux' });
    store.set(API_KEY);
    safeStorage.broken = true; // e.g. the keyring was reset
    expect(store.get()).toBeNull();

    fs.writeFileSync(path.join(dataDir, 'keys', 'api-key.bin'), 'garbage');
    expect(createSafeStorageSecretStore({ safeStorage: fakeSafeStorage(), dataDir, platform: 'linux' }).get()).toBeNull();
  });
});

describe('safeStorage KeyProtector (ledger data key)', () => {
  it('round-trips a binary key without exposing it', () => {
    const protector = createSafeStorageKeyProtector({ safeStorage: fakeSafeStorage(), platform: 'darwin' });
    expect(protector.encrypted).toBe(true);
    const key = randomBytes(32);
    const blob = protector.protect(key);
    expect(blob.includes(key)).toBe(false);
    expect(blob.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(protector.unprotect(blob).equals(key)).toBe(true);
  });

  it('works, reporting encrypted: false, without safeStorage', () => {
    const protector = createSafeStorageKeyProtector({ safeStorage: fakeSafeStorage({ available: false }), platform: 'linux' });
    expect(protector.encrypted).toBe(false);
    const key = randomBytes(32);
    expect(protector.unprotect(protector.protect(key)).equals(key)).toBe(true);
  });

  it('reports encrypted: false on Linux basic_text', () => {
    expect(createSafeStorageKeyProtector({ safeStorage: fakeSafeStorage({ backend: 'basic_text' }), platform: 'linux' }).encrypted).toBe(false);
  });

  it('takes over a raw 32-byte key written by the browser host (identity protector)', () => {
    const protector = createSafeStorageKeyProtector({ safeStorage: fakeSafeStorage(), platform: 'linux' });
    const raw = randomBytes(32);
    expect(protector.unprotect(raw).equals(raw)).toBe(true);
  });

  it('throws on a blob it did not write', () => {
    const protector = createSafeStorageKeyProtector({ safeStorage: fakeSafeStorage(), platform: 'linux' });
    expect(() => protector.unprotect(Buffer.from('not a protected key'))).toThrow();
  });
});
