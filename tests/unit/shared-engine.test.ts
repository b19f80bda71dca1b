import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleRow } from '../../electron/core/ledger/ledger';
import { reconcileDay } from '../../electron/core/reports/reconcile-day';
import type { Emit } from '../../electron/core/platform/event-bus';
import type { SenderGuard } from '../../electron/core/sales/sender-guard';
import { SharedSenderGuard } from '../../electron/core/shared-ledger/shared-sender-guard';
import type { KeySession } from '../../electron/core/provider/key-session';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { TEST_KEY, until } from './helpers/core-harness';
import { connectionEnded, poolFailing } from './helpers/faulty-pool';
import { FINAL_STATES, giftCardOffer, openEngineTill, SHARED_KEY_ID, type EngineTill } from './helpers/engine-till';
import { pgServersDisposedAfterEach } from './helpers/pg-server';
import { SharedTills, type SharedTill } from './helpers/shared-tills';

/**
 * Issue 12 in one process: several tills (each its own SQLite ledger, engine and till id) sell with
 * one API key against one simulator, sharing one PostgreSQL server through SharedSenderGuard. Lost
 * answers must still give one provider order per sale, no order may be owned by two sales, and a
 * till recovering or reconciling must never take another till's order.
 */
const startServer = pgServersDisposedAfterEach();
let sim: RunningSimulator | null = null;
let shared: SharedTills | null = null;
const open: EngineTill[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
  await shared?.end();
  shared = null;
  await sim?.close();
  sim = null;
});

/** Counts what the guard answered: how a test sees a till waiting on the shared ledger without a fixed sleep. */
class CountingGuard implements SenderGuard {
  unreachableTurns = 0;
  constructor(readonly inner: SenderGuard) {}
  get lost() {
    return this.inner.lost;
  }
  get reachable() {
    return this.inner.reachable;
  }
  async acquire(keyId: string) {
    const turn = await this.inner.acquire(keyId);
    if (!turn.held && turn.reason === 'unreachable') this.unreachableTurns++;
    return turn;
  }
  release() {
    return this.inner.release();
  }
  claim(orderId: string, saleId: number, line: string) {
    return this.inner.claim(orderId, saleId, line);
  }
  owned(orderIds: readonly string[], exceptSaleId?: number) {
    return this.inner.owned(orderIds, exceptSaleId);
  }
  flaggedElsewhere() {
    return this.inner.flaggedElsewhere();
  }
}

