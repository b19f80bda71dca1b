import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../shared/contract';
import type { KeyProtector, Logger } from '../../electron/core/platform/ports';
import { savedLedgerUrlFile } from '../../electron/core/shared-ledger/saved-ledger-url';
import { migrateSharedSchema } from '../../electron/core/shared-ledger/schema';
import { registerTill } from '../../electron/core/shared-ledger/tills';
import { SettingsSync } from '../../electron/core/shared-ledger/settings-sync';
import { CodeCipher } from '../../electron/core/ledger/code-cipher';
import { Ledger } from '../../electron/core/ledger/ledger';
import { SettingsService } from '../../electron/core/settings/settings-service';
import { silentLogger } from '../../electron/core/platform/log';
import { pgServersDisposedAfterEach, type PgServer } from './helpers/pg-server';
import { OWNER, startHarness, until, type Harness } from './helpers/core-harness';

/**
 * Issue 12: cashiers and shop-wide settings are the shop's, shifts stay each till's. Two tills (two
 * cores, own data dirs) on one real PostgreSQL server.
 */
const startServer = pgServersDisposedAfterEach();
const open: Harness[] = [];
const pools: pg.Pool[] = [];
afterEach(async () => {
  for (const h of open.splice(0).reverse()) await h.close();
  for (const p of pools.splice(0)) await p.end().catch(() => undefined);
});

async function till(o: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  o.shift ??= false; // the same object: a test may change its URL between restarts
  const h = await startHarness(o);
  open.push(h);
  return h;
}

async function twoTills(server: PgServer): Promise<[Harness, Harness]> {
  const a = await till({ sharedLedgerUrl: server.url });
  const b = await till({ sharedLedgerUrl: server.url });
  for (const t of [a, b]) await until(async () => (await t.h['app:status']({})).till.shared === 'reachable', 'till joined');
  return [a, b];
}

function query(server: PgServer) {
  const p = new pg.Pool({ connectionString: server.url, max: 1 });
  p.on('error', () => undefined); // an idle connection ended by the server's stop at the test's end
  pools.push(p);
  return async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await p.query<T>(sql, params)).rows;
}

/** A cashier's local row as the till's own ledger holds it (read-only, beside the running core). */
function localPinHash(h: Harness, name: string): string | null {
  const db = new Database(path.join(h.dataDir, 'ledger.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT pin_hash FROM cashiers WHERE name = ? COLLATE NOCASE').get(name) as { pin_hash: string } | undefined)?.pin_hash ?? null;
  } finally {
    db.close();
  }
}

async function cashierId(h: Harness, name: string): Promise<number | null> {
  return (await h.h['session:get']({})).cashiers.find((c) => c.name === name)?.id ?? null;
}

async function signInOwnerAgain(h: Harness): Promise<void> {
  await h.h['session:login']({ cashierId: (await cashierId(h, OWNER.name))!, pin: OWNER.pin });
}

