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
 * Issue 11's soak, like the gift cards' (soak.test.ts): 120 top-ups, mobile and internet mixed,
 * a random fault aimed at the top-up lines before most of them (every kind the simulator has),
 * the till killed with SIGKILL every 30 sales and started again on the same ledger. Invariants:
 * exactly one top-up at the provider per sale, each owned by exactly one sale under the ref the
 * till made, every sale settled, every internet card on its receipt.
 */
const SALES = 120;
const KINDS: SimFaultSpec['kind'][] = ['drop-before', 'drop-after', 'error-500-after', 'error-500', 'hang-after', 'malformed', 'rate-limit'];

const sim = await startSimulator({ handlingMs: 20, balanceDzd: 100_000_000 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-topup-soak-'));
const host = new HostProcess({ POS_DATA_DIR: dataDir, POS_TRAINING_API_URL: sim.url, POS_TIMING: SOAK_TIMING });
afterAll(async () => {
  await host.stop();
  await sim.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('soak: 120 top-ups, random faults, kill -9 every 30 sales', () => {
  it('keeps every invariant', { timeout: 240_000 }, async () => {
    const random = seededRandom(20261128);
    await host.start();
    await host.must('settings:update', { queueCap: 500, apiRequestsPerMinute: 6000 });
    const saleIds: number[] = [];
    let kills = 0;
    let faults = 0;
    for (let i = 0; i < SALES; i++) {
      const mobile = random() < 0.6;
      const line = mobile ? 'mobile-topups' : 'internet';
      if (random() < 0.6) {
        const kind = KINDS[Math.floor(random() * KINDS.length)]!;
        const endpoint = random() < 0.75 ? 'placeOrder' : random() < 0.5 ? 'checkOrder' : 'list';
        sim.control.addFault({ endpoint, kind, line, ...(kind === 'rate-limit' ? { retryAfterSec: 0 } : {}) });
        faults++;
      }
      // Every sale differs in number or amount, as real ones do: a lost answer is matched to one top-up.
      const r = mobile
        ? await host.call('sales:confirm', {
            line,
            productId: 'Djezzy',
            typeId: 'PREPAID_DJEZZY',
            quantity: 1,
            expectedUnitRetailC: (100 + i) * 100,
            entry: { recipient: `07780${String(10_000 + i).slice(-5)}`, amountDzd: 100 + i },
          })
        : await host.call('sales:confirm', {
            line,
            productId: i % 2 ? 'ADSL' : '4G',
            typeId: '1000',
            quantity: 1,
            expectedUnitRetailC: 100_000,
            entry: { recipient: i % 2 ? `0363${String(10_000 + i).slice(-5)}` : `2134727${String(10_000 + i).slice(-5)}` },
          });
      if (!r.ok) throw new Error(`confirm ${i} failed: ${r.error.code} ${r.error.message}`);
      saleIds.push(r.value.id);
      if ((i + 1) % 30 === 0) {
        await new Promise((res) => setTimeout(res, random() * 200));
        await host.stop(true);
        kills++;
        await host.start();
      }
    }
    sim.control.clearFaults();
    const { sales, counts } = await settledSales(host, ['FULFILLED', 'REFUNDED', 'REJECTED', 'NEEDS_REVIEW', 'TO_VERIFY'], 180_000);
    const topUps = sim.control.topups();
    console.log(
      `top-up soak: ${SALES} sales, ${faults} faults injected, ${kills} kill -9; states ${JSON.stringify(counts)}; provider top-ups ${topUps.length}`,
    );

    expect(sales).toHaveLength(SALES);
    expect(counts.FULFILLED).toBe(SALES);
    // Exactly one top-up per sale, owned by exactly one sale, under the ref that sale was given.
    expect(topUps).toHaveLength(SALES);
    const bySale = new Map(sales.map((s) => [s.orderId, s]));
    expect(bySale.size).toBe(SALES);
    for (const t of topUps) {
      const sale = bySale.get(t.id);
      expect(sale, `top-up ${t.id} owned by a sale`).toBeDefined();
      expect(t.ref).toBe(sale!.topUp!.clientRef);
    }
    // Every internet card is on its receipt.
    for (const s of sales.filter((x) => x.line === 'internet').slice(0, 20)) {
      const t = topUps.find((x) => x.id === s.orderId)!;
      const receipt = await host.must('sales:receipt', { saleId: s.id });
      expect(t.line === 'internet' && t.cardCode ? receipt.html.includes(t.cardCode) : false).toBe(true);
    }
  });
});
