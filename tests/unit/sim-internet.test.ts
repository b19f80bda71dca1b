import { describe, expect, it } from 'vitest';
import { TOPUP_NUMBERS, TRAINING_API_KEY, type RunningSimulator, type SimFaultSpec } from '../../simulator';
import { call, ctl, expectError, expectOk, ledger, manualClock, networkErrorCode } from './helpers/sim-api';
import { simulatorsClosedAfterEach } from './helpers/simulators';

/**
 * The simulator's internet line (/v3/internet/*), over real HTTP: products per type, the number
 * check, send rules and errors, HANDLING then a card, QUEUED and REFUNDED numbers, the rewritten ref,
 * the list's own shape, the shared balance and ledger, every fault kind and the control.
 */
const HANDLING_MS = 1000;
const start = simulatorsClosedAfterEach({ handlingMs: HANDLING_MS });
const N = TOPUP_NUMBERS.internet;
const USERNAME = '+213550000000';
const ADSL = '036362608';
const LTE = '213472731602';

async function startClocked(options: Parameters<typeof start>[0] = {}) {
  const clock = manualClock();
  const sim = await start({ now: clock.now, ...options });
  return { sim, clock };
}

const send = (sim: RunningSimulator, body: unknown, key?: string) => call(sim, '/v3/internet/send', { body, ...(key ? { key } : {}) });
const byId = (sim: RunningSimulator, id: string) => call(sim, `/v3/internet/check-id/${id}`);
const byRef = (sim: RunningSimulator, ref: string) => call(sim, `/v3/internet/check-ref/${encodeURIComponent(ref)}`);
const adsl1000 = (ref?: string, number = ADSL) => ({ type: 'ADSL', number, value: 1000, ...(ref ? { ref } : {}) });

describe('internet products', () => {
  it('ADSL and 4G as documented, unsorted, ADSL 2000 out of stock; the type is required', async () => {
    const sim = await start();
    expect(expectOk(await call(sim, '/v3/internet/products?type=ADSL'))).toEqual({
      products: [
        { cost: 1900, value: 2000, available: false },
        { cost: 2850, value: 3000, available: true },
        { cost: 475, value: 500, available: true },
        { cost: 950, value: 1000, available: true },
      ],
      type: 'ADSL',
    });
    const lte = expectOk(await call(sim, '/v3/internet/products?type=4G'));
    expect(lte.type).toBe('4G');
    expect([...lte.products].sort((a: any, b: any) => a.value - b.value)).toEqual([
      { cost: 950, value: 1000, available: true },
      { cost: 2375, value: 2500, available: true },
      { cost: 4750, value: 5000, available: true },
    ]);
    expect(expectError(await call(sim, '/v3/internet/products'), 400, 'ERR_VALIDATION').details).toEqual({ field: 'type' });
    expect(expectError(await call(sim, '/v3/internet/products?type=4GLTE'), 400, 'ERR_VALIDATION').details).toEqual({ field: 'type', value: '4GLTE' });
  });

  it('setInternetAvailable empties a value (ERR_STOCK) and refills it, for this simulator only', async () => {
    const sim = await start();
    const other = await start();
    sim.control.setInternetAvailable('4G', 2500, false);
    const avail = (s: RunningSimulator) =>
      call(s, '/v3/internet/products?type=4G').then((r) => r.body.data.products.find((p: any) => p.value === 2500).available);
    expect(await avail(sim)).toBe(false);
    expect(await avail(other)).toBe(true);
    expectError(await send(sim, { type: '4G', number: LTE, value: 2500 }), 400, 'ERR_STOCK');
    sim.control.setInternetAvailable('4G', 2500, true);
    expectOk(await send(sim, { type: '4G', number: LTE, value: 2500 }));
    expect(() => sim.control.setInternetAvailable('ADSL', 700, true)).toThrow(/unknown internet product/);
  });
});