describe('cashiers are the shop’s', () => {
  it('a cashier added at till A signs in at till B, and still does once the server is stopped', async () => {
    const server = await startServer();
    const [a, b] = await twoTills(server);
    await a.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '4321' });
    await until(async () => (await cashierId(b, 'Amina')) !== null, 'Amina listed at till B');
    const onB = (await cashierId(b, 'Amina'))!;
    const state = await b.h['session:login']({ cashierId: onB, pin: '4321' });
    expect(state.cashier).toMatchObject({ name: 'Amina', role: 'cashier' });

    await server.stop();
    await until(async () => (await b.h['app:status']({})).till.shared === 'unreachable', 'till B sees the server gone');
    await b.h['session:logout']({});
    expect((await b.h['session:login']({ cashierId: onB, pin: '4321' })).cashier?.name).toBe('Amina');
  });

  it('a PIN changed at till B works at till A; the old one no longer does; lockouts stay per till', async () => {
    const server = await startServer();
    const [a, b] = await twoTills(server);
    await a.h['staff:add']({ name: 'Karim', role: 'cashier', pin: '1111' });
    await until(async () => (await cashierId(b, 'Karim')) !== null, 'Karim at till B');
    await b.h['staff:update']({ id: (await cashierId(b, 'Karim'))!, pin: '2222' });
    const newHash = localPinHash(b, 'Karim');
    await until(() => localPinHash(a, 'karim') === newHash, 'the new PIN at till A');

    const onA = (await cashierId(a, 'Karim'))!;
    await expect(a.h['session:login']({ cashierId: onA, pin: '1111' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect((await a.h['session:login']({ cashierId: onA, pin: '2222' })).cashier?.name).toBe('Karim');
    const rows = await query(server)<{ role: string; active: boolean }>('SELECT role, active FROM shop_cashiers WHERE name_key = $1', ['karim']);
    expect(rows).toEqual([{ role: 'cashier', active: true }]);
    // The wrong PIN typed at till A counts at till A only: the shop's table has no counters.
    const columns = await query(server)<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'shop_cashiers'");
    expect(columns.map((c) => c.column_name)).not.toContain('failed_attempts');
  });

  it('a cashier deactivated at one till can no longer sign in at the other', async () => {
    const server = await startServer();
    const [a, b] = await twoTills(server);
    await a.h['staff:add']({ name: 'Sami', role: 'cashier', pin: '5555' });
    await until(async () => (await cashierId(b, 'Sami')) !== null, 'Sami at till B');
    const samiOnB = (await cashierId(b, 'Sami'))!;
    await b.h['session:login']({ cashierId: samiOnB, pin: '5555' });
    await a.h['staff:update']({ id: (await cashierId(a, 'Sami'))!, active: false });
    // Signed in at till B when the owner deactivated him at till A: signed out there too.
    await until(async () => (await b.h['session:get']({})).cashier === null, 'Sami signed out at till B');
    await expect(b.h['session:login']({ cashierId: samiOnB, pin: '5555' })).rejects.toThrow();
    await signInOwnerAgain(b);
    expect((await b.h['staff:list']({})).find((c) => c.name === 'Sami')?.active).toBe(false);
  });

  it('a cashier renamed at one till keeps the old name only as an inactive row at the other (its sales refer to it)', async () => {
    const server = await startServer();
    const [a, b] = await twoTills(server);
    await a.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '4321' });
    await until(async () => (await cashierId(b, 'Amina')) !== null, 'Amina at till B');
    await a.h['staff:update']({ id: (await cashierId(a, 'Amina'))!, name: 'Amina B.' });
    await until(async () => (await cashierId(b, 'Amina B.')) !== null, 'the new name at till B');
    await until(async () => (await b.h['staff:list']({})).find((c) => c.name === 'Amina')?.active === false, 'the old name inactive at till B');
    expect((await b.h['session:login']({ cashierId: (await cashierId(b, 'Amina B.'))!, pin: '4321' })).cashier?.name).toBe('Amina B.');
  });

  it('two tills that had the same cashier and settings before they joined end with the shop’s one version', async () => {
    const server = await startServer();
    await server.stop();
    const a = await till({ sharedLedgerUrl: server.url });
    const b = await till({ sharedLedgerUrl: server.url });
    await a.h['staff:add']({ name: 'Rachid', role: 'cashier', pin: '1111' });
    await b.h['staff:add']({ name: 'rachid', role: 'cashier', pin: '2222' });
    await a.h['settings:update']({ markupBp: 700 });
    await b.h['settings:update']({ markupBp: 900 });
    await server.start();
    await until(() => localPinHash(a, 'rachid') === localPinHash(b, 'rachid'), 'one PIN for Rachid at both tills', 20_000);
    await until(async () => (await a.h['settings:get']({})).markupBp === (await b.h['settings:get']({})).markupBp, 'one markup at both tills');
    const [row] = await query(server)<{ pin_hash: string }>('SELECT pin_hash FROM shop_cashiers WHERE name_key = $1', ['rachid']);
    expect(localPinHash(a, 'rachid')).toBe(row!.pin_hash);
  });
});

