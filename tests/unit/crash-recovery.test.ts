import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { HostProcess } from './helpers/host-process';
import { CRASH_TIMING } from './helpers/kill-timing';

/**
 * The till killed with SIGKILL at the worst moments, then started again on the same data: the
 * provider holds exactly one order per confirmed sale and every delivered code is in the ledger.
 */
let sim: RunningSimulator;
let host: HostProcess;
let dataDir: string;
afterEach(async () => {
  await host?.stop();
  await sim?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function setup(handlingMs = 50) {
  sim = await startSimulator({ handlingMs });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-crash-'));
  host = new HostProcess({ POS_DATA_DIR: dataDir, POS_TRAINING_API_URL: sim.url, POS_TIMING: CRASH_TIMING });
  await host.start();
  const catalog = await host.must('catalog:list', {});
  const product = catalog.products.find((p) => p.title === 'PlayStation Network')!;
  const detail = await host.must('catalog:product', { productId: product.id });
  const d = detail.denominations.find((x) => x.name === 'PSN 10 USD')!;
  return { productId: product.id, typeId: d.typeId, expectedUnitRetailC: d.retailC };
}

async function waitFor(saleId: number, done: (s: Sale) => boolean, ms = 15_000): Promise<Sale> {
  const until = Date.now() + ms;
  for (;;) {
    const s = await host.must('sales:get', { saleId });
    if (done(s)) return s;
    if (Date.now() > until) throw new Error(`sale ${saleId} stuck in ${s.state}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** Polls a condition of the simulator (in this process) until it holds. */
async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition still false');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('crash recovery (kill -9)', () => {
  it('killed while the order is in flight: reconciled after restart, not resent', async () => {
    const offer = await setup();
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'hang-after' });
    const sale = await host.must('sales:confirm', { ...offer, quantity: 2 });
    await waitFor(sale.id, (s) => s.state === 'SENDING');
    // Killed only once the provider has committed the order and withheld its answer.
    await until(() => sim.control.requestLog().some((e) => e.path === '/v3/gift-cards/placeOrder' && e.status === 'hung'));
    await host.stop(true);
    expect(sim.control.orders()).toHaveLength(1);
    await host.start();
    const done = await waitFor(sale.id, (s) => s.state === 'FULFILLED');
    expect(done.cards).toHaveLength(2);
    expect(done.orderId).toBe(sim.control.orders()[0]!.id);
    expect(sim.control.orders()).toHaveLength(1);
  });

  it('killed while the order is being fulfilled: polling resumes and the codes are kept', async () => {
    const offer = await setup();
    // Orders stay HANDLING until released, so the kill lands while the order is being fulfilled.
    sim.control.setConfig({ handlingMs: 86_400_000 });
    const sale = await host.must('sales:confirm', { ...offer, quantity: 1 });
    await waitFor(sale.id, (s) => s.state === 'PLACED');
    await host.stop(true);
    expect(sim.control.orders()[0]!.status).toBe('HANDLING');
    await host.start();
    sim.control.setConfig({ handlingMs: 0 });
    const done = await waitFor(sale.id, (s) => s.state === 'FULFILLED');
    expect(done.cards).toHaveLength(1);
    expect(sim.control.orders()).toHaveLength(1);
    const receipt = await host.must('sales:receipt', { saleId: sale.id });
    expect(receipt.html).toContain(sim.control.orders()[0]!.cards[0]!.value);
  });

  it('killed with sales queued offline: they are sent once after restart when the provider is back', async () => {
    const offer = await setup();
    await sim.control.setOffline(true);
    const a = await host.must('sales:confirm', { ...offer, quantity: 1 });
    const b = await host.must('sales:confirm', { ...offer, quantity: 1 });
    expect([a.state, b.state]).toEqual(['QUEUED', 'QUEUED']);
    await host.stop(true);
    await sim.control.setOffline(false);
    await host.start();
    await waitFor(a.id, (s) => s.state === 'FULFILLED');
    await waitFor(b.id, (s) => s.state === 'FULFILLED');
    expect(sim.control.orders()).toHaveLength(2);
  });
});