describe('internet check-number', () => {
  it('a served line: ncli and offer for ADSL, 4GLTE for 4G', async () => {
    const sim = await start();
    expect(expectOk(await call(sim, `/v3/internet/check-number?type=ADSL&number=${ADSL}`))).toEqual({ ncli: '11022*****', offre: 'FTTc-b_10M', type: 'ADSL' });
    expect(expectOk(await call(sim, `/v3/internet/check-number?type=4G&number=${LTE}`))).toEqual({ ncli: '11034*****', type: '4GLTE' });
  });

  it('400 ERR_PHONE with {number, type, reason} for a bad format or a number that is no line; ERR_VALIDATION for a missing field', async () => {
    const sim = await start();
    const bad: [string, string][] = [
      ['ADSL', '36362608'],
      ['ADSL', '0363626081'],
      ['ADSL', '213636362608'],
      ['ADSL', '+213636362608'],
      ['4G', '0665983439'],
      ['4G', '665983439'],
      ['4G', '2136659834399'],
    ];
    for (const [type, number] of bad) {
      const err = expectError(await call(sim, `/v3/internet/check-number?type=${type}&number=${encodeURIComponent(number)}`), 400, 'ERR_PHONE');
      expect(err.message).toBe(`Invalid phone number for ${type} service`);
      expect(err.details).toEqual({ number, type, reason: 'Number does not match required format' });
    }
    const noLine = expectError(await call(sim, `/v3/internet/check-number?type=ADSL&number=${N.adsl.notALine}`), 400, 'ERR_PHONE');
    expect(noLine.message).toBe('Invalid phone number for ADSL service');
    expect(noLine.details).toMatchObject({ number: N.adsl.notALine, type: 'ADSL' });
    expectError(await call(sim, `/v3/internet/check-number?type=4G&number=${N.fourG.notALine}`), 400, 'ERR_PHONE');
    expectError(await call(sim, `/v3/internet/check-number?number=${ADSL}`), 400, 'ERR_VALIDATION');
    expectError(await call(sim, '/v3/internet/check-number?type=ADSL'), 400, 'ERR_VALIDATION');
  });
});

describe('internet send: life of a recharge', () => {
  it('HANDLING, then FULFILLED after handlingMs with card_code, num_trans and date_traitement; debit = the product cost', async () => {
    const { sim, clock } = await startClocked();
    const sent = expectOk(await send(sim, adsl1000('internet-order-001')));
    expect(sent).toEqual({ topupId: expect.stringMatching(/^[0-9a-f]{24}$/), topupRef: 'internet-order-001' });
    expect(sim.control.getBalance()).toBe(50000 - 950);
    const createdAt = clock.now().toISOString();
    const handling = expectOk(await byId(sim, sent.topupId));
    expect(handling).toEqual({
      _id: sent.topupId,
      ref: 'internet-order-001',
      status: 'HANDLING',
      type: 'ADSL',
      number: ADSL,
      topup_amount: 1000,
      created_at: createdAt,
    });
    clock.advance(HANDLING_MS - 1);
    expect(expectOk(await byRef(sim, 'internet-order-001')).status).toBe('HANDLING');
    clock.advance(1);
    const done = expectOk(await byRef(sim, 'internet-order-001'));
    expect(done).toEqual({
      ...handling,
      status: 'FULFILLED',
      card_code: expect.stringMatching(/^\d{12}$/),
      num_trans: expect.stringMatching(/^AT-2025-\d{5}$/),
      date_traitement: clock.now().toISOString(),
    });
    expect(expectOk(await byId(sim, sent.topupId))).toEqual(done);
    expect(sim.control.topups()).toMatchObject([{ line: 'internet', type: 'ADSL', value: 1000, cardCode: done.card_code, debited: 950 }]);
  });

  it('4G works the same; without a ref one is made up; card codes are unique and the same for the same seed', async () => {
    const codes = async () => {
      const sim = await start({ seed: 7, handlingMs: 0 });
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const sent = expectOk(await send(sim, { type: i % 2 ? '4G' : 'ADSL', number: i % 2 ? LTE : ADSL, value: 1000 }));
        expect(sent.topupRef).toMatch(/^API-\+213550000000-\d+-[0-9a-f]{6}$/);
        out.push(expectOk(await byRef(sim, sent.topupRef)).card_code);
      }
      return out;
    };
    const first = await codes();
    expect(new Set(first).size).toBe(6);
    expect(await codes()).toEqual(first);
  });

  it('raising handlingMs parks recharges in HANDLING, lowering it releases them', async () => {
    const { sim, clock } = await startClocked();
    sim.control.setConfig({ handlingMs: 3_600_000 });
    const sent = expectOk(await send(sim, adsl1000()));
    clock.advance(60_000);
    expect(expectOk(await byId(sim, sent.topupId)).status).toBe('HANDLING');
    sim.control.setConfig({ handlingMs: 0 });
    expect(expectOk(await byId(sim, sent.topupId)).status).toBe('FULFILLED');
  });
});

