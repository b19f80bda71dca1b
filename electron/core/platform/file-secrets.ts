import fs from 'node:fs';
import path from 'node:path';
import type { KeyProtector, SecretStore } from './ports';

/**
 * Browser-host secrets: plain files readable only by the user who runs the till (mode 0600).
 * They are NOT encrypted, and the app says so (`encrypted: false`); the Electron build uses
 * safeStorage instead.
 */
function writePrivate(file: string, data: Buffer | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

export class FileSecretStore implements SecretStore {
  readonly encrypted = false;
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'keys', 'api-key');
  }
  get(): string | null {
    try {
      const v = fs.readFileSync(this.file, 'utf8').trim();
      return v.length > 0 ? v : null;
    } catch {
      return null;
    }
  }
  set(key: string): void {
    writePrivate(this.file, key);
  }
  clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}

/** The identity protector: the data key file's 0600 mode is its only protection. */
export const plainKeyProtector: KeyProtector = {
  encrypted: false,
  protect: (b) => Buffer.from(b),
  unprotect: (b) => Buffer.from(b),
};
