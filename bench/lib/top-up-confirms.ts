/**
 * One counter confirmation per top-up line: a 500 DZD Djezzy flexy and a 1000 DZD ADSL recharge on
 * the simulator's always-fulfilled numbers. The top-up bench and the top-up fault tests sell these.
 */
import type { CommandHandlers } from '../../shared/contract';

export type ConfirmInput = Parameters<CommandHandlers['sales:confirm']>[0];

export const TOP_UP_CONFIRMS = {
  'mobile-topups': {
    line: 'mobile-topups',
    productId: 'Djezzy',
    typeId: 'PREPAID_DJEZZY',
    quantity: 1,
    expectedUnitRetailC: 50_000,
    entry: { recipient: '0778037340', amountDzd: 500 },
  },
  internet: { line: 'internet', productId: 'ADSL', typeId: '1000', quantity: 1, expectedUnitRetailC: 100_000, entry: { recipient: '036362608' } },
} as const satisfies Record<string, ConfirmInput>;
