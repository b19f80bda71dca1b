import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commands, EVENT_NAMES, events } from '../../shared/contract';
import { HTTP_COMMAND_PREFIX, HTTP_SECRET_HEADER } from '../../shared/api';
import { dispatchByName as dispatchCommand } from '../../electron/core/dispatch';
import { createHttpAdapter } from '../../electron/host/http-adapter';
import { silentLogger } from '../../electron/core/log';
import { psnOffer, startHarness, TEST_KEY, waitForSale, type Harness } from './helpers/core-harness';

let hx: Harness;
beforeAll(async () => {
  hx = await startHarness();
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

  /** The only commands whose purpose is to hand over codes (printing, deliberate reveal). */
  const CODE_BEARING = ['sales:receipt', 'sales:reveal', 'sales:reprint'];
  const SKIP = ['sales:confirm', 'settings:update', 'session:logout', 'session:setupOwner', 'backup:restore', 'apiKey:set', 'apiKey:clear'];

  it('never returns the API key or a card code through any command or event but the code-bearing ones', async () => {
    const offer = await psnOffer(hx.h);
    const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    await waitForSale(hx.h, sale.id, (s) => s.state === 'FULFILLED');
    const code = hx.sim.control.orders()[0]!.cards[0]!.value;
    const outputs: unknown[] = [];
    for (const name of COMMAND_NAMES) {
      if (CODE_BEARING.includes(name) || SKIP.includes(name)) continue;
      const input = name.startsWith('sales:') && name !== 'sales:list' ? { saleId: sale.id } : name === 'catalog:product' ? { productId: offer.productId } : {};
      outputs.push(await dispatchCommand(hx.h, name, input));
    }
    expect((await dispatchCommand(hx.h, 'sales:reveal', { saleId: sale.id })).ok).toBe(true);
    const all = JSON.stringify([outputs, hx.events]);
    expect(all).not.toContain(TEST_KEY);
    expect(all).not.toContain(code);
  });
});

describe('the HTTP adapter (browser host)', () => {
  let server: http.Server;
  let base = '';
  const secret = 'per-launch-secret-for-test';
  beforeAll(async () => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'r-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>till</title>');
    server = createHttpAdapter({ core: hx.core, rendererDir, secret, logger: silentLogger });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => server.close());

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
    expect((await fetch(`${base}/../../etc/passwd`)).status).toBe(404);
  });

  it('turns a non-JSON body into INVALID_INPUT', async () => {
    const res = await fetch(`${base}${HTTP_COMMAND_PREFIX}settings:update`, { method: 'POST', headers: { [HTTP_SECRET_HEADER]: secret }, body: '{oops' });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
