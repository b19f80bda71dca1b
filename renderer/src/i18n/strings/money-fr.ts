import type { UiDict } from './types';

/** French strings for a sale's money (paid, handed back, net) and what the balance can pay. */
export const moneyFr = {
  money: {
    figures: 'Montants de la vente n° {{id}}',
    paid: 'Payé',
    owed: 'À rendre',
    owedAmount: 'À rendre {{amount}}',
    handedBack: 'Rendu',
    net: 'Net',
    delivered_one: '{{delivered}} carte livrée sur {{ordered}}',
    delivered_other: '{{delivered}} cartes livrées sur {{ordered}}',
    confirm: 'J’ai rendu {{amount}}',
    confirmLabel: 'J’ai rendu {{amount}} au client de la vente n° {{id}}',
    confirming: 'Enregistrement…',
    handedBackBy: 'Rendu le {{time}} par {{who}}',
    timelineHandedBack: 'Remboursement rendu au client : {{amount}} ({{who}})',
    noBalance: 'Solde insuffisant',
    boundBalance_one: 'Maximum atteint : le solde OneClickDZ ne paie que {{n}} carte.',
    boundBalance_other: 'Maximum atteint : le solde OneClickDZ ne paie que {{n}} cartes.',
    colPaid: 'Payé',
    colHandedBack: 'Rendu',
    colNet: 'Net',
  },
} satisfies UiDict;