describe('internet send: what the provider refuses', () => {
  it('ERR_VALIDATION for a malformed body, ERR_PHONE for a bad number, ERR_STOCK (400) for a value out of stock or not offered', async () => {
    const sim = await start();
    const invalid: [unknown, string][] = [
      [{ number: ADSL, value: 1000 }, 'type'],
      [{ type: 'FIBRE', number: ADSL, value: 1000 }, 'type'],
      [{ type: 'ADSL', value: 1000 }, 'number'],
      [{ type: 'ADSL', number: 36362608, value: 1000 }, 'number'],
      [{ type: 'ADSL', number: ADSL }, 'value'],
      [{ type: 'ADSL', number: ADSL, value: '1000' }, 'value'],
      [{ type: 'ADSL', number: ADSL, value: 999.5 }, 'value'],
      [{ type: 'ADSL', number: ADSL, value: 1000, ref: '' }, 'ref'],
      [{ type: 'ADSL', number: ADSL, value: 1000, extra: true }, 'extra'],
    ];
    for (const [body, field] of invalid) expect(expectError(await send(sim, body), 400, 'ERR_VALIDATION').details.field, JSON.stringify(body)).toBe(field);

    const phone = expectError(await send(sim, { type: '4G', number: '0665983439', value: 1000 }), 400, 'ERR_PHONE');
    expect(phone.details).toEqual({ number: '0665983439', type: '4G', reason: 'Number does not match required format' });
    expectError(await send(sim, adsl1000(undefined, N.adsl.notALine)), 400, 'ERR_PHONE');
    expectError(await send(sim, { type: '4G', number: N.fourG.notALine, value: 1000 }), 400, 'ERR_PHONE');

    const stock = expectError(await send(sim, { type: 'ADSL', number: ADSL, value: 2000 }), 400, 'ERR_STOCK');
    expect(stock.message).toBe('Card value out of stock');
    expectError(await send(sim, { type: 'ADSL', number: ADSL, value: 700 }), 400, 'ERR_STOCK');
    // 2500 is a 4G value, not an ADSL one.
    expectError(await send(sim, { type: 'ADSL', number: ADSL, value: 2500 }), 400, 'ERR_STOCK');
    expect(sim.control.topups()).toHaveLength(0);
    expect(sim.control.getBalance()).toBe(50000);
  });

  it('403 INSUFFICIENT_BALANCE with {required, available}', async () => {
    const sim = await start({ balanceDzd: 900 });
    expect(expectError(await send(sim, adsl1000('p-1')), 403, 'INSUFFICIENT_BALANCE').details).toEqual({ required: 950, available: 900 });
    expect(sim.control.topups()).toHaveLength(0);
  });

  it('403 DUPLICATED_REF on a ref already used on the internet line (not on the mobile one)', async () => {
    const sim = await start({ balanceDzd: 10000 });
    const first = expectOk(await send(sim, adsl1000('shared-ref')));
    const again = await send(sim, { type: '4G', number: LTE, value: 5000, ref: 'shared-ref' });
    expect(expectError(again, 403, 'DUPLICATED_REF').message).toBe('This reference ID is already in use');
    expect(again.body).not.toHaveProperty('data');
    // Each line keeps its own refs.
    expectOk(await call(sim, '/v3/mobile/send', { body: { plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 500, ref: 'shared-ref' } }));
    expect(sim.control.topups().map((t) => [t.line, t.id])).toEqual([
      ['internet', first.topupId],
      ['mobile-topups', expect.any(String)],
    ]);
  });

  it('a READ-ONLY key cannot send', async () => {
    const sim = await start({ keys: { ro: { type: 'PRODUCTION', scope: 'READ-ONLY', username: '+213660000000' } } });
    expectError(await send(sim, adsl1000(), 'ro'), 403, 'INSUFFICIENT_PERMISSIONS');
    expectOk(await call(sim, '/v3/internet/products?type=ADSL', { key: 'ro' }));
  });

  it('check-id and check-ref: 404 NOT_FOUND for what does not exist', async () => {
    const sim = await start();
    expect(expectError(await byRef(sim, 'nope-1'), 404, 'NOT_FOUND').message).toBe("Top-up with reference 'nope-1' not found");
    expectError(await byId(sim, 'ffffffffffffffffffffffff'), 404, 'NOT_FOUND');
  });
});

