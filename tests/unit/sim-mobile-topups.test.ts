import { describe, expect, it } from 'vitest';
import { TOPUP_NUMBERS, TRAINING_API_KEY, type RunningSimulator, type SimFaultSpec } from '../../simulator';
import { call, ctl, expectError, expectOk, ledger, manualClock, networkErrorCode } from './helpers/sim-api';
import { simulatorsClosedAfterEach } from './helpers/simulators';

/**
 * The simulator's mobile top-up line (/v3/mobile/*), over real HTTP, as the till's core will meet
 * it: the documented plans, send rules and errors, the status life on handlingMs, the scenario
 * numbers, the ref rules (duplicates, the rewritten ref), the list, the shared balance and ledger,
 * every fault kind and the control.
 */
const HANDLING_MS = 1000;
const start = simulatorsClosedAfterEach({ handlingMs: HANDLING_MS });
const N = TOPUP_NUMBERS.mobile;
const USERNAME = '+213550000000';

/** A simulator on a clock the test moves. */
async function startClocked(options: Parameters<typeof start>[0] = {}) {
  const clock = manualClock();
  const sim = await start({ now: clock.now, ...options });
  return { sim, clock };
}

const send = (sim: RunningSimulator, body: unknown, key?: string) => call(sim, '/v3/mobile/send', { body, ...(key ? { key } : {}) });
const byId = (sim: RunningSimulator, id: string) => call(sim, `/v3/mobile/check-id/${id}`);
const byRef = (sim: RunningSimulator, ref: string) => call(sim, `/v3/mobile/check-ref/${encodeURIComponent(ref)}`);
const djezzy500 = (ref?: string, number = '0778037340') => ({ plan_code: 'PREPAID_DJEZZY', MSSIDN: number, amount: 500, ...(ref ? { ref } : {}) });

describe('mobile plans', () => {
  it('lists the documented dynamic and fixed plans, GROS_MOBILIS without a cost', async () => {
    const sim = await start();
    const data = expectOk(await call(sim, '/v3/mobile/plans'));
    const dynamic = new Map<string, any>(data.dynamicPlans.map((p: any) => [p.code, p]));
    const fixed = new Map<string, any>(data.fixedPlans.map((p: any) => [p.code, p]));
    expect([...dynamic.keys()].sort()).toEqual(
      [
        'FACTURE_DJEZZY',
        'FACTURE_MOBILIS',
        'FACTURE_OOREDOO',
        'GETMENU_Mobilis',
        'GROS_MOBILIS',
        'PREPAID_DJEZZY',
        'PREPAID_MOBILIS',
        'PREPAID_OOREDOO',
      ].sort(),
    );
    expect([...fixed.keys()].sort()).toEqual(['MIX1000_OOREDOO', 'MIX500_MOBILIS', 'PIXX_500']);
    expect(dynamic.get('PREPAID_MOBILIS')).toEqual({
      code: 'PREPAID_MOBILIS',
      name: '📱 PREPAID | عادي',
      operator: 'Mobilis',
      cost: 0.96,
      isEnabled: true,
      min_amount: 40,
      max_amount: 3999,
    });
    expect(dynamic.get('PREPAID_DJEZZY')).toMatchObject({ operator: 'Djezzy', cost: 0.9925, min_amount: 100, max_amount: 10000 });
    expect(dynamic.get('PREPAID_OOREDOO')).toMatchObject({ operator: 'Ooredoo', cost: 0.97, min_amount: 50, max_amount: 5000 });
    for (const code of ['FACTURE_MOBILIS', 'FACTURE_DJEZZY', 'FACTURE_OOREDOO']) {
      expect(dynamic.get(code)).toMatchObject({ name: '📋 FACTURE | فاتورة', cost: 0.99, min_amount: 100, max_amount: 50000 });
    }
    expect(dynamic.get('GETMENU_Mobilis')).toMatchObject({ operator: 'Mobilis', cost: 0.98, min_amount: 50, max_amount: 5000 });
    expect(dynamic.get('GROS_MOBILIS')).toMatchObject({ operator: 'GMobilis', min_amount: 5000, max_amount: 300000 });
    expect(dynamic.get('GROS_MOBILIS')).not.toHaveProperty('cost');
    expect(fixed.get('PIXX_500')).toMatchObject({ operator: 'Pixx', cost: 0.97, amount: 500, isEnabled: true });
    expect(fixed.get('MIX500_MOBILIS')).toMatchObject({ operator: 'Mobilis', cost: 0.98, amount: 500, isEnabled: true });
    expect(fixed.get('MIX1000_OOREDOO')).toMatchObject({ operator: 'Ooredoo', cost: 0.98, amount: 1000, isEnabled: false });
    for (const p of data.fixedPlans) expect(p).not.toHaveProperty('min_amount');
    for (const p of data.dynamicPlans) expect(p).not.toHaveProperty('amount');
  });

  it('setPlanEnabled takes a plan out of (and back into) service, for this simulator only', async () => {
    const sim = await start();
    const other = await start();
    sim.control.setPlanEnabled('PREPAID_DJEZZY', false);
    const plan = (s: RunningSimulator) => call(s, '/v3/mobile/plans').then((r) => r.body.data.dynamicPlans.find((p: any) => p.code === 'PREPAID_DJEZZY'));
    expect((await plan(sim)).isEnabled).toBe(false);
    expect((await plan(other)).isEnabled).toBe(true);
    const err = expectError(await send(sim, djezzy500()), 400, 'ERR_VALIDATION');
    expect(err.message).toMatch(/temporarily disabled/);
    expect(err.details).toEqual({ field: 'plan_code', value: 'PREPAID_DJEZZY' });
    sim.control.setPlanEnabled('PREPAID_DJEZZY', true);
    expectOk(await send(sim, djezzy500()));
    expect(() => sim.control.setPlanEnabled('NOPE', true)).toThrow(/unknown plan/);
  });
});

