import type { z } from 'zod';
import { dzdToCentimes, type Centimes } from '../../../shared/money';
import { backoffMs } from './backoff';
import { classifyHttpError } from './classify';
import { ApiError } from './errors';
import { balanceDataSchema, envelopeSchema, paginationSchema, transactionListDataSchema, validateDataSchema } from './schemas';
import type { RequestGate } from './request-gate';
import { nodeTransport, TransportError, type Transport } from './transport';

export interface ApiAccount {
  username: string;
  keyType: 'SANDBOX' | 'PRODUCTION';
  scope: 'READ-WRITE' | 'READ-ONLY';
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
  /** Shared request budget for this key (request-gate.ts); absent: no client-side limit. */
  gate?: RequestGate;
}

/** A read's retries wait 250–500 ms, then 250–1000 ms (provider/backoff.ts), never above 2 s. */
const READ_RETRY_MIN_MS = 250;
const READ_RETRY_MAX_MS = 2_000;

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * OneClickDZ v3 client: the key, the account and the transport rules every product line shares.
 * Each line's endpoints (/v3/gift-cards/*, later /v3/mobile/*) live in its module and go through
 * `read`, `readList` and `sendOrder`. Reads may retry with backoff; an order is sent exactly once per call.
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
  private readonly gate: RequestGate | undefined;

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

  /**
   * Waits for this client's turn under the rate gate. The order sender calls it before it marks a
   * sale SENDING, so SENDING means "leaving now", not "waiting for a slot".
   */
  async waitTurn(): Promise<void> {
    await this.gate?.take();
  }

  /**
   * An order, sent once (a product line's placeOrder). Errors say whether the order certainly was
   * not created (kind `unsent`) or may have been (`unknown`); a "success" whose data the line
   * cannot read must be treated as `unknown` by the line. `turnTaken`: the caller already waited
   * its turn with `waitTurn`.
   */
  async sendOrder(path: string, body: unknown, opts: { turnTaken?: boolean } = {}): Promise<unknown> {
    return this.exchange('POST', path, JSON.stringify(body), true, opts.turnTaken === true);
  }

  /** A read (retried with backoff on blips), for the product lines' own endpoints. */
  read(path: string): Promise<unknown> {
    return this.get(path);
  }

  /** A read of a list: its data and the envelope's `meta` (some pages put pagination there). */
  readList(path: string): Promise<{ data: unknown; meta: { pagination?: unknown } | undefined }> {
    return this.getWithMeta(path);
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

  parse<S extends z.ZodType>(schema: S, data: unknown, what: string): z.infer<S> {
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
        const retryable =
          !hardDown &&
          e instanceof ApiError &&
          (e.kind === 'unsent' || e.kind === 'unknown' || e.kind === 'server' || (e.kind === 'rate_limited' && (e.retryAfterMs ?? 0) <= 2000));
        if (!retryable || attempt >= retries) throw e;
        // The provider's own Retry-After when it gave one (a little jitter on top), else the backoff.
        const wait =
          e instanceof ApiError && e.retryAfterMs !== undefined
            ? e.retryAfterMs + Math.floor(this.random() * 100)
            : backoffMs(attempt + 1, READ_RETRY_MIN_MS, READ_RETRY_MAX_MS, this.random);
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

/** Every item of a paged list in a time window (the provider returns at most 100 a page). */
export async function walkPages<T>(
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
