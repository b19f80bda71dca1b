import type { SaleState } from '../../../shared/domain';

/**
 * A sale's money, in integer centimes, as every surface shows it (slip, history, tray, export,
 * reports): one function so that no two places can disagree.
 *
 * - paid: what the customer gave at the counter (every card ordered, at its retail price);
 * - refundDue: what the till owes back: undelivered cards of a partly delivered or refunded sale,
 *   the whole sale once it was refused or cancelled after payment;
 * - handedBack: the part of it the cashier confirmed handing back (sales:confirmRefund);
 * - owed: still to hand back (refundDue − handedBack);
 * - net: what the shop keeps (paid − refundDue), whether or not the cash has left the drawer yet.
 * A pending sale owes nothing yet: its money is held until it settles.
 */
export interface MoneyFiguresInput {
  state: SaleState;
  quantity: number;
  deliveredQuantity: number;
  unitRetailC: number;
  /** The refund the cashier confirmed handing back, 0 until then. */
  refundHandedC: number;
}

export interface MoneyFigures {
  paidC: number;
  refundDueC: number;
  handedBackC: number;
  owedC: number;
  netC: number;
  delivered: number;
  ordered: number;
  /** True when paid and net differ: the surfaces then show all three figures. */
  differs: boolean;
}

function undeliveredCards(i: MoneyFiguresInput): number {
  switch (i.state) {
    case 'PARTIALLY_FILLED':
    case 'REFUNDED':
      return i.quantity - i.deliveredQuantity;
    case 'REJECTED':
    case 'CANCELLED':
      return i.quantity;
    default:
      return 0;
  }
}

export function moneyFigures(i: MoneyFiguresInput): MoneyFigures {
  for (const [name, v] of [
    ['quantity', i.quantity],
    ['deliveredQuantity', i.deliveredQuantity],
    ['unitRetailC', i.unitRetailC],
    ['refundHandedC', i.refundHandedC],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer`);
  }
  if (i.deliveredQuantity > i.quantity) throw new RangeError('deliveredQuantity exceeds quantity');
  const paidC = i.quantity * i.unitRetailC;
  const refundDueC = Math.max(0, undeliveredCards(i)) * i.unitRetailC;
  // A confirmation records the whole refund due at that time; never count more than is due.
  const handedBackC = Math.min(i.refundHandedC, refundDueC);
  const delivered = i.state === 'REJECTED' || i.state === 'CANCELLED' ? 0 : i.deliveredQuantity;
  return {
    paidC,
    refundDueC,
    handedBackC,
    owedC: refundDueC - handedBackC,
    netC: paidC - refundDueC,
    delivered,
    ordered: i.quantity,
    differs: refundDueC > 0,
  };
}
