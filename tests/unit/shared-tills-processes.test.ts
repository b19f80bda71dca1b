import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { pgServersDisposedAfterEach, type PgServer } from './helpers/pg-server';
import { ProcessTill, psnOffer, shopViolations, waitShopSettled, waitUntil, type Offer } from './helpers/process-tills';
import { TcpProxy } from './helpers/tcp-proxy';

/**
 * Issue 12 with real components: tills as separate processes (each its own data directory and
 * POS_DATABASE_URL), one simulator (one key for the shop), one real PostgreSQL. Whatever happens
 * (lost answers, a till killed with SIGKILL while it holds the sender lock, PostgreSQL restarted,
 * a till cut off from the database), every confirmed sale ends with exactly one provider order,
 * owned by that very sale, and is in the shared ledger as it is in its till's own.
 */
const startServer = pgServersDisposedAfterEach();
let sim: RunningSimulator | null = null;
const tills: ProcessTill[] = [];
const proxies: TcpProxy[] = [];
afterEach(async () => {
  await Promise.all(tills.splice(0).map((t) => t.dispose()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  await sim?.close();
  sim = null;
});

async function shop(n: number, urlFor: (server: PgServer, i: number) => Promise<string> | string = (s) => s.url) {
  sim = await startSimulator({ handlingMs: 50 });
  const server = await startServer();
  const started = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const till = new ProcessTill(`till${i + 1}`, sim!.url, await urlFor(server, i));
      tills.push(till);
      await till.start();
      return till;
    }),
  );
  // Joined (schema, registration) before the first sale: the header says 'reachable'.
  await waitUntil(async () => (await Promise.all(started.map((t) => t.status()))).every((s) => s.shared === 'reachable'), 'every till joined');
  return { sim, server, tills: started, offer: await psnOffer(started[0]!) };
}

/** `perTill` sales confirmed on every till at the same moment, round after round. */
async function sellTogether(shopTills: readonly ProcessTill[], offer: Offer, perTill: number): Promise<Sale[]> {
  const sold: Sale[] = [];
  for (let n = 0; n < perTill; n++) sold.push(...(await Promise.all(shopTills.map((t) => t.sell(offer)))));
  return sold;
}

const placeOrderRequests = (s: RunningSimulator) => s.control.requestLog().filter((e) => e.path === '/v3/gift-cards/placeOrder');

describe('tills as processes sharing one key, one simulator and one PostgreSQL', () => {
  for (const n of [2, 4]) {
    it(`${n} tills selling the same gift card at once, answers lost: one order per sale, each owned by its sale, all in shop_sales`, async () => {
      const { sim, server, tills, offer } = await shop(n);
      sim.control.addFault({ endpoint: 'placeOrder', kind: 'drop-after', times: n });
      sim.control.addFault({ endpoint: 'placeOrder', kind: 'error-500-after', times: n });
      const sold = await sellTogether(tills, offer, 4);
      await waitShopSettled(tills);
      expect(await shopViolations(server.url, sim, tills, sold.length)).toEqual([]);
      // The faults were met: some answers really were lost.
      expect(placeOrderRequests(sim).filter((e) => e.status === 'dropped' || e.status === 500).length).toBe(2 * n);
    });
  }
});
