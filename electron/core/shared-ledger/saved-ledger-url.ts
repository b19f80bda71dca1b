import fs from 'node:fs';
import path from 'node:path';
import type { KeyProtector } from '../platform/ports';
import { sharedLedgerUrlOrThrow } from './shared-ledger-url';

/**
 * The shop's server URL as the owner saved it on this till (settings screen). It carries the
 * database password, so it is kept like the ledger's data key: in the data dir, sealed by the
 * host's KeyProtector (DPAPI / Keychain / libsecret under Electron), file mode 0600, and never
 * handed back to the renderer except through redactedUrl. Read once at start: a new URL takes
 * effect at the next start (the pusher, the sender lock and the claims all hold one pool).
 */
const FILE = ['keys', 'shared-ledger-url.bin'] as const;

export function savedLedgerUrlFile(dataDir: string): string {
  return path.join(dataDir, ...FILE);
}

/** The saved URL, or null when none is saved. A file that cannot be read back is reported, not guessed at. */
export function readSavedLedgerUrl(dataDir: string, protector: KeyProtector): string | null {
  const file = savedLedgerUrlFile(dataDir);
  if (!fs.existsSync(file)) return null;
  let text: string;
  try {
    text = protector.unprotect(fs.readFileSync(file)).toString('utf8');
  } catch {
    throw new Error('the saved shared ledger URL cannot be read (sealed on another machine or damaged): save it again');
  }
  return sharedLedgerUrlOrThrow('saved shared ledger URL', text);
}

/** Saves (validated) or, with null, removes the URL. Written whole then renamed: never half a file. */
export function writeSavedLedgerUrl(dataDir: string, protector: KeyProtector, raw: string | null): string | null {
  const url = sharedLedgerUrlOrThrow('sharedLedgerUrl', raw);
  const file = savedLedgerUrlFile(dataDir);
  if (url === null) {
    fs.rmSync(file, { force: true });
    return null;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, protector.protect(Buffer.from(url, 'utf8')), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return url;
}