describe('mobile send: life of a top-up', () => {
  it('answers {topupId, topupRef}, debits round(amount × cost), then PENDING, HANDLING, FULFILLED on handlingMs', async () => {
    const { sim, clock } = await startClocked();
    const sent = expectOk(await send(sim, djezzy500('order-12345')));
    expect(Object.keys(sent).sort()).toEqual(['topupId', 'topupRef']);
    expect(sent.topupId).toMatch(/^[0-9a-f]{24}$/);
    expect(sent.topupRef).toBe('order-12345');
    // 500 × 0.9925 = 496.25 DZD, at send.
    expect(sim.control.getBalance()).toBe(50000 - 496.25);

    const first = expectOk(await byId(sim, sent.topupId));
    expect(first).toEqual({
      _id: sent.topupId,
      ref: 'order-12345',
      status: 'PENDING',
      plan_code: 'PREPAID_DJEZZY',
      MSSIDN: '0778037340',
      topup_amount: 500,
      balance_amount: 496.25,
      created_at: clock.now().toISOString(),
    });
    clock.advance(HANDLING_MS / 2);
    expect(expectOk(await byRef(sim, 'order-12345')).status).toBe('HANDLING');
    clock.advance(HANDLING_MS / 2 - 1);
    expect(expectOk(await byId(sim, sent.topupId)).status).toBe('HANDLING');
    clock.advance(1);
    const done = expectOk(await byRef(sim, 'order-12345'));
    expect(done).toEqual({ ...first, status: 'FULFILLED' });
    expect(expectOk(await byId(sim, sent.topupId))).toEqual(done);
    expect(sim.control.getBalance()).toBe(50000 - 496.25);
  });

  it('a fixed plan ignores the amount sent and charges its own; GROS_MOBILIS (no cost) charges face value', async () => {
    const { sim, clock } = await startClocked({ balanceDzd: 100000 });
    const pixx = expectOk(await send(sim, { plan_code: 'PIXX_500', MSSIDN: '0556121212', amount: 'whatever' }));
    const mix = expectOk(await send(sim, { plan_code: 'MIX500_MOBILIS', MSSIDN: '0665983439' }));
    const gros = expectOk(await send(sim, { plan_code: 'GROS_MOBILIS', MSSIDN: '0665983439', amount: 10000 }));
    clock.advance(HANDLING_MS);
    expect(expectOk(await byId(sim, pixx.topupId))).toMatchObject({ topup_amount: 500, balance_amount: 485, status: 'FULFILLED' });
    expect(expectOk(await byId(sim, mix.topupId))).toMatchObject({ topup_amount: 500, balance_amount: 490 });
    expect(expectOk(await byId(sim, gros.topupId))).toMatchObject({ topup_amount: 10000, balance_amount: 10000 });
    expect(sim.control.getBalance()).toBe(100000 - 485 - 490 - 10000);
  });

  it('without a ref, the provider makes one (API-<username>-…), and check-ref finds the top-up by it', async () => {
    const sim = await start();
    const sent = expectOk(await send(sim, djezzy500()));
    expect(sent.topupRef).toMatch(/^API-\+213550000000-\d+-[0-9a-f]{6}$/);
    expect(expectOk(await byRef(sim, sent.topupRef))._id).toBe(sent.topupId);
    expect(sim.control.topups()).toMatchObject([{ line: 'mobile-topups', ref: null, topupRef: sent.topupRef }]);
  });

  it('a ref with + and / is found by check-ref once URL-encoded (and a raw + too)', async () => {
    const sim = await start();
    const ref = 'API-+213665983439-shop/1';
    const sent = expectOk(await send(sim, djezzy500(ref)));
    expect(expectOk(await byRef(sim, ref))._id).toBe(sent.topupId);
    const plain = expectOk(await send(sim, djezzy500('till+2')));
    expect(expectOk(await call(sim, '/v3/mobile/check-ref/till+2'))._id).toBe(plain.topupId);
  });

  it('raising handlingMs parks top-ups in flight, lowering it releases them', async () => {
    const { sim, clock } = await startClocked();
    sim.control.setConfig({ handlingMs: 3_600_000 });
    const sent = expectOk(await send(sim, djezzy500()));
    clock.advance(HANDLING_MS * 10);
    expect(expectOk(await byId(sim, sent.topupId)).status).toBe('PENDING');
    clock.advance(1_800_000);
    expect(expectOk(await byId(sim, sent.topupId)).status).toBe('HANDLING');
    sim.control.setConfig({ handlingMs: 0 });
    expect(expectOk(await byId(sim, sent.topupId)).status).toBe('FULFILLED');
  });

  it('check-id and check-ref answer 404 NOT_FOUND for what does not exist, or belongs to another key', async () => {
    const sim = await start({
      keys: {
        [TRAINING_API_KEY]: { type: 'SANDBOX', scope: 'READ-WRITE', username: USERNAME },
        other: { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213660000000' },
      },
    });
    expect(expectError(await byRef(sim, 'order-12345'), 404, 'NOT_FOUND').message).toBe("Top-up with reference 'order-12345' not found");
    expectError(await byId(sim, 'ffffffffffffffffffffffff'), 404, 'NOT_FOUND');
    const sent = expectOk(await send(sim, djezzy500('mine-1')));
    expectError(await call(sim, `/v3/mobile/check-id/${sent.topupId}`, { key: 'other' }), 404, 'NOT_FOUND');
    expectError(await call(sim, '/v3/mobile/check-ref/mine-1', { key: 'other' }), 404, 'NOT_FOUND');
    // Refs are per key: the other key may use the same one.
    expectOk(await send(sim, djezzy500('mine-1'), 'other'));
  });
});

describe('mobile send: what the provider refuses', () => {
  it('ERR_VALIDATION, with {field, value}, for every malformed body', async () => {
    const sim = await start();
    const cases: [unknown, string, unknown][] = [
      [{ MSSIDN: '0778037340', amount: 500 }, 'plan_code', undefined],
      [{ plan_code: 'PREPAID_DJEZZY', amount: 500 }, 'MSSIDN', undefined],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: 778037340, amount: 500 }, 'MSSIDN', 778037340],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '778037340', amount: 500 }, 'MSSIDN', '778037340'],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '+213778037340', amount: 500 }, 'MSSIDN', '+213778037340'],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778 037 340', amount: 500 }, 'MSSIDN', '0778 037 340'],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0878037340', amount: 500 }, 'MSSIDN', '0878037340'],
      [{ plan_code: 'NO_SUCH_PLAN', MSSIDN: '0778037340', amount: 500 }, 'plan_code', 'NO_SUCH_PLAN'],
      [{ plan_code: 'MIX1000_OOREDOO', MSSIDN: '0556121212' }, 'plan_code', 'MIX1000_OOREDOO'],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340' }, 'amount', undefined],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 500.5 }, 'amount', 500.5],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: '500' }, 'amount', '500'],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 99 }, 'amount', 99],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 10001 }, 'amount', 10001],
      [{ plan_code: 'PREPAID_MOBILIS', MSSIDN: '0665983439', amount: 4000 }, 'amount', 4000],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 500, ref: 7 }, 'ref', 7],
      [{ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 500, extra: 1 }, 'extra', undefined],
    ];
    for (const [body, field, value] of cases) {
      const err = expectError(await send(sim, body), 400, 'ERR_VALIDATION');
      expect(err.details, JSON.stringify(body)).toEqual(value === undefined ? { field } : { field, value });
    }
    const disabled = expectError(await send(sim, { plan_code: 'MIX1000_OOREDOO', MSSIDN: '0556121212' }), 400, 'ERR_VALIDATION');
    expect(disabled.message).toBe("Plan 'MIX1000_OOREDOO' is temporarily disabled");
    expect(expectError(await send(sim, { plan_code: 'PREPAID_DJEZZY', MSSIDN: '778037340', amount: 500 }), 400, 'ERR_VALIDATION').message).toBe(
      'body/MSSIDN must match pattern "^0[567][0-9]{8}$"',
    );
    expectError(await send(sim, 'not json'), 400, 'ERR_VALIDATION');
    expect(sim.control.topups()).toHaveLength(0);
    expect(sim.control.getBalance()).toBe(50000);
  });

  it("'MSSIDN doesn't match plan operator': 05 Ooredoo, 06 Mobilis (GMobilis too), 07 Djezzy; Pixx and sandbox numbers take any", async () => {
    const sim = await start({ balanceDzd: 1_000_000 });
    const mismatch = async (plan_code: string, MSSIDN: string, amount = 500) => {
      const err = expectError(await send(sim, { plan_code, MSSIDN, amount }), 400, 'ERR_VALIDATION');
      expect(err.message).toBe("MSSIDN doesn't match plan operator");
      expect(err.details).toEqual({ field: 'MSSIDN', value: MSSIDN });
    };
    await mismatch('PREPAID_DJEZZY', '0665983439');
    await mismatch('PREPAID_MOBILIS', '0778037340');
    await mismatch('PREPAID_OOREDOO', '0665983439');
    await mismatch('FACTURE_OOREDOO', '0778037340');
    await mismatch('GROS_MOBILIS', '0556121212', 5000);
    expect(sim.control.topups()).toHaveLength(0);

    expectOk(await send(sim, { plan_code: 'PREPAID_OOREDOO', MSSIDN: '0556121212', amount: 500 }));
    expectOk(await send(sim, { plan_code: 'PREPAID_MOBILIS', MSSIDN: '0665983439', amount: 500 }));
    expectOk(await send(sim, { plan_code: 'GROS_MOBILIS', MSSIDN: '0665983439', amount: 5000 }));
    for (const number of ['0556121212', '0665983439', '0778037340']) expectOk(await send(sim, { plan_code: 'PIXX_500', MSSIDN: number }));
    // The docs send 0600000001 with a Djezzy plan: sandbox numbers skip the operator check.
    expectOk(await send(sim, { plan_code: 'PREPAID_DJEZZY', MSSIDN: '0600000099', amount: 500 }));
    expect(sim.control.topups()).toHaveLength(7);
  });

  it('403 INSUFFICIENT_BALANCE with {required, available}; nothing created', async () => {
    const sim = await start({ balanceDzd: 400 });
    const err = expectError(await send(sim, djezzy500('poor-1')), 403, 'INSUFFICIENT_BALANCE');
    expect(err.message).toBe('Your balance is insufficient for this operation');
    expect(err.details).toEqual({ required: 496.25, available: 400 });
    expect(sim.control.topups()).toHaveLength(0);
    // Nothing was created, so the ref is still free.
    sim.control.setBalance(1000);
    expectOk(await send(sim, djezzy500('poor-1')));
  });

  it('403 DUPLICATED_REF, without topupId, on the same ref: exactly one top-up, one debit', async () => {
    const sim = await start();
    const first = expectOk(await send(sim, djezzy500('till-42')));
    const again = await send(sim, djezzy500('till-42'));
    const err = expectError(again, 403, 'DUPLICATED_REF');
    expect(err.message).toBe('This reference ID is already in use');
    expect(again.body).not.toHaveProperty('data');
    // Even when the plan or the body changed: the ref is what counts.
    sim.control.setPlanEnabled('PREPAID_DJEZZY', false);
    expectError(await send(sim, djezzy500('till-42')), 403, 'DUPLICATED_REF');
    expectError(await send(sim, { plan_code: 'PIXX_500', MSSIDN: '0556121212', ref: 'till-42' }), 403, 'DUPLICATED_REF');
    expect(sim.control.topups().map((t) => t.id)).toEqual([first.topupId]);
    expect(sim.control.getBalance()).toBe(50000 - 496.25);
    expect(expectOk(await byRef(sim, 'till-42'))._id).toBe(first.topupId);
  });

  it('a READ-ONLY key cannot send (403), but may read', async () => {
    const sim = await start({ keys: { ro: { type: 'PRODUCTION', scope: 'READ-ONLY', username: '+213660000000' } } });
    expectError(await send(sim, djezzy500(), 'ro'), 403, 'INSUFFICIENT_PERMISSIONS');
    expectOk(await call(sim, '/v3/mobile/plans', { key: 'ro' }));
    expectOk(await call(sim, '/v3/mobile/list', { key: 'ro' }));
    expect(sim.control.topups()).toHaveLength(0);
  });
});

