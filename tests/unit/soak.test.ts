import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SimFaultSpec } from '../../simulator';
import { startSimulator } from '../../simulator';
import { HostProcess } from './helpers/host-process';
import { SOAK_TIMING } from './helpers/kill-timing';
import { settledSales } from './helpers/settled-sales';
import { seededRandom } from './helpers/seeded-random';

/**
 * 200 sales against the simulator with a random fault before most of them and a SIGKILL of the
 * till every 40 sales. Invariants: exactly one provider order per fulfilled sale, no order the
 * ledger does not own, every delivered code in the ledger, no sale without a final state.
 */
const SALES = 200;
const FAULTS: SimFaultSpec[] = [
  { endpoint: 'placeOrder', kind: 'drop-before' },
  { endpoint: 'placeOrder', kind: 'drop-after' },
  { endpoint: 'placeOrder', kind: 'error-500-after' },
  { endpoint: 'placeOrder', kind: 'error-500' },
  { endpoint: 'placeOrder', kind: 'hang-after' },
  { endpoint: 'placeOrder', kind: 'malformed' },
  { endpoint: 'placeOrder', kind: 'rate-limit', retryAfterSec: 0 },
  { endpoint: 'checkOrder', kind: 'drop-before' },
  { endpoint: 'checkOrder', kind: 'malformed' },
  { endpoint: 'list', kind: 'error-500' },
];

const sim = await startSimulator({ handlingMs: 20, balanceDzd: 100_000_000 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-soak-'));
const host = new HostProcess({ POS_DATA_DIR: dataDir, POS_TRAINING_API_URL: sim.url, POS_TIMING: SOAK_TIMING });
afterAll(async () => {
  await host.stop();
  await sim.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('soak: 200 sales, random faults, kill -9 every 40 sales', () => {
  it('keeps every invariant', { timeout: 240_000 }, async () => {
    const random = seededRandom(20261127);
    await host.start();
    await host.must('settings:update', { maxQuantityPerSale: 5, queueCap: 500, apiRequestsPerMinute: 6000 });
    const catalog = await host.must('catalog:list', {});
    const offers: { productId: string; typeId: string; expectedUnitRetailC: number }[] = [];
    for (const p of catalog.products.filter((x) => x.enabled).slice(0, 6)) {
      const detail = await host.must('catalog:product', { productId: p.id });
      for (const d of detail.denominations) {
        if (d.stock === 0 || d.typeId.startsWith('TEST_')) continue;
        sim.control.setStock(p.id, d.typeId, 100_000);
        offers.push({ productId: p.id, typeId: d.typeId, expectedUnitRetailC: d.retailC });
      }
    }
    const saleIds: number[] = [];
    let kills = 0;
    let faults = 0;
    for (let i = 0; i < SALES; i++) {
      if (random() < 0.5) {
        sim.control.addFault(FAULTS[Math.floor(random() * FAULTS.length)]!);
        faults++;
      }
      const offer = offers[Math.floor(random() * offers.length)]!;
      const quantity = 1 + Math.floor(random() * 3);
      const r = await host.call('sales:confirm', { ...offer, quantity });
      if (!r.ok) throw new Error(`confirm ${i} failed: ${r.error.code}`);
      saleIds.push(r.value.id);
      if ((i + 1) % 40 === 0) {
        await new Promise((res) => setTimeout(res, random() * 200));
        await host.stop(true);
        kills++;
        await host.start();
      }
    }
    sim.control.clearFaults();
    const { sales, counts } = await settledSales(host, ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'NEEDS_REVIEW'], 180_000);
    const orders = sim.control.orders();
    console.log(`soak: ${SALES} sales, ${faults} faults injected, ${kills} kill -9; states ${JSON.stringify(counts)}; provider orders ${orders.length}`);

    expect(sales).toHaveLength(SALES);
    expect(counts.FULFILLED).toBe(SALES);
    // Exactly one provider order per sale, and each owned by exactly one sale.
    expect(orders).toHaveLength(SALES);
    const owned = new Set(sales.map((s) => s.orderId));
    expect(owned.size).toBe(SALES);
    for (const o of orders) expect(owned.has(o.id)).toBe(true);
    // Every delivered code is in the ledger (checked through the receipts).
    for (const s of sales.slice(0, 40)) {
      const order = orders.find((o) => o.id === s.orderId)!;
      const receipt = await host.must('sales:receipt', { saleId: s.id });
      for (const c of order.cards) expect(receipt.html).toContain(c.value);
    }
    for (const s of sales) expect(s.cards).toHaveLength(s.quantity);
  });
});
