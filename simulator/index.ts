/**
 * A built-in OneClickDZ v3 simulator: a real HTTP server on 127.0.0.1 that speaks the provider's
 * endpoints and envelopes. The till talks to it in training mode (no key configured) and the tests
 * drive it, with fault injection, through `control` or the JSON control listener.
 */
import { dzdToCentimes } from '../shared/money';
import { AuthGuard } from './auth';
import { buildCatalog } from './catalog';
import { TRAINING_API_KEY } from './constants';
import { createControl } from './control';
import { ControlServer } from './control-server';
import { FaultQueue } from './faults';
import { cryptoRng, seededRng } from './random';
import { RateLimiter } from './rate-limit';
import { giftCardSimLine } from './product-lines/gift-cards/routes';
import { createInternetLine } from './product-lines/internet/routes';
import { INTERNET_NUMBERS } from './product-lines/internet/scenarios';
import { createMobileTopupLine } from './product-lines/mobile-topups/routes';
import { MOBILE_TOPUP_NUMBERS } from './product-lines/mobile-topups/scenarios';
import type { TopupLineDeps, TopupTiming } from './product-lines/topup-book';
import { RequestLog } from './request-log';
import { apiRoutes } from './routes';
import { ApiServer } from './server';
import { SimState } from './state';
import type { SimulatorOptions } from './options';
import type { RunningSimulator, SimKeyInfo } from './types';

export { CONTROL_TOKEN_HEADER, TEST_TYPE_PARTIAL, TEST_TYPE_REFUND, TRAINING_API_KEY } from './constants';
export type {
  RateLimitConfig,
  RunningSimulator,
  SimCard,
  SimFaultEndpoint,
  SimFaultKind,
  SimFaultSpec,
  SimInternetTopup,
  SimKeyInfo,
  SimLineId,
  SimMobileTopup,
  SimOrder,
  SimOrderStatus,
  SimRequestLogEntry,
  SimTopup,
  SimTopupStatus,
  SimulatorBaseOptions,
  SimulatorControl,
} from './types';
export type { SimulatorOptions } from './options';
export { SimControlError } from './control';
export type { SimProductLine } from './product-lines/product-line';
export type { Route as SimRoute, RouteContext as SimRouteContext } from './route-kit';
export { dzd, failure, success } from './envelope';

/**
 * The numbers that make a top-up do something other than succeed: tests name them rather than
 * repeat digits. `mobile.refunded` and `mobile.refundedWithOffers` are the provider's documented
 * sandbox numbers; the others are the simulator's own (see the README).
 */
export const TOPUP_NUMBERS = { mobile: MOBILE_TOPUP_NUMBERS, internet: INTERNET_NUMBERS } as const;

const HOUR_MS = 60 * 60 * 1000;

const DEFAULT_KEYS: Record<string, SimKeyInfo> = {
  [TRAINING_API_KEY]: { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213550000000' },
};

function nonNegativeInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return value;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const now = options.now ?? (() => new Date());
  const keys = { ...(options.keys ?? DEFAULT_KEYS) };
  if (Object.keys(keys).length === 0) throw new RangeError('at least one API key is required');
  const port = nonNegativeInt('port', options.port ?? 0);
  let latencyMs = nonNegativeInt('latencyMs', options.latencyMs ?? 0);
  const balanceDzd = options.balanceDzd ?? 50_000;
  if (!Number.isFinite(balanceDzd) || balanceDzd < 0) throw new RangeError('balanceDzd must be a non-negative number');

  const rng = options.seed === undefined ? cryptoRng() : seededRng(options.seed);
  const state = new SimState(buildCatalog(), {
    balanceC: dzdToCentimes(balanceDzd),
    handlingMs: nonNegativeInt('handlingMs', options.handlingMs ?? 2000),
    now,
    rng,
  });
  const timing: TopupTiming = {
    unknownErrorResolveMs: nonNegativeInt('unknownErrorResolveMs', options.unknownErrorResolveMs ?? 6 * HOUR_MS),
    queuedResolveMs: nonNegativeInt('queuedResolveMs', options.queuedResolveMs ?? 24 * HOUR_MS),
  };
  let topupSeq = 0;
  // Each top-up line draws from its own stream, so that a seed still gives the gift cards the codes
  // it gave them before the top-up lines existed, whatever the till sells in between.
  const lineDeps = (salt: number): TopupLineDeps => ({
    state,
    now,
    rng: options.seed === undefined ? cryptoRng() : seededRng(options.seed ^ salt),
    timing,
    nextSeq: () => ++topupSeq,
  });
  const mobile = createMobileTopupLine(lineDeps(0x6d6f6269));
  const internet = createInternetLine(lineDeps(0x696e7465));
  const faults = new FaultQueue();
  const limiter = new RateLimiter(options.rateLimit ?? null, now);
  const log = new RequestLog();
  const api = new ApiServer({
    state,
    auth: new AuthGuard(keys, now),
    limiter,
    faults,
    log,
    now,
    latencyMs: () => latencyMs,
    // Top-ups are built in like gift cards: the till's training mode sells all three lines.
    routes: apiRoutes([giftCardSimLine, mobile.line, internet.line, ...(options.productLines ?? [])]),
  });
  const control = createControl({
    state,
    faults,
    limiter,
    log,
    api,
    keys,
    mobile: mobile.store,
    internet: internet.store,
    timing,
    setLatencyMs: (ms) => {
      latencyMs = ms;
    },
  });
  // Validates the rate limit the same way setConfig would.
  if (options.rateLimit) control.setConfig({ rateLimit: options.rateLimit });

  const apiPort = await api.start(port);
  // The control listener exists only when a test or benchmark asks for it: the till's training
  // simulator runs without one, so nothing on the machine can drive it.
  const controlServer = options.controlListener ? new ControlServer(control) : null;
  let controlPort: number | null = null;
  try {
    if (controlServer) controlPort = await controlServer.start();
  } catch (err) {
    await api.close();
    throw err;
  }

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${apiPort}`,
    port: apiPort,
    controlUrl: controlPort === null ? null : `http://127.0.0.1:${controlPort}`,
    controlToken: controlServer?.token ?? null,
    control,
    close() {
      closing ??= Promise.all([api.close(), controlServer?.close()]).then(() => undefined);
      return closing;
    },
  };
}