async function shop(
  nTills: number,
  o: { unreachableRetryMs?: number; poolOf?: (t: SharedTill, i: number) => pg.Pool; emitOf?: (i: number) => Emit | undefined } = {},
) {
  sim = await startSimulator({ handlingMs: 50, keys: { [TEST_KEY]: { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213555000111' } } });
  shared = new SharedTills(await startServer());
  const ids = await shared.register(nTills);
  const guards: CountingGuard[] = [];
  const lockWaits: number[] = [];
  const tills = ids.map((t: SharedTill, i) => {
    const till = openEngineTill({
      name: `till${i + 1}`,
      simUrl: sim!.url,
      emit: o.emitOf?.(i),
      guard: () => {
        const g = new CountingGuard(
          new SharedSenderGuard(o.poolOf?.(t, i) ?? t.pool, t.tillId, {
            maxWaitMs: 500,
            unreachableRetryMs: o.unreachableRetryMs ?? 100,
            onWait: (ms) => lockWaits.push(ms),
          }),
        );
        guards.push(g);
        return g;
      },
    });
    open.push(till);
    return till;
  });
  const offer = await giftCardOffer(sim.url);
  return { sim, shared, ids, tills, guards, offer, lockWaits };
}

const isFinal = (r: SaleRow) => FINAL_STATES.includes(r.state);

async function allFinal(tills: EngineTill[], timeoutMs = 30_000): Promise<void> {
  await until(() => tills.every((t) => t.sales().every(isFinal)), 'every sale of every till final', timeoutMs);
}

/** Every order id of every till's sales, and the owners the shared ledger recorded. */
async function ownership(s: SharedTills, tills: EngineTill[], ids: SharedTill[]) {
  const local = tills.flatMap((t, i) => t.sales().map((r) => ({ tillId: ids[i]!.tillId, saleId: r.id, orderId: r.order_id, state: r.state })));
  const pool = s.pool(1);
  const owners = (await pool.query<{ order_id: string; till_id: string; sale_id: string }>('SELECT order_id, till_id, sale_id FROM order_owners')).rows;
  return { local, owners: owners.map((r) => ({ orderId: r.order_id, tillId: r.till_id, saleId: Number(r.sale_id) })) };
}

describe('tills sharing one key through the shared ledger', () => {
  it('three tills selling the same gift card at once with lost answers: one provider order per sale, each owned by its sale', async () => {
    const { sim, shared, ids, tills, offer, lockWaits } = await shop(3);
    // Lost answers on the order endpoint, whichever till meets them: the order exists, the till does not know.
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'drop-after', times: 3 });
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'error-500-after', times: 3 });
    const perTill = 4;
    for (let n = 0; n < perTill; n++) for (const t of tills) t.sell(offer);
    await allFinal(tills);

    const orders = sim.control.orders();
    const { local, owners } = await ownership(shared, tills, ids);
    expect(local).toHaveLength(3 * perTill);
    expect(local.map((s) => s.state)).toEqual(local.map(() => 'FULFILLED'));
    // One provider order per sale: as many orders as sales, each sale's a different one, all at the provider.
    expect(orders).toHaveLength(local.length);
    const orderIds = local.map((s) => s.orderId);
    expect(new Set(orderIds).size).toBe(local.length);
    expect(new Set(orderIds)).toEqual(new Set(orders.map((o) => o.id)));
    // No order owned by two sales: the shared ledger names, for each, the very sale that holds it.
    expect(owners.map((o) => `${o.orderId}>${o.tillId}#${o.saleId}`).sort()).toEqual(local.map((s) => `${s.orderId}>${s.tillId}#${s.saleId}`).sort());
    // The faults were met (the scenario really lost answers).
    const recovered = tills.flatMap((t) => t.sales().filter((r) => t.events(r.id).includes('reconciled-found')));
    expect(recovered.length).toBeGreaterThan(0);
    const sorted = [...lockWaits].sort((x, y) => x - y);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
    console.log(`3 tills, ${local.length} sales: ${sorted.length} lock waits, p95 ${p95.toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`);
  });

  it("a till recovering a lost send never adopts another till's order (which a lone till would have taken)", async () => {
    const { sim, tills, offer } = await shop(2);
    const [a, b] = tills as [EngineTill, EngineTill];
    const bSale = b.sell(offer);
    await until(() => isFinal(b.sale(bSale.id)), "till 2's sale done");
    const bOrder = b.sale(bSale.id).order_id;

    // A send dies before the provider processes it: no order of its own exists, only till 2's order
    // matches (same product, type, quantity, time). A till without the shared ledger adopts it.
    const lone = openEngineTill({ name: 'lone', simUrl: sim.url });
    open.push(lone);
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'drop-before' });
    const loneSale = lone.sell(offer);
    await until(() => lone.sale(loneSale.id).order_id !== null || isFinal(lone.sale(loneSale.id)), 'the lone till concludes');
    expect(lone.sale(loneSale.id).order_id).toBe(bOrder);
    expect(sim.control.orders()).toHaveLength(1);

    // Till 1 of the shop: locally unknown, till 2's order is owned in the shared ledger, so it is no candidate.
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'drop-before' });
    const aSale = a.sell(offer);
    await until(() => isFinal(a.sale(aSale.id)), "till 1's sale done");
    expect(a.events(aSale.id)).toContain('outcome-unknown');
    expect(a.events(aSale.id)).toContain('reconciled-not-created');
    expect(a.sale(aSale.id).state).toBe('FULFILLED');
    expect(a.sale(aSale.id).order_id).not.toBe(bOrder);
    expect(sim.control.orders()).toHaveLength(2);
  });

  it('the reconciliation of the day skips orders another till owns and claims before adopting; unreachable, it adopts nothing', async () => {
    const { sim, shared, ids, tills, offer, guards } = await shop(2);
    const [a, b] = tills as [EngineTill, EngineTill];
    const bSale = b.sell(offer);
    await until(() => isFinal(b.sale(bSale.id)), "till 2's sale done");
    const bOrder = b.sale(bSale.id).order_id!;
    const day = new Date().toISOString().slice(0, 10);
    const deps = (till: EngineTill, guard: SenderGuard) => ({
      ledger: till.ledger,
      lines: till.lines,
      catalog: { productTitle: () => offer.title, typeName: () => offer.typeName },
      keySession: () => ({ client: till.client, effectiveMode: 'sandbox', keyId: SHARED_KEY_ID }) as unknown as KeySession,
      moves: { changed: () => undefined },
      kickEngine: () => till.engine.kick(),
      guard,
    });

    // An order no sale holds (bought behind the tills' backs): with the server down, nothing is adopted.
    const stray = sim.control.placeOrderDirect({ productId: offer.productId, typeId: offer.typeId, quantity: 1 });
    await shared.server.stop();
    const waiting = await reconcileDay(deps(a, guards[0]!), day, true);
    expect(waiting.adoptionWaiting).toBe(true);
    expect(waiting.missingInLedger.every((m) => m.adoptedSaleId === null)).toBe(true);
    expect(a.sales()).toHaveLength(0);
    await shared.server.start();

    const report = await reconcileDay(deps(a, guards[0]!), day, true);
    // Till 2's order is its sale: neither missing at till 1 nor adopted there. The stray one is adopted, claimed first.
    expect(report.missingInLedger.map((m) => m.orderId)).toEqual([stray.id]);
    expect(report.adoptionWaiting).toBeUndefined();
    const adopted = a.sales();
    expect(adopted.map((r) => r.order_id)).toEqual([stray.id]);
    expect(adopted[0]!.id).toBe(report.missingInLedger[0]!.adoptedSaleId);
    const { owners } = await ownership(shared, tills, ids);
    expect(owners).toContainEqual({ orderId: stray.id, tillId: ids[0]!.tillId, saleId: adopted[0]!.id });
    expect(owners).toContainEqual({ orderId: bOrder, tillId: ids[1]!.tillId, saleId: bSale.id });

    // Till 2 reconciling now finds nothing missing: both orders are owned.
    const fromB = await reconcileDay(deps(b, guards[1]!), day, true);
    expect(fromB.missingInLedger).toEqual([]);
    expect(b.sales()).toHaveLength(1);
  });

  it('sales wait while the shared ledger is down (nothing sent, nothing adopted), then go once it is back', async () => {
    const { sim, shared, ids, tills, guards, offer } = await shop(2);
    const [a, b] = tills as [EngineTill, EngineTill];
    // Till 1's answer is lost and its recovery cannot read the list yet: it keeps the key, unknown.
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'drop-after' });
    sim.control.addFault({ endpoint: 'list', kind: 'error-500', times: Infinity });
    const lost = a.sell(offer);
    await until(() => a.sale(lost.id).state === 'UNKNOWN', "till 1's sale unknown");
    await shared.server.stop();
    sim.control.clearFaults();
    const queuedA = a.sell(offer);
    const queuedB = b.sell(offer);
    // Both tills meet the unreachable server several times over; meanwhile nothing moves.
    await until(() => guards.every((g) => g.unreachableTurns >= 3), 'both tills waiting on the shared ledger');
    expect(a.sale(lost.id).state).toBe('UNKNOWN');
    expect(a.sale(queuedA.id).state).toBe('QUEUED');
    expect(b.sale(queuedB.id).state).toBe('QUEUED');
    expect(sim.control.orders()).toHaveLength(1); // only the lost one, created before the stop
    expect(guards.every((g) => !g.reachable)).toBe(true);

    await shared.server.start();
    await allFinal(tills);
    const orders = sim.control.orders();
    expect(orders).toHaveLength(3);
    expect(a.sale(lost.id).order_id).toBe(orders[0]!.id); // the lost answer's own order, adopted after its claim
    const { local, owners } = await ownership(shared, tills, ids);
    expect(local.every((s) => s.state === 'FULFILLED')).toBe(true);
    expect(owners).toHaveLength(3);
    expect(new Set(owners.map((o) => o.orderId))).toEqual(new Set(orders.map((o) => o.id)));
  });

  it('a till whose mark could not be removed when it gave the key back removes it at its next step, idle or not: the other tills are not held back', async () => {
    let poolOfA: ReturnType<typeof poolFailing> | null = null;
    const { shared, tills, offer } = await shop(2, {
      poolOf: (t, i) =>
        i === 0
          ? (poolOfA = poolFailing(t.pool, { when: /DELETE FROM sender_marks/, afterSeen: /INSERT INTO sender_marks/, times: 1, error: connectionEnded }))
          : t.pool,
    });
    const [a, b] = tills as [EngineTill, EngineTill];
    // Till 1 sells once; as it gives the key back, the server cannot be asked to remove its mark.
    const first = a.sell(offer);
    await allFinal([a]);
    expect(a.sale(first.id).state).toBe('FULFILLED');
    expect(poolOfA!.failed).toBe(1);
    // Till 1 has nothing more to sell. Its mark goes all the same (its idle steps release again), so
    // till 2, which would honour a live till's mark for as long as it stands, sells.
    const observer = shared.pool(1);
    await until(async () => (await observer.query('SELECT 1 FROM sender_marks')).rowCount === 0, "till 1's mark removed");
    const second = b.sell(offer);
    await allFinal([b]);
    expect(b.sale(second.id).state).toBe('FULFILLED');
  });

  it('a step that throws after a sale went SENDING (a till error) leaves it unknown, recovered once, and gives the key back: the other till sells', async () => {
    let thrown = 0;
    const { sim, tills, offer } = await shop(2, {
      emitOf: (i) =>
        i === 0
          ? (name, payload) => {
              if (name === 'sales:changed' && (payload as { state?: string }).state === 'SENDING' && thrown === 0) {
                thrown++;
                throw new Error('a screen that could not be told');
              }
            }
          : undefined,
    });
    const [a, b] = tills as [EngineTill, EngineTill];
    const first = a.sell(offer);
    await until(() => thrown === 1, 'the step threw after the move');
    const second = b.sell(offer);
    await allFinal(tills);
    expect(a.sale(first.id).state).toBe('FULFILLED');
    expect(a.events(first.id)).toContain('send-interrupted');
    expect(b.sale(second.id).state).toBe('FULFILLED');
    expect(sim.control.orders()).toHaveLength(2);
  });
});
