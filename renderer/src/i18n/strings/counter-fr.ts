import type { UiDict } from './types';

/** French strings of the one-row counter header, the tray sheet and hands-free printing (issue 13). */
export const counterFr = {
  bar: {
    menu: 'Menu',
    queued_one: '{{n}} vente en file d’attente',
    queued_other: '{{n}} ventes en file d’attente',
    shiftOpen: 'Ouverte à {{time}}',
    shiftClosed: 'Fermée',
    tray: 'Ventes en cours ({{n}})',
    trayClose: 'Fermer les ventes en cours',
  },
  autoPrint: {
    reprint: 'Réimprimer',
    reprintLabel: 'Réimprimer le reçu de la vente n° {{id}}',
    reprinting: 'Impression…',
    notPrinted: 'Le reçu n’a pas été imprimé. Vérifiez l’imprimante (papier, câble, nom dans les paramètres) puis réessayez.',
  },
} satisfies UiDict;
