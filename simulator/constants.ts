/**
 * Names shared by the simulator's modules and by its callers. Kept apart from index.ts so that the
 * internal modules never import the public entry point (no import cycles).
 */

/** The key the till uses in training mode, when the shop has not configured a provider key. */
export const TRAINING_API_KEY = 'training-key';

/** Sandbox magic type ids documented by the provider; accepted for any existing product. */
export const TEST_TYPE_REFUND = 'TEST_REFUND';
export const TEST_TYPE_PARTIAL = 'TEST_PARTIAL';

/** The provider locks an address out after this many bad keys, for this long (docs §1.3). */
export const MAX_FAILED_AUTH_ATTEMPTS = 5;
export const IP_BLOCK_MS = 15 * 60 * 1000;

export const ENDPOINTS = ['placeOrder', 'checkOrder', 'checkProduct', 'catalog', 'balance', 'validate', 'list', 'transactions', 'ping'] as const;
export type EndpointName = (typeof ENDPOINTS)[number];

/** The control listener's per-launch token travels in this header (a custom header also forces a CORS preflight). */
export const CONTROL_TOKEN_HEADER = 'x-sim-control-token';
