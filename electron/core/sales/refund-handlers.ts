import type { CommandHandlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { requireVisibleSale, type SaleAccessDeps } from './sale-access';
import { saleFigures, toSaleDto } from './sale-dto';
import type { SaleMoves } from './sale-moves';

export interface RefundDeps extends SaleAccessDeps {
  moves: Pick<SaleMoves, 'changed'>;
}

/**
 * "J'ai rendu 1 050 DA": the cashier who made the sale (or the owner) confirms handing the refund
 * back. Until then the refund shows as owed (tray, detail, shift report). Recorded once, with its
 * time and who, in the sale's timeline; the figure the cashier saw must be the figure due, so a
 * stale screen cannot confirm an amount nobody owes.
 */
export function refundHandlers(s: RefundDeps): Pick<CommandHandlers, 'sales:confirmRefund'> {
  return {
    'sales:confirmRefund': async ({ saleId, amountC }) => {
      // Another cashier's sale is NOT_FOUND, as everywhere (the own-sales rule).
      const { row, who } = requireVisibleSale(s, saleId);
      const figures = saleFigures(row);
      if (row.refund_handed_at !== null) {
        throw new AppError('INVALID_STATE', 'The refund of this sale was already handed back', { reason: 'ALREADY_HANDED_BACK', saleId });
      }
      if (figures.refundDueC === 0) {
        throw new AppError('INVALID_STATE', 'Nothing is owed to the customer for this sale', { reason: 'NOTHING_OWED', saleId });
      }
      if (amountC !== figures.refundDueC) {
        throw new AppError('INVALID_INPUT', 'The amount does not match the refund due', { amountC, refundDueC: figures.refundDueC });
      }
      const next = s.ledger.recordRefundHandedBack(saleId, figures.refundDueC, who.name, `${figures.refundDueC} ${who.name}`);
      if (!next) {
        throw new AppError('INVALID_STATE', 'The refund of this sale was already handed back', { reason: 'ALREADY_HANDED_BACK', saleId });
      }
      s.moves.changed(next);
      return toSaleDto(next, s.ledger);
    },
  };
}
