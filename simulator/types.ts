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

export interface SimFaultSpec {
  endpoint: SimFaultEndpoint;
  kind: SimFaultKind;
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
  setConfig(c: Partial<Pick<SimulatorBaseOptions, 'handlingMs' | 'latencyMs' | 'rateLimit'>>): void;
  /** Every order ever created, oldest first. */
  orders(): SimOrder[];
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
