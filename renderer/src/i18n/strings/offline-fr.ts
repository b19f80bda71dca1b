import type { UiDict } from './types';

/** French strings for selling offline: the age of a price and the owner's decision on a cost rise. */
export const offlineFr = {
  priceAge: {
    offline: 'Hors ligne : prix d’il y a {{age}}',
    tooOld: 'Prix d’il y a {{age}} : trop ancien pour vendre hors ligne (limite {{max}} h).',
  },
  held: {
    cost: 'Coût fournisseur {{cost}} par carte, prix payé {{price}}',
    sendAnyway: 'Envoyer quand même',
    sendAnywayLabel: 'Envoyer quand même la vente n° {{id}} (à perte)',
    cancel: 'Annuler et rembourser',
    cancelLabel: 'Annuler la vente n° {{id}} et rembourser le client',
    cancelled: 'Vente n° {{id}} annulée : rendez {{amount}} au client.',
    refundSlip: 'Bon de remboursement',
    refundSlipLabel: 'Bon de remboursement de la vente n° {{id}}',
  },
} satisfies UiDict;
