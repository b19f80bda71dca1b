import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { SaleState } from '../../../shared/domain';
import { CodeCipher, loadOrCreateDataKey } from '../ledger/code-cipher';
import { Ledger } from '../ledger/ledger';
import { dataDirInUseBy, markDataDirInUse } from '../platform/data-dir-in-use';
import type { KeyProtector, Logger } from '../platform/ports';
import { moneyFigures } from '../sales/money-figures';
import { SharedLedger } from './shared-ledger';
import { redactedUrl } from './shared-ledger-url';
import { ShopCodes } from './shop-codes';
import { tillIdentity } from './till-identity';

/**
 * `npm run ledger:to-postgres`: one till's SQLite ledger copied into the shop's PostgreSQL server,
 * then checked against it. The copy is the till's own join (schema, registration, shop key, the
 * outbox switched on, the whole ledger pushed); the checks read both sides again: counts per
 * table, money per state, and every code opened with the shop key. Run again, it pushes the same
 * rows (nothing changes: rows are keyed by till and local id) and checks again.
 */
export interface MigrationOptions {
  dataDir: string;
  url: string;
  passphrase: string | null;
  protector: KeyProtector;
  logger: Logger;
}

export interface MigrationReport {
  tillId: string;
  tillName: string;
  server: string;
  pushed: number;
  counts: { table: string; local: number; shared: number }[];
  /** Per state: sales, paid and net (centimes), this till's rows on each side. */
  totals: { state: string; local: Totals; shared: Totals }[];
  codes: { checked: number; mismatched: number };
  /** Each mismatch, in words (no code, no key): empty when the copy is whole. */
  problems: string[];
}

interface Totals {
  sales: number;
  paidC: number;
  netC: number;
}

export class MigrationRefused extends Error {}

const COUNTED = [
  ['sales', 'shop_sales'],
  ['sale_events', 'shop_sale_events'],
  ['cards', 'shop_cards'],
  ['shifts', 'shop_shifts'],
] as const;

interface MoneyRow {
  state: string;
  quantity: number;
  delivered_quantity: number;
  unit_retail_c: number;
  refund_handed_c: number;
}

function totalsByState(rows: MoneyRow[]): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const r of rows) {
    const m = moneyFigures({
      state: r.state as SaleState,
      quantity: Number(r.quantity),
      deliveredQuantity: Number(r.delivered_quantity ?? 0),
      unitRetailC: Number(r.unit_retail_c ?? 0),
      refundHandedC: Number(r.refund_handed_c ?? 0),
    });
    const t = out.get(r.state) ?? { sales: 0, paidC: 0, netC: 0 };
    out.set(r.state, { sales: t.sales + 1, paidC: t.paidC + m.paidC, netC: t.netC + m.netC });
  }
  return out;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

export async function migrateLedgerToPostgres(o: MigrationOptions): Promise<MigrationReport> {
  const ledgerFile = path.join(o.dataDir, 'ledger.sqlite');
  if (!fs.existsSync(ledgerFile)) throw new MigrationRefused(`no till ledger in ${o.dataDir} (ledger.sqlite is missing)`);
  // A new data key here would open none of the ledger's codes: the key must already be there.
  if (!fs.existsSync(path.join(o.dataDir, 'keys', 'data-key.bin')))
    throw new MigrationRefused(`the ledger's data key (keys/data-key.bin) is missing in ${o.dataDir}`);
  const user = dataDirInUseBy(o.dataDir);
  if (user !== null) throw new MigrationRefused(`the ledger is in use by a running till (process ${user}): close the till first`);
  let dataKey: Buffer;
  try {
    dataKey = loadOrCreateDataKey(o.dataDir, o.protector);
  } catch {
    // An Electron till's data key is sealed by its OS keychain (safeStorage): only that app opens it.
    throw new MigrationRefused("the ledger's data key cannot be opened here (an Electron till's key is sealed by its OS keychain)");
  }
  const release = markDataDirInUse(o.dataDir);
  const local = new CodeCipher(dataKey);
  const ledger = new Ledger(ledgerFile, local);
  const till = tillIdentity(ledger);
  const codes = new ShopCodes({ dataDir: o.dataDir, protector: o.protector, dataKey, passphrase: o.passphrase, logger: o.logger });
  let shopKey: Buffer | null = null;
  const shared = new SharedLedger({
    url: o.url,
    ledger,
    till,
    logger: o.logger,
    onChange: () => undefined,
    prepareCodes: async (pool) => {
      const c = await codes.prepare(pool);
      shopKey = c?.shopKey ?? null;
      return c;
    },
  });
  try {
    const whole = await shared.pushWhole();
    if (shared.reachability === 'needs-shop-key') {
      throw new MigrationRefused(
        o.passphrase === null ? 'the shop passphrase is needed (--passphrase-file, or type it when asked)' : 'the shop passphrase is wrong: nothing was copied',
      );
    }
    if (whole === 'unreachable') throw new MigrationRefused(`the shop's server ${redactedUrl(o.url)} cannot be reached`);
    // Whatever the outbox still holds (changes noted before) goes too, so that it starts empty.
    const rest = await shared.flush();
    if (rest === 'unreachable') throw new MigrationRefused(`the shop's server ${redactedUrl(o.url)} stopped answering`);
    const report: MigrationReport = {
      tillId: till.id,
      tillName: till.name,
      server: redactedUrl(o.url),
      pushed: whole.pushed + rest.pushed,
      counts: [],
      totals: [],
      codes: { checked: 0, mismatched: 0 },
      problems: [],
    };
    await check(report, { ledger, pool: shared.pool, tillId: till.id, local, shop: new CodeCipher(shopKey!) });
    return report;
  } finally {
    await shared.close();
    ledger.close();
    release();
  }
}

