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
  },
} satisfies UiDict;
