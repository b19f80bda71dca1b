import type { ProductDetail } from '../../../shared/domain';
import type { Ledger } from '../ledger/ledger';
import { committedCostC } from './confirm-sale';

/**
 * How many cards of each denomination the OneClickDZ balance can still pay, by the same rule as
 * the confirm check (confirm-sale.ts): the last balance less the cost of sales confirmed but not
 * yet debited. The screen greys out a denomination it cannot pay ("Solde insuffisant") and caps
 * the quantity by it, instead of letting the cashier find out at the last step. Only a count
 * crosses to the screen, never the cost. Unknown balance or a price not checked live: no cap
 * (the confirm check does not apply either).
 */
export function withBalanceCaps<P extends ProductDetail>(
  product: P,
  balanceC: number | null,
  ledger: Ledger,
): P & { denominations: (P['denominations'][number] & { balanceCap: number | null })[] } {
  const available = balanceC === null || !product.live ? null : balanceC - committedCostC(ledger);
  return {
    ...product,
    denominations: product.denominations.map((d) => ({
      ...d,
      balanceCap: available === null || d.costC <= 0 ? null : Math.max(0, Math.floor(available / d.costC)),
    })),
  };
}
