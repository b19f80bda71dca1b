import { afterEach, describe, expect, it } from 'vitest';
import type { CommandHandlers } from '../../shared/contract';
import type { Sale } from '../../shared/domain';
import type { RunningSimulator } from '../../simulator';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createSharedPool } from '../../electron/core/shared-ledger/pool';
import { OrderClaims } from '../../electron/core/shared-ledger/order-claims';
import { storedCandidates } from '../../electron/core/sales/review-candidates';
import { pgServersDisposedAfterEach } from './helpers/pg-server';
import { pushed, today } from './helpers/shop-sales';
import { psnOffer, startHarness, TEST_KEY, until, waitForSale, type Harness } from './helpers/core-harness';

/**
 * A sale flagged for review (NEEDS_REVIEW: its answer was lost and several provider orders could
 * be its own) used to stay so for good, and kept its shift from closing. The owner now lists the
 * candidates, gives the sale one (claimed shop-wide, then read for its codes), or says none is its
 * order (cancelled, its price owed back). Nothing is bought again either way.
 */
const startServer = pgServersDisposedAfterEach();
const tills: Harness[] = [];
afterEach(async () => {
  // A second till borrows the first one's simulator: close it last.
  for (const t of tills.splice(0).reverse()) await t.close();
});

type Offer = Awaited<ReturnType<typeof psnOffer>>;

/** Orders of one PSN card placed behind the till's back (another till, the provider's site). */
function ordersElsewhere(sim: RunningSimulator, offer: Offer, n: number): string[] {
  return Array.from({ length: n }, () => sim.control.placeOrderDirect({ productId: offer.productId, typeId: offer.typeId, quantity: 1 }).id);
}

/** A one-card sale whose placeOrder answer is lost after the order was made: with other orders alike about, it goes to review. */
async function saleInReview(h: CommandHandlers, sim: RunningSimulator, offer: Offer): Promise<{ sale: Sale; ownOrder: string }> {
  const before = new Set(sim.control.orders().map((o) => o.id));
  sim.control.addFault({ endpoint: 'placeOrder', kind: 'drop-after' });
  const confirmed = await h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
  const sale = await waitForSale(h, confirmed.id, (s) => ['NEEDS_REVIEW', 'FULFILLED', 'REJECTED'].includes(s.state));
  expect(sale.state).toBe('NEEDS_REVIEW');
  const ownOrder = sim.control.orders().find((o) => !before.has(o.id));
  if (!ownOrder) throw new Error('the lost answer made no order');
  return { sale, ownOrder: ownOrder.id };
}

async function oneTill() {
  const t = await startHarness();
  tills.push(t);
  const offer = await psnOffer(t.h);
  return { t, offer };
}

/** Two tills of one shop on one key and one simulator, sharing a real PostgreSQL server. */
async function shopOfTwo() {
  const server = await startServer();
  const a = await startHarness({ sharedLedgerUrl: server.url });
  tills.push(a);
  const b = await startHarness({ sharedLedgerUrl: server.url, sharedSim: a.sim });
  tills.push(b);
  const offer = await psnOffer(a.h);
  return { server, a, b, offer };
}

