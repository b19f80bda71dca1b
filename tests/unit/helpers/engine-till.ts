import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SaleState } from '../../../shared/domain';
import { CodeCipher } from '../../../electron/core/ledger/code-cipher';
import { Ledger, type SaleRow } from '../../../electron/core/ledger/ledger';
import { silentLogger } from '../../../electron/core/platform/log';
import { giftCardLine } from '../../../electron/core/product-lines/gift-cards/gift-card-line';
import { ProductLines } from '../../../electron/core/product-lines/registry';
import { OneClickDzClient } from '../../../electron/core/provider/client';
import type { Emit } from '../../../electron/core/platform/event-bus';
import type { RequestGate } from '../../../electron/core/provider/request-gate';
import { SaleEngine } from '../../../electron/core/sales/sale-engine';
import { SaleMoves } from '../../../electron/core/sales/sale-moves';
import type { SenderGuard } from '../../../electron/core/sales/sender-guard';
import { DEFAULT_TIMING, type SaleTiming } from '../../../electron/core/sales/timing';
import { FAST_TIMING, TEST_KEY } from './core-harness';

/**
 * A till reduced to what sells after confirmation: its own SQLite ledger (own data dir), its sale
 * engine and a client of the provider, with the SenderGuard the test gives it. Several of them in
 * one process share one simulator (and, for issue 12, one PostgreSQL server), each with its own
 * ledger, as separate tills would. Sales are written to the ledger as a confirmation does, then the
 * engine is kicked.
 */
export interface EngineTill {
  readonly name: string;
  readonly ledger: Ledger;
  readonly engine: SaleEngine;
  readonly lines: ProductLines;
  readonly client: OneClickDzClient;
  /** Writes a confirmed (QUEUED) sale of one gift-card denomination and wakes the engine. */
  sell(offer: GiftCardOffer, quantity?: number): SaleRow;
  sale(id: number): SaleRow;
  sales(): SaleRow[];
  events(saleId: number): string[];
  close(): Promise<void>;
}

export interface GiftCardOffer {
  productId: string;
  typeId: string;
  title: string;
  typeName: string;
  costC: number;
}

/** The fingerprint every till's sales carry: one API key shared by the shop's tills. */
export const SHARED_KEY_ID = 'shared-key-fingerprint';

export const FINAL_STATES: readonly SaleState[] = ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'NEEDS_REVIEW'];

export function openEngineTill(o: {
  name: string;
  simUrl: string;
  guard?: (ledger: Ledger) => SenderGuard;
  timing?: Partial<SaleTiming>;
  orderTimeoutMs?: number;
  /** The till's own request budget (its apiRequestsPerMinute); absent: none. */
  gate?: RequestGate;
  /** What the till's screen would be told of each move (nothing, by default). */
  emit?: Emit;
}): EngineTill {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `till-engine-${o.name}-`));
  const ledger = new Ledger(path.join(dataDir, 'ledger.sqlite'), new CodeCipher(randomBytes(32)));
  const lines = new ProductLines([giftCardLine]);
  const timing: SaleTiming = { ...DEFAULT_TIMING, ...FAST_TIMING, ...(o.timing ?? {}) };
  const client = new OneClickDzClient({ baseUrl: o.simUrl, apiKey: TEST_KEY, orderTimeoutMs: o.orderTimeoutMs ?? 400, timeoutMs: 2_000, gate: o.gate });
  // The moves ask the engine's connection only once sales move, after it exists.
  const moves: SaleMoves = new SaleMoves({ ledger, emit: o.emit ?? (() => undefined), connection: () => engine.connectionState });
  const engine: SaleEngine = new SaleEngine({
    ledger,
    lines,
    client: () => client,
    now: Date.now,
    random: Math.random,
    timing,
    logger: silentLogger,
    moves,
    onConnection: () => undefined,
    onFinal: () => undefined,
    guard: o.guard?.(ledger),
  });
  engine.recover();
  engine.start();
  const till: EngineTill = {
    name: o.name,
    ledger,
    engine,
    lines,
    client,
    sell(offer, quantity = 1) {
      const row = ledger.insertSale({
        product_id: offer.productId,
        product_title: offer.title,
        type_id: offer.typeId,
        type_name: offer.typeName,
        quantity,
        unit_cost_c: offer.costC,
        unit_retail_c: offer.costC + 10_000,
        cashier: o.name,
        mode: 'sandbox',
        key_id: SHARED_KEY_ID,
        expires_at: null,
        line: giftCardLine.id,
      });
      engine.kick();
      return row;
    },
    sale: (id) => ledger.get(id)!,
    sales: () => ledger.select<SaleRow>('SELECT * FROM sales ORDER BY id'),
    events: (saleId) => ledger.select<{ kind: string }>('SELECT kind FROM sale_events WHERE sale_id = @saleId ORDER BY id', { saleId }).map((e) => e.kind),
    async close() {
      await engine.close();
      ledger.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return till;
}

/** A gift-card denomination of the simulator's catalogue, read through the line as a till would. */
export async function giftCardOffer(simUrl: string, productTitle = 'PlayStation Network', typeName = 'PSN 10 USD'): Promise<GiftCardOffer> {
  const client = new OneClickDzClient({ baseUrl: simUrl, apiKey: TEST_KEY });
  const catalog = await giftCardLine.catalog(client);
  const product = catalog.categories.flatMap((c) => c.products).find((p) => p.title === productTitle);
  if (!product) throw new Error(`no ${productTitle}`);
  const detail = await giftCardLine.product(client, product.id);
  const type = detail.types.find((t) => t.name === typeName);
  if (!type) throw new Error(`no ${typeName}`);
  return { productId: product.id, typeId: type.id, title: product.title, typeName: type.name, costC: type.costC };
}
