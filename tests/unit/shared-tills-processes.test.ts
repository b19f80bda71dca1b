import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_NAMESPACE } from '../../electron/core/shared-ledger/advisory-locks';
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
}, 60_000);

async function shop(n: number, urlFor: (server: PgServer, i: number) => Promise<string> | string = (s) => s.url) {
  // A balance no shift here can exhaust: a refusal for money is not what these scenarios test.
  sim = await startSimulator({ handlingMs: 50, balanceDzd: 10_000_000 });
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
    }, 120_000);
  }

  it('the till holding the sender lock killed with SIGKILL mid-send: the others go on, and once restarted its sale is recovered once', async () => {
    const { sim, server, tills, offer } = await shop(3);
    // The first send is committed by the provider and its answer withheld: that till keeps the lock.
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'hang-after' });
    const sold = await sellTogether(tills, offer, 2);
    await waitUntil(() => placeOrderRequests(sim).some((e) => e.status === 'hung'), 'a send hung');
    // The holder: the till whose sale is SENDING (one sender per key), and the one session holding the lock.
    let holder: ProcessTill | undefined;
    await waitUntil(async () => {
      for (const t of tills) if ((await t.sales()).some((s) => s.state === 'SENDING')) holder = t;
      return holder !== undefined;
    }, 'the sending till');
    const lockHolders = await senderLockHolders(server.url);
    expect(lockHolders).toHaveLength(1);
    const hung = (await holder!.sales()).find((s) => s.state === 'SENDING')!;
    await holder!.host.stop(true);
    expect(sim.control.orders()).toHaveLength(1);

    // Its session ended with its process: the lock is free and the other tills sell everything they have.
    const others = tills.filter((t) => t !== holder);
    await waitShopSettled(others);
    expect(await senderLockHolders(server.url)).not.toContain(lockHolders[0]);
    expect(sim.control.orders()).toHaveLength(1 + 2 * others.length);

    await holder!.start();
    await waitShopSettled(tills);
    const recovered = await holder!.host.must('sales:get', { saleId: hung.id });
    expect(recovered.state).toBe('FULFILLED');
    expect(recovered.orderId).toBe(sim.control.orders()[0]!.id);
    const events = holder!
      .localLedger()
      .events.filter((e) => e.sale_id === hung.id)
      .map((e) => e.kind);
    expect(events.filter((k) => k === 'reconciled-found')).toHaveLength(1);
    expect(await shopViolations(server.url, sim, tills, sold.length)).toEqual([]);
  }, 120_000);

  it('PostgreSQL restarted mid-shift while three tills sell: nothing lost, nothing sent twice', async () => {
    const { sim, server, tills, offer } = await shop(3);
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'drop-after', times: 2 });
    const before = await sellTogether(tills, offer, 2);
    // Restarted while the first sales are on their way (sending, claiming, pushing).
    const restart = server.restart();
    const during = await sellTogether(tills, offer, 2);
    await restart;
    const after = await sellTogether(tills, offer, 2);
    await waitShopSettled(tills);
    expect(await shopViolations(server.url, sim, tills, before.length + during.length + after.length)).toEqual([]);
  }, 120_000);

  it('one till cut off from PostgreSQL (not from the provider): its sales wait, it says unreachable; back, each is sold once and pushed once, in order', async () => {
    const { sim, server, tills, offer } = await shop(3, async (s, i) => {
      if (i > 0) return s.url;
      const proxy = new TcpProxy(s.host, s.port);
      await proxy.listen();
      proxies.push(proxy);
      return proxy.urlFor();
    });
    const [cut, ...others] = tills as [ProcessTill, ...ProcessTill[]];
    const proxy = proxies[0]!;
    const first = await sellTogether(tills, offer, 1);
    await waitShopSettled(tills);

    proxy.setCut(true);
    // Confirmed while cut off: the till tries to push them and to take the lock, and finds the server gone.
    const waiting = [await cut.sell(offer), await cut.sell(offer), await cut.sell(offer)];
    await waitUntil(async () => (await cut.status()).shared === 'unreachable', 'the cut till says unreachable');
    const meanwhile = await sellTogether(others, offer, 2);
    await waitShopSettled(others);
    // Without the lock it sends nothing: its sales are confirmed and wait, and it still says why.
    const cutSales = await cut.sales();
    expect(waiting.map((w) => cutSales.find((s) => s.id === w.id)!.state)).toEqual(['QUEUED', 'QUEUED', 'QUEUED']);
    expect(sim.control.orders()).toHaveLength(first.length + meanwhile.length);
    const status = await cut.status();
    expect(status.shared).toBe('unreachable');
    expect(status.unpushed).toBeGreaterThan(0);

    proxy.setCut(false);
    await waitShopSettled(tills);
    expect((await cut.status()).shared).toBe('reachable');
    expect(sim.control.orders()).toHaveLength(first.length + meanwhile.length + waiting.length);
    expect(await shopViolations(server.url, sim, tills, first.length + meanwhile.length + waiting.length)).toEqual([]);
  }, 150_000);
});

/** Backend pids of the sessions holding a sender lock (advisory lock, the sender namespace). */
async function senderLockHolders(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1 AND objsubid = 2", [
      LOCK_NAMESPACE.sender,
    ]);
    return rows.rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}