describe('settings: the shop’s are shared, the till’s own are not', () => {
  it('a shop-wide setting changed at till A is applied at till B; a per-till one is not', async () => {
    const server = await startServer();
    const [a, b] = await twoTills(server);
    await a.h['settings:update']({ markupBp: 800, lowBalanceThresholdC: 123_400, paperWidthMm: 58, shop: { name: 'Boutique Amine' } });
    await until(async () => (await b.h['settings:get']({})).markupBp === 800, 'the markup at till B');
    const onB = await b.h['settings:get']({});
    expect(onB.lowBalanceThresholdC).toBe(123_400);
    expect(onB.shop.name).toBe('Boutique Amine');
    expect(onB.paperWidthMm).toBe(80);
    const keys = (await query(server)<{ key: string }>('SELECT key FROM shop_settings ORDER BY key')).map((r) => r.key);
    expect(keys).toContain('markupBp');
    expect(keys).not.toContain('paperWidthMm');
    expect(keys).not.toContain('language');

    // And back the other way: the later change wins.
    await b.h['settings:update']({ markupBp: 650 });
    await until(async () => (await a.h['settings:get']({})).markupBp === 650, 'the markup back at till A');
  });

  it('a value on the server that does not validate is refused, never applied', async () => {
    const server = await startServer();
    const [a, b] = await twoTills(server);
    await a.h['settings:update']({ idleLockMinutes: 7 });
    await until(async () => (await b.h['settings:get']({})).idleLockMinutes === 7, 'idle lock at till B');
    await query(server)("UPDATE shop_settings SET value = '\"lots\"'::jsonb, updated_at = updated_at + 100000 WHERE key = 'idleLockMinutes'");
    await a.h['settings:update']({ markupBp: 901 });
    await until(async () => (await b.h['settings:get']({})).markupBp === 901, 'a later change at till B');
    expect((await b.h['settings:get']({})).idleLockMinutes).toBe(7);
    // Not pushed back over it either: the bad row stays until a till writes a newer value.
    const [row] = await query(server)<{ value: unknown }>("SELECT value FROM shop_settings WHERE key = 'idleLockMinutes'");
    expect(row!.value).toBe('lots');
  });
});

describe('the till’s name', () => {
  it('a rename shows in the status and in the shop’s tills table', async () => {
    const server = await startServer();
    const [a] = await twoTills(server);
    const view = await a.h['till:rename']({ name: '  Caisse 2  ' });
    expect(view.name).toBe('Caisse 2');
    const status = await a.h['app:status']({});
    expect(status.till.name).toBe('Caisse 2');
    await until(
      async () => (await query(server)<{ name: string }>('SELECT name FROM tills WHERE till_id = $1', [status.till.id]))[0]?.name === 'Caisse 2',
      'the shop knows the new name',
    );
  });

  it('refuses a 10 kB name and drops control characters; the contract refuses it at the edge too', async () => {
    const a = await till();
    await expect(a.h['till:rename']({ name: 'x'.repeat(10_000) })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { reason: 'TILL_NAME' } });
    await expect(a.h['till:rename']({ name: '\u0000\u001b\u200b' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await a.h['till:rename']({ name: 'Caisse\u0000\u0007 3\u202e' })).name).toBe('Caisse 3');
    expect(commands['till:rename'].input.safeParse({ name: 'x'.repeat(10_000) }).success).toBe(false);
    expect(commands['till:setLedgerUrl'].input.safeParse({ url: 'x'.repeat(10_000) }).success).toBe(false);
  });
});

