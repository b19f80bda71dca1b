import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandHandlers, EventName } from '../../../shared/contract';
import type { Sale } from '../../../shared/domain';
import { createCore } from '../../../electron/core';
import { silentLogger } from '../../../electron/core/platform/log';
import type { KeyProtector, Logger, ReceiptPrinter, SecretStore, SettingsBackend, TillCore } from '../../../electron/core/platform/ports';
import { plainKeyProtector } from '../../../electron/core/platform/file-secrets';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../simulator';
import type { SaleTiming } from '../../../electron/core/sales/timing';
import type { ProductLine } from '../../../electron/core/product-lines/product-line';

export const TEST_KEY = 'test-key-0123456789';
export const TEST_SHOP_PASSPHRASE = 'correct horse battery staple';

export const FAST_TIMING: Partial<SaleTiming> = {
  firstPollMs: 30,
  pollMs: 50,
  reconcileEveryMs: 50,
  verifyPollMs: 50,
  verifyLatePollMs: 200,
  queuedPollMs: 50,
  reconcileGraceMs: 300,
  probeMinMs: 30,
  probeMaxMs: 200,
  idleMs: 100,
};

export class MemorySecretStore implements SecretStore {
  readonly encrypted = false;
  constructor(private key: string | null = null) {}
  get() {
    return this.key;
  }
  set(k: string) {
    this.key = k;
  }
  clear() {
    this.key = null;
  }
}

export const OWNER = { name: 'Patron', pin: '1234' };

/** Signs the owner in, creating them on a fresh ledger (every sale needs a signed-in cashier). */
export async function signInOwner(h: CommandHandlers): Promise<void> {
  const state = await h['session:get']({});
  if (state.needsSetup) {
    try {
      await h['session:setupOwner'](OWNER);
      return;
    } catch (e) {
      // A till joined to a shop's server may get the shop's owner (issue 12) between the look and the setup.
      if ((e as { code?: string }).code !== 'INVALID_STATE') throw e;
      return signInOwner(h);
    }
  }
  await h['session:login']({ cashierId: state.cashiers.find((c) => c.role === 'owner')!.id, pin: OWNER.pin });
}

/** No sale without an open shift (issue 13): opens one with an empty drawer if the till has none. */
export async function ensureShift(h: CommandHandlers): Promise<void> {
  if (!(await h['shift:current']({}))) await h['shift:open']({ openingCashC: 0 });
}

export interface Harness {
  core: TillCore;
  h: CommandHandlers;
  sim: RunningSimulator;
  dataDir: string;
  events: { name: EventName; payload: unknown }[];
  restart(): Promise<void>;
  /** Opens the core again after it was closed (as after a crash). */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/** A core wired to a fresh simulator and a fresh data dir; `restart` reopens the core on the same data. */
/** `shift: false` leaves the till with no open shift (the tests of opening and counting). */
export async function startHarness(
  o: {
    sim?: SimulatorOptions;
    timing?: Partial<SaleTiming>;
    orderTimeoutMs?: number;
    printer?: ReceiptPrinter;
    shift?: boolean;
    productLines?: readonly ProductLine[];
    /** The shop's PostgreSQL server (issue 12), pushed to quickly. Read at each (re)open. */
    sharedLedgerUrl?: string;
    /** The shop passphrase (issue 12); a fixed one by default when a shared ledger is given. */
    shopPassphrase?: string | null;
    /** Issue 12: what the core logs, and how it seals its files (the saved server URL). */
    logger?: Logger;
    keyProtector?: KeyProtector;
    /** Another till's simulator, for tills of one shop selling with one key (issue 12): left running at close. */
    sharedSim?: RunningSimulator;
    /** The till's API key (POS_API_KEY); TEST_KEY by default. Read at each (re)open, as a changed key would be. */
    envApiKey?: string;
  } = {},
): Promise<Harness> {
  const sim =
    o.sharedSim ??
    (await startSimulator({
      handlingMs: 50,
      keys: { [TEST_KEY]: { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213555000111' } },
      ...(o.sim ?? {}),
    }));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-core-'));
  // Tests send far faster than a counter: lift the till's own request budget.
  const settings: SettingsBackend = { store: { apiRequestsPerMinute: 6000 } };
  const secrets = new MemorySecretStore();
  const events: Harness['events'] = [];
  const open = () =>
    createCore({
      dataDir,
      apiUrl: sim.url,
      envApiKey: o.envApiKey ?? TEST_KEY,
      secretStore: secrets,
      keyProtector: o.keyProtector ?? plainKeyProtector,
      settingsBackend: settings,
      logger: o.logger ?? silentLogger,
      version: 'test',
      printer: o.printer,
      timing: { ...FAST_TIMING, ...(o.timing ?? {}) },
      productLines: o.productLines,
      sharedLedgerUrl: o.sharedLedgerUrl,
      shopPassphrase: o.shopPassphrase === undefined ? TEST_SHOP_PASSPHRASE : o.shopPassphrase,
      sharedLedgerTiming: { pushEveryMs: 50, retryMaxMs: 200, connectTimeoutMs: 1_000, syncEveryMs: 100 },
    });
  const harness: Harness = {
    core: await open(),
    h: undefined as unknown as CommandHandlers,
    sim,
    dataDir,
    events,
    async restart() {
      await harness.core.close();
      await harness.reopen();
    },
    async reopen() {
      harness.core = await open();
      harness.h = harness.core.handlers;
      await signInOwner(harness.h);
      harness.core.onEvent((name, payload) => events.push({ name, payload }));
    },
    async close() {
      await harness.core.close();
      if (!o.sharedSim) await sim.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  harness.h = harness.core.handlers;
  harness.core.onEvent((name, payload) => events.push({ name, payload }));
  await signInOwner(harness.h);
  if (o.shift !== false) await ensureShift(harness.h);
  return harness;
}

export async function waitForSale(h: CommandHandlers, saleId: number, done: (s: Sale) => boolean, timeoutMs = 10_000): Promise<Sale> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await h['sales:get']({ saleId });
    if (done(s)) return s;
    if (Date.now() > until) throw new Error(`sale ${saleId} stuck in ${s.state}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Polls `condition` until it holds: tests wait on what they check, never on a fixed sleep. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function psnOffer(h: CommandHandlers, name = 'PSN 10 USD') {
  const catalog = await h['catalog:list']({});
  const product = catalog.products.find((p) => p.title === 'PlayStation Network');
  if (!product) throw new Error('no PSN product');
  const detail = await h['catalog:product']({ productId: product.id });
  const d = detail.denominations.find((x) => x.name === name);
  if (!d) throw new Error(`no ${name}`);
  return { productId: product.id, typeId: d.typeId, unitRetailC: d.retailC, costC: d.costC };
}

/**
 * Reads the PSN offer while the provider answers, then takes the provider offline and confirms
 * `quantity` cards of it: the sale the till must hold queued. The provider is left offline.
 */
export async function confirmWhileOffline(hx: Harness, quantity = 1): Promise<{ sale: Sale; offer: Awaited<ReturnType<typeof psnOffer>> }> {
  const offer = await psnOffer(hx.h);
  await hx.sim.control.setOffline(true);
  const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity, expectedUnitRetailC: offer.unitRetailC });
  return { sale, offer };
}
