import type { UiDict } from './types';

/** English strings for a sale's money (paid, handed back, net) and what the balance can pay. */
export const moneyEn = {
  money: {
    figures: 'Amounts of sale no. {{id}}',
    paid: 'Paid',
    owed: 'To give back',
    owedAmount: 'To give back {{amount}}',
    handedBack: 'Given back',
    net: 'Net',
    delivered_one: '{{delivered}} card delivered of {{ordered}}',
    delivered_other: '{{delivered}} cards delivered of {{ordered}}',
    confirm: 'I gave back {{amount}}',
    confirmLabel: 'I gave back {{amount}} to the customer of sale no. {{id}}',
    confirming: 'Saving…',
    handedBackBy: 'Given back at {{time}} by {{who}}',
    timelineHandedBack: 'Refund given back to the customer: {{amount}} ({{who}})',
    noBalance: 'Balance too low',
    boundBalance_one: 'Maximum reached: the OneClickDZ balance pays for only {{n}} card.',
    boundBalance_other: 'Maximum reached: the OneClickDZ balance pays for only {{n}} cards.',
    colPaid: 'Paid',
    colHandedBack: 'Given back',
    colNet: 'Net',
  },
} satisfies UiDict;
