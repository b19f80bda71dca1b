import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commands, EVENT_NAMES, events, type CommandName } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { HTTP_COMMAND_PREFIX, HTTP_SECRET_HEADER } from '../../shared/api';
import { dispatchByName as dispatchCommand } from '../../electron/core/commands/dispatch';
import { createHttpAdapter } from '../../electron/host/http-adapter';
import { silentLogger } from '../../electron/core/platform/log';
import { OWNER, psnOffer, startHarness, TEST_KEY, waitForSale, type Harness } from './helpers/core-harness';

let hx: Harness;
beforeAll(async () => {
  // A printer that prints nothing, so sales:print and sales:savePdf run their real path.
  hx = await startHarness({ printer: { print: async () => true, savePdf: async () => path.join(os.tmpdir(), 'receipt.pdf') } });
});
afterAll(async () => hx.close());

describe('the contract', () => {
  it('gives every command an input and output schema and the core a handler for each', () => {
    expect(COMMAND_NAMES.length).toBeGreaterThan(10);
    for (const name of COMMAND_NAMES) {
      expect(name).toMatch(/^[a-zA-Z]+:[a-zA-Z]+$/);
      expect(commands[name].input).toBeDefined();
      expect(commands[name].output).toBeDefined();
      expect(typeof hx.h[name]).toBe('function');
    }
    for (const name of EVENT_NAMES) expect(events[name]).toBeDefined();
  });

  it('rejects malformed input with INVALID_INPUT naming the field, without calling the handler', async () => {
    const r = await dispatchCommand(hx.h, 'sales:confirm', { productId: 'p', typeId: 't', quantity: 0, expectedUnitRetailC: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!r.ok && r.error.message).toContain('quantity');
    const extra = await dispatchCommand(hx.h, 'settings:update', { language: 'de' });
    expect(!extra.ok && extra.error.details).toMatchObject({ field: 'language' });
    const unknown = await dispatchCommand(hx.h, 'sales:delete', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const injected = await dispatchCommand(hx.h, 'catalog:product', { productId: '../../v3/account/balance' });
    expect(injected).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('never returns the API key or a card code through any command or event but the code-bearing ones', async () => {
    expect(Object.keys(EVERY_CALL).sort(), 'a command missing from EVERY_CALL (list it, with a real input)').toEqual([...COMMAND_NAMES].sort());
    const offer = await psnOffer(hx.h);
    const first = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 2, expectedUnitRetailC: offer.unitRetailC });
    const sale = await waitForSale(hx.h, first.id, (s) => s.state === 'FULFILLED');
    const cards = hx.sim.control.orders().flatMap((o) => o.cards);
    const codes = cards.map((c) => c.value);
    expect(codes).toHaveLength(2);
    const owner = (await hx.h['session:get']({})).cashier!;
    const ctx: CallContext = { saleId: sale.id, queuedSaleId: 0, offer, owner, day: localDay(), codeSuffix: codes[0]!.slice(-4), hx };

    for (const [name, plan] of Object.entries(EVERY_CALL) as [CommandName, Plan][]) {
      await plan.before?.(ctx);
      for (const input of await plan.inputs(ctx)) {
        const result = await dispatchCommand(hx.h, name, input);
        expect(result.ok ? 'ok' : result.error.code, `${name} ${JSON.stringify(input)}`).toBe(plan.expect);
        await plan.after?.(ctx, result);
        const text = JSON.stringify(result);
        expect(text, name).not.toContain(TEST_KEY);
        if (REVEALS_CODES.includes(name)) {
          // The check below would see a code: these commands really carry them.
          for (const code of codes) expect(text, name).toContain(code);
        } else {
          for (const code of codes) expect(text, name).not.toContain(code);
        }
      }
    }
    const events = JSON.stringify(hx.events);
    expect(events).toContain(`"id":${sale.id}`);
    expect(events).not.toContain(TEST_KEY);
    for (const code of codes) expect(events).not.toContain(code);
  });
});

/** Commands whose very purpose is to hand over a sale's codes (printing them, a deliberate reveal). */
const REVEALS_CODES: readonly CommandName[] = ['sales:receipt', 'sales:reveal', 'sales:reprint'];

interface CallContext {
  saleId: number;
  queuedSaleId: number;
  offer: Awaited<ReturnType<typeof psnOffer>>;
  owner: { id: number };
  day: string;
  codeSuffix: string;
  hx: Harness;
  staffId?: number;
}
interface Plan {
  /** Real, valid inputs (each is sent). */
  inputs(ctx: CallContext): unknown[] | Promise<unknown[]>;
  /** What the call must give: 'ok', or the error code a valid input meets at that point. */
  expect: 'ok' | string;
  before?(ctx: CallContext): Promise<unknown>;
  after?(ctx: CallContext, result: Result<unknown>): unknown;
}
const value = <T>(r: Result<unknown>) => (r.ok ? (r.value as T) : undefined);

/**
 * Every command of the contract, in the order they are called against one core with a fulfilled
 * sale of two cards. Typed over every command name, and checked against COMMAND_NAMES at run time:
 * a command added to the contract and not listed here fails the test above.
 */
const EVERY_CALL: Record<CommandName, Plan> = {
  'app:status': { inputs: () => [{}], expect: 'ok' },
  'catalog:list': { inputs: () => [{}, { refresh: true }], expect: 'ok' },
  'catalog:product': { inputs: (c) => [{ productId: c.offer.productId }], expect: 'ok' },
  'internet:checkNumber': { inputs: () => [{ type: 'ADSL', number: '036362608' }], expect: 'ok' },
  'account:balance': { inputs: () => [{}, { refresh: true }], expect: 'ok' },
  // A sale that stays queued (provider unreachable), to send and cancel for real.
  'sales:confirm': {
    before: (c) => c.hx.sim.control.setOffline(true),
    inputs: (c) => [{ productId: c.offer.productId, typeId: c.offer.typeId, quantity: 1, expectedUnitRetailC: c.offer.unitRetailC }],
    expect: 'ok',
    after: (c, r) => {
      c.queuedSaleId = value<{ id: number }>(r)!.id;
    },
  },
  // Once the till knows it is offline it only probes, so the sale stays QUEUED (not SENDING) meanwhile.
  'sales:sendNow': { before: (c) => queuedWhileOffline(c), inputs: (c) => [{ saleId: c.queuedSaleId }], expect: 'ok' },
  'sales:cancel': { inputs: (c) => [{ saleId: c.queuedSaleId }], expect: 'ok', after: (c) => c.hx.sim.control.setOffline(false) },
  'sales:sendAnyway': { inputs: (c) => [{ saleId: c.saleId }], expect: 'INVALID_STATE' },
  'sales:cancelHeld': { inputs: (c) => [{ saleId: c.saleId }], expect: 'INVALID_STATE' },
  // The sale was delivered, never flagged: there is nothing to review (sale-review.test.ts flags one).
  'sales:reviewCandidates': { inputs: (c) => [{ saleId: c.saleId }], expect: 'INVALID_STATE' },
  'sales:adoptCandidate': { inputs: (c) => [{ saleId: c.saleId, orderId: 'order-1' }], expect: 'INVALID_STATE' },
  'sales:dismissReview': { inputs: (c) => [{ saleId: c.saleId }], expect: 'INVALID_STATE' },
  'sales:get': { inputs: (c) => [{ saleId: c.saleId }], expect: 'ok' },
  'sales:list': { inputs: () => [{}, { states: ['FULFILLED', 'CANCELLED'], limit: 500 }], expect: 'ok' },
  'sales:timeline': { inputs: (c) => [{ saleId: c.saleId }], expect: 'ok' },
  'sales:receipt': { inputs: (c) => [{ saleId: c.saleId }], expect: 'ok' },
  'sales:reveal': { inputs: (c) => [{ saleId: c.saleId }], expect: 'ok' },
  'sales:reprint': { inputs: (c) => [{ saleId: c.saleId }], expect: 'ok' },
  // The sale delivered both cards: nothing is owed, so there is nothing to confirm.
  'sales:confirmRefund': { inputs: (c) => [{ saleId: c.saleId, amountC: 0 }], expect: 'INVALID_STATE' },
  'sales:print': { inputs: (c) => [{ saleId: c.saleId }], expect: 'ok' },
  'sales:savePdf': { inputs: (c) => [{ saleId: c.saleId }], expect: 'ok' },
  'history:search': { inputs: (c) => [{}, { codeSuffix: c.codeSuffix }, { saleId: c.saleId }], expect: 'ok' },
  'settings:get': { inputs: () => [{}], expect: 'ok' },
  'settings:update': { inputs: () => [{ shop: { footer: 'Merci' }, markupBp: 600 }], expect: 'ok' },
  'session:get': { inputs: () => [{}], expect: 'ok' },
  'session:touch': { inputs: () => [{}], expect: 'ok' },
  'session:setupOwner': { inputs: () => [{ name: 'Other owner', pin: '9999' }], expect: 'INVALID_STATE' },
  'session:login': { inputs: (c) => [{ cashierId: c.owner.id, pin: OWNER.pin }], expect: 'ok' },
  'staff:add': {
    inputs: () => [{ name: 'Contract Cashier', role: 'cashier', pin: '5678' }],
    expect: 'ok',
    after: (c, r) => {
      c.staffId = value<{ id: number }>(r)!.id;
    },
  },
  'staff:update': { inputs: (c) => [{ id: c.staffId, name: 'Contract Cashier Two', pin: '8765' }], expect: 'ok' },
  'staff:list': { inputs: () => [{}], expect: 'ok' },
  'shift:current': { inputs: () => [{}], expect: 'ok' },
  'shift:count': { inputs: () => [{ countedCashC: 0 }], expect: 'ok' },
  'shift:close': { inputs: () => [{ countedCashC: 0 }], expect: 'ok' },
  'shift:open': { inputs: () => [{ openingCashC: 100_000 }], expect: 'ok' },
  'reports:day': { inputs: (c) => [{ day: c.day }], expect: 'ok' },
  // This till is not joined to a shop (no shared ledger): shop-views.test.ts calls it on one that is.
  'shop:tills': { inputs: () => [{}], expect: 'NOT_SUPPORTED' },
  'reports:html': {
    inputs: async (c) => {
      const shift = await c.hx.h['shift:current']({});
      return [
        { kind: 'day', day: c.day },
        { kind: 'shift', shiftId: shift!.shiftId },
        { kind: 'reconcile', day: c.day },
      ];
    },
    expect: 'ok',
  },
  'exports:csv': {
    inputs: (c) => [
      { kind: 'day', day: c.day },
      { kind: 'history', query: {} },
    ],
    expect: 'ok',
  },
  'reconcile:day': { inputs: (c) => [{ day: c.day }, { day: c.day, adopt: true }], expect: 'ok' },
  'backup:create': { inputs: () => [{ name: 'contract-test.sqlite' }], expect: 'ok' },
  'backup:list': { inputs: () => [{}], expect: 'ok' },
  'till:get': { inputs: () => [{}], expect: 'ok' },
  'till:rename': { inputs: () => [{ name: 'Caisse contrat' }], expect: 'ok' },
  // Saved, then removed: this one-counter test till stays on its own at its next start.
  'till:setLedgerUrl': { inputs: () => [{ url: 'postgres://pos:secret@127.0.0.1:5432/shop' }, { url: null }], expect: 'ok' },
  // A one-counter till holds no shop key to open (tests/unit/shop-key.test.ts tries it on a joined till).
  'till:shopPassphrase': { inputs: () => [{ passphrase: 'une phrase assez longue' }], expect: 'NOT_SUPPORTED' },
  'backup:restore': { inputs: () => [{ name: 'contract-test.sqlite' }], expect: 'ok' },
  'apiKey:set': { inputs: () => [{ key: TEST_KEY }], expect: 'ok' },
  'apiKey:clear': { inputs: () => [{}], expect: 'ok' },
  'session:logout': { inputs: () => [{}], expect: 'ok' },
};

async function queuedWhileOffline(c: CallContext): Promise<void> {
  for (;;) {
    const [status, sale] = await Promise.all([c.hx.h['app:status']({}), c.hx.h['sales:get']({ saleId: c.queuedSaleId })]);
    if (status.connection === 'offline' && sale.state === 'QUEUED') return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function localDay(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('the HTTP adapter (browser host)', () => {
  let server: http.Server;
  let base = '';
  let port = 0;
  const secret = 'per-launch-secret-for-test';
  const OUTSIDE = 'OUTSIDE-THE-RENDERER-DIR';
  let parentDir = '';
  beforeAll(async () => {
    // The renderer dir has a sibling file the host must never serve.
    parentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-'));
    const rendererDir = path.join(parentDir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>till</title>');
    fs.writeFileSync(path.join(parentDir, 'secret.txt'), OUTSIDE);
    server = createHttpAdapter({ core: hx.core, rendererDir, secret, logger: silentLogger });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as { port: number }).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => {
    server.close();
    fs.rmSync(parentDir, { recursive: true, force: true });
  });

  /**
   * Sends a request line byte for byte over a socket: fetch and URL would normalise `..` away
   * before it left the test, so the host would never see the attack.
   */
  const rawGet = (target: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
      let text = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('error', reject);
      socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    });

  const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${HTTP_COMMAND_PREFIX}${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers commands only with the per-launch secret', async () => {
    expect((await post('app:status', {})).status).toBe(401);
    expect((await post('app:status', {}, { [HTTP_SECRET_HEADER]: 'wrong' })).status).toBe(401);
    const ok = await post('app:status', {}, { [HTTP_SECRET_HEADER]: secret });
    expect(await ok.json()).toMatchObject({ ok: true, value: { mode: 'sandbox' } });
  });

  it('serves the renderer with a strict CSP and refuses other Host names (DNS rebinding)', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const port = new URL(base).port;
    const rebinding = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (res) => resolve(res.statusCode ?? 0));
    });
    expect(rebinding).toBe(421);
  });

  it('refuses a path that climbs out of the renderer folder, sent raw, in every spelling', async () => {
    // The raw path really reaches the host as written: a climb that stays inside is served.
    const inside = await rawGet('/assets/../index.html');
    expect(inside.status).toBe(200);
    expect(inside.text).toContain('<title>till</title>');
    for (const target of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e/secret.txt',
    ]) {
      const res = await rawGet(target);
      expect(res.text, target).not.toContain(OUTSIDE);
      expect([400, 404], target).toContain(res.status);
    }
  });

  it('turns a non-JSON body into INVALID_INPUT', async () => {
    const res = await fetch(`${base}${HTTP_COMMAND_PREFIX}settings:update`, { method: 'POST', headers: { [HTTP_SECRET_HEADER]: secret }, body: '{oops' });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