describe('internet scenario numbers', () => {
  for (const [label, body] of [
    ['ADSL', adsl1000('q-1', N.adsl.queued)],
    ['4G', { type: '4G', number: N.fourG.queued, value: 1000, ref: 'q-1' }],
  ] as const) {
    it(`${label} ${body.number}: QUEUED after HANDLING, not refunded, until resolveTopup → FULFILLED with its card`, async () => {
      const { sim, clock } = await startClocked();
      const sent = expectOk(await send(sim, body));
      expect(expectOk(await byId(sim, sent.topupId)).status).toBe('HANDLING');
      clock.advance(HANDLING_MS);
      const queued = expectOk(await byRef(sim, 'q-1'));
      expect(queued.status).toBe('QUEUED');
      expect(queued).not.toHaveProperty('card_code');
      clock.advance(23 * 3_600_000);
      expect(expectOk(await byId(sim, sent.topupId)).status).toBe('QUEUED');
      expect(sim.control.getBalance()).toBe(50000 - 950);
      expect(sim.control.resolveTopup(sent.topupId, 'FULFILLED')).toMatchObject({ status: 'FULFILLED', cardCode: expect.stringMatching(/^\d{12}$/) });
      expect(expectOk(await byId(sim, sent.topupId))).toMatchObject({ status: 'FULFILLED', date_traitement: clock.now().toISOString() });
    });
  }

  it('QUEUED becomes FULFILLED by itself once queuedResolveMs (default 24 h) has passed; or REFUNDED by the control', async () => {
    const { sim, clock } = await startClocked();
    const a = expectOk(await send(sim, adsl1000('qa', N.adsl.queued)));
    const b = expectOk(await send(sim, adsl1000('qb', N.adsl.queued)));
    clock.advance(HANDLING_MS + 24 * 3_600_000 - 1);
    expect(sim.control.resolveTopup(b.topupId, 'REFUNDED')).toMatchObject({ status: 'REFUNDED' });
    expect(expectOk(await byId(sim, a.topupId)).status).toBe('QUEUED');
    clock.advance(1);
    const done = expectOk(await byId(sim, a.topupId));
    expect(done).toMatchObject({ status: 'FULFILLED', card_code: expect.stringMatching(/^\d{12}$/) });
    expect(expectOk(await byId(sim, b.topupId)).status).toBe('REFUNDED');
    expect(sim.control.getBalance()).toBe(50000 - 950);
    expect(() => sim.control.resolveTopup(a.topupId, 'REFUNDED')).toThrow(/already/);
    sim.control.setConfig({ queuedResolveMs: 10 });
    const c = expectOk(await send(sim, adsl1000('qc', N.adsl.queued)));
    clock.advance(HANDLING_MS + 10);
    expect(expectOk(await byId(sim, c.topupId)).status).toBe('FULFILLED');
  });

  it('ADSL and 4G refund numbers: REFUNDED after HANDLING, ADSL then REFUND-ADSL in the ledger at the cost', async () => {
    const { sim, clock } = await startClocked();
    const a = expectOk(await send(sim, adsl1000('r-a', N.adsl.refunded)));
    const b = expectOk(await send(sim, { type: '4G', number: N.fourG.refunded, value: 2500, ref: 'r-b' }));
    expect(sim.control.getBalance()).toBe(50000 - 950 - 2375);
    clock.advance(HANDLING_MS);
    expect(expectOk(await byId(sim, a.topupId))).toMatchObject({ status: 'REFUNDED' });
    expect(expectOk(await byId(sim, b.topupId))).not.toHaveProperty('card_code');
    expect(sim.control.getBalance()).toBe(50000);
    const rows = await ledger(sim);
    expect(rows.map((r) => [r.type, r.operation, r.amount, r.objid])).toEqual([
      ['REFUND-ADSL', 'CREDIT', 2375, b.topupId],
      ['REFUND-ADSL', 'CREDIT', 950, a.topupId],
      ['ADSL', 'DEBIT', 2375, b.topupId],
      ['ADSL', 'DEBIT', 950, a.topupId],
    ]);
  });

  it(`${N.adsl.rewrittenRef}: stored as API-<username>-test-internet-<ms>; the own ref answers 404, the rewritten one works`, async () => {
    const { sim, clock } = await startClocked();
    const sentAt = clock.ms();
    const sent = expectOk(await send(sim, adsl1000('internet-own-1', N.adsl.rewrittenRef)));
    expect(sent.topupRef).toBe(`API-${USERNAME}-test-internet-${sentAt}`);
    expectError(await byRef(sim, 'internet-own-1'), 404, 'NOT_FOUND');
    expect(expectOk(await byRef(sim, sent.topupRef))).toMatchObject({ _id: sent.topupId, ref: sent.topupRef });
    expect(expectOk(await call(sim, '/v3/internet/list')).topups.map((t: any) => t.ref)).toEqual([sent.topupRef]);
    expectError(await send(sim, adsl1000('internet-own-1', N.adsl.rewrittenRef)), 403, 'DUPLICATED_REF');
    clock.advance(HANDLING_MS);
    expect(expectOk(await byRef(sim, sent.topupRef)).status).toBe('FULFILLED');
  });
});

