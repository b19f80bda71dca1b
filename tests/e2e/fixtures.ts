import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = process.cwd();

export interface SimHandle {
  url: string;
  controlUrl: string;
  /** Per-launch token of the simulator's control listener (printed by the CLI on its stdout pipe). */
  controlToken: string;
}

/** A call to the simulator's control listener: token header, JSON body. */
export function simControl(sim: SimHandle, method: 'GET' | 'POST', route: string, body?: unknown): Promise<Response> {
  const token = { 'x-sim-control-token': sim.controlToken };
  return fetch(`${sim.controlUrl}${route}`, {
    method,
    headers: body === undefined ? token : { ...token, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export interface Till {
  page: Page;
  url: string;
  dataDir: string;
  sim: SimHandle;
  host: ChildProcess;
  /** Kills the till (SIGKILL when `hard`) and starts it again on the same data dir; the page is reloaded. */
  restart(opts?: { hard?: boolean }): Promise<void>;
}

export interface TillOptions {
  /** Extra environment for the till process (e.g. ONECLICKDZ_API_KEY to leave training mode). */
  tillEnv: Record<string, string>;
  simArgs: string[];
  /** Sign the owner in through the contract before the page opens (false: test the PIN screens). */
  signedIn: boolean;
  /** Leave training mode: the till uses this key against the simulator as if it were the provider. */
  apiKey: string | null;
  /** With `signedIn`, also open a shift (0 DA float) through the contract; false: the float screen shows. */
  openShift: boolean;
}

export const OWNER = { name: 'Patron', pin: '1234' };

/** Calls a command on a running till the way the page does (secret from the URL). */
export async function tillCall(url: string, name: string, input: unknown): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
  const u = new URL(url);
  const secret = new URLSearchParams(u.hash.slice(1)).get('secret') ?? '';
  const res = await fetch(`${u.protocol}//${u.host}/api/command/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-till-secret': secret },
    body: JSON.stringify(input),
  });
  return (await res.json()) as never;
}

async function signInOwner(url: string, openShift = true): Promise<void> {
  const state = await tillCall(url, 'session:get', {});
  if (state.value.needsSetup) await tillCall(url, 'session:setupOwner', OWNER);
  else await tillCall(url, 'session:login', { cashierId: state.value.cashiers.find((c: { role: string }) => c.role === 'owner').id, pin: OWNER.pin });
  // The tests poll far faster than a counter would: lift the till's own request budget.
  await tillCall(url, 'settings:update', { apiRequestsPerMinute: 3000 });
  // No sale without an open shift (issue 13): open one through the contract, so the page starts
  // at the counter. The specs of the float screen and the count set `openShift: false`.
  if (openShift && !(await tillCall(url, 'shift:current', {})).value) await tillCall(url, 'shift:open', { openingCashC: 0 });
}

/** Waits for a line starting with `prefix` on a child's stdout. */
function readLine(child: ChildProcess, prefix: string, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`no "${prefix}" line within ${timeoutMs} ms`)), timeoutMs);
    rl.on('line', (line) => {
      if (line.startsWith(prefix)) {
        clearTimeout(timer);
        rl.close();
        resolve(line.slice(prefix.length));
      }
    });
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before "${prefix}"`)));
  });
}

async function startSim(args: string[]): Promise<{ child: ChildProcess; handle: SimHandle }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/simulator/cli.js'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const json = await readLine(child, '{');
  return { child, handle: JSON.parse(`{${json}`) as SimHandle };
}

export const FAST_TIMING = JSON.stringify({
  firstPollMs: 200,
  pollMs: 300,
  reconcileEveryMs: 300,
  reconcileGraceMs: 1500,
  probeMinMs: 200,
  probeMaxMs: 1000,
  idleMs: 500,
});

async function startHost(dataDir: string, sim: SimHandle, extra: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/host/serve.js'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      POS_DATA_DIR: dataDir,
      POS_TRAINING_API_URL: sim.url,
      POS_TIMING: FAST_TIMING,
      ONECLICKDZ_API_KEY: '',
      ...extra,
    },
  });
  child.stderr!.resume();
  const url = await readLine(child, 'TILL_URL=');
  return { child, url };
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill(signal);
  });
}

