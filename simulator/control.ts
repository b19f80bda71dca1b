import { z } from 'zod';
import { dzdToCentimes } from '../shared/money';
import { dzd } from './envelope';
import type { FaultQueue } from './faults';
import type { RateLimiter } from './rate-limit';
import type { RequestLog } from './request-log';
import type { ApiServer } from './server';
import type { SimState } from './state';
import type { SimKeyInfo, SimulatorControl } from './types';
import { simOrder } from './views';

/** Input schemas shared by the in-process control and its HTTP listener, so both refuse the same things. */
export const balanceInputSchema = z.object({ dzd: z.number().min(0).max(1e12) }).strict();
export const offlineInputSchema = z.object({ offline: z.boolean() }).strict();
export const stockInputSchema = z.object({ productId: z.string().min(1), typeId: z.string().min(1), qty: z.number().int().min(0).max(1e9) }).strict();
export const priceInputSchema = z.object({ productId: z.string().min(1), typeId: z.string().min(1), dzd: z.number().min(0).max(1e9) }).strict();
export const configInputSchema = z
  .object({
    handlingMs: z.number().int().min(0).max(86_400_000).optional(),
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
  setLatencyMs(ms: number): void;
}

export function createControl(deps: ControlDeps): SimulatorControl {
  const { state, faults, limiter, log, api, keys } = deps;
  const defaultKey = Object.keys(keys)[0];

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
      if (input.latencyMs !== undefined) deps.setLatencyMs(input.latencyMs);
      if (input.rateLimit !== undefined) limiter.setConfig(input.rateLimit);
    },
    orders: () => state.orders().map(simOrder),
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
