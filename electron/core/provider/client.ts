import type { z } from 'zod';
import { dzdToCentimes, type Centimes } from '../../../shared/money';
import { backoffMs } from './backoff';
import { classifyHttpError } from './classify';
import { ApiError } from './errors';
import {
  balanceDataSchema,
  catalogDataSchema,
  envelopeSchema,
  orderDataSchema,
  orderListDataSchema,
  paginationSchema,
  placeOrderDataSchema,
  productDataSchema,
  transactionListDataSchema,
  validateDataSchema,
} from './schemas';
import type { RateGate } from './rate-gate';
import { nodeTransport, TransportError, type Transport } from './transport';

export interface ApiAccount {
  username: string;
  keyType: 'SANDBOX' | 'PRODUCTION';
  scope: 'READ-WRITE' | 'READ-ONLY';
}
export interface ApiCatalog {
  categories: { title: string; products: { id: string; title: string; enabled: boolean; region: string | null }[] }[];
}
export interface ApiProduct {
  productId: string;
  title: string;
  types: { id: string; name: string; costC: Centimes; stock: number }[];
}
export type ApiOrderStatus = 'HANDLING' | 'FULFILLED' | 'PARTIALLY_FILLED' | 'REFUNDED';
export interface ApiOrder {
  orderId: string;
  status: ApiOrderStatus;
  quantity: number | null;
  deliveredQuantity: number;
  fulfilledAmountC: Centimes;
  pricePerCardC: Centimes | null;
  cards: { value: string; serial: string }[];
  productId: string | null;
  typeId: string | null;
  time: string | null;
}
export interface ApiTransaction {
  id: string | null;
  type: string;
  amountC: Centimes;
  objid: string | null;
  time: string;
}
export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
}

export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  transport?: Transport;
  /** Per-call timeout for reads. */
  timeoutMs?: number;
  /** placeOrder waits longer: giving up early only turns a sale into an unknown. */
  orderTimeoutMs?: number;
  getRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Shared request budget for this key (rate-gate.ts); absent: no client-side limit. */
  gate?: RateGate;
}

/** A read's retries wait 250–500 ms, then 250–1000 ms (provider/backoff.ts), never above 2 s. */
const READ_RETRY_MIN_MS = 250;
const READ_RETRY_MAX_MS = 2_000;

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * OneClickDZ v3 client. Reads may retry with backoff; placeOrder is sent exactly once per call.
 * After the provider refuses the key (401) or blocks the IP, every further call fails at once
 * without touching the network: five bad attempts lock the shop out for 15 minutes.
 */
export class OneClickDzClient {
  private readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly transport: Transport;
  private readonly timeoutMs: number;
  private readonly orderTimeoutMs: number;
  private readonly getRetries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private halted: ApiError | null = null;
  private readonly gate: RateGate | undefined;

  constructor(opts: ClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.apiKey = opts.apiKey;
    this.transport = opts.transport ?? nodeTransport;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.orderTimeoutMs = opts.orderTimeoutMs ?? 30_000;
    this.getRetries = opts.getRetries ?? 2;
    this.sleep = opts.sleep ?? defaultSleep;
    this.random = opts.random ?? Math.random;
    this.gate = opts.gate;
  }

  /** The error that stopped this client, if the provider refused its key. */
  get haltedBy(): ApiError | null {
    return this.halted;
  }

  async ping(): Promise<boolean> {
    const data = await this.get('/v3/ping', 0);
    return typeof data === 'object' && data !== null;
  }

  async validate(): Promise<ApiAccount> {
    const data = this.parse(validateDataSchema, await this.get('/v3/validate'), 'validate');
    return { username: data.username, keyType: data.apiKey.type, scope: data.apiKey.scope };
  }

  async balance(): Promise<Centimes> {
    return dzdToCentimes(this.parse(balanceDataSchema, await this.get('/v3/account/balance'), 'balance').balance);
  }

  async catalog(): Promise<ApiCatalog> {
    const data = this.parse(catalogDataSchema, await this.get('/v3/gift-cards/catalog'), 'catalog');
    return {
      categories: data.categories.map((c, i) => ({
        title: c.title ?? c.name ?? `#${i + 1}`,
        products: c.products.map((p) => ({
          id: (p.id ?? p._id) as string,
          title: p.title ?? p.name ?? '',
          enabled: p.enabled ?? true,
          region: p.region ?? null,
        })),
      })),
    };
  }