export const test = base.extend<TillOptions & { till: Till }>({
  tillEnv: [{}, { option: true }],
  simArgs: [['--handling-ms', '400'], { option: true }],
  signedIn: [true, { option: true }],
  apiKey: [null, { option: true }],
  openShift: [true, { option: true }],
  till: async ({ page, tillEnv, simArgs, signedIn, apiKey, openShift }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-e2e-'));
    const sim = await startSim(simArgs);
    const env = apiKey ? { ...tillEnv, ONECLICKDZ_API_URL: sim.handle.url, ONECLICKDZ_API_KEY: apiKey } : tillEnv;
    let host = await startHost(dataDir, sim.handle, env);
    if (signedIn) await signInOwner(host.url, openShift);
    await page.goto(host.url);
    const till: Till = {
      page,
      url: host.url,
      dataDir,
      sim: sim.handle,
      host: host.child,
      async restart(opts = {}) {
        await stop(host.child, opts.hard ? 'SIGKILL' : 'SIGTERM');
        host = await startHost(dataDir, sim.handle, env);
        till.url = host.url;
        till.host = host.child;
        if (signedIn) await signInOwner(host.url, openShift);
        await page.goto(host.url);
      },
    };
    await use(till);
    await stop(host.child);
    await stop(sim.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * The header keeps languages, settings and the back office in one menu (issue 13): opens it by
 * its name (the menu button's label in the page's language) and picks the item named `item`.
 */
export async function menuItem(page: Page, item: string, menu = 'Menu'): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: menu, exact: true }).click();
  const list = page.getByRole('menu', { name: menu });
  await list
    .getByRole('menuitem', { name: item, exact: true })
    .or(list.getByRole('menuitemradio', { name: item, exact: true }))
    .click();
}

export async function simOrders(
  till: Till,
): Promise<{ id: string; productId: string; typeId: string; quantity: number; status: string; cards: { value: string; serial: string }[] }[]> {
  const res = await simControl(till.sim, 'GET', '/orders');
  return (await res.json()) as never;
}

/**
 * An order of one PSN 10 USD card placed at the simulator behind the till's back (as another till,
 * or the provider's own site, would): what reconciliation must find.
 */
export async function placeOrderBehindTill(till: Till): Promise<void> {
  const catalog = await tillCall(till.url, 'catalog:list', {});
  const psn = catalog.value.products.find((p: { title: string }) => p.title === 'PlayStation Network');
  const detail = await tillCall(till.url, 'catalog:product', { productId: psn.id });
  const type = detail.value.denominations.find((d: { name: string }) => /^PSN 10 USD\b/.test(d.name));
  const placed = await simControl(till.sim, 'POST', '/orders', { key: 'training-key', productId: psn.id, typeId: type.typeId, quantity: 1 });
  if (!placed.ok) throw new Error(`order refused by the simulator: ${placed.status}`);
}

export async function simFault(till: Till, spec: Record<string, unknown>): Promise<void> {
  const res = await simControl(till.sim, 'POST', '/faults', spec);
  if (!res.ok) throw new Error(`fault refused: ${res.status}`);
}

export async function simOffline(till: Till, offline: boolean): Promise<void> {
  await simControl(till.sim, 'POST', '/offline', { offline });
}

export async function simSetBalance(till: Till, dzd: number): Promise<void> {
  await simControl(till.sim, 'POST', '/balance', { dzd });
}

/**
 * One PSN 10 USD sale made through the contract (as another window of the till would), waited
 * until FULFILLED: its id and what the customer paid.
 */
export async function soldThroughTheContract(till: Till): Promise<{ id: number; totalRetailC: number }> {
  const catalog = await tillCall(till.url, 'catalog:list', {});
  const psn = (catalog.value.products as { id: string; title: string }[]).find((p) => p.title === 'PlayStation Network')!;
  const detail = await tillCall(till.url, 'catalog:product', { productId: psn.id });
  const d = (detail.value.denominations as { typeId: string; name: string; retailC: number }[]).find((x) => x.name === 'PSN 10 USD')!;
  const sale = await tillCall(till.url, 'sales:confirm', { productId: psn.id, typeId: d.typeId, quantity: 1, expectedUnitRetailC: d.retailC });
  expect(sale.ok).toBe(true);
  await expect.poll(async () => (await tillCall(till.url, 'sales:get', { saleId: sale.value.id })).value.state).toBe('FULFILLED');
  return { id: sale.value.id as number, totalRetailC: sale.value.totalRetailC as number };
}

/**
 * At the counter: touches the product, then its card (one, or `quantity` with the + button), then
 * "Confirmer la vente" in the confirmation dialog. By default one PSN 10 USD card.
 */
export async function sellOnScreen(page: Page, product = 'PlayStation Network', card: RegExp = /^PSN 10 USD\b/, quantity = 1): Promise<void> {
  await page.getByRole('button', { name: product, exact: true }).click();
  await page.getByRole('button', { name: card }).click();
  for (let i = 1; i < quantity; i++) await page.getByRole('button', { name: 'Augmenter la quantité' }).click();
  await page.getByRole('dialog', { name: 'Confirmer la vente' }).getByRole('button', { name: 'Confirmer la vente' }).click();
}

/** The words of the French till, where a spec passes them to a step that another language can take too. */
const QUEUED_SALE_FR = { confirm: 'Confirmer la vente', sale: /Vente n° 1/, queued: 'En file d’attente (hors ligne)' };

/**
 * A PSN 10 USD sale confirmed while the provider is unreachable (its prices read online first): it
 * stays on screen, queued. The simulator is left offline; `words` are the till's, in its language.
 */
export async function queueSaleOffline(till: Till, words: { confirm: string; sale: RegExp; queued: string } = QUEUED_SALE_FR): Promise<void> {
  const { page } = till;
  await page.getByRole('button', { name: 'PlayStation Network', exact: true }).click();
  await expect(page.getByRole('button', { name: /^PSN 10 USD\b/ })).toBeEnabled();
  await simOffline(till, true);
  await page.getByRole('button', { name: /^PSN 10 USD\b/ }).click();
  await page.getByRole('dialog', { name: words.confirm }).getByRole('button', { name: words.confirm }).click();
  await expect(page.getByRole('status', { name: words.sale })).toContainText(words.queued, { timeout: 15_000 });
}
