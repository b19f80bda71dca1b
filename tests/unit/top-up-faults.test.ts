import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { startSimulator, type RunningSimulator, type SimFaultSpec } from '../../simulator';
import { TOP_UP_CONFIRMS } from '../../bench/lib/top-up-confirms';
import { startHarness, waitForSale, type Harness } from './helpers/core-harness';
import { HostProcess } from './helpers/host-process';
import { CRASH_TIMING } from './helpers/kill-timing';

/**
 * Issue 11's fault matrix, like the gift cards' (core-faults.test.ts, crash-recovery.test.ts):
 * every fault the simulator has, on each top-up endpoint, for a mobile top-up and an internet
 * recharge; then the till killed with SIGKILL while a top-up is in flight. Each confirmed top-up
 * ends with exactly one top-up at the provider, under its own ref, and one settled sale.
 */
const KINDS: SimFaultSpec['kind'][] = ['drop-before', 'drop-after', 'error-500-after', 'error-500', 'hang-after', 'delay', 'rate-limit', 'malformed'];
const ENDPOINTS: SimFaultSpec['endpoint'][] = ['placeOrder', 'checkOrder', 'list'];
const settled = (s: Sale) => ['FULFILLED', 'REFUNDED', 'REJECTED', 'TO_VERIFY', 'NEEDS_REVIEW'].includes(s.state);

let hx: Harness | undefined;
afterEach(async () => {
  await hx?.close();
  hx = undefined;
});

describe('top-up fault matrix', () => {
  for (const line of ['mobile-topups', 'internet'] as const) {
    for (const endpoint of ENDPOINTS) {
      for (const kind of KINDS) {
        if (endpoint !== 'placeOrder' && ['drop-after', 'error-500-after', 'hang-after'].includes(kind)) continue; // "after" faults are about a write
        it(`${line}, ${endpoint}, ${kind}: one top-up, one fulfilled sale`, async () => {
          hx = await startHarness({ orderTimeoutMs: 300, timing: { orderTimeoutMs: 300, readTimeoutMs: 500 } });
          // Twice: the recovery's own reads meet the fault too.
          hx.sim.control.addFault({ endpoint, kind, line, times: 2, delayMs: 100, retryAfterSec: 0 });
          const sale = await hx.h['sales:confirm'](TOP_UP_CONFIRMS[line]);
          const done = await waitForSale(hx.h, sale.id, settled, 20_000);
          expect(done.state).toBe('FULFILLED');
          const topUps = hx.sim.control.topups();
          expect(topUps).toHaveLength(1);
          expect(topUps[0]).toMatchObject({ id: done.orderId, ref: done.topUp!.clientRef, line });
        });
      }
    }
  }
});

describe('a top-up and kill -9', () => {
  let sim: RunningSimulator | undefined;
  let host: HostProcess | undefined;
  let dataDir = '';
  afterEach(async () => {
    await host?.stop();
    await sim?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (const line of ['mobile-topups', 'internet'] as const) {
    it(`${line}: killed while the top-up is in flight, recovered by its ref after restart, not sent twice`, async () => {
      sim = await startSimulator({ handlingMs: 50 });
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-topup-crash-'));
      host = new HostProcess({ POS_DATA_DIR: dataDir, POS_TRAINING_API_URL: sim.url, POS_TIMING: CRASH_TIMING });
      await host.start();
      sim.control.addFault({ endpoint: 'placeOrder', kind: 'hang-after', line });
      const sale = await host.must('sales:confirm', TOP_UP_CONFIRMS[line]);
      const send = line === 'internet' ? '/v3/internet/send' : '/v3/mobile/send';
      // Killed only once the provider has created the top-up and withheld its answer.
      for (let i = 0; !sim.control.requestLog().some((e) => e.path === send && e.status === 'hung'); i++) {
        if (i > 3000) throw new Error('the send never hung');
        await new Promise((r) => setTimeout(r, 10));
      }
      await host.stop(true);
      expect(sim.control.topups()).toHaveLength(1);
      await host.start();
      let done = await host.must('sales:get', { saleId: sale.id });
      for (let i = 0; done.state !== 'FULFILLED'; i++) {
        if (i > 1500) throw new Error(`sale stuck in ${done.state}`);
        await new Promise((r) => setTimeout(r, 20));
        done = await host.must('sales:get', { saleId: sale.id });
      }
      expect(sim.control.topups()).toHaveLength(1);
      expect(done.orderId).toBe(sim.control.topups()[0]!.id);
    });
  }
});