  async checkProduct(productId: string): Promise<ApiProduct> {
    const data = this.parse(productDataSchema, await this.get(`/v3/gift-cards/checkProduct/${encodeURIComponent(productId)}`), 'checkProduct');
    return {
      productId: data.productId ?? data._id ?? productId,
      title: data.productTitle ?? data.title ?? '',
      types: data.types.map((t) => ({
        id: (t.id ?? t._id) as string,
        name: t.name,
        costC: dzdToCentimes(t.price),
        stock: Math.max(0, Math.floor(t.quantity)),
      })),
    };
  }

  /**
   * Waits for this client's turn under the rate gate. The order sender calls it before it marks a
   * sale SENDING, so SENDING means "leaving now", not "waiting for a slot".
   */
  async waitTurn(): Promise<void> {
    await this.gate?.take();
  }

  /**
   * Sent once. Errors say whether the order certainly was not created (kind `unsent`) or may have
   * been (`unknown`). `turnTaken`: the caller already waited its turn with `waitTurn`.
   */
  async placeOrder(input: { productId: string; typeId: string; quantity: number }, opts: { turnTaken?: boolean } = {}): Promise<{ orderId: string }> {
    const body = JSON.stringify({ productId: input.productId, typeId: input.typeId, quantity: input.quantity });
    const raw = await this.exchange('POST', '/v3/gift-cards/placeOrder', body, true, opts.turnTaken === true);
    const parsed = placeOrderDataSchema.safeParse(raw);
    if (!parsed.success) {
      // The provider said "success" but we cannot read the order id: it may well exist.
      throw new ApiError('unknown', 'API_OUTCOME_UNKNOWN', 'The provider accepted the order but its answer was unreadable');
    }
    return { orderId: parsed.data.orderId };
  }

  async checkOrder(orderId: string): Promise<ApiOrder> {
    const data = this.parse(orderDataSchema, await this.get(`/v3/gift-cards/checkOrder/${encodeURIComponent(orderId)}`), 'checkOrder');
    return toOrder(data, orderId);
  }