describe('a sale flagged for review, at a till alone', () => {
  it('lists its candidates without their codes, gives the sale the one the owner picks, and delivers its codes', async () => {
    const { t, offer } = await oneTill();
    const elsewhere = ordersElsewhere(t.sim, offer, 2);
    const { sale, ownOrder } = await saleInReview(t.h, t.sim, offer);

    const review = await t.h['sales:reviewCandidates']({ saleId: sale.id });
    expect(review.candidates.map((c) => c.orderId).sort()).toEqual([...elsewhere, ownOrder].sort());
    expect(review.candidates.every((c) => c.owner === 'free' && c.provider?.quantity === 1)).toBe(true);
    // The candidates' codes stay in the main process: none appears in what the screen receives.
    await until(() => t.sim.control.orders().every((o) => o.cards.length > 0), 'every order delivered at the provider');
    const codes = t.sim.control.orders().flatMap((o) => o.cards.map((c) => c.value));
    expect(codes.length === 3 && codes.every((code) => typeof code === 'string' && code.length >= 8)).toBe(true);
    const sent = JSON.stringify(await t.h['sales:reviewCandidates']({ saleId: sale.id }));
    expect(codes.filter((code) => sent.includes(code))).toEqual([]);

    await expect(t.h['sales:adoptCandidate']({ saleId: sale.id, orderId: 'not-one-of-them' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { reason: 'NOT_A_CANDIDATE' },
    });
    const placed = await t.h['sales:adoptCandidate']({ saleId: sale.id, orderId: ownOrder });
    expect(placed.state).toBe('PLACED');
    const done = await waitForSale(t.h, sale.id, (s) => s.state === 'FULFILLED');
    expect(done.orderId).toBe(ownOrder);
    expect(done.reason).toBeNull();
    const cards = (await t.h['sales:reveal']({ saleId: sale.id })).map((c) => c.code);
    expect(cards).toHaveLength(1);
    expect(cards).toEqual(
      t.sim.control
        .orders()
        .find((o) => o.id === ownOrder)!
        .cards.map((c) => c.value),
    );
    // Nothing was bought again: the two orders from elsewhere and the sale's own.
    expect(t.sim.control.orders()).toHaveLength(3);
    expect((await t.h['sales:timeline']({ saleId: sale.id })).map((e) => e.kind)).toContain('review-adopted');

    // Decided: a second decision, from another screen, is refused and changes nothing.
    await expect(t.h['sales:reviewCandidates']({ saleId: sale.id })).rejects.toMatchObject({ details: { reason: 'NOT_IN_REVIEW' } });
    await expect(t.h['sales:adoptCandidate']({ saleId: sale.id, orderId: elsewhere[0]! })).rejects.toMatchObject({ details: { reason: 'NOT_IN_REVIEW' } });
    await expect(t.h['sales:dismissReview']({ saleId: sale.id })).rejects.toMatchObject({ details: { reason: 'NOT_IN_REVIEW' } });
    expect((await t.h['sales:get']({ saleId: sale.id })).state).toBe('FULFILLED');
  });

  it('none of them: the sale is cancelled, its whole price owed back, and the shift can close', async () => {
    const { t, offer } = await oneTill();
    ordersElsewhere(t.sim, offer, 1);
    const { sale } = await saleInReview(t.h, t.sim, offer);
    // Flagged, the sale keeps the money unknown: the count is refused.
    await expect(t.h['shift:count']({ countedCashC: sale.totalRetailC })).rejects.toMatchObject({ code: 'INVALID_STATE' });

    const cancelled = await t.h['sales:dismissReview']({ saleId: sale.id });
    expect(cancelled.state).toBe('CANCELLED');
    expect(cancelled.refundDueC).toBe(sale.totalRetailC);
    expect((await t.h['sales:timeline']({ saleId: sale.id })).map((e) => e.kind)).toContain('review-none');
    await t.h['sales:confirmRefund']({ saleId: sale.id, amountC: sale.totalRetailC });
    await t.h['shift:count']({ countedCashC: 0 });
    const report = await t.h['shift:close']({ countedCashC: 0 });
    expect(report.differenceC).toBe(0);
    expect(t.sim.control.orders()).toHaveLength(2);
  });

  it('an order another sale owns can no longer be chosen', async () => {
    const { t, offer } = await oneTill();
    ordersElsewhere(t.sim, offer, 1);
    const first = await saleInReview(t.h, t.sim, offer);
    // The second lost answer finds the first sale's order among its candidates too.
    const second = await saleInReview(t.h, t.sim, offer);
    await t.h['sales:adoptCandidate']({ saleId: first.sale.id, orderId: first.ownOrder });

    const review = await t.h['sales:reviewCandidates']({ saleId: second.sale.id });
    expect(review.candidates.find((c) => c.orderId === first.ownOrder)?.owner).toBe('taken');
    expect(review.candidates.find((c) => c.orderId === second.ownOrder)?.owner).toBe('free');
    await expect(t.h['sales:adoptCandidate']({ saleId: second.sale.id, orderId: first.ownOrder })).rejects.toMatchObject({
      details: { reason: 'ORDER_TAKEN' },
    });
    await t.h['sales:adoptCandidate']({ saleId: second.sale.id, orderId: second.ownOrder });
    await waitForSale(t.h, second.sale.id, (s) => s.state === 'FULFILLED');
    await waitForSale(t.h, first.sale.id, (s) => s.state === 'FULFILLED');
  });

  it('decisions sent at once from several screens: exactly one lands', async () => {
    const { t, offer } = await oneTill();
    const elsewhere = ordersElsewhere(t.sim, offer, 2);
    const { sale, ownOrder } = await saleInReview(t.h, t.sim, offer);
    const results = await Promise.allSettled([
      t.h['sales:adoptCandidate']({ saleId: sale.id, orderId: ownOrder }),
      t.h['sales:adoptCandidate']({ saleId: sale.id, orderId: elsewhere[0]! }),
      t.h['sales:dismissReview']({ saleId: sale.id }),
      t.h['sales:adoptCandidate']({ saleId: sale.id, orderId: elsewhere[1]! }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ details: { reason: 'NOT_IN_REVIEW' } });
    const after = await t.h['sales:get']({ saleId: sale.id });
    expect(after.orderId).toBe(ownOrder);
  });

  it("the day's reconciliation leaves a flagged sale's candidates to the owner's review", async () => {
    const { t, offer } = await oneTill();
    const [elsewhere] = ordersElsewhere(t.sim, offer, 1);
    const { sale, ownOrder } = await saleInReview(t.h, t.sim, offer);
    const [unrelated] = ordersElsewhere(t.sim, offer, 1); // placed after the review: no candidate
    const report = await t.h['reconcile:day']({ day: today(), adopt: true });
    const byId = new Map(report.missingInLedger.map((o) => [o.orderId, o]));
    for (const id of [elsewhere!, ownOrder]) expect(byId.get(id)).toMatchObject({ adoptedSaleId: null, reviewSaleId: sale.id });
    expect(byId.get(unrelated!)?.adoptedSaleId).toEqual(expect.any(Number));
    // Both candidates are still free for the sale: the owner gives it its own.
    const review = await t.h['sales:reviewCandidates']({ saleId: sale.id });
    expect(
      review.candidates
        .filter((c) => c.owner === 'free')
        .map((c) => c.orderId)
        .sort(),
    ).toEqual([elsewhere!, ownOrder].sort());
    await t.h['sales:adoptCandidate']({ saleId: sale.id, orderId: ownOrder });
    await waitForSale(t.h, sale.id, (s) => s.state === 'FULFILLED');
  });

  it("a sale made with another key than today's is not given an order this key cannot read", async () => {
    const other = 'other-key-0123456789';
    const keys = {
      [TEST_KEY]: { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213555000111' },
      [other]: { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213555000222' },
    } as const;
    const options: Parameters<typeof startHarness>[0] = { sim: { keys } };
    const t = await startHarness(options);
    tills.push(t);
    const offer = await psnOffer(t.h);
    ordersElsewhere(t.sim, offer, 1);
    const { sale, ownOrder } = await saleInReview(t.h, t.sim, offer);
    options.envApiKey = other;
    await t.restart();
    const review = await t.h['sales:reviewCandidates']({ saleId: sale.id });
    expect(review.candidates.every((c) => c.provider === null)).toBe(true);
    await expect(t.h['sales:adoptCandidate']({ saleId: sale.id, orderId: ownOrder })).rejects.toMatchObject({ details: { reason: 'OTHER_KEY' } });
    expect((await t.h['sales:get']({ saleId: sale.id })).state).toBe('NEEDS_REVIEW');
  });

  it('a cashier cannot decide for the owner, nor read the candidates', async () => {
    const { t, offer } = await oneTill();
    ordersElsewhere(t.sim, offer, 1);
    const { sale, ownOrder } = await saleInReview(t.h, t.sim, offer);
    const cashier = await t.h['staff:add']({ name: 'Amine', role: 'cashier', pin: '4826' });
    await t.h['session:logout']({});
    await t.h['session:login']({ cashierId: cashier.id, pin: '4826' });
    await expect(t.h['sales:reviewCandidates']({ saleId: sale.id })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(t.h['sales:adoptCandidate']({ saleId: sale.id, orderId: ownOrder })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(t.h['sales:dismissReview']({ saleId: sale.id })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await t.h['session:logout']({});
    expect((await t.h['session:get']({})).cashier).toBeNull();
    await expect(t.h['sales:dismissReview']({ saleId: sale.id })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it("a flagged sale whose list cannot be read keeps the day's reconciliation from adopting anything", async () => {
    const { t, offer } = await oneTill();
    const [elsewhere] = ordersElsewhere(t.sim, offer, 1);
    const { ownOrder } = await saleInReview(t.h, t.sim, offer);
    const db = new Database(path.join(t.dataDir, 'ledger.sqlite'));
    try {
      db.prepare("UPDATE sales SET candidates = 'not a list' WHERE state = 'NEEDS_REVIEW'").run();
    } finally {
      db.close();
    }
    const report = await t.h['reconcile:day']({ day: today(), adopt: true });
    expect(report.adoptionWaiting).toBe(true);
    expect(report.missingInLedger.map((o) => [o.orderId, o.adoptedSaleId]).sort()).toEqual(
      [
        [elsewhere!, null],
        [ownOrder, null],
      ].sort(),
    );
  });

  it('a candidate list read back from a tampered ledger is refused, never half used', () => {
    // Whatever id the provider gives (its parsers take 1 to 200 characters) is read back as it was stored.
    const long = 'x'.repeat(200);
    expect(storedCandidates({ id: 1, candidates: JSON.stringify(['a1', 'b_2', 'TOP-UP:2026/11#7', long]) })).toEqual(['a1', 'b_2', 'TOP-UP:2026/11#7', long]);
    for (const candidates of [
      '{"a":1}',
      '["a\\u0000b"]',
      '[""]',
      JSON.stringify([`${long}y`]),
      '[1,2]',
      'not json',
      JSON.stringify(Array.from({ length: 201 }, (_, i) => `o${i}`)),
    ]) {
      expect(() => storedCandidates({ id: 1, candidates })).toThrow(/cannot be read/);
    }
  });
});

describe('a sale flagged for review, at a shop of two tills', () => {
  it("one till's decision is the shop's: an order claimed at one till cannot be given to the other's sale", async () => {
    const { server, a, b, offer } = await shopOfTwo();
    const [stray] = ordersElsewhere(a.sim, offer, 1);
    const atA = await saleInReview(a.h, a.sim, offer);
    const atB = await saleInReview(b.h, a.sim, offer);
    // Till B's lost answer sees till A's order too: nobody owns it yet.
    expect(JSON.parse(JSON.stringify((await b.h['sales:reviewCandidates']({ saleId: atB.sale.id })).candidates.map((c) => c.orderId))).sort()).toEqual(
      [stray, atA.ownOrder, atB.ownOrder].sort(),
    );

    await a.h['sales:adoptCandidate']({ saleId: atA.sale.id, orderId: atA.ownOrder });
    const seenAtB = await b.h['sales:reviewCandidates']({ saleId: atB.sale.id });
    expect(seenAtB.candidates.find((c) => c.orderId === atA.ownOrder)?.owner).toBe('taken');
    await expect(b.h['sales:adoptCandidate']({ saleId: atB.sale.id, orderId: atA.ownOrder })).rejects.toMatchObject({
      details: { reason: 'ORDER_TAKEN' },
    });

    // With the shop's server down nobody can say what is free: nothing is chosen, the sale waits.
    await server.stop();
    const blind = await b.h['sales:reviewCandidates']({ saleId: atB.sale.id });
    expect(blind.candidates.every((c) => c.owner === 'unknown')).toBe(true);
    await expect(b.h['sales:adoptCandidate']({ saleId: atB.sale.id, orderId: atB.ownOrder })).rejects.toMatchObject({
      code: 'SHOP_UNREACHABLE',
    });
    expect((await b.h['sales:get']({ saleId: atB.sale.id })).state).toBe('NEEDS_REVIEW');
    await server.start();

    // Two screens of till B at once, two different orders: one lands, the other leaves no claim behind.
    const results = await Promise.allSettled([
      b.h['sales:adoptCandidate']({ saleId: atB.sale.id, orderId: atB.ownOrder }),
      b.h['sales:adoptCandidate']({ saleId: atB.sale.id, orderId: stray! }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const doneB = await waitForSale(b.h, atB.sale.id, (s) => s.state === 'FULFILLED');
    await waitForSale(a.h, atA.sale.id, (s) => s.state === 'FULFILLED');
    await Promise.all([pushed(a), pushed(b)]);

    const pool = createSharedPool({ url: server.url });
    try {
      const owners = (await pool.query<{ order_id: string }>('SELECT order_id FROM order_owners ORDER BY order_id')).rows.map((r) => r.order_id);
      const chosenByB = doneB.orderId!;
      expect(owners.sort()).toEqual([atA.ownOrder, chosenByB].sort());
      // The order nobody chose stays free for the shop's reconciliation to show.
      const free = [stray!, atB.ownOrder].filter((id) => id !== chosenByB);
      expect(owners).not.toContain(free[0]);
    } finally {
      await pool.end();
    }
    await until(async () => (await a.h['sales:get']({ saleId: atA.sale.id })).state === 'FULFILLED', 'till A delivered');
  });
});

describe('a flagged sale at one till, the rest of the shop', () => {
  it("another till's reconciliation leaves its candidates to its review, naming the till", async () => {
    const { a, b, offer } = await shopOfTwo();
    const [stray] = ordersElsewhere(a.sim, offer, 1);
    const atA = await saleInReview(a.h, a.sim, offer);
    await Promise.all([pushed(a), pushed(b)]);
    const tillA = (await a.h['app:status']({})).till;

    const report = await b.h['reconcile:day']({ day: today(), adopt: true });
    for (const id of [stray!, atA.ownOrder]) {
      expect(report.missingInLedger.find((o) => o.orderId === id)).toMatchObject({
        adoptedSaleId: null,
        reviewSaleId: atA.sale.id,
        reviewTill: { id: tillA.id, name: tillA.name },
      });
    }
    // Till A's owner still gives the sale its own order, the customer's card.
    await a.h['sales:adoptCandidate']({ saleId: atA.sale.id, orderId: atA.ownOrder });
    await waitForSale(a.h, atA.sale.id, (s) => s.state === 'FULFILLED');
  });

  it("another till's lost answer never adopts a flagged sale's candidate alone: it goes to review too", async () => {
    const { server, a, b, offer } = await shopOfTwo();
    const [stray] = ordersElsewhere(a.sim, offer, 1);
    const atA = await saleInReview(a.h, a.sim, offer);
    await pushed(a);
    // The stray order turns out to be some sale's (claimed elsewhere): till A's own order is the
    // one candidate left that nobody owns.
    const pool = createSharedPool({ url: server.url });
    try {
      const tillA = (await a.h['app:status']({})).till.id;
      expect(await new OrderClaims(pool).claimOrder({ orderId: stray!, tillId: tillA, saleId: 999, line: 'gift-cards' })).toBe('claimed');
    } finally {
      await pool.end();
    }
    // Till B's order is not created (500 before anything), its answer lost: only till A's own order fits.
    b.sim.control.addFault({ endpoint: 'placeOrder', kind: 'error-500' });
    const confirmed = await b.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    const atB = await waitForSale(b.h, confirmed.id, (s) => ['NEEDS_REVIEW', 'FULFILLED', 'REJECTED'].includes(s.state));
    expect(atB.state).toBe('NEEDS_REVIEW');
    const review = await b.h['sales:reviewCandidates']({ saleId: atB.id });
    expect(b.sim.control.orders()).toHaveLength(2); // nothing bought for B, nothing twice
    expect(review.candidates.map((c) => c.orderId)).toEqual([atA.ownOrder]);
    // Till A's sale still has its order to take.
    await a.h['sales:adoptCandidate']({ saleId: atA.sale.id, orderId: atA.ownOrder });
    await waitForSale(a.h, atA.sale.id, (s) => s.state === 'FULFILLED');
  });

  it('a claim left by a decision cut short is shown, and is the only decision left', async () => {
    const { server, a, offer } = await shopOfTwo();
    const [stray] = ordersElsewhere(a.sim, offer, 1);
    const { sale, ownOrder } = await saleInReview(a.h, a.sim, offer);
    await pushed(a);
    const pool = createSharedPool({ url: server.url });
    try {
      const tillId = (await a.h['app:status']({})).till.id;
      // The adoption's first half (its claim), then the till stops before its move.
      expect(await new OrderClaims(pool).claimOrder({ orderId: ownOrder, tillId, saleId: sale.id, line: 'gift-cards' })).toBe('claimed');
      await a.restart();

      const review = await a.h['sales:reviewCandidates']({ saleId: sale.id });
      expect(review.candidates.map((c) => [c.orderId, c.owner]).sort()).toEqual(
        [
          [ownOrder, 'this-sale'],
          [stray!, 'free'],
        ].sort(),
      );
      await expect(a.h['sales:dismissReview']({ saleId: sale.id })).rejects.toMatchObject({ details: { reason: 'HELD_FOR_SALE', orderId: ownOrder } });
      await expect(a.h['sales:adoptCandidate']({ saleId: sale.id, orderId: stray! })).rejects.toMatchObject({ details: { reason: 'HELD_FOR_SALE' } });
      await a.h['sales:adoptCandidate']({ saleId: sale.id, orderId: ownOrder });
      const done = await waitForSale(a.h, sale.id, (s) => s.state === 'FULFILLED');
      expect(done.orderId).toBe(ownOrder);
      const owners = (await pool.query<{ order_id: string; sale_id: string }>('SELECT order_id, sale_id::text FROM order_owners')).rows;
      expect(owners).toEqual([{ order_id: ownOrder, sale_id: String(sale.id) }]);
    } finally {
      await pool.end();
    }
  });
});
