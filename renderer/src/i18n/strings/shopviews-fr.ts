import type { UiDict } from './types';

/** Chaînes des vues « toute la boutique » (issue 12) : rapport, historique et anomalies de toutes les caisses. */
export const shopViewsFr = {
  shopScope: {
    legend: 'Ventes de',
    thisTill: 'Cette caisse',
    wholeShop: 'Toute la boutique',
    till: 'Caisse',
    allTills: 'Toutes les caisses',
    tillThis: '{{name}} (cette caisse)',
    colTill: 'Caisse',
    otherTill: 'Vendue par {{name}} : réimprimez ou révélez depuis cette caisse.',
    byTillHeading: 'Par caisse',
    loadingTills: 'Chargement des caisses…',
    reconcileAdoptFromTill:
      'Les commandes qu’aucune caisse ne possède s’intègrent depuis la caisse qui doit les garder : choisissez « Cette caisse » sur celle-ci et lancez le rapprochement.',
    reconcileOneTill: 'Ventes de {{name}} face aux commandes qu’elle possède ; les mouvements du compte ne disent pas quelle caisse.',
    reconcileMissingInShop: 'Commandes chez le fournisseur qu’aucune caisse ne possède ({{n}})',
    reconcileShopSales: 'Ventes des caisses',
    reconcileShopCost: 'Coût selon les caisses',
    reconcileTillLine: '{{till}} — {{line}}',
  },
} satisfies UiDict;
