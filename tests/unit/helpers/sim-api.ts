import { expect } from 'vitest';
import { CONTROL_TOKEN_HEADER, TRAINING_API_KEY, type RunningSimulator } from '../../../simulator';

/** One answer of the simulator's API, read as JSON (the tests assert on its fields untyped). */
export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** GET (or POST with `body`) over real HTTP, with the training key unless `key` says otherwise (null: none). */
export async function call(sim: RunningSimulator, path: string, init: { key?: string | null; body?: unknown; signal?: AbortSignal } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  const key = init.key === undefined ? TRAINING_API_KEY : init.key;
  if (key !== null) headers['X-Access-Token'] = key;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  const res = await fetch(sim.url + path, { method: body === undefined ? 'GET' : 'POST', headers, body, ...(init.signal ? { signal: init.signal } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? null : JSON.parse(text) };
}

/** The simulator's JSON control listener, as a test in another process would drive it. */
export async function ctl(sim: RunningSimulator, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const token = { [CONTROL_TOKEN_HEADER]: sim.controlToken ?? '' };
  const res = await fetch(sim.controlUrl + path, {
    method,
    headers: body === undefined ? token : { ...token, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

/**
 * A clock the test moves by hand. Top-ups settle lazily against the simulator's `now`, so a test
 * decides exactly when a status is due, whatever the machine's load.
 */
export function manualClock(startIso = '2025-10-29T09:00:00.000Z') {
  let ms = Date.parse(startIso);
  return {
    now: () => new Date(ms),
    ms: () => ms,
    advance(by: number) {
      ms += by;
    },
  };
}

export function expectOk(r: Reply): any {
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.success).toBe(true);
  expect(r.body.requestId).toMatch(/^req_\d+_[a-z0-9]+$/);
  return r.body.data;
}

/** An error envelope of this status and code; returns `error` for further checks. */
export function expectError(r: Reply, status: number, code: string): any {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.success).toBe(false);
  expect(r.body.error.code).toBe(code);
  expect(typeof r.body.error.message).toBe('string');
  expect(r.body.requestId).toMatch(/^req_\d+_[a-z0-9]+$/);
  return r.body.error;
}

/** What a request that never got an answer failed with: the cause's code, or the error's name. */
export async function networkErrorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return cause?.code ?? (err as Error).name;
  }
  throw new Error('expected the request to fail');
}

/** Account ledger rows, newest first. */
export async function ledger(sim: RunningSimulator): Promise<any[]> {
  return expectOk(await call(sim, '/v3/account/transactions?pageSize=100')).items;
}
