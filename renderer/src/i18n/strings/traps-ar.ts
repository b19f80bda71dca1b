import type { UiDict } from './types';

/** Arabic: the settings' parts, the unsaved-changes question and picking a backup (issue 13). */
export const trapsAr = {
  settingsNav: {
    label: 'أقسام الإعدادات',
    tab: { shop: 'المحل', sales: 'المبيعات', printing: 'الطباعة', security: 'الأمان', advanced: 'متقدم' },
    securityHeading: 'القفل وإعادة الطباعة',
    advancedHeading: 'إعدادات تقنية',
    advancedNote: 'لا تغيّرها إلا بنصيحة: هذه الإعدادات تحمي الاتصال بالمزوّد وقائمة الانتظار دون اتصال.',
    hasErrors: 'يحتوي على أخطاء',
    fixErrorsIn: 'صحّح الحقول المشار إليها (القسم: {{parts}}).',
  },
  unsaved: {
    title: 'الخروج دون حفظ؟',
    body: 'توجد تعديلات لم تُحفظ.',
    keep: 'متابعة التعديل',
    discard: 'الخروج دون حفظ',
    save: 'حفظ وإغلاق',
  },
  backupPick: {
    createHeading: 'إنشاء نسخة احتياطية',
    folder: 'مجلد النسخ الاحتياطية:',
    saveAs: 'حفظ باسم… (مفتاح USB، مجلد آخر)',
    usbHint: 'للاحتفاظ بنسخة في مكان آخر، انسخ الملف من هذا المجلد إلى مفتاح USB.',
    kb: '{{n}} ك.ب',
    none: 'لا توجد نسخة احتياطية في مجلد النسخ الاحتياطية.',
    table: 'النسخ الاحتياطية للصندوق',
    col: { name: 'الملف', date: 'التاريخ', size: 'الحجم', action: 'إجراء' },
    restoreLabel: 'استعادة {{name}}',
    refresh: 'تحديث القائمة',
    confirmTitle: 'استبدال المبيعات الحالية؟',
    confirmFile: 'النسخة المختارة:',
    confirmChoose: 'ستختار ملف النسخة الاحتياطية بعد ذلك.',
    cancel: 'إلغاء',
  },
} satisfies UiDict;