describe('mobile scenario numbers', () => {
  it(`${N.refunded}: REFUNDED with an Arabic refund_message, no offers, the debit given back (FLEXY then REFUND-FLEXY)`, async () => {
    const { sim, clock } = await startClocked();
    const sent = expectOk(await send(sim, djezzy500('r-1', N.refunded)));
    expect(sim.control.getBalance()).toBe(50000 - 496.25);
    expect(expectOk(await byId(sim, sent.topupId))).toMatchObject({ status: 'PENDING', balance_amount: 496.25 });
    clock.advance(HANDLING_MS);
    const t = expectOk(await byId(sim, sent.topupId));
    expect(t).toMatchObject({ status: 'REFUNDED', balance_amount: 0, topup_amount: 500 });
    expect(t.refund_message).toMatch(/[\u0600-\u06FF]/);
    expect(t).not.toHaveProperty('suggested_offers');
    expect(sim.control.getBalance()).toBe(50000);
    const rows = await ledger(sim);
    expect(rows.map((r) => [r.type, r.operation, r.amount, r.objid])).toEqual([
      ['REFUND-FLEXY', 'CREDIT', 496.25, sent.topupId],
      ['FLEXY', 'DEBIT', 496.25, sent.topupId],
    ]);
    expect(rows[0].newBalance).toBe(50000);
  });

  it(`${N.refundedWithOffers}: REFUNDED with the documented message and a FACTURE_DJEZZY offer for the amount sent`, async () => {
    const { sim, clock } = await startClocked();
    const sent = expectOk(await send(sim, { plan_code: 'PREPAID_DJEZZY', MSSIDN: N.refundedWithOffers, amount: 750 }));
    clock.advance(HANDLING_MS);
    expect(expectOk(await byId(sim, sent.topupId))).toMatchObject({
      status: 'REFUNDED',
      balance_amount: 0,
      refund_message: 'هذا رقم الهاتف لا يقبل العرض المرسل، الرجاء إرسال أحد العروض التالية',
      suggested_offers: [{ typename: '📋 FACTURE | فاتورة', plan_code: 'FACTURE_DJEZZY', amount: 750 }],
    });
    expect(sim.control.getBalance()).toBe(50000);
  });

  it(`${N.unknownError}: UNKNOWN_ERROR with a message, not refunded, until unknownErrorResolveMs (default 6 h) has passed → FULFILLED`, async () => {
    const { sim, clock } = await startClocked();
    const sent = expectOk(await send(sim, djezzy500('u-1', N.unknownError)));
    clock.advance(HANDLING_MS);
    const unknown = expectOk(await byRef(sim, 'u-1'));
    expect(unknown).toMatchObject({ status: 'UNKNOWN_ERROR', balance_amount: 496.25 });
    expect(unknown.refund_message).toMatch(/^هذه العملية حالتها غ/);
    clock.advance(6 * 3_600_000 - 1);
    expect(expectOk(await byId(sim, sent.topupId)).status).toBe('UNKNOWN_ERROR');
    expect(sim.control.getBalance()).toBe(50000 - 496.25);
    clock.advance(1);
    const done = expectOk(await byId(sim, sent.topupId));
    expect(done).toMatchObject({ status: 'FULFILLED', balance_amount: 496.25 });
    expect(done).not.toHaveProperty('refund_message');
    expect(sim.control.getBalance()).toBe(50000 - 496.25);
  });

  it(`${N.unknownError}: resolveTopup settles it either way; a final top-up cannot be resolved again; unknownErrorResolveMs is a setting`, async () => {
    const { sim, clock } = await startClocked({ unknownErrorResolveMs: 60_000 });
    const a = expectOk(await send(sim, djezzy500('u-a', N.unknownError)));
    const b = expectOk(await send(sim, djezzy500('u-b', N.unknownError)));
    const c = expectOk(await send(sim, djezzy500('u-c', N.unknownError)));
    clock.advance(HANDLING_MS);
    expect(sim.control.topups().map((t) => t.status)).toEqual(['UNKNOWN_ERROR', 'UNKNOWN_ERROR', 'UNKNOWN_ERROR']);
    expect(sim.control.resolveTopup(a.topupId, 'REFUNDED')).toMatchObject({ id: a.topupId, status: 'REFUNDED' });
    expect(sim.control.resolveTopup(b.topupId, 'FULFILLED')).toMatchObject({ id: b.topupId, status: 'FULFILLED' });
    const refunded = expectOk(await byId(sim, a.topupId));
    expect(refunded).toMatchObject({ status: 'REFUNDED', balance_amount: 0 });
    expect(refunded.refund_message).toMatch(/[\u0600-\u06FF]/);
    expect(sim.control.getBalance()).toBe(50000 - 2 * 496.25);
    expect(() => sim.control.resolveTopup(a.topupId, 'FULFILLED')).toThrow(/already/);
    expect(() => sim.control.resolveTopup('ffffffffffffffffffffffff', 'FULFILLED')).toThrow(/unknown top-up/);
    clock.advance(60_000);
    expect(expectOk(await byId(sim, c.topupId)).status).toBe('FULFILLED');
  });

  it(`${N.rewrittenRef}: the provider stores API-<username>-test-<ms>-success; the till's own ref answers 404, the rewritten one works`, async () => {
    const { sim, clock } = await startClocked();
    const sentAt = clock.ms();
    const sent = expectOk(await send(sim, djezzy500('till-own-7', N.rewrittenRef)));
    expect(sent.topupRef).toBe(`API-${USERNAME}-test-${sentAt}-success`);
    expectError(await byRef(sim, 'till-own-7'), 404, 'NOT_FOUND');
    const found = expectOk(await byRef(sim, sent.topupRef));
    expect(found).toMatchObject({ _id: sent.topupId, ref: sent.topupRef, MSSIDN: N.rewrittenRef });
    expect(expectOk(await byId(sim, sent.topupId)).ref).toBe(sent.topupRef);
    const listed = expectOk(await call(sim, '/v3/mobile/list')).items;
    expect(listed.map((t: any) => t.ref)).toEqual([sent.topupRef]);
    // The sent ref is spent all the same: a resend is a duplicate, not a second top-up.
    expectError(await send(sim, djezzy500('till-own-7', N.rewrittenRef)), 403, 'DUPLICATED_REF');
    expect(sim.control.topups()).toMatchObject([{ ref: 'till-own-7', topupRef: sent.topupRef }]);
    clock.advance(HANDLING_MS);
    expect(expectOk(await byRef(sim, sent.topupRef)).status).toBe('FULFILLED');
  });
});

