import type { UiDict } from './types';

/** Arabic strings of the one-row counter header, the tray sheet and hands-free printing (issue 13). */
export const counterAr = {
  bar: {
    menu: 'القائمة',
    queued_zero: 'لا توجد عملية بيع في الانتظار',
    queued_one: 'عملية بيع واحدة في الانتظار',
    queued_two: 'عمليتا بيع في الانتظار',
    queued_few: '{{n}} عمليات بيع في الانتظار',
    queued_many: '{{n}} عملية بيع في الانتظار',
    queued_other: '{{n}} عملية بيع في الانتظار',
    shiftOpen: 'مفتوح منذ {{time}}',
    shiftClosed: 'مغلق',
    tray: 'مبيعات جارية ({{n}})',
    trayClose: 'إغلاق المبيعات الجارية',
  },
  autoPrint: {
    reprint: 'إعادة الطباعة',
    reprintLabel: 'إعادة طباعة وصل عملية البيع رقم {{id}}',
    reprinting: 'جارٍ الطباعة…',
    notPrinted: 'لم تتم طباعة الوصل. تحقق من الطابعة (الورق، الكابل، الاسم في الإعدادات) ثم أعد المحاولة.',
  },
} satisfies UiDict;
