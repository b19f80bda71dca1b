/** The contract's hard limit on one order (sales:confirm input). */
export const CONTRACT_MAX_QUANTITY = 100;

export type QuantityBound = 'min' | 'stock' | 'balance' | 'maxPerSale' | null;

export interface QuantityLimits {
  stock: number;
  maxPerSale: number;
  /** Cards the OneClickDZ balance can still pay (catalog:product's balanceCap); null: not known. */
  balance?: number | null;
}

/**
 * The highest quantity allowed, and which limit decides it. A tie goes to the harder fact: stock,
 * then the balance, then the shop's own per-sale maximum.
 */
export function maxQuantity(limits: QuantityLimits): { max: number; bound: 'stock' | 'balance' | 'maxPerSale' } {
  const perSale = Math.min(limits.maxPerSale, CONTRACT_MAX_QUANTITY);
  const balance = limits.balance ?? Number.POSITIVE_INFINITY;
  if (limits.stock <= perSale && limits.stock <= balance) return { max: Math.max(0, limits.stock), bound: 'stock' };
  if (balance <= perSale) return { max: Math.max(0, balance), bound: 'balance' };
  return { max: perSale, bound: 'maxPerSale' };
}

/**
 * Brings a requested quantity inside [1, max] and says which bound was hit, if any, so the
 * screen can explain it ("only 3 in stock", "at most 10 per sale").
 */
export function clampQuantity(requested: number, limits: QuantityLimits): { quantity: number; bound: QuantityBound } {
  const { max, bound } = maxQuantity(limits);
  if (max < 1) return { quantity: 0, bound };
  if (!Number.isFinite(requested) || requested < 1) return { quantity: 1, bound: requested < 1 ? 'min' : null };
  const whole = Math.floor(requested);
  if (whole > max) return { quantity: max, bound };
  if (whole === max) return { quantity: max, bound };
  return { quantity: whole, bound: null };
}

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits typed by a cashier become ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** Parses what is in the quantity box; NaN when it holds no digits. */
export function parseQuantityText(text: string): number {
  const digits = asciiDigits(text).replace(/\D/g, '');
  if (!digits) return Number.NaN;
  return Number.parseInt(digits.slice(0, 4), 10);
}