describe('mobile list', () => {
  it('items newest first with data.pagination {page, pageSize, totalPages, totalResults}; page, pageSize 1–100, from/to', async () => {
    const { sim, clock } = await startClocked();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(expectOk(await send(sim, djezzy500(`l-${i}`))).topupId);
      clock.advance(60_000);
    }
    const all = expectOk(await call(sim, '/v3/mobile/list'));
    expect(all.items.map((t: any) => t._id)).toEqual([...ids].reverse());
    expect(all.pagination).toEqual({ page: 1, pageSize: 20, totalPages: 1, totalResults: 5 });
    expect(all.items[0]).toMatchObject({
      ref: 'l-4',
      status: 'FULFILLED',
      plan_code: 'PREPAID_DJEZZY',
      MSSIDN: '0778037340',
      topup_amount: 500,
      balance_amount: 496.25,
    });

    const page2 = expectOk(await call(sim, '/v3/mobile/list?page=2&pageSize=2'));
    expect(page2.items.map((t: any) => t.ref)).toEqual(['l-2', 'l-1']);
    expect(page2.pagination).toEqual({ page: 2, pageSize: 2, totalPages: 3, totalResults: 5 });

    const from = new Date(Date.parse('2025-10-29T09:01:00.000Z')).toISOString();
    const to = new Date(Date.parse('2025-10-29T09:03:00.000Z')).toISOString();
    const windowed = expectOk(await call(sim, `/v3/mobile/list?from=${from}&to=${to}`));
    expect(windowed.items.map((t: any) => t.ref)).toEqual(['l-3', 'l-2', 'l-1']);

    expectError(await call(sim, '/v3/mobile/list?pageSize=101'), 400, 'ERR_VALIDATION');
    expectError(await call(sim, '/v3/mobile/list?pageSize=0'), 400, 'ERR_VALIDATION');
    expectError(await call(sim, `/v3/mobile/list?from=${from}`), 400, 'ERR_VALIDATION');
  });
});