describe('internet list', () => {
  it('the documented odd shape: data.topups and meta.pagination {currentPage, totalPages, totalItems, hasNextPage}, newest first', async () => {
    const { sim, clock } = await startClocked();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(expectOk(await send(sim, adsl1000(`l-${i}`))).topupId);
      clock.advance(60_000);
    }
    const r = await call(sim, '/v3/internet/list?page=1&pageSize=2');
    const data = expectOk(r);
    expect(Object.keys(data)).toEqual(['topups']);
    expect(data.topups.map((t: any) => t._id)).toEqual([ids[4], ids[3]]);
    expect(data.topups[0]).toMatchObject({
      ref: 'l-4',
      status: 'FULFILLED',
      type: 'ADSL',
      number: ADSL,
      topup_amount: 1000,
      card_code: expect.stringMatching(/^\d{12}$/),
    });
    expect(r.body.meta.pagination).toEqual({ currentPage: 1, totalPages: 3, totalItems: 5, hasNextPage: true });
    expect(typeof r.body.meta.timestamp).toBe('string');
    const last = await call(sim, '/v3/internet/list?page=3&pageSize=2');
    expect(expectOk(last).topups.map((t: any) => t._id)).toEqual([ids[0]]);
    expect(last.body.meta.pagination).toEqual({ currentPage: 3, totalPages: 3, totalItems: 5, hasNextPage: false });
    const windowed = expectOk(await call(sim, '/v3/internet/list?from=2025-10-29T09:01:00.000Z&to=2025-10-29T09:02:00.000Z'));
    expect(windowed.topups.map((t: any) => t.ref)).toEqual(['l-2', 'l-1']);
    expectError(await call(sim, '/v3/internet/list?pageSize=101'), 400, 'ERR_VALIDATION');
  });
});

