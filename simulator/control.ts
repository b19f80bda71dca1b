import { z } from 'zod';
import { dzdToCentimes } from '../shared/money';
import { dzd } from './envelope';
import type { FaultQueue } from './faults';
import { simInternetTopup, type InternetTopupStore } from './product-lines/internet/store';
import { simMobileTopup, type MobileTopupStore } from './product-lines/mobile-topups/store';
import type { TopupTiming } from './product-lines/topup-book';
import type { RateLimiter } from './rate-limit';
import type { RequestLog } from './request-log';
import type { ApiServer } from './server';
import type { SimState } from './state';
import type { SimKeyInfo, SimTopup, SimulatorControl } from './types';
import { simOrder } from './views';

/** Input schemas shared by the in-process control and its HTTP listener, so both refuse the same things. */
export const balanceInputSchema = z.object({ dzd: z.number().min(0).max(1e12) }).strict();
export const offlineInputSchema = z.object({ offline: z.boolean() }).strict();
export const stockInputSchema = z.object({ productId: z.string().min(1), typeId: z.string().min(1), qty: z.number().int().min(0).max(1e9) }).strict();
export const priceInputSchema = z.object({ productId: z.string().min(1), typeId: z.string().min(1), dzd: z.number().min(0).max(1e9) }).strict();
export const configInputSchema = z
  .object({
    handlingMs: z.number().int().min(0).max(86_400_000).optional(),
    unknownErrorResolveMs: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400_000)
      .optional(),
    queuedResolveMs: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400_000)
      .optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    rateLimit: z
      .object({ requests: z.number().int().min(1), perMs: z.number().int().min(1) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export const directOrderInputSchema = z
  .object({
    key: z.string().min(1).optional(),
    productId: z.string().min(1),
    typeId: z.string().min(1),
    quantity: z.number().int().min(1),
  })
  .strict();

export const resolveTopupInputSchema = z.object({ id: z.string().min(1), status: z.enum(['FULFILLED', 'REFUNDED']) }).strict();
export const planEnabledInputSchema = z.object({ code: z.string().min(1), enabled: z.boolean() }).strict();
export const internetAvailableInputSchema = z.object({ type: z.enum(['ADSL', '4G']), value: z.number().int().min(1), available: z.boolean() }).strict();

/** A control call that was well-formed but cannot be honoured (unknown product, no stock…). */
export class SimControlError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 409,
  ) {
    super(message);
    this.name = 'SimControlError';
  }
}

export interface ControlDeps {
  state: SimState;
  faults: FaultQueue;
  limiter: RateLimiter;
  log: RequestLog;
  api: ApiServer;
  keys: Readonly<Record<string, SimKeyInfo>>;
  mobile: MobileTopupStore;
  internet: InternetTopupStore;
  timing: TopupTiming;
  setLatencyMs(ms: number): void;
}

export function createControl(deps: ControlDeps): SimulatorControl {
  const { state, faults, limiter, log, api, keys, mobile, internet, timing } = deps;
  const defaultKey = Object.keys(keys)[0];

  /** Both lines' top-ups, oldest first (ties on the clock broken by the order of creation). */
  const allTopups = (): SimTopup[] => {
    state.settle();
    const tagged = [
      ...mobile.book.all().map((t) => ({ seq: t.seq, view: simMobileTopup(t) })),
      ...internet.book.all().map((t) => ({ seq: t.seq, view: simInternetTopup(t) })),
    ];
    return tagged.sort((a, b) => a.seq - b.seq).map((t) => t.view);
  };

  return {
    addFault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    setOffline: (offline) => api.setOffline(offlineInputSchema.parse({ offline }).offline),
    setBalance(amount) {
      state.setBalanceC(dzdToCentimes(balanceInputSchema.parse({ dzd: amount }).dzd));
    },
    getBalance: () => dzd(state.getBalanceC()),
    setStock(productId, typeId, qty) {
      const input = stockInputSchema.parse({ productId, typeId, qty });
      try {
        state.setStock(input.productId, input.typeId, input.qty);
      } catch {
        throw new SimControlError('NOT_FOUND', 'unknown product or type', 404);
      }
    },
    setPrice(productId, typeId, amountDzd) {
      const input = priceInputSchema.parse({ productId, typeId, dzd: amountDzd });
      try {
        state.setPrice(input.productId, input.typeId, dzdToCentimes(input.dzd));
      } catch {
        throw new SimControlError('NOT_FOUND', 'unknown product or type', 404);
      }
    },
    setConfig(c) {
      const input = configInputSchema.parse(c);
      if (input.handlingMs !== undefined) state.handlingMs = input.handlingMs;
      if (input.unknownErrorResolveMs !== undefined) timing.unknownErrorResolveMs = input.unknownErrorResolveMs;
      if (input.queuedResolveMs !== undefined) timing.queuedResolveMs = input.queuedResolveMs;
      if (input.latencyMs !== undefined) deps.setLatencyMs(input.latencyMs);
      if (input.rateLimit !== undefined) limiter.setConfig(input.rateLimit);
    },
    orders: () => state.orders().map(simOrder),
    topups: allTopups,
    resolveTopup(id, status) {
      const input = resolveTopupInputSchema.parse({ id, status });
      const alreadyFinal = () => new SimControlError('ALREADY_FINAL', 'the top-up is already FULFILLED or REFUNDED');
      const m = mobile.book.byIdAny(input.id);
      if (m) {
        if (!mobile.resolve(m, input.status)) throw alreadyFinal();
        return simMobileTopup(m);
      }
      const i = internet.book.byIdAny(input.id);
      if (i) {
        if (!internet.resolve(i, input.status)) throw alreadyFinal();
        return simInternetTopup(i);
      }
      throw new SimControlError('NOT_FOUND', 'unknown top-up', 404);
    },
    setPlanEnabled(code, enabled) {
      const input = planEnabledInputSchema.parse({ code, enabled });
      if (!mobile.setPlanEnabled(input.code, input.enabled)) throw new SimControlError('NOT_FOUND', 'unknown plan', 404);
    },
    setInternetAvailable(type, value, available) {
      const input = internetAvailableInputSchema.parse({ type, value, available });
      if (!internet.setAvailable(input.type, input.value, input.available)) throw new SimControlError('NOT_FOUND', 'unknown internet product', 404);
    },
    placeOrderDirect(raw) {
      const input = directOrderInputSchema.parse(raw);
      const key = input.key ?? defaultKey;
      if (key === undefined || !Object.hasOwn(keys, key)) throw new SimControlError('UNKNOWN_KEY', 'unknown API key', 400);
      const result = state.placeOrder(key, { productId: input.productId, typeId: input.typeId, quantity: input.quantity });
      if (!result.ok) throw new SimControlError(result.failure.code, `order refused: ${result.failure.code}`);
      return simOrder(result.order);
    },
    requestLog: () => log.list(),
    resetRequestLog: () => log.reset(),
  };
}
