import type { AppStatus, Sale } from '../../../../../shared/domain';
import type { AppErrorShape } from '../../../../../shared/result';
import type { ViewScope } from '../../../../../shared/shop';

/**
 * The owner's choice between this till's sales and the whole shop's (issue 12), as pure rules:
 * when the choice is offered, what each command is asked, how rows are told apart.
 */
export type ShopScopeChoice = { scope: ViewScope; tillId: string | null };

export const TILL_SCOPE: ShopScopeChoice = { scope: 'till', tillId: null };

/** Offered only on a till joined to a shop's server (whether it answers right now or not). */
export function shopScopeOffered(status: AppStatus | null): boolean {
  return !!status && status.till.shared !== 'off';
}

/** The fields a scoped command is sent: nothing for this till (the default), scope and maybe a till otherwise. */
export function scopeInput(choice: ShopScopeChoice, offered: boolean): { scope?: 'shop'; tillId?: string } {
  if (!offered || choice.scope !== 'shop') return {};
  return choice.tillId ? { scope: 'shop', tillId: choice.tillId } : { scope: 'shop' };
}

/** Sale numbers are per till: in shop scope a row is keyed by its till too. */
export function saleRowKey(sale: Pick<Sale, 'id' | 'till'>): string {
  return sale.till ? `${sale.till.id}:${sale.id}` : `here:${sale.id}`;
}

/**
 * Whether this till may act on the sale (send, cancel, open its timeline, reveal, reprint): its own
 * sales only. Another till's sale is shown, masked, and is handled from the till that sold it.
 */
export function isThisTillsSale(sale: Pick<Sale, 'till'>, thisTillId: string | null): boolean {
  return !sale.till || (thisTillId !== null && sale.till.id === thisTillId);
}

/** Why the core refused a shop-wide view (details.reason of NOT_SUPPORTED), said in the cashier's words by ErrorNote. */
export function shopScopeReason(error: AppErrorShape): 'SHOP_RECONCILE_TRAINING' | null {
  return error.code === 'NOT_SUPPORTED' && error.details?.reason === 'SHOP_RECONCILE_TRAINING' ? 'SHOP_RECONCILE_TRAINING' : null;
}