describe('internet faults', () => {
  async function withSendFault(kind: SimFaultSpec['kind']) {
    const sim = await start({ handlingMs: 0 });
    sim.control.addFault({ endpoint: 'placeOrder', kind, line: 'internet' });
    return sim;
  }

  it('drop-after: exactly one recharge created and debited; check-ref recovers it with its card; a resend is DUPLICATED_REF', async () => {
    const sim = await withSendFault('drop-after');
    await expect(send(sim, adsl1000('lost-1'))).rejects.toThrow();
    expect(sim.control.topups()).toMatchObject([{ line: 'internet', ref: 'lost-1', status: 'FULFILLED' }]);
    expect(sim.control.getBalance()).toBe(50000 - 950);
    expectError(await send(sim, adsl1000('lost-1')), 403, 'DUPLICATED_REF');
    expect(expectOk(await byRef(sim, 'lost-1')).card_code).toMatch(/^\d{12}$/);
    expect(sim.control.topups()).toHaveLength(1);
  });

  it('error-500-after and hang-after create the recharge; drop-before, error-500, rate-limit and malformed do not', async () => {
    const e500 = await withSendFault('error-500-after');
    expectError(await send(e500, adsl1000('e')), 500, 'INTERNAL_SERVER_ERROR');
    expect(e500.control.topups()).toHaveLength(1);

    const hang = await withSendFault('hang-after');
    expect(await networkErrorCode(call(hang, '/v3/internet/send', { body: adsl1000('h'), signal: AbortSignal.timeout(300) }))).toBe('TimeoutError');
    expect(hang.control.topups()).toHaveLength(1);

    for (const kind of ['drop-before', 'error-500', 'rate-limit', 'malformed'] as const) {
      const sim = await withSendFault(kind);
      const attempt = send(sim, adsl1000('x'));
      if (kind === 'drop-before') await expect(attempt).rejects.toThrow();
      else if (kind === 'malformed') await expect(attempt).rejects.toThrow(SyntaxError);
      else expect((await attempt).status).toBe(kind === 'rate-limit' ? 429 : 500);
      expect(sim.control.topups(), kind).toHaveLength(0);
      expectOk(await send(sim, adsl1000('x')));
    }
  });

  it('faults reach products (catalog), check-number (checkProduct), check-id/ref (checkOrder) and list; aimed at internet they spare the other lines', async () => {
    const sim = await start({ handlingMs: 0 });
    const sent = expectOk(await send(sim, adsl1000('f-1')));
    const faults: [SimFaultSpec, string, string][] = [
      [{ endpoint: 'catalog', kind: 'error-500', line: 'internet' }, '/v3/mobile/plans', '/v3/internet/products?type=ADSL'],
      [
        { endpoint: 'checkProduct', kind: 'error-500', line: 'internet' },
        '/v3/gift-cards/checkProduct/nope',
        `/v3/internet/check-number?type=ADSL&number=${ADSL}`,
      ],
      [{ endpoint: 'checkOrder', kind: 'error-500', line: 'internet' }, '/v3/mobile/check-ref/f-1', `/v3/internet/check-id/${sent.topupId}`],
      [{ endpoint: 'checkOrder', kind: 'error-500', line: 'internet' }, '/v3/mobile/check-id/nope', '/v3/internet/check-ref/f-1'],
      [{ endpoint: 'list', kind: 'error-500', line: 'internet' }, '/v3/mobile/list', '/v3/internet/list'],
    ];
    for (const [fault, spared, hit] of faults) {
      sim.control.addFault(fault);
      expect((await call(sim, spared)).status, spared).not.toBe(500);
      expectError(await call(sim, hit), 500, 'INTERNAL_SERVER_ERROR');
      expect((await call(sim, hit)).status, hit).toBe(200);
    }
    sim.control.addFault({ endpoint: 'list', kind: 'delay', delayMs: 120, line: 'internet' });
    const t0 = performance.now();
    expectOk(await call(sim, '/v3/internet/list'));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
  });
});

describe('internet control over the JSON listener', () => {
  it('lists both lines oldest first, resolves a QUEUED recharge, empties a value, sets queuedResolveMs', async () => {
    const { sim, clock } = await startClocked({ controlListener: true });
    const q = expectOk(await send(sim, adsl1000('cq', N.adsl.queued)));
    clock.advance(1);
    const m = expectOk(await call(sim, '/v3/mobile/send', { body: { plan_code: 'PIXX_500', MSSIDN: '0556121212', ref: 'cm' } }));
    clock.advance(HANDLING_MS);
    const listed = await ctl(sim, 'GET', '/topups');
    expect(listed.body).toMatchObject([
      { line: 'internet', id: q.topupId, ref: 'cq', topupRef: 'cq', number: N.adsl.queued, type: 'ADSL', value: 1000, status: 'QUEUED', key: TRAINING_API_KEY },
      { line: 'mobile-topups', id: m.topupId, planCode: 'PIXX_500', amount: 500, status: 'FULFILLED' },
    ]);
    expect(listed.body[0]).not.toHaveProperty('cardCode');
    const resolved = await ctl(sim, 'POST', '/topups/resolve', { id: q.topupId, status: 'FULFILLED' });
    expect(resolved).toMatchObject({ status: 200, body: { status: 'FULFILLED', cardCode: expect.stringMatching(/^\d{12}$/) } });
    expect(expectOk(await byId(sim, q.topupId)).card_code).toBe(resolved.body.cardCode);

    expect((await ctl(sim, 'POST', '/internet/available', { type: 'ADSL', value: 1000, available: false })).status).toBe(200);
    expectError(await send(sim, adsl1000()), 400, 'ERR_STOCK');
    expect((await ctl(sim, 'POST', '/internet/available', { type: 'ADSL', value: 700, available: false })).status).toBe(404);
    expect((await ctl(sim, 'POST', '/internet/available', { type: 'FIBRE', value: 1000, available: false })).status).toBe(400);

    expect((await ctl(sim, 'POST', '/config', { queuedResolveMs: 5 })).status).toBe(200);
    const q2 = expectOk(await send(sim, { type: '4G', number: N.fourG.queued, value: 1000 }));
    clock.advance(HANDLING_MS + 5);
    expect(expectOk(await byId(sim, q2.topupId)).status).toBe('FULFILLED');
  });
});
