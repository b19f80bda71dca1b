import { afterEach, describe, expect, it } from 'vitest';
import { RateGate } from '../../electron/core/provider/rate-gate';
import { psnOffer, startHarness, waitForSale, type Harness } from './helpers/core-harness';

describe('rate gate', () => {
  it('never lets more than the per-second share through in any second, and pauses after a 429', async () => {
    let t = 0;
    const gate = new RateGate(
      200,
      () => t,
      async (ms) => {
        t += ms;
      },
    );
    const at: number[] = [];
    for (let i = 0; i < 7; i++) {
      await gate.take();
      at.push(t);
    }
    // 200 a minute, less the 5 % margin = 190, i.e. 3 a second: threes, one second apart.
    expect(at).toEqual([0, 0, 0, 1001, 1001, 1001, 2002]);
    gate.release();
    await gate.take();
    expect(t).toBe(2002);
    gate.pauseFor(5000);
    await gate.take();
    expect(t).toBeGreaterThanOrEqual(7002);
  });
});

let hx: Harness;
afterEach(async () => hx?.close());

describe('draining a queue against a rate-limited provider', () => {
  it('stays under the limit the shop configured: no request is refused with 429', async () => {
    // The provider allows 20 requests a second; the till is told 16 a second.
    hx = await startHarness({ sim: { rateLimit: { requests: 20, perMs: 1000 } } });
    await hx.h['settings:update']({ apiRequestsPerMinute: 960, queueCap: 50 });
    const offer = await psnOffer(hx.h);
    await hx.sim.control.setOffline(true);
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push((await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC })).id);
    }
    hx.sim.control.resetRequestLog();
    await hx.sim.control.setOffline(false);
    for (const id of ids) expect((await waitForSale(hx.h, id, (s) => s.state === 'FULFILLED', 30_000)).state).toBe('FULFILLED');
    const log = hx.sim.control.requestLog();
    expect(log.filter((r) => r.status === 429)).toHaveLength(0);
    expect(log.filter((r) => r.path.endsWith('/placeOrder'))).toHaveLength(8);
  }, 60_000);
});
