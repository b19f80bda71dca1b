import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { KeyProtector } from '../platform/ports';

/**
 * The shop key: the one 32-byte key every till of the shop seals card codes with on the shared
 * server, so that any till can show any code of the shop.
 *
 * How it is shared: the owner chooses a shop passphrase. The server keeps the key only WRAPPED
 * (AES-256-GCM) by a key derived from that passphrase (scrypt, salt and cost stored beside it), so
 * the database alone (a dump, its administrator) opens no code. A till joining the shop enters the
 * passphrase once; the unwrapped key is then kept in its data dir protected by the host's
 * KeyProtector (the OS keychain through safeStorage in Electron), like its own data key.
 *
 * The first till to join creates it from its own data key (its codes then need no re-encryption).
 */

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 64 MiB of memory per try: slow enough to make guessing a passphrase from a dump costly. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 16, r: 8, p: 1 };

/** A passphrase shorter than this is refused when the shop key is created. */
export const MIN_PASSPHRASE_LENGTH = 10;

const FORMAT = 1;
const AAD = Buffer.from('oneclickdz-till shop key v1');
const LOCAL_FILE = path.join('keys', 'shop-key.bin');

export type ShopKeyProblem = 'wrong-passphrase' | 'weak-passphrase' | 'damaged';

/** Its message names what to do and never carries the passphrase or the key. */
export class ShopKeyError extends Error {
  constructor(readonly problem: ShopKeyProblem) {
    super(
      problem === 'wrong-passphrase'
        ? 'the shop passphrase is wrong (the shop key on the server did not open with it)'
        : problem === 'weak-passphrase'
          ? `the shop passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters`
          : 'the shop key stored on the server is damaged or of an unknown format',
    );
    this.name = 'ShopKeyError';
  }
}

export interface WrappedShopKey {
  wrapped: Buffer;
  salt: Buffer;
  params: ScryptParams;
  /** HMAC of a fixed label under the key: tells a till whether the key it holds is this shop's. */
  check: Buffer;
}

/** A fingerprint of the key (not the key): equal keys give equal checks. */
export function shopKeyCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update('oneclickdz-till shop key check').digest();
}

/** Bounds on what a server row may ask for: a hostile or damaged row cannot make a till hang. */
function validParams(p: unknown): ScryptParams {
  const q = p as Partial<ScryptParams> | null;
  const ok =
    q !== null &&
    typeof q === 'object' &&
    Number.isInteger(q.N) &&
    Number.isInteger(q.r) &&
    Number.isInteger(q.p) &&
    q.N! >= 2 ** 14 &&
    q.N! <= 2 ** 20 &&
    (q.N! & (q.N! - 1)) === 0 &&
    q.r! >= 8 &&
    q.r! <= 16 &&
    q.p! >= 1 &&
    q.p! <= 4;
  if (!ok) throw new ShopKeyError('damaged');
  return { N: q.N!, r: q.r!, p: q.p! };
}

function derive(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 }, (e, k) => (e ? reject(e) : resolve(k))),
  );
}

export async function wrapShopKey(key: Buffer, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<WrappedShopKey> {
  if (key.length !== 32) throw new Error('the shop key must be 32 bytes');
  if (passphrase.trim().length < MIN_PASSPHRASE_LENGTH) throw new ShopKeyError('weak-passphrase');
  const salt = randomBytes(16);
  const kek = await derive(passphrase, salt, params);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return { wrapped: Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]), salt, params, check: shopKeyCheck(key) };
}

/** The key inside; a wrong passphrase fails GCM's authentication: ShopKeyError('wrong-passphrase'). */
export async function unwrapShopKey(w: WrappedShopKey, passphrase: string): Promise<Buffer> {
  const params = validParams(w.params);
  if (w.wrapped.length !== 1 + 12 + 16 + 32 || w.wrapped[0] !== FORMAT || w.salt.length < 16) throw new ShopKeyError('damaged');
  const kek = await derive(passphrase, w.salt, params);
  const decipher = createDecipheriv('aes-256-gcm', kek, w.wrapped.subarray(1, 13));
  decipher.setAAD(AAD);
  decipher.setAuthTag(w.wrapped.subarray(13, 29));
  let key: Buffer;
  try {
    key = Buffer.concat([decipher.update(w.wrapped.subarray(29)), decipher.final()]);
  } catch {
    throw new ShopKeyError('wrong-passphrase');
  }
  if (!timingSafeEqual(shopKeyCheck(key), w.check)) throw new ShopKeyError('damaged');
  return key;
}

/** The shop's wrapped key as the server holds it, or null before the first till joined. */
export async function readShopKey(pool: pg.Pool): Promise<WrappedShopKey | null> {
  const r = await pool.query<{ wrapped: Buffer; salt: Buffer; params: unknown; key_check: Buffer }>(
    'SELECT wrapped, salt, params, key_check FROM shop_key WHERE id = 1',
  );
  const row = r.rows[0];
  return row ? { wrapped: row.wrapped, salt: row.salt, params: row.params as ScryptParams, check: row.key_check } : null;
}

/**
 * The shop key, unwrapped with the passphrase. Before any till joined, `firstKey` (the joining
 * till's data key) becomes the shop key; two tills joining at once: one insert wins, both then read
 * the winner's row (the loser's key is never used).
 */
export async function setUpShopKey(pool: pg.Pool, o: { passphrase: string; firstKey: Buffer }): Promise<{ key: Buffer; created: boolean }> {
  let row = await readShopKey(pool);
  let created = false;
  if (!row) {
    const w = await wrapShopKey(o.firstKey, o.passphrase);
    const ins = await pool.query('INSERT INTO shop_key (id, wrapped, salt, params, key_check) VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [
      w.wrapped,
      w.salt,
      JSON.stringify(w.params),
      w.check,
    ]);
    created = ins.rowCount === 1;
    row = await readShopKey(pool);
    if (!row) throw new ShopKeyError('damaged');
  }
  return { key: await unwrapShopKey(row, o.passphrase), created };
}

/** The shop key this till keeps (unwrapped by its KeyProtector), or null before it joined. */
export function loadLocalShopKey(dataDir: string, protector: KeyProtector): Buffer | null {
  const file = path.join(dataDir, LOCAL_FILE);
  if (!fs.existsSync(file)) return null;
  const key = protector.unprotect(fs.readFileSync(file));
  if (key.length !== 32) throw new Error('the shop key file is damaged');
  return key;
}

export function saveLocalShopKey(dataDir: string, protector: KeyProtector, key: Buffer): void {
  const file = path.join(dataDir, LOCAL_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, protector.protect(key), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
