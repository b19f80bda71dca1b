import type { UiDict } from './types';

/** English strings for selling offline: the age of a price and the owner's decision on a cost rise. */
export const offlineEn = {
  priceAge: {
    offline: 'Offline: price from {{age}} ago',
    tooOld: 'Price from {{age}} ago: too old to sell offline (limit {{max}} h).',
  },
  held: {
    cost: 'Provider cost {{cost}} per card, price paid {{price}}',
    sendAnyway: 'Send anyway',
    sendAnywayLabel: 'Send sale no. {{id}} anyway (at a loss)',
    cancel: 'Cancel and refund',
    cancelLabel: 'Cancel sale no. {{id}} and refund the customer',
    cancelled: 'Sale no. {{id}} cancelled: give {{amount}} back to the customer.',
    refundSlip: 'Refund slip',
    refundSlipLabel: 'Refund slip of sale no. {{id}}',
  },
} satisfies UiDict;
