import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSharedPool } from '../../electron/core/shared-ledger/pool';
import { migrateSharedSchema } from '../../electron/core/shared-ledger/schema';
import { setUpShopKey, ShopKeyError, unwrapShopKey, wrapShopKey } from '../../electron/core/shared-ledger/shop-key';
import { startHarness, TEST_SHOP_PASSPHRASE, type Harness } from './helpers/core-harness';
import { pollUntil } from './helpers/pg-processes';
import { pgServersDisposedAfterEach } from './helpers/pg-server';

/** The shop key (issue 12): wrapped by the passphrase, one per shop even when tills join at once. */
const startServer = pgServersDisposedAfterEach();
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('the shop key', () => {
  it('opens only with its passphrase, and refuses a short one', async () => {
    const key = randomBytes(32);
    const w = await wrapShopKey(key, 'a long enough passphrase');
    expect(await unwrapShopKey(w, 'a long enough passphrase')).toEqual(key);
    await expect(unwrapShopKey(w, 'another passphrase')).rejects.toMatchObject({ problem: 'wrong-passphrase' });
    await expect(wrapShopKey(key, 'short')).rejects.toBeInstanceOf(ShopKeyError);
    // A row asking for absurd scrypt costs is refused before any work.
    await expect(unwrapShopKey({ ...w, params: { N: 2 ** 30, r: 8, p: 1 } }, 'a long enough passphrase')).rejects.toMatchObject({ problem: 'damaged' });
  });

  it('two tills joining at once: one key wins and both get it', async () => {
    const server = await startServer();
    const pool = createSharedPool({ url: server.url });
    cleanup.push(() => pool.end());
    await migrateSharedSchema(pool);
    const [a, b] = await Promise.all([
      setUpShopKey(pool, { passphrase: 'the shop passphrase', firstKey: randomBytes(32) }),
      setUpShopKey(pool, { passphrase: 'the shop passphrase', firstKey: randomBytes(32) }),
    ]);
    expect(a.key).toEqual(b.key);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect((await pool.query('SELECT count(*)::int AS n FROM shop_key')).rows[0].n).toBe(1);
  });

  it('a till without the passphrase waits (needs-shop-key) and pushes nothing; with it, it joins', async () => {
    const server = await startServer();
    const hx: Harness = await startHarness({ sharedLedgerUrl: server.url, shopPassphrase: null });
    cleanup.push(() => hx.close());
    await pollUntil(async () => (await hx.h['app:status']({})).till.shared === 'needs-shop-key', 'the till waiting for the shop key', 15_000);
    const pool = createSharedPool({ url: server.url });
    cleanup.push(() => pool.end());
    expect((await pool.query('SELECT count(*)::int AS n FROM shop_shifts')).rows[0].n).toBe(0);
    const other: Harness = await startHarness({ sharedLedgerUrl: server.url });
    cleanup.push(() => other.close());
    await pollUntil(async () => (await other.h['app:status']({})).till.shared === 'reachable', 'the till with the passphrase joined', 15_000);
    expect((await pool.query('SELECT count(*)::int AS n FROM shop_key')).rows[0].n).toBe(1);

    // The owner types the passphrase in the waiting till's settings: a wrong one is refused in words
    // the screen translates, and never quoted back; the right one lets the till join and push.
    const wrong = 'pas la bonne phrase du tout';
    const refused = await hx.h['till:shopPassphrase']({ passphrase: wrong }).then(
      () => null,
      (e: { code?: string; details?: { reason?: string }; message: string }) => e,
    );
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', details: { reason: 'SHOP_PASSPHRASE' } });
    expect(JSON.stringify(refused)).not.toContain(wrong);
    expect((await hx.h['app:status']({})).till.shared).toBe('needs-shop-key');
    await hx.h['till:shopPassphrase']({ passphrase: TEST_SHOP_PASSPHRASE });
    await pollUntil(async () => (await hx.h['app:status']({})).till.shared === 'reachable', 'the waiting till joined with the passphrase', 15_000);
    await pollUntil(async () => (await pool.query('SELECT count(*)::int AS n FROM shop_shifts')).rows[0].n === 2, "both tills' shifts pushed", 15_000);
  });
});
