/** The simulator's public types; index.ts re-exports them unchanged. */

export type KeyType = 'SANDBOX' | 'PRODUCTION';
export type KeyScope = 'READ-WRITE' | 'READ-ONLY';

export interface SimKeyInfo {
  type: KeyType;
  scope: KeyScope;
  username: string;
}

export interface RateLimitConfig {
  requests: number;
  perMs: number;
}

/** Everything a simulator is started with but its product lines (options.ts adds them). */
export interface SimulatorBaseOptions {
  /** Default 0 (random). */
  port?: number;
  /** Default { 'training-key': { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213550000000' } }. */
  keys?: Record<string, SimKeyInfo>;
  /** Starting balance in DZD, default 50000. */
  balanceDzd?: number;
  /**
   * How long an order stays HANDLING, default 2000. Orders still HANDLING follow the current value
   * (setConfig), so a test can park them with a large value and release them by lowering it.
   */
  handlingMs?: number;
  /**
   * How long a mobile top-up stays UNKNOWN_ERROR before the provider's support settles it as
   * FULFILLED, default 6 h (the docs say 1 to 24 h). Follows the current value, like handlingMs.
   */
  unknownErrorResolveMs?: number;
  /** How long an internet top-up stays QUEUED before its card arrives, default 24 h (docs: 12–48 h). */
  queuedResolveMs?: number;
  /**
   * Artificial latency, default 0. Applied after a request is received and before it is processed, so
   * a client that gives up sooner still gets its order created (as with a slow real network).
   */
  latencyMs?: number;
  /** Per key; beyond it -> 429 with Retry-After. Default null (no limit). */
  rateLimit?: RateLimitConfig | null;
  /** Card codes/serials are deterministic per seed when given (still unique per card). */
  seed?: number;
  /** Clock, default () => new Date(). */
  now?: () => Date;
  /**
   * Also open the JSON control listener (tests and benchmarks driving a simulator in another
   * process). Default false: the till's own training simulator never opens it.
   */
  controlListener?: boolean;
}

export type SimFaultEndpoint = 'placeOrder' | 'checkOrder' | 'checkProduct' | 'catalog' | 'balance' | 'validate' | 'list' | 'transactions' | 'ping' | '*';

export type SimFaultKind = 'drop-before' | 'drop-after' | 'error-500-after' | 'error-500' | 'hang-after' | 'delay' | 'rate-limit' | 'malformed';

/** The built-in product lines, by the id their routes carry. */
export type SimLineId = 'gift-cards' | 'mobile-topups' | 'internet';

export interface SimFaultSpec {
  endpoint: SimFaultEndpoint;
  kind: SimFaultKind;
  /** Aims the fault at one product line's route of that endpoint; absent, any line's (or the account's). */
  line?: SimLineId;
  /** How many matching requests it applies to, default 1; Infinity allowed. */
  times?: number;
  delayMs?: number;
  retryAfterSec?: number;
}

export type SimOrderStatus = 'HANDLING' | 'FULFILLED' | 'PARTIALLY_FILLED' | 'REFUNDED';

export interface SimCard {
  value: string;
  serial: string;
}

export interface SimOrder {
  id: string;
  productId: string;
  typeId: string;
  quantity: number;
  status: SimOrderStatus;
  createdAt: string;
  key: string;
  cards: SimCard[];
  pricePerCard: number;
  fulfilledQuantity: number;
  fulfilledAmount: number;
}

export type SimTopupStatus = 'PENDING' | 'HANDLING' | 'FULFILLED' | 'REFUNDED' | 'UNKNOWN_ERROR' | 'QUEUED';

interface SimTopupCommon {
  id: string;
  /** The ref as the caller sent it; null when none was sent (the provider made one up). */
  ref: string | null;
  /** The ref the provider stores and answered with: the sent one, a generated one, or a rewritten one. */
  topupRef: string;
  number: string;
  status: SimTopupStatus;
  createdAt: string;
  key: string;
  /** DZD taken from the balance at send (given back if REFUNDED). */
  debited: number;
}

export interface SimMobileTopup extends SimTopupCommon {
  line: 'mobile-topups';
  planCode: string;
  /** Face value in DZD. */
  amount: number;
}

export interface SimInternetTopup extends SimTopupCommon {
  line: 'internet';
  type: 'ADSL' | '4G';
  /** Card denomination in DZD. */
  value: number;
  /** Present once FULFILLED. */
  cardCode?: string;
}

export type SimTopup = SimMobileTopup | SimInternetTopup;

export interface SimRequestLogEntry {
  method: string;
  path: string;
  at: number;
  status: number | 'dropped' | 'hung';
}

export interface SimulatorControl {
  addFault(f: SimFaultSpec): void;
  clearFaults(): void;
  /** Offline: stop listening so connections are refused; online: listen again on the same port. */
  setOffline(offline: boolean): Promise<void>;
  setBalance(dzd: number): void;
  getBalance(): number;
  setStock(productId: string, typeId: string, qty: number): void;
  /** Changes the wholesale price (DZD) of one denomination. */
  setPrice(productId: string, typeId: string, dzd: number): void;
  setConfig(c: Partial<Pick<SimulatorBaseOptions, 'handlingMs' | 'latencyMs' | 'rateLimit' | 'unknownErrorResolveMs' | 'queuedResolveMs'>>): void;
  /** Every gift-card order ever created, oldest first. */
  orders(): SimOrder[];
  /** Every mobile and internet top-up ever created, oldest first. */
  topups(): SimTopup[];
  /**
   * Settles a top-up that is not final yet (UNKNOWN_ERROR and QUEUED above all) as the provider's
   * support would: FULFILLED (an internet card is delivered) or REFUNDED (the debit is given back).
   */
  resolveTopup(id: string, status: 'FULFILLED' | 'REFUNDED'): SimTopup;
  /** A mobile plan goes into (or out of) maintenance. */
  setPlanEnabled(code: string, enabled: boolean): void;
  /** An internet card value goes out of (or back into) stock. */
  setInternetAvailable(type: 'ADSL' | '4G', value: number, available: boolean): void;
  /** An order placed "behind the till's back". */
  placeOrderDirect(input: { key?: string; productId: string; typeId: string; quantity: number }): SimOrder;
  requestLog(): SimRequestLogEntry[];
  resetRequestLog(): void;
}

export interface RunningSimulator {
  url: string;
  port: number;
  /** Null unless `controlListener` was asked for. */
  controlUrl: string | null;
  /** Per-launch token every control request must carry in CONTROL_TOKEN_HEADER; null with no listener. */
  controlToken: string | null;
  control: SimulatorControl;
  close(): Promise<void>;
}
