import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Sale, SaleState } from '../../../shared/domain';
import type { RunningSimulator } from '../../../simulator';
import { HostProcess } from './host-process';
import { CRASH_TIMING } from './kill-timing';

/**
 * Tills as separate processes (the browser host, tests/unit/helpers/host-process.ts), each with its
 * own data directory and POS_DATABASE_URL, all selling through one simulator (training mode: one
 * key for the whole shop) against one PostgreSQL server. Sales go through the host's HTTP contract.
 */

/** The single-kill tests' waits, and a status read that gives up in 3 s (the tills' reads run while others sell). */
export const SHOP_TIMING = JSON.stringify({ ...(JSON.parse(CRASH_TIMING) as Record<string, number>), readTimeoutMs: 3_000 });

export const SETTLED: readonly SaleState[] = ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'NEEDS_REVIEW', 'CANCELLED'];

const SHOP_PASSPHRASE = 'the shop of the process tills';

export interface Offer {
  productId: string;
  typeId: string;
  expectedUnitRetailC: number;
}

export class ProcessTill {
  readonly host: HostProcess;
  readonly dataDir: string;
  /** The till's id in the shared ledger (its local kv), read once it runs. */
  tillId = '';

  constructor(
    readonly name: string,
    simUrl: string,
    databaseUrl: string,
  ) {
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `till-proc-${name}-`));
    // The shop passphrase, as an owner hands it to each till once (README: Several counters).
    const passphraseFile = path.join(this.dataDir, 'shop-passphrase');
    fs.writeFileSync(passphraseFile, `${SHOP_PASSPHRASE}\n`, { mode: 0o600 });
    this.host = new HostProcess({
      POS_DATA_DIR: this.dataDir,
      POS_TRAINING_API_URL: simUrl,
      POS_TIMING: SHOP_TIMING,
      POS_DATABASE_URL: databaseUrl,
      POS_SHOP_PASSPHRASE_FILE: passphraseFile,
    });
  }

  async start(): Promise<void> {
    await this.host.start();
    this.tillId = (await this.host.must('app:status', {})).till.id;
  }

  sell(offer: Offer): Promise<Sale> {
    return this.host.must('sales:confirm', { ...offer, quantity: 1 });
  }

  sales(): Promise<Sale[]> {
    return this.host.must('sales:list', { limit: 500 });
  }

  async status() {
    return (await this.host.must('app:status', {})).till;
  }

  /** The till's own SQLite ledger, read beside the running till (WAL readers do not block it). */
  localLedger(): { sales: LocalSale[]; events: LocalEvent[] } {
    const db = new Database(path.join(this.dataDir, 'ledger.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return {
        sales: db.prepare('SELECT id, state, order_id, quantity, reason_code FROM sales ORDER BY id').all() as LocalSale[],
        events: db.prepare('SELECT id, sale_id, kind FROM sale_events ORDER BY id').all() as LocalEvent[],
      };
    } finally {
      db.close();
    }
  }

  async dispose(): Promise<void> {
    await this.host.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface LocalSale {
  id: number;
  state: string;
  order_id: string | null;
  quantity: number;
  reason_code: string | null;
}
export interface LocalEvent {
  id: number;
  sale_id: number;
  kind: string;
}

/** PSN 10 USD, read through the first till's contract as a cashier's screen would. */
export async function psnOffer(till: ProcessTill): Promise<Offer> {
  const catalog = await till.host.must('catalog:list', {});
  const product = catalog.products.find((p) => p.title === 'PlayStation Network')!;
  const detail = await till.host.must('catalog:product', { productId: product.id });
  const d = detail.denominations.find((x) => x.name === 'PSN 10 USD')!;
  return { productId: product.id, typeId: d.typeId, expectedUnitRetailC: d.retailC };
}

/**
 * Polls `check` (async) until it returns true; the message says what never happened, and `explain`
 * (if given) what the tills were doing instead, so that a failure in CI can be read without a rerun.
 */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 60_000,
  everyMs = 50,
  explain?: () => Promise<string>,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end)
      throw new Error(`timed out waiting: ${what}${explain ? `\n${await explain().catch((e: Error) => `(could not say why: ${e.message})`)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every sale of every till settled, and every till's changes pushed to the shared server. */
export async function waitShopSettled(tills: readonly ProcessTill[], timeoutMs = 90_000): Promise<void> {
  await waitUntil(
    async () => {
      for (const t of tills) {
        if ((await t.sales()).some((s) => !SETTLED.includes(s.state))) return false;
        if ((await t.status()).unpushed > 0) return false;
      }
      return true;
    },
    'every sale settled and pushed',
    timeoutMs,
    150,
    () => describeUnsettled(tills),
  );
}

/** Each till's unsettled sales with their events, and what it says of the shared ledger. */
async function describeUnsettled(tills: readonly ProcessTill[]): Promise<string> {
  const lines: string[] = [];
  for (const t of tills) {
    const status = await t.status();
    lines.push(`${t.name}: shared ${status.shared}, unpushed ${status.unpushed}`);
    const ledger = t.localLedger();
    for (const s of ledger.sales.filter((x) => !SETTLED.includes(x.state as SaleState))) {
      const events = ledger.events.filter((e) => e.sale_id === s.id).map((e) => e.kind);
      lines.push(`  sale ${s.id} ${s.state} order ${s.order_id ?? '-'}: ${events.join(', ')}`);
    }
    for (const l of t.host.recentLog(15)) lines.push(`  | ${l}`);
  }
  return lines.join('\n');
}

interface ShopRow {
  till_id: string;
  id: number;
  state: string;
  order_id: string | null;
}

/** What the shared server holds: order owners, shop_sales and shop_sale_events. */
export async function sharedView(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const owners = (await client.query<{ order_id: string; till_id: string; sale_id: string }>('SELECT order_id, till_id, sale_id FROM order_owners')).rows;
    const sales = (await client.query<ShopRow>('SELECT till_id::text, id::int AS id, state, order_id FROM shop_sales ORDER BY till_id, id')).rows;
    const events = (
      await client.query<{ till_id: string; id: number; sale_id: number; kind: string }>(
        'SELECT till_id::text, id::int AS id, sale_id::int AS sale_id, kind FROM shop_sale_events ORDER BY till_id, id',
      )
    ).rows;
    return { owners: owners.map((o) => ({ orderId: o.order_id, tillId: o.till_id, saleId: Number(o.sale_id) })), sales, events };
  } finally {
    await client.end();
  }
}

/**
 * The shop's invariants once every sale settled: one provider order per fulfilled sale, no order
 * held or owned by two sales, each owner the very sale that holds the order, and every till's local
 * sales and events in shop_sales / shop_sale_events exactly as they are locally (nothing lost,
 * nothing pushed twice). Returns a description of every violation (empty: all hold).
 */
export async function shopViolations(databaseUrl: string, sim: RunningSimulator, tills: readonly ProcessTill[], confirmed: number): Promise<string[]> {
  const bad: string[] = [];
  const view = await sharedView(databaseUrl);
  const local = tills.flatMap((t) => {
    const l = t.localLedger();
    return l.sales.map((s) => ({ ...s, tillId: t.tillId, events: l.events.filter((e) => e.sale_id === s.id) }));
  });
  if (local.length !== confirmed) bad.push(`${local.length} sales in the tills' ledgers, ${confirmed} confirmed`);
  const orders = sim.control.orders();
  const withOrder = local.filter((s) => s.order_id !== null);
  const heldIds = withOrder.map((s) => s.order_id!);
  if (new Set(heldIds).size !== heldIds.length) bad.push('an order id is held by two sales');
  const notFinal = local.filter((s) => !SETTLED.includes(s.state as SaleState));
  if (notFinal.length) bad.push(`not final: ${notFinal.map((s) => `${s.tillId}#${s.id} ${s.state}`).join(', ')}`);
  for (const s of local.filter((x) => x.state !== 'FULFILLED')) {
    bad.push(`${s.tillId}#${s.id} ${s.state} (${s.reason_code ?? ''}): ${s.events.map((e) => e.kind).join(' > ')}`);
  }
  // One provider order per sale: exactly the orders the sales hold, no more.
  if (orders.length !== withOrder.length) bad.push(`${orders.length} provider orders for ${withOrder.length} sales holding one`);
  const orderIds = new Set(orders.map((o) => o.id));
  for (const id of heldIds) if (!orderIds.has(id)) bad.push(`order ${id} held but not at the provider`);
  // Every order owned, by the very sale holding it; none by two (order_owners' key makes two impossible).
  const ownerOf = new Map(view.owners.map((o) => [o.orderId, `${o.tillId}#${o.saleId}`]));
  if (view.owners.length !== withOrder.length) bad.push(`${view.owners.length} owners for ${withOrder.length} orders`);
  for (const s of withOrder) {
    if (ownerOf.get(s.order_id!) !== `${s.tillId}#${s.id}`)
      bad.push(`order ${s.order_id} of ${s.tillId}#${s.id} owned by ${ownerOf.get(s.order_id!) ?? 'nobody'}`);
  }
  // Nothing lost, nothing twice: the shared copy is each till's ledger, row for row, event for event.
  const shopSales = new Map(view.sales.map((r) => [`${r.till_id}#${r.id}`, r]));
  if (view.sales.length !== local.length) bad.push(`${view.sales.length} rows in shop_sales for ${local.length} sales`);
  for (const s of local) {
    const r = shopSales.get(`${s.tillId}#${s.id}`);
    if (!r) bad.push(`${s.tillId}#${s.id} missing from shop_sales`);
    else if (r.state !== s.state || r.order_id !== s.order_id)
      bad.push(`${s.tillId}#${s.id} is ${s.state}/${s.order_id} locally, ${r.state}/${r.order_id} shared`);
  }
  const localEvents = tills.flatMap((t) => t.localLedger().events.map((e) => `${t.tillId}#${e.id}:${e.sale_id}:${e.kind}`));
  const sharedEvents = view.events.map((e) => `${e.till_id}#${e.id}:${e.sale_id}:${e.kind}`);
  if (JSON.stringify(sharedEvents.sort()) !== JSON.stringify(localEvents.sort()))
    bad.push(`events differ: ${sharedEvents.length} shared, ${localEvents.length} local`);
  return bad;
}
