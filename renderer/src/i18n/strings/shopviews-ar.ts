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
    reconcileAdoptFromTill: 'الطلبات التي لا يملكها أي صندوق تُدمج من الصندوق الذي يجب أن يحتفظ بها: اختر «هذا الصندوق» عليه وشغّل المطابقة.',
    reconcileOneTill: 'مبيعات {{name}} مقابل الطلبات التي يملكها؛ حركات الحساب لا تذكر أي صندوق.',
    reconcileMissingInShop: 'طلبات لدى المورّد لا يملكها أي صندوق ({{n}})',
    reconcileShopSales: 'مبيعات الصناديق',
    reconcileShopCost: 'التكلفة حسب الصناديق',
    reconcileTillLine: '{{till}} — {{line}}',
  },
} satisfies UiDict;
