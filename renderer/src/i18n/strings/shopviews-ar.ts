import type { UiDict } from './types';

/** نصوص عرض «كل المحل» (issue 12): تقرير وسجلّ وحالات شاذة لكل الصناديق. */
export const shopViewsAr = {
  shopScope: {
    legend: 'مبيعات',
    thisTill: 'هذا الصندوق',
    wholeShop: 'كل المحل',
    till: 'الصندوق',
    allTills: 'كل الصناديق',
    tillThis: '{{name}} (هذا الصندوق)',
    colTill: 'الصندوق',
    otherTill: 'باعها {{name}}: أعد الطباعة أو الكشف من ذلك الصندوق.',
    byTillHeading: 'حسب الصندوق',
    loadingTills: 'جارٍ تحميل الصناديق…',
  },
} satisfies UiDict;
