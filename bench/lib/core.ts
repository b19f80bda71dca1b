import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandHandlers, EventName } from '../../shared/contract';
import type { Sale, SaleState } from '../../shared/domain';
import { createCore } from '../../electron/core';
import { fingerprint } from '../../electron/core/provider/key-session';
import { silentLogger } from '../../electron/core/platform/log';
import type { SecretStore, SettingsBackend, TillCore } from '../../electron/core/platform/ports';
import type { SaleTiming } from '../../electron/core/sales/timing';
import { plainKeyProtector } from '../../electron/core/platform/file-secrets';
import type { SimKeyInfo } from '../../simulator';

/** The API key the benchmarks sell with (a SANDBOX key known to the simulator). */
export const BENCH_KEY = 'bench-key-0123456789';
export const BENCH_KEY_ID = fingerprint(BENCH_KEY);
export const BENCH_KEYS: Record<string, SimKeyInfo> = { [BENCH_KEY]: { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213555000999' } };

class MemorySecretStore implements SecretStore {
  readonly encrypted = false;
  get() {
    return null;
  }
  set() {}
  clear() {}
}

export interface OpenCore {
  core: TillCore;
  h: CommandHandlers;
  /** performance.now() of the first time each sale reached each state (from `sales:changed`). */
  reached: Map<number, Map<SaleState, number>>;
  /** Resolves when the sale first reaches one of `states` (already reached: at once). */
  waitState(saleId: number, states: readonly SaleState[], timeoutMs?: number): Promise<{ state: SaleState; at: number }>;
  /** Resolves on the next event of that name. */
  nextEvent(name: EventName, timeoutMs?: number): Promise<unknown>;
}

/** A core in this process, against `apiUrl`, selling with BENCH_KEY (environment key, so no training simulator). */
export async function openCore(o: {
  dataDir: string;
  apiUrl: string;
  apiKey?: string;
  timing?: Partial<SaleTiming>;
  settings?: SettingsBackend;
}): Promise<OpenCore> {
  const reached = new Map<number, Map<SaleState, number>>();
  const waiters = new Set<() => void>();
  const eventWaiters = new Map<EventName, ((p: unknown) => void)[]>();
  const core = await createCore({
    dataDir: o.dataDir,
    apiUrl: o.apiUrl,
    envApiKey: o.apiKey ?? BENCH_KEY,
    secretStore: new MemorySecretStore(),
    keyProtector: plainKeyProtector,
    // A long idle lock: a benchmark waits on events, which do not count as activity.
    settingsBackend: o.settings ?? { store: { idleLockMinutes: 240 } },
    logger: silentLogger,
    version: 'bench',
    timing: o.timing,
  });
  await signIn(core.handlers);
  core.onEvent((name, payload) => {
    const at = performance.now();
    if (name === 'sales:changed') {
      const sale = payload as Sale;
      let m = reached.get(sale.id);
      if (!m) reached.set(sale.id, (m = new Map()));
      if (!m.has(sale.state)) m.set(sale.state, at);
      for (const w of [...waiters]) w();
    }
    const ws = eventWaiters.get(name);
    if (ws && ws.length > 0) {
      eventWaiters.set(name, []);
      for (const w of ws) w(payload);
    }
  });
  const waitState: OpenCore['waitState'] = (saleId, states, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const m = reached.get(saleId);
        for (const s of states) {
          const at = m?.get(s);
          if (at !== undefined) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve({ state: s, at });
            return true;
          }
        }
        return false;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`sale ${saleId} did not reach ${states.join('/')} within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });
  const nextEvent: OpenCore['nextEvent'] = (name, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${name} event within ${timeoutMs} ms`)), timeoutMs);
      const list = eventWaiters.get(name) ?? [];
      list.push((p) => {
        clearTimeout(timer);
        resolve(p);
      });
      eventWaiters.set(name, list);
    });
  return { core, h: core.handlers, reached, waitState, nextEvent };
}

type LooseHandlers = Record<string, ((input: unknown) => Promise<unknown>) | undefined>;

/**
 * Where the core has cashiers with PINs and shifts, sign in as the owner (set up on first use)
 * and open a shift, as a shop would at the start of the day. Looked up by name so that the
 * benchmarks also run against a core without staff.
 */
async function signIn(handlers: CommandHandlers): Promise<void> {
  const h = handlers as unknown as LooseHandlers;
  const get = h['session:get'];
  if (!get) return;
  const state = (await get({})) as { needsSetup: boolean; cashier: unknown; cashiers: { id: number; role: string }[] };
  if (state.cashier) return;
  if (state.needsSetup) await h['session:setupOwner']?.({ name: 'Bench Owner', pin: BENCH_PIN });
  else {
    const owner = state.cashiers.find((c) => c.role === 'owner');
    if (!owner) throw new Error('no owner to sign in as');
    await h['session:login']?.({ cashierId: owner.id, pin: BENCH_PIN });
  }
  const current = h['shift:current'];
  if (current && (await current({})) === null) await h['shift:open']?.({ openingCashC: 0 });
}

const BENCH_PIN = '246810';

export function tempDir(prefix: string): string {
  const base = process.env.BENCH_WORK_DIR ?? os.tmpdir();
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, `${prefix}-`));
}

/** An offer the till can sell: a product and denomination with its current retail price. */
export interface Offer {
  productId: string;
  typeId: string;
  expectedUnitRetailC: number;
}

/** The first `count` sellable denominations of enabled products (skipping the sandbox test types). */
export async function findOffers(h: CommandHandlers, count: number): Promise<Offer[]> {
  const catalog = await h['catalog:list']({});
  const offers: Offer[] = [];
  for (const p of catalog.products) {
    if (!p.enabled) continue;
    const detail = await h['catalog:product']({ productId: p.id });
    for (const d of detail.denominations) {
      if (d.typeId.startsWith('TEST_')) continue;
      offers.push({ productId: p.id, typeId: d.typeId, expectedUnitRetailC: d.retailC });
      if (offers.length >= count) return offers;
    }
  }
  return offers;
}

export const FINAL: readonly SaleState[] = ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'CANCELLED', 'NEEDS_REVIEW', 'EXPIRED'];