/** Seals like a host's KeyProtector would: the file never holds the URL in clear. */
const sealing: KeyProtector = {
  encrypted: true,
  protect: (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
  unprotect: (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
};

describe('the shop server’s URL saved on the till', () => {
  it('saved, shown redacted, used at the next start, overridden by POS_DATABASE_URL, removed; never logged', async () => {
    const server = await startServer();
    const lines: string[] = [];
    const logger: Logger = {
      info: (m, f) => lines.push(m + JSON.stringify(f ?? {})),
      warn: (m, f) => lines.push(m + JSON.stringify(f ?? {})),
      error: (m, f) => lines.push(m + JSON.stringify(f ?? {})),
    };
    const options: Parameters<typeof startHarness>[0] & object = { logger, keyProtector: sealing };
    const a = await till(options);
    // The test server trusts local connections: the password is only there to be hidden.
    const url = `postgresql://postgres:s3cret-pw@127.0.0.1:${server.port}/postgres`;
    const saved = await a.h['till:setLedgerUrl']({ url });
    expect(saved.sharedLedger).toMatchObject({ source: 'none', inUse: null, restartNeeded: true });
    expect(saved.sharedLedger.saved).toContain('****');
    expect(JSON.stringify(saved)).not.toContain('s3cret-pw');
    expect(fs.readFileSync(savedLedgerUrlFile(a.dataDir)).toString('latin1')).not.toContain('s3cret');
    expect((await a.h['app:status']({})).till.shared).toBe('off');

    await a.restart();
    await until(async () => (await a.h['app:status']({})).till.shared === 'reachable', 'the saved URL in use');
    const inUse = await a.h['till:get']({});
    expect(inUse.sharedLedger).toMatchObject({ source: 'saved', restartNeeded: false });
    expect(JSON.stringify(inUse)).not.toContain('s3cret-pw');

    options.sharedLedgerUrl = server.urlFor('postgres');
    await a.restart();
    expect((await a.h['till:get']({})).sharedLedger).toMatchObject({ source: 'environment', restartNeeded: false });

    const cleared = await a.h['till:setLedgerUrl']({ url: null });
    expect(cleared.sharedLedger.saved).toBeNull();
    expect(fs.existsSync(savedLedgerUrlFile(a.dataDir))).toBe(false);
    expect(lines.join('\n')).not.toContain('s3cret');
  });

  it('refuses what is not a PostgreSQL URL, in a way the screen can say, without quoting it', async () => {
    const a = await till();
    for (const [url, reason] of [
      ['http://pos:pw@example.com/shop', 'NOT_POSTGRES'],
      ['mysql://pos:pw@example.com/shop', 'NOT_POSTGRES'],
      ['file:///etc/passwd', 'NOT_POSTGRES'],
      ['not a url at all', 'NOT_A_URL'],
      ['postgres://pos:pw@db.example/', 'NO_HOST_OR_DATABASE'],
      [`postgres://pos:pw@db.example/${'d'.repeat(10_000)}`, 'TOO_LONG'],
    ] as const) {
      const refusal = a.h['till:setLedgerUrl']({ url });
      await expect(refusal).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'url', reason } });
      await expect(refusal).rejects.not.toHaveProperty('message', expect.stringContaining('pw@'));
    }
    expect(fs.existsSync(savedLedgerUrlFile(a.dataDir))).toBe(false);
  });

  it('a cashier who is not the owner can neither read, rename nor change the server', async () => {
    const a = await till();
    await a.h['staff:add']({ name: 'Nadia', role: 'cashier', pin: '8642' });
    await a.h['session:login']({ cashierId: (await cashierId(a, 'Nadia'))!, pin: '8642' });
    for (const call of [
      () => a.h['till:get']({}),
      () => a.h['till:rename']({ name: 'Pirate' }),
      () => a.h['till:setLedgerUrl']({ url: 'postgres://x:y@evil.example/db' }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'NOT_ALLOWED', details: { reason: 'OWNER_ONLY' } });
    }
    await signInOwnerAgain(a);
    expect((await a.h['till:get']({})).sharedLedger.saved).toBeNull();
  });
});

describe('settings: a change saved before the first round', () => {
  it('a value saved by the owner wins over what tills had before they joined; what this till had before does not', async () => {
    const server = await startServer();
    const pool = new pg.Pool({ connectionString: server.url, max: 2 });
    pools.push(pool);
    await migrateSharedSchema(pool);
    const [other, me] = [randomUUID(), randomUUID()];
    for (const id of [other, me]) await registerTill(pool, { tillId: id, name: id.slice(0, 4) });
    // The other till's values from before it joined (time 0), and a markup the shop set later.
    await pool.query(
      `INSERT INTO shop_settings (key, value, updated_at, updated_by) VALUES ('idleLockMinutes', '5'::jsonb, 0, $1), ('markupBp', '650'::jsonb, 1000, $1)`,
      [other],
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-sync-'));
    const ledger = new Ledger(path.join(dir, 'ledger.sqlite'), new CodeCipher(randomBytes(32)));
    try {
      const settings = new SettingsService({ store: { markupBp: 900 } }); // this till's own, from before it joined
      const sync = new SettingsSync({ ledger, settings, tillId: me, now: Date.now, logger: silentLogger, onApplied: () => undefined });
      // The owner saves a value at this till before its first round with the shop has run.
      settings.update({ idleLockMinutes: 7 });
      sync.noteLocalChanges();
      await sync.sync(pool);
      expect(settings.get().idleLockMinutes).toBe(7);
      expect(settings.get().markupBp).toBe(650);
      const rows = (
        await pool.query<{ key: string; value: unknown }>(`SELECT key, value FROM shop_settings WHERE key IN ('idleLockMinutes', 'markupBp') ORDER BY key`)
      ).rows;
      expect(rows).toEqual([
        { key: 'idleLockMinutes', value: 7 },
        { key: 'markupBp', value: 650 },
      ]);
    } finally {
      ledger.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