describe('mobile top-ups and the shared account', () => {
  it('gift cards and top-ups draw on one balance; the ledger shows FLEXY rows at the amount debited', async () => {
    const { sim, clock } = await startClocked();
    const cat = expectOk(await call(sim, '/v3/gift-cards/catalog'));
    const product = cat.categories.flatMap((c: any) => c.products).find((p: any) => p.title === 'PlayStation Network');
    const type = expectOk(await call(sim, `/v3/gift-cards/checkProduct/${product.id}`)).types.find((t: any) => t.name === 'PSN 10 USD');
    expectOk(await call(sim, '/v3/gift-cards/placeOrder', { body: { productId: product.id, typeId: type.id, quantity: 1 } }));
    const flexy = expectOk(await send(sim, { plan_code: 'PREPAID_MOBILIS', MSSIDN: '0665983439', amount: 1234 }));
    clock.advance(HANDLING_MS);
    // 1234 × 0.96 = 1184.64.
    expect(expectOk(await call(sim, '/v3/account/balance')).balance).toBeCloseTo(50000 - type.price - 1184.64, 2);
    const rows = await ledger(sim);
    expect(rows.map((r) => r.type)).toEqual(['FLEXY', 'ORDER']);
    expect(rows[0]).toMatchObject({ operation: 'DEBIT', amount: 1184.64, objid: flexy.topupId });
    // Gift-card orders stay apart from top-ups in the control.
    expect(sim.control.orders()).toHaveLength(1);
    expect(sim.control.topups()).toHaveLength(1);
  });
});

