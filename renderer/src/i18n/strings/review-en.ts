import type { UiDict } from './types';

/** English: the owner's check of a sale whose answer was lost and that several provider orders could be (NEEDS_REVIEW). */
export const reviewEn = {
  review: {
    check: 'Check',
    checkLabel: 'Check sale no. {{id}}',
    intro:
      'The provider has several orders that could be this sale’s. Compare the time and the card with the sale, then pick its order. If none is, cancel the sale: the customer is refunded.',
    loading: 'Reading the orders at the provider…',
    saving: 'Saving the decision…',
    list: 'Possible orders for sale no. {{id}}',
    none: 'No possible order is recorded for this sale.',
    order: 'Order',
    time: 'Placed at {{time}}',
    sentAt: 'Sale no. {{id}} was sent to the provider at {{time}}.',
    noTime: 'Time unknown',
    cards: 'Cards delivered: {{delivered}} of {{quantity}}',
    cardsDelivered: 'Cards delivered: {{delivered}}',
    charged: 'Charged {{amount}}',
    unreadable: 'The provider does not answer for this order: only its number is known.',
    status: {
      HANDLING: 'In progress at the provider',
      QUEUED: 'Queued at the provider',
      TO_VERIFY: 'To be verified by the provider',
      FULFILLED: 'Delivered',
      PARTIALLY_FILLED: 'Partly delivered',
      REFUNDED: 'Refunded by the provider',
    },
    adopt: 'This is the order',
    adoptLabel: 'Attach order {{order}} to sale no. {{id}}',
    taken: 'Already attached to another sale',
    ownerUnknown: 'Cannot check right now',
    ownerUnknownHint: 'The shop server does not say whether another till owns this order. Press “Check” again later.',
    dismiss: 'None of these orders: cancel the sale',
    dismissLabel: 'None of these orders: cancel sale no. {{id}}',
    confirmQuestion: 'Cancel sale no. {{id}}? No order will be attached to it and {{amount}} is to be given back to the customer.',
    confirm: 'Confirm cancellation and refund',
    confirmLabel: 'Confirm the cancellation of sale no. {{id}} and the refund',
    keep: 'Do not cancel',
    adopted: 'Order attached: sale no. {{id}} is receiving its codes.',
    adoptedState: 'Sale status: {{state}}',
  },
} satisfies UiDict;
