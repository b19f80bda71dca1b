import { describe, expect, it, vi } from 'vitest';
import { HTTP_COMMAND_PREFIX, HTTP_EVENTS_PATH, HTTP_SECRET_HEADER, type PreloadBridge } from '../../shared/api';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import { createHttpApi, createPreloadApi, takeSecret, type HttpDeps } from '../../renderer/src/bridge';

const balance = { balanceC: 5_000_000, checkedAt: '2026-01-01T00:00:00.000Z', low: false };

function fakeFetch(reply: (url: string, init: { headers: Record<string, string>; body: string }) => unknown, status = 200) {
  const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
  const fetch: HttpDeps['fetch'] = async (url, init) => {
    calls.push({ url, headers: init.headers, body: init.body });
    const body = reply(url, init);
    return { status, json: async () => (body instanceof Error ? Promise.reject(body) : body) };
  };
  return { fetch, calls };
}

class FakeEventSource {
  static last: FakeEventSource | null = null;
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  listeners = new Map<string, (ev: { data?: unknown }) => void>();
  closed = false;
  constructor(public url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, l: (ev: { data?: unknown }) => void) {
    this.listeners.set(type, l);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: string) {
    this.listeners.get(type)?.({ data });
  }
}

describe('HTTP bridge', () => {
  it('posts the input with the secret header and validates the result', async () => {
    const { fetch, calls } = fakeFetch(() => ({ ok: true, value: balance }));
    const api = createHttpApi({ fetch, secret: 's3cr3t' });
    const r = await api.call('account:balance', { refresh: true });
    expect(r).toEqual({ ok: true, value: balance });
    expect(calls[0]!.url).toBe(`${HTTP_COMMAND_PREFIX}account:balance`);
    expect(calls[0]!.headers[HTTP_SECRET_HEADER]).toBe('s3cr3t');
    expect(JSON.parse(calls[0]!.body)).toEqual({ refresh: true });
  });

  it('passes error results through unchanged', async () => {
    const error = { code: 'INSUFFICIENT_BALANCE', message: 'Not enough', details: { requiredC: 100 } };
    const { fetch } = fakeFetch(() => ({ ok: false, error }));
    const r = await createHttpApi({ fetch, secret: 'x' }).call('account:balance', {});
    expect(r).toEqual({ ok: false, error });
  });

  it('turns a network failure into INTERNAL, never a throw', async () => {
    const fetch: HttpDeps['fetch'] = async () => {
      throw new TypeError('Failed to fetch');
    };
    const api = createHttpApi({ fetch, secret: 'x' });
    const states: string[] = [];
    api.onTransport((s) => states.push(s));
    const r = await api.call('app:status', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INTERNAL');
    expect(states).toEqual(['down']);
  });

  it('treats a payload that does not match the contract as an error, without echoing it', async () => {
    const { fetch } = fakeFetch(() => ({ ok: true, value: { saleId: 1, html: '<p>CODE-1234</p>', paperWidthMm: 66 } }));
    const r = await createHttpApi({ fetch, secret: 'x' }).call('sales:receipt', { saleId: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INTERNAL');
      expect(JSON.stringify(r.error)).not.toContain('CODE-1234');
    }
    const bad = fakeFetch(() => 'not an envelope');
    expect((await createHttpApi({ fetch: bad.fetch, secret: 'x' }).call('app:status', {})).ok).toBe(false);
    const notJson = fakeFetch(() => new SyntaxError('bad json'), 502);
    const r2 = await createHttpApi({ fetch: notJson.fetch, secret: 'x' }).call('app:status', {});
    expect(r2.ok).toBe(false);
  });

  it('refuses invalid input before sending, naming the field', async () => {
    const { fetch, calls } = fakeFetch(() => ({ ok: true, value: {} }));
    const r = await createHttpApi({ fetch, secret: 'x' }).call('sales:confirm', {
      productId: 'p1',
      typeId: 't1',
      quantity: 0,
      expectedUnitRetailC: 100,
    });
    expect(calls).toHaveLength(0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'quantity' } });
  });

  it('receives events over one EventSource, validated per event', () => {
    const { fetch } = fakeFetch(() => ({}));
    const api = createHttpApi({ fetch, secret: 'a b', EventSource: FakeEventSource as never });
    const got: unknown[] = [];
    const off = api.on('connection:changed', (p) => got.push(p));
    api.on('balance:changed', (p) => got.push(p));
    const es = FakeEventSource.last!;
    expect(es.url).toBe(`${HTTP_EVENTS_PATH}?secret=a%20b`);
    es.emit('connection:changed', JSON.stringify({ state: 'offline', queued: 2 }));
    es.emit('connection:changed', JSON.stringify({ state: 'sideways', queued: 2 })); // invalid: dropped
    es.emit('connection:changed', '{not json');
    es.emit('balance:changed', JSON.stringify(balance));
    off();
    es.emit('connection:changed', JSON.stringify({ state: 'online', queued: 0 }));
    expect(got).toEqual([{ state: 'offline', queued: 2 }, balance]);
  });

  it('reopens the stream when the server closed it for good', () => {
    const timers: (() => void)[] = [];
    const api = createHttpApi({
      fetch: fakeFetch(() => ({})).fetch,
      secret: 'x',
      EventSource: FakeEventSource as never,
      setTimeout: (fn) => timers.push(fn),
    });
    const states: string[] = [];
    api.onTransport((s) => states.push(s));
    api.on('sales:changed', () => {});
    const first = FakeEventSource.last!;
    first.readyState = 2;
    first.onerror?.({});
    expect(first.closed).toBe(true);
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(FakeEventSource.last).not.toBe(first);
    FakeEventSource.last!.onopen?.({});
    expect(states).toEqual(['down', 'up']);
  });
});

