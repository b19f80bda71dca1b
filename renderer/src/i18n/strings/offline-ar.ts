import type { UiDict } from './types';

/** Arabic strings for selling offline: the age of a price and the owner's decision on a cost rise. */
export const offlineAr = {
  priceAge: {
    offline: 'بدون اتصال: سعر منذ {{age}}',
    tooOld: 'سعر منذ {{age}}: قديم جدًا للبيع بدون اتصال (الحد {{max}} ساعة).',
  },
  held: {
    cost: 'تكلفة المورد {{cost}} للبطاقة، والسعر المدفوع {{price}}',
    sendAnyway: 'إرسال رغم ذلك',
    sendAnywayLabel: 'إرسال البيع رقم {{id}} رغم ذلك (بخسارة)',
    cancel: 'إلغاء واسترجاع المبلغ',
    cancelLabel: 'إلغاء البيع رقم {{id}} وإرجاع المبلغ للزبون',
    cancelled: 'أُلغي البيع رقم {{id}}: أرجع {{amount}} للزبون.',
    refundSlip: 'وصل الاسترجاع',
    refundSlipLabel: 'وصل استرجاع البيع رقم {{id}}',
  },
} satisfies UiDict;
