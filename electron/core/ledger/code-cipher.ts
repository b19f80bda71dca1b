import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyProtector } from '../platform/ports';

/**
 * Card codes and serials are encrypted at rest with AES-256-GCM under a random data key.
 * The data key itself is stored wrapped by the host's KeyProtector (safeStorage in Electron,
 * a 0600 file in the browser host).
 */
export class CodeCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('data key must be 32 bytes');
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(blob: Buffer): string {
    if (blob.length < 29 || blob[0] !== 1) throw new Error('unreadable encrypted value');
    const iv = blob.subarray(1, 13);
    const tag = blob.subarray(13, 29);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
  }
}

export function loadOrCreateDataKey(dataDir: string, protector: KeyProtector): Buffer {
  const file = path.join(dataDir, 'keys', 'data-key.bin');
  if (fs.existsSync(file)) {
    const key = protector.unprotect(fs.readFileSync(file));
    if (key.length !== 32) throw new Error('the ledger data key file is damaged');
    return key;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, protector.protect(key), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return key;
}