describe('mobile faults', () => {
  /** A simulator whose next mobile send meets the fault, aimed at the mobile line. */
  async function withSendFault(kind: SimFaultSpec['kind']) {
    const sim = await start({ handlingMs: 0 });
    sim.control.addFault({ endpoint: 'placeOrder', kind, line: 'mobile-topups' });
    return sim;
  }

  it('drop-after: the top-up is created and debited, the answer is lost; check-ref recovers it; a resend is DUPLICATED_REF', async () => {
    const sim = await withSendFault('drop-after');
    await expect(send(sim, djezzy500('lost-1'))).rejects.toThrow();
    expect(sim.control.topups()).toMatchObject([{ ref: 'lost-1', status: 'FULFILLED' }]);
    expect(sim.control.getBalance()).toBe(50000 - 496.25);
    expectError(await send(sim, djezzy500('lost-1')), 403, 'DUPLICATED_REF');
    expect(expectOk(await byRef(sim, 'lost-1'))._id).toBe(sim.control.topups()[0]?.id);
    expect(sim.control.topups()).toHaveLength(1);
    expect(
      sim.control
        .requestLog()
        .filter((e) => e.path === '/v3/mobile/send')
        .map((e) => e.status),
    ).toEqual(['dropped', 403]);
  });

  it('error-500-after: created, yet answered 500', async () => {
    const sim = await withSendFault('error-500-after');
    expectError(await send(sim, djezzy500('e-1')), 500, 'INTERNAL_SERVER_ERROR');
    expect(sim.control.topups()).toHaveLength(1);
  });

  it('hang-after: created, never answered', async () => {
    const sim = await withSendFault('hang-after');
    expect(await networkErrorCode(call(sim, '/v3/mobile/send', { body: djezzy500('h-1'), signal: AbortSignal.timeout(300) }))).toBe('TimeoutError');
    expect(sim.control.topups()).toMatchObject([{ ref: 'h-1' }]);
    expect(sim.control.requestLog().at(-1)?.status).toBe('hung');
    expectError(await send(sim, djezzy500('h-1')), 403, 'DUPLICATED_REF');
  });

  it('drop-before, error-500, rate-limit and malformed: nothing created, the ref still free', async () => {
    for (const kind of ['drop-before', 'error-500', 'rate-limit', 'malformed'] as const) {
      const sim = await withSendFault(kind);
      const attempt = send(sim, djezzy500('x-1'));
      if (kind === 'drop-before') await expect(attempt).rejects.toThrow();
      else if (kind === 'malformed') await expect(attempt).rejects.toThrow(SyntaxError);
      else expect((await attempt).status).toBe(kind === 'rate-limit' ? 429 : 500);
      expect(sim.control.topups(), kind).toHaveLength(0);
      expectOk(await send(sim, djezzy500('x-1')));
    }
  });

  it('delay: waits, then sends', async () => {
    const sim = await start({ handlingMs: 0 });
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'delay', delayMs: 150, line: 'mobile-topups' });
    const t0 = performance.now();
    expectOk(await send(sim, djezzy500()));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
  });

  it('a fault aimed at the mobile line leaves gift cards and internet alone; one without a line hits any', async () => {
    const sim = await start({ handlingMs: 0 });
    sim.control.addFault({ endpoint: 'catalog', kind: 'error-500', line: 'mobile-topups' });
    expectOk(await call(sim, '/v3/gift-cards/catalog'));
    expectOk(await call(sim, '/v3/internet/products?type=ADSL'));
    expectError(await call(sim, '/v3/mobile/plans'), 500, 'INTERNAL_SERVER_ERROR');
    expectOk(await call(sim, '/v3/mobile/plans'));

    sim.control.addFault({ endpoint: 'checkOrder', kind: 'error-500', line: 'gift-cards' });
    const sent = expectOk(await send(sim, djezzy500('f-1')));
    expectOk(await byId(sim, sent.topupId));
    expectError(await call(sim, '/v3/gift-cards/checkOrder/ffffffffffffffffffffffff'), 500, 'INTERNAL_SERVER_ERROR');

    sim.control.addFault({ endpoint: 'checkOrder', kind: 'error-500', times: 2 });
    expectError(await byRef(sim, 'f-1'), 500, 'INTERNAL_SERVER_ERROR');
    expectError(await byId(sim, sent.topupId), 500, 'INTERNAL_SERVER_ERROR');
    expectOk(await byRef(sim, 'f-1'));

    sim.control.addFault({ endpoint: 'list', kind: 'malformed', line: 'mobile-topups' });
    await expect(call(sim, '/v3/mobile/list')).rejects.toThrow(SyntaxError);
    expectOk(await call(sim, '/v3/mobile/list'));
  });

  it('the rate limit counts top-up requests like any other', async () => {
    const sim = await start({ handlingMs: 0, rateLimit: { requests: 3, perMs: 60_000 } });
    expectOk(await call(sim, '/v3/mobile/plans'));
    expectOk(await send(sim, djezzy500()));
    expectOk(await call(sim, '/v3/account/balance'));
    const limited = await send(sim, djezzy500());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(sim.control.topups()).toHaveLength(1);
  });
});

