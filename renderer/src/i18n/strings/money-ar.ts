import type { UiDict } from './types';

/** Arabic strings for a sale's money (paid, handed back, net) and what the balance can pay. */
export const moneyAr = {
  money: {
    figures: 'مبالغ عملية البيع رقم {{id}}',
    paid: 'المدفوع',
    owed: 'الواجب رده',
    owedAmount: 'الواجب رده {{amount}}',
    handedBack: 'المردود',
    net: 'الصافي',
    delivered_zero: 'لم تُسلَّم أي بطاقة من {{ordered}}',
    delivered_one: 'سُلِّمت بطاقة واحدة من {{ordered}}',
    delivered_two: 'سُلِّمت بطاقتان من {{ordered}}',
    delivered_few: 'سُلِّمت {{delivered}} بطاقات من {{ordered}}',
    delivered_many: 'سُلِّمت {{delivered}} بطاقة من {{ordered}}',
    delivered_other: 'سُلِّمت {{delivered}} بطاقة من {{ordered}}',
    confirm: 'رددت {{amount}}',
    confirmLabel: 'رددت {{amount}} لزبون عملية البيع رقم {{id}}',
    confirming: 'جارٍ الحفظ…',
    handedBackBy: 'رُدَّ في {{time}} بواسطة {{who}}',
    timelineHandedBack: 'رُدَّ المبلغ للزبون: {{amount}} ({{who}})',
    noBalance: 'الرصيد غير كافٍ',
    boundBalance_zero: 'الحد الأقصى: رصيد OneClickDZ لا يكفي لأي بطاقة.',
    boundBalance_one: 'الحد الأقصى: رصيد OneClickDZ يكفي لبطاقة واحدة فقط.',
    boundBalance_two: 'الحد الأقصى: رصيد OneClickDZ يكفي لبطاقتين فقط.',
    boundBalance_few: 'الحد الأقصى: رصيد OneClickDZ يكفي لـ {{n}} بطاقات فقط.',
    boundBalance_many: 'الحد الأقصى: رصيد OneClickDZ يكفي لـ {{n}} بطاقة فقط.',
    boundBalance_other: 'الحد الأقصى: رصيد OneClickDZ يكفي لـ {{n}} بطاقة فقط.',
    colPaid: 'المدفوع',
    colHandedBack: 'المردود',
    colNet: 'الصافي',
  },
} satisfies UiDict;
