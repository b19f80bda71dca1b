import type { UiDict } from './types';

/** Strings of the whole-shop views (issue 12): report, history and exceptions of every till. */
export const shopViewsEn = {
  shopScope: {
    legend: 'Sales of',
    thisTill: 'This till',
    wholeShop: 'Whole shop',
    till: 'Till',
    allTills: 'All tills',
    tillThis: '{{name}} (this till)',
    colTill: 'Till',
    otherTill: 'Sold by {{name}}: reprint or reveal it from that till.',
    byTillHeading: 'By till',
    loadingTills: 'Loading the tills…',
    reconcileAdoptFromTill: 'Orders no till owns are adopted from the till that should keep them: choose “This till” on that till and run the reconciliation.',
    reconcileOneTill: 'Sales of {{name}} against the orders it owns; the account’s movements do not say which till.',
    reconcileMissingInShop: 'Orders at the provider that no till owns ({{n}})',
    reconcileShopSales: 'Sales of the tills',
    reconcileShopCost: 'Cost according to the tills',
    reconcileTillLine: '{{till}} — {{line}}',
  },
} satisfies UiDict;
