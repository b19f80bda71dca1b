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
  },
} satisfies UiDict;