describe('preload bridge', () => {
  it('calls the per-command function and validates what comes back', async () => {
    const settingsGet = vi.fn(async () => ({ ok: true as const, value: DEFAULT_SETTINGS }));
    const badStatus = vi.fn(async () => ({ ok: true as const, value: { mode: 'nope' } }));
    const throwing = vi.fn(async () => {
      throw new Error('ipc died');
    });
    const subscribe = vi.fn((_name: string, l: (p: unknown) => void) => {
      l({ state: 'online', queued: 0 });
      l({ state: 'bad' });
      return () => {};
    });
    const preload = {
      commands: { 'settings:get': settingsGet, 'app:status': badStatus, 'account:balance': throwing },
      subscribe,
    } as unknown as PreloadBridge;
    const api = createPreloadApi(preload);
    expect(await api.call('settings:get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    const s = await api.call('app:status', {});
    expect(s.ok).toBe(false);
    const b = await api.call('account:balance', {});
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error.code).toBe('INTERNAL');
    const events: unknown[] = [];
    api.on('connection:changed', (p) => events.push(p));
    expect(events).toEqual([{ state: 'online', queued: 0 }]);
  });
});

describe('secret from the URL', () => {
  function fakeWindow(hash: string, stored: string | null = null) {
    const storage = new Map<string, string>();
    if (stored) storage.set('till.secret', stored);
    const replaced: string[] = [];
    return {
      win: {
        location: { hash, pathname: '/', search: '' },
        history: { state: null, replaceState: (_d: unknown, _u: string, url?: string) => replaced.push(url ?? '') },
        sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
      },
      storage,
      replaced,
    };
  }

  it('reads #secret=, keeps it for reloads and removes it from the address bar', () => {
    const { win, storage, replaced } = fakeWindow('#secret=abc%2Fdef');
    expect(takeSecret(win)).toBe('abc/def');
    expect(storage.get('till.secret')).toBe('abc/def');
    expect(replaced).toEqual(['/']);
  });

  it('falls back to the session copy after a reload', () => {
    const { win, replaced } = fakeWindow('', 'kept');
    expect(takeSecret(win)).toBe('kept');
    expect(replaced).toEqual([]);
    expect(takeSecret(fakeWindow('').win)).toBeNull();
  });
});