describe('mobile control over the JSON listener', () => {
  it('lists top-ups, resolves one, disables a plan, sets unknownErrorResolveMs', async () => {
    const { sim, clock } = await startClocked({ controlListener: true });
    expect((await ctl(sim, 'POST', '/config', { unknownErrorResolveMs: 1000, queuedResolveMs: 2000 })).status).toBe(200);
    const a = expectOk(await send(sim, djezzy500('c-1', N.unknownError)));
    const b = expectOk(await send(sim, djezzy500('c-2', N.unknownError)));
    clock.advance(HANDLING_MS);
    const listed = await ctl(sim, 'GET', '/topups');
    expect(listed.body).toMatchObject([
      {
        line: 'mobile-topups',
        id: a.topupId,
        ref: 'c-1',
        topupRef: 'c-1',
        number: N.unknownError,
        planCode: 'PREPAID_DJEZZY',
        amount: 500,
        status: 'UNKNOWN_ERROR',
        key: TRAINING_API_KEY,
        debited: 496.25,
      },
      { id: b.topupId, status: 'UNKNOWN_ERROR' },
    ]);
    const resolved = await ctl(sim, 'POST', '/topups/resolve', { id: a.topupId, status: 'REFUNDED' });
    expect(resolved).toMatchObject({ status: 200, body: { id: a.topupId, status: 'REFUNDED' } });
    expect((await ctl(sim, 'POST', '/topups/resolve', { id: a.topupId, status: 'REFUNDED' })).body.error.code).toBe('ALREADY_FINAL');
    expect((await ctl(sim, 'POST', '/topups/resolve', { id: 'nope', status: 'FULFILLED' })).status).toBe(404);
    expect((await ctl(sim, 'POST', '/topups/resolve', { id: a.topupId, status: 'SUCCESS' })).status).toBe(400);
    clock.advance(1000);
    expect(expectOk(await byId(sim, b.topupId)).status).toBe('FULFILLED');

    expect((await ctl(sim, 'POST', '/mobile/plan-enabled', { code: 'PIXX_500', enabled: false })).status).toBe(200);
    expectError(await send(sim, { plan_code: 'PIXX_500', MSSIDN: '0556121212' }), 400, 'ERR_VALIDATION');
    expect((await ctl(sim, 'POST', '/mobile/plan-enabled', { code: 'NOPE', enabled: false })).status).toBe(404);
    expect((await ctl(sim, 'POST', '/faults', { endpoint: 'placeOrder', kind: 'error-500', line: 'mobile-topups' })).status).toBe(200);
    expect((await ctl(sim, 'POST', '/faults', { endpoint: 'placeOrder', kind: 'error-500', line: 'toys' })).status).toBe(400);
  });
});
