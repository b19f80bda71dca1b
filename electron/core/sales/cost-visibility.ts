import { AppError } from '../../../shared/result';
import type { ProductDetail, ProductDetailView, Sale, Settings, SettingsView } from '../../../shared/domain';
import type { ActiveCashier } from '../staff/session';

/**
 * What a card costs the shop, and so its margin, is the owner's (issue 13: a cashier ticked
 * "Afficher le coût" and saw both). The screen hides the switch from cashiers, but that is only
 * the screen: the core itself never sends a cost, or the markup that gives it back from the price,
 * to anyone but the owner, so a modified page cannot show them either. One rule, applied to every
 * command's answer (commands/access.ts) and to every `sales:changed` event (sales/visible-events.ts).
 */
export function maySeeCost(who: ActiveCashier | null): boolean {
  return who?.role === 'owner';
}

/** A product's cards without their cost, and without the markup (price ÷ markup = cost). */
export function productWithoutCost(p: ProductDetail | ProductDetailView): ProductDetailView {
  return { ...p, markupBp: null, denominations: p.denominations.map((d) => ({ ...d, costC: null, ...(d.costPpm === undefined ? {} : { costPpm: null }) })) };
}

export function saleWithoutCost(s: Sale): Sale {
  return { ...s, unitCostC: null };
}

/** The settings without the markup: with it, a price gives the cost back. */
export function settingsWithoutMarkup(s: Settings | SettingsView): SettingsView {
  return { ...s, markupBp: null, markupOverridesBp: null };
}

const isSale = (v: object): v is Sale => 'unitCostC' in v && 'totalRetailC' in v;
const isProduct = (v: object): v is ProductDetail => 'denominations' in v && Array.isArray((v as ProductDetail).denominations) && 'markupBp' in v;
const isSettings = (v: object): v is Settings => 'markupOverridesBp' in v && 'markupBp' in v && 'shop' in v;

/**
 * Takes the costs out of any answer for someone who is not the owner: a sale, a product, the
 * settings (their markup), or a list or record of them (history pages, held sales…). Walks the answer's shape instead of a list
 * of commands, so a command added later that returns sales is covered without anyone remembering.
 */
export function withoutCosts<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => withoutCosts(v, depth + 1)) as T;
  if (isSale(value)) return saleWithoutCost(value) as T;
  if (isProduct(value)) return productWithoutCost(value) as T;
  if (isSettings(value)) return settingsWithoutMarkup(value) as T;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const next = withoutCosts(v, depth + 1);
    if (next !== v) changed = true;
    out[k] = next;
  }
  return (changed ? out : value) as T;
}

/**
 * A refusal without what the sale would have cost the shop: "the balance is too low" names the
 * cost required (INSUFFICIENT_BALANCE's requiredC), which gives the margin back from the price.
 */
export function errorWithoutCost(e: unknown): unknown {
  if (!(e instanceof AppError) || !e.details || !('requiredC' in e.details)) return e;
  const details = Object.fromEntries(Object.entries(e.details).filter(([key]) => key !== 'requiredC'));
  const out = new AppError(e.code, e.message, details);
  out.stack = e.stack;
  return out;
}