async function check(report: MigrationReport, c: { ledger: Ledger; pool: pg.Pool; tillId: string; local: CodeCipher; shop: CodeCipher }): Promise<void> {
  for (const [localTable, sharedTable] of COUNTED) {
    const l = c.ledger.select<{ n: number }>(`SELECT COUNT(*) AS n FROM ${localTable}`)[0]?.n ?? 0;
    const s = Number((await c.pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${sharedTable} WHERE till_id = $1`, [c.tillId])).rows[0]?.n ?? 0);
    report.counts.push({ table: localTable, local: l, shared: s });
    if (l !== s) report.problems.push(`${localTable}: ${l} here, ${s} on the server`);
  }

  const money = 'SELECT state, quantity, delivered_quantity, unit_retail_c, refund_handed_c FROM';
  const localTotals = totalsByState(c.ledger.select<MoneyRow>(`${money} sales`));
  const sharedTotals = totalsByState((await c.pool.query<MoneyRow>(`${money} shop_sales WHERE till_id = $1`, [c.tillId])).rows);
  const none: Totals = { sales: 0, paidC: 0, netC: 0 };
  for (const state of [...new Set([...localTotals.keys(), ...sharedTotals.keys()])].sort()) {
    const l = localTotals.get(state) ?? none;
    const s = sharedTotals.get(state) ?? none;
    report.totals.push({ state, local: l, shared: s });
    if (l.sales !== s.sales || l.paidC !== s.paidC || l.netC !== s.netC) report.problems.push(`${state} sales: totals differ`);
  }

  // Every code and serial: opened on both sides and compared by digest (never printed).
  const sharedCards = new Map<string, { code_enc: Buffer; serial_enc: Buffer }>();
  for (const r of (
    await c.pool.query<{ sale_id: number; idx: number; code_enc: Buffer; serial_enc: Buffer }>(
      'SELECT sale_id, idx, code_enc, serial_enc FROM shop_cards WHERE till_id = $1',
      [c.tillId],
    )
  ).rows)
    sharedCards.set(`${r.sale_id}/${r.idx}`, r);
  for (const card of c.ledger.select<{ sale_id: number; idx: number; code_enc: Buffer; serial_enc: Buffer }>(
    'SELECT sale_id, idx, code_enc, serial_enc FROM cards ORDER BY sale_id, idx',
  )) {
    report.codes.checked++;
    const where = `sale ${card.sale_id} card #${card.idx}`;
    const there = sharedCards.get(`${card.sale_id}/${card.idx}`);
    let same = false;
    try {
      same =
        there !== undefined &&
        digest(c.shop.decrypt(there.code_enc)) === digest(c.local.decrypt(card.code_enc)) &&
        digest(c.shop.decrypt(there.serial_enc)) === digest(c.local.decrypt(card.serial_enc));
    } catch {
      same = false;
    }
    if (!same) {
      report.codes.mismatched++;
      report.problems.push(there ? `${where}: the server's code does not open with the shop key to this till's code` : `${where}: missing on the server`);
    }
  }
}