  async listOrders(q: { page: number; pageSize: number; from: string; to: string }): Promise<Page<ApiOrder>> {
    const qs = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize), from: q.from, to: q.to });
    const { data, meta } = await this.getWithMeta(`/v3/gift-cards/list?${qs}`);
    const parsed = this.parse(orderListDataSchema, data, 'list');
    const pagination = parsed.pagination ?? paginationSchema.safeParse(meta?.pagination).data;
    return {
      items: parsed.items.filter((o) => (o._id ?? o.id) !== undefined).map((o) => toOrder(o, '')),
      page: pagination?.page ?? q.page,
      totalPages: pagination?.totalPages ?? q.page,
    };
  }

  /** Every order in a time window, walking the pages (the provider returns at most 100 a page). */
  listAllOrders(from: number, to: number, maxPages = 200): Promise<ApiOrder[]> {
    return walkPages((range) => this.listOrders(range), from, to, maxPages);
  }

  /** Every account movement in a time window, walking the pages. */
  listAllTransactions(from: number, to: number, maxPages = 200): Promise<ApiTransaction[]> {
    return walkPages((range) => this.transactions(range), from, to, maxPages);
  }

  async transactions(q: { page: number; pageSize: number; from: string; to: string }): Promise<Page<ApiTransaction>> {
    const qs = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize), from: q.from, to: q.to });
    const { data, meta } = await this.getWithMeta(`/v3/account/transactions?${qs}`);
    const parsed = this.parse(transactionListDataSchema, data, 'transactions');
    const pagination = parsed.pagination ?? paginationSchema.safeParse(meta?.pagination).data;
    return {
      items: parsed.items.map((t) => ({
        id: t._id ?? null,
        type: t.type,
        amountC: Math.round(t.amount * 100),
        objid: t.objid ?? null,
        time: t.time,
      })),
      page: pagination?.page ?? q.page,
      totalPages: pagination?.totalPages ?? q.page,
    };
  }

  private parse<S extends z.ZodType>(schema: S, data: unknown, what: string): z.infer<S> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || '(root)';
      throw new ApiError('bad_response', 'API_BAD_RESPONSE', `Unexpected answer from the provider for ${what} (field ${field})`);
    }
    return parsed.data;
  }

  private async get(path: string, retries = this.getRetries): Promise<unknown> {
    return (await this.getWithMeta(path, retries)).data;
  }

  private async getWithMeta(path: string, retries = this.getRetries): Promise<{ data: unknown; meta: { pagination?: unknown } | undefined }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.exchangeFull('GET', path, undefined, false);
      } catch (e) {
        // A refused connection or a failed DNS lookup will not heal in a second: fail fast, so an
        // offline sale falls back to cached prices at once. Resets, timeouts and 5xx may be blips.
        const hardDown = e instanceof ApiError && e.kind === 'unsent' && ['refused', 'dns', 'offline'].includes(String(e.details?.reason));
        const retryable = !hardDown && e instanceof ApiError && (e.kind === 'unsent' || e.kind === 'unknown' || e.kind === 'server' || (e.kind === 'rate_limited' && (e.retryAfterMs ?? 0) <= 2000));
        if (!retryable || attempt >= retries) throw e;
        // The provider's own Retry-After when it gave one (a little jitter on top), else the backoff.
        const wait = e instanceof ApiError && e.retryAfterMs !== undefined ? e.retryAfterMs + Math.floor(this.random() * 100) : backoffMs(attempt + 1, READ_RETRY_MIN_MS, READ_RETRY_MAX_MS, this.random);
        await this.sleep(wait);
      }
    }
  }

  private async exchange(method: 'GET' | 'POST', path: string, body: string | undefined, isOrder: boolean, turnTaken = false): Promise<unknown> {
    return (await this.exchangeFull(method, path, body, isOrder, turnTaken)).data;
  }

  private async exchangeFull(method: 'GET' | 'POST', path: string, body: string | undefined, isOrder: boolean, turnTaken = false) {
    if (this.halted) throw this.halted;
    if (!turnTaken) await this.gate?.take();
    const headers: Record<string, string> = { 'X-Access-Token': this.apiKey, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res;
    try {
      res = await this.transport({
        method,
        url: this.baseUrl + path,
        headers,
        body,
        timeoutMs: isOrder ? this.orderTimeoutMs : this.timeoutMs,
        freshConnection: isOrder,
      });
    } catch (e) {
      if (e instanceof TransportError) {
        if (e.phase === 'unsent') {
          // It never reached the provider, so it does not count against the provider's limit.
          this.gate?.release();
          throw new ApiError('unsent', 'API_UNREACHABLE', `The provider could not be reached (${e.reason})`, { reason: e.reason });
        }
        throw new ApiError('unknown', 'API_OUTCOME_UNKNOWN', `The connection failed after the request was sent (${e.reason})`);
      }
      throw new ApiError('unsent', 'API_UNREACHABLE', 'The provider could not be reached');
    }
    let json: unknown;
    try {
      json = JSON.parse(res.bodyText);
    } catch {
      json = undefined;
    }
    const env = envelopeSchema.safeParse(json);
    const ok2xx = res.status >= 200 && res.status < 300;
    if (ok2xx && env.success && env.data.success) return { data: env.data.data, meta: env.data.meta };
    if (ok2xx && !env.success) {
      if (isOrder) throw new ApiError('unknown', 'API_OUTCOME_UNKNOWN', 'The provider answered the order with an unreadable response');
      throw new ApiError('bad_response', 'API_BAD_RESPONSE', 'The provider answered with an unreadable response');
    }
    const err = classifyHttpError(ok2xx ? 400 : res.status, env.success ? env.data : null, res.headers, isOrder);
    if (err.kind === 'auth') this.halted = err;
    if (err.kind === 'rate_limited') this.gate?.pauseFor(err.retryAfterMs ?? 1000 + Math.floor(this.random() * 1000));
    throw err;
  }
}

async function walkPages<T>(
  fetchPage: (q: { page: number; pageSize: number; from: string; to: string }) => Promise<Page<T>>,
  from: number,
  to: number,
  maxPages: number,
): Promise<T[]> {
  const out: T[] = [];
  const range = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  for (let page = 1; page <= maxPages; page++) {
    const res = await fetchPage({ page, pageSize: 100, ...range });
    out.push(...res.items);
    if (page >= res.totalPages || res.items.length === 0) break;
  }
  return out;
}

function toOrder(o: z.infer<typeof orderDataSchema>, fallbackId: string): ApiOrder {
  const cards = (o.cards ?? []).map((c) => ({ value: c.value, serial: c.serial }));
  return {
    orderId: o._id ?? o.id ?? fallbackId,
    status: o.status,
    quantity: o.quantity ?? null,
    deliveredQuantity: o.fulfilled_quantity ?? (o.status === 'HANDLING' ? 0 : cards.length),
    fulfilledAmountC: o.fulfilled_amount !== undefined ? dzdToCentimes(o.fulfilled_amount) : 0,
    pricePerCardC: o.price_per_card !== undefined ? dzdToCentimes(o.price_per_card) : null,
    cards,
    productId: o.product ?? null,
    typeId: o.type ?? null,
    time: o.time ?? null,
  };
}
