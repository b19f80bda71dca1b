import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeCipher } from '../../electron/core/ledger/code-cipher';
import { plainKeyProtector } from '../../electron/core/platform/file-secrets';
import { silentLogger } from '../../electron/core/platform/log';
import { migrateLedgerToPostgres, MigrationRefused } from '../../electron/core/shared-ledger/ledger-to-postgres';
import { createSharedPool } from '../../electron/core/shared-ledger/pool';
import { psnOffer, startHarness, waitForSale, type Harness } from './helpers/core-harness';
import { pgServersDisposedAfterEach, type PgServer } from './helpers/pg-server';

/**
 * Issue 12's "the migration run twice": a till's SQLite ledger, made by a real core, copied into
 * a real PostgreSQL server by `npm run ledger:to-postgres`, checked, and copied again to no effect;
 * a second till joining with the shop passphrase; the checks failing on a tampered copy.
 */
const startServer = pgServersDisposedAfterEach();
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const PASSPHRASE = 'the shop on rue Didouche';
const root = path.resolve(__dirname, '../..');

/** A till's data dir with a few gift-card sales (codes delivered), its core closed. */
async function tillWithSales(): Promise<{ dataDir: string; hx: Harness }> {
  const hx = await startHarness();
  cleanup.push(() => hx.close().catch(() => undefined));
  const offer = await psnOffer(hx.h);
  for (const quantity of [2, 1]) {
    const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity, expectedUnitRetailC: offer.unitRetailC });
    await waitForSale(hx.h, sale.id, (s) => s.state === 'FULFILLED');
  }
  await hx.core.close();
  // close() of the harness closes the core again: give it one that does nothing more.
  hx.core = { ...hx.core, close: async () => undefined };
  return { dataDir: hx.dataDir, hx };
}

function localCodes(dataDir: string): string[] {
  const cipher = new CodeCipher(fs.readFileSync(path.join(dataDir, 'keys', 'data-key.bin')));
  const db = new Database(path.join(dataDir, 'ledger.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT code_enc FROM cards ORDER BY sale_id, idx')
      .all()
      .map((r) => cipher.decrypt((r as { code_enc: Buffer }).code_enc));
  } finally {
    db.close();
  }
}

const migrate = (dataDir: string, server: PgServer, passphrase: string | null = PASSPHRASE) =>
  migrateLedgerToPostgres({ dataDir, url: server.url, passphrase, protector: plainKeyProtector, logger: silentLogger });

function pool(server: PgServer) {
  const p = createSharedPool({ url: server.url, connectTimeoutMs: 2_000 });
  cleanup.push(() => p.end().catch(() => undefined));
  return p;
}

describe('the migration of a till ledger to PostgreSQL', () => {
  it('copies and checks; run twice it changes nothing; a second till joins with the passphrase; codes open with the shop key', async () => {
    const server = await startServer();
    const a = await tillWithSales();
    const first = await migrate(a.dataDir, server);
    expect(first.problems).toEqual([]);
    expect(first.counts.find((c) => c.table === 'cards')).toMatchObject({ local: 3, shared: 3 });
    expect(first.codes).toEqual({ checked: 3, mismatched: 0 });
    // The first till's data key became the shop key.
    expect(fs.readFileSync(path.join(a.dataDir, 'keys', 'shop-key.bin'))).toEqual(fs.readFileSync(path.join(a.dataDir, 'keys', 'data-key.bin')));

    const p = pool(server);
    const rows = async () =>
      (await p.query('SELECT (SELECT count(*) FROM shop_sales) + (SELECT count(*) FROM shop_sale_events) + (SELECT count(*) FROM shop_cards) AS n')).rows[0].n;
    const before = await rows();
    const second = await migrate(a.dataDir, server, null);
    expect(second.problems).toEqual([]);
    expect(second.counts).toEqual(first.counts);
    expect(second.totals).toEqual(first.totals);
    expect(await rows()).toBe(before);

    // The server holds the key only wrapped: no row carries the key itself.
    const shopKey = fs.readFileSync(path.join(a.dataDir, 'keys', 'shop-key.bin'));
    const keyRow = (await p.query('SELECT wrapped, salt, key_check FROM shop_key')).rows[0];
    for (const v of Object.values(keyRow) as Buffer[]) expect(v.includes(shopKey)).toBe(false);

    // A second till, its own data key: a wrong passphrase is refused and keeps nothing.
    const b = await tillWithSales();
    await expect(migrate(b.dataDir, server, 'not the shop passphrase')).rejects.toThrow(MigrationRefused);
    expect(fs.existsSync(path.join(b.dataDir, 'keys', 'shop-key.bin'))).toBe(false);
    const joined = await migrate(b.dataDir, server);
    expect(joined.problems).toEqual([]);
    expect(joined.codes).toEqual({ checked: 3, mismatched: 0 });
    // Its codes were re-encrypted: they open with the shop key (till A's), not with till B's data key.
    const shop = new CodeCipher(shopKey);
    const bCodes = (await p.query('SELECT code_enc FROM shop_cards WHERE till_id = $1 ORDER BY sale_id, idx', [joined.tillId])).rows.map((r) =>
      shop.decrypt(r.code_enc),
    );
    expect(bCodes).toEqual(localCodes(b.dataDir));
  });

  it('the command, run as the owner would: prints no code, fails on a tampered copy, refuses while the till runs', async () => {
    const server = await startServer();
    const a = await tillWithSales();
    const secretFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'till-pass-')), 'passphrase');
    fs.writeFileSync(secretFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    cleanup.push(() => fs.rmSync(path.dirname(secretFile), { recursive: true, force: true }));
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [path.join(root, 'scripts/ledger-to-postgres.mjs'), ...args], { cwd: root, timeout: 60_000 }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }),
      );
    const url = server.url.replace('postgres@', 'postgres:s3cret-pw@');
    const args = ['--data-dir', a.dataDir, '--url', url, '--passphrase-file', secretFile];

    const ok = await run(args);
    expect(ok.out).toMatch(/OK: the server holds this till's whole ledger/);
    expect(ok.code).toBe(0);
    const again = await run(args);
    expect(again.code).toBe(0);
    for (const out of [ok.out, again.out]) {
      for (const code of localCodes(a.dataDir)) expect(out).not.toContain(code);
      expect(out).not.toContain(PASSPHRASE);
      expect(out).not.toContain('s3cret-pw');
    }

    // A shop_cards row changed behind the tills' back (another valid code sealed with the shop key).
    const p = pool(server);
    const shop = new CodeCipher(fs.readFileSync(path.join(a.dataDir, 'keys', 'shop-key.bin')));
    await p.query('UPDATE shop_cards SET code_enc = $1 WHERE (sale_id, idx) = (SELECT sale_id, idx FROM shop_cards ORDER BY sale_id, idx LIMIT 1)', [
      shop.encrypt('NOT-THE-CODE'),
    ]);
    const tampered = await run(args);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/PROBLEM: sale \d+ card #\d+: the server's code does not open/);

    // The till running on the data dir: refused, nothing touched.
    await a.hx.reopen();
    const refused = await run(args);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/in use by a running till/);
    await a.hx.core.close();
  });
});
