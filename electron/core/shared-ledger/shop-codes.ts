import { timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { isUnreachable } from './pool';
import { CodeCipher } from '../ledger/code-cipher';
import type { KeyProtector, Logger } from '../platform/ports';
import type { Recrypt } from './ledger-pusher';
import { loadLocalShopKey, readShopKey, saveLocalShopKey, setUpShopKey, shopKeyCheck, ShopKeyError } from './shop-key';

/** How this till's codes reach the shop key: re-encrypted, or as they are when the two keys are one. */
export interface CodesToShop {
  /** Absent when the till's data key is the shop key. */
  recrypt?: Recrypt;
  shopKey: Buffer;
}

/** Re-encrypts from the till's data key to the shop key; undefined when they are the same key. */
export function recryptToShop(dataKey: Buffer, shopKey: Buffer): Recrypt | undefined {
  if (dataKey.length === shopKey.length && timingSafeEqual(dataKey, shopKey)) return undefined;
  const local = new CodeCipher(dataKey);
  const shop = new CodeCipher(shopKey);
  return (sealed) => shop.encrypt(local.decrypt(sealed));
}

/**
 * The till's side of the shop key, asked before the till's ledger is pushed (SharedLedger.join):
 * the key it keeps (keys/shop-key.bin, behind its KeyProtector) if the server's is still that key;
 * else the passphrase the owner gave, tried once; else null: the till waits for the passphrase
 * ('needs-shop-key') and pushes nothing, since codes can only go to the server under the shop key.
 */
export class ShopCodes {
  private passphrase: string | null;
  private refused = false;

  constructor(private readonly o: { dataDir: string; protector: KeyProtector; dataKey: Buffer; passphrase?: string | null; logger: Logger }) {
    this.passphrase = o.passphrase ?? null;
  }

  /** The owner entered the shop passphrase (tried at the next join). */
  offerPassphrase(passphrase: string): void {
    this.passphrase = passphrase;
    this.refused = false;
  }

  /**
   * The owner's passphrase tried at once (the settings screen waits for the answer): 'joined' when
   * the till now holds the shop key (the pusher joins at its next step).
   */
  async tryNow(pool: pg.Pool): Promise<'joined' | 'refused' | 'unreachable'> {
    try {
      return (await this.prepare(pool)) ? 'joined' : 'refused';
    } catch (e) {
      if (isUnreachable(e)) return 'unreachable';
      throw e;
    }
  }

  async prepare(pool: pg.Pool): Promise<CodesToShop | null> {
    const held = loadLocalShopKey(this.o.dataDir, this.o.protector);
    const row = await readShopKey(pool);
    if (held && row && timingSafeEqual(shopKeyCheck(held), row.check)) return this.codes(held);
    if (this.passphrase === null || this.refused) return null;
    try {
      const { key, created } = await setUpShopKey(pool, { passphrase: this.passphrase, firstKey: held ?? this.o.dataKey });
      saveLocalShopKey(this.o.dataDir, this.o.protector, key);
      this.o.logger.info(created ? 'shop key created from this till' : 'shop key received with the passphrase');
      this.passphrase = null;
      return this.codes(key);
    } catch (e) {
      if (!(e instanceof ShopKeyError)) throw e;
      // Not tried again (scrypt is costly on purpose) until the owner enters another passphrase.
      this.refused = true;
      this.o.logger.error('the shop key could not be opened', { problem: e.problem });
      return null;
    }
  }

  private codes(shopKey: Buffer): CodesToShop {
    return { shopKey, recrypt: recryptToShop(this.o.dataKey, shopKey) };
  }
}
