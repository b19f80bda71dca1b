import type { Sale } from '../../../../shared/domain';
import { initialFlow, useFlowStore } from '../counter/saleFlowStore';
import { receiveSale } from '../pending-sales/salesActions';

/**
 * A confirmed top-up goes to the counter's own progress screen (the gift cards' one): in
 * progress, done, refunded, to verify, with its receipt. "Nouvelle vente" there comes back to the
 * line the cashier was selling.
 */
export function showProgress(sale: Sale): void {
  useFlowStore.setState((s) => ({ ...initialFlow, showCost: s.showCost, step: 'progress', saleId: sale.id }));
  receiveSale(sale);
}
